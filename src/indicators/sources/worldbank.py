"""World Bank, World Development Indicators (WDI): R&D, researchers, patents, high-tech exports, GDP.

Three payload kinds, one tidy shape (dataset "wdi", indicator = WDI code, entity = ISO3, annual):

- "bulk_csv": the bulk download (`API_<CODE>_DS2_en_csv_v2_*.csv`): usually 4 preamble lines with
  "Last Updated Date" (the release date), then one row per country with years as columns.
  An older release copied without its preamble has no release date.
- "long_csv": a long table (indicator_code, country_code, year, value, last_updated).
- "v2_json": the API v2 body `[{page, pages, per_page, total, sourceid, lastupdated}, [obs...]]`.

The snapshot returns one batch per release date, oldest first, so the store holds each WDI
release as a vintage and shows revisions between them. The live path goes through
pandas-datareader's `WorldBankReader` (one request per indicator for all countries), handed the
project's `ReaderSession` (retries with a capped Retry-After, a total deadline, a size cap) that
keeps the v2 JSON bytes: pandas-datareader drops `lastupdated` and the ISO3 codes, so our own
`parse()` reads the kept bytes. `INDICATORS_WORLDBANK_URL` points the fetch at a mirror.
A v2 answer must be for the indicator asked (the code in the request URL, or the payload's name):
an observation of another indicator refuses the whole payload, with one line naming both.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import requests
from pandas_datareader.wb import WorldBankReader

from indicators import config, frame
from indicators.http import SourceError, session
from indicators.sources.base import Batch, Payload, checked, csv_table, metadata, read_bundled
from indicators.sources.datareader import ReaderSession, looks_like_html, read_recorded
from indicators.sources.readvia import mirror

NAME = "worldbank"
DATASET = "wdi"
PUBLISHER = "World Bank, World Development Indicators"
OWN_DOMAINS = ("worldbank.org",)  # a download from elsewhere names its host in read_via
BULK, LONG, V2 = "bulk_csv", "long_csv", "v2_json"
FOLDER = "wdi"

# WDI code -> (unit in the frame, indicator name as the World Bank writes it)
INDICATORS = {
    "TX.VAL.TECH.CD": ("USD", "High-technology exports (current US$)"),
    "TX.VAL.TECH.MF.ZS": ("percent of manufactured exports", "High-technology exports (% of manufactured exports)"),
    "GB.XPD.RSDV.GD.ZS": ("percent of GDP", "Research and development expenditure (% of GDP)"),
    "SP.POP.SCIE.RD.P6": ("researchers per million people", "Researchers in R&D (per million people)"),
    "IP.PAT.RESD": ("applications", "Patent applications, residents"),
    "PA.NUS.FCRF": ("LCU per USD", "Official exchange rate (LCU per US$, period average)"),
    "NY.GDP.MKTP.CD": ("USD", "GDP (current US$)"),
    "NE.EXP.GNFS.CD": ("USD", "Exports of goods and services (current US$)"),
    "BX.GSR.MRCH.CD": ("USD", "Goods exports (BoP, current US$)"),
    "TX.VAL.MRCH.CD.WT": ("USD", "Merchandise exports (current US$)"),
    "SP.POP.TOTL": ("people", "Population, total"),
}
LIVE_INDICATORS = [code for code in INDICATORS if code != "SP.POP.TOTL"]  # the codes in data/wdi/
COUNTRIES = ["CHN", "USA", "DEU", "JPN", "KOR", "CAN", "GBR", "WLD"]
START_YEAR = 1960

BULK_HEADER = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
LONG_COLUMNS = ["indicator_code", "country_code", "year", "value", "last_updated"]
CODE = re.compile(r"^[A-Z0-9]{3}$")  # ISO3 or a World Bank aggregate code (WLD, EUU, HIC...)
YEAR = re.compile(r"^\d{4}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

METADATA = metadata(NAME)  # data/<folder>/source.yaml: publisher, licence, URL, cadence, series
MAX_BYTES = METADATA.max_bytes  # the largest live answer accepted (source.yaml)


def indicator_url(code: str) -> str:
    return f"https://data.worldbank.org/indicator/{code}"


# -- fetch and snapshot -----------------------------------------------------------------------


def fetch(http: requests.Session | None = None) -> list[Batch]:
    """Download each live indicator for all countries through pandas-datareader: one batch."""
    http = http or session()
    payloads = tuple(_fetch_indicator(code, http) for code in LIVE_INDICATORS)
    return [Batch(payloads=payloads, label="WDI live (API v2)")]


class _WorldBankReader(WorldBankReader):
    """pandas-datareader's World Bank reader, pointed at `INDICATORS_WORLDBANK_URL` when set."""

    @property
    def url(self) -> str:
        return f"{config.worldbank_url()}/countries/{';'.join(self.countries)}/indicators/"


