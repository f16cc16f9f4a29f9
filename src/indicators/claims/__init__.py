"""The claims engine: an article's statements (data/articles/<slug>/claims.yaml) judged against the store.

Rules are generic: their text is computed from the data (which side of a threshold, which way a
currency moved, the comparator used) or taken from the claims file (definitions, caveats, notes);
no publisher, index or article is named here. A claim record says what was stated (value, unit, comparator, wording) and which series in the
store is its evidence. The engine reads that series, applies the tolerance the wording implies,
and returns a `ClaimResult` with the numbers it compared. No verdict is ever written by hand.

Verdicts:
- supported          the data meet the claim as worded
- supported-rounded  the data meet it within the rounding the wording implies (29.9% for "30 percent")
- misleading         true on one reading of the data, false on another the reader would assume
- inconclusive       the data and the claim overlap within their rounding; cannot say either way
- contradicted       the data do not meet the claim
- unverifiable       the data needed are not in the store (the result names the loader that fetches them)
- opinion            not a factual claim; listed so readers see it was considered
- error              the claim could not be judged (a schema error in its file, named with file, id and field)
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import yaml

from indicators import articles as articles_mod
from indicators import verdicts
from indicators.claims import matching, schema
from indicators.claims.schema import COMPARATORS  # noqa: F401  (re-exported)
from indicators.frame import flagged, provenance
from indicators.store import Store

VERDICT_MEANINGS = verdicts.MEANINGS  # one table: indicators/verdicts.py
VERDICTS = verdicts.VERDICTS
CHECKS = set(schema.CHECK_KINDS)
SCALE_WORDS = {1e12: "trillion", 1e9: "billion", 1e6: "million"}
SIDE_WORDS = {">": "above", ">=": "at or above", "<": "below", "<=": "at or below"}
EXACT_UNITS = {"rank", "count"}  # published as whole numbers that carry no rounding


class ClaimsFileError(ValueError):
    """The claims file is malformed; the message names the claim."""


@dataclass
class ClaimResult:
    id: str
    quote: str
    claim: str
    check: str
    verdict: str
    stated: dict
    observed: dict | None
    explanation: str
    computation: str = ""
    abs_error: float | None = None
    rel_error: float | None = None
    sources: list[dict] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)
    other_views: list[dict] = field(default_factory=list)
    loader: str = ""
    as_of: str | None = None
    compared_with: dict | None = None  # the same claim judged as of the article date / latest
    also_in: list[dict] = field(default_factory=list)  # other articles stating the same claim (claim matching)

    def to_dict(self) -> dict:
        return _clean(asdict(self))


# -- the claims file -------------------------------------------------------------------------


def claims_path() -> Path:
    """The default article's claims file (the op-ed's: data/articles/op-ed/claims.yaml)."""
    return articles_mod.default_article().claims_path


def load_claims(path: Path | str | None = None, catalogue: dict | None = None, strict: bool = True) -> dict:
    """Read the claims file and validate each claim against its check kind's schema (claims/schema.py).

    `catalogue` maps each known source name to the indicators it holds (an empty set: any); when
    given, a series naming another source or indicator is an error. The caller supplies it (the
    claims engine does not import the source registry). With `strict`, the first bad claim raises
    ClaimsFileError naming the file, the claim id and the field; otherwise bad claims are left out
    of `claims` and listed in `errors` (each with index, id, field and message), so the rest are judged."""
    path = Path(path) if path else claims_path()
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ClaimsFileError(f"{path}: cannot read claims file: {str(exc).splitlines()[0]}") from None
    if not isinstance(document, dict) or not isinstance(document.get("claims"), list):
        raise ClaimsFileError(f"{path}: expected a mapping with a 'claims' list")
    valid, errors, seen = [], [], set()
    for index, raw in enumerate(document["claims"]):
        try:
            schema.validate(raw, index, catalogue)
            if raw["id"] in seen:
                raise schema.ClaimProblem(raw["id"], "id", "duplicate id (another claim in this file has it)")
        except schema.ClaimProblem as problem:
            message = f"{path}: {problem}"
            if strict:
                raise ClaimsFileError(message) from None
            errors.append({"index": index, "id": problem.claim_id, "field": problem.field, "message": message,
                           "quote": raw.get("quote", "") if isinstance(raw, dict) else "",
                           "check": raw.get("check", "") if isinstance(raw, dict) else ""})
            continue
        seen.add(raw["id"])
        valid.append({**raw, "_index": index})
    document["claims"], document["errors"] = valid, errors
    if not document.get("article"):
        article = articles_mod.article_for_claims(path)
        document["article"] = {"title": article.title, "author": article.author, "published": article.published,
                               "as_of": article.as_of, "slug": article.slug} if article else {}
    return document


def error_result(problem: dict) -> ClaimResult:
    """A claim that could not be judged: its file, id and field are in the explanation."""
    return ClaimResult(id=str(problem["id"]), quote=str(problem.get("quote", "")), claim="", check=str(problem.get("check", "")),
                       verdict="error", stated={}, observed=None, explanation=problem["message"])


# -- evidence --------------------------------------------------------------------------------


class Evidence:
    """Reads the series a claim names from the store, as of a date or latest."""

    as_of: str | None = None

    def __init__(self, store: Store, as_of: str | None):
        self.store = store
        self.as_of = as_of

    def rows(self, spec: dict) -> pd.DataFrame:
        data = self.store.frame(source=spec["source"], indicator=spec["indicator"], as_of=self.as_of)
        for column in ["dataset", "entity", "counterpart", "product", "period", "freq", "unit"]:
            if spec.get(column) is not None:
                data = data[data[column] == str(spec[column])]
        return data

    def one(self, spec: dict) -> pd.Series | None:
        data = self.rows(spec)
        return data.iloc[-1] if len(data) else None

    def published_later(self, spec: dict) -> pd.Series | None:
        """The first row matching `spec` that the store holds but was published after the as-of date."""
        if not self.as_of or not spec.get("source") or not spec.get("indicator"):
            return None
        latest = Evidence(self.store, None).rows(spec)
        if latest.empty:
            return None
        return latest.sort_values("released").iloc[0]

    def fx(self, series_id: str, year: str, entity: str = "CHN") -> pd.Series | None:
        """An annual average exchange rate (local currency per USD) from the store's fx series."""
        return self.one({"source": "fx", "indicator": series_id, "entity": entity, "period": year, "freq": "A"})


