"""FRED exchange rates (fx): bundled fredgraph CSVs, the live path through pandas-datareader, faults."""

from __future__ import annotations


import pandas as pd
import pytest
import requests
import responses

from indicators import frame
from indicators.http import SourceError
from indicators.sources import fx
from indicators.sources.base import Payload

EXCHUS_URL = "https://fred.stlouisfed.org/graph/fredgraph.csv?id=EXCHUS"
AEXCHUS_URL = "https://fred.stlouisfed.org/graph/fredgraph.csv?id=AEXCHUS"


@pytest.fixture(scope="module")
def bundled() -> dict[str, pd.DataFrame]:
    (batch,) = fx.snapshot()
    return {p.name: fx.parse(p) for p in batch.payloads}


def value(df: pd.DataFrame, indicator: str, period: str) -> float:
    row = df[(df["indicator"] == indicator) & (df["period"] == period)]
    assert len(row) == 1, (indicator, period)
    return float(row["value"].iloc[0])


def payload(raw: bytes, name: str = "test.csv") -> Payload:
    """The payload as FRED's answer to a request for the series its header names (EXCHUS when it names none)."""
    named = raw.split(b"\n", 1)[0].decode(errors="replace").split(",")[-1].strip()
    url = EXCHUS_URL.replace("EXCHUS", named) if named in fx.SERIES else EXCHUS_URL
    return Payload(name=name, raw=raw, url=url, kind=fx.KIND)


def fixture_bytes(fixtures, series: str) -> bytes:
    return (fixtures / "fx" / f"fredgraph_{series}.csv").read_bytes()


# -- bundled snapshot -------------------------------------------------------------------------


def test_snapshot_is_one_batch_of_two_fredgraph_csvs():
    (batch,) = fx.snapshot()
    assert [p.name for p in batch.payloads] == ["fx/fred_EXCHUS_monthly.csv", "fx/fred_AEXCHUS_annual.csv"]
    assert {p.kind for p in batch.payloads} == {"fredgraph_csv"}
    assert batch.payloads[0].url == EXCHUS_URL


def test_monthly_series_rows_and_values(bundled):
    df = bundled["fx/fred_EXCHUS_monthly.csv"]
    assert len(df) == 535  # 1981-01 .. 2025-07, no gaps
    assert (df["period"].iloc[0], df["period"].iloc[-1]) == ("1981-01", "2025-07")
    assert value(df, "EXCHUS", "1981-01") == 1.5518
    assert value(df, "EXCHUS", "2023-06") == 7.1614
    assert value(df, "EXCHUS", "2025-07") == 7.1741
    assert set(df["freq"]) == {"M"}
    assert set(df["unit"]) == {"CNY per USD"}
    assert set(df["entity"]) == {"CHN"} and set(df["counterpart"]) == {"USA"}
    assert set(df["dataset"]) == {"fred"} and set(df["source"]) == {"fx"}
    assert df.loc[df["period"] == "2023-12", "released"].item() == "2024-01-01"
    assert set(df["source_url"]) == {"https://fred.stlouisfed.org/series/EXCHUS"}
    assert df.attrs["warnings"] == []


def test_annual_series_rows_and_values(bundled):
    df = bundled["fx/fred_AEXCHUS_annual.csv"]
    assert len(df) == 44  # 1981 .. 2024
    assert value(df, "AEXCHUS", "1981") == 1.71
    assert value(df, "AEXCHUS", "2022") == 6.7290
    assert value(df, "AEXCHUS", "2023") == 7.0809
    assert value(df, "AEXCHUS", "2024") == 7.1957
    assert set(df["freq"]) == {"A"}
    assert df.loc[df["period"] == "2023", "released"].item() == "2024-01-01"
    assert "Federal Reserve" in df["publisher"].iloc[0]


def test_annual_average_agrees_with_the_months(bundled):
    """AEXCHUS averages daily rates; the mean of the twelve monthly averages lands within 0.01."""
    monthly = bundled["fx/fred_EXCHUS_monthly.csv"]
    annual = bundled["fx/fred_AEXCHUS_annual.csv"]
    for year in ["2015", "2022", "2023", "2024"]:
        months = monthly[monthly["period"].str.startswith(year)]["value"]
        assert len(months) == 12
        assert abs(months.mean() - value(annual, "AEXCHUS", year)) < 0.01, year


def test_the_batch_has_no_duplicate_keys(bundled):
    combined = pd.concat(bundled.values(), ignore_index=True)
    assert len(frame.validate(combined, source="fx")) == 535 + 44


