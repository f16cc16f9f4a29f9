"""Ember China solar PV exports: the bundled file, the live path (recorded with `responses`), faults."""

from __future__ import annotations


import pytest
import requests
import responses

from indicators.http import SourceError
from indicators.sources import ember
from indicators.sources.base import Payload

EXCERPT = "ember/china_solar_exports_2023-07_excerpt.csv"


@pytest.fixture(scope="module")
def raw() -> bytes:
    return ember.snapshot()[0].payloads[0].raw


@pytest.fixture(scope="module")
def df(raw):
    return ember.parse(Payload("t", raw, ember.COPY_URL, ember.KIND))


@pytest.fixture
def excerpt(fixtures) -> bytes:
    return (fixtures / EXCERPT).read_bytes()


def parse_bytes(raw: bytes):
    return ember.parse(Payload("t", raw, "", ember.KIND))


def value(df, counterpart, product, period, indicator="solar_exports_value"):
    rows = df[(df.counterpart == counterpart) & (df["product"] == product) & (df.period == period) & (df.indicator == indicator)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_bundled_row_count(raw):
    df = parse_bytes(raw)
    assert len(df) == 27047 * 3  # value, mass, capacity for every row; no empty cells in this file


def test_world_2023_panels_plus_cells_matches_provenance(df):
    world = df[(df.counterpart == "WLD") & df.period.str.startswith("2023") & (df.indicator == "solar_exports_value")]
    by_product = world.groupby("product").value.sum()
    assert round((by_product["pv_panels"] + by_product["pv_cells"]) / 1e9, 2) == 43.69
    assert round(by_product["pv_wafers"] / 1e9, 2) == 5.38


def test_product_split_and_codes(df):
    assert set(df["product"]) == {"pv_panels", "pv_cells", "pv_wafers"}
    assert value(df, "WLD", "pv_panels", "2021-12").note == "GACC code 85414020"
    assert value(df, "WLD", "pv_panels", "2022-01").note == "GACC code 85414300"
    assert value(df, "WLD", "pv_cells", "2023-07").note == "GACC code 85414200"
    assert df[df["product"] == "pv_cells"].period.min() == "2022-01"
    assert df[df["product"] == "pv_wafers"].period.min() == "2022-01"


def test_country_iso3_and_units(df):
    germany = value(df, "DEU", "pv_panels", "2023-07")
    assert germany.value == 49753007.0 and germany.unit == "USD" and germany.freq == "M"
    assert germany.released == "2023-08-01" and germany.entity == "CHN"
    capacity = value(df, "DEU", "pv_panels", "2023-07", "solar_exports_capacity")
    assert capacity.value == 274.39 and capacity.unit == "MW" and "Ember estimate" in capacity.note
    assert value(df, "DEU", "pv_panels", "2023-07", "solar_exports_mass").value == 11381545.0
    assert value(df, "USA", "pv_cells", "2023-07").value == 1034784.0
    assert "TUR" in set(df.counterpart) and "VNM" in set(df.counterpart)


def test_regions_and_unmapped_names(df):
    assert value(df, "region:EU", "pv_panels", "2023-07").value == 1309166913.0
    assert not df.counterpart.isin(["region:World", "World"]).any()
    assert "area:Other Africa" in set(df.counterpart)
    assert df.attrs["warnings"] == [
        "3 area name(s) without ISO3 kept as area:<name>: Other Africa, Other Latin America, Other Oceania"
    ]


def test_truncated_snapshot_cut_mid_line(raw):
    cut = raw[: len(raw) // 2]
    assert not cut.endswith(b"\n")
    with pytest.raises(SourceError, match=r"^ember: last line has \d+ fields, header has 13: truncated file"):
        parse_bytes(cut)


def test_cut_inside_unused_last_column_is_a_warning(excerpt):
    cut = excerpt.rstrip(b"\n")[:-3]  # World panels' cumulative capacity 624827.13 -> 624827
    df = parse_bytes(cut)
    assert len(df) == 39
    assert value(df, "WLD", "pv_panels", "2023-07").value == 2808167263.0
    assert df.attrs["warnings"][0].startswith("file does not end with a line break")


def test_a_non_numeric_cell_fails_the_payload(excerpt):
    broken = excerpt.replace(b"49753007.0", b"n/a")
    with pytest.raises(SourceError, match=r"^ember: 1 number cell\(s\) could not be read \(allowance 0\): "
                                          r"1 non-numeric 'Amount \(USD\)' cell\(s\) rejected, e.g. Germany 2023-07-01: 'n/a'"):
        parse_bytes(broken)


def test_within_the_allowance_a_lost_cell_is_a_warning(excerpt, monkeypatch):
    monkeypatch.setattr(ember, "ROW_ALLOWANCE", 1)
    df = parse_bytes(excerpt.replace(b"49753007.0", b"n/a"))
    assert len(df) == 13 * 3 - 1
    assert any("non-numeric 'Amount (USD)'" in w and "Germany 2023-07-01" in w for w in df.attrs["warnings"])


def test_thousands_separators_are_read_as_the_numbers_they_write(excerpt):
    """A CSV whose numbers carry thousands separators (quoted, as CSV writers do) keeps every row."""
    plain = parse_bytes(excerpt)
    separated = excerpt.replace(b"49753007.0", b'"49,753,007.0"')
    assert separated != excerpt
    df = parse_bytes(separated)
    assert len(df) == len(plain)
    assert sorted(df["value"]) == sorted(plain["value"])
    assert any("thousands separators" in w for w in df.attrs["warnings"])


@pytest.mark.parametrize(
    "body, what",
    [
        (b"<!DOCTYPE html>\n<html><head><title>Moved</title></head><body>gone</body></html>", "HTML, not CSV"),
        (b"   <html><body>Access denied</body></html>", "HTML, not CSV"),
        (b'{"error": "not found"}', "JSON (not CSV)"),
        (b"", "empty file"),
    ],
    ids=["doctype", "html", "json", "empty"],
)
def test_a_body_that_is_not_csv_says_what_it_is(body, what):
    with pytest.raises(SourceError, match=r"^ember: ") as info:
        parse_bytes(body)
    assert what in str(info.value)


def test_bad_date_is_an_error(excerpt):
    with pytest.raises(SourceError, match=r"^ember: 1 row\(s\) with a Date that is not YYYY-MM-DD"):
        parse_bytes(excerpt.replace(b"Germany,2023-07-01", b"Germany,07/2023", 1))


# ---- live path, replayed with `responses` --------------------------------------------------------


@responses.activate
def test_fetch_live_excerpt(excerpt):
    responses.get(ember.DEFAULT_URL, body=excerpt, content_type="text/csv")
    batches = ember.fetch()
    payload = batches[0].payloads[0]
    assert payload.raw == excerpt and payload.url == ember.DEFAULT_URL
    df = ember.parse(payload)
    assert len(df) == 39
    assert value(df, "WLD", "pv_panels", "2023-07").value == 2808167263.0


@responses.activate
def test_fetch_url_from_environment(monkeypatch, excerpt):
    monkeypatch.setenv("EMBER_SOLAR_URL", "https://example.org/solar.csv")
    responses.get("https://example.org/solar.csv", body=excerpt)
    assert ember.fetch()[0].payloads[0].raw == excerpt


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"body": requests.exceptions.Timeout()}, r"^ember: timed out"),
        ({"body": requests.exceptions.ConnectionError("Failed to resolve host")}, r"^ember: no connection to storage\.googleapis\.com"),
        ({"status": 429, "headers": {"Retry-After": "0"}}, r"^ember: HTTP 429 .*gave up after 3 tries"),
        ({"status": 500}, r"^ember: HTTP 500 .*gave up after 3 tries"),
        ({"body": b"<!DOCTYPE html><html><body>Not found</body></html>", "content_type": "text/html"},
         r"^ember: expected CSV but got an HTML page"),
        ({"body": b""}, r"^ember: empty response"),
    ],
    ids=["timeout", "dns", "429", "500", "html", "empty-body"],
)
@responses.activate
def test_fetch_faults(kwargs, message):
    responses.get(ember.DEFAULT_URL, **kwargs)
    with pytest.raises(SourceError, match=message):
        ember.fetch()


