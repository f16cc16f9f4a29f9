"""CAAM (China Association of Automobile Manufacturers): vehicle and NEV sales, production, exports.

CAAM publishes its monthly figures as press releases (HTML, Chinese), not as a data file, so
there is no machine-readable live endpoint; the bundled table (millions of vehicles, compiled from
MarkLines pages) is the snapshot. CAAM counts commercial vehicles too: its NEV exports are a
different basis from GACC's "electric passenger vehicles" and must not be mixed with them.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from indicators import frame
from indicators.http import SourceError
from indicators.sources.base import Batch, Payload, SourceMeta, checked, csv_rows, read_bundled

NAME = "caam"
DATASET = "nev_sales_production_exports"
BUNDLED = "caam/china_nev_sales_production_exports_millions.csv"
KIND = "caam_csv"
COPY_URL = (
    "https://github.com/jhelvy/us-china-pev-policy-2025/blob/"
    "9b053dea92bee523951b7ea3a2571e0f8bd9f67f/data/china-sales-exports.csv"
)
PUBLISHER = "CAAM (China Association of Automobile Manufacturers), compiled from MarkLines"

METADATA = SourceMeta(
    name=NAME,
    title="China vehicle and NEV sales, production and exports (CAAM)",
    publisher=PUBLISHER,
    licence="Facts from public CAAM releases; copy from jhelvy/us-china-pev-policy-2025",
    url="http://www.caam.org.cn/",
    description=(
        "Annual sales, production and exports of all vehicles, NEVs, BEVs and PHEVs, millions of "
        "vehicles. CAAM publishes press releases only: no machine-readable live endpoint."
    ),
    cadence="monthly (press releases)",
    definitions={
        "vehicle_sales": "domestic sales plus exports as CAAM reports them, vehicles",
        "vehicle_production": "vehicles produced, vehicles",
        "vehicle_exports": "CAAM exports, including commercial vehicles (not GACC's passenger-EV basis)",
        "product": "cars_all = all vehicles; nev = new-energy vehicles (bev + phev + fuel cell)",
    },
    live=False,
)

COLUMNS = {"sales": "vehicle_sales", "production": "vehicle_production", "exports": "vehicle_exports"}
PRODUCTS = {"all": "cars_all", "bev": "bev", "phev": "phev", "nev": "nev"}
MAX_MILLIONS = 100.0
"""The world makes fewer than 100 million vehicles a year: a larger figure is not in millions."""

NOTE = "CAAM basis, includes commercial vehicles"
EXPORT_NOTE = "CAAM exports include commercial vehicles: not the GACC electric-passenger-vehicle basis"
MISSING = {"", "NA"}


def fetch(http=None) -> list[Batch]:
    """There is nothing to download: CAAM publishes press releases, not data files."""
    raise SourceError(
        NAME,
        "no machine-readable live endpoint: CAAM publishes press releases (caam.org.cn); "
        f"edit data/{BUNDLED} and run refresh --offline",
    )


def snapshot() -> list[Batch]:
    """The bundled table as one batch."""
    payload = read_bundled(BUNDLED, url=COPY_URL, kind=KIND)
    return [Batch(payloads=(payload,), label="bundled snapshot")]


def parse(payload: Payload) -> pd.DataFrame:
    """One row per (year, type, measure) that is present and fits the unit; odd cells are warned."""
    records: list[dict] = []
    warnings: list[str] = []
    for line, row in csv_rows(NAME, payload.raw, ["year", "type", *COLUMNS]):
        where = f"line {line} year {row['year']!r} type {row['type']!r}"
        if not re.fullmatch(r"\d{4}", row["year"]):
            warnings.append(f"{where}: year is not YYYY; row rejected")
            continue
        if row["type"] not in PRODUCTS:
            warnings.append(f"{where}: unknown type (known: {', '.join(PRODUCTS)}); row rejected")
            continue
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
            records.append({
                "indicator": indicator,
                "product": PRODUCTS[row["type"]],
                "period": row["year"],
                "counterpart": "WLD" if exports else "",
                "value": float(round(millions * 1e6)),  # whole vehicles; strips float noise
                "note": EXPORT_NOTE if exports else NOTE,
            })
    if not records:
        raise SourceError(NAME, "no usable figures in the table")
    df = frame.build(
        records, source=NAME, dataset=DATASET, entity="CHN", freq="A", unit="vehicles",
        publisher=PUBLISHER, source_url=COPY_URL, released=payload.release_date,
    )
    return checked(df, NAME, warnings)


