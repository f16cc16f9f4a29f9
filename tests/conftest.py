"""Shared test setup: network blocked (pytest-socket, see pyproject), a fresh store per test,
and a throwaway PostgreSQL server for the tests that ask for `pg_url`."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import settings

# No wall-clock deadline (tests share the machine with other work) and a fixed, reproducible budget.
settings.register_profile("ci", deadline=None, derandomize=True, max_examples=100)
settings.load_profile("ci")

FIXTURES = Path(__file__).parent / "fixtures"
LAYERS = ("unit", "integration", "e2e")
"""The test folders, one per layer: unit (pure functions on recorded payloads and data files), integration
(the store, refresh, claims, figures and pages in one process), e2e (a browser, a server, the CLI or a
process of its own, PostgreSQL, the built wheel). Each test is marked with its folder's name."""


def pytest_collection_modifyitems(items):
    """Markers that follow from a test's folder and fixtures, so no test has to remember them: its
    layer (`unit`, `integration`, `e2e`), `postgres` for the tests on the throwaway cluster, `browser`
    for those handed a Chromium (fixture `browser`)."""
    for item in items:
        layer = item.path.parent.name
        if layer in LAYERS:
            item.add_marker(getattr(pytest.mark, layer))
        names = getattr(item, "fixturenames", ())
        if "pg_server" in names:
            item.add_marker(pytest.mark.postgres)
        if "browser" in names:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path, monkeypatch):
    """Every test gets its own SQLite store and no retry sleeps; no key leaks in from the machine."""
    monkeypatch.setenv("INDICATORS_DB", f"sqlite:///{tmp_path / 'store.db'}")
    monkeypatch.setenv("INDICATORS_HTTP_BACKOFF", "0")
    monkeypatch.setenv("INDICATORS_HTTP_TIMEOUT", "2")
    monkeypatch.delenv("COMTRADE_API_KEY", raising=False)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def snapshot_template(tmp_path_factory) -> Path:
    """A SQLite file holding the whole bundled snapshot, loaded once per test session."""

    from indicators.refresh import refresh
    from indicators.store import Store

    path = tmp_path_factory.mktemp("snapshot") / "snapshot.db"
    store = Store(f"sqlite:///{path}")
    results = refresh(offline=True, store=store)
    assert not [r for r in results if r.status == "failed"], [(r.source, r.detail) for r in results]
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()
    return path


@pytest.fixture
def snapshot_store(snapshot_template, tmp_path, monkeypatch):
    """A private copy of the snapshot store, also set as INDICATORS_DB for code that opens its own."""
    import shutil

    from indicators.store import Store

    path = tmp_path / "snapshot-copy.db"
    shutil.copyfile(snapshot_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("INDICATORS_DB", url)
    return Store(url)


@pytest.fixture(scope="session")
def snapshot_copy(snapshot_template, tmp_path_factory):
    """A function name -> Store on a private copy of the snapshot (for module-scoped fixtures)."""
    import shutil

    from indicators.store import Store

    def make(name: str) -> "Store":
        path = tmp_path_factory.mktemp(name) / f"{name}.db"
        shutil.copyfile(snapshot_template, path)
        return Store(f"sqlite:///{path}")

    return make


@pytest.fixture(scope="session")
def judged(snapshot_template):
    """judged(slug, compare=True): that bundled article's claims judged on the snapshot, once per
    session (per xdist worker) and shared by the modules that only read them."""
    import functools

    from indicators import articles
    from indicators.claims import check_article
    from indicators.store import Store

    store = Store(f"sqlite:///{snapshot_template}")

    @functools.cache
    def judge(slug: str, compare: bool = True) -> list:
        return check_article(store, articles.get_article(slug), compare=compare)

    return judge


# --- PostgreSQL: one throwaway cluster per session, one empty database per test -------------------


def _pg_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    candidates = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    candidates.sort(key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_cluster_owner(argv: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as `postgres` (else `nobody`) then."""
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", _cluster_owner().pw_name, "--", *argv]


def _cluster_owner() -> pwd.struct_passwd:
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' user exists for initdb")


@pytest.fixture(scope="session")
def pg_server():
    """SQLAlchemy URL of a PostgreSQL superuser connection: `INDICATORS_TEST_PG_URL` if set, else a
    cluster made here (initdb + pg_ctl in a temp dir, loopback port, socket in the temp dir, trust
    auth) and stopped at session end. No binaries: skipped locally, a failure under CI."""
    import sqlalchemy as sa

    given = os.environ.get("INDICATORS_TEST_PG_URL")
    if given:
        yield sa.engine.make_url(given)
        return
    bindir = _pg_bindir()
    if bindir is None:
        message = "no PostgreSQL binaries (initdb, pg_ctl); scripts/test.sh installs Debian's postgresql"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set: a skipped PostgreSQL test is not a pass)")
        pytest.skip(message)

    root = Path(tempfile.mkdtemp(prefix="indicators-pg-"))
    datadir, sockets, log = root / "data", root / "sock", root / "server.log"
    sockets.mkdir()
    if os.geteuid() == 0:
        owner = _cluster_owner()
        for path in (root, sockets):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    run = dict(check=True, capture_output=True, text=True, cwd=root)
    subprocess.run(_as_cluster_owner([str(bindir / "initdb"), "-D", str(datadir), "-A", "trust",
                                      "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]), **run)
    port = None
    for _attempt in range(5):  # a port picked free can be taken before postgres binds it: try another
        candidate = _free_loopback_port()
        options = (f"-c listen_addresses=127.0.0.1 -p {candidate} -c unix_socket_directories={sockets} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        started = subprocess.run(_as_cluster_owner([str(bindir / "pg_ctl"), "-D", str(datadir), "-l", str(log),
                                                    "-o", options, "-w", "-t", "60", "start"]),
                                 capture_output=True, text=True, cwd=root)
        if started.returncode == 0:
            port = candidate
            break
    if port is None:
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else started.stderr
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"could not start a throwaway PostgreSQL cluster: {tail}")
    try:
        yield sa.engine.make_url(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres")
    finally:
        subprocess.run(_as_cluster_owner([str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "fast",
                                          "-w", "stop"]), capture_output=True, cwd=root)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server):
    """A SQLAlchemy URL (postgresql+psycopg://...) to a fresh, empty database, dropped after the test."""
    import sqlalchemy as sa

    name = f"indicators_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield pg_server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
