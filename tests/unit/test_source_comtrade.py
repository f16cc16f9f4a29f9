"""UN Comtrade source: parse of real and constructed responses, key handling, fetch failures."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import responses

from indicators.http import SourceError
from indicators.sources import comtrade
from indicators.sources.base import Payload

KEY = "test-key-0123456789abcdef"  # a dummy value: no real key is ever used in tests


@pytest.fixture
def real_raw(fixtures) -> bytes:
    return (fixtures / "comtrade_preview_USA_JPN_TOTAL_2023.json").read_bytes()


@pytest.fixture
def china_raw(fixtures) -> bytes:
    return (fixtures / "comtrade" / "constructed_CHN_W00_850760_2018_2022.json").read_bytes()


REAL_REQUEST = "?cmdCode=TOTAL&flowCode=M,X&reporterCode=842&period=2023&partnerCode=392&includeDesc=true"
"""The request the real preview answer was fetched with (tests/fixtures/comtrade/README.md)."""


def payload(raw: bytes, name: str = "test.json", query: str = REAL_REQUEST) -> Payload:
    return Payload(name=name, raw=raw, url=comtrade.PREVIEW_URL + query, kind="comtrade_json")


def china_request(years: list[int], codes: list[str]) -> str:
    """The query fetch() sends for China's exports of `codes` in `years`."""
    from urllib.parse import urlencode

    return "?" + urlencode(comtrade.request_params(years, codes))


def edited(raw: bytes, change) -> bytes:
    body = json.loads(raw)
    change(body)
    return json.dumps(body).encode()


def row(df, **where):
    mask = True
    for column, value in where.items():
        mask = mask & (df[column] == value)
    hit = df[mask]
    assert len(hit) == 1, f"expected one row for {where}, got {len(hit)}"
    return hit.iloc[0]


# --- parse: the real fixture ---------------------------------------------------------------


def test_real_preview_response_parses_to_two_exact_rows(real_raw):
    df = comtrade.parse(payload(real_raw))
    assert len(df) == 2
    imports = row(df, indicator="imports_value")
    exports = row(df, indicator="exports_value")
    assert imports["value"] == 151580564290.0
    assert exports["value"] == 76154045176.0
    for r in (imports, exports):
        assert (r["entity"], r["counterpart"], r["product"]) == ("USA", "JPN", "TOTAL")
        assert (r["period"], r["freq"], r["unit"]) == ("2023", "A", "USD")
        assert r["dataset"] == "hs6_trade" and r["source"] == "comtrade"
        assert r["publisher"] == "UN Comtrade (United Nations Statistics Division)"
        assert r["released"] == "2024-01-01"  # no release date in the payload: day after the period
        assert "All Commodities" in r["note"] and "H6" in r["note"]
        assert "isReported=false" in r["note"] and "isAggregate=true" in r["note"]
    assert df.attrs["warnings"] == ["2 record(s) with isReported=false: estimated by UN Comtrade, not as reported"]


def test_cmdcode_stays_a_string_and_a_numeric_code_keeps_its_leading_zero(real_raw):
    df = comtrade.parse(payload(real_raw))
    assert df["product"].tolist() == ["TOTAL", "TOTAL"]
    assert comtrade._hs_code(10121) == "010121"
    assert comtrade._hs_code(850760) == "850760"


def test_monthly_period_shape():
    record = {"freqCode": "M", "period": "202307", "refYear": 2023, "refMonth": 7}
    assert comtrade._period(record, payload(b"{}"), 0) == "2023-07"


# --- parse: the constructed China HS-6 response (WTO-reported figures from data/official) ---


def test_constructed_china_liion_exports(china_raw):
    df = comtrade.parse(payload(china_raw, query=china_request([2018, 2022], ["850760"])))
    assert len(df) == 2
    assert set(df["entity"]) == {"CHN"} and set(df["counterpart"]) == {"WLD"}
    assert set(df["product"]) == {"850760"} and set(df["indicator"]) == {"exports_value"}
    assert row(df, period="2018")["value"] == 10822000000.0
    assert row(df, period="2022")["value"] == 50919000000.0
    assert "HS H5" in row(df, period="2018")["note"] and "HS H6" in row(df, period="2022")["note"]
    assert "lithium-ion" in row(df, period="2022")["note"]
    # null flags are not written as if they were known
    assert "isReported" not in row(df, period="2022")["note"]


def test_new_trio_codes_and_groups():
    assert comtrade.NEW_TRIO_HS6 == {
        "870380": "ev", "870360": "ev", "870370": "ev", "850760": "liion",
        "854140": "pv", "854142": "pv", "854143": "pv",
    }
    assert "LED" in comtrade.HS6_NOTES["854140"]
    assert set(comtrade.HS6_NOTES) == set(comtrade.NEW_TRIO_HS6)


def test_snapshot_is_empty_and_metadata_live():
    assert comtrade.snapshot() == []
    assert comtrade.METADATA.live is True and comtrade.METADATA.name == "comtrade"


