# Sourced by the Node binding's setup: zig (PyPI's `ziglang`) and cargo-zigbuild (PyPI's
# `cargo-zigbuild`) in a virtual environment of their own under target/tools/zig, put first on
# PATH. They link the native addon against glibc 2.17, so it loads on every Linux the platform
# package declares (`napi build -x --target x86_64-unknown-linux-gnu.2.17`). Installed once.
ZIG_TOOLS="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/tools/zig"
source "$(dirname "${BASH_SOURCE[0]}")/venv.sh"
if [ ! -x "$ZIG_TOOLS/bin/cargo-zigbuild" ]; then
  echo "== zig and cargo-zigbuild (PyPI) into target/tools/zig"
  make_venv "$ZIG_TOOLS"
  "$ZIG_TOOLS/bin/pip" install -q --disable-pip-version-check ziglang==0.17.0 cargo-zigbuild==0.24.0
fi
export PATH="$ZIG_TOOLS/bin:$PATH"
