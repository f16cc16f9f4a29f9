"""threshold, rounded and exact: a stated figure against one observed figure.

Before any comparison the observed figure is brought into the claim's unit (derive.check_units:
the same unit, a CNY/USD conversion at the period's average rate, or an `error` naming both units);
a row taken from the article being judged is left out (the independence rule) and `independent:`
evidence used instead; then the claim is judged for every value the evidence allows: the published
figure's rounding, and for `coverage: part` (the series counts less) or `superset` (it counts more)
everything above or below it. A `basis:` with a tolerance turns a small gap into `inconclusive`,
and `readings:` (other readings of the wording) can make a contradicted claim `misleading`."""

from __future__ import annotations

import math
from decimal import Decimal
from dataclasses import dataclass, field

import pandas as pd

from indicators import derive, numbers
from indicators.claims import schema
from indicators.claims.evidence import Evidence, as_spec, source_ref
from indicators.claims.result import (EXACT_UNITS, SIDE_WORDS, ClaimResult, fmt, fmt_against, fmt_exact, fmt_range,
                                      published_half_width)
from indicators.claims.rules.common import base_result, finish, typed, unverifiable
from indicators.claims.views import add_breakdown, add_currency_view, monthly_sum, other_currency

HOLDS = ("supported", "supported-rounded")


@dataclass
class Observation:
    """The evidence in the claim's unit: the figure and the range its publication allows."""

    value: float
    unit: str
    low: float
    high: float
    period: str
    publisher: str
    released: str
    qualifier: str = ""
    entity: str = ""
    rows: list = field(default_factory=list)  # stored rows used (the rate's too)
    derivation: str = ""  # how the figure was derived (a conversion, an annual sum), in words and numbers
    row: pd.Series | None = None  # the stored row, as published
    converted: bool = False
    label: str = ""  # the independent evidence's label, when the series' own row came from the article
    other_basis: str = ""  # why the evidence is on another basis than the left-out own rows (then it cannot accuse)

    @property
    def near(self) -> bool:
        """Published as "nearly X" (or "almost X"): just below X, no further than numbers.nearly_reach."""
        return self.qualifier == "nearly"

    @property
    def rounded(self) -> bool:
        return self.low != self.value or self.high != self.value

    def figure(self, edges: list[float]) -> str:
        return f"{self.qualifier + ' ' if self.qualifier else ''}{fmt_against(self.value, edges, self.unit)}"


class Unjudgeable(Exception):
    """The claim cannot be compared with this evidence (units of different kinds, no rate): `error` or `unverifiable`."""

    def __init__(self, verdict: str, message: str):
        super().__init__(message)
        self.verdict, self.message = verdict, message


def observation(claim, value: float, unit: str, period: str, ev: Evidence, *, freq: str = "A", half: float | None = None,
                qualifier: str = "", publisher: str = "", released: str = "", rows: list | None = None,
                derivation: str = "", row: pd.Series | None = None, entity: str = "") -> Observation:
    """A stored or derived figure in the claim's unit; Unjudgeable when the units cannot be compared."""
    stated_unit = claim.stated.unit
    try:
        how = derive.check_units(stated_unit, unit)
    except derive.DerivationError as problem:
        raise Unjudgeable("error", f"claim {claim.id!r}: units differ: {problem}.") from None
    if half is None:
        half = 0.0 if unit in EXACT_UNITS or derive.kind_of(unit) in ("count", "rank") else published_half_width(value)
    low, high = value - half, value + half
    if qualifier == "more than":
        high = math.inf
    elif qualifier == "less than":
        low = -math.inf
    elif qualifier == "nearly":  # "nearly 2.02 million": from 1.818 million (a tenth below) up to 2.02 million
        step = 2 * published_half_width(value)  # of its last non-zero digit, even for a count
        low, high = (numbers.nearly_reach(value, step), value) if value > 0 else (-math.inf, value)
    rows = list(rows or [])
    if how == "rescale":  # MW rows for a GW figure: the same quantity in the claim's unit
        rescaled = [derive.rescale(v, unit, stated_unit) if math.isfinite(v) else v for v in (value, low, high)]
        step = f"{derive.human(value, unit)} = {derive.human(rescaled[0], stated_unit)}"
        (value, low, high), derivation = rescaled, "; ".join(t for t in (derivation, step) if t)
    converted = how == "convert"
    if converted:
        rates = ev.rates()
        rate_freq = "M" if freq == "M" else "A"
        rate_period = period if rate_freq == "M" else str(period)[:4]
        try:
            derived = rates.convert(value, unit, stated_unit, rate_period, rate_freq)
            low = rates.convert(low, unit, stated_unit, rate_period, rate_freq).value if math.isfinite(low) else low
            high = rates.convert(high, unit, stated_unit, rate_period, rate_freq).value if math.isfinite(high) else high
        except derive.DerivationError as problem:
            raise Unjudgeable("unverifiable", f"the claim is in {stated_unit} and the evidence in {unit}, and {problem}") from None
        value = derived.value
        derivation = "; ".join(t for t in (derivation, derived.text) if t)
        rows += list(derived.rows)
    return Observation(value=value, unit=stated_unit, low=low, high=high, period=str(period), publisher=publisher,
                       released=released, qualifier=qualifier, entity=entity, rows=rows, derivation=derivation, row=row,
                       converted=converted)


