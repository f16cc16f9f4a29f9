"""ClaimReview JSON-LD in the served HTML of the article scorecards, where extractors see it.

Dash renders pages in the browser: the HTML a crawler fetches is the same empty shell for every
path. So an `after_request` hook adds `claimreview.script_tag(...)` for the article's checkable
claims to the <head> of `/article/<slug>`, judged with the page's `?as_of=`. Not to `/` (the
landing scorecard): judging every claim for its HTML would make the first answer after a start
wait for the claims engine (about 1 s here); the reviews' `url`s point at `/article/<slug>`, so
that is where extractors find them. It also gives `/article/<unknown slug>` a real 404 status (the page
itself says the article is not known) and a known slug 200.

Register it before the app's other after_request hooks (Flask runs them in reverse order), so
this one runs last and decides the status of article pages.

The page layout (dashboard/pages/articles.py) reads the same cached results (`article_results`).
"""

from __future__ import annotations

import re

import dash
import flask

from dashboard import common
from indicators import cache

ARTICLE_PATH = re.compile(r"^/article/([^/]+)/?$")
RESULTS_KEPT = 24  # (article, as-of) pairs whose verdicts are kept


def article_results(store, article, as_of: str | None, currency: str = "CNY", compare: bool = True) -> list:
    """`claims.check_article` for this article and date, kept per version of the sources it reads
    and of the article files (indicators.cache)."""
    from indicators.claims import check_article

    key = ("article results", article.slug, str(article.claims_path), as_of, currency, compare)
    return cache.named("article results", RESULTS_KEPT, files=common.claims_file_version).get(
        store, key, lambda: check_article(store, article, as_of=as_of, currency=currency, compare=compare))


def find_article(slug: str | None):
    """The article with this slug (the default article for None), or None when unknown."""
    from indicators import articles

    try:
        return articles.default_article() if slug is None else articles.get_article(slug)
    except articles.ArticleError:
        return None


def reviews_tag(article, as_of: str | None) -> str:
    """The <script type="application/ld+json"> element with one ClaimReview per rated claim."""
    from indicators import claimreview

    results = article_results(common.current_store(), article, as_of)
    reviews = claimreview.claim_reviews(article, results, base_url=flask.request.host_url)
    return claimreview.script_tag(reviews)


def register(app: dash.Dash) -> None:
    """Add the hook to the app's Flask server (call before the app's other after_request hooks)."""

    @app.server.after_request
    def embed_claim_reviews(response: flask.Response):
        request = flask.request
        if request.method != "GET" or response.mimetype != "text/html" or response.direct_passthrough:
            return response
        path = request.path
        match = ARTICLE_PATH.match(path)
        if match is None:
            return response
        article = find_article(match.group(1))
        if article is None:
            response.status_code = 404
            return response
        if response.status_code not in (200, 404):
            return response
        response.status_code = 200
        state = common.read_state(request.args.to_dict())
        try:
            tag = reviews_tag(article, state.as_of)
        except Exception:  # the page still serves (and says what failed); only the JSON-LD is missing
            app.server.logger.exception("ClaimReview JSON-LD for %s", article.slug)
            return response
        body = response.get_data(as_text=True)
        if "</head>" in body:
            response.set_data(body.replace("</head>", tag + "\n</head>", 1))
        return response