# --- parse: bad payloads ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "label, mutate, message",
    [
        ("renamed field", lambda b: b["data"][0].update(primary_value=b["data"][0].pop("primaryValue")), "primaryValue"),
        ("missing reporterISO", lambda b: b["data"][1].pop("reporterISO"), "reporterISO"),
        ("missing period", lambda b: [b["data"][0].pop(k) for k in ("period", "refYear")], "period/refYear"),
        ("empty data", lambda b: b.update(data=[]), "no records"),
        ("error set", lambda b: b.update(error="Request rate limit exceeded"), "error"),
        ("no data key", lambda b: b.pop("data"), "no 'data'"),
        ("non-numeric value", lambda b: b["data"][0].update(primaryValue="n/a"), "not a number"),
    ],
)
def test_bad_payload_raises_source_error(real_raw, label, mutate, message):
    with pytest.raises(SourceError) as err:
        comtrade.parse(payload(edited(real_raw, mutate)))
    assert str(err.value).startswith("comtrade: ")
    assert message in str(err.value)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"elapsedTime":"2.16 secs","count":2,"data":[{"typeCode":"C","freqCode":"A","refPeriodId":2023',
        b"<html><body>Service unavailable</body></html>",
        b"[1, 2, 3]",
    ],
    ids=["truncated", "html", "not-an-object"],
)
def test_unreadable_body_raises_source_error(raw):
    with pytest.raises(SourceError, match=r"^comtrade: "):
        comtrade.parse(payload(raw))


def test_unknown_flow_is_a_warning_not_a_guess(real_raw):
    raw = edited(real_raw, lambda b: b["data"][0].update(flowCode="RX"))
    df = comtrade.parse(payload(raw, query=REAL_REQUEST.replace("flowCode=M,X", "flowCode=M,X,RX")))
    assert df["indicator"].tolist() == ["exports_value"]
    assert any("'RX'" in w for w in df.attrs["warnings"])


def test_duplicate_records_raise_source_error(real_raw):
    raw = edited(real_raw, lambda b: (b["data"].append(b["data"][0]), b.update(count=3)))
    with pytest.raises(SourceError, match=r"^comtrade: .*duplicate key"):
        comtrade.parse(payload(raw))


# --- fetch: endpoints and the key ------------------------------------------------------------


@responses.activate
def test_key_goes_in_the_header_only(monkeypatch, real_raw):
    monkeypatch.setenv("COMTRADE_API_KEY", KEY)
    responses.get(comtrade.FINAL_URL, body=real_raw, content_type="application/json")
    [batch] = comtrade.fetch(years=[2023])
    request = responses.calls[0].request
    assert request.headers["Ocp-Apim-Subscription-Key"] == KEY
    assert KEY not in request.url and "subscription" not in request.url.lower()
    assert request.url.startswith(comtrade.FINAL_URL)
    [p] = batch.payloads
    assert KEY not in p.url and KEY not in p.name and p.kind == "comtrade_json"
    # The real USA/JPN answer does not answer this request (China, new-trio codes, 2023):
    with pytest.raises(SourceError, match=r"record 0 reporter is 842 but the request asked for 156"):
        comtrade.parse(p)


@responses.activate
def test_preview_endpoint_without_key(real_raw):
    responses.get(comtrade.PREVIEW_URL, body=real_raw, content_type="application/json")
    [batch] = comtrade.fetch(years=[2022, 2023])
    request = responses.calls[0].request
    assert "Ocp-Apim-Subscription-Key" not in request.headers
    assert request.url.startswith(comtrade.PREVIEW_URL)
    query = parse_qs(urlsplit(request.url).query)
    assert query["reporterCode"] == ["156"] and query["partnerCode"] == ["0"]
    assert query["flowCode"] == ["X"] and query["includeDesc"] == ["true"]
    assert query["cmdCode"] == ["870380,870360,870370,850760,854140,854142,854143"]
    assert query["period"] == ["2022,2023"]
    assert batch.payloads[0].url == request.url


@responses.activate
def test_a_mirror_is_named_as_the_site_read_and_the_publisher_is_primary(monkeypatch, real_raw):
    responses.get(comtrade.PREVIEW_URL, body=real_raw, content_type="application/json")
    [batch] = comtrade.fetch(years=[2023])
    assert batch.payloads[0].read_via == ""  # comtradeapi.un.org: the publisher's own API
    monkeypatch.setenv("INDICATORS_COMTRADE_URL", "https://comtrade-mirror.example.org")
    responses.get("https://comtrade-mirror.example.org" + comtrade.PREVIEW_PATH, body=real_raw, content_type="application/json")
    [batch] = comtrade.fetch(years=[2023])
    assert batch.payloads[0].read_via == "comtrade-mirror.example.org"


def test_default_years_run_from_2017_to_last_full_year():
    from datetime import date

    period = comtrade.request_params()["period"].split(",")
    assert period[0] == "2017" and period[-1] == str(date.today().year - 1)


def _fail(exc_or_status, **kwargs):
    if isinstance(exc_or_status, int):
        responses.get(comtrade.FINAL_URL, status=exc_or_status, **kwargs)
    else:
        responses.get(comtrade.FINAL_URL, body=exc_or_status)


