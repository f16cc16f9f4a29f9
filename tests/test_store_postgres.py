"""The same store on PostgreSQL: runs when INDICATORS_TEST_PG_URL names a scratch database.

    INDICATORS_TEST_PG_URL=postgresql+psycopg://user:pass@127.0.0.1/db .venv/bin/python -m pytest tests/test_store_postgres.py

Skipped otherwise (CI has no PostgreSQL server); SQLite runs the full store suite in test_store.py.
"""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from indicators import frame
from indicators.refresh import refresh
from indicators.store import Store, metadata

URL = os.environ.get("INDICATORS_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not URL, reason="set INDICATORS_TEST_PG_URL to a scratch PostgreSQL database")


@pytest.fixture
def pg_store():
    store = Store(URL)
    metadata.drop_all(store.engine)
    metadata.create_all(store.engine)
    yield store
    metadata.drop_all(store.engine)
    store.engine.dispose()


def obs(value, released=""):
    return frame.build([dict(indicator="exports", entity="CHN", period="2022", freq="A", value=value,
                             unit="USD", released=released)], source="worldbank", dataset="wdi")


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