def source_ref(row: pd.Series) -> dict:
    return {
        "source": row["source"], "dataset": row["dataset"], "indicator": row["indicator"],
        "entity": row["entity"], "period": row["period"], "value": float(row["value"]), "unit": row["unit"],
        "publisher": row["publisher"], "url": row["source_url"], "read_via": row.get("read_via", "") or "",
        "released": row["released"],
        "vintage": int(row["vintage"]), "qualifier": row["qualifier"],
    }


def published_half_width(value: float) -> float:
    """Half a unit of the last significant digit: 1.06e12 was published to 0.01e12, so ±0.005e12."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    exponent = math.floor(math.log10(abs(value))) - 14
    while exponent < 20:
        step = 10.0 ** (exponent + 1)
        ratio = value / step
        if abs(ratio - round(ratio)) > 1e-9 * max(1.0, abs(ratio)):
            break
        exponent += 1
    return 10.0 ** exponent / 2


def fmt(value: float | None, unit: str = "", digits: int | None = None) -> str:
    """A human figure: 1.06e12 CNY -> '1.06 trillion CNY'; `digits` significant digits (default 4, percent 3)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    for scale, word in SCALE_WORDS.items():
        if abs(value) >= scale:
            return f"{value / scale:,.{digits or 4}g} {word} {unit}".strip()
    if unit == "percent":
        return f"{value:.{digits or 3}g}%"
    if unit == "rank":
        return f"rank {value:g}"
    if unit == "count":
        return f"{value:g}"
    return f"{value:,.{digits or 6}g} {unit}".strip()


def fmt_range(low: float, high: float, unit: str = "") -> str:
    """A band '[low, high)' with enough digits to show both edges: [77.55%, 77.65%), not [77.5%, 77.6%)."""
    if not math.isfinite(high):
        return f"[{fmt(low, unit)}, ∞)"
    digits = max(_digits_needed(low), _digits_needed(high), 3)
    return f"[{fmt(low, unit, digits)}, {fmt(high, unit, digits)})"


def _digits_needed(value: float) -> int:
    """Significant digits that print `value` (as fmt scales it) without losing anything but float noise."""
    for scale in SCALE_WORDS:
        if abs(value) >= scale:
            value /= scale
            break
    for digits in range(1, 16):
        if math.isclose(float(f"{value:.{digits}g}"), value, rel_tol=1e-9, abs_tol=1e-12):
            return digits
    return 15


# -- the checks ------------------------------------------------------------------------------


def stated_value(claim: dict) -> float:
    stated = claim["stated"]
    return float(stated["value"]) * float(stated.get("scale", 1) or 1)


def unverifiable(claim: dict, what: str, ev: Evidence | None = None, spec: dict | None = None) -> ClaimResult:
    """No evidence: either the data were published after the as-of date (said exactly, with the
    release date the store holds), or they are not in the store (the loader that fetches them is named)."""
    later = ev.published_later(spec or claim.get("series") or {}) if ev is not None else None
    if later is not None:
        released = later["released"] or ""
        if released and released == day_after_period(str(later["period"])):
            when = (f"dated {released} in the store, an estimate (the day after the period ends), "
                    "not a recorded release date")
        else:
            when = f"released on {released}" if released else "release date unknown"
        result = base_result(
            claim, "unverifiable", None,
            f"Unverifiable as of {ev.as_of}: the data were published after that date ({later['publisher']}, "
            f"{later['indicator']} for {later['period']}: {when}; store vintage {int(later['vintage'])}).",
        )
        result.sources.append(source_ref(later))
        return result
    return base_result(
        claim, "unverifiable", None,
        f"Unverifiable with the bundled data: {what}. The loader that would fetch it: {claim.get('loader', 'none known')}.",
    )


