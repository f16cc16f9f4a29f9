"""Other views shown beside a verdict: the figure in the other currency, per-product breakdowns and
annual sums of monthly data. Every number is derived through indicators.derive; none changes a verdict."""

from __future__ import annotations

import pandas as pd

from indicators import derive
from indicators.claims import schema
from indicators.claims.evidence import Evidence, as_spec, source_ref
from indicators.claims.result import ClaimResult, fmt
from indicators.frame import flagged


def other_currency(unit: str) -> str | None:
    """The currency a CNY or USD figure is also shown in."""
    return ({"CNY", "USD"} - {unit}).pop() if unit in derive.CONVERTIBLE else None


def add_currency_view(result: ClaimResult, claim, ev: Evidence, row: pd.Series, converted: bool) -> None:
    """The claim's figure in the other currency: a level converted at the period's average rate, a
    growth rate converted from growth in the local currency and the two annual average rates (never
    from levels). A figure that is neither money nor a growth rate gets no currency view."""
    view = claim.usd_view
    unit = str(row["unit"])
    kind = derive.kind_of(unit)
    rates = ev.rates()
    if kind == "money":
        if converted:  # the comparison already converted the series: show it as published
            result.other_views.append({"label": f"as published, in {unit}", "value": float(row["value"]), "unit": unit,
                                       "explanation": f"{fmt(float(row['value']), unit)} ({row['publisher']})."})
            return
        target = other_currency(unit)
        try:
            derived = rates.convert(float(row["value"]), unit, target, str(row["period"]))
        except derive.DerivationError as problem:
            result.caveats.append(f"No view in {target}: {problem}.")
            return
        label = "in US dollars (converted)" if target == "USD" else "in yuan (converted)"
        result.other_views.append({
            "label": label, "value": derived.value, "unit": target,
            "explanation": f"{derived.text}." + (f" {view.note}" if view.note else "")
                           + f" The claim itself is in {claim.stated.unit}.",
        })
        result.sources.extend(source_ref(r) for r in derived.rows)
        return
    if kind != "percent":
        result.caveats.append(f"No currency view: the figure is in {unit}, not money or a growth rate.")
        return
    year = str(row["period"])[:4]
    local = view.currency or _local_currency(rates, year)
    try:
        derived = rates.growth_in(float(row["value"]), local, other_currency(local) or "USD", year)
    except derive.DerivationError as problem:
        result.caveats.append(f"No growth in US dollars: {problem}.")
        return
    target = other_currency(local) or "USD"
    result.other_views.append({
        "label": "growth in US dollars (converted)" if target == "USD" else "growth in yuan (converted)",
        "value": derived.value, "unit": "percent",
        "explanation": f"{derived.text}." + (f" {view.note}" if view.note else "")
                       + f" The claim is in {local} and is judged in {local}.",
    })
    result.sources.extend(source_ref(r) for r in derived.rows)
    if view.level:
        previous = str(int(year) - 1)
        spec = {**as_spec(claim.series), "indicator": view.level, "unit": local}
        level = ev.one(spec)
        earlier = ev.one({**spec, "period": previous})
        if level is not None and earlier is None:
            factor = 1 + float(row["value"]) / 100
            implied = float(level["value"]) / factor
            result.other_views.append({
                "label": f"implied {previous} total (derived)", "value": implied, "unit": local,
                "explanation": (f"The store holds no {previous} total; {fmt(float(level['value']), local)} ÷ "
                                f"{factor:.3f} = {fmt(implied, local)} is derived from the {year} total and its growth."),
            })


def _local_currency(rates: derive.Rates, year: str) -> str:
    row = rates.row(year)
    return str(row["unit"]).split(" per ")[0] if row is not None and " per " in str(row["unit"]) else "CNY"


def monthly_sum(spec: schema.MonthlySum, ev: Evidence) -> derive.Derived:
    """A year's total from monthly (or quarterly) rows, or its growth on the year before (derive.annual_total,
    derive.growth); DerivationError when a period is missing."""
    rows = ev.rows(spec.spec())
    if spec.products:
        rows = rows[rows["product"].isin(spec.products)]
    what = " + ".join(spec.products)
    year, previous = spec.year, str(int(spec.year) - 1)
    total = derive.annual_total(rows, year, spec.freq, what)
    if spec.measure == "level":
        return total
    before = derive.annual_total(rows, previous, spec.freq, what)
    grown = derive.growth(total.value, before.value, total.unit, year, previous, total.rows[-1:])
    return derive.Derived(grown.value, "percent", f"{grown.text}; {total.text}; {before.text}", total.rows[-1:])


def add_breakdown(result: ClaimResult, claim, ev: Evidence) -> None:
    """Per-product and other-publisher figures, each labelled with its basis (never summed into the claim)."""
    for item in getattr(claim, "breakdown", []):
        label = f"{item.label} ({item.basis})"
        view = None
        if item.monthly_sum is not None:
            view = _monthly_sum_view(item.monthly_sum, ev)
        else:
            level = ev.one(item.level) if item.level else None
            growth = ev.one(item.growth) if item.growth else None
            rows = [r for r in (level, growth) if r is not None]
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


def _monthly_sum_view(spec: schema.MonthlySum, ev: Evidence) -> dict | None:
    """Annual totals from monthly rows (e.g. Ember's panels + cells) and their growth."""
    try:
        level = monthly_sum(spec.model_copy(update={"measure": "level"}), ev)
        grown = monthly_sum(spec.model_copy(update={"measure": "growth"}), ev)
    except derive.DerivationError:
        return None
    previous = str(int(spec.year) - 1)
    return {"value": grown.value, "unit": "percent", "level": level.value, "level_unit": level.unit,
            "refs": list(level.rows[-1:]),
            "explanation": (f"{fmt(level.value, level.unit)} in {spec.year} vs "
                            f"{fmt(level.value / (1 + grown.value / 100), level.unit)} in {previous} "
                            f"({grown.value:+.1f}%), summed from the {'monthly' if spec.freq == 'M' else 'quarterly'} figures of both years for {' + '.join(spec.products) or spec.indicator}")}