def _fetch_indicator(code: str, http: requests.Session) -> Payload:
    recorder = ReaderSession(NAME, http, label=code, max_bytes=MAX_BYTES)
    reader = _WorldBankReader(
        symbols=code,
        countries=COUNTRIES,
        start=START_YEAR,
        end=date.today().year - 1,  # the last complete year
        retry_count=0,  # retries happen once, in the session's urllib3 Retry
        pause=0,
        session=recorder,
        errors="ignore",  # pdr's own checks reject "WLD"; our parse() judges the body instead
    )
    reader.timeout = config.http_timeout()  # WorldBankReader takes no timeout argument
    return read_recorded(recorder, reader, lambda raw, url: _v2_payload(code, raw, url), parse)


def _v2_payload(code: str, raw: bytes, url: str) -> Payload:
    """A downloaded v2 body as a Payload dated by its `lastupdated` (a World Bank error, HTML or cut
    JSON fails here, clearly)."""
    payload = Payload(name=f"wb_v2_{code}.json", raw=raw, url=url, kind=V2)
    header, _ = _v2_document(payload)
    return Payload(name=payload.name, raw=raw, url=url, kind=V2, release_date=_date_or_empty(header.get("lastupdated")),
                   read_via=mirror(url, OWN_DOMAINS))


def snapshot() -> list[Batch]:
    """The bundled WDI files, one batch per release date, oldest first (undated release first)."""
    folder = config.data_dir() / FOLDER
    names = sorted(p.name for p in folder.glob("*.csv")) if folder.is_dir() else []
    if not names:
        raise FileNotFoundError(f"bundled WDI files missing: {folder}/*.csv")
    groups: dict[str, list[Payload]] = {}
    for name in names:
        payload = _bundled(name)
        groups.setdefault(payload.release_date, []).append(payload)
    return [
        Batch(payloads=tuple(groups[day]), label=f"WDI release {day}" if day else "older WDI release (date unknown)")
        for day in sorted(groups)
    ]


def _bundled(name: str) -> Payload:
    """One bundled file as a payload, with its kind, its publisher URL and its release date."""
    kind = LONG if name.endswith("_long.csv") else BULK
    if kind == LONG:
        url = "https://databank.worldbank.org/source/world-development-indicators"
    else:
        subject = name.removeprefix("API_").split("_DS2")[0]  # an indicator code, or a country (API_CHN_...)
        where = "indicator" if "." in subject else "country"
        url = f"https://api.worldbank.org/v2/en/{where}/{subject}?downloadformat=csv"
    payload = read_bundled(f"{FOLDER}/{name}", url=url, kind=kind)
    day = _bulk_release(payload)[0] if kind == BULK else max(r["last_updated"] for _, r in _long_rows(payload))
    return Payload(name=payload.name, raw=payload.raw, url=url, kind=kind, release_date=day, read_via=payload.read_via)


# -- parse ------------------------------------------------------------------------------------


def parse(payload: Payload) -> pd.DataFrame:
    """Any WDI payload as tidy rows; an empty cell or a null value gives no row."""
    readers = {BULK: _parse_bulk, LONG: _parse_long, V2: _parse_v2}
    if payload.kind not in readers:
        raise SourceError(NAME, f"{payload.name}: unknown payload kind {payload.kind!r} (expected one of {list(readers)})")
    records, warnings = readers[payload.kind](payload)
    if not records:
        raise SourceError(NAME, f"{payload.name}: no observations")
    df = frame.build(records, source=NAME, dataset=DATASET, counterpart="", product="", freq="A", publisher=PUBLISHER,
                     read_via=payload.read_via)
    return checked(df, NAME, warnings, label=payload.name)


