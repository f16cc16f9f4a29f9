"""leader, count, rank_trend and opinion: claims about who leads, how many, and which way a rank moved."""

from __future__ import annotations

import math

import pandas as pd

from indicators import derive

from indicators.claims.evidence import Evidence, as_spec, source_ref
from indicators.claims.result import ClaimResult
from indicators.claims.rules.common import base_result, finish, stated_value, typed, unverifiable


def _n(value: float) -> str:
    return f"{value:g}"


def check_leader(claim, ev: Evidence) -> ClaimResult:
    """"The most X": the entity's count is strictly the largest among the economies the store holds
    counts for, and larger than anything the economies it does not hold could have (total − listed sum)."""
    claim = typed(claim)
    spec = as_spec(claim.series)
    spec.pop("entity", None)
    rows = ev.rows(spec)
    rows = rows.drop_duplicates("entity", keep="last")
    # the world's row is the sum of every economy, not a rival: it is the total when the claim gives none
    world = rows[rows["entity"] == "WLD"]
    rows = rows[rows["entity"] != "WLD"]
    total = claim.total if claim.total is not None else (float(world.iloc[0]["value"]) if len(world) else None)
    entity = claim.entity
    mine = rows[rows["entity"] == entity]
    if mine.empty:
        return finish(unverifiable(claim, f"no {spec['indicator']} for {entity} in {spec.get('period')}", ev,
                                   {**spec, "entity": entity}), claim)
    count = float(mine.iloc[0]["value"])
    others = rows[rows["entity"] != entity].sort_values("value", ascending=False)
    runner_up = others.iloc[0] if len(others) else None
    runner_value = float(runner_up["value"]) if runner_up is not None else 0.0
    listed_sum = float(rows["value"].sum())
    held = ", ".join(f"{r.entity} {_n(float(r.value))}" for r in pd.concat([mine, others]).itertuples())
    holds = (f"The store holds counts for {len(rows)} {'economy' if len(rows) == 1 else 'economies'} "
             f"({held}; together {_n(listed_sum)}).")
    if total is not None:
        unlisted_max = max(float(total) - listed_sum, 0.0)
        unlisted = (f"The other economies hold at most {_n(float(total))} − {_n(listed_sum)} = {_n(unlisted_max)} "
                    f"between them" + (" (the world's total)" if claim.total is None else ""))
    else:
        unlisted_max = math.inf
        unlisted = "No total is known, so the economies the store does not hold could hold any number"
    if count <= runner_value:
        verdict = "contradicted"
        tie = " (a tie is not “most”)" if count == runner_value else ""
        explanation = f"{holds} {entity} has {_n(count)}; {runner_up['entity']} has {_n(runner_value)}{tie}."
    elif count > unlisted_max:
        verdict = "supported"
        explanation = (f"{holds} {entity} has the most of them, {_n(count)} (next: {runner_up['entity'] if runner_up is not None else 'none'} "
                       f"{_n(runner_value)}). {unlisted}, fewer than {_n(count)}, so no other economy can match {entity}.")
    else:
        verdict = "inconclusive"
        explanation = (f"{holds} {entity} leads them with {_n(count)}, but: {unlisted}, "
                       + (f"so one of them could hold {_n(count)} or more." if math.isfinite(unlisted_max) else "so one could hold more.")
                       + " The counts of the other economies are needed.")
    observed = {"value": count, "unit": "count", "runner_up": runner_up["entity"] if runner_up is not None else None,
                "runner_up_value": runner_value, "unlisted_max": unlisted_max, "listed": len(rows),
                "listed_sum": listed_sum, "total": total}
    result = base_result(
        claim, verdict, observed, explanation,
        computation=f"{entity} {_n(count)} vs next {_n(runner_value)}; unlisted ≤ "
                    + (f"{_n(float(total))} − {_n(listed_sum)} = {_n(unlisted_max)}" if total is not None else "?"),
        abs_error=count - runner_value, sources=[source_ref(r) for _, r in pd.concat([mine, others]).iterrows()],
    )
    return finish(result, claim)


