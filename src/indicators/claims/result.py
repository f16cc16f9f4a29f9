"""A claim's result and the words it is printed with: every number in a sentence is printed with
enough digits that the sentence's comparison holds for the printed figures too."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import pandas as pd

from indicators import verdicts
from indicators.frame import provenance

SCALE_WORDS = {1e12: "trillion", 1e9: "billion", 1e6: "million"}
SIDE_WORDS = {">": "above", ">=": "at or above", "<": "below", "<=": "at or below"}
EXACT_UNITS = {"rank", "count"}  # published as whole numbers that carry no rounding
VERDICTS = verdicts.VERDICTS


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


def published_half_width(value: float) -> float:
    """Half a unit of the last significant digit: 1.06e12 was published to 0.01e12, so ±0.005e12."""
    if abs(value) < 1e-300 or not math.isfinite(value):  # zero, or too small to carry digits
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


def printed(value: float, unit: str = "", digits: int | None = None) -> float:
    """The number a reader gets back from `fmt(value, unit, digits)`."""
    for scale in SCALE_WORDS:
        if abs(value) >= scale:
            return float(f"{value / scale:.{digits or 4}g}") * scale
    if unit in ("rank", "count"):
        return float(f"{value:g}")
    return float(f"{value:.{digits or (3 if unit == 'percent' else 6)}g}")


def fmt_exact(value: float, unit: str = "") -> str:
    """A stated or edge figure printed with every digit it has (1.001% stays 1.001%, never 1%)."""
    if value is None or not math.isfinite(value):
        return fmt(value, unit)
    default = 3 if unit == "percent" else 4 if abs(value) >= min(SCALE_WORDS) else 6
    digits = _digits_needed(value)
    return fmt(value, unit, digits) if digits > default else fmt(value, unit)


def fmt_range(low: float, high: float, unit: str = "") -> str:
    """A band '[low, high)' with enough digits to show both edges: [77.55%, 77.65%), not [77.5%, 77.6%)."""
    if not math.isfinite(high):
        return f"[{fmt(low, unit, max(_digits_needed(low), 3))}, ∞)"
    digits = max(_digits_needed(low), _digits_needed(high), 3)
    return f"[{fmt(low, unit, digits)}, {fmt(high, unit, digits)})"


def fmt_against(value: float, edges: list[float], unit: str = "") -> str:
    """`value` printed with enough digits that it sits on the same side of each edge (as the edges
    are printed) as the value itself: never '1.585 million' for 1,584,999 against a band from 1.585 million."""
    edges = [e for e in edges if e is not None and math.isfinite(e)]
    printed_edges = [printed(e, unit, max(_digits_needed(e), 3)) for e in edges]
    base = 3 if unit == "percent" else 4 if abs(value) >= min(SCALE_WORDS) else 6
    for digits in range(base, 17):
        shown = printed(value, unit, digits) if unit not in ("rank", "count") else value
        if all(_side(shown, pe) == _side(value, e) for pe, e in zip(printed_edges, edges)):
            return fmt(value, unit, digits if digits != base else None)
    return fmt(value, unit, 16)


def _side(value: float, edge: float) -> int:
    return (value > edge) - (value < edge)


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


def _clean(value):
    """JSON-safe: NaN/inf become None."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


# -- tables ----------------------------------------------------------------------------------


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