def from_row(claim, row: pd.Series, ev: Evidence) -> Observation:
    return observation(claim, float(row["value"]), str(row["unit"]), str(row["period"]), ev, freq=str(row["freq"]),
                       qualifier=str(row["qualifier"] or ""), publisher=str(row["publisher"]),
                       released=str(row["released"] or ""), rows=[row], row=row, entity=str(row["entity"]))


def series_row(spec, ev: Evidence) -> tuple[pd.Series | None, pd.DataFrame]:
    """The series' latest row (in the other currency when the store holds a CNY/USD series only in that
    one), and the rows left out because the article being judged is their source."""
    spec = as_spec(spec)
    specs = [spec]
    if spec.get("unit") in derive.CONVERTIBLE:
        specs.append({**spec, "unit": other_currency(spec["unit"])})
    own = []
    for candidate in specs:
        row = ev.one(candidate)
        own_rows = ev.own_rows(candidate)
        if len(own_rows):
            own.append(own_rows)
        if row is not None:
            return row, pd.concat(own) if own else pd.DataFrame()
    return None, pd.concat(own) if own else pd.DataFrame()


def independent_observation(claim, item: schema.IndependentEvidence, ev: Evidence) -> Observation | None:
    if item.series is not None:
        row, _ = series_row(item.series, ev)
        if row is None:
            return None
        found = from_row(claim, row, ev)
    else:
        try:
            derived = monthly_sum(item.monthly_sum, ev)
        except derive.DerivationError:
            return None
        last = derived.rows[-1] if derived.rows else None
        found = observation(claim, derived.value, derived.unit, item.monthly_sum.year, ev, half=0.0,
                            publisher=str(last["publisher"]) if last is not None else "",
                            released=str(last["released"] or "") if last is not None else "",
                            rows=list(derived.rows), derivation=derived.text,
                            entity=str(last["entity"]) if last is not None else "")
    found.label = item.label or (item.series.indicator if item.series else item.monthly_sum.indicator)
    return found


def other_basis(obs: Observation, row: pd.Series, own: pd.DataFrame) -> str:
    """Why the row used instead of the article's own is not the same figure on the same basis ("" when it is):
    a conversion from the other currency, or another table (another release or publisher)."""
    reasons = []
    if obs.converted:
        reasons.append(f"it is converted from {row['unit']}")
    if str(row["dataset"]) not in set(own["dataset"].astype(str)):
        reasons.append(f"it comes from another table ({row['dataset']}, {row['publisher']}, released {row['released']})")
    return " and ".join(reasons)


def self_sourced_text(own: pd.DataFrame) -> str:
    row = own.iloc[-1]
    return (f"The article is its own source: the store's {row['indicator']} for {row['period']} "
            f"({row['publisher']}, {row['source_url']}) was taken from this article, so it is not used to verify it.")


