"""Ember, "China solar PV exports": monthly exports of panels, cells and wafers by destination.

Ember builds the series from GACC (China Customs) monthly data: `Amount (USD)` and `Amount (kg)`
are customs figures; `Capacity (MW)` is Ember's estimate (USD / average price), not a customs
figure. Panels are GACC code 85414020 before 2022 (all "solar cells", incl. modules) and 85414300
from 2022; cells (85414200) and wafers (38180019) start in 2022. The new-trio solar item is
panels + cells (not wafers).

The file has ~27k rows: parsing is vectorised (no Python loop over rows). A payload is taken
whole or not at all: a number cell that does not parse fails the source (`ROW_ALLOWANCE`, 0:
the bundled file has none); thousands separators ("43,690,000") are read as the number they
write. A body that is not CSV says what it is (an HTML page, JSON), not "empty file".
"""

from __future__ import annotations

import csv
import io
from importlib import resources

import pandas as pd

from indicators import catalogue, config, frame, http as web
from indicators.http import SourceError
from indicators.sources.base import Batch, Payload, checked, csv_rows, metadata, non_csv, read_bundled
from indicators.sources.readvia import mirror

NAME = "ember"
DATASET = "china_solar_exports"
BUNDLED = "ember/china_solar_exports_monthly.csv"
KIND = "ember_csv"
PAGE_URL = "https://ember-energy.org/data/china-solar-exports-data/"
DEFAULT_URL = config.EMBER_DEFAULT_URL
"""The CSV behind the page's download button (same file name as the bundled copy); override with
INDICATORS_EMBER_URL (or the older EMBER_SOLAR_URL) if Ember moves it."""
"""Number cells a payload may lose to parsing before the source fails: none (the bundled file has
none, and a lost cell is a lost figure)."""
THOUSANDS = r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$"  # "43,690,000" or "1,234.5"
COPY_URL = (
    "https://github.com/ChemmZz/Static-Visualization-Project/blob/"
    "35390b4e934554c37ea920ae948b9135bac5bee4/data/mart_solar_exports_full_release_monthly.csv"
)
PUBLISHER = "Ember, from GACC (China Customs) monthly data"
OWN_DOMAINS = ("ember-energy.org", "ember-climate.org")

METADATA = metadata(NAME)  # data/<folder>/source.yaml: publisher, licence, URL, cadence, series
MAX_BYTES = METADATA.max_bytes  # the largest live answer accepted (source.yaml)
ROW_ALLOWANCE = METADATA.row_allowance

REQUIRED = ["Area", "Date", "Area type", "Commodity code", "Commodity type",
            "Amount (USD)", "Amount (kg)", "Capacity (MW)"]
MEASURES = [
    # column, indicator, unit, extra note
    ("Amount (USD)", "solar_exports_value", "USD", ""),
    ("Amount (kg)", "solar_exports_mass", "kg", ""),
    ("Capacity (MW)", "solar_exports_capacity", "MW", "; Ember estimate = USD / average price, not a customs figure"),
]

def _iso3_table() -> dict[str, str]:
    """Ember's destination names -> ISO 3166-1 alpha-3, from the one economies table (catalogue.economy_iso3)."""
    return catalogue.economy_iso3()


ISO3 = _iso3_table()
"""Ember's destination names -> ISO3 (Netherlands Antilles: the withdrawn code ANT, as Comtrade
uses it). Names not in the table, such as "Other Africa", become "area:<name>"."""


def url() -> str:
    """Where the live CSV is: INDICATORS_EMBER_URL or EMBER_SOLAR_URL, else Ember's published file."""
    return config.ember_url()


def fetch(http=None) -> list[Batch]:
    """Download Ember's full monthly CSV (one payload, one batch)."""
    where = url()
    raw = web.get_bytes(NAME, where, http=http, expect="csv", max_bytes=MAX_BYTES)
    payload = Payload(name="china_solar_exports_monthly.csv", raw=raw, url=web.redact(where), kind=KIND,
                      read_via=mirror(where, OWN_DOMAINS))
    return [Batch(payloads=(payload,), label="live")]


def snapshot() -> list[Batch]:
    """The bundled copy as one batch."""
    payload = read_bundled(BUNDLED, url=COPY_URL, kind=KIND)
    return [Batch(payloads=(payload,), label="bundled snapshot")]


