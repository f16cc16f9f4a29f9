"""`/articles` — every bundled article with its verdict counts, and `/article/<slug>` — one article's scorecard."""

from __future__ import annotations

from collections import Counter

import dash
from dash import dcc, html

from dashboard import common
from dashboard.common import claims_engine  # imported on first use (see dashboard.common)
from dashboard.pages import scorecard

PAGE = "articles"
dash.register_page(__name__, path="/articles", name="Articles", order=3, page_key=PAGE,
                   title="Articles — every checked article and its verdicts")


def article_results(article, as_of: str | None) -> list:
    """One article's verdicts as of the date, cached per version of the sources they read."""
    return common._read_cache("article claims", 3 * common.CLAIM_RESULTS_KEPT).get(
        common.current_store(), ("article", article.slug, article.claims_path.stat().st_mtime_ns, as_of),
        lambda: claims_engine.check_article(common.current_store(), article, as_of=as_of))


def layout(**query):
    """All articles, each with its verdict counts as of the date in the URL and a link to its scorecard."""
    from indicators import articles

    state = common.read_state(query)
    rows = []
    for article in articles.load_articles():
        counts = Counter(r.verdict for r in article_results(article, state.as_of))
        rows.append(html.Li([
            dcc.Link(article.title, href=f"/article/{article.slug}{state.query(product=None, vintage=None)}",
                     id=f"{PAGE}-link-{article.slug}", className="article-link"),
            html.Span(f" — {article.author}, {article.label}" + (" (default)" if article.default else ""),
                      className="article-meta"),
            html.Div([html.Span([common.verdict_badge(v, small=True), f" {counts[v]}"], className="summary-item")
                      for v in claims_engine.VERDICTS if counts.get(v)], className="summary"),
        ], className="article-item", id=f"{PAGE}-{article.slug}"))
    return common.shell(PAGE, state, [html.Ul(rows, className="article-list", id=f"{PAGE}-list")],
                        heading="Articles checked", intro="Each article's figures, checked against the store.")