def find(claim, ev: Evidence) -> tuple[Observation, list[str]] | ClaimResult:
    """The observation to judge the claim on, with notes on rows left out; or the result when there is none."""
    series = claim.series
    row, own = series_row(series, ev)
    notes = []
    if row is not None:
        found = from_row(claim, row, ev)
        if len(own):
            notes.append(self_sourced_text(own) + " Another row of the series is used.")
            found.other_basis = other_basis(found, row, own)
        return found, notes
    what = f"no {series.indicator} for {series.period} in the store"
    if len(own):
        notes.append(self_sourced_text(own))
        for item in claim.independent:
            found = independent_observation(claim, item, ev)
            if found is not None:
                notes.append(f"It is judged on independent evidence: {found.label}.")
                return found, notes
    derived = derived_growth(claim, ev)
    if derived is not None:
        notes.append(f"No {series.indicator} row {'other than the article' + chr(39) + 's own ' if len(own) else ''}"
                     f"is in the store: the growth is derived from two stored levels.")
        return derived, notes
    if not len(own):
        return unverifiable(claim, what, ev)
    result = base_result(claim, "unverifiable", None,
                         notes[0] + (" None of the independent evidence the claim lists is in the store."
                                     if claim.independent else " The claims file lists no independent evidence "
                                     "(`independent:`), so the claim is unverifiable."))
    result.sources.extend(source_ref(r) for _, r in own.iterrows())
    return result


def derived_growth(claim, ev: Evidence) -> Observation | None:
    """A year-on-year growth (`<level>_yoy_pct`, `<level>_usd_yoy_pct`) derived from the two annual levels
    the store holds (derive.growth), when no growth row can be used; None when a level is missing."""
    spec = as_spec(claim.series)
    indicator, period = spec.get("indicator", ""), str(spec.get("period", ""))
    if not indicator.endswith("_yoy_pct") or spec.get("freq", "A") != "A" or not period.isdigit():
        return None
    level = indicator.removesuffix("_yoy_pct")
    base = {k: v for k, v in spec.items() if k not in ("indicator", "unit", "period")}
    if level.endswith("_usd"):
        level, base["unit"] = level.removesuffix("_usd"), "USD"
    previous = str(int(period) - 1)
    now = ev.one({**base, "indicator": level, "period": period})
    before = ev.one({**base, "indicator": level, "period": previous}) if now is not None else None
    if now is None or before is None or now["unit"] != before["unit"] or now["qualifier"] or before["qualifier"]:
        return None
    try:
        growth = derive.growth(float(now["value"]), float(before["value"]), str(now["unit"]), period, previous, (before, now))
    except derive.DerivationError:
        return None
    return observation(claim, growth.value, growth.unit, period, ev, half=0.0, publisher=str(now["publisher"]),
                       released=str(now["released"] or ""), rows=list(growth.rows), derivation=growth.text,
                       entity=str(now["entity"]))


# -- judging ---------------------------------------------------------------------------------


def interval(obs: Observation, coverage: str, check: str) -> tuple[float, float]:
    """What the claim's own figure may be, given the evidence: the published range, and above it
    (the series counts part) or below it (the series counts more)."""
    low, high = (obs.low, obs.high) if check == "threshold" else (obs.value, obs.value)
    if coverage == "part":
        return (obs.low if check != "threshold" else low), math.inf
    if coverage == "superset":
        return -math.inf, (obs.high if check != "threshold" else high)
    return low, high


def threshold_test(comparator: str, stated: float, low: float, high: float) -> tuple[bool, bool]:
    """(holds for every value in [low, high], fails for every value in it)."""
    if comparator in (">", ">="):
        holds = low > stated or (comparator == ">=" and low >= stated)
        fails = high <= stated if comparator == ">" else high < stated
    else:
        holds = high < stated or (comparator == "<=" and high <= stated)
        fails = low >= stated if comparator == "<" else low > stated
    return holds, fails


def _stated_and_step(claim) -> tuple[Decimal, Decimal]:
    """The stated figure and its rounding step, scaled, in decimal: in binary floating point 2.7 - 0.05 is
    2.6500000000000004, which left a published 2.65 outside "2.7%" (a false contradiction)."""
    scale = Decimal(repr(float(claim.stated.scale)))
    return Decimal(repr(float(claim.stated.value or 0))) * scale, Decimal(repr(float(claim.step))) * scale


def band(claim) -> tuple[float, float]:
    """The range a rounded figure allows, [value - step/2, value + step/2), its ends worked out in decimal."""
    stated, step = _stated_and_step(claim)  # step is in the units of `value`
    return float(stated - step / 2), float(stated + step / 2)