@responses.activate
def test_live_truncated_payload(excerpt):
    responses.get(ember.DEFAULT_URL, body=excerpt[: len(excerpt) - 40])
    payload = ember.fetch()[0].payloads[0]
    with pytest.raises(SourceError, match=r"^ember: last line has \d+ fields, header has 13: truncated file"):
        ember.parse(payload)


@responses.activate
def test_live_renamed_column(excerpt):
    responses.get(ember.DEFAULT_URL, body=excerpt.replace(b"Amount (USD)", b"Value (USD)"))
    payload = ember.fetch()[0].payloads[0]
    with pytest.raises(SourceError, match=r"^ember: missing column\(s\) \['Amount \(USD\)'\]"):
        ember.parse(payload)


@responses.activate
def test_live_header_only(excerpt):
    responses.get(ember.DEFAULT_URL, body=excerpt.splitlines(keepends=True)[0])
    payload = ember.fetch()[0].payloads[0]
    with pytest.raises(SourceError, match=r"^ember: the file has a header but no data rows"):
        ember.parse(payload)


def test_all_values_empty_is_an_error(excerpt):
    lines = excerpt.decode().splitlines()
    blank = [lines[0]] + [",".join(c if i not in (7, 8, 11) else "" for i, c in enumerate(l.split(","))) for l in lines[1:]]
    with pytest.raises(SourceError, match=r"^ember: no figures in the file"):
        parse_bytes("\n".join(blank).encode())


def test_the_whole_file_with_thousands_separators_keeps_every_row_and_the_world_2023_total(raw, df):
    """Issue 13.8: the bundled file rewritten with thousands separators in every number (quoted, as
    a CSV writer does) loses no row and keeps the World 2023 panels + cells value (43.69 bn USD)."""
    import csv
    import io

    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header = table[0]
    numeric = [header.index(c) for c, *_ in ember.MEASURES]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for cells in table[1:]:
        writer.writerow([format(float(c), ",") if i in numeric and c.strip() else c for i, c in enumerate(cells)])
    separated = out.getvalue().encode()
    assert b'"49,753,007.0"' in separated and b'49753007.0' not in separated  # Germany 2023-07, rewritten
    again = parse_bytes(separated)
    assert len(again) == len(df) == 27047 * 3
    world = again[(again.counterpart == "WLD") & again.period.str.startswith("2023") & (again.indicator == "solar_exports_value")]
    by_product = world.groupby("product").value.sum()
    assert round((by_product["pv_panels"] + by_product["pv_cells"]) / 1e9, 2) == 43.69
    assert sorted(again["value"]) == sorted(df["value"])
