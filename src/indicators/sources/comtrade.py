"""UN Comtrade: China's exports of the "new trio" HS-6 products to the World, by year.

Live only. No China HS-6 extract is bundled, so `snapshot()` returns nothing and the product reports
the series as missing until a live refresh succeeds. Without a key the public preview endpoint is
used (at most 500 records per call, plenty for 7 codes x ~9 years); with `COMTRADE_API_KEY` set,
the final-data endpoint. The key travels only in the `Ocp-Apim-Subscription-Key` header: never in a
URL, a payload's name or url, a message or a log.

`parse()` reads the API's JSON body (`{"elapsedTime", "count", "data": [records], "error"}`) into
the tidy frame, one row per record: dataset "hs6_trade", indicator "exports_value" (flow X) or
"imports_value" (flow M), value = `primaryValue` in current USD (FOB for exports, CIF for imports).

An answer must match its question: the request is kept in the payload's URL, and every record's
reporter, partner, flow, period, commodity and frequency is checked against it (a 2010 `TOTAL`
answer to a request for HS 850760 2017-2025 is a SourceError naming the field). A record without
`reporterCode` (or `partnerCode`) is checked by its `reporterISO`/`reporterDesc` instead; one whose
reporter cannot be established is refused. `count` must equal
the records returned (an incomplete answer is refused), `error` is an error, and the
`isReported`/`isAggregate` flags are kept in the note (`isReported=false`: Comtrade estimated the
figure, warned about). `INDICATORS_COMTRADE_URL` points the fetch at a mirror.
"""

from __future__ import annotations

import json
import os
from datetime import date
from urllib.parse import parse_qs, urlencode, urlsplit

import pandas as pd

from indicators import config, frame
from indicators.http import SourceError, get_bytes
from indicators.sources.base import Batch, Payload, checked, metadata
from indicators.sources.readvia import mirror

NAME = "comtrade"
PREVIEW_PATH = "/public/v1/preview/C/A/HS"
FINAL_PATH = "/data/v1/get/C/A/HS"
PREVIEW_URL = "https://comtradeapi.un.org" + PREVIEW_PATH  # the defaults; INDICATORS_COMTRADE_URL moves both
FINAL_URL = "https://comtradeapi.un.org" + FINAL_PATH
KEY_ENV = "COMTRADE_API_KEY"
KEY_HEADER = "Ocp-Apim-Subscription-Key"
PUBLISHER = "UN Comtrade (United Nations Statistics Division)"
OWN_DOMAINS = ("un.org",)  # comtradeapi.un.org; a mirror names its host in read_via
CHINA = 156  # Comtrade reporter code (M49) for China
WORLD = 0  # partner code for the World
FIRST_YEAR = 2017

NEW_TRIO_HS6 = {
    "870380": "ev",
    "870360": "ev",
    "870370": "ev",
    "850760": "liion",
    "854140": "pv",
    "854142": "pv",
    "854143": "pv",
}
"""HS-6 codes behind GACC's "new trio" (electric passenger cars, lithium-ion batteries, solar cells)."""

HS6_NOTES = {
    "870380": "EV group: passenger cars with electric motor only (battery-electric)",
    "870360": "EV group: plug-in hybrid cars, spark-ignition engine + electric motor chargeable from outside",
    "870370": "EV group: plug-in hybrid cars, diesel engine + electric motor chargeable from outside",
    "850760": "Li-ion group: lithium-ion accumulators (batteries)",
    "854140": (
        "PV group, caveat: before HS2022 this code holds photosensitive devices incl. solar cells AND LEDs, "
        "so an HS-based PV series overstates PV before 2022; from HS2022 it holds LEDs only"
    ),
    "854142": "PV group: photovoltaic cells not assembled in modules or made up into panels (HS2022 on)",
    "854143": "PV group: photovoltaic cells assembled in modules or made up into panels (HS2022 on)",
}

FLOWS = {"X": "exports_value", "M": "imports_value"}
REQUIRED = ["reporterISO", "partnerISO", "flowCode", "cmdCode", "primaryValue", "freqCode"]
ISO_ALIASES = {"W00": "WLD"}  # Comtrade's code for the World

METADATA = metadata(NAME)  # data/<folder>/source.yaml: publisher, licence, URL, cadence, series
MAX_BYTES = METADATA.max_bytes  # the largest live answer accepted (source.yaml)


def snapshot() -> list[Batch]:
    """Nothing is bundled: China's HS-6 series is missing until a live refresh."""
    return []


def request_params(years: list[int] | None = None, codes: list[str] | None = None) -> dict:
    """Query parameters for China's exports to the World (default years 2017 to the last full year)."""
    years = years or list(range(FIRST_YEAR, date.today().year))
    codes = codes or list(NEW_TRIO_HS6)
    return {
        "reporterCode": str(CHINA),
        "partnerCode": str(WORLD),
        "partner2Code": "0",
        "customsCode": "C00",
        "motCode": "0",
        "flowCode": "X",
        "cmdCode": ",".join(codes),
        "period": ",".join(str(y) for y in years),
        "includeDesc": "true",
    }