TRUNCATED_DIGITS = 3
"""Significant digits from which a stated figure may be the published one cut to its digits, not rounded."""


def truncation_band(claim, obs: Observation) -> tuple[float, float] | None:
    """The range a published figure cut to the stated digits (not rounded) comes from: [3.07, 3.08) trillion for
    "3.07 trillion" (NBS's 3,078.29 billion written so; TASS's "126.05 trillion" for 126.0582), toward zero for
    a fall. Only for a figure of TRUNCATED_DIGITS significant digits or more (the gap is then under 1%: "20
    million" is never 29 million) and a published figure (a derived or converted one is the engine's, not what a
    writer cut). None when neither applies."""
    stated, step = _stated_and_step(claim)
    if obs.derivation or obs.converted or step <= 0 or round(abs(stated) / step) < 10 ** (TRUNCATED_DIGITS - 1):
        return None
    low, high = (stated, stated + step) if stated >= 0 else (stated - step, stated)
    return float(low), float(high)


COARSE_RELATIVE = 0.005
"""A published figure whose own rounding spans at most this share of it (three significant digits or more) can
confirm a more precise stated figure that rounds to it; a coarser one neither confirms nor contradicts it."""


def coarser_evidence(claim, obs: Observation, coverage: str, b_low: float, b_high: float) -> str:
    """"close" or "coarse" when the published figure was written to fewer digits than the stated one (41.76 trillion
    beside "41,756.8 billion"): its own rounding range is wider than the stated figure's; "" otherwise (a derived or
    converted figure, a count or rank published exactly, a bound, a series covering more or less than the claim).
    "close": three significant digits or more (a stated figure within one unit of its last digit is never accused);
    "coarse": fewer (100 may be exact: only a stated figure inside its rounding is spared an accusation)."""
    if obs.derivation or obs.converted or coverage in ("part", "superset") or not obs.rounded or _bound(obs):
        # "more than 940 GWh", "nearly 2.02 million": a bound, not a rounding
        return ""
    if obs.high - obs.low <= 2 * (b_high - b_low):  # a digit fewer at least (not the float noise of equal steps)
        return ""
    return "close" if (obs.high - obs.low) / 2 <= COARSE_RELATIVE * abs(obs.value) else "coarse"


def _bound(obs: Observation) -> bool:
    """The published figure is a bound: one end of its range is open ("more than 1 trillion", "less than 5%"), or it
    is "nearly" the figure (just below it)."""
    return math.isinf(obs.low) != math.isinf(obs.high) or obs.near


def _bound_allows(obs: Observation) -> str:
    """What a bound lets the figure be, in words: "more than 1 trillion CNY", "from 1.818 million up to 2.02 million
    vehicles"."""
    value = fmt_exact(obs.value, obs.unit)
    if obs.near and math.isfinite(obs.low):
        return f"from {fmt_exact(obs.low, obs.unit)} up to {value} (no further below it than “nearly” reaches)"
    return f"{'more' if math.isinf(obs.high) else 'less'} than {value}"


def _past_bound(obs: Observation, low: float, high: float) -> bool:
    """A stated range [low, high) (a point: low == high) lies wholly past what a bound allows: at or above X for
    "less than X" and "nearly X", at or below X for "more than X", below how far "nearly X" reaches."""
    if math.isinf(obs.high):
        return high <= obs.value
    return low >= obs.value or (obs.near and high <= obs.low)