def day_after_period(period: str) -> str | None:
    """The store's fallback release date for a period: the day after it ends ("2023" -> "2024-01-01")."""
    try:
        if len(period) == 4:
            return f"{int(period) + 1}-01-01"
        if len(period) == 7 and period[4] == "-" and period[5:].isdigit():
            year, month = int(period[:4]), int(period[5:])
            return f"{year + month // 12}-{month % 12 + 1:02d}-01"
        if len(period) == 7 and period[5] == "Q":
            year, quarter = int(period[:4]), int(period[6])
            return f"{year + quarter // 4}-{(quarter * 3) % 12 + 1:02d}-01"
    except ValueError:
        return None
    return None


def judge_part(result: ClaimResult, claim: dict) -> ClaimResult:
    """Where the series counts only part of what the claim counts (`coverage: part`), the whole is
    at least the observed figure: the claim stands only if it holds for every whole from there up,
    falls only if it fails for all of them, and is unverifiable otherwise."""
    if claim.get("coverage") != "part" or result.verdict in ("unverifiable", "opinion", "error"):
        return result
    open_upwards = claim["check"] == "threshold" and claim["stated"]["comparator"] in (">", ">=")
    observed = result.observed or {}
    unit = observed.get("unit", "")
    what = f" ({claim['definition']})" if claim.get("definition") else ""
    if result.verdict == "supported" and open_upwards:
        result.explanation += " The series counts only part of what the claim counts, so the whole is larger still."
    elif result.verdict == "contradicted" and (result.abs_error or 0) > 0:
        result.explanation += " The series counts only part of what the claim counts: the whole is larger still."
    else:
        result.verdict = "unverifiable"
        result.loader = claim.get("loader", "")
        result.explanation = (
            f"Unverifiable with the bundled data: the series counts only part of what the claim counts{what}. "
            f"Its {fmt(observed.get('value'), unit)} for {observed.get('period', '')} is a lower bound on the whole, "
            f"which may or may not match what the claim states (“{result.stated.get('text', '')}”). "
            f"The loader that would fetch the whole: {claim.get('loader', 'none known')}."
        )
    return result


def base_result(claim: dict, verdict: str, observed: dict | None, explanation: str, **extra) -> ClaimResult:
    stated = dict(claim.get("stated") or {})
    if stated.get("value") is not None:
        stated["value_unscaled"] = stated_value(claim)
    return ClaimResult(
        id=claim["id"], quote=claim["quote"], claim=claim.get("claim", ""), check=claim["check"],
        verdict=verdict, stated=stated, observed=observed, explanation=explanation,
        loader=claim.get("loader", "") if verdict == "unverifiable" else "", **extra,
    )


def check_threshold(claim: dict, ev: Evidence) -> ClaimResult:
    row = ev.one(claim["series"])
    if row is None:
        return unverifiable(claim, f"no {claim['series']['indicator']} for {claim['series'].get('period')} in the store", ev)
    value, stated = float(row["value"]), stated_value(claim)
    comparator = claim["stated"]["comparator"]
    unit = row["unit"]
    half = 0.0 if unit in EXACT_UNITS else published_half_width(value)
    low, high = value - half, value + half
    if row["qualifier"] == "more than":
        high = math.inf
    if comparator in (">", ">="):
        holds_low = low > stated or (comparator == ">=" and low >= stated)
        fails_high = high <= stated if comparator == ">" else high < stated
    else:
        holds_low = high < stated or (comparator == "<=" and high <= stated)
        fails_high = low >= stated if comparator == "<" else low > stated
    verdict = "supported" if holds_low else "contradicted" if fails_high else "inconclusive"
    qualifier = f"{row['qualifier']} " if row["qualifier"] else ""
    reading = fmt_range(low, high, unit)
    computation = (
        f"{qualifier}{fmt(value, unit)} ({row['publisher']}, released {row['released']}"
        + (f"; read as {reading} given its rounding" if half or math.isinf(high) else "")
        + f") {comparator} {fmt(stated, unit)}"
    )
    side = SIDE_WORDS[comparator]
    figure = f"The published figure, {qualifier}{fmt(value, unit)},"
    explanation = {
        "supported": f"{figure} is {side} {fmt(stated, unit)}"
                     + (f" across the whole range its rounding allows, {reading}." if half or math.isinf(high) else "."),
        "contradicted": f"{figure} is not {side} {fmt(stated, unit)}.",
        "inconclusive": f"{figure} read as {reading}, lies on both sides of {fmt(stated, unit)}: it may or may not be {side} it.",
    }[verdict]
    result = base_result(
        claim, verdict, {"value": value, "unit": unit, "qualifier": row["qualifier"], "period": row["period"]},
        explanation, computation=computation, abs_error=value - stated, rel_error=(value - stated) / stated,
        sources=[source_ref(row)],
    )
    if claim.get("definition"):
        result.caveats.append(f"Definition: {claim['definition']}.")
    if claim.get("usd_view"):
        add_usd_level_view(result, claim, ev, row)
    add_breakdown(result, claim, ev)
    return finish(judge_part(result, claim), claim)


