"""Official and reported figures on China's green exports (GACC, MIIT, CAAM, Griffith, CPIA, WTO).

No machine-readable endpoint publishes these: each row of the bundled table was typed from a press
release or a reprint (URL per row). A "refresh" therefore means editing the CSV and loading it
offline. One row of the table can give two observations: a level (`value`, scaled by `unit`) and
a year-on-year growth rate (`yoy_growth_pct`).

`publisher` is who published the figure; `read_via` is the site the row's `source_url` opens
when that is not the publisher's own (auto.ce.cn for a GACC press-conference figure, en.people.cn
for a MIIT figure reported by Xinhua), "" when it is. An optional `flag` column ("suspect: ..." or
"inconsistent: ...") marks a figure that does not add up; the figure is kept and its note starts
with the flag, so every display of it can show the caveat.
"""

from __future__ import annotations

import re

import pandas as pd

from indicators import frame
from indicators.http import SourceError
from indicators.sources.base import Batch, Payload, checked, csv_rows, metadata, read_bundled
from indicators.sources.readvia import read_via

NAME = "customs"
DATASET = "official_reported"
BUNDLED = "official/china_green_exports_official_and_reported_figures.csv"
KIND = "official_csv"

METADATA = metadata(NAME)  # data/<folder>/source.yaml: publisher, licence, URL, cadence, series

REQUIRED = [
    "metric", "year", "period", "value", "qualifier", "unit",
    "yoy_growth_pct", "publisher", "source_url", "confidence", "note",
]

# unit as typed -> (multiplier, unit in the frame)
UNITS = {
    "trillion CNY": (1e12, "CNY"),
    "billion CNY": (1e9, "CNY"),
    "billion USD": (1e9, "USD"),
    "vehicles": (1.0, "vehicles"),
    "percentage points": (1.0, "percentage points"),
    "billion cells/units": (1e9, "cells"),
}

# growth-only metrics named after what grew, so the growth sits beside its level
BASE_NAMES = {
    "new_trio_exports_growth": "new_trio_exports_total",
    "ev_exports_growth_value": "ev_exports_value",
    "pv_exports_growth_value": "pv_exports_value",
}

# metric prefix -> product group; first match wins, so longer prefixes come first
PRODUCTS = [
    ("new_trio_", "new_trio"),
    ("ev_", "ev"),
    ("bev_", "bev"),
    ("liion_", "liion"),
    ("solar_pv_", "pv"),
    ("pv_", "pv"),
    ("nev_", "nev"),
    ("car_exports_", "cars"),
    ("total_goods_", "TOTAL"),
    ("mech_elec_", "mech_elec"),
]

PUBLISHER_DOMAINS = [
    ("GACC", ("customs.gov.cn",)),
    ("MIIT", ("miit.gov.cn",)),
    ("CAAM", ("caam.org.cn",)),
    ("Griffith", ("griffith.edu.au",)),
    ("CPIA", ("chinapv.org.cn",)),
    ("WTO", ("wto.org",)),
    ("CCID", ("ccidgroup.com",)),
    ("CNR", ("cnr.cn",)),
    ("CMG", ("cctv.com", "cgtn.com")),
]
"""Publisher named in the `publisher` text -> its own web domains. A row whose source_url is on none
of them was read via another site (a reprint), which `read_via` names."""

UNDATED_NOTE = "release date not recorded: {date} (the day after the period ends) is the earliest it could have been public"
"""Note on a row whose publisher text gives no date: its `released` is a lower bound, not a release."""

MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)}
DATE_IN_TEXT = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def fetch(http=None) -> list[Batch]:
    """There is nothing to download: the figures are typed from press releases."""
    raise SourceError(
        NAME,
        "no machine-readable live endpoint: figures are typed from GACC/MIIT press releases; "
        f"edit data/{BUNDLED} and run refresh --offline",
    )


def snapshot() -> list[Batch]:
    """The bundled typed table as one batch."""
    payload = read_bundled(BUNDLED, url=METADATA.url, kind=KIND)
    return [Batch(payloads=(payload,), label="bundled snapshot")]


