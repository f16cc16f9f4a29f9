"""Judging a claims file: every claim through its rule, the article-date comparison, claim matching."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel

from indicators import articles as articles_mod
from indicators.claims import matching, schema
from indicators.claims.evidence import Evidence, OwnSource
from indicators.claims.loader import article_claims, load_claims, validated
from indicators.claims.result import ClaimResult, fmt
from indicators.claims.rules import RUNNERS
from indicators.claims.rules.common import error_result, typed
from indicators.store import Store


def own_source(article: dict | None) -> OwnSource:
    """The article being judged, as the independence rule sees it (its URL and its copies)."""
    article = article or {}
    urls = tuple(u for u in [article.get("url"), *(article.get("copies") or [])] if u)
    return OwnSource(urls=urls, label=str(article.get("title", "")))


def check_all(store: Store | None = None, as_of: str | None = None, path: Path | str | None = None,
              compare: bool = True, catalogue: dict | None = None, document: dict | None = None) -> list[ClaimResult]:
    """Judge every claim as of `as_of` (latest when None) and, with `compare`, say where the
    verdict or the observed figure differs from the other view (article date vs latest). `document`: the
    claims as a claims file would hold them, drafted in memory (the spotter's: validated as a file's are,
    without writing one and reading it back), instead of the file at `path`."""
    if as_of is not None:
        try:
            date.fromisoformat(str(as_of))
        except ValueError:
            raise ValueError(f"as-of date {as_of!r} is not a date (YYYY-MM-DD)") from None
    store = store or Store()
    if document is not None and compare:
        raise ValueError("a document drafted in memory is judged without comparison (compare=False)")
    document = (validated({**document, "claims": list(document["claims"])}, "drafted claims", catalogue, strict=False)
                if document is not None else load_claims(path, catalogue, strict=False))
    evidence = Evidence(store, as_of, own_source(document.get("article")))
    evidence.prefetch(series_specs(document["models"]))
    judged = [(raw["_index"], check_one(model, evidence)) for raw, model in zip(document["claims"], document["models"])]
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


def series_specs(value) -> list[dict]:
    """Every series the claims name (each mapping with a source and an indicator, at any depth: the
    evidence, breakdowns, independent figures), to be read together (Evidence.prefetch)."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    if isinstance(value, dict):
        found = [value] if "source" in value and "indicator" in value else []
        return found + [spec for item in value.values() for spec in series_specs(item)]
    if isinstance(value, (list, tuple)):
        return [spec for item in value for spec in series_specs(item)]
    return []


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


def claim_matches(data_dir: Path | None = None) -> list[matching.ClaimMatch]:
    """Claims stated in more than one bundled article (same figure and series, or `same_as:`)."""
    return matching.find_matches(article_claims(data_dir))


def under_review(result: ClaimResult, reason: str) -> ClaimResult:
    """A claim whose mapping a person must still confirm (`review:`) is never called false: an accusing
    verdict becomes `needs-review`, saying what the data showed and why it is not a finding."""
    if reason and result.verdict in ("contradicted", "misleading"):
        result.explanation = (f"The data differ ({result.verdict} on this mapping: {result.explanation}) but the "
                              f"mapping is not confirmed: {reason} A person must review it.")
        result.verdict = "needs-review"
    return result


def check_one(claim: dict | BaseModel, ev: Evidence) -> ClaimResult:
    """One claim's result (a mapping is validated first); a claim that breaks the schema, or a failure
    inside a rule, becomes an `error` result for that claim only."""
    raw = claim if isinstance(claim, dict) else {"id": getattr(claim, "id", "?"), "quote": getattr(claim, "quote", ""),
                                                 "check": getattr(claim, "check", "")}
    try:
        model = typed(claim)
    except schema.ClaimProblem as problem:
        return error_result({"id": problem.claim_id, "quote": raw.get("quote", ""), "check": raw.get("check", ""),
                             "message": f"claim {problem.claim_id!r}: could not be judged: {problem}"})
    try:
        return under_review(RUNNERS[model.check](model, ev), model.review)
    except Exception as exc:  # noqa: BLE001 - one claim's failure must not stop the others
        return error_result({"id": raw.get("id", "?"), "quote": raw.get("quote", ""), "check": raw.get("check", ""),
                             "message": f"claim {raw.get('id')!r}: could not be judged: {type(exc).__name__}: {exc}"})
