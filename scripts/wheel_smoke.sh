#!/usr/bin/env bash
# CI packaging smoke test: build the wheel, install it (not editable) with its dependencies into a
# fresh venv in a temp dir, then, from outside the checkout, run `indicators refresh --offline`,
# `indicators check` and `indicators serve` on a free loopback port, GET / and /health, and stop.
# Proves the wheel carries the bundled snapshot (data/), the articles and their claims files, datapackage.json and the
# dashboard assets. Needs only the package registry (pip fetches the dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_env.sh
CHECKOUT="$PWD"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/indicators-wheel-XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

step() { echo "wheel smoke: $*" >&2; }

step "building the wheel"
rm -rf build  # setuptools reuses build/lib: a stale copy could smuggle deleted files into the wheel
"$VENV/bin/python" -m pip wheel -q --no-deps --wheel-dir "$WORK/dist" .
rm -rf build
WHEEL="$(ls "$WORK"/dist/factcheck_indicators-*.whl)"

step "installing $(basename "$WHEEL") into a fresh venv"
python3 -m venv "$WORK/venv"
PY="$WORK/venv/bin/python"
"$PY" -m pip install -q --no-compile "$WHEEL"  # no .pyc for every dependency file: imports compile what they use

# From here on nothing may come from the checkout: run elsewhere, no PYTHONPATH, no data override.
cd "$WORK"
unset PYTHONPATH INDICATORS_DATA_DIR
export INDICATORS_DB="sqlite:///$WORK/store.db"
"$PY" - "$CHECKOUT" <<'EOF'
import sys
from pathlib import Path

import dashboard
from indicators import config

checkout, venv = Path(sys.argv[1]).resolve(), Path(sys.prefix).resolve()
data = config.data_dir().resolve()
for label, path in [("data_dir()", data), ("dashboard package", Path(dashboard.__file__).resolve())]:
    if checkout in path.parents or venv not in path.parents:
        sys.exit(f"wheel smoke: {label} is {path}, not inside the venv {venv}")
for name in ["articles/op-ed/claims.yaml", "articles/op-ed/text.md", "datapackage.json", "PROVENANCE.md"]:
    if not (data / name).is_file():
        sys.exit(f"wheel smoke: the installed package data lacks {name} (looked in {data})")
if not (Path(dashboard.__file__).parent / "assets" / "style.css").is_file():
    sys.exit("wheel smoke: the installed dashboard lacks assets/style.css")
EOF

step "indicators refresh --offline"
"$WORK/venv/bin/indicators" refresh --offline
step "indicators check"
"$WORK/venv/bin/indicators" check

PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
step "indicators serve on 127.0.0.1:$PORT"
"$WORK/venv/bin/indicators" serve --host 127.0.0.1 --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
if ! "$PY" - "$PORT" "$SERVER_PID" <<'EOF'
import json
import os
import sys
import time
import urllib.error
import urllib.request

base, pid = f"http://127.0.0.1:{sys.argv[1]}", int(sys.argv[2])


def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


for _ in range(300):  # up to a minute for the first answer
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("wheel smoke: indicators serve exited before answering")
    try:
        get("/health")
        break
    except OSError:
        time.sleep(0.2)
else:
    sys.exit("wheel smoke: indicators serve did not answer within a minute")

status, body = get("/")
if status != 200 or b"_dash-app-content" not in body and b"react-entry-point" not in body:
    sys.exit(f"wheel smoke: GET / answered {status}: {body[:200]!r}")
status, body = get("/health")
health = json.loads(body) if status == 200 else {}
loaded = [name for name, entry in health.get("sources", {}).items() if entry.get("latest_vintage")]
if status != 200 or health.get("status") != "ok" or not loaded:
    sys.exit(f"wheel smoke: GET /health answered {status}: {body[:300]!r}")
status, _ = get("/assets/style.css")
if status != 200:
    sys.exit(f"wheel smoke: GET /assets/style.css answered {status}")
print(f"wheel smoke: GET / 200, /health ok ({len(loaded)} sources loaded), /assets/style.css 200")
EOF
then
  echo "--- serve log ---" >&2; cat "$WORK/serve.log" >&2
  exit 1
fi
step "passed"
