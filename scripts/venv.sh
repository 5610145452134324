# Sourced by the scripts that need a Python virtual environment of their own.

# Creates the virtual environment $1 unless it exists, installing Debian's venv support when
# python3 lacks it.
make_venv() {
  local dir="$1"
  [ -x "$dir/bin/python" ] && return 0
  echo "== creating $dir"
  if ! python3 -m venv "$dir" 2>/dev/null; then
    rm -rf "$dir"
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$dir"
  fi
}
