# Sourced by the Node binding's setup: zig (PyPI's `ziglang`) and cargo-zigbuild (PyPI's
# `cargo-zigbuild`) in a virtual environment of their own under target/tools/zig, put first on
# PATH. They link the native addon against glibc 2.17, so it loads on every Linux the platform
# package declares (`napi build -x --target x86_64-unknown-linux-gnu.2.17`). Installed once.
ZIG_TOOLS="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/tools/zig"
if [ ! -x "$ZIG_TOOLS/bin/cargo-zigbuild" ]; then
  echo "== zig and cargo-zigbuild (PyPI) into target/tools/zig"
  if ! python3 -m venv "$ZIG_TOOLS" 2>/dev/null; then
    # Debian ships venv support separately.
    rm -rf "$ZIG_TOOLS"
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$ZIG_TOOLS"
  fi
  "$ZIG_TOOLS/bin/pip" install -q --disable-pip-version-check ziglang==0.17.0 cargo-zigbuild==0.24.0
fi
export PATH="$ZIG_TOOLS/bin:$PATH"