def fetch(http=None, years: list[int] | None = None, codes: list[str] | None = None) -> list[Batch]:
    """Download China's new-trio HS-6 exports: final data with a key, else the public preview."""
    key = os.environ.get(KEY_ENV, "").strip()
    url = config.comtrade_url() + (FINAL_PATH if key else PREVIEW_PATH)
    params = request_params(years, codes)
    headers = {KEY_HEADER: key} if key else None
    raw = get_bytes(NAME, url, params=params, headers=headers, http=http, expect="json", max_bytes=MAX_BYTES)
    endpoint = "final" if key else "preview"
    payload = Payload(
        name=f"comtrade_{endpoint}_CHN_WLD_X_{params['period'].replace(',', '-')}.json",
        raw=raw,
        url=f"{url}?{urlencode(params)}",  # the key is never a query parameter
        kind="comtrade_json",
        read_via=mirror(url, OWN_DOMAINS),
    )
    return [Batch((payload,), label=f"UN Comtrade {endpoint} API")]


def parse(payload: Payload) -> pd.DataFrame:
    """The API's JSON body as a tidy frame; SourceError on an error field, missing fields or no records."""
    if payload.kind != "comtrade_json":
        raise SourceError(NAME, f"{payload.name}: unknown payload kind {payload.kind!r}")
    body = _load(payload)
    records, warnings = [], []
    request = requested(payload.url)
    if not request:
        warnings.append("the payload's URL carries no request: records not checked against it")
    count = body.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
        raise SourceError(NAME, f"{payload.name}: count {count!r} is not a number of records")
    if isinstance(count, int) and count != len(body["data"]):
        raise SourceError(
            NAME, f"{payload.name}: the API reports count {count} but returned {len(body['data'])} records: "
            "incomplete answer (preview cap of 500?); refused"
        )
    estimated = 0
    for index, record in enumerate(body["data"]):
        if isinstance(record, dict):
            _check_against_request(record, index, request, payload)
        row = _row(record, index, payload, warnings)
        if record.get("isReported") is False:
            estimated += 1
        if row:
            records.append(row)
    if estimated:
        warnings.append(f"{estimated} record(s) with isReported=false: estimated by UN Comtrade, not as reported")
    if not records:
        raise SourceError(NAME, f"{payload.name}: no usable records ({'; '.join(warnings) or 'all rejected'})")
    data = frame.build(records, source=NAME, dataset="hs6_trade", unit="USD", read_via=payload.read_via)
    return checked(data, NAME, warnings, label=payload.name)


def requested(url: str) -> dict[str, set[str]]:
    """The request a payload answers, read back from its URL: field -> accepted values."""
    query = parse_qs(urlsplit(url).query)
    wanted = {field: set(query[param][0].split(",")) for field, param in REQUEST_FIELDS.items() if param in query}
    path = urlsplit(url).path.rstrip("/").split("/")
    if wanted and len(path) >= 3 and path[-2] in ("A", "M"):  # .../C/A/HS: type, frequency, classification
        wanted["frequency"] = {path[-2]}
    return wanted


REQUEST_FIELDS = {"reporter": "reporterCode", "partner": "partnerCode", "flow": "flowCode",
                  "period": "period", "commodity": "cmdCode", "second partner": "partner2Code"}
"""What is checked in every record -> the query parameter that asked for it."""


M49_ISO = {"0": ("W00", "WLD", "World"), "156": ("CHN", "China"), "842": ("USA", "United States", "USA"),
           "392": ("JPN", "Japan"), "276": ("DEU", "Germany"), "410": ("KOR", "Rep. of Korea", "Korea, Republic of"),
           "124": ("CAN", "Canada"), "826": ("GBR", "United Kingdom"), "251": ("FRA", "France"), "699": ("IND", "India")}
"""Comtrade's reporter/partner codes (M49) -> the ISO3 codes and names its records may carry instead."""


def _check_economy(record: dict, index: int, role: str, field: str, accepted: set[str], payload: Payload) -> None:
    """A record's reporter or partner against the codes asked for: by `<role>Code`, or, when a record
    carries none, by `<role>ISO` / `<role>Desc` (an economy that cannot be established is refused)."""
    shown = ",".join(sorted(accepted))
    code = record.get(f"{role}Code")
    if code is not None:
        if str(code) not in accepted:
            raise SourceError(
                NAME, f"{payload.name}: record {index} {field} is {code!r} but the request asked for {shown}: "
                "the answer does not match the question"
            )
        return
    iso, desc = record.get(f"{role}ISO"), record.get(f"{role}Desc")
    names = {str(name).strip().lower() for wanted in accepted for name in M49_ISO.get(wanted, ())}
    said = [str(v).strip() for v in (iso, desc) if v not in (None, "")]
    if not said:
        raise SourceError(NAME, f"{payload.name}: record {index} has no {role}Code, {role}ISO or {role}Desc: "
                          f"its {field} cannot be established; refused")
    if any(value.lower() not in names for value in said):
        asked = "/".join(M49_ISO[w][0] for w in sorted(accepted) if w in M49_ISO) or "?"
        raise SourceError(
            NAME, f"{payload.name}: record {index} has no {role}Code and its {field} is {'/'.join(said)!r} but the "
            f"request asked for {shown} ({asked}): the answer does not match the question"
        )


