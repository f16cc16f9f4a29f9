"""Shared test setup: network blocked (pytest-socket, see pyproject), a fresh store per test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# No wall-clock deadline (tests share the machine with other work) and a fixed, reproducible budget.
settings.register_profile("ci", deadline=None, derandomize=True, max_examples=100)
settings.load_profile("ci")

FIXTURES = Path(__file__).parent / "fixtures"


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
