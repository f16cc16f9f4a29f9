"""FRED exchange rates: yuan per US dollar, monthly (EXCHUS) and annual (AEXCHUS) averages.

The Federal Reserve Board publishes the noon buying rates in New York (H.10 daily, G.5 monthly,
G.5A annual); FRED serves them as `fredgraph.csv` files (`observation_date,SERIES`, "." or an empty
cell for a missing value). The live path goes through pandas-datareader's `FredReader`, handed a
`RecordingSession` that keeps the CSV bytes it downloads: the store keeps raw payloads, and our
own pure `parse()` reads them (pandas-datareader ignores the header line, so it cannot see a
renamed column or a cut file). Claims use these rates to put CNY and USD figures side by side;
GACC converts with its own monthly rates, so a converted figure will not match GACC's USD release.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pandas as pd
import requests
from pandas_datareader.fred import FredReader

from indicators import config, frame
from indicators.http import SourceError, session
from indicators.sources.base import Batch, Payload, SourceMeta, checked, read_bundled
from indicators.sources.datareader import RecordingSession, looks_like_html, read_recorded

NAME = "fx"
DATASET = "fred"
KIND = "fredgraph_csv"
PUBLISHER = "Board of Governors of the Federal Reserve System via FRED"
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
DATE_SHAPE = {"M": re.compile(r"^(\d{4})-(\d{2})-01$"), "A": re.compile(r"^(\d{4})-01-01$")}

METADATA = SourceMeta(
    name=NAME,
    title="China / U.S. foreign exchange rate (CNY per USD), FRED",
    publisher=PUBLISHER,
    licence="Public domain (Federal Reserve data; cite FRED, Federal Reserve Bank of St. Louis)",
    url="https://fred.stlouisfed.org/series/EXCHUS",
    description="Yuan per US dollar, monthly (EXCHUS) and annual (AEXCHUS) averages of noon buying rates.",
    cadence="monthly",
    definitions={
        "EXCHUS": SERIES["EXCHUS"][2] + ", CNY per USD",
        "AEXCHUS": SERIES["AEXCHUS"][2] + ", CNY per USD",
    },
)


def series_url(series: str) -> str:
    return f"https://fred.stlouisfed.org/graph/fredgraph.csv?id={series}"


def fetch(http: requests.Session | None = None) -> list[Batch]:
    """Download both series through pandas-datareader; one batch (one vintage) with both CSVs."""
    http = http or session()
    payloads = tuple(_fetch_series(series, http) for series in SERIES)
    return [Batch(payloads=payloads, label="FRED live")]


def _fetch_series(series: str, http: requests.Session) -> Payload:
    recorder = RecordingSession(NAME, http, label=series)
    reader = FredReader(
        series,
        start=START,
        end=date.today(),
        retry_count=config.http_retries(),
        pause=config.http_backoff(),
        timeout=config.http_timeout(),
        session=recorder,
    )
    return read_recorded(
        recorder, reader,
        lambda raw, _url: Payload(name=f"fredgraph_{series}.csv", raw=raw, url=series_url(series), kind=KIND),
        parse,
    )


def snapshot() -> list[Batch]:
    """The bundled fredgraph CSVs as one batch."""
    payloads = tuple(read_bundled(path, url=series_url(series), kind=KIND) for series, (_, path, _) in SERIES.items())
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
    freq, _, note = SERIES[series]
    records, warnings, previous = [], [], None
    for number, cells in lines[1:]:
        if len(cells) != 2:
            raise SourceError(NAME, f"{payload.name}: line {number} has {len(cells)} fields, expected 2 (truncated file?)")
        stamp, text = cells[0].strip(), cells[1].strip()
        match = DATE_SHAPE[freq].match(stamp)
        if not match:
            raise SourceError(NAME, f"{payload.name}: line {number}: date {stamp!r} does not fit {series} (freq {freq})")
        if previous is not None and stamp <= previous:
            raise SourceError(NAME, f"{payload.name}: line {number}: date {stamp} is not after {previous}")
        previous = stamp
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
        released=payload.release_date,
    )
    return checked(df, NAME, warnings)


def _table(payload: Payload) -> list[tuple[int, list[str]]]:
    """Non-blank CSV lines with their numbers; empty, HTML, non-UTF-8 and cut bodies are errors."""
    raw = payload.raw
    if not raw.strip():
        raise SourceError(NAME, f"{payload.name}: empty payload")
    if looks_like_html(raw):
        raise SourceError(NAME, f"{payload.name}: expected CSV but got an HTML page")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(NAME, f"{payload.name}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    if not text.endswith("\n"):
        # FRED ends every line with a newline; a body without one was cut mid-line.
        raise SourceError(NAME, f"{payload.name}: truncated (the last line has no line end)")
    return [(n, r) for n, r in enumerate(csv.reader(io.StringIO(text, newline="")), start=1) if r]
