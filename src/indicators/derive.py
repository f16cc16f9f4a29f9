"""Derivations: the one place a figure is computed from stored figures, each with its derivation text.

Claims, figures, evidence charts and the spotter compare or draw a number that the store does not
hold as such only through this module: a currency conversion at the documented average rate for
the period (CNY↔USD, FRED's AEXCHUS annual and EXCHUS monthly averages, the rate series named),
growth or a difference from two levels, growth in the other currency, the level of the year before from a level and
its growth, an annual total from monthly or quarterly rows (only when every month or quarter is
present), a share of a total; and which way the yuan moved (`currency_direction`, `currency_move`). Each returns a `Derived`:
the value, its unit, the words and numbers of the derivation, and the stored rows it used.

Units have a kind (money, count, rank, percent, ...): `kind_of` says which, and `check_units`
refuses a comparison across kinds, or across currencies with no conversion, in one line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from indicators.store import Store

# Rate series: (source, indicator) of local currency per USD, annual and monthly averages.
RATE_SERIES = {"A": ("fx", "AEXCHUS"), "M": ("fx", "EXCHUS")}
RATE_PUBLISHER = "FRED"
CURRENCIES = {"CNY", "USD", "EUR", "GBP", "JPY", "KRW"}
CONVERTIBLE = {"CNY", "USD"}  # the pairs the store holds a rate for
CNY_PER_USD_BOUNDS = (1.5, 8.8)
"""The widest the yuan has stood against the dollar (FRED AEXCHUS and EXCHUS, 1981 to 2025: 1.55 to 8.73 yuan per
dollar): how far a conversion can move a figure, for a rough check of its size before any rate is read."""
# unit -> kind; a unit not listed is its own kind ("GWh", "MW": energy and power are not money)
UNIT_KINDS = {
    **{c: "money" for c in CURRENCIES},
    "vehicles": "count", "count": "count", "cells": "count", "patents": "count", "applications": "count",
    "researchers": "count", "units": "count", "pieces": "count", "sets": "count",
    "rank": "rank", "score": "score",
    "percent": "percent", "percent of GDP": "percent_of_gdp", "% of GDP": "percent_of_gdp",
    "percentage points": "percentage_points",
}
UNIT_SIZES = {"kW": 1e3, "MW": 1e6, "GW": 1e9, "kWh": 1e3, "MWh": 1e6, "GWh": 1e9, "TWh": 1e12}
"""Units of power (watts) and energy (watt-hours) by their size: a GW figure is compared with MW rows rescaled."""
UNIT_KINDS.update({unit: "energy" if unit.endswith("h") else "power" for unit in UNIT_SIZES})
SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
CONVERSION_TOLERANCE = 0.02
"""How far a figure converted here at the period's average rate may lie from the same figure converted by
its publisher (GACC converts each month at that month's rate) or by a reporter (at the day's rate):
GACC's 2023 exports, 3.38 trillion USD as released against 3.357 converted here (0.7%); 2024 trade, 6.16
against 6.094 (1.1%). A converted figure within it of the stated one neither confirms nor contradicts it."""


class DerivationError(ValueError):
    """A derivation cannot be made (a missing rate or month, units of different kinds); one line."""


@dataclass(frozen=True)
class Derived:
    value: float
    unit: str
    text: str  # the derivation in words and numbers: "1.06 trillion CNY ÷ 7.0809 CNY per USD (FRED AEXCHUS, 2023 average) = ..."
    rows: tuple = field(default=())  # the stored observations it used (pd.Series), for the sources list


def rescale(value: float, from_unit: str, to_unit: str) -> float:
    """A power or energy figure in another unit of its kind (107,300 MW -> 107.3 GW)."""
    return value * UNIT_SIZES[from_unit] / UNIT_SIZES[to_unit]


def human(value: float | None, unit: str = "") -> str:
    """A figure for text: 1.06e12 CNY -> '1.06 trillion CNY', 29.94 percent -> '29.9%'."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "n/a"
    if unit == "percent":
        return f"{value:.3g}%"
    for scale, word in SCALE_WORDS:
        if abs(value) >= scale:
            return f"{value / scale:,.4g} {word} {unit}".strip()
    return f"{value:,.6g} {unit}".strip()


def kind_of(unit: str) -> str:
    """The kind of a unit: money, count, rank, score, percent, percent_of_gdp, percentage_points, ... (else the unit)."""
    return UNIT_KINDS.get(unit, unit)