def test_old_DATE_header_and_missing_values(fixtures):
    raw = fixture_bytes(fixtures, "EXCHUS").replace(b"observation_date,", b"DATE,")
    raw = raw.replace(b"2020-03-01,7.0205", b"2020-03-01,.").replace(b"2020-04-01,7.0708", b"2020-04-01,")
    df = fx.parse(payload(raw))
    assert len(df) == 79 - 2
    assert "2020-03" not in set(df["period"]) and "2020-04" not in set(df["period"])
    assert df.attrs["warnings"] == ["EXCHUS 2020-03-01: no value ('.'); skipped", "EXCHUS 2020-04-01: no value (''); skipped"]


# -- parse errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty file"),
        (b"<!DOCTYPE html><html><body>Service Unavailable</body></html>\n", "HTML page"),
        (b"observation_date,EXCHUS\n2019-01-01,6.7863\n2019-02-01,6.73", "truncated"),
        (b"observation_date,EXCHUS\n2019-01-01,6.7863\n2019-02-0\n", "1 fields"),
        (b"observation_date,EXCHUS\n2019-01-01,6.7863\n2019-02-0,6.7\n", "does not fit"),
        (b"date,EXCHUS\n2019-01-01,6.7863\n", "unexpected header"),
        (b"observation_date,DEXCHUS\n2019-01-01,6.7863\n", "unexpected header"),
        (b"observation_date,EXCHUS\n", "no observations"),
        (b"observation_date,EXCHUS\n2019-01-01,n/a\n", "not a number"),
        (b"observation_date,EXCHUS\n2019-02-01,6.7367\n2019-01-01,6.7863\n", "is not after"),
        (b"observation_date,AEXCHUS\n2019-07-01,6.9\n", "does not fit"),
        (b"observation_date,EXCHUS\n2019-01-01,6.7863,1\n", "3 fields"),
    ],
)
def test_parse_rejects_bad_payloads(raw, message):
    with pytest.raises(SourceError, match=message) as info:
        fx.parse(payload(raw))
    assert str(info.value).startswith("fx: ")
    assert "\n" not in str(info.value)


def test_an_answer_for_another_series_is_refused_naming_both(fixtures):
    asked_annual = Payload(name="fredgraph_AEXCHUS.csv", raw=fixture_bytes(fixtures, "EXCHUS"),
                           url="https://fred.stlouisfed.org/graph/fredgraph.csv?id=AEXCHUS", kind=fx.KIND)
    with pytest.raises(SourceError, match="asked for series AEXCHUS but the answer holds EXCHUS: refused"):
        fx.parse(asked_annual)


def test_parse_rejects_an_unknown_kind(fixtures):
    bad = Payload(name="x", raw=fixture_bytes(fixtures, "EXCHUS"), url="", kind="bulk_csv")
    with pytest.raises(SourceError, match="unknown payload kind"):
        fx.parse(bad)


# -- live path through pandas-datareader (recorded responses) ---------------------------------


@responses.activate
def test_fetch_keeps_the_fredgraph_bytes_pandas_datareader_downloaded(fixtures):
    exchus, aexchus = fixture_bytes(fixtures, "EXCHUS"), fixture_bytes(fixtures, "AEXCHUS")
    responses.add(responses.GET, EXCHUS_URL, body=exchus, content_type="text/csv")
    responses.add(responses.GET, AEXCHUS_URL, body=aexchus, content_type="text/csv")
    http = requests.Session()
    (batch,) = fx.fetch(http=http)
    assert [p.raw for p in batch.payloads] == [exchus, aexchus]
    assert [p.url for p in batch.payloads] == [EXCHUS_URL, AEXCHUS_URL]
    assert {p.kind for p in batch.payloads} == {"fredgraph_csv"}
    assert len(responses.calls) == 2
    monthly, annual = (fx.parse(p) for p in batch.payloads)
    assert len(monthly) == 79 and len(annual) == 11
    assert value(monthly, "EXCHUS", "2025-07") == 7.1741
    assert value(annual, "AEXCHUS", "2023") == 7.0809
    # pandas-datareader closes the session it was given; ours stays usable
    assert http.adapters


def live_fault(first_response: dict) -> SourceError:
    """Serve `first_response` for EXCHUS, run fetch, and return the SourceError it raised."""
    responses.add(responses.GET, EXCHUS_URL, **first_response)
    with pytest.raises(SourceError) as info:
        fx.fetch(http=requests.Session())
    message = str(info.value)
    assert message.startswith("fx: ") and "EXCHUS" in message
    assert "\n" not in message
    return info.value


@responses.activate
def test_timeout_is_reported():
    # `responses` raises the timeout above urllib3, so no retry happens here; the retries of a real
    # read timeout are covered on the loopback fault server (tests/integration/test_faults.py).
    error = live_fault({"body": requests.exceptions.Timeout()})
    assert "timed out after 2 s" in str(error)


