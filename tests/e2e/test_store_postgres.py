"""The same store on PostgreSQL, each test on a fresh empty database (`pg_url`, see conftest.py).

conftest starts a throwaway cluster (or uses INDICATORS_TEST_PG_URL); without PostgreSQL binaries
these tests skip locally and fail under CI. SQLite runs the full store suite in test_store.py; here
are the behaviours that differ on a server: several processes writing, and readers in other processes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import sqlalchemy as sa

from indicators import frame, sources
from indicators.refresh import refresh
from indicators.store import Store, metadata
from repo_paths import ROOT



@pytest.fixture
def pg_store(pg_url):
    store = Store(pg_url)
    yield store
    store.engine.dispose()


def obs(value, released=""):
    return frame.build([dict(indicator="exports", entity="CHN", period="2022", freq="A", value=value,
                             unit="USD", released=released)], source="worldbank", dataset="wdi")


def child_env(db_url: str) -> dict[str, str]:
    """The environment of a child process: this checkout first on the path, the store at `db_url`."""
    env = dict(os.environ, INDICATORS_DB=db_url)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def start_refresh(db_url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "indicators.cli", "refresh", "--offline"], env=child_env(db_url),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_as_of_and_latest_on_postgres(pg_store):
    pg_store.write_vintage("worldbank", obs(769.7e9, "2023-06-01"))
    pg_store.write_vintage("worldbank", obs(924.4e9, "2026-04-08"))
    assert pg_store.frame(source="worldbank")["value"].tolist() == [924.4e9]
    assert pg_store.frame(source="worldbank", as_of="2024-03-31")["value"].tolist() == [769.7e9]


def test_failed_load_rolls_back_on_postgres(pg_store, monkeypatch):
    pg_store.write_vintage("worldbank", obs(1.0))

    def boom(conn, data):
        conn.exec_driver_sql("SELECT 1")
        raise RuntimeError("disk full")

    monkeypatch.setattr("indicators.store._insert_rows", boom)
    with pytest.raises(RuntimeError):
        pg_store.write_vintage("worldbank", obs(2.0, "2030-01-01"))
    assert len(pg_store.vintages()) == 1
    with pg_store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM observations")).scalar_one() == 1


def test_offline_refresh_and_claims_on_postgres(pg_store):
    from indicators import claims

    results = refresh(offline=True, store=pg_store)
    assert not [r for r in results if r.status == "failed"]
    verdicts = {r.id: r.verdict for r in claims.check_all(store=pg_store)}
    assert verdicts["new-trio-over-one-trillion"] == "supported"


def test_schema_is_created_on_an_empty_database(pg_url):
    Store(pg_url).engine.dispose()
    inspector = sa.inspect(sa.create_engine(pg_url, poolclass=sa.pool.NullPool))
    assert set(metadata.tables) <= set(inspector.get_table_names())


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, json_body: dict | None = None) -> tuple[int, bytes]:
    """GET `url` (POST `json_body` as JSON if given): the status and the body, errors included."""
    import json

    request = urllib.request.Request(url) if json_body is None else urllib.request.Request(
        url, data=json.dumps(json_body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def rendered_page(base: str, path: str) -> tuple[int, bytes]:
    """What Dash's page router answers for `path` (the page built from the store, not the HTML shell)."""
    body = {"output": ".._pages_content.children..._pages_store.data..",
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": path},
                       {"id": "_pages_location", "property": "search", "value": ""}],
            "changedPropIds": ["_pages_location.pathname"], "state": []}
    return get(base + "/_dash-update-component", body)


def wait_until_up(base: str, server: subprocess.Popen) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise AssertionError(f"gunicorn exited with {server.returncode}: {server.stdout.read()}")
        try:
            if get(base + "/health")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("gunicorn did not answer /health")


def csv_rows(body: bytes) -> list[dict]:
    """The data rows of a /download CSV without the vintage ids (the `# ` header and the `vintage`
    column name vintages, which a refresh of the same snapshot changes while the figures stay)."""
    import csv

    lines = [line for line in body.decode().splitlines() if not line.startswith("#")]
    return [{k: v for k, v in row.items() if k != "vintage"} for row in csv.DictReader(lines)]