def fx_label(fx: pd.Series) -> str:
    return f"{fx['publisher']}, {fx['indicator']}"


def add_usd_level_view(result: ClaimResult, claim: dict, ev: Evidence, row: pd.Series) -> None:
    """The level converted to US dollars at the annual average rate (a second view; the claim keeps its currency)."""
    local = row["unit"]
    fx = ev.fx(claim["usd_view"]["fx"], row["period"], row["entity"])
    if fx is None:
        result.caveats.append(f"No {claim['usd_view']['fx']} rate for {row['period']} in the store: no USD view.")
        return
    usd = float(row["value"]) / float(fx["value"])
    note = claim["usd_view"].get("note", "")
    result.other_views.append({
        "label": "in US dollars (converted)",
        "value": usd, "unit": "USD",
        "explanation": (f"{fmt(float(row['value']), local)} ÷ {float(fx['value']):.4f} {local} per USD ({fx_label(fx)}, "
                        f"{row['period']} average) = {fmt(usd, 'USD')}." + (f" {note}" if note else "")
                        + f" The claim itself is in {local}."),
    })
    result.sources.append(source_ref(fx))


def check_rounded(claim: dict, ev: Evidence) -> ClaimResult:
    row = ev.one(claim["series"])
    if row is None:
        return unverifiable(claim, f"no {claim['series']['indicator']} for {claim['series'].get('period')} in the store", ev)
    value, stated = float(row["value"]), stated_value(claim)
    step = float(claim["step"]) * float(claim["stated"].get("scale", 1) or 1)  # step is in the units of `value`
    low, high = stated - step / 2, stated + step / 2
    if value == stated:
        verdict = "supported"
    elif low <= value < high:
        verdict = "supported-rounded"
    else:
        verdict = "contradicted"
    unit = row["unit"]
    band = fmt_range(low, high, unit)
    computation = f"{fmt(value, unit)} ({row['publisher']}, released {row['released']}) in {band}"
    explanation = {
        "supported": f"The published figure is exactly {fmt(value, unit)}.",
        "supported-rounded": f"The published figure, {fmt(value, unit)}, rounds to the stated {fmt(stated, unit)}: "
                             f"it lies in {band}, the range “{claim['stated']['text']}” allows.",
        "contradicted": f"The published figure, {fmt(value, unit)}, is outside {band}, "
                        f"the range “{claim['stated']['text']}” allows.",
    }[verdict]
    result = base_result(
        claim, verdict, {"value": value, "unit": unit, "period": row["period"]}, explanation,
        computation=computation, abs_error=value - stated, rel_error=(value - stated) / stated,
        sources=[source_ref(row)],
    )
    if claim.get("definition"):
        result.caveats.append(f"Definition: {claim['definition']}.")
    if claim.get("usd_view"):
        add_usd_growth_view(result, claim, ev, row)
    add_breakdown(result, claim, ev)
    return finish(judge_part(result, claim), claim)


def check_exact(claim: dict, ev: Evidence) -> ClaimResult:
    """A count or a rank stated exactly ("ranked 12th", "24 clusters"): equal is supported, anything else is not."""
    row = ev.one(claim["series"])
    if row is None:
        return unverifiable(claim, f"no {claim['series']['indicator']} for {claim['series'].get('period')} in the store", ev)
    value, stated = float(row["value"]), stated_value(claim)
    unit = row["unit"]
    verdict = "supported" if value == stated else "contradicted"
    explanation = (f"The published figure is {fmt(value, unit)}, as stated." if verdict == "supported" else
                   f"The published figure is {fmt(value, unit)}, not the stated {fmt(stated, unit)}.")
    result = base_result(
        claim, verdict, {"value": value, "unit": unit, "period": row["period"], "entity": row["entity"]}, explanation,
        computation=f"{fmt(value, unit)} ({row['publisher']}, released {row['released']}) "
                    f"{'==' if verdict == 'supported' else '!='} {fmt(stated, unit)}",
        abs_error=value - stated, rel_error=(value - stated) / stated if stated else None, sources=[source_ref(row)],
    )
    if claim.get("definition"):
        result.caveats.append(f"Definition: {claim['definition']}.")
    return finish(judge_part(result, claim), claim)