def _parse_bulk(payload: Payload) -> tuple[list[dict], list[str]]:
    released, rows = _bulk_release(payload)
    released = released or payload.release_date
    (header_line, header), body = rows[0], rows[1:]
    header = [h.strip() for h in header]
    while header and header[-1] == "":  # the bulk files end every line with a comma
        header.pop()
    years = header[len(BULK_HEADER):]
    if header[: len(BULK_HEADER)] != BULK_HEADER or not years or not all(YEAR.match(y) for y in years):
        raise SourceError(
            NAME, f"{payload.name}: unexpected header on line {header_line}: {header[:6]}... "
            f"(expected {BULK_HEADER} then year columns)"
        )
    records = []
    for number, cells in body:
        if len(cells) < len(header) or any(c.strip() for c in cells[len(header):]):
            raise SourceError(
                NAME, f"{payload.name}: line {number} has {len(cells)} fields, header has {len(header)} (truncated file?)"
            )
        country, code, name, indicator = (c.strip() for c in cells[:4])
        where = f"{payload.name}: line {number} ({code} {indicator})"
        _check_code(where, code)
        for year, text in zip(years, cells[4:]):
            if text.strip():
                records.append(_record(indicator, code, year, _number(where, year, text), released, name))
    return records, []


def _bulk_release(payload: Payload) -> tuple[str, list[tuple[int, list[str]]]]:
    """The "Last Updated Date" of the preamble ("" without one) and the rows from the header on."""
    rows = _csv_rows(payload)
    start = next((i for i, (_, r) in enumerate(rows) if r and r[0].strip() == BULK_HEADER[0]), None)
    if start is None:
        first = rows[0][1][:4] if rows else []
        raise SourceError(NAME, f"{payload.name}: no header row starting with {BULK_HEADER[0]!r} (first line: {first})")
    released = ""
    for _, cells in rows[:start]:
        if len(cells) >= 2 and cells[0].strip() == "Last Updated Date":
            released = cells[1].strip()
            if not DATE.match(released):
                raise SourceError(NAME, f"{payload.name}: Last Updated Date {released!r} is not YYYY-MM-DD")
    return released, rows[start:]


def _parse_long(payload: Payload) -> tuple[list[dict], list[str]]:
    records = []
    for number, row in _long_rows(payload):
        where = f"{payload.name}: line {number} ({row['country_code']} {row['indicator_code']})"
        _check_code(where, row["country_code"])
        if not YEAR.match(row["year"]):
            raise SourceError(NAME, f"{where}: year {row['year']!r} is not YYYY")
        if row["value"]:
            name = INDICATORS.get(row["indicator_code"], ("", row["indicator_code"]))[1]
            value = _number(where, row["year"], row["value"])
            records.append(_record(row["indicator_code"], row["country_code"], row["year"], value, row["last_updated"], name))
    return records, []


def _long_rows(payload: Payload) -> list[tuple[int, dict]]:
    rows = _csv_rows(payload)
    header = [h.strip() for h in rows[0][1]]
    missing = [c for c in LONG_COLUMNS if c not in header]
    if missing:
        raise SourceError(NAME, f"{payload.name}: missing column(s) {missing}; found {header}")
    out = []
    for number, cells in rows[1:]:
        if len(cells) != len(header):
            raise SourceError(
                NAME, f"{payload.name}: line {number} has {len(cells)} fields, header has {len(header)} (truncated file?)"
            )
        row = {h: c.strip() for h, c in zip(header, cells)}
        if not DATE.match(row["last_updated"]):
            raise SourceError(NAME, f"{payload.name}: line {number}: last_updated {row['last_updated']!r} is not YYYY-MM-DD")
        out.append((number, row))
    if not out:
        raise SourceError(NAME, f"{payload.name}: no observations")
    return out


def asked_indicator(payload: Payload) -> str | None:
    """The WDI code a v2 payload was asked for: read off its URL (`.../indicators/<code>`), else its
    name (`wb_v2_<code>.json`); None when neither says (a payload not from a request)."""
    match = re.search(r"/indicators/([^/?#]+)", payload.url or "")
    if match:
        return match.group(1)
    match = re.fullmatch(r"wb_v2_([A-Z0-9]+(?:\.[A-Z0-9]+)+)\.json", payload.name)
    return match.group(1) if match else None