def judge(claim, obs: Observation, coverage: str) -> tuple[str, str, str]:
    """(verdict, explanation, computation) for one observation; every number printed with the digits
    that keep the sentence true of the printed figures."""
    stated, unit, check = claim.stated_value(), obs.unit, claim.check
    low, high = interval(obs, coverage, check)
    source = f"{obs.publisher}, released {obs.released}" if obs.publisher else "derived"
    what = "The converted figure" if obs.converted else "The derived figure" if obs.derivation else "The published figure"
    if check == "threshold":
        comparator = claim.stated.comparator
        holds, fails = threshold_test(comparator, stated, low, high)
        verdict = "supported" if holds else "contradicted" if fails else "inconclusive"
        reading = fmt_range(obs.low, obs.high, unit)
        figure = obs.figure([stated])
        side = SIDE_WORDS[comparator]
        s_text = fmt_exact(stated, unit)
        reach = "“nearly”" if obs.near else "its rounding"  # what makes the published figure a range
        computation = (f"{figure} ({source}" + (f"; read as {reading} given {reach}" if obs.rounded else "")
                       + f") {comparator} {s_text}")
        explanation = {
            "supported": f"{what}, {figure}, is {side} {s_text}"
                         + (f" across the whole range {reach} allows, {reading}." if obs.rounded else "."),
            "contradicted": f"{what}, {figure}, is not {side} {s_text}"
                            + (f", anywhere in the range {reach} allows, {reading}." if obs.rounded else "."),
            "inconclusive": f"{what}, {figure}, read as {reading}, lies on both sides of {s_text}: "
                            f"it may or may not be {side} it.",
        }[verdict]
    elif check == "rounded":
        b_low, b_high = band(claim)
        band_text = fmt_range(b_low, b_high, unit)
        figure = obs.figure([b_low, b_high])
        holds = b_low <= low and high < b_high
        fails = high < b_low or low >= b_high
        t_low, t_high = truncation_band(claim, obs) or (math.nan, math.nan)
        truncated = not holds and ((t_low <= low and high < t_high) if stated >= 0 else (t_low < low and high <= t_high))
        coarser = coarser_evidence(claim, obs, coverage, b_low, b_high)
        if _bound(obs) and coverage == "all" and not (holds or truncated):
            # "nearly 2.02 million": a stated 2.015 million lies below it, where the bound allows; only a stated
            # range wholly past the bound (2.03 million; 1.5 million, further than "nearly" reaches) is false
            fails = _past_bound(obs, b_low, b_high)
        if coarser and not (holds or truncated):
            # "41,756.8 billion yuan" against a row published as 41.76 trillion: the claim is the more precise; it
            # holds when it rounds to the row, and fails only outside the row's own rounding, by more than one unit
            # of the row's last digit ("3.632688 trillion" for 3.63268 trillion is a slipped digit, not another figure)
            holds = obs.low <= stated < obs.high and coarser == "close"
            apart = b_high <= obs.low or b_low >= obs.high
            fails = apart and (coarser == "coarse" or abs(stated - obs.value) >= obs.high - obs.low)
        # a row published as "nearly 7%" or "about 1.02 million" equal to the stated figure is not exactly it
        exact = obs.value == stated and not obs.qualifier
        verdict = ("supported" if exact else "supported-rounded") if holds or truncated else \
            "contradicted" if fails else "inconclusive"
        computation = f"{figure} ({source}) {'in' if b_low <= obs.value < b_high else 'not in'} {band_text}"
        if truncated:
            computation += f"; in {fmt_range(t_low, t_high, unit)} (cut to the stated digits)"
        published = fmt_range(obs.low, obs.high, unit)
        explanation = {
            "supported": f"{what} is exactly {fmt_exact(obs.value, unit)}.",
            "supported-rounded": (f"{what}, {figure}, is published to fewer digits than the text: the stated "
                                  f"{fmt_exact(stated, unit)} rounds to it (it lies in {published}, the range the "
                                  "published figure's own rounding allows)." if coarser and not truncated
                                  and not b_low <= obs.value < b_high else
                                  f"{what}, {figure}, rounds to the stated {fmt_exact(stated, unit)}: it lies in {band_text}, "
                                  f"the range “{claim.stated.text}” allows." if not truncated else
                                  f"{what}, {figure}, is the stated {fmt_exact(stated, unit)} with its further digits cut, "
                                  f"not rounded: it lies outside {band_text}, the range “{claim.stated.text}” allows when "
                                  f"rounded, but in {fmt_range(t_low, t_high, unit)}, which a figure cut to its digits "
                                  "allows, as publications often write it."),
            "contradicted": f"{what}, {figure}, is outside {band_text}, the range “{claim.stated.text}” allows"
                            + (f"; published as a bound, it allows {_bound_allows(obs)}, wholly outside that range too."
                               if _bound(obs) and coverage == "all" else "."),
            "inconclusive": f"{what}, {figure}, is a bound, not an exact figure: it allows {_bound_allows(obs)}, "
                            f"which {band_text}, the range “{claim.stated.text}” allows, overlaps: it neither "
                            "confirms nor contradicts the stated figure." if _bound(obs) and coverage == "all" else
                            f"{what}, {figure}, is {'in' if b_low <= obs.value < b_high else 'outside'} {band_text}, "
                            f"the range “{claim.stated.text}” allows"
                            + (f"; it is published to fewer digits than the text ({published} is its own rounding), "
                               "and the stated figure lies within one unit of its last digit, so it neither confirms "
                               "nor contradicts the text." if coarser else "."),
        }[verdict]
    else:  # exact
        holds = low == high == stated
        fails = not (low <= stated <= high)
        if _bound(obs) and coverage == "all" and not holds:  # a stated count where the bound allows is not false
            fails = _past_bound(obs, stated, stated)
        verdict = "supported" if holds else "contradicted" if fails else "inconclusive"
        figure = obs.figure([stated])
        equal = obs.value == stated
        computation = f"{figure} ({source}) {'==' if equal else '!='} {fmt_exact(stated, unit)}"
        explanation = (f"{what} is {figure}, as stated." if equal else
                       f"{what} is {figure}, not the stated {fmt_exact(stated, unit)}.")
    if obs.derivation:
        explanation = f"{obs.derivation}. " + explanation
        computation = f"{obs.derivation}; " + computation
    if verdict == "contradicted" and obs.converted and derive.within_conversion_gap(obs.value, stated):
        verdict = "inconclusive"
        explanation += (f" A figure converted at the period's average rate can differ from the publisher's own conversion "
                        f"(or one at the day's rate) by up to {derive.CONVERSION_TOLERANCE:.0%}; the gap here, "
                        f"{abs(obs.value - stated) / abs(stated):.1%}, is within that, so the data neither confirm "
                        f"nor contradict the stated figure.")
    if coverage != "all":
        verdict, explanation = judge_coverage(claim, obs, coverage, verdict, explanation)
    return verdict, explanation, computation