def finish(result: ClaimResult, claim: dict) -> ClaimResult:
    """Caveats the claims file states for this claim, after the computed ones."""
    result.caveats.extend(c for c in claim.get("caveats", []) if c not in result.caveats)
    return result


def add_usd_growth_view(result: ClaimResult, claim: dict, ev: Evidence, row: pd.Series) -> None:
    """Growth in US dollars from growth in the local currency and the two annual average rates; the
    text says which way the currency moved (computed from the rates, never assumed)."""
    year = row["period"]
    previous = str(int(year) - 1)
    level_name = claim["usd_view"].get("level")
    fx_now = ev.fx(claim["usd_view"]["fx"], year, row["entity"])
    fx_before = ev.fx(claim["usd_view"]["fx"], previous, row["entity"])
    if fx_now is None or fx_before is None:
        result.caveats.append(f"No annual FX rates for {previous} and {year} in the store: no USD view.")
        return
    local = claim["usd_view"].get("currency") or str(fx_now["unit"]).split(" per ")[0]
    growth_local = float(row["value"]) / 100
    rate_before, rate_now = float(fx_before["value"]), float(fx_now["value"])
    growth_usd = (1 + growth_local) * rate_before / rate_now - 1
    if rate_now > rate_before:
        move = f"the {local} weakened from {rate_before:.4f} to {rate_now:.4f} per USD, so growth in dollars is lower"
    elif rate_now < rate_before:
        move = f"the {local} strengthened from {rate_before:.4f} to {rate_now:.4f} per USD, so growth in dollars is higher"
    else:
        move = f"the rate was unchanged at {rate_now:.4f} {local} per USD, so growth in dollars is the same"
    note = claim["usd_view"].get("note", "")
    result.other_views.append({
        "label": "growth in US dollars (converted)",
        "value": growth_usd * 100, "unit": "percent",
        "explanation": (f"(1 + {growth_local:.3f}) × {rate_before:.4f} / {rate_now:.4f} − 1 = {growth_usd * 100:.1f}%: "
                        f"{move} ({fx_label(fx_now)}, annual averages)." + (f" {note}" if note else "")
                        + f" The claim is in {local} and is judged in {local}."),
    })
    result.sources.extend([source_ref(fx_before), source_ref(fx_now)])
    if level_name:
        level = ev.one({**claim["series"], "indicator": level_name, "unit": local})
        earlier = ev.one({**claim["series"], "indicator": level_name, "unit": local, "period": previous})
        if level is not None and earlier is None:
            derived = float(level["value"]) / (1 + growth_local)
            result.other_views.append({
                "label": f"implied {previous} total (derived)",
                "value": derived, "unit": local,
                "explanation": (f"The store holds no {previous} total; {fmt(float(level['value']), local)} ÷ "
                                f"{1 + growth_local:.3f} = {fmt(derived, local)} is derived from the {year} total and its growth."),
            })


def add_breakdown(result: ClaimResult, claim: dict, ev: Evidence) -> None:
    """Per-product and other-publisher figures, each labelled with its basis (never summed into the claim)."""
    for item in claim.get("breakdown", []):
        label = f"{item['label']} ({item['basis']})"
        if "monthly_sum" in item:
            view = monthly_sum_view(item["monthly_sum"], ev)
        else:
            level = ev.one(item["level"]) if item.get("level") else None
            growth = ev.one(item["growth"]) if item.get("growth") else None
            rows = [r for r in (level, growth) if r is not None]
            view = None
            if rows:
                view = {"value": float(growth["value"]) if growth is not None else float(level["value"]),
                        "unit": "percent" if growth is not None else level["unit"], "refs": rows}
                if level is not None:
                    qualifier = f"{level['qualifier']} " if level["qualifier"] else ""
                    caveat = flagged(level["note"])
                    view.update(level=float(level["value"]), level_unit=level["unit"],
                                explanation=f"{qualifier}{fmt(float(level['value']), level['unit'])} in {level['period']}"
                                + (f", {float(growth['value']):+.1f}% on a year earlier" if growth is not None else "")
                                + f" ({level['publisher']})"
                                + (f". Caveat in the data: {caveat}" if caveat else ""))
                else:
                    view["explanation"] = f"{float(growth['value']):+.1f}% on a year earlier ({growth['publisher']})"
        if view is None:
            result.other_views.append({"label": label, "value": None, "unit": "", "basis": "different basis",
                                       "explanation": "not in the store"})
            continue
        refs = view.pop("refs")
        result.other_views.append({"label": label, "basis": "different basis", **view})
        result.sources.extend(source_ref(r) for r in refs)


