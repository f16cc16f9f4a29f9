"""FRED exchange rates: yuan per US dollar, monthly (EXCHUS) and annual (AEXCHUS) averages.

The Federal Reserve Board publishes the noon buying rates in New York (H.10 daily, G.5 monthly,
G.5A annual); FRED serves them as `fredgraph.csv` files (`observation_date,SERIES`, "." or an empty
cell for a missing value). The live path goes through pandas-datareader's `FredReader`, handed a
`ReaderSession` (the project's one HTTP stack) that keeps the CSV bytes it downloads: the store
keeps raw payloads, and our own pure `parse()` reads them (pandas-datareader ignores the header
line, so it cannot see a renamed column or a cut file). `parse()` also reads the frequency off the
dates: a fredgraph CSV averaged to another frequency (quarterly dates for the monthly EXCHUS) is
refused, not read as the requested series. `INDICATORS_FRED_URL` points the fetch at a mirror. Claims use these rates to put CNY and USD figures side by side;
GACC converts with its own monthly rates, so a converted figure will not match GACC's USD release.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import requests
from pandas_datareader.fred import FredReader

from indicators import config, frame
from indicators.http import SourceError, session
from indicators.sources.base import Batch, Payload, checked, csv_table, metadata, read_bundled
from indicators.sources.datareader import ReaderSession, read_recorded
from indicators.sources.readvia import mirror

NAME = "fx"
DATASET = "fred"
KIND = "fredgraph_csv"
PUBLISHER = "Board of Governors of the Federal Reserve System via FRED"
OWN_DOMAINS = ("stlouisfed.org",)  # FRED; a download from elsewhere names its host in read_via
START = "1981-01-01"

# series id -> (freq, bundled file, note)
SERIES = {
    "EXCHUS": ("M", "fx/fred_EXCHUS_monthly.csv",
               "monthly average of daily noon buying rates in New York (Federal Reserve H.10/G.5)"),
    "AEXCHUS": ("A", "fx/fred_AEXCHUS_annual.csv",
                "annual average of daily noon buying rates in New York (Federal Reserve H.10/G.5A)"),
}
MISSING = {".", ""}  # FRED writes "." (older files) or leaves the cell empty for a missing value
DATE_COLUMNS = {"observation_date", "DATE"}  # FRED renamed DATE to observation_date in 2024
DATE_SHAPE = re.compile(r"^(\d{4})-(\d{2})-01$")  # fredgraph dates are the first day of each period
FREQ_NAMES = {"M": "monthly", "Q": "quarterly", "A": "annual"}

METADATA = metadata(NAME)  # data/<folder>/source.yaml: publisher, licence, URL, cadence, series
MAX_BYTES = METADATA.max_bytes  # the largest live answer accepted (source.yaml)


def series_url(series: str) -> str:
    return f"{config.fred_url()}?id={series}"


class _FredReader(FredReader):
    """pandas-datareader's FRED reader, pointed at `INDICATORS_FRED_URL` (a mirror) when set."""

    @property
    def url(self) -> str:
        return config.fred_url()


def fetch(http: requests.Session | None = None) -> list[Batch]:
    """Download both series through pandas-datareader; one batch (one vintage) with both CSVs."""
    http = http or session()
    payloads = tuple(_fetch_series(series, http) for series in SERIES)
    return [Batch(payloads=payloads, label="FRED live")]


def _fetch_series(series: str, http: requests.Session) -> Payload:
    recorder = ReaderSession(NAME, http, label=series, max_bytes=MAX_BYTES)
    reader = _FredReader(
        series,
        start=START,
        end=date.today(),
        retry_count=0,  # retries happen once, in the session's urllib3 Retry
        pause=0,
        timeout=config.http_timeout(),
        session=recorder,
    )
    return read_recorded(
        recorder, reader,
        lambda raw, url: Payload(name=f"fredgraph_{series}.csv", raw=raw, url=series_url(series), kind=KIND,
                                 read_via=mirror(url, OWN_DOMAINS)),
        parse,
    )


def snapshot() -> list[Batch]:
    """The bundled fredgraph CSVs as one batch."""
    payloads = tuple(read_bundled(path, url=f"https://fred.stlouisfed.org/graph/fredgraph.csv?id={series}", kind=KIND) for series, (_, path, _) in SERIES.items())
    return [Batch(payloads=payloads, label="bundled snapshot")]


