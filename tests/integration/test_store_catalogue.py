"""Store.catalogue: one grouped SQL query listing every series the store serves (first and last
period, how many observations, the latest value and where it was read), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from indicators import frame
from indicators.store import Store


def rows(source, dataset, records, **defaults):
    return frame.build(records, source=source, dataset=dataset, **{"entity": "CHN", "freq": "A", **defaults})


def load_scenario(store: Store) -> None:
    """Two vintages of worldbank (a revision and a new year), a partner-level source (ember-like)."""
    first = [dict(indicator="exports", period="2021", value=1.0, released="2022-06-01"),
             dict(indicator="exports", period="2022", value=2.0, released="2023-06-01"),
             dict(indicator="exports", entity="USA", period="2022", value=5.0, released="2023-06-01"),
             dict(indicator="rd_pct", period="2020", value=2.4, unit="percent of GDP", released="2021-09-01")]
    store.write_vintage("worldbank", rows("worldbank", "wdi", first, unit="USD", publisher="World Bank"))
    second = [*first[:1], dict(indicator="exports", period="2022", value=2.5, released="2026-04-08"),
              dict(indicator="exports", period="2023", value=3.0, released="2026-04-08",
                   read_via="example.org"), *first[2:]]
    store.write_vintage("worldbank", rows("worldbank", "wdi", second, unit="USD", publisher="World Bank"))
    partners = [dict(indicator="solar", product=product, counterpart=partner, period=period, value=value)
                for product, partners in (("cells", ("DEU", "WLD", "FRA")), ("wafers", ("FRA", "DEU")))
                for partner in partners
                for period, value in (("2024-01", 10.0 + len(partner)), ("2024-02", 20.0 + ord(partner[0])))]
    store.write_vintage("ember", rows("ember", "solar", partners, freq="M", unit="MW", publisher="Ember"))


def check_scenario(store: Store) -> None:
    latest = store.catalogue()
    assert len(latest) == 5
    by = {(r.source, r.indicator, r.entity, r.product): r for r in latest.itertuples()}
    exports = by[("worldbank", "exports", "CHN", "")]
    assert (exports.first_period, exports.last_period, exports.observations) == ("2021", "2023", 3)
    assert exports.latest_value == 3.0 and exports.read_via == "example.org" and exports.publisher == "World Bank"
    assert exports.latest_released == "2026-04-08" and exports.counterparts == 1
    assert by[("worldbank", "exports", "USA", "")].latest_value == 5.0
    assert by[("worldbank", "rd_pct", "CHN", "")].unit == "percent of GDP"
    cells = by[("ember", "solar", "CHN", "cells")]
    assert (cells.observations, cells.counterparts, cells.last_period) == (6, 3, "2024-02")
    assert (cells.latest_counterpart, cells.latest_value) == ("WLD", 20.0 + ord("W"))  # the world row first
    wafers = by[("ember", "solar", "CHN", "wafers")]
    assert (wafers.latest_counterpart, wafers.latest_value) == ("DEU", 20.0 + ord("D"))  # else the first partner

    # As of a date: only what was published by then, with the values then served.
    before = store.catalogue(as_of="2024-03-31")
    old = before[(before["source"] == "worldbank") & (before["indicator"] == "exports") & (before["entity"] == "CHN")]
    assert old[["last_period", "observations", "latest_value"]].values.tolist() == [["2022", 2, 2.0]]
    assert len(store.catalogue(as_of="2021-12-31")) == 1  # rd_pct 2020 only
    assert store.catalogue(as_of="1999-01-01").empty

    # Agrees with the tidy frame it summarises.
    data = store.frame()
    assert latest["observations"].sum() == len(data)


def test_catalogue_on_sqlite(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    assert store.catalogue().empty
    load_scenario(store)
    check_scenario(store)


def test_catalogue_on_postgres(pg_url):
    store = Store(pg_url)
    try:
        assert store.catalogue().empty
        load_scenario(store)
        check_scenario(store)
    finally:
        store.engine.dispose()


def test_catalogue_rejects_a_bad_date(tmp_path):
    with pytest.raises(ValueError, match="as_of"):
        Store(f"sqlite:///{tmp_path / 'c.db'}").catalogue(as_of="2024-13-45")


def test_catalogue_of_the_snapshot_matches_the_frame(snapshot_store):
    catalogue = snapshot_store.catalogue()
    data = snapshot_store.frame()
    assert catalogue["observations"].sum() == len(data)
    assert len(catalogue) == len(data.groupby(list(Store.CATALOGUE_KEY)))
    for row in catalogue.sample(n=min(40, len(catalogue)), random_state=1).itertuples():
        series = data[(data[list(Store.CATALOGUE_KEY)] == [getattr(row, c) for c in Store.CATALOGUE_KEY]).all(axis=1)]
        assert (row.first_period, row.last_period, row.observations) == (
            series["period"].min(), series["period"].max(), len(series))
        assert row.latest_value in set(series.loc[series["period"] == row.last_period, "value"])