def monthly_sum_view(spec: dict, ev: Evidence) -> dict | None:
    """Annual totals from monthly rows (e.g. Ember's panels + cells), and their growth."""
    rows = ev.rows({k: v for k, v in spec.items() if k not in ("products", "year")})
    rows = rows[rows["product"].isin(spec["products"])]
    year, previous = spec["year"], str(int(spec["year"]) - 1)
    totals = {}
    for y in (year, previous):
        months = rows[rows["period"].str.startswith(y + "-")]
        if months["period"].nunique() != 12:
            return None  # an incomplete year is not summed
        totals[y] = float(months["value"].sum())
    growth = (totals[year] / totals[previous] - 1) * 100
    refs = [rows[rows["period"].str.startswith(year + "-")].iloc[-1]]
    return {"value": growth, "unit": "percent", "level": totals[year], "level_unit": spec["unit"], "refs": refs,
            "explanation": (f"{fmt(totals[year], spec['unit'])} in {year} vs {fmt(totals[previous], spec['unit'])} in "
                            f"{previous} ({growth:+.1f}%), summed from 24 monthly figures for {' + '.join(spec['products'])}")}


def check_leader(claim: dict, ev: Evidence) -> ClaimResult:
    spec = {k: v for k, v in claim["series"].items() if k != "entity"}
    rows = ev.rows(spec)
    entity = claim["entity"]
    mine = rows[rows["entity"] == entity]
    if mine.empty:
        return unverifiable(claim, f"no {spec['indicator']} for {entity} in {spec.get('period')}", ev,
                            {**spec, "entity": entity})
    count = float(mine.iloc[0]["value"])
    others = rows[rows["entity"] != entity].sort_values("value", ascending=False)
    runner_up = others.iloc[0] if len(others) else None
    runner_value = float(runner_up["value"]) if runner_up is not None else 0.0
    unlisted_max = max(float(claim.get("total", 0)) - float(rows["value"].sum()), 0.0) if claim.get("total") else math.inf
    listed = ", ".join(f"{r.entity} {r.value:g}" for r in others.head(3).itertuples())
    of_total = f" of {claim['total']:g} in all" if claim.get("total") else ""
    if count > runner_value and count > unlisted_max:
        verdict = "supported"
        explanation = (f"{entity} has {count:g}{of_total}; next: {listed}. "
                       f"Entities not listed hold at most {unlisted_max:g} between them, so none can exceed {count:g}.")
    elif count > runner_value:
        verdict = "inconclusive"
        explanation = (f"{entity} leads the entities listed ({count:g}; next {listed}), but entities not listed "
                       f"could hold up to {unlisted_max:g}" + (f"{of_total}." if of_total else " (no total is known)."))
    else:
        verdict = "contradicted"
        tie = " (a tie is not “most”)" if count == runner_value else ""
        explanation = f"{entity} has {count:g}; {runner_up['entity']} has {runner_value:g}{tie}."
    result = base_result(
        claim, verdict, {"value": count, "unit": "count", "runner_up": runner_up["entity"] if runner_up is not None else None,
                         "runner_up_value": runner_value, "unlisted_max": unlisted_max},
        explanation, computation=f"{entity} {count:g} vs next {runner_value:g} (unlisted ≤ {unlisted_max:g})",
        abs_error=count - runner_value, sources=[source_ref(r) for _, r in pd.concat([mine, others.head(1)]).iterrows()],
    )
    return finish(result, claim)


def check_count(claim: dict, ev: Evidence) -> ClaimResult:
    stated = stated_value(claim)
    per_indicator = ev.rows(claim["per_indicator"]) if claim.get("per_indicator") else pd.DataFrame()
    if len(per_indicator):
        firsts = per_indicator[per_indicator["value"] == 1]
        count, refs = float(len(firsts)), [source_ref(r) for _, r in firsts.iterrows()]
        how = f"{len(firsts)} of {len(per_indicator)} ranked indicators have rank 1 for {claim['per_indicator']['entity']}"
    else:
        row = ev.one(claim["series"])
        if row is None:
            result = unverifiable(claim, f"no {claim['series']['indicator']} for {claim['series'].get('entity')} in "
                                         f"{claim['series'].get('period')}, and no per-indicator ranks", ev)
            add_count_context(result, claim, ev)
            return result
        count, refs = float(row["value"]), [source_ref(row)]
        how = f"reported count {count:g} ({row['publisher']})"
    verdict = "supported" if count == stated else "contradicted"
    result = base_result(
        claim, verdict, {"value": count, "unit": "count"},
        f"{how}; the claim says {stated:g}.", computation=f"{count:g} {'==' if count == stated else '!='} {stated:g}",
        abs_error=count - stated, rel_error=(count - stated) / stated, sources=refs,
    )
    add_count_context(result, claim, ev)
    return finish(result, claim)


