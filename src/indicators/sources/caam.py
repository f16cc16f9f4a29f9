"""CAAM (China Association of Automobile Manufacturers): vehicle and NEV sales, production, exports.

CAAM publishes its monthly figures as press releases (HTML, Chinese), not as a data file, so
there is no machine-readable live endpoint; the bundled table (millions of vehicles, compiled from
MarkLines pages) is the snapshot. Its `passenger` rows are CAAM's passenger vehicles only (2023:
26.06 million sales, 4.14 million exports, against CAAM's all-vehicle 30.09 and 4.91 million); its
NEV, BEV and PHEV rows count commercial vehicles too, a different basis from GACC's "electric
passenger vehicles". A `flag` cell ("<measure>: suspect: <reason>") marks a figure the table
holds but that does not fit its label; the figure is kept and its note starts with the reason.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from indicators import frame
from indicators.http import SourceError
from indicators.sources.base import Batch, Payload, bundled_file, checked, csv_rows, metadata, read_bundled
from indicators.sources import releases
from indicators.sources.readvia import read_via

NAME = "caam"
DATASET = "nev_sales_production_exports"
BUNDLED = "caam/china_nev_sales_production_exports_millions.csv"
KIND = "caam_csv"
COPY_URL = (
    "https://github.com/jhelvy/us-china-pev-policy-2025/blob/"
    "9b053dea92bee523951b7ea3a2571e0f8bd9f67f/data/china-sales-exports.csv"
)
PUBLISHER = "CAAM (China Association of Automobile Manufacturers), compiled from MarkLines"

METADATA = metadata(NAME)  # data/<folder>/source.yaml: publisher, licence, URL, cadence, series

COLUMNS = {"sales": "vehicle_sales", "production": "vehicle_production", "exports": "vehicle_exports"}
PRODUCTS = {"passenger": "passenger_vehicles", "bev": "bev", "phev": "phev", "nev": "nev"}
MAX_MILLIONS = 100.0
"""The world makes fewer than 100 million vehicles a year: a larger figure is not in millions."""

NOTE = "CAAM basis, includes commercial vehicles"
EXPORT_NOTE = "CAAM exports include commercial vehicles: not the GACC electric-passenger-vehicle basis"
PASSENGER_NOTE = (
    "CAAM passenger vehicles only (乘用车), not all vehicles: CAAM's all-vehicle 2023 totals are 30.09 million "
    "sales and 4.91 million exports"
)
PASSENGER_EXPORT_NOTE = PASSENGER_NOTE + "; CAAM basis, not GACC's customs count"
MISSING = {"", "NA"}
UNDATED_NOTE = "release date not recorded: {date} (the day after the year ends) is the earliest it could have been public"
"""CAAM publishes annual totals in mid-January: the bundled table has no dates, so `released` is a lower bound."""


def fetch(http=None) -> list[Batch]:
    """There is nothing to download: CAAM publishes press releases, not data files."""
    raise SourceError(
        NAME,
        "no machine-readable live endpoint: CAAM publishes press releases (caam.org.cn); "
        f"edit data/{BUNDLED} and run refresh --offline",
    )


def snapshot() -> list[Batch]:
    """The bundled table and CAAM's release tables (source.yaml lists them), as one batch."""
    payload = read_bundled(BUNDLED, url=COPY_URL, kind=KIND)
    return [Batch(payloads=(payload, *releases.snapshot(NAME)[0].payloads), label="bundled snapshot")]


def parse(payload: Payload) -> pd.DataFrame:
    """One row per (year, type, measure) that is present and fits the unit; odd cells are warned."""
    if payload.kind == releases.KIND:
        return releases.parse(NAME, payload)
    records: list[dict] = []
    warnings: list[str] = []
    dates = release_dates()
    for line, row in csv_rows(NAME, payload.raw, ["year", "type", *COLUMNS]):
        where = f"line {line} year {row['year']!r} type {row['type']!r}"
        if not re.fullmatch(r"\d{4}", row["year"]):
            warnings.append(f"{where}: year is not YYYY; row rejected")
            continue
        if row["type"] not in PRODUCTS:
            warnings.append(f"{where}: unknown type (known: {', '.join(PRODUCTS)}); row rejected")
            continue
        flags = _flags(row.get("flag", ""), where, warnings)
        for column, indicator in COLUMNS.items():
            text = row[column]
            if text in MISSING:
                continue
            try:
                millions = float(text)
            except ValueError:
                warnings.append(f"{where} column {column}: {text!r} is not a number; rejected")
                continue
            if not math.isfinite(millions) or not 0 <= millions < MAX_MILLIONS:
                warnings.append(
                    f"{where} column {column}: {text} does not fit 'millions of vehicles' "
                    f"(expected 0 to {MAX_MILLIONS:g}); rejected"
                )
                continue
            exports = column == "exports"
            passenger = row["type"] == "passenger"
            basis = (PASSENGER_EXPORT_NOTE if exports else PASSENGER_NOTE) if passenger else (EXPORT_NOTE if exports else NOTE)
            records.append({
                "indicator": indicator,
                "product": PRODUCTS[row["type"]],
                "period": row["year"],
                "counterpart": "WLD" if exports else "",
                "value": float(round(millions * 1e6)),  # whole vehicles; strips float noise
                "released": payload.release_date or dates.get(row["year"], ""),
                "note": frame.with_flag(flags.get(column, ""), basis,
                                        "" if payload.release_date or row["year"] in dates else UNDATED_NOTE.format(
                                            date=frame.period_end_next_day(row["year"], "A"))),
            })
    if not records:
        raise SourceError(NAME, "no usable figures in the table")
    df = frame.build(
        records, source=NAME, dataset=DATASET, entity="CHN", freq="A", unit="vehicles",
        publisher=PUBLISHER, source_url=COPY_URL, read_via=payload.read_via or read_via(COPY_URL, CAAM_DOMAINS),
    )
    return checked(df, NAME, warnings)


RELEASE_DATES = "caam/release_dates.csv"


def release_dates() -> dict[str, str]:
    """year -> the date CAAM released that year's totals (its January press conference), cited per row in
    data/caam/release_dates.csv; a year not listed keeps the undated lower bound."""
    return {row["year"]: row["released"] for _, row in csv_rows(NAME, bundled_file(RELEASE_DATES).read_bytes(),
                                                                  ["year", "released", "source_url"])}


CAAM_DOMAINS = ("caam.org.cn",)
"""CAAM's own site: the bundled copy is read via github.com, so every row's read_via names it."""


def _flags(cell: str, where: str, warnings: list[str]) -> dict[str, str]:
    """The `flag` cell '<measure>: <reason>' as {measure: reason}; a flag without a known measure
    applies to every measure of the row (and is warned), so it is never dropped."""
    if not cell:
        return {}
    measure, _, reason = cell.partition(":")
    if measure.strip() in COLUMNS and reason.strip():
        return {measure.strip(): reason.strip()}
    warnings.append(f"{where}: flag {cell[:60]!r} names no measure ({', '.join(COLUMNS)}); applied to the whole row")
    return {column: cell.strip() for column in COLUMNS}