def parse(payload: Payload) -> pd.DataFrame:
    """A fredgraph CSV as tidy rows: one per period with a value; "." (missing) gives no row."""
    if payload.kind != KIND:
        raise SourceError(NAME, f"{payload.name}: unknown payload kind {payload.kind!r} (expected {KIND!r})")
    lines = _table(payload)
    header = [h.strip() for h in lines[0][1]]
    if len(header) != 2 or header[0] not in DATE_COLUMNS or header[1] not in SERIES:
        raise SourceError(
            NAME, f"{payload.name}: unexpected header {header} (expected observation_date and one of {list(SERIES)})"
        )
    series = header[1]
    asked = asked_series(payload)
    if asked is not None and series != asked:  # an answer to another question: refused whole
        raise SourceError(NAME, f"{payload.name}: asked for series {asked} but the answer holds {series}: "
                          "refused, nothing stored")
    freq, _, note = SERIES[series]
    rows = []
    for number, cells in lines[1:]:
        if len(cells) != 2:
            raise SourceError(NAME, f"{payload.name}: line {number} has {len(cells)} fields, expected 2 (truncated file?)")
        stamp, text = cells[0].strip(), cells[1].strip()
        match = DATE_SHAPE.match(stamp)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise SourceError(NAME, f"{payload.name}: line {number}: date {stamp!r} does not fit {series} (freq {freq})")
        if rows and stamp <= rows[-1][1]:
            raise SourceError(NAME, f"{payload.name}: line {number}: date {stamp} is not after {rows[-1][1]}")
        rows.append((number, stamp, text))
    found = date_frequency([stamp for _, stamp, _ in rows])
    if found and found != freq:
        shown = ", ".join(stamp for _, stamp, _ in rows[:3])
        raise SourceError(
            NAME, f"{payload.name}: the dates are {FREQ_NAMES[found]} ({shown}, ...) but {series} is "
            f"{FREQ_NAMES[freq]}: FRED averaged it to another frequency; refused"
        )
    if freq == "A" and any(stamp[5:7] != "01" for _, stamp, _ in rows):
        bad = next(n for n, stamp, _ in rows if stamp[5:7] != "01")
        raise SourceError(NAME, f"{payload.name}: line {bad}: date does not fit {series} (freq {freq})")
    records, warnings = [], []
    for number, stamp, text in rows:
        if text in MISSING:
            warnings.append(f"{series} {stamp}: no value ({text!r}); skipped")
            continue
        try:
            value = float(text)
        except ValueError:
            raise SourceError(NAME, f"{payload.name}: line {number}: value {text!r} is not a number") from None
        period = stamp[:7] if freq == "M" else stamp[:4]
        records.append({"indicator": series, "period": period, "freq": freq, "value": value, "note": note})
    if not records:
        raise SourceError(NAME, f"{payload.name}: no observations")
    df = frame.build(
        records, source=NAME, dataset=DATASET, entity="CHN", counterpart="USA", unit="CNY per USD",
        publisher=PUBLISHER, source_url=f"https://fred.stlouisfed.org/series/{series}",
        released=payload.release_date, read_via=payload.read_via,
    )
    return checked(df, NAME, warnings)


def asked_series(payload: Payload) -> str | None:
    """The FRED series a payload was asked for: the URL's `id=` (series_url), else its name
    (`fredgraph_<id>.csv`); None when neither says (a payload not from a request)."""
    match = re.search(r"[?&]id=([A-Z0-9]+)", payload.url or "") or re.fullmatch(r"fredgraph_([A-Z0-9]+)\.csv", payload.name)
    return match.group(1) if match else None


def date_frequency(stamps: list[str]) -> str:
    """The frequency the first-of-period dates of a fredgraph CSV follow: "M", "Q" or "A"
    ("" with fewer than two dates). The smallest step between consecutive dates decides (a gap
    is a multiple of it); quarterly steps must also fall on January, April, July and October."""
    months = [int(s[:4]) * 12 + int(s[5:7]) - 1 for s in stamps]
    steps = {b - a for a, b in zip(months, months[1:])}
    if not steps:
        return ""
    step = min(steps)
    if step == 12 and all(m % 12 == 0 for m in months):
        return "A"
    if step == 3 and all(m % 3 == 0 for m in months) and all(s % 3 == 0 for s in steps):
        return "Q"
    return "M" if step == 1 else ""


def _table(payload: Payload) -> list[tuple[int, list[str]]]:
    """Non-blank CSV lines with their numbers (base.csv_table); a body without a final line end
    was cut mid-line (FRED ends every line with one)."""
    lines = csv_table(NAME, payload.raw, label=payload.name)
    if not payload.raw.endswith(b"\n"):
        raise SourceError(NAME, f"{payload.name}: truncated (the last line has no line end)")
    return lines