def judge_coverage(claim, obs: Observation, coverage: str, verdict: str, explanation: str) -> tuple[str, str]:
    what = f" ({claim.definition})" if claim.definition else ""
    figure = fmt(obs.value, obs.unit)
    if coverage == "part":
        if verdict == "supported":
            return verdict, explanation + " The series counts only part of what the claim counts, so the whole is larger still."
        if verdict == "contradicted":
            return verdict, explanation + " The series counts only part of what the claim counts: the whole is larger still."
        return "unverifiable", (
            f"Unverifiable with the bundled data: the series counts only part of what the claim counts{what}. "
            f"Its {figure} for {obs.period} is a lower bound on the whole, which may or may not match what the claim "
            f"states (“{claim.stated.text}”). The loader that would fetch the whole: {claim.loader or 'none known'}.")
    if verdict == "supported":
        return verdict, explanation + " The series counts more than the claim counts, so the claim's own figure is smaller still."
    if verdict == "contradicted":
        return verdict, explanation + " The series counts more than the claim counts, and even that wider count falls short."
    return "unverifiable", (
        f"Unverifiable with the bundled data: the series counts more than the claim counts{what}. "
        f"Its {figure} for {obs.period} is an upper bound on what the claim counts, so it is no evidence against "
        f"the claim (“{claim.stated.text}”), nor for it. The loader that would fetch the narrower figure: "
        f"{claim.loader or 'none known'}.")


def apply_basis(result: ClaimResult, claim, obs: Observation) -> None:
    basis = claim.basis
    if basis is None:
        return
    stated = claim.stated_value()
    note = f" {basis.note}" if basis.note else ""
    if result.verdict == "contradicted" and basis.tolerance.allows(obs.value, stated):
        gap = abs(obs.value - stated)
        result.verdict = "inconclusive"
        result.explanation = (
            f"The claim states {fmt_exact(stated, obs.unit)} ({basis.claim}); the series holds "
            f"{fmt_against(obs.value, [stated], obs.unit)} ({basis.series}, {obs.publisher}). They estimate the same "
            f"statistic on different bases and differ by {basis.tolerance.gap_text(gap, obs.unit)}, "
            f"within the usual difference of {basis.tolerance.text(obs.unit)} between the two: the data neither "
            f"confirm nor contradict the claim.{note}")
        result.other_views.append({"label": f"as stated ({basis.claim})", "value": stated, "unit": obs.unit,
                                   "explanation": claim.stated.text})
    else:
        result.caveats.append(f"Basis: the claim states a {basis.claim} figure, the series a {basis.series} one "
                              f"(usual difference up to {basis.tolerance.text(obs.unit)}).{note}")


