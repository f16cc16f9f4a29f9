"""What an operator is told must be true (issue 22, item 3): /health is degraded while a source's last
refresh failed; a read-only store follows a writer's commits and a file replaced underneath it;
`check` on an empty store says so in one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from indicators import cli, frame
from indicators.store import Store
from repo_paths import ROOT



def rows(value: float, count: int = 1, source: str = "customs"):
    return frame.build([dict(indicator="exports", entity="CHN", counterpart="WLD", period=str(1900 + i), freq="A",
                             value=value + i, unit="CNY", released="") for i in range(count)],
                       source=source, dataset="test")


# -- /health ----------------------------------------------------------------------------------


def health(store: Store):
    from dashboard.app import create_app

    answer = create_app(store=store, warm=False).server.test_client().get("/health")
    return answer.status_code, answer.get_json()


def test_health_is_degraded_while_a_sources_last_refresh_failed_and_ok_again_after_a_success():
    store = Store()
    vintage = store.write_vintage("fx", rows(1.0, source="fx"))
    store.log_event("fx", "ok", vintage=vintage.id)
    store.log_event("comtrade", "skipped", detail="nothing bundled: the series is absent until a live refresh")
    status, body = health(store)
    assert (status, body["status"], body["failing"]) == (200, "ok", [])

    store.log_event("fx", "failed", detail="DNS lookup failed for fred.stlouisfed.org")
    store.log_event("ember", "failed", detail="HTTP 500 from https://ember-energy.org/...: gave up after 3 tries")
    status, body = health(store)
    assert status == 200 and body["status"] == "degraded"  # pages are served, from the last good vintages
    failing = {entry["source"]: entry for entry in body["failing"]}
    assert sorted(failing) == ["ember", "fx"]
    assert failing["fx"]["error"] == "DNS lookup failed for fred.stlouisfed.org"
    assert failing["fx"]["serving_vintage"] == vintage.id and failing["ember"]["serving_vintage"] is None
    assert body["sources"]["fx"]["last_attempt"]["status"] == "failed"

    store.log_event("fx", "unchanged", vintage=vintage.id)
    store.log_event("ember", "ok")
    status, body = health(store)
    assert (status, body["status"], body["failing"]) == (200, "ok", [])
    assert body["sources"]["fx"]["last_error"]["detail"] == "DNS lookup failed for fred.stlouisfed.org"  # history kept


def test_health_after_a_live_refresh_where_sources_failed_names_each(monkeypatch):
    """The issue's case: a live refresh in which sources fail must not leave /health "ok"."""
    from indicators import refresh

    monkeypatch.setenv("INDICATORS_FRED_URL", "http://127.0.0.1:9/fred")  # nothing listens: refused at once
    monkeypatch.setenv("INDICATORS_EMBER_URL", "http://127.0.0.1:9/ember.csv")
    store = Store()
    results = refresh.refresh(["fx", "ember", "customs"], offline=False, store=store)
    assert [r.status for r in results] == ["failed", "failed", "skipped"]
    status, body = health(store)
    assert status == 200 and body["status"] == "degraded"
    assert sorted((f["source"], f["error"]) for f in body["failing"]) == sorted((r.source, r.detail) for r in results[:2])


# -- a read-only store and a writer in another process ---------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from indicators import frame
    from indicators.store import Store

    store = Store(sys.argv[1])
    for step in range(1, int(sys.argv[2]) + 1):
        data = frame.build([dict(indicator="exports", entity="CHN", counterpart="WLD", period=str(1900 + i), freq="A",
                                 value=1000.0 * step + i, unit="CNY", released="") for i in range(1500)],
                           source="customs", dataset="test")
        store.write_vintage("customs", data)
""")


@pytest.mark.subprocess
def test_a_read_only_store_keeps_serving_while_another_process_writes_and_sees_the_new_vintages(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    Store(url).write_vintage("customs", rows(0.0, 1500))
    reader = Store(url, read_only=True)
    assert reader.read_only
    first = reader.generation()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, url, "10"], env=env, stderr=subprocess.PIPE, text=True)
    seen = {first}
    while writer.poll() is None:  # read all along: never an error, never a half-written vintage
        seen.add(reader.generation())
        data = reader.frame(source="customs")
        assert len(data) == 1500 and data["vintage"].nunique() == 1
        time.sleep(0.02)  # leave the writer the CPU (two cores, shared)
    assert writer.returncode == 0, writer.stderr.read()
    newest = Store(url).generation()
    assert reader.generation() == newest > first
    assert reader.frame(source="customs")["value"].max() == 1000.0 * 10 + 1499
    status, body = health(reader)  # a server on the read-only store: serving, and the newest generation
    assert status == 200 and body["generation"] == newest


def test_a_reader_whose_store_file_is_replaced_reopens_it_instead_of_calling_it_corrupt(tmp_path):
    """A restore (another file moved into place) under a running reader: it reads the new file."""
    path = tmp_path / "store.db"
    writer = Store(f"sqlite:///{path}")
    writer.write_vintage("customs", rows(1.0))
    reader = Store(f"sqlite:///{path}", read_only=True)
    assert reader.frame(source="customs")["value"].tolist() == [1.0]

    other = Store(f"sqlite:///{tmp_path / 'backup.db'}")
    other.write_vintage("customs", rows(2.0))
    other.write_vintage("fx", rows(3.0, source="fx"))
    for store in (writer, other):
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        store.engine.dispose()
    for extra in ("-wal", "-shm"):  # as a restore does: the old file's WAL does not belong to the new one
        Path(f"{tmp_path / 'backup.db'}{extra}").unlink(missing_ok=True)
    os.replace(tmp_path / "backup.db", path)

    assert reader.frame(source="customs")["value"].tolist() == [2.0]
    assert set(reader.versions()) == {"customs", "fx"}


def test_a_store_on_a_read_only_folder_without_a_writer_still_opens(tmp_path):
    """No -shm file and a folder nobody may write: SQLite cannot follow a writer there, and none can
    run, so the store opens (immutable) and reads."""
    path = tmp_path / "ro" / "store.db"
    path.parent.mkdir()
    store = Store(f"sqlite:///{path}")
    store.write_vintage("customs", rows(5.0))
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(path.parent)], capture_output=True).returncode != 0:
            pytest.skip("cannot make a folder read-only for root here (chattr +i failed)")
    else:
        os.chmod(path.parent, 0o555)
    try:
        reader = Store(f"sqlite:///{path}")
        assert reader.read_only and reader.frame(source="customs")["value"].tolist() == [5.0]
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path.parent)], capture_output=True)
        else:
            os.chmod(path.parent, 0o755)
    shutil.rmtree(path.parent)


# -- check on an empty store -------------------------------------------------------------------


def test_check_on_an_empty_store_says_so_in_one_line(capsys):
    Store()  # the schema, no vintage
    assert cli.main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == ["the store is empty: run `indicators refresh --offline`"]
