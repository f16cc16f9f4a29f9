"""Serving never pretends: with a store that cannot be read, `indicators serve` refuses to start with
one line naming INDICATORS_DB (password masked) and the fix, and the WSGI app (gunicorn) answers
every page with a 503 page giving that reason and /health with JSON; it recovers without a restart.
Also the bounds of serving: the rendered-page cache keeps a fixed number of entries."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from repo_paths import ROOT

PYTHONPATH = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
ROUTER = ".._pages_content.children..._pages_store.data.."
PASSWORD = "s3cret-Pa55"

# Runs dashboard.wsgi (what gunicorn imports) in a fresh interpreter and asks it for a few pages.
WSGI_PROBE = r"""
import json, sys
for name in filter(None, sys.argv[1].split(",")):
    sys.modules[name] = None  # this driver "is not installed"
from dashboard.wsgi import server
client = server.test_client()
router = {"output": "%s", "outputs": [{"id": "_pages_content", "property": "children"},
          {"id": "_pages_store", "property": "data"}],
          "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/"},
                     {"id": "_pages_location", "property": "search", "value": ""}],
          "changedPropIds": ["_pages_location.pathname"], "state": []}
answers = {}
for path in ["/health", "/", "/data", "/trade?as_of=2024-03-31", "/download/gii-rank.csv", "/embed/gii-rank"]:
    r = client.get(path)
    answers[path] = [r.status_code, r.mimetype, r.get_data(as_text=True)]
r = client.post("/_dash-update-component", json=router)
answers["callback"] = [r.status_code, r.mimetype, r.get_data(as_text=True)]
print(json.dumps(answers))
""" % ROUTER

SERVE = "import sys\nfor name in filter(None, sys.argv[1].split(',')):\n    sys.modules[name] = None\n" \
        "from indicators.cli import main\nsys.exit(main(['serve', '--port', sys.argv[2]]))"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def unprivileged(command: list[str]) -> list[str]:
    """Run so that file permissions apply: as root, without the capabilities that bypass them."""
    if os.geteuid() != 0:
        return command
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv is missing: file permissions cannot be tested")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]


def env_with(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INDICATORS_")}
    env.update(INDICATORS_DB=url, PYTHONPATH=PYTHONPATH, INDICATORS_HTTP_TIMEOUT="2")
    return env


# -- the broken stores ---------------------------------------------------------------------------


def unparsable(tmp_path: Path):
    return f"postgresql://reader:{PASSWORD}@db.example:notaport/indicators", "", [], "not a database URL"


def missing_driver(tmp_path: Path):
    return (f"postgresql+psycopg://reader:{PASSWORD}@127.0.0.1:5432/indicators", "psycopg", [],
            "install the postgres extra: pip install 'factcheck-indicators[postgres]'")


def corrupt_file(tmp_path: Path):
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not an SQLite file\n" * 200)
    return f"sqlite:///{path}", "", [], "is not a readable SQLite store"


def unreadable_file(tmp_path: Path):
    path = tmp_path / "unreadable.db"
    sqlite3.connect(path).execute("create table t (x)").connection.close()
    path.chmod(0)
    return f"sqlite:///{path}", "", ["unprivileged"], "permission denied"


def a_directory(tmp_path: Path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    return f"sqlite:///{folder}", "", [], "is a folder, not a database file"


def missing_folder(tmp_path: Path):
    return f"sqlite:///{tmp_path / 'no-such-folder' / 'store.db'}", "", [], "does not exist"


def read_only_empty_store(tmp_path: Path):
    """An empty file in a read-only folder: there is no store to read, and none can be made."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    (folder / "store.db").touch()
    (folder / "store.db").chmod(0o444)
    folder.chmod(0o555)
    return f"sqlite:///{folder / 'store.db'}", "", ["unprivileged"], "the store is read-only"


BROKEN = [unparsable, missing_driver, corrupt_file, unreadable_file, a_directory, missing_folder, read_only_empty_store]


@pytest.fixture
def broken(request, tmp_path):
    url, hidden, flags, fix = request.param(tmp_path)
    yield url, hidden, flags, fix
    for folder in [tmp_path / "read-only"]:
        if folder.exists():
            folder.chmod(0o755)


@pytest.mark.subprocess
@pytest.mark.parametrize("broken", BROKEN, indirect=True, ids=lambda f: f.__name__)
def test_serve_refuses_to_start_with_one_line(broken):
    url, hidden, flags, fix = broken
    command = [sys.executable, "-c", SERVE, hidden, str(free_port())]
    if "unprivileged" in flags:
        command = unprivileged(command)
    proc = subprocess.run(command, env=env_with(url), capture_output=True, text=True, timeout=120)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1, proc.stderr
    assert len(lines) == 1, proc.stderr
    line = lines[0]
    assert line.startswith("indicators serve: error: INDICATORS_DB="), line
    assert fix in line, line
    assert "Traceback" not in proc.stderr and PASSWORD not in proc.stderr + proc.stdout
    if PASSWORD in url:
        assert ":***@" in line  # the URL is shown, its password masked