@responses.activate
@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda: _fail(requests.exceptions.Timeout()), "timed out"),
        (lambda: _fail(requests.exceptions.ConnectionError("Failed to resolve host")), "no connection"),
        (lambda: _fail(429, headers={"Retry-After": "0"}), "HTTP 429"),
        (lambda: _fail(500), "HTTP 500"),
        (lambda: responses.get(comtrade.FINAL_URL, body="<!DOCTYPE html><html>Login</html>", content_type="text/html"), "HTML"),
        (lambda: responses.get(comtrade.FINAL_URL, body=b"", content_type="application/json"), "empty response"),
    ],
    ids=["timeout", "dns", "429", "500", "html", "empty"],
)
def test_fetch_failures_raise_source_error_without_the_key(monkeypatch, setup, message):
    monkeypatch.setenv("COMTRADE_API_KEY", KEY)
    setup()
    with pytest.raises(SourceError) as err:
        comtrade.fetch(years=[2023])
    assert str(err.value).startswith("comtrade: ")
    assert message in str(err.value)
    assert KEY not in str(err.value)


@responses.activate
def test_truncated_body_fetches_then_fails_to_parse(real_raw):
    responses.get(comtrade.PREVIEW_URL, body=real_raw[: len(real_raw) // 2], content_type="application/json")
    [batch] = comtrade.fetch(years=[2023])
    with pytest.raises(SourceError, match=r"^comtrade: .*not valid JSON"):
        comtrade.parse(batch.payloads[0])


# --- the answer must match the question (issue 13.2) ------------------------------------------


@pytest.mark.parametrize(
    "request_query, field, message",
    [
        # the real USA/JPN TOTAL 2023 answer given to China's HS 850760 request for 2017-2025
        (lambda: china_request(list(range(2017, 2026)), ["850760"]), "reporter",
         "record 0 reporter is 842 but the request asked for 156"),
        (lambda: REAL_REQUEST.replace("partnerCode=392", "partnerCode=0"), "partner",
         "record 0 partner is 392 but the request asked for 0"),
        (lambda: REAL_REQUEST.replace("flowCode=M,X", "flowCode=X"), "flow",
         "record 0 flow is 'M' but the request asked for X"),
        (lambda: REAL_REQUEST.replace("period=2023", "period=2017,2018,2019"), "period",
         "record 0 period is '2023' but the request asked for 2017,2018,2019"),
        (lambda: REAL_REQUEST.replace("cmdCode=TOTAL", "cmdCode=850760"), "commodity",
         "record 0 commodity is 'TOTAL' but the request asked for 850760"),
    ],
    ids=["reporter", "partner", "flow", "period", "commodity"],
)
def test_a_record_for_another_question_is_a_source_error_naming_the_field(real_raw, request_query, field, message):
    with pytest.raises(SourceError) as info:
        comtrade.parse(payload(real_raw, query=request_query()))
    assert str(info.value).startswith("comtrade: test.json: ")
    assert message in str(info.value) and "does not match the question" in str(info.value)


def test_a_2010_total_answer_to_the_hs6_request_names_the_period(real_raw):
    """Issue 13.2's example: a 2010 TOTAL answer to a request for HS 850760, 2017-2025."""
    raw = edited(real_raw, lambda b: [r.update(reporterCode=156, partnerCode=0, flowCode="X", period="2010", refYear=2010)
                                      for r in b["data"]])
    with pytest.raises(SourceError, match=r"record 0 period is '2010' but the request asked for 2017,.*,2025"):
        comtrade.parse(payload(raw, query=china_request(list(range(2017, 2026)), ["850760"])))


def test_a_monthly_record_for_an_annual_request_names_the_frequency(real_raw):
    raw = edited(real_raw, lambda b: b["data"][1].update(freqCode="M"))
    with pytest.raises(SourceError, match=r"record 1 frequency is 'M' but the request asked for A"):
        comtrade.parse(payload(raw))


def test_count_must_equal_the_records_returned(real_raw):
    with pytest.raises(SourceError, match=r"count 5 but returned 2 records: incomplete answer"):
        comtrade.parse(payload(edited(real_raw, lambda b: b.update(count=5))))
    with pytest.raises(SourceError, match=r"count 'two' is not a number"):
        comtrade.parse(payload(edited(real_raw, lambda b: b.update(count="two"))))


def test_an_empty_error_field_is_not_an_error_and_flags_are_kept(real_raw):
    df = comtrade.parse(payload(edited(real_raw, lambda b: b.update(error=""))))
    assert len(df) == 2
    assert all("isReported=false" in n and "isAggregate=true" in n for n in df["note"])


def test_a_payload_without_its_request_is_parsed_with_a_warning(real_raw):
    df = comtrade.parse(Payload(name="t.json", raw=real_raw, url=comtrade.PREVIEW_URL, kind="comtrade_json"))
    assert "the payload's URL carries no request: records not checked against it" in df.attrs["warnings"]