def check_count(claim, ev: Evidence) -> ClaimResult:
    claim = typed(claim)
    stated = stated_value(claim)
    per_indicator = ev.rows(as_spec(claim.per_indicator)) if claim.per_indicator else pd.DataFrame()
    if len(per_indicator):
        firsts = per_indicator[per_indicator["value"] == 1]
        count, refs = float(len(firsts)), [source_ref(r) for _, r in firsts.iterrows()]
        how = f"{len(firsts)} of {len(per_indicator)} ranked indicators have rank 1 for {claim.per_indicator.entity}"
    else:
        row = ev.one(claim.series)
        if row is None:
            result = unverifiable(claim, f"no {claim.series.indicator} for {claim.series.entity} in "
                                         f"{claim.series.period}, and no per-indicator ranks", ev)
            add_count_context(result, claim, ev)
            return finish(result, claim)
        try:
            derive.check_units(claim.stated.unit, str(row["unit"]))
        except derive.DerivationError as problem:
            return finish(base_result(claim, "error", None, f"claim {claim.id!r}: units differ: {problem}."), claim)
        count, refs = float(row["value"]), [source_ref(row)]
        how = f"reported count {_n(count)} ({row['publisher']})"
    verdict = "supported" if count == stated else "contradicted"
    result = base_result(
        claim, verdict, {"value": count, "unit": "count"},
        f"{how}; the claim says {_n(stated)}.", computation=f"{_n(count)} {'==' if count == stated else '!='} {_n(stated)}",
        abs_error=count - stated, rel_error=(count - stated) / stated if stated else None, sources=refs,
    )
    add_count_context(result, claim, ev)
    return finish(result, claim)


def add_count_context(result: ClaimResult, claim, ev: Evidence) -> None:
    spec = as_spec(claim.series)
    spec.pop("period", None)
    rows = ev.rows(spec)
    rows = rows[rows["period"].isin(claim.context_periods)]
    for _, row in rows.iterrows():
        result.other_views.append({
            "label": f"{row['period']} (other period)", "value": float(row["value"]), "unit": "count",
            "explanation": f"{row['publisher']}: {row['note']}".strip(": "),
        })
        result.sources.append(source_ref(row))


def check_rank_trend(claim, ev: Evidence) -> ClaimResult:
    claim = typed(claim)
    rows = ev.rows(as_spec(claim.series))
    first, last = claim.window.first, claim.window.last
    rows = rows[(rows["period"] >= first) & (rows["period"] <= last)].sort_values("period")
    if len(rows) < 2 or rows.iloc[-1]["period"] != last:
        return finish(unverifiable(claim, f"fewer than two ranks between {first} and {last}, or none for {last}", ev,
                                   {**claim.series.model_dump(), "period": last}), claim)
    ranks = list(zip(rows["period"], rows["value"].astype(float)))
    net = ranks[0][1] - ranks[-1][1]
    setbacks = [(b[0], b[1] - a[1]) for a, b in zip(ranks, ranks[1:]) if b[1] > a[1]]
    worst = max((s for _, s in setbacks), default=0.0)
    allowed = float(claim.max_setback)
    if net > 0 and worst <= allowed:
        verdict = "supported"
    elif net > 0:
        verdict = "misleading"
    else:
        verdict = "contradicted"
    path = " → ".join(f"{p}: {r:g}" for p, r in ranks)
    setback_text = ", ".join(f"{p} (+{s:g})" for p, s in setbacks) or "none"
    direction = f"{net:g} places up" if net > 0 else f"{-net:g} places down" if net < 0 else "no net change"
    explanation = (f"{claim.series.entity or ''} rank went from {ranks[0][1]:g} ({ranks[0][0]}) to {ranks[-1][1]:g} "
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


def check_opinion(claim, ev: Evidence) -> ClaimResult:
    claim = typed(claim)
    return ClaimResult(id=claim.id, quote=claim.quote, claim=claim.claim, check="opinion",
                       verdict="opinion", stated={}, observed=None, explanation=claim.reason)