@pytest.mark.subprocess
@pytest.mark.parametrize("broken", BROKEN, indirect=True, ids=lambda f: f.__name__)
def test_wsgi_app_answers_503_pages_and_json_health(broken):
    url, hidden, flags, fix = broken
    command = [sys.executable, "-c", WSGI_PROBE, hidden]
    if "unprivileged" in flags:
        command = unprivileged(command)
    proc = subprocess.run(command, env=env_with(url), capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    answers = json.loads(proc.stdout)
    status, mimetype, body = answers["/health"]
    assert (status, mimetype) == (503, "application/json")
    health = json.loads(body)
    assert health["status"] == "unavailable"
    assert health["error"].startswith("INDICATORS_DB=") and fix in health["error"]
    for path in ["/", "/data", "/trade?as_of=2024-03-31", "/embed/gii-rank"]:
        status, mimetype, body = answers[path]
        assert (status, mimetype) == (503, "text/html"), path
        assert "cannot read its data store" in body and "INDICATORS_DB=" in body, path
    assert answers["/download/gii-rank.csv"][:2] == [503, "text/plain"]
    assert answers["callback"][0] == 503 and json.loads(answers["callback"][2])["status"] == "unavailable"
    everything = proc.stdout + proc.stderr
    assert PASSWORD not in everything
    assert "Traceback" not in proc.stderr
    logged = [line for line in proc.stderr.splitlines() if "the store is unavailable" in line]
    assert len(logged) == 1 and fix in logged[0], proc.stderr  # logged once, one line


@pytest.mark.subprocess
def test_gunicorn_serves_503_and_json_health_on_a_corrupt_store(tmp_path):
    url = corrupt_file(tmp_path)[0]
    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists():
        pytest.skip("gunicorn is not installed beside this Python")
    log = (tmp_path / "gunicorn.log").open("w")
    proc = subprocess.Popen([str(gunicorn), "--no-control-socket", "-w", "1", "-b", f"127.0.0.1:{port}",
                             "dashboard.wsgi:server"], env=env_with(url), stdout=log, stderr=subprocess.STDOUT,
                            cwd=tmp_path)
    try:
        health = None
        for _ in range(600):  # until the worker answers (it imports dash, pandas, SQLAlchemy first)
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5)
            except urllib.error.HTTPError as exc:
                health = (exc.code, exc.headers.get_content_type(), json.loads(exc.read()))
                break
            except OSError:
                assert proc.poll() is None, (tmp_path / "gunicorn.log").read_text()
                time.sleep(0.1)
        assert health is not None, "gunicorn never answered"
        assert health[0] == 503 and health[1] == "application/json"
        assert health[2]["status"] == "unavailable" and "is not a readable SQLite store" in health[2]["error"]
        with pytest.raises(urllib.error.HTTPError) as page:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/trade", timeout=10)
        assert page.value.code == 503 and page.value.headers["Retry-After"]
        assert "cannot read its data store" in page.value.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    text = (tmp_path / "gunicorn.log").read_text()
    assert "Traceback" not in text, text
    assert text.count("the store is unavailable") == 1, text


# -- in process: recovery, a store that breaks while serving, the messages -----------------------


