"""Claim matching: the same claim stated in several articles is one claim with several appearances.

Two claims match when they state the same thing about the same data: the same check kind, evidence
series (source, indicator and every narrowing key), entity, comparator and stated figure (value ×
scale, and the precision `step` for a rounded figure), or when one names the other with
`same_as: <article slug>#<claim id>`. Matching is transitive (a union of both kinds of link).
Pure functions over loaded articles and their claims: no store, no verdicts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SERIES_KEYS = ("source", "dataset", "indicator", "entity", "counterpart", "product", "period", "freq", "unit")


@dataclass(frozen=True)
class Appearance:
    """One place a claim was stated: which article, which claim id there, and the exact quote."""

    article: str  # the article's slug
    label: str  # "China Daily 2024-03-12"
    claim_id: str
    quote: str
    url: str | None
    published: str
    author: str = ""
    title: str = ""
    outlet: str = ""

    @property
    def ref(self) -> str:
        return f"{self.article}#{self.claim_id}"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ClaimMatch:
    """A claim stated in more than one place; `reasons` says why the appearances were joined."""

    appearances: list[Appearance]
    reasons: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.appearances[0].ref


def match_key(claim: dict) -> tuple | None:
    """What a claim states, as a hashable key; None for an opinion or a claim without a figure."""
    if claim.get("check") in (None, "opinion") or not isinstance(claim.get("series"), dict):
        return None
    stated = claim.get("stated") or {}
    value = stated.get("value")
    figure = None if value is None else round(float(value) * float(stated.get("scale", 1) or 1), 9)
    step = claim.get("step")
    step_abs = None if step is None else round(float(step) * float(stated.get("scale", 1) or 1), 9)
    series = tuple((key, str(claim["series"][key])) for key in SERIES_KEYS if claim["series"].get(key) is not None)
    return (claim["check"], series, claim.get("entity"), stated.get("comparator"), figure, step_abs)


def resolve_same_as(link: str, article: str) -> str:
    """'slug#id' as it is; '#id' (or 'id') within the same article."""
    if "#" not in link:
        return f"{article}#{link}"
    slug, claim_id = link.split("#", 1)
    return f"{slug or article}#{claim_id}"


def find_matches(documents: list[tuple[object, list[dict]]]) -> list[ClaimMatch]:
    """Groups of two or more appearances of the same claim across the given (article, claims) pairs,
    in the order of the articles given (default article first)."""
    appearances: dict[str, Appearance] = {}
    claims_by_ref: dict[str, dict] = {}
    for article, claims in documents:
        for claim in claims:
            appearance = Appearance(article=article.slug, label=article.label, claim_id=str(claim["id"]),
                                    quote=str(claim.get("quote", "")), url=article.url, published=article.published,
                                    author=article.author, title=article.title, outlet=article.outlet)
            appearances[appearance.ref] = appearance
            claims_by_ref[appearance.ref] = claim
    parent = {ref: ref for ref in appearances}
    reasons: dict[str, set[str]] = {}

    def root(ref: str) -> str:
        while parent[ref] != ref:
            parent[ref] = parent[parent[ref]]
            ref = parent[ref]
        return ref

    def join(a: str, b: str, reason: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=list(appearances).index)
            parent[second] = first
            reasons.setdefault(first, set()).update(reasons.pop(second, set()))
        reasons.setdefault(root(a), set()).add(reason)

    by_key: dict[tuple, str] = {}
    for ref, claim in claims_by_ref.items():
        key = match_key(claim)
        if key is None:
            continue
        if key in by_key:
            join(by_key[key], ref, "same series, period, comparator and stated figure")
        else:
            by_key[key] = ref
    for ref, claim in claims_by_ref.items():
        if claim.get("same_as"):
            target = resolve_same_as(str(claim["same_as"]), appearances[ref].article)
            if target in appearances:
                join(target, ref, f"same_as: {claim['same_as']}")
    groups: dict[str, list[Appearance]] = {}
    for ref, appearance in appearances.items():
        groups.setdefault(root(ref), []).append(appearance)
    return [ClaimMatch(appearances=members, reasons=sorted(reasons.get(head, set())))
            for head, members in groups.items() if len(members) > 1]


def broken_links(documents: list[tuple[object, list[dict]]]) -> list[str]:
    """`same_as` links that point at no claim of the given articles, as 'slug#id -> target' lines."""
    known = {f"{article.slug}#{claim['id']}" for article, claims in documents for claim in claims}
    return [f"{article.slug}#{claim['id']} -> {claim['same_as']}"
            for article, claims in documents for claim in claims
            if claim.get("same_as") and resolve_same_as(str(claim["same_as"]), article.slug) not in known]


def other_appearances(matches: list[ClaimMatch], article: str, claim_id: str) -> list[Appearance]:
    """Where else this article's claim was stated ("also stated in: ...")."""
    ref = f"{article}#{claim_id}"
    for match in matches:
        refs = [a.ref for a in match.appearances]
        if ref in refs:
            return [a for a in match.appearances if a.ref != ref]
    return []
