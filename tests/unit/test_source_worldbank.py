"""World Bank WDI: bundled bulk, older-release and long CSVs, release batches, v2 JSON, live faults."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
import requests
import responses

from indicators import frame
from indicators.http import SourceError
from indicators.sources import worldbank as wb
from indicators.sources.base import Payload

OLDER = "wdi/API_CHN_DS2_en_csv_v2_2097__10indicators_older_release.csv"
LONG = "wdi/WDI_NY.GDP.MKTP.CD_NE.EXP.GNFS.CD_2008_2025_8countries_long.csv"
TECH = "wdi/API_TX.VAL.TECH.CD_DS2_en_csv_v2_6018__8countries.csv"
RD = "wdi/API_GB.XPD.RSDV.GD.ZS_DS2_en_csv_v2_232__8countries.csv"
GDP = "wdi/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_88__8countries.csv"

ROWS = {  # rows parse() gives for each bundled file (one per non-empty cell)
    OLDER: 414,
    GDP: 512,
    "wdi/API_PA.NUS.FCRF_DS2_en_csv_v2_13510__8countries.csv": 448,
    "wdi/API_IP.PAT.RESD_DS2_en_csv_v2_226__8countries.csv": 324,
    TECH: 139,
    "wdi/API_TX.VAL.TECH.MF.ZS_DS2_en_csv_v2_1859__8countries.csv": 144,
    RD: 225,
    "wdi/API_PA.NUS.FCRF_DS2_en_csv_v2_404139__CHN.csv": 66,
    "wdi/API_SP.POP.SCIE.RD.P6_DS2_en_csv_v2_37695__8countries.csv": 194,
    LONG: 286,
}


@pytest.fixture(scope="module")
def batches():
    return wb.snapshot()


@pytest.fixture(scope="module")
def parsed(batches) -> dict[str, pd.DataFrame]:
    return {p.name: wb.parse(p) for b in batches for p in b.payloads}


def value(df: pd.DataFrame, indicator: str, entity: str, period: str) -> float:
    row = df[(df["indicator"] == indicator) & (df["entity"] == entity) & (df["period"] == period)]
    assert len(row) == 1, (indicator, entity, period)
    return float(row["value"].iloc[0])


def v2_payload(raw: bytes, name: str = "wb_v2_test.json") -> Payload:
    return Payload(name=name, raw=raw, url="", kind="v2_json")


# -- bundled snapshot: batches ----------------------------------------------------------------


def test_one_batch_per_release_oldest_first(batches):
    dates = [{p.release_date for p in b.payloads} for b in batches]
    assert dates == [{""}, {"2025-01-28"}, {"2025-03-24"}, {"2026-01-28"}, {"2026-04-08"}, {"2026-07-13"}]
    assert [p.name for p in batches[0].payloads] == [OLDER]
    assert batches[0].label == "older WDI release (date unknown)"
    assert batches[-1].label == "WDI release 2026-07-13"
    assert {p.name for p in batches[4].payloads} == {TECH, "wdi/API_TX.VAL.TECH.MF.ZS_DS2_en_csv_v2_1859__8countries.csv"}
    assert {p.name for p in batches[5].payloads} == {
        RD, LONG, "wdi/API_PA.NUS.FCRF_DS2_en_csv_v2_404139__CHN.csv",
        "wdi/API_SP.POP.SCIE.RD.P6_DS2_en_csv_v2_37695__8countries.csv",
    }
    assert sorted(p.name for b in batches for p in b.payloads) == sorted(ROWS)


def test_no_duplicate_keys_within_a_batch(batches, parsed):
    for batch in batches:
        combined = pd.concat([parsed[p.name] for p in batch.payloads], ignore_index=True)
        assert len(frame.validate(combined, source="worldbank")) == sum(ROWS[p.name] for p in batch.payloads)


def test_row_counts_per_file(parsed):
    assert {name: len(df) for name, df in parsed.items()} == ROWS
    assert all(df.attrs["warnings"] == [] for df in parsed.values())


def test_kinds_and_urls(batches):
    payloads = {p.name: p for b in batches for p in b.payloads}
    assert payloads[LONG].kind == "long_csv"
    assert payloads[TECH].kind == "bulk_csv"
    assert payloads[TECH].url == "https://api.worldbank.org/v2/en/indicator/TX.VAL.TECH.CD?downloadformat=csv"
    assert payloads[OLDER].url == "https://api.worldbank.org/v2/en/country/CHN?downloadformat=csv"


def test_live_indicators_are_the_bundled_codes(parsed):
    assert set(wb.LIVE_INDICATORS) == set(pd.concat(parsed.values())["indicator"])


# -- bundled snapshot: values -----------------------------------------------------------------


def test_revision_of_china_high_tech_exports_between_releases(parsed):
    """Real revision: 769.7 bn USD for 2022 in the older release, 924.4 bn USD on 2026-04-08."""
    older, newer = parsed[OLDER], parsed[TECH]
    assert value(older, "TX.VAL.TECH.CD", "CHN", "2022") == 769699283036.0
    assert value(newer, "TX.VAL.TECH.CD", "CHN", "2022") == 924393316669.0
    assert value(newer, "TX.VAL.TECH.CD", "CHN", "2023") == 825045389470.0
    assert older.loc[older["indicator"] == "TX.VAL.TECH.CD", "released"].max() == "2023-01-01"  # no date: period end + 1
    assert set(newer["released"]) == {"2026-04-08"}
    assert set(newer["unit"]) == {"USD"}


def test_china_rd_share_latest_year(parsed):
    rd = parsed[RD]
    china = rd[rd["entity"] == "CHN"]
    assert china["period"].max() == "2023"
    assert value(rd, "GB.XPD.RSDV.GD.ZS", "CHN", "2023") == 2.57729
    assert value(rd, "GB.XPD.RSDV.GD.ZS", "KOR", "2022") == 4.84753
    row = china.iloc[-1]
    assert (row["unit"], row["released"], row["freq"]) == ("percent of GDP", "2026-07-13", "A")
    assert row["note"] == "Research and development expenditure (% of GDP)"
    assert row["source_url"] == "https://data.worldbank.org/indicator/GB.XPD.RSDV.GD.ZS"
    assert row["publisher"] == "World Bank, World Development Indicators"
    assert (row["dataset"], row["counterpart"], row["product"]) == ("wdi", "", "")


def test_china_gdp_in_three_releases(parsed):
    """GDP 2022: older release 17.96 tn, 2025-01-28 release 17.88 tn, 2026-07-13 release 18.32 tn."""
    assert value(parsed[OLDER], "NY.GDP.MKTP.CD", "CHN", "2022") == 17963171479205.3
    assert value(parsed[GDP], "NY.GDP.MKTP.CD", "CHN", "2022") == 17881782683707.3
    assert value(parsed[LONG], "NY.GDP.MKTP.CD", "CHN", "2022") == 18316765021690.2
    assert value(parsed[GDP], "NY.GDP.MKTP.CD", "CHN", "2023") == 17794783039552.0
    revised = value(parsed[LONG], "NY.GDP.MKTP.CD", "CHN", "2023") / value(parsed[GDP], "NY.GDP.MKTP.CD", "CHN", "2023")
    assert 1.02 < revised < 1.03


def test_older_release_without_preamble(parsed):
    older = parsed[OLDER]
    assert set(older["entity"]) == {"CHN"}
    assert older["indicator"].nunique() == 10
    assert value(older, "IP.PAT.RESD", "CHN", "2021") == 1426644.0
    assert value(older, "GB.XPD.RSDV.GD.ZS", "CHN", "2021") == 2.4326000213623
    units = older.drop_duplicates("indicator").set_index("indicator")["unit"].to_dict()
    assert units["IP.PAT.RESD"] == "applications"
    assert units["SP.POP.SCIE.RD.P6"] == "researchers per million people"
    assert units["TX.VAL.TECH.MF.ZS"] == "percent of manufactured exports"
    assert units["PA.NUS.FCRF"] == "LCU per USD"
    assert units["BX.GSR.MRCH.CD"] == "USD"
    # the 1960 column is read: the file starts with a BOM and no preamble
    assert value(older, "NY.GDP.MKTP.CD", "CHN", "1960") == 59716249310.9742


def test_long_file(parsed):
    long = parsed[LONG]
    assert set(long["indicator"]) == {"NY.GDP.MKTP.CD", "NE.EXP.GNFS.CD"}
    assert set(long["released"]) == {"2026-07-13"}
    assert (long["period"].min(), long["period"].max()) == ("2008", "2025")
    assert value(long, "NE.EXP.GNFS.CD", "CHN", "2023") == 3544871083631.02
    assert value(long, "NY.GDP.MKTP.CD", "CHN", "2025") == 19498039388042.6
    assert len(long[(long["indicator"] == "NE.EXP.GNFS.CD") & (long["period"] == "2025")]) == 6  # JPN, USA empty
    assert long.loc[long["indicator"] == "NE.EXP.GNFS.CD", "note"].iloc[0] == "Exports of goods and services (current US$)"


def test_store_serves_each_release_as_of_its_date():
    """Offline refresh writes one vintage per release; as-of March 2024 shows the older figure."""
    from indicators import refresh
    from indicators.store import Store

    store = Store()
    (result,) = refresh.refresh(["worldbank"], offline=True, store=store, check_claims=False)
    assert result.status == "ok" and len(result.vintages) == 6
    latest = store.frame(source="worldbank", indicator="TX.VAL.TECH.CD", entity="CHN")
    then = store.frame(source="worldbank", indicator="TX.VAL.TECH.CD", entity="CHN", as_of="2024-03-01")
    assert value(latest, "TX.VAL.TECH.CD", "CHN", "2022") == 924393316669.0
    assert value(then, "TX.VAL.TECH.CD", "CHN", "2022") == 769699283036.0


# -- bulk and long CSV errors -----------------------------------------------------------------


def bundled_raw(batches, name: str) -> bytes:
    return next(p.raw for b in batches for p in b.payloads if p.name == name)


def test_truncated_bulk_csv(batches):
    raw = bundled_raw(batches, TECH)
    row = raw.index(b'"United States"')
    cut = raw[: raw.index(b'",', row + 300) + 2]  # the last row ends after a complete cell
    with pytest.raises(SourceError, match=r"^worldbank: cut.csv: line 12 has \d+ fields, header has 70 \(truncated file\?\)") as info:
        wb.parse(Payload(name="cut.csv", raw=cut, url="", kind="bulk_csv"))
    assert "\n" not in str(info.value)


def test_bulk_csv_cut_inside_a_quoted_cell(batches):
    raw = bundled_raw(batches, TECH)
    cut = raw[: raw.index(b'"World","WLD"') + 4]
    with pytest.raises(SourceError, match="worldbank: .*(unreadable CSV|truncated)"):
        wb.parse(Payload(name="cut.csv", raw=cut, url="", kind="bulk_csv"))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (b'"Country Code"', b'"Country ISO3"', "unexpected header"),
        (b'"Country Name"', b'"Economy"', "no header row"),
        (b'"2023"', b'"YR2023"', "unexpected header"),
        (b'"Last Updated Date","2026-04-08"', b'"Last Updated Date","08/04/2026"', "not YYYY-MM-DD"),
        (b'"825045389470"', b'"8.25e11 USD"', "not a number"),
        (b'"CHN"', b'"China"', "not a 3-letter code"),
    ],
)
def test_bulk_schema_drift(batches, old, new, message):
    raw = bundled_raw(batches, TECH)
    assert old in raw
    with pytest.raises(SourceError, match=f"^worldbank: .*{message}"):
        wb.parse(Payload(name="drift.csv", raw=raw.replace(old, new, 1), url="", kind="bulk_csv"))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty file"),
        (b"<!DOCTYPE html><html><body>Error</body></html>", "HTML page"),
        (b"indicator_code,country_code,year,value,last_updated,source\n", "no observations"),
        (b"indicator,country_code,year,value,last_updated\nNY.GDP.MKTP.CD,CHN,2023,1,2026-07-13\n", "missing column"),
        (b"indicator_code,country_code,year,value,last_updated\nNY.GDP.MKTP.CD,CHN,2023,1\n", "truncated"),
        (b"indicator_code,country_code,year,value,last_updated\nNY.GDP.MKTP.CD,CHN,2023,1,July\n", "last_updated"),
    ],
)
def test_long_csv_errors(raw, message):
    with pytest.raises(SourceError, match=f"^worldbank: .*{message}"):
        wb.parse(Payload(name="long.csv", raw=raw, url="", kind="long_csv"))


def test_unknown_kind():
    with pytest.raises(SourceError, match="unknown payload kind"):
        wb.parse(Payload(name="x", raw=b"{}", url="", kind="xlsx"))


# -- v2 JSON ----------------------------------------------------------------------------------


def test_real_v2_fixture(fixtures):
    df = wb.parse(v2_payload((fixtures / "worldbank_v2_USA_SP.POP.TOTL_2022_2023.json").read_bytes()))
    assert len(df) == 2
    assert value(df, "SP.POP.TOTL", "USA", "2023") == 336755052.0
    assert value(df, "SP.POP.TOTL", "USA", "2022") == 333996304.0
    assert set(df["released"]) == {"2026-07-13"}
    assert set(df["unit"]) == {"people"} and set(df["note"]) == {"Population, total"}


def test_constructed_v2_fixture_matches_the_bulk_file(fixtures, parsed):
    raw = (fixtures / "worldbank" / "v2_TX.VAL.TECH.CD_8countries_2015_2025.json").read_bytes()
    df = wb.parse(v2_payload(raw))
    assert len(df) == 79  # 88 observations, 9 null
    assert set(df["released"]) == {"2026-04-08"}
    bulk = parsed[TECH]
    bulk = bulk[bulk["period"] >= "2015"]
    assert df.set_index(["entity", "period"])["value"].sort_index().equals(bulk.set_index(["entity", "period"])["value"].sort_index())
    assert value(df, "TX.VAL.TECH.CD", "WLD", "2022") == value(bulk, "TX.VAL.TECH.CD", "WLD", "2022")


def test_unit_fallback_reads_the_name():
    assert wb.unit_of("NV.IND.MANF.CD", "Manufacturing, value added (current US$)") == "current US$"
    assert wb.unit_of("SP.URB.TOTL", "Urban population") == "Urban population"


def v2_body(fixtures) -> list:
    return json.loads((fixtures / "worldbank_v2_USA_SP.POP.TOTL_2022_2023.json").read_text())


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda b: [{"message": [{"id": "120", "key": "Invalid value", "value": "The provided parameter value is not valid"}]}],
         "World Bank API error 120 Invalid value: The provided parameter value is not valid"),
        (lambda b: [{**b[0], "total": 0}, None], "no observations"),
        (lambda b: [{**b[0], "pages": 2}, b[1]], "page 1 of 2"),
        (lambda b: [{**b[0], "total": 3}, b[1]], "header says 3"),
        (lambda b: [{k: v for k, v in b[0].items() if k != "lastupdated"}, b[1]], "header lacks"),
        (lambda b: [b[0], [{**o, "indicator": o["indicator"]["id"]} for o in b[1]]], "unexpected shape"),
        (lambda b: [b[0], [{k: v for k, v in o.items() if k != "countryiso3code"} for o in b[1]]], "lacks field 'countryiso3code'"),
        (lambda b: [b[0], [{**o, "date": "2023M01"} for o in b[1]]], "not an annual period"),
        (lambda b: [b[0], [{**o, "value": "n/a"} for o in b[1]]], "not a number"),
        (lambda b: {"data": b[1]}, "not a v2 body"),
    ],
)
def test_v2_errors(fixtures, edit, message):
    raw = json.dumps(edit(v2_body(fixtures))).encode()
    with pytest.raises(SourceError, match=re.escape(message)) as info:
        wb.parse(v2_payload(raw))
    assert str(info.value).startswith("worldbank: ")


def test_v2_null_values_and_missing_iso3(fixtures):
    body = v2_body(fixtures)
    body[1][0]["value"] = None
    body[1][1]["countryiso3code"] = ""
    with pytest.raises(SourceError, match="no observations"):
        wb.parse(v2_payload(json.dumps(body).encode()))
    body = v2_body(fixtures)
    body[1][1]["countryiso3code"] = ""
    df = wb.parse(v2_payload(json.dumps(body).encode()))
    assert list(df["period"]) == ["2023"]
    assert df.attrs["warnings"] == ["United States SP.POP.TOTL 2022: no ISO3 code; skipped"]


# -- live path through pandas-datareader (recorded responses) ---------------------------------

TECH_URL = re.compile(r"https://api\.worldbank\.org/v2/countries/CHN;USA;DEU;JPN;KOR;CAN;GBR;WLD/indicators/TX\.VAL\.TECH\.CD\?.*")
RD_URL = re.compile(r"https://api\.worldbank\.org/v2/countries/[A-Z;]+/indicators/GB\.XPD\.RSDV\.GD\.ZS\?.*")


@responses.activate
def test_fetch_keeps_the_v2_json_pandas_datareader_downloaded(fixtures, monkeypatch):
    monkeypatch.setattr(wb, "LIVE_INDICATORS", ["TX.VAL.TECH.CD", "GB.XPD.RSDV.GD.ZS"])
    tech = (fixtures / "worldbank" / "v2_TX.VAL.TECH.CD_8countries_2015_2025.json").read_bytes()
    rd = (fixtures / "worldbank" / "v2_GB.XPD.RSDV.GD.ZS_8countries_2015_2025.json").read_bytes()
    responses.add(responses.GET, TECH_URL, body=tech, content_type="application/json")
    responses.add(responses.GET, RD_URL, body=rd, content_type="application/json")
    (batch,) = wb.fetch(http=requests.Session())
    assert [p.raw for p in batch.payloads] == [tech, rd]
    assert [p.release_date for p in batch.payloads] == ["2026-04-08", "2026-07-13"]
    assert {p.kind for p in batch.payloads} == {"v2_json"}
    request = responses.calls[0].request
    assert "per_page=25000" in request.url and "format=json" in request.url and "date=1960%3A" in request.url
    assert batch.payloads[0].url == request.url
    df = pd.concat([wb.parse(p) for p in batch.payloads], ignore_index=True)
    assert len(df) == 79 + 73
    assert value(df, "TX.VAL.TECH.CD", "CHN", "2022") == 924393316669.0
    assert value(df, "GB.XPD.RSDV.GD.ZS", "CHN", "2023") == 2.57729


def live_fault(monkeypatch, **first_response) -> SourceError:
    monkeypatch.setattr(wb, "LIVE_INDICATORS", ["TX.VAL.TECH.CD"])
    responses.add(responses.GET, TECH_URL, **first_response)
    with pytest.raises(SourceError) as info:
        wb.fetch(http=requests.Session())
    message = str(info.value)
    assert message.startswith("worldbank: ") and "TX.VAL.TECH.CD" in message
    assert "\n" not in message
    return info.value


@responses.activate
def test_timeout(monkeypatch):
    # `responses` raises the timeout above urllib3 (no retry here); real read-timeout retries are
    # covered on the loopback fault server (tests/integration/test_faults.py).
    error = live_fault(monkeypatch, body=requests.exceptions.Timeout())
    assert "timed out after 2 s" in str(error)


@responses.activate
def test_dns_failure(monkeypatch):
    error = live_fault(monkeypatch, body=requests.exceptions.ConnectionError("Failed to resolve host"))
    assert "no connection" in str(error)
    assert len(responses.calls) == 1


@responses.activate
def test_http_429(monkeypatch):
    error = live_fault(monkeypatch, status=429, headers={"Retry-After": "0"}, body="Too Many Requests")
    assert "HTTP 429" in str(error) and "gave up after 3 tries" in str(error)


@responses.activate
def test_http_500(monkeypatch):
    error = live_fault(monkeypatch, status=500, body="Internal Server Error")
    assert "HTTP 500" in str(error)
    assert len(responses.calls) == 3


@responses.activate
def test_html_page(monkeypatch):
    error = live_fault(monkeypatch, body="<!DOCTYPE html><html><body>Service unavailable</body></html>",
                       content_type="text/html")
    assert "expected JSON but got an HTML page" in str(error)


@responses.activate
def test_truncated_json(fixtures, monkeypatch):
    raw = (fixtures / "worldbank" / "v2_TX.VAL.TECH.CD_8countries_2015_2025.json").read_bytes()
    error = live_fault(monkeypatch, body=raw[: len(raw) // 2])
    assert "truncated or invalid JSON" in str(error)


@responses.activate
def test_renamed_field(fixtures, monkeypatch):
    raw = (fixtures / "worldbank" / "v2_TX.VAL.TECH.CD_8countries_2015_2025.json").read_bytes()
    error = live_fault(monkeypatch, body=raw.replace(b'"countryiso3code"', b'"iso3"'))
    assert "lacks field 'countryiso3code'" in str(error)


@responses.activate
def test_world_bank_error_message(monkeypatch):
    body = '[{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]'
    error = live_fault(monkeypatch, body=body, content_type="application/json")
    assert "World Bank API error 120 Invalid value" in str(error)


@responses.activate
def test_empty_result(fixtures, monkeypatch):
    body = json.dumps([{"page": 1, "pages": 0, "per_page": 25000, "total": 0, "sourceid": None, "lastupdated": "2026-07-13"}, None])
    error = live_fault(monkeypatch, body=body, content_type="application/json")
    assert "no observations" in str(error)


@responses.activate
def test_empty_body(monkeypatch):
    error = live_fault(monkeypatch, body=b"")
    assert "empty" in str(error)