def parse(payload: Payload) -> pd.DataFrame:
    """The CSV as tidy rows: value (USD), mass (kg) and capacity (MW) per area, month and product.

    `released` is the day after each month ends (Ember's file carries no release dates; GACC
    publishes about a month later), so "as of" queries stay conservative per row.
    """
    data = _read(payload.raw)
    warnings: list[str] = []
    if not payload.raw.endswith(b"\n"):
        # The last line has all 13 fields (checked in _read), so only the unused last column
        # (cumulative capacity) can be cut: the figures read here are whole.
        warnings.append("file does not end with a line break: its last row may be cut (only an unused column)")
    dates = pd.to_datetime(data["Date"], format="%Y-%m-%d", errors="coerce")
    bad = dates.isna()
    if bad.any():
        raise SourceError(NAME, f"{int(bad.sum())} row(s) with a Date that is not YYYY-MM-DD, e.g. {data.loc[bad, 'Date'].iloc[0]!r}")
    period = dates.dt.strftime("%Y-%m")
    counterpart, unmapped = _counterparts(data)
    if unmapped:
        warnings.append(f"{len(unmapped)} area name(s) without ISO3 kept as area:<name>: {', '.join(unmapped)}")
    code = data["Commodity code"].astype(str).str.strip().str.removesuffix(".0")
    base = pd.DataFrame({
        "source": NAME,
        "dataset": DATASET,
        "entity": "CHN",
        "counterpart": counterpart,
        "product": "pv_" + data["Commodity type"].str.strip().str.lower(),
        "period": period,
        "freq": "M",
        "qualifier": "",
        "publisher": PUBLISHER,
        "source_url": PAGE_URL,
        "read_via": payload.read_via,
        "note": "GACC code " + code,
    })
    parts, lost = [], 0
    for column, indicator, unit, extra in MEASURES:
        text = data[column].str.strip().fillna("")
        values = pd.to_numeric(text, errors="coerce")
        unread = (text != "") & values.isna()
        separated = unread & text.str.match(THOUSANDS) if unread.any() else unread
        if separated.any():
            values[separated] = pd.to_numeric(text[separated].str.replace(",", "", regex=False))
        non_numeric = unread & ~separated
        if non_numeric.any():
            first = data.loc[non_numeric].iloc[0]
            lost += int(non_numeric.sum())
            warnings.append(
                f"{int(non_numeric.sum())} non-numeric {column!r} cell(s) rejected, e.g. "
                f"{first['Area']} {first['Date']}: {first[column]!r}"
            )
        if separated.any():
            warnings.append(f"{int(separated.sum())} {column!r} cell(s) written with thousands separators, read as numbers")
        keep = values.notna()
        part = base.loc[keep].assign(indicator=indicator, unit=unit, value=values[keep].astype("float64"))
        if extra:
            part["note"] = part["note"] + extra
        parts.append(part)
    if lost > ROW_ALLOWANCE:
        raise SourceError(
            NAME, f"{lost} number cell(s) could not be read (allowance {ROW_ALLOWANCE}): "
            + "; ".join(w for w in warnings if "non-numeric" in w)
        )
    df = pd.concat(parts, ignore_index=True)
    if df.empty:
        raise SourceError(NAME, "no figures in the file")
    released = {p: frame.period_end_next_day(p, "M") for p in df["period"].unique()}
    df["released"] = df["period"].map(released)
    return checked(df[frame.COLUMNS], NAME, warnings)


def _read(raw: bytes) -> pd.DataFrame:
    """The CSV as strings; schema drift, a cut last line or no data rows are errors."""
    what = non_csv(raw)
    if what:
        raise SourceError(NAME, what)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(NAME, f"file is not UTF-8 ({exc.reason} at byte {exc.start})") from None
    lines = text.rstrip("\r\n").splitlines()
    if not lines or not lines[0].strip():
        raise SourceError(NAME, "empty file")
    header = next(csv.reader([lines[0]]))
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise SourceError(NAME, f"missing column(s) {missing}; found {header}")
    if len(lines) < 2:
        raise SourceError(NAME, "the file has a header but no data rows")
    last = next(csv.reader([lines[-1]]))
    if len(last) != len(header):
        raise SourceError(NAME, f"last line has {len(last)} fields, header has {len(header)}: truncated file")
    try:
        data = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, ValueError) as exc:
        raise SourceError(NAME, f"unreadable CSV: {str(exc).splitlines()[0]}") from None
    short = data[REQUIRED[:5]].isna().any(axis=1)
    if short.any():
        raise SourceError(NAME, f"{int(short.sum())} row(s) lack Area, Date, Area type or commodity, e.g. line {int(short.idxmax()) + 2}")
    return data


def _counterparts(data: pd.DataFrame) -> tuple[pd.Series, list[str]]:
    """World -> WLD; other regions -> region:<name>; countries -> ISO3, else area:<name>."""
    area = data["Area"].str.strip()
    is_region = data["Area type"].str.strip() == "Region"
    iso = area.map(ISO3)
    out = iso.where(iso.notna(), "area:" + area)
    out = out.where(~is_region, "region:" + area)
    out = out.where(area != "World", "WLD")
    unmapped = sorted(area[~is_region & iso.isna() & (area != "World")].unique())
    return out.astype(str), unmapped
