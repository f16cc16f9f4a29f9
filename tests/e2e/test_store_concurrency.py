"""Many hosts, one refresher: concurrent refreshes and opens, idempotent payloads, and a refresh
killed with SIGKILL leaving each vintage with its revision report or neither (issue 10, point 5).

SQLite and PostgreSQL (`pg_url`: tests/conftest.py's throwaway cluster, a fresh database per test).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from indicators import frame, sources
from indicators.payload import Payload
from indicators.store import Store
from repo_paths import ROOT

BATCHES = {name: len(sources.get(name).snapshot()) for name in sources.NAMES}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.db'}"
    return request.getfixturevalue("pg_url")


def env_for(url: str) -> dict:
    return {**os.environ, "INDICATORS_DB": url, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}


def start(args: list[str], url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], env=env_for(url), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.subprocess
def test_two_refreshes_at_once_both_succeed_and_each_source_is_written_once(store_url):
    """Two hosts run `indicators refresh --offline` on one empty store at the same moment: neither
    fails (no duplicate payload key, no race creating the tables), and since the second waits for
    the first per source, it finds the same payloads and writes nothing."""
    raced = [name for name in BATCHES if name != "ember"]  # ember's 81,000 rows add time, not another path
    command = ["-m", "indicators.cli", "refresh", "--offline", *(f"--source={name}" for name in raced)]
    procs = [start(command, store_url) for _ in range(2)]
    outputs = [proc.communicate(timeout=600) for proc in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err[-2000:]
    store = Store(store_url)
    for name in raced:
        if name == "comtrade":
            continue
        assert len(store.vintages(name)) == BATCHES[name], name  # once, not twice
    for source, claimed, stored in vintage_rows(store):  # each vintage whole: the rows it claims are stored
        assert claimed == stored, f"vintage of {source} claims {claimed} rows but holds {stored}"
    statuses = [line.split()[1] for out, _ in outputs for line in out.splitlines()[1:1 + len(raced)]]
    assert statuses.count("unchanged") == len(raced) - 1  # every loaded source, in one of the two


def vintage_rows(store: Store) -> list[tuple[str, int, int]]:
    """Per vintage: its source, the row count it claims and the observations it first wrote."""
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT v.source, v.rows, count(o.id) FROM vintages v "
            "LEFT JOIN observations o ON o.valid_from = v.id GROUP BY v.id, v.source, v.rows ORDER BY v.id").all()
    return [tuple(r) for r in rows]


@pytest.mark.subprocess
def test_opening_an_empty_database_from_several_processes_at_once(store_url):
    """The schema is created under a lock: no `pg_type_typname_nsp_index` or "table exists" race."""
    script = "from indicators.store import Store; print(Store().schema_version())"
    procs = [start(["-c", script], store_url) for _ in range(4)]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-2000:]
        assert out.strip() == "0003_payload_encoding"


def test_writing_the_same_payload_twice_is_idempotent(store_url):
    store = Store(store_url)
    payload = Payload("f.csv", b"same bytes", "https://example.org/f.csv", "csv")
    rows = frame.build([dict(indicator="x", entity="CHN", period="2023", freq="A", value=1.0, unit="u")],
                       source="customs", dataset="t")
    first = store.write_vintage("customs", rows, [payload, payload])
    second = store.write_vintage("customs", rows.assign(value=2.0), [payload])
    assert store.payload(payload.sha256) == b"same bytes"
    assert first.payload_sha256 == ",".join([payload.sha256] * 2) and second.payload_sha256 == payload.sha256


@pytest.mark.subprocess
def test_a_second_refresh_waits_for_the_source_lock_then_finds_nothing_new(tmp_path):
    """The holder keeps the lock until the second refresh says it is waiting (no sleep that assumes
    the second process got there in time), then lets go: the second one goes on and finds nothing new."""
    url = f"sqlite:///{tmp_path / 'locked.db'}"
    store = Store(url)
    from indicators.refresh import refresh

    refresh(["customs"], offline=True, store=store)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys
        from indicators.store import Store
        with Store().source_lock("customs"):
            print("held", flush=True)
            sys.stdin.readline()  # the test writes a line once the other refresh waits
    """)], env=env_for(url), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    waiting = None
    try:
        assert holder.stdout.readline().strip() == "held", holder.stderr.read()
        waiting = start(["-m", "indicators.cli", "refresh", "--offline", "--source", "customs"], url)
        err = lines_until(waiting.stderr, "another refresh of customs is running: waiting", timeout=120)
        holder.communicate("release\n", timeout=60)
        out = waiting.stdout.read()
        assert waiting.wait(timeout=120) == 0, "".join(err)
    finally:
        for proc in (holder, waiting):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait()
    assert holder.returncode == 0
    assert out.splitlines()[1].split()[1] == "unchanged"