@responses.activate
def test_dns_failure_fails_at_once():
    error = live_fault({"body": requests.exceptions.ConnectionError("Failed to resolve host")})
    assert "no connection" in str(error) and "DNS lookup failed" in str(error)
    assert len(responses.calls) == 1


@responses.activate
def test_http_429_is_retried_then_reported():
    error = live_fault({"status": 429, "headers": {"Retry-After": "0"}, "body": "Too Many Requests"})
    assert "HTTP 429" in str(error) and "gave up after 3 tries" in str(error)
    assert len(responses.calls) == 3


@responses.activate
def test_http_500_is_retried_then_reported():
    error = live_fault({"status": 500, "body": "Internal Server Error"})
    assert "HTTP 500" in str(error)
    assert len(responses.calls) == 3


@responses.activate
def test_http_404_is_not_retried():
    error = live_fault({"status": 404, "body": "Not Found"})
    assert "HTTP 404" in str(error)
    assert len(responses.calls) == 1


@responses.activate
def test_html_page_instead_of_csv():
    html = "<!DOCTYPE html><html><head><title>FRED maintenance</title></head><body>Back soon</body></html>"
    error = live_fault({"body": html, "content_type": "text/html"})
    assert "HTML, not CSV" in str(error)


@responses.activate
def test_truncated_csv(fixtures):
    raw = fixture_bytes(fixtures, "EXCHUS")
    error = live_fault({"body": raw[: raw.index(b"2024-05-01") + 13]})
    assert "truncated" in str(error)


@responses.activate
def test_renamed_column(fixtures):
    raw = fixture_bytes(fixtures, "EXCHUS").replace(b"observation_date,EXCHUS", b"observation_date,EXCHUS_20250801")
    error = live_fault({"body": raw})
    assert "unexpected header" in str(error)


@responses.activate
def test_empty_response():
    error = live_fault({"body": b""})
    assert "empty" in str(error)


@responses.activate
def test_header_only_response():
    error = live_fault({"body": b"observation_date,EXCHUS\n"})
    assert "no observations" in str(error)


# -- frequency read off the dates (issue 13.3) ------------------------------------------------


def test_quarterly_dates_for_the_monthly_series_are_refused(fixtures):
    """fredgraph_EXCHUS_quarterly_dates.csv: real first-of-quarter rows (see the fixture README)."""
    raw = (fixtures / "fx" / "fredgraph_EXCHUS_quarterly_dates.csv").read_bytes()
    with pytest.raises(SourceError) as info:
        fx.parse(payload(raw, name="fredgraph_EXCHUS.csv"))
    assert str(info.value) == (
        "fx: fredgraph_EXCHUS.csv: the dates are quarterly (2006-10-01, 2007-01-01, 2007-04-01, ...) "
        "but EXCHUS is monthly: FRED averaged it to another frequency; refused"
    )


def test_annual_dates_for_the_monthly_series_are_refused(fixtures):
    raw = fixture_bytes(fixtures, "AEXCHUS").replace(b"AEXCHUS", b"EXCHUS")
    with pytest.raises(SourceError, match=r"the dates are annual \(2014-01-01, 2015-01-01, 2016-01-01, \.\.\.\) but EXCHUS is monthly"):
        fx.parse(payload(raw))


def test_monthly_dates_for_the_annual_series_are_refused(fixtures):
    raw = fixture_bytes(fixtures, "EXCHUS").replace(b"EXCHUS", b"AEXCHUS")
    with pytest.raises(SourceError, match=r"the dates are monthly .* but AEXCHUS is annual"):
        fx.parse(payload(raw))


@pytest.mark.parametrize(
    ("stamps", "expected"),
    [
        (["2019-01-01", "2019-02-01", "2019-03-01"], "M"),
        (["2019-01-01", "2019-03-01", "2019-04-01"], "M"),  # a gap: the smallest step decides
        (["2006-10-01", "2007-01-01", "2007-04-01"], "Q"),
        (["2006-10-01", "2007-01-01", "2007-07-01"], "Q"),  # a missing quarter
        (["2014-01-01", "2015-01-01", "2017-01-01"], "A"),
        (["2019-02-01", "2019-05-01"], ""),  # three-month steps off the quarter starts: no known frequency
        (["2019-01-01"], ""),
    ],
)
def test_date_frequency(stamps, expected):
    assert fx.date_frequency(stamps) == expected


def test_the_real_files_are_read_at_their_own_frequency(fixtures):
    assert fx.date_frequency([l.split(",")[0] for l in fixture_bytes(fixtures, "EXCHUS").decode().splitlines()[1:]]) == "M"
    assert fx.date_frequency([l.split(",")[0] for l in fixture_bytes(fixtures, "AEXCHUS").decode().splitlines()[1:]]) == "A"