def router_status(client, path="/", search=""):
    body = {"output": ROUTER,
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                       {"id": "_pages_location", "property": "search", "value": search}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    return client.post("/_dash-update-component", json=body).status_code


def test_the_dashboard_recovers_when_the_store_is_fixed(tmp_path, monkeypatch, snapshot_template):
    from dashboard.app import create_app

    path = tmp_path / "store.db"
    path.write_bytes(b"garbage" * 500)
    monkeypatch.setenv("INDICATORS_DB", f"sqlite:///{path}")
    client = create_app(warm=False).server.test_client()
    assert client.get("/").status_code == 503
    assert client.get("/health").status_code == 503
    shutil.copyfile(snapshot_template, path)  # the operator restores the store: no restart
    assert client.get("/").status_code == 200
    assert router_status(client) == 200
    health = client.get("/health")
    assert health.status_code == 200 and health.get_json()["status"] == "ok"


def test_a_store_that_breaks_while_serving_gives_503_not_500(tmp_path, snapshot_template):
    from dashboard.app import create_app
    from indicators.store import Store

    path = tmp_path / "store.db"
    shutil.copyfile(snapshot_template, path)
    store = Store(f"sqlite:///{path}")
    client = create_app(store, warm=False).server.test_client()
    assert router_status(client, "/data") == 200
    store.engine.dispose()
    with open(path, "r+b") as handle:  # the same file (and inode) overwritten: a disk or copy accident
        handle.write(b"\0garbage" * 4096)
    for _ in range(2):
        assert client.get("/data").status_code == 503
        assert router_status(client, "/data", "?page=2") == 503
        assert client.get("/health").status_code == 503
        assert client.get("/health").is_json


def test_a_read_only_store_error_says_read_only(tmp_path):
    """The error SQLite gives when a write meets a read-only store (made here with mode=ro, which
    root cannot bypass) is reported as read-only."""
    from dashboard.unavailable import explain

    path = tmp_path / "store.db"
    sqlite3.connect(path).execute("create table t (x)").connection.close()
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as error:
        connection.execute("insert into t values (1)")
    connection.close()
    message = explain(error.value, f"sqlite:///{path}")
    assert "read-only" in message and str(path) in message


@pytest.mark.parametrize("url, shown", [
    (f"postgresql+psycopg://u:{PASSWORD}@host/db", "postgresql+psycopg://u:***@host/db"),
    (f"postgresql://u:{PASSWORD}@host:notaport/db", "postgresql://u:***@host:notaport/db"),
    (f"postgresql://host/db?user=u&password={PASSWORD}", "password=***"),
    ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
])
def test_urls_are_shown_with_the_password_masked(url, shown):
    from dashboard.unavailable import masked

    assert shown in masked(url) and PASSWORD not in masked(url)


def test_the_default_store_is_named_as_such(monkeypatch):
    from dashboard.unavailable import explain

    monkeypatch.delenv("INDICATORS_DB")
    message = explain(ValueError("boom"), "not a url")
    assert message.startswith("the default store not a url (INDICATORS_DB is not set): ")


# -- bounded caches ------------------------------------------------------------------------------


def test_rendered_pages_are_kept_up_to_a_fixed_number(snapshot_copy, monkeypatch):
    """The pages' cache (common.page_layout) is bounded by common's constant, read on each use: set to
    4 here, so 7 pages prove it (the real bound's size is checked below) instead of rendering 44."""
    from dashboard import common
    from dashboard.app import create_app

    kept = 4
    monkeypatch.setattr(common, "RENDERED_PAGES_KEPT", kept)
    client = create_app(snapshot_copy("bounded"), warm=False).server.test_client()
    assert client.get("/").status_code == 200
    first = date(2023, 1, 1)
    for day in range(kept + 3):  # as many different pages as that and more
        assert router_status(client, "/innovation", f"?as_of={first + timedelta(days=day)}") == 200
        assert len(common.pages_cache()) <= kept
    assert len(common.pages_cache()) == kept
    before = len(common.pages_cache())
    for junk in range(20):  # parameters no page reads do not make new entries
        assert router_status(client, "/innovation", f"?as_of=2024-01-02&junk={junk}") == 200
    assert len(common.pages_cache()) == before


def test_the_dashboard_caches_have_small_explicit_bounds():
    from dashboard import common

    assert common.RENDERED_PAGES_KEPT <= 64
    assert 0 < common.CLAIM_RESULTS_KEPT <= 32 and 0 < common.PAGE_FIGURES_KEPT <= 64


SHELL_PROBE = r"""
import json, sys
from dashboard.app import create_app
from dashboard import common, unavailable
app = create_app(warm=False)  # the store named by INDICATORS_DB, opened on first use
answer = app.server.test_client().get("/")
print(json.dumps({"status": answer.status_code, "opened": app.server.config.get(common.STORE_KEY) is not None,
                  "data_libraries": sorted(m for m in ("pandas", "sqlalchemy") if m in sys.modules),
                  "problem": unavailable.visible_problem()}))
"""


@pytest.mark.subprocess
def test_the_page_shell_is_served_before_the_store_is_opened(snapshot_template, tmp_path):
    """GET / needs no data: while the store is not open yet it checks only what shows without
    opening it (no pandas, no SQLAlchemy imported), so the first page is not held up."""
    store = tmp_path / "store.db"
    shutil.copy(snapshot_template, store)
    proc = subprocess.run([sys.executable, "-c", SHELL_PROBE], env=env_with(f"sqlite:///{store}"),
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    answer = json.loads(proc.stdout)
    assert answer == {"status": 200, "opened": False, "data_libraries": [], "problem": None}


@pytest.mark.parametrize("broken", [unparsable, corrupt_file, a_directory, missing_folder],
                         indirect=True, ids=lambda f: f.__name__)
def test_what_shows_without_opening_the_store_is_said_as_opening_it_would(broken):
    """visible_problem() gives the same line as opening the store fails with (so it is logged once)."""
    from dashboard import unavailable

    url, _, _, fix = broken
    os.environ["INDICATORS_DB"] = url
    try:
        seen = unavailable.visible_problem(url)
        with pytest.raises(unavailable.StoreUnavailable) as opening:
            unavailable.open_store(url)
    finally:
        del os.environ["INDICATORS_DB"]
    assert seen == str(opening.value) and fix in seen