def _check_against_request(record: dict, index: int, request: dict[str, set[str]], payload: Payload) -> None:
    """A record for another reporter, partner, flow, period, commodity or frequency than asked: SourceError.
    Reporter and partner are checked by code, or by ISO3 code and name when a record carries no code."""
    for field, role in (("reporter", "reporter"), ("partner", "partner")):
        if field in request:
            _check_economy(record, index, role, field, request[field], payload)
    found = {
        "reporter": record.get("reporterCode"),
        "partner": record.get("partnerCode"),
        "flow": record.get("flowCode"),
        "period": record.get("period") if record.get("period") is not None else record.get("refYear"),
        "commodity": _hs_code(record.get("cmdCode")) if record.get("cmdCode") is not None else None,
        "second partner": record.get("partner2Code"),
        "frequency": record.get("freqCode"),
    }
    for field, accepted in request.items():
        if field in ("reporter", "partner"):
            continue  # checked above
        value = found[field]
        if value is None:  # a missing field is a schema error, reported by _row
            continue
        if str(value) not in accepted:
            shown = ",".join(sorted(accepted))
            raise SourceError(
                NAME, f"{payload.name}: record {index} {field} is {value!r} but the request asked for {shown}: "
                "the answer does not match the question"
            )


def _load(payload: Payload) -> dict:
    try:
        body = json.loads(payload.raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(NAME, f"{payload.name}: not valid JSON ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(body, dict):
        raise SourceError(NAME, f"{payload.name}: expected a JSON object, got {type(body).__name__}")
    error = body.get("error")
    if error:
        raise SourceError(NAME, f"{payload.name}: API returned an error: {str(error)[:200]}")
    if "data" not in body or not isinstance(body["data"], list):
        raise SourceError(NAME, f"{payload.name}: response has no 'data' list (keys: {sorted(body)})")
    if not body["data"]:
        raise SourceError(NAME, f"{payload.name}: the API returned no records for this query")
    return body


def _row(record: dict, index: int, payload: Payload, warnings: list[str]) -> dict | None:
    """One record as a frame row; None (with a warning) for a flow or value we cannot use."""
    if not isinstance(record, dict):
        raise SourceError(NAME, f"{payload.name}: record {index} is not an object")
    missing = [f for f in REQUIRED if f not in record]
    if "period" not in record and "refYear" not in record:
        missing.append("period/refYear")
    if missing:
        raise SourceError(NAME, f"{payload.name}: record {index} lacks field(s) {missing} (schema changed?)")
    flow = record["flowCode"]
    if flow not in FLOWS:
        warnings.append(f"record {index} has flow {flow!r}, only X and M are read; skipped")
        return None
    value = record["primaryValue"]
    if value is None:
        warnings.append(f"record {index} has no primaryValue; skipped")
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SourceError(NAME, f"{payload.name}: record {index} primaryValue {value!r} is not a number")
    product = _hs_code(record["cmdCode"])
    return {
        "indicator": FLOWS[flow],
        "entity": ISO_ALIASES.get(record["reporterISO"], record["reporterISO"]),
        "counterpart": ISO_ALIASES.get(record["partnerISO"], record["partnerISO"]),
        "product": product,
        "period": _period(record, payload, index),
        "freq": record["freqCode"],
        "value": float(value),
        "publisher": PUBLISHER,
        "source_url": payload.url,
        "note": _note(record, product),
    }


def _hs_code(code) -> str:
    """cmdCode as a string; a number (leading zero lost) gets it back, since HS codes have even length."""
    if isinstance(code, str):
        return code.strip()
    text = str(code)
    return "0" + text if len(text) % 2 else text


def _period(record: dict, payload: Payload, index: int) -> str:
    """'2023' for annual records, '2023-07' for monthly ones."""
    freq = record["freqCode"]
    text = str(record.get("period") or record.get("refYear") or "")
    if freq == "A":
        year = str(record.get("refYear") or text[:4])
        if len(year) == 4 and year.isdigit():
            return year
    elif freq == "M":
        if len(text) == 6 and text.isdigit():
            return f"{text[:4]}-{text[4:]}"
        year, month = record.get("refYear"), record.get("refMonth")
        if isinstance(year, int) and isinstance(month, int) and 1 <= month <= 12:
            return f"{year}-{month:02d}"
    raise SourceError(NAME, f"{payload.name}: record {index} has an unreadable period {text!r} for freq {freq!r}")


def _note(record: dict, product: str) -> str:
    parts = [str(record.get("cmdDesc") or "").strip(), f"HS {record.get('classificationCode', '?')}"]
    flags = [f"{f}={str(record[f]).lower()}" for f in ("isReported", "isAggregate") if record.get(f) is not None]
    parts.append(", ".join(flags))
    if product in HS6_NOTES:
        parts.append(HS6_NOTES[product])
    return "; ".join(p for p in parts if p)