def check_units(stated_unit: str, series_unit: str) -> str:
    """How a stated figure compares with a series: "same", "convert" (two currencies the store converts
    between), "rescale" (power or energy in units of another size: rescale()), or DerivationError naming
    both units when no comparison is honest."""
    if stated_unit == series_unit:
        return "same"
    stated_kind, series_kind = kind_of(stated_unit), kind_of(series_unit)
    if stated_kind != series_kind:
        raise DerivationError(f"the claim states {stated_unit} ({stated_kind}) but the series is in "
                              f"{series_unit} ({series_kind}): not comparable")
    if stated_kind == "money":
        if {stated_unit, series_unit} <= CONVERTIBLE:
            return "convert"
        raise DerivationError(f"the claim states {stated_unit} but the series is in {series_unit}, and the store "
                              f"holds no {stated_unit}/{series_unit} rate")
    if stated_unit in UNIT_SIZES and series_unit in UNIT_SIZES:
        return "rescale"
    return "same"  # e.g. vehicles vs count: both counts of things


class Rates:
    """Average exchange rates (CNY per USD) from the store, as known on a date: annual and monthly."""

    def __init__(self, store: Store | None = None, as_of: str | None = None, data: pd.DataFrame | None = None):
        if data is None:
            data = (store or Store()).frame(source="fx", indicator=[s[1] for s in RATE_SERIES.values()], as_of=as_of)
        self.data = data
        self.by_freq: dict[str, dict[str, pd.Series]] = {}  # freq -> period -> row, built on first use

    def row(self, period: str, freq: str = "A") -> pd.Series | None:
        """The stored rate row for a period ("2023" annual, "2023-07" monthly), or None."""
        if freq not in self.by_freq:  # most callers convert annual figures only: 40 rows, not 580
            name = RATE_SERIES[freq][1] if freq in RATE_SERIES else None
            self.by_freq[freq] = {str(r["period"]): r for _, r in self.data[self.data["indicator"] == name].iterrows()}
        return self.by_freq[freq].get(str(period))

    def convert(self, value: float, unit: str, target: str, period: str, freq: str = "A") -> Derived:
        """`value` in `unit` as `target` at the period's average rate; DerivationError without one."""
        if unit == target:
            return Derived(value, unit, "")
        if {unit, target} != CONVERTIBLE:
            raise DerivationError(f"no {unit}/{target} rate: only CNY and USD are converted")
        rate_row = self.row(period, freq)
        series = RATE_SERIES.get(freq, RATE_SERIES["A"])[1]
        if rate_row is None:
            raise DerivationError(f"no {RATE_PUBLISHER} {series} rate for {period} in the store")
        rate = float(rate_row["value"])
        converted = value / rate if target == "USD" else value * rate
        sign = "÷" if target == "USD" else "×"
        which = "average" if freq == "A" else "monthly average"
        text = (f"{human(value, unit)} {sign} {rate:.4f} CNY per USD ({RATE_PUBLISHER} {series}, {period} {which}) "
                f"= {human(converted, target)}")
        return Derived(converted, target, text, (rate_row,))

    def growth_in(self, growth_pct: float, currency: str, target: str, year: str) -> Derived:
        """Growth in `target` from growth in `currency` and the two years' annual average rates."""
        previous = str(int(year) - 1)
        before, now = self.row(previous), self.row(year)
        if before is None or now is None:
            raise DerivationError(f"no {RATE_PUBLISHER} {RATE_SERIES['A'][1]} rates for {previous} and {year} in the store")
        if {currency, target} != CONVERTIBLE:
            raise DerivationError(f"no {currency}/{target} rate: only CNY and USD are converted")
        rate_before, rate_now = float(before["value"]), float(now["value"])
        factor = rate_before / rate_now if target == "USD" else rate_now / rate_before
        value = ((1 + growth_pct / 100) * factor - 1) * 100
        move = currency_move(rate_before, rate_now)
        text = (f"(1 + {growth_pct / 100:.3f}) × {rate_before:.4f} / {rate_now:.4f} − 1 = {value:.1f}%"
                if target == "USD" else
                f"(1 + {growth_pct / 100:.3f}) × {rate_now:.4f} / {rate_before:.4f} − 1 = {value:.1f}%")
        text += f": {move} ({RATE_PUBLISHER} {RATE_SERIES['A'][1]}, annual averages)"
        return Derived(value, "percent", text, (before, now))


def currency_direction(rate_before: float, rate_now: float) -> str:
    """"weakened", "strengthened" or "held steady": a local currency against the dollar, from two rates
    (local per USD; more local currency per dollar is a weaker local currency)."""
    if rate_now > rate_before:
        return "weakened"
    return "strengthened" if rate_now < rate_before else "held steady"


def within_conversion_gap(converted: float, stated: float) -> bool:
    """True when a converted figure and a stated one differ by no more than CONVERSION_TOLERANCE."""
    return stated != 0 and abs(converted - stated) / abs(stated) <= CONVERSION_TOLERANCE


def currency_move(rate_before: float, rate_now: float, local: str = "CNY") -> str:
    """Which way the local currency moved against the dollar, from two rates (local per USD)."""
    if currency_direction(rate_before, rate_now) == "weakened":
        return f"the {local} weakened from {rate_before:.4f} to {rate_now:.4f} per USD, so growth in dollars is lower"
    if currency_direction(rate_before, rate_now) == "strengthened":
        return f"the {local} strengthened from {rate_before:.4f} to {rate_now:.4f} per USD, so growth in dollars is higher"
    return f"the rate was unchanged at {rate_now:.4f} {local} per USD, so growth in dollars is the same"


