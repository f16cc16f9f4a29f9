#!/usr/bin/env bash
# One command from a fresh clone: install everything the tests need (Debian chromium included)
# and run the whole suite with the network blocked. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_env.sh
command -v chromium >/dev/null 2>&1 || apt_install chromium
# The PostgreSQL store tests start a throwaway cluster (tests/conftest.py) from Debian's binaries.
has_postgres() { command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }
has_postgres || apt_install postgresql
install_project ".[test]"  # skipped when pyproject.toml is unchanged since the last install
# Tests run in parallel (pytest-xdist), one worker per core unless PYTEST_WORKERS says otherwise (two per core
# measured no faster on a quiet 2-core machine: 471 s against 462 s, with more CPU).
# pyproject's addopts keep a file's tests on one worker.
# pytest exits 5 when it collects no test: that is a failure here too (set -e).
# --durations: the slowest tests are named at the end of every run (where the suite's time goes).
exec "$VENV/bin/python" -m pytest -n "${PYTEST_WORKERS:-auto}" --durations=15 "$@"