@pytest.mark.subprocess
def test_refresh_while_gunicorn_workers_read(pg_url, tmp_path):
    """Readers in two gunicorn workers see whole vintages during a refresh: every answer is 200, and
    every download carries the same rows. The store starts without ember, so the refresh writes a
    real new vintage (a refresh of unchanged payloads writes none and moves no generation)."""
    import json

    store = Store(pg_url)
    first = refresh(names=[name for name in sources.NAMES if name != "ember"], offline=True, store=store)
    assert not [r for r in first if r.status == "failed"]
    # A source may load several vintages per refresh (older releases first): each is whole.
    known = {(v.source, v.label, v.rows) for v in store.vintages()}
    store.engine.dispose()
    ember_alone = Store(f"sqlite:///{tmp_path / 'ember.db'}")  # the whole vintage the refresh adds
    refresh(names=["ember"], offline=True, store=ember_alone)
    known |= {(v.source, v.label, v.rows) for v in ember_alone.vintages()}
    ember_alone.engine.dispose()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--no-control-socket", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--timeout", "120", "dashboard.wsgi:server"],
        env=child_env(pg_url), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_up(base, server)
        status, baseline = get(base + "/download/new-trio-total.csv")
        assert status == 200
        generations = []
        writer = start_refresh(pg_url)
        answers = 0
        while True:
            done = writer.poll() is not None  # one more round after the refresh ends: it sees the new state
            for path in ("/", "/trade", "/health", "/download/new-trio-total.csv"):
                status, body = get(base + path)
                answers += 1
                assert status == 200, (path, body[:300])
                if path == "/health":
                    health = json.loads(body)
                    assert health["status"] == "ok"
                    generations.append(health["generation"])
                    for name, entry in health["sources"].items():
                        latest = entry["latest_vintage"]
                        if latest is not None:
                            assert (name, latest["label"], latest["rows"]) in known, (name, latest)
                elif path.startswith("/download"):
                    assert csv_rows(body) == csv_rows(baseline)
            for path in ("/", "/trade"):
                status, body = rendered_page(base, path)
                answers += 1
                assert status == 200, (path, body[:300])
                assert json.loads(body)["response"]["_pages_content"]["children"], path
            if done:
                break
        output = writer.communicate()[0]
        assert writer.returncode == 0, output
        assert generations == sorted(generations), "a later answer showed an older store state"
        assert generations[-1] > generations[0], "the last answers did not see the refresh"
        assert answers >= 8
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def test_payloads_compressed_and_a_refresh_all_or_nothing_on_postgres(pg_store, monkeypatch):
    """Issue 22 on a server: a revised payload is stored as its changed lines and reads back byte for
    byte; a refresh of World Bank's batches that fails in the 4th stores none of them."""
    from indicators import store as store_module
    from indicators.refresh import refresh_source
    from indicators.sources.base import Payload

    lines = [b"row %d,%d\n" % (i, i * 7919 % 100003) for i in range(20000)]
    first = Payload("same.csv", b"".join(lines), "u", "k")
    lines[5] = b"row 5,revised\n"
    second = Payload("same.csv", b"".join(lines), "u", "k")
    pg_store.write_vintage("worldbank", obs(1.0), [first])
    pg_store.write_vintage("worldbank", obs(2.0), [second])
    with pg_store.engine.connect() as conn:
        encodings = dict(conn.execute(sa.select(store_module.payloads.c.sha256, store_module.payloads.c.encoding)).all())
    assert encodings == {first.sha256: "zlib", second.sha256: "delta-zlib"}
    assert pg_store.payload(second.sha256) == second.raw and pg_store.payload(first.sha256) == first.raw

    real, calls = store_module._write_changes, []

    def failing(conn, *args):
        calls.append(1)
        if len(calls) == 4:
            raise RuntimeError("disk full")
        return real(conn, *args)

    before = len(pg_store.vintages("worldbank"))
    monkeypatch.setattr(store_module, "_write_changes", failing)
    result = refresh_source("worldbank", offline=True, store=pg_store)
    assert result.status == "failed" and "disk full" in result.detail
    assert len(pg_store.vintages("worldbank")) == before