def growth(current: float, previous: float, unit: str, period: str, previous_period: str,
           rows: tuple = ()) -> Derived:
    """Percentage growth from two levels in the same unit."""
    if previous == 0:
        raise DerivationError(f"no growth from a zero level ({previous_period})")
    value = (current / previous - 1) * 100
    text = (f"{human(current, unit)} in {period} vs {human(previous, unit)} in {previous_period}: "
            f"{current:,.6g} / {previous:,.6g} − 1 = {value:+.1f}%")
    return Derived(value, "percent", text, tuple(rows))


def difference(current: float, previous: float, unit: str, period: str, previous_period: str,
               rows: tuple = ()) -> Derived:
    """The change of a level between two periods, in its unit (percentage points for a percentage)."""
    value = current - previous
    changed = "percentage points" if kind_of(unit) in ("percent", "percent_of_gdp") else unit
    text = (f"{human(current, unit)} in {period} − {human(previous, unit)} in {previous_period} = "
            f"{human(value, changed) if changed != 'percentage points' else f'{value:+.2f} percentage points'}")
    return Derived(value, changed, text, tuple(rows))


def ratio(current: float, previous: float, unit: str, period: str, previous_period: str,
          rows: tuple = ()) -> Derived:
    """How many times one level is another ("nearly five times the 2020 level"), from two levels in the same unit."""
    if previous == 0:
        raise DerivationError(f"no multiple of a zero level ({previous_period})")
    value = current / previous
    text = (f"{human(current, unit)} in {period} / {human(previous, unit)} in {previous_period} = {value:.2f} times")
    return Derived(value, "ratio", text, tuple(rows))


def previous_level(current: float, growth_pct: float, unit: str, period: str, previous_period: str,
                   rows: tuple = ()) -> Derived:
    """The level of the period before, from a level and its published growth: current ÷ (1 + growth).
    Used where a publisher gives this year's level and growth but never published last year's level."""
    if growth_pct <= -100:
        raise DerivationError(f"no earlier level from a growth of {growth_pct:g}% ({period})")
    value = current / (1 + growth_pct / 100)
    text = (f"{human(current, unit)} in {period} ÷ (1 + {growth_pct:g}%) = {human(value, unit)} in {previous_period}")
    return Derived(value, unit, text, tuple(rows))


def periods_in_year(year: str, freq: str) -> list[str]:
    """The periods that make up a year: 12 months ("2023-01" ...) or 4 quarters ("2023-Q1" ...)."""
    if freq == "M":
        return [f"{year}-{m:02d}" for m in range(1, 13)]
    if freq == "Q":
        return [f"{year}-Q{q}" for q in range(1, 5)]
    raise DerivationError(f"an annual total is summed from monthly or quarterly rows, not {freq!r}")


def annual_total(rows: pd.DataFrame, year: str, freq: str = "M", what: str = "") -> Derived:
    """The sum of a year's monthly (or quarterly) rows: only when every period of the year is present
    (per product, when several products are summed). DerivationError names the missing periods."""
    expected = periods_in_year(str(year), freq)
    part = rows[rows["period"].astype(str).isin(expected)]
    if part.empty:
        raise DerivationError(f"no {'monthly' if freq == 'M' else 'quarterly'} rows for {year}")
    units = sorted(set(part["unit"]))
    if len(units) != 1:
        raise DerivationError(f"rows for {year} are in several units ({', '.join(units)}): not summed")
    groups = part.groupby(part["product"].fillna("") if "product" in part else pd.Series("", index=part.index))
    for product, group in groups:
        present = set(group["period"].astype(str))
        missing = [p for p in expected if p not in present]
        if missing:
            label = f" for {product}" if product else ""
            raise DerivationError(f"{len(missing)} of {len(expected)} periods of {year} missing{label} "
                                  f"({', '.join(missing[:4])}{'…' if len(missing) > 4 else ''}): no annual total")
    value = float(part["value"].sum())
    count = len(part)
    text = (f"sum of {count} {'monthly' if freq == 'M' else 'quarterly'} figures for {year}"
            + (f" ({what})" if what else "") + f" = {human(value, units[0])}")
    return Derived(value, units[0], text, tuple(r for _, r in part.iterrows()))


def share(part: float, total: float, unit: str, what: str = "", rows: tuple = ()) -> Derived:
    """A part as a percentage of its total (both in the same unit)."""
    if total == 0:
        raise DerivationError("no share of a zero total")
    value = part / total * 100
    text = f"{human(part, unit)} / {human(total, unit)} = {value:.1f}%" + (f" ({what})" if what else "")
    return Derived(value, "percent", text, tuple(rows))
