"""CAAM NEV sales/production/exports: units, NA handling, odd rows rejected with a warning."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import frame
from indicators.http import SourceError
from indicators.sources import caam
from indicators.sources.base import Payload


@pytest.fixture(scope="module")
def raw() -> bytes:
    return caam.snapshot()[0].payloads[0].raw


@pytest.fixture(scope="module")
def df(raw):
    return caam.parse(Payload("t", raw, caam.COPY_URL, caam.KIND))


def parse_text(text: str):
    return caam.parse(Payload("t", text.encode("utf-8"), "", caam.KIND))


def one(df, indicator, product, period):
    rows = df[(df.indicator == indicator) & (df["product"] == product) & (df.period == period)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_row_count_and_bom(raw, df):
    assert raw.startswith(b"\xef\xbb\xbf")
    assert len(df) == 68  # 69 cells, one removed where CAAM's own release disagrees (2021 NEV exports)
    assert set(df.unit) == {"vehicles"} and set(df.freq) == {"A"} and set(df.entity) == {"CHN"}


def test_exports_basis_and_counterpart(df):
    nev = one(df, "vehicle_exports", "nev", "2023")
    assert nev.value == 1_203_000 and nev.counterpart == "WLD"
    assert "commercial vehicles" in nev.note and "GACC" in nev.note
    assert one(df, "vehicle_exports", "passenger_vehicles", "2024").value == 4_955_000
    sales = one(df, "vehicle_sales", "nev", "2023")
    assert sales.value == 9_495_000 and sales.counterpart == ""
    assert sales.released == "2024-01-11"  # CAAM's press conference, from caam/release_dates.csv
    assert "release date not recorded" not in sales.note
    undated = one(df, "vehicle_sales", "nev", "2021")  # no release date found for 2021's totals
    assert undated.released == "2022-01-01" and "release date not recorded: 2022-01-01" in undated.note  # the lower bound, said so


def test_products_and_values(df):
    assert set(df["product"]) == {"passenger_vehicles", "bev", "phev", "nev"}
    assert one(df, "vehicle_production", "phev", "2020").value == 260_000
    assert one(df, "vehicle_sales", "passenger_vehicles", "2016").value == 24_377_000


def test_passenger_rows_are_labelled_passenger_not_all_vehicles(df):
    """The table's former 'all' rows are CAAM's passenger vehicles (26.06 m sales in 2023, not 30.09 m)."""
    sales = one(df, "vehicle_sales", "passenger_vehicles", "2023")
    exports = one(df, "vehicle_exports", "passenger_vehicles", "2023")
    assert sales.value == 26_063_000 and exports.value == 4_140_000
    assert "passenger vehicles only" in sales.note and "30.09 million" in sales.note
    assert "4.91 million exports" in exports.note and "commercial" not in exports.note.split(";")[-1]
    assert "includes commercial vehicles" in one(df, "vehicle_sales", "nev", "2023").note


def test_suspect_cell_is_kept_and_flagged_with_its_reason(df):
    bev_2020 = one(df, "vehicle_exports", "bev", "2020")
    assert bev_2020.value == 995_000  # the figure is not changed
    assert bev_2020.note.startswith("suspect: 0.995 million equals CAAM's total 2020 vehicle exports")
    assert frame.flagged(bev_2020.note).endswith("kept as in the copied table") and "commercial" not in frame.flagged(bev_2020.note)
    # the flag names the exports cell only: the row's sales and production are not flagged
    assert not one(df, "vehicle_sales", "bev", "2020").note.startswith("suspect")
    flagged = df[df.note.str.startswith("suspect")]
    assert len(flagged) == 1


def test_flag_without_a_measure_flags_the_whole_row():
    df = parse_text("year,type,sales,production,exports,flag\n2023,nev,9.495,9.587,NA,suspect: checked later\n")
    assert all(n.startswith("suspect: checked later") for n in df.note)
    assert any("names no measure" in w for w in df.attrs["warnings"])


def test_undated_release_is_labelled_a_lower_bound(df):
    row = one(df, "vehicle_sales", "nev", "2021")  # the one year data/caam/release_dates.csv has no date for
    assert row.released == "2022-01-01"
    assert row.note.endswith("release date not recorded: 2022-01-01 (the day after the year ends) is the earliest it could have been public")
    dated = caam.parse(Payload("t", caam.snapshot()[0].payloads[0].raw, caam.COPY_URL, caam.KIND, release_date="2025-01-13"))
    assert not dated.note.str.contains("release date not recorded").any() and set(dated.released) == {"2025-01-13"}


def test_every_row_is_read_via_the_github_copy(df):
    assert set(df.read_via) == {"github.com"} and set(df.publisher) == {caam.PUBLISHER}  # the copy URL's site
    bundled = caam.parse(caam.snapshot()[0].payloads[0])  # the bundled file names the repository it was copied from
    assert set(bundled.read_via) == {"github.com (a copy in jhelvy/us-china-pev-policy-2025)"}


def test_not_available_gives_no_row(df):
    assert df[(df.period == "2018") & (df.indicator == "vehicle_production")].empty
    assert df[df.period.isin(["2013", "2014", "2015"])].empty
    assert df[(df.indicator == "vehicle_exports") & (df["product"] == "bev") & (df.period == "2023")].empty


def test_value_not_in_millions_is_rejected_with_warning(df):
    assert df.attrs["warnings"] == [
        "line 46 year '2013' type 'passenger' column production: 17928900 does not fit "
        "'millions of vehicles' (expected 0 to 100); rejected"
    ]


def test_unknown_type_and_non_numeric_are_warnings():
    df = parse_text("year,type,sales,production,exports\n2023,nev,9.495,x,NA\n2023,fcev,0.006,NA,NA\n")
    assert len(df) == 1 and df.iloc[0].value == 9_495_000
    warnings = df.attrs["warnings"]
    assert any("column production: 'x' is not a number" in w for w in warnings)
    assert any("type 'fcev': unknown type" in w for w in warnings)


def test_fetch_has_no_live_endpoint():
    assert caam.METADATA.live is False
    with pytest.raises(SourceError, match=r"^caam: no machine-readable live endpoint: CAAM publishes press releases"):
        caam.fetch()


def test_missing_column_is_schema_drift(raw):
    text = raw.decode("utf-8-sig").replace("exports", "export", 1)
    with pytest.raises(SourceError, match=r"^caam: missing column\(s\) \['exports'\]"):
        parse_text(text)


def test_truncated_file(raw):
    text = raw.decode("utf-8-sig")
    cut = text.index("2020,bev,1.115") + len("2020,bev,1.1")
    with pytest.raises(SourceError, match=r"^caam: line 19 has 3 fields, header has 6 \(truncated file\?\)"):
        parse_text(text[:cut])


def test_empty_file_and_no_usable_rows():
    with pytest.raises(SourceError, match=r"^caam: empty file"):
        parse_text("")
    with pytest.raises(SourceError, match=r"^caam: no usable figures"):
        parse_text("year,type,sales,production,exports\n2015,passenger,,NA,NA\n")


def test_release_tables_add_domestic_sales_and_all_vehicles_without_repeating_the_copy():
    from indicators.sources import caam

    [batch] = caam.snapshot()
    frames = [caam.parse(p) for p in batch.payloads]
    both = pd.concat(frames)
    assert not both.duplicated(["indicator", "product", "period", "unit"]).any()  # one figure per key across the tables
    releases = frames[1]
    domestic = releases[(releases.indicator == "vehicle_domestic_sales") & (releases["product"] == "passenger_vehicles")]
    assert domestic.set_index("period")["value"]["2023"] == 21_900_000
    exports_2021 = both[(both.indicator == "vehicle_exports") & (both["product"] == "nev") & (both.period == "2021")]
    assert list(exports_2021["value"]) == [310_000]  # CAAM's release, not the copy's 0.3 million
