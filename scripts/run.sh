#!/usr/bin/env bash
# One command from a fresh clone: install, load the bundled snapshot, start the dashboard.
#   bash scripts/run.sh            -> http://127.0.0.1:8050   (HOST / PORT override)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_env.sh
install_project .  # skipped when pyproject.toml is unchanged since the last install
"$VENV/bin/indicators" refresh --offline --only-missing   # first start: load the bundled snapshot
"$VENV/bin/indicators" check
exec "$VENV/bin/indicators" serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8050}"
