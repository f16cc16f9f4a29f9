# Shared by run.sh and test.sh: make sure python3 with venv exists, create .venv, install the project.
# Works on a fresh Debian machine (as root, or with sudo) that has only Python 3.11.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  # Install Debian packages once; `apt-get update` first because a fresh machine has no lists.
  if ! dpkg -s "$@" >/dev/null 2>&1; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
  fi
}

VENV="${INDICATORS_VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$VENV"; }
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
fi

install_project() {
  # `pip install -e SPEC` (SPEC: "." or ".[test]") unless the same SPEC was installed from the same
  # pyproject.toml already: an editable install follows source edits, only pyproject changes need pip.
  local spec="$1" stamp want
  stamp="$VENV/.factcheck-installed-$(printf '%s' "$spec" | tr -c 'A-Za-z0-9' '_')"
  want="$(sha256sum pyproject.toml | cut -d' ' -f1) $spec"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && [ -x "$VENV/bin/indicators" ] && "$VENV/bin/python" -c "import indicators.cli" 2>/dev/null; then
    return 0
  fi
  "$VENV/bin/python" -m pip install -q -e "$spec"
  printf '%s\n' "$want" >"$stamp"
}