def add_count_context(result: ClaimResult, claim: dict, ev: Evidence) -> None:
    spec = {k: v for k, v in claim["series"].items() if k != "period"}
    rows = ev.rows(spec)
    rows = rows[rows["period"].isin(claim.get("context_periods", []))]
    for _, row in rows.iterrows():
        result.other_views.append({
            "label": f"{row['period']} (other period)", "value": float(row["value"]), "unit": "count",
            "explanation": f"{row['publisher']}: {row['note']}".strip(": "),
        })
        result.sources.append(source_ref(row))


def check_rank_trend(claim: dict, ev: Evidence) -> ClaimResult:
    rows = ev.rows(claim["series"])
    first, last = claim["window"]["first"], claim["window"]["last"]
    rows = rows[(rows["period"] >= first) & (rows["period"] <= last)].sort_values("period")
    if len(rows) < 2 or rows.iloc[-1]["period"] != last:
        return unverifiable(claim, f"fewer than two ranks between {first} and {last}, or none for {last}", ev,
                            {**claim["series"], "period": last})
    ranks = list(zip(rows["period"], rows["value"].astype(float)))
    net = ranks[0][1] - ranks[-1][1]
    setbacks = [(b[0], b[1] - a[1]) for a, b in zip(ranks, ranks[1:]) if b[1] > a[1]]
    worst = max((s for _, s in setbacks), default=0.0)
    allowed = float(claim.get("max_setback", 0))
    if net > 0 and worst <= allowed:
        verdict = "supported"
    elif net > 0:
        verdict = "misleading"
    else:
        verdict = "contradicted"
    path = " → ".join(f"{p}: {r:g}" for p, r in ranks)
    setback_text = ", ".join(f"{p} (+{s:g})" for p, s in setbacks) or "none"
    direction = f"{net:g} places up" if net > 0 else f"{-net:g} places down" if net < 0 else "no net change"
    explanation = (f"{claim['series'].get('entity', '')} rank went from {ranks[0][1]:g} ({ranks[0][0]}) to {ranks[-1][1]:g} "
                   f"({ranks[-1][0]}), {direction}; periods where it slipped: {setback_text}.").lstrip()
    result = base_result(
        claim, verdict, {"value": ranks[-1][1], "unit": "rank", "first": ranks[0][1], "net_improvement": net,
                         "worst_setback": worst, "path": path},
        explanation, computation=f"net {net:+g} places, worst setback {worst:g} ≤ {allowed:g}" if verdict == "supported"
        else f"net {net:+g} places, worst setback {worst:g} (allowed {allowed:g})",
        sources=[source_ref(r) for _, r in rows.iterrows()],
    )
    missing = [str(y) for y in range(int(first), int(last) + 1) if str(y) not in set(rows["period"])]
    if missing:
        result.caveats.append(f"No rank in the store for {', '.join(missing)}.")
    return finish(result, claim)


def check_opinion(claim: dict, ev: Evidence) -> ClaimResult:
    return ClaimResult(id=claim["id"], quote=claim["quote"], claim=claim.get("claim", ""), check="opinion",
                       verdict="opinion", stated={}, observed=None, explanation=claim["reason"])


RUNNERS = {"threshold": check_threshold, "rounded": check_rounded, "exact": check_exact, "leader": check_leader,
           "count": check_count, "rank_trend": check_rank_trend, "opinion": check_opinion}


# -- the API ---------------------------------------------------------------------------------


def check_all(store: Store | None = None, as_of: str | None = None, path: Path | str | None = None,
              compare: bool = True, catalogue: dict | None = None) -> list[ClaimResult]:
    """Judge every claim as of `as_of` (latest when None) and, with `compare`, say where the
    verdict or the observed figure differs from the other view (article date vs latest)."""
    if as_of is not None:
        try:
            date.fromisoformat(str(as_of))
        except ValueError:
            raise ValueError(f"as-of date {as_of!r} is not a date (YYYY-MM-DD)") from None
    store = store or Store()
    document = load_claims(path, catalogue, strict=False)
    evidence = Evidence(store, as_of)
    judged = [(claim["_index"], check_one(claim, evidence)) for claim in document["claims"]]
    judged += [(problem["index"], error_result(problem)) for problem in document["errors"]]
    results = [result for _, result in sorted(judged, key=lambda pair: pair[0])]
    for result in results:
        result.as_of = as_of
    if compare:
        other_date = None if as_of else document["article"].get("as_of")
        if other_date != as_of:
            label = "latest data" if other_date is None else f"data published by {other_date} (the article's date)"
            others = {r.id: r for r in check_all(store, other_date, path, compare=False, catalogue=catalogue)}
            for result in results:
                other = others[result.id]
                if result.verdict in ("opinion", "error"):
                    continue
                observed_then = (other.observed or {}).get("value")
                observed_now = (result.observed or {}).get("value")
                differs = other.verdict != result.verdict or observed_then != observed_now
                result.compared_with = {"as_of": other_date, "verdict": other.verdict, "observed": observed_then,
                                        "differs": differs}
                if differs:
                    result.caveats.append(
                        f"With {label} the verdict is {other.verdict}"
                        + (f" (observed {fmt(observed_then, (other.observed or {}).get('unit', ''))})" if observed_then is not None else "")
                        + "."
                    )
    return results