def lines_until(stream, needle: str, timeout: float) -> list[str]:
    """Wait until `stream` gives a line holding `needle`: fails after `timeout` s, or when the stream
    ends first. A thread reads on to the end; the returned list holds every line read so far."""
    lines: list[str] = []
    seen = threading.Event()

    def read():
        for line in stream:
            lines.append(line)
            if needle in line:
                seen.set()
        seen.set()  # the end: wake the test, which then finds the needle missing

    threading.Thread(target=read, daemon=True).start()
    assert seen.wait(timeout), f"no {needle!r} within {timeout} s: {''.join(lines)[-2000:]}"
    assert any(needle in line for line in lines), "".join(lines)[-2000:]
    return lines


def test_a_source_lock_with_no_wait_says_who_holds_it(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'lock.db'}")
    with store.source_lock("ember"):
        with pytest.raises(TimeoutError, match="another process holds"):
            with Store(store.url).source_lock("ember", timeout=0):
                pass
        with Store(store.url).source_lock("fx", timeout=0):  # other sources are not blocked
            pass


KILLER = textwrap.dedent("""
    import os, signal, sys
    from indicators import refresh as module
    from indicators.store import Store
    where = sys.argv[1]
    store = Store()
    if where == "in_report":  # inside the vintage's transaction: the report is being made
        made = module.revision_report
        def dying_report(*args, **kwargs):
            made(*args, **kwargs)
            os.kill(os.getpid(), signal.SIGKILL)
        module.revision_report = dying_report
    elif where == "after_commit":  # the refresh's vintages, reports and event committed, nothing after
        written = store.write_vintages
        def dying_write(*args, **kwargs):
            found = written(*args, **kwargs)
            os.kill(os.getpid(), signal.SIGKILL)
            return found
        store.write_vintages = dying_write
    module.refresh(["worldbank"], offline=True, store=store)
""")


def vintages_and_reports(url: str) -> tuple[list[int], list[int]]:
    store = Store(url)
    return [v.id for v in store.vintages()], sorted(store.reports())


@pytest.mark.subprocess
@pytest.mark.parametrize("where, kept", [("in_report", 0), ("after_commit", BATCHES["worldbank"])])  # all or nothing
def test_sigkill_during_a_refresh_leaves_vintage_and_report_together_or_neither(tmp_path, where, kept):
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    Store(url)
    proc = start(["-c", KILLER, where], url)
    proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL
    vintage_ids, report_ids = vintages_and_reports(url)
    assert len(vintage_ids) == kept and vintage_ids == report_ids


@pytest.mark.subprocess
def test_sigkill_at_random_moments_never_leaves_a_vintage_without_its_report(tmp_path):
    url = f"sqlite:///{tmp_path / 'random-kill.db'}"
    Store(url)
    for delay in (0.5, 1.0, 1.5, 2.5):
        proc = start(["-m", "indicators.cli", "refresh", "--offline", "--source", "worldbank",
                      "--source", "gii", "--source", "fx"], url)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        vintage_ids, report_ids = vintages_and_reports(url)
        assert vintage_ids == report_ids, delay
        # Each batch is whole: a vintage's rows are all there.
        store = Store(url)
        for vintage in store.vintages():
            assert len(store.vintage_frame(vintage.id)) == vintage.rows


def test_postgresql_answers_what_sqlite_answers(pg_url, tmp_path):
    """The same history of real World Bank releases (back and forth) on both backends: the same frames."""
    from indicators import refresh

    module = sources.get("worldbank")
    releases = module.snapshot()
    stores = [Store(pg_url), Store(f"sqlite:///{tmp_path / 'lite.db'}")]
    for batch in [releases[0], releases[5], releases[0], releases[3], releases[5]]:
        for store in stores:
            assert refresh._write_batches("worldbank", module, [batch], "offline", store, 0.0).status == "ok"
    for as_of in (None, "2024-03-31", "2026-02-01"):
        pg, lite = (s.frame(as_of=as_of).drop(columns="retrieved_at") for s in stores)
        pd.testing.assert_frame_equal(pg.sort_values(frame.KEY).reset_index(drop=True),
                                      lite.sort_values(frame.KEY).reset_index(drop=True))
    assert stores[0].observation_rows() == stores[1].observation_rows()