def apply_readings(result: ClaimResult, claim, ev: Evidence) -> None:
    """Other readings of the wording: when the reading the wording implies fails and another holds, misleading."""
    for reading in claim.readings:
        other = claim.model_copy(update={"series": reading.series, "coverage": reading.coverage, "readings": [],
                                          "definition": reading.definition, "caveats": [], "breakdown": [],
                                          "independent": []} | ({"usd_view": None} if hasattr(claim, "usd_view") else {}))
        judged = check_figure(other, ev)
        observed = judged.observed or {}
        result.other_views.append({
            "label": f"on another reading: {reading.label}", "value": observed.get("value"),
            "unit": observed.get("unit", ""), "verdict": judged.verdict,
            "explanation": f"{judged.verdict}: {judged.explanation}",
        })
        result.sources.extend(s for s in judged.sources if s not in result.sources)
        if result.verdict == "contradicted" and judged.verdict in HOLDS:
            result.verdict = "misleading"
            result.explanation = (f"On the reading the wording implies: {result.explanation} "
                                  f"On another reading, {reading.label}: {judged.explanation} "
                                  "True on one reading, false on the one a reader would assume: misleading.")
        elif result.verdict == "contradicted" and judged.verdict not in ("contradicted", "error"):
            result.verdict = "needs-review"  # another reading the claims file names may hold: never accuse on a guess
            result.explanation = (f"On the reading the wording implies: {result.explanation} "
                                  f"On another reading, {reading.label}, the data cannot decide ({judged.verdict}: "
                                  f"{judged.explanation}) A person must review which reading the article meant.")


def check_figure(claim, ev: Evidence) -> ClaimResult:
    """A threshold, rounded or exact claim against its series."""
    claim = typed(claim)
    try:
        found = find(claim, ev)
        if isinstance(found, ClaimResult):
            return finish(found, claim)
        obs, notes = found
        verdict, explanation, computation = judge(claim, obs, claim.coverage)
    except Unjudgeable as problem:
        if problem.verdict == "error":
            result = base_result(claim, "error", None, problem.message)
        else:
            result = unverifiable(claim, problem.message)
        return finish(result, claim)
    if obs.other_basis and verdict in ("contradicted", "misleading"):
        verdict = "needs-review"
        explanation += (f" The row used is not the article's figure on its own basis: {obs.other_basis}. A gap between "
                        "bases is no proof the article is wrong: a person must review it.")
    if notes:
        explanation = " ".join(notes) + " " + explanation
    stated = claim.stated_value()
    observed = {"value": obs.value, "unit": obs.unit, "qualifier": obs.qualifier, "period": obs.period}
    if claim.check == "exact":
        observed["entity"] = obs.entity
    if obs.converted and obs.row is not None:
        observed.update(as_published=float(obs.row["value"]), as_published_unit=str(obs.row["unit"]))
    if obs.derivation:
        observed["derivation"] = obs.derivation
    result = base_result(claim, verdict, observed, explanation, computation=computation,
                         abs_error=obs.value - stated, rel_error=(obs.value - stated) / stated if stated else None,
                         sources=[source_ref(r) for r in obs.rows])
    if claim.definition:
        result.caveats.append(f"Definition: {claim.definition}.")
    apply_basis(result, claim, obs)
    if getattr(claim, "usd_view", None) is not None and obs.row is not None:
        add_currency_view(result, claim, ev, obs.row, obs.converted)
    elif obs.converted and obs.row is not None:
        result.other_views.append({"label": f"as published, in {obs.row['unit']}", "value": float(obs.row["value"]),
                                   "unit": str(obs.row["unit"]), "explanation": f"{obs.row['publisher']}"})
    add_breakdown(result, claim, ev)
    apply_readings(result, claim, ev)
    return finish(result, claim)


check_threshold = check_rounded = check_exact = check_figure
