"""schema.org ClaimReview JSON-LD for an article's verdicts: the format fact-checkers publish and
search engines (Google's Fact Check Explorer) read.

One ClaimReview per claim the engine rated on the scale below; opinions, unverifiable claims and
errors have no rating and get none. The reviewing organisation comes from the environment
(`INDICATORS_ORG_NAME`, `INDICATORS_ORG_URL`) unless the caller passes `author`. The review's
`url` is the claim's deep link on the scorecard, `/article/<slug>#claim-<id>`.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

from indicators import verdicts
from indicators.articles import Article
from indicators.claims import ClaimResult
from indicators.frame import provenance

# ratingValue on a 1 (worst) to 5 (best) scale, and the verdict in words (alternateName): indicators/verdicts.py.
RATINGS = verdicts.RATINGS
BEST, WORST = verdicts.BEST_RATING, verdicts.WORST_RATING
DEFAULT_ORG_NAME = "factcheck-indicators"


def default_author() -> dict:
    """The organisation publishing the reviews: INDICATORS_ORG_NAME / INDICATORS_ORG_URL."""
    author = {"@type": "Organization", "name": os.environ.get("INDICATORS_ORG_NAME") or DEFAULT_ORG_NAME}
    if os.environ.get("INDICATORS_ORG_URL"):
        author["url"] = os.environ["INDICATORS_ORG_URL"]
    return author


LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def publishing_warnings(base_url: str, author: dict | None = None) -> list[str]:
    """What would make published reviews wrong, each with what sets it right: claim links on this
    machine (localhost, 127.0.0.1: the `--base-url` default) and the default organisation name."""
    from urllib.parse import urlsplit

    warnings = []
    try:
        host = (urlsplit(base_url).hostname or "").lower()
    except ValueError:
        host = ""
    if host in LOCAL_HOSTS or host.endswith(".localhost") or host.startswith("127."):
        warnings.append(f"the reviews' URLs point at {base_url.rstrip('/')} (this machine): set where the dashboard is "
                        "public with --base-url URL or INDICATORS_BASE_URL")
    author = author or default_author()
    if author.get("name") == DEFAULT_ORG_NAME:
        warnings.append(f"the reviewing organisation is the default {DEFAULT_ORG_NAME!r}: set INDICATORS_ORG_NAME "
                        "(and INDICATORS_ORG_URL, its site)")
    return warnings


def claim_url(base_url: str, slug: str, claim_id: str) -> str:
    """The claim's deep link on the scorecard page."""
    return f"{base_url.rstrip('/')}/article/{slug}#claim-{claim_id}"


def appearance(url: str | None, title: str, outlet: str, published: str) -> dict:
    work = {"@type": "CreativeWork", "headline": title, "datePublished": published,
            "publisher": {"@type": "Organization", "name": outlet}}
    if url:
        work["url"] = url
    return work


def based_on(sources: list[dict]) -> list[dict]:
    """The data a verdict rests on, one schema.org Dataset per publisher page and vintage: `publisher`
    is who published the figures, `name` also says where they were read ("WIPO, read via
    natlawreview.com" or "... (read from the primary source)"), `url` is the page opened."""
    works: dict[tuple, dict] = {}
    for ref in sources:
        key = (ref.get("publisher"), ref.get("read_via") or "", ref.get("url") or "", ref.get("source"), ref.get("vintage"))
        if key in works:
            continue
        work = {"@type": "Dataset", "name": provenance(ref.get("publisher") or ref.get("source", ""), ref.get("read_via")),
                "publisher": {"@type": "Organization", "name": ref.get("publisher") or ref.get("source", "")},
                "version": f"{ref.get('source')} vintage {ref.get('vintage')}"}
        if ref.get("url"):
            work["url"] = ref["url"]
        if ref.get("released"):
            work["datePublished"] = ref["released"]
        works[key] = work
    return list(works.values())


def claim_reviews(article: Article, results: list[ClaimResult], *, base_url: str, author: dict | None = None,
                  date_published: str | None = None) -> list[dict]:
    """One ClaimReview dict per rated claim of `article`, in the article's claim order."""
    author = author or default_author()
    reviewed_on = date_published or datetime.now(timezone.utc).date().isoformat()
    reviews = []
    for result in results:
        if result.verdict not in RATINGS:
            continue
        value, words = RATINGS[result.verdict]
        appearances = [appearance(article.url, article.title, article.outlet, article.published)]
        appearances += [appearance(a.get("url"), a.get("title", ""), a.get("outlet", ""), a.get("published", ""))
                        for a in result.also_in]
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": claim_url(base_url, article.slug, result.id),
            "claimReviewed": result.claim or result.quote,
            "datePublished": reviewed_on,
            "author": author,
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": BEST, "worstRating": WORST,
                             "alternateName": words},
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": article.author},
                "datePublished": article.published,
                "appearance": appearances,
                "firstAppearance": min(appearances, key=lambda work: work["datePublished"] or "9999"),
                "text": result.quote,
            },
            **({"isBasedOn": based_on(result.sources)} if result.sources else {}),
        })
    return reviews


def script_tag(reviews: list[dict]) -> str:
    """The reviews as one <script type="application/ld+json"> element, safe to embed in HTML."""
    body = json.dumps(reviews, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">{body}</script>'