def parse(payload: Payload) -> pd.DataFrame:
    """The typed table as tidy rows: a level and/or a growth rate per table row."""
    rows = csv_rows(NAME, payload.raw, REQUIRED)
    records: list[dict] = []
    warnings: list[str] = []
    if not payload.raw.endswith(b"\n"):
        # A cut inside the last field (the free-text note) leaves the field count intact.
        warnings.append("file does not end with a line break: its last row may be cut")
    for line, row in rows:
        found = _observations(line, row)
        if not found:
            warnings.append(f"line {line} ({row['metric']} {row['year']} {row['period']}): no value and no growth; skipped")
        records.extend(found)
    if not records:
        raise SourceError(NAME, "the table holds no figures")
    df = frame.build(records, source=NAME, dataset=DATASET, entity="CHN", counterpart="WLD")
    return checked(df, NAME, warnings)


def _observations(line: int, row: dict) -> list[dict]:
    """The level and growth observations one table row states."""
    where = f"line {line} ({row['metric']} {row['year']} {row['period']})"
    period, freq = _period(where, row["year"], row["period"])
    released = _released(row["publisher"])
    qualifier = row["qualifier"]
    if qualifier not in frame.QUALIFIERS:
        raise SourceError(NAME, f"{where}: unknown qualifier {qualifier!r}")
    common = {
        "period": period,
        "freq": freq,
        "publisher": row["publisher"],
        "source_url": row["source_url"],
        "read_via": read_via(row["source_url"], own_domains(row["publisher"])),
        "released": released,
        "note": frame.with_flag(row.get("flag", ""), f"confidence {row['confidence']}" if row["confidence"] else "",
                                row["note"], "" if released else UNDATED_NOTE.format(date=frame.period_end_next_day(period, freq))),
    }
    base = BASE_NAMES.get(row["metric"], row["metric"])
    product = _product(base)
    found = []
    unit = ""
    if row["value"]:
        if row["unit"] not in UNITS:
            raise SourceError(NAME, f"{where}: unknown unit {row['unit']!r}; known: {sorted(UNITS)}")
        mult, unit = UNITS[row["unit"]]
        value = _number(where, "value", row["value"])
        found.append({**common, "indicator": row["metric"], "product": product,
                      "value": value * mult, "unit": unit, "qualifier": qualifier})
    if row["yoy_growth_pct"]:
        growth = _number(where, "yoy_growth_pct", row["yoy_growth_pct"])
        # The qualifier describes the level ("more than 350 bn"); the growth is stated exactly.
        # A growth-only row has no level, so its qualifier applies to the growth.
        indicator = f"{base}_usd_yoy_pct" if unit == "USD" else f"{base}_yoy_pct"
        found.append({**common, "indicator": indicator, "product": product, "value": growth,
                      "unit": "percent", "qualifier": "" if row["value"] else qualifier})
    return found


def own_domains(publisher: str) -> tuple[str, ...]:
    """The web domains of every publisher the `publisher` text names (empty when none is known)."""
    return tuple(d for name, domains in PUBLISHER_DOMAINS if name in publisher for d in domains)


def _period(where: str, year: str, period: str) -> tuple[str, str]:
    """FY -> ("2023", A); Q1 -> ("2023-Q1", Q); H1 -> ("2023-H1", H); Jan-Apr -> ("2023-01/2023-04", YTD)."""
    if not re.fullmatch(r"\d{4}", year):
        raise SourceError(NAME, f"{where}: year {year!r} is not YYYY")
    if period == "FY":
        return year, "A"
    if re.fullmatch(r"Q[1-4]", period):
        return f"{year}-{period}", "Q"
    if re.fullmatch(r"H[12]", period):
        return f"{year}-{period}", "H"
    match = re.fullmatch(r"Jan-([A-Z][a-z]{2})", period)
    if match and match.group(1) in MONTHS:
        return f"{year}-01/{year}-{MONTHS[match.group(1)]:02d}", "YTD"
    raise SourceError(NAME, f"{where}: unknown period {period!r} (expected FY, Q1-Q4, H1/H2 or Jan-<Mon>)")


def _product(metric: str) -> str:
    for prefix, product in PRODUCTS:
        if metric.startswith(prefix):
            return product
    return ""


def _released(publisher: str) -> str:
    """The first YYYY-MM-DD in the publisher text (the press conference or article date), else ""."""
    match = DATE_IN_TEXT.search(publisher)
    return match.group(1) if match else ""


def _number(where: str, column: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise SourceError(NAME, f"{where}: {column} {text!r} is not a number") from None