def _parse_v2(payload: Payload) -> tuple[list[dict], list[str]]:
    header, observations = _v2_document(payload)
    released = _date_or_empty(header.get("lastupdated")) or payload.release_date
    asked = asked_indicator(payload)
    records, warnings = [], []
    for i, obs in enumerate(observations):
        try:
            indicator, name = obs["indicator"]["id"], obs["indicator"]["value"]
            code, year, value = obs["countryiso3code"], obs["date"], obs["value"]
        except KeyError as exc:
            raise SourceError(NAME, f"{payload.name}: observation {i} lacks field {exc} (schema changed?)") from None
        except TypeError:
            raise SourceError(NAME, f"{payload.name}: observation {i} has an unexpected shape (schema changed?)") from None
        if asked is not None and indicator != asked:  # an answer to another question: refused whole
            raise SourceError(NAME, f"{payload.name}: asked for indicator {asked} but the answer holds {indicator!r} "
                              f"(observation {i}): refused, nothing stored")
        where = f"{payload.name}: observation {i} ({code} {indicator} {year})"
        if value is None:
            continue
        if not code:  # some aggregates carry no ISO3 code
            warnings.append(f"{obs.get('country', {}).get('value', '?')} {indicator} {year}: no ISO3 code; skipped")
            continue
        _check_code(where, code)
        if not YEAR.match(str(year)):
            raise SourceError(NAME, f"{where}: date {year!r} is not an annual period")
        records.append(_record(indicator, code, str(year), _number(where, str(year), value), released, name))
    return records, warnings


def _v2_document(payload: Payload) -> tuple[dict, list]:
    """The header dict and the observation list of a v2 body; World Bank errors become SourceError."""
    raw = payload.raw
    if not raw.strip():
        raise SourceError(NAME, f"{payload.name}: empty payload")
    if raw.lstrip().startswith(b"<"):
        what = "an HTML page" if looks_like_html(raw) else "XML"
        raise SourceError(NAME, f"{payload.name}: expected JSON but got {what}")
    try:
        body = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(NAME, f"{payload.name}: truncated or invalid JSON ({exc})") from None
    if isinstance(body, list) and body and isinstance(body[0], dict) and "message" in body[0]:
        messages = body[0]["message"] or [{}]
        first = messages[0] if isinstance(messages[0], dict) else {}
        raise SourceError(
            NAME, f"{payload.name}: World Bank API error {first.get('id', '?')} "
            f"{first.get('key', '')}: {first.get('value', '')}".rstrip(": ")
        )
    if not (isinstance(body, list) and len(body) == 2 and isinstance(body[0], dict)):
        raise SourceError(NAME, f"{payload.name}: not a v2 body [header, observations] (schema changed?)")
    header, observations = body
    missing = [k for k in ("page", "pages", "total", "lastupdated") if k not in header]
    if missing:
        raise SourceError(NAME, f"{payload.name}: header lacks {missing} (schema changed?)")
    observations = observations or []  # a query with no data answers [header, null]
    if not isinstance(observations, list):
        raise SourceError(NAME, f"{payload.name}: observations are not a list")
    if int(header["pages"]) > 1:
        raise SourceError(NAME, f"{payload.name}: page {header['page']} of {header['pages']}: incomplete (raise per_page)")
    if len(observations) != int(header["total"]):
        raise SourceError(NAME, f"{payload.name}: {len(observations)} observations but the header says {header['total']}")
    return header, observations


# -- small helpers ----------------------------------------------------------------------------


def unit_of(code: str, name: str) -> str:
    """The frame unit of a WDI code; unknown codes fall back to the unit in the name's parentheses."""
    if code in INDICATORS:
        return INDICATORS[code][0]
    match = re.search(r"\(([^()]*)\)\s*$", name)
    return match.group(1) if match else name


def _record(indicator: str, entity: str, year: str, value: float, released: str, name: str) -> dict:
    return {
        "indicator": indicator,
        "entity": entity,
        "period": year,
        "value": value,
        "unit": unit_of(indicator, name),
        "released": released,
        "source_url": indicator_url(indicator),
        "note": name,
    }


def _csv_rows(payload: Payload) -> list[tuple[int, list[str]]]:
    """Non-blank CSV rows with their line numbers (base.csv_table, the one CSV reader)."""
    return csv_table(NAME, payload.raw, label=payload.name)


def _check_code(where: str, code: str) -> None:
    if not CODE.match(code):
        raise SourceError(NAME, f"{where}: country code {code!r} is not a 3-letter code")


def _number(where: str, year: str, value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise SourceError(NAME, f"{where}: value {value!r} for {year} is not a number") from None


def _date_or_empty(value) -> str:
    text = str(value or "").strip()
    return text if DATE.match(text) else ""
