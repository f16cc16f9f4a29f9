"""What every rule shares: the typed claim, a result from it, unverifiable and error results."""

from __future__ import annotations

from pydantic import BaseModel

from indicators.claims import schema
from indicators.claims.evidence import Evidence, as_spec, source_ref
from indicators.claims.result import ClaimResult


def typed(claim: dict | BaseModel) -> BaseModel:
    """The claim as its validated model (a mapping is validated: schema.ClaimProblem when it breaks the schema)."""
    if isinstance(claim, BaseModel):
        return claim
    return schema.validate({k: v for k, v in claim.items() if not str(k).startswith("_")}, 0)


def stated_value(claim: dict | BaseModel) -> float:
    """The stated figure, value × scale, in the stated unit."""
    if isinstance(claim, dict):
        stated = claim["stated"]
        return float(stated["value"]) * float(stated.get("scale", 1) or 1)
    return float(claim.stated.value) * float(claim.stated.scale)


def error_result(problem: dict) -> ClaimResult:
    """A claim that could not be judged: its file, id and field (or both units) are in the explanation."""
    return ClaimResult(id=str(problem["id"]), quote=str(problem.get("quote", "")), claim=str(problem.get("claim", "")),
                       check=str(problem.get("check", "")), verdict="error", stated=dict(problem.get("stated") or {}),
                       observed=None, explanation=problem["message"])


def base_result(claim, verdict: str, observed: dict | None, explanation: str, **extra) -> ClaimResult:
    stated = claim.stated.model_dump() if getattr(claim, "stated", None) is not None else {}
    if stated.get("value") is not None:
        stated["value_unscaled"] = stated_value(claim)
    return ClaimResult(
        id=claim.id, quote=claim.quote, claim=claim.claim, check=claim.check,
        verdict=verdict, stated=stated, observed=observed, explanation=explanation,
        loader=claim.loader if verdict == "unverifiable" else "", **extra,
    )


def finish(result: ClaimResult, claim) -> ClaimResult:
    """Caveats the claims file states for this claim, after the computed ones."""
    result.caveats.extend(c for c in claim.caveats if c not in result.caveats)
    return result


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


def unverifiable(claim, what: str, ev: Evidence | None = None, spec=None) -> ClaimResult:
    """No evidence: either the data were published after the as-of date (said exactly, with the
    release date the store holds), or they are not in the store (the loader that fetches them is named)."""
    spec = as_spec(spec if spec is not None else getattr(claim, "series", None))
    later = ev.published_later(spec) if ev is not None else None
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
        f"Unverifiable with the bundled data: {what}. The loader that would fetch it: {claim.loader or 'none known'}.",
    )