def check_article(store: Store | None, article: articles_mod.Article, as_of: str | None = None,
                  currency: str | None = None, compare: bool = True, catalogue: dict | None = None) -> list[ClaimResult]:
    """Judge one article's claims as of `as_of` (latest when None), compared with the article's own date.

    `currency` is the page state (CNY/USD) and does not change a verdict: a claim is judged in the
    currency it states, and the other currency appears among its `other_views`."""
    results = check_all(store=store, as_of=as_of, path=article.claims_path, compare=compare, catalogue=catalogue)
    found = claim_matches(article.claims_path.parent.parent.parent)
    for result in results:
        result.also_in = [a.to_dict() for a in matching.other_appearances(found, article.slug, result.id)]
    return results


def article_claims(data_dir: Path | None = None) -> list[tuple[articles_mod.Article, list[dict]]]:
    """Every bundled article with its valid claims (bad claims are left out here; `check` reports them)."""
    return [(article, load_claims(article.claims_path, strict=False)["claims"])
            for article in articles_mod.load_articles(data_dir)]


def claim_matches(data_dir: Path | None = None) -> list[matching.ClaimMatch]:
    """Claims stated in more than one bundled article (same figure and series, or `same_as:`)."""
    return matching.find_matches(article_claims(data_dir))


def check_one(claim: dict, ev: Evidence) -> ClaimResult:
    """One claim's result; a failure inside a rule becomes an `error` result for that claim only."""
    try:
        return RUNNERS[claim["check"]](claim, ev)
    except Exception as exc:  # noqa: BLE001 - one claim's failure must not stop the others
        return error_result({"id": claim.get("id", "?"), "quote": claim.get("quote", ""), "check": claim.get("check", ""),
                             "message": f"claim {claim.get('id')!r}: could not be judged: {type(exc).__name__}: {exc}"})


def results_frame(results: list[ClaimResult]) -> pd.DataFrame:
    """The results as a DataFrame, one row per claim (for notebooks)."""
    return pd.DataFrame([r.to_dict() for r in results])


def stated_text(result: ClaimResult) -> str:
    if result.verdict == "opinion":
        return "-"
    return result.stated.get("text", "")


def observed_text(result: ClaimResult) -> str:
    if not result.observed:
        return "-"
    qualifier = f"{result.observed.get('qualifier')} " if result.observed.get("qualifier") else ""
    return qualifier + fmt(result.observed.get("value"), result.observed.get("unit", ""))


def format_table(results: list[ClaimResult], width: int = 60) -> str:
    """A readable plain-text table: verdict, stated, observed, quote, explanation."""
    lines = []
    for r in results:
        quote = r.quote if len(r.quote) <= width * 2 else r.quote[: width * 2 - 1] + "…"
        lines.append(f"[{r.verdict.upper()}] {r.id}")
        lines.append(f"  quote:    “{quote}”" if not r.quote.startswith("“") else f"  quote:    {quote}")
        if r.verdict not in ("opinion", "error"):
            lines.append(f"  stated:   {stated_text(r)}")
            lines.append(f"  observed: {observed_text(r)}" + (f"   ({r.computation})" if r.computation else ""))
        lines.append(f"  why:      {r.explanation}")
        for view in r.other_views:
            detail = f" ({view['explanation']})" if view.get("basis") else ""
            lines.append(f"  also:     {view['label']}: {fmt(view['value'], view['unit'])}{detail}")
        for caveat in r.caveats:
            lines.append(f"  caveat:   {caveat}")
        if r.also_in:
            lines.append("  also in:  " + "; ".join(f"{a['label']} ({a['article']}#{a['claim_id']})" for a in r.also_in))
        if r.sources:
            names = sorted({f"{provenance(s['publisher'], s.get('read_via'))}, vintage {s['vintage']}" for s in r.sources})
            lines.append(f"  sources:  {'; '.join(names)}")
        lines.append("")
    lines.append(verdict_counts_text(results))
    return "\n".join(lines)


def verdict_counts(results: list[ClaimResult]) -> dict[str, int]:
    """How many results have each verdict, in the order of VERDICTS (verdicts with none left out)."""
    counts = pd.Series([r.verdict for r in results], dtype=object).value_counts()
    return {v: int(counts[v]) for v in VERDICTS if v in counts}


def verdict_counts_text(results: list[ClaimResult]) -> str:
    return "verdicts: " + ", ".join(f"{v} {n}" for v, n in verdict_counts(results).items())


def _clean(value):
    """JSON-safe: NaN/inf become None."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
