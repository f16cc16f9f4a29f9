"""`/` — the desk's landing page: what the tool does and the three ways in (check a pasted text, browse
the checked articles, explore the data).

It judges no claim (the scorecards do that): it lists the bundled articles by title and counts the
series the catalogue holds, so it stays fast to serve. The op-ed that used to be the landing page is
one article among the others; its scorecard is at /scorecard (an old `/?as_of=` link is redirected
there by dashboard.app).
"""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import common, series_view
from dashboard.common import articles_mod  # imported on first use (see dashboard.common)

PAGE = "home"
ARTICLES_LISTED = 5
"""Articles named on the landing page (newest first); the index lists every one."""
dash.register_page(__name__, path="/", name="Home", order=0, page_key=PAGE,
                   title=f"{common.SITE_NAME} — {common.SITE_TAGLINE}")


@common.page_layout(params=())
def layout(**query):
    state = common.read_state({})  # the landing page has no state: every way in starts at the latest data
    articles = sorted(articles_mod.load_articles(), key=lambda a: a.published, reverse=True)
    entries = series_view.all_entries(common.current_store(), None)
    sources = len({e.source for e in entries})
    ways = [
        _way("check", "Check a text",
             "Paste an article (or upload a .txt or .md file). Each figure it cites is matched to a series in "
             "the store and judged: supported, misleading, false or unverifiable, with the reason. Nothing you "
             "paste is kept.", "/check", "Check a pasted text →"),
        _way("articles", "Browse checked articles",
             [f"{len(articles)} articles checked claim by claim, each with a scorecard. The most recent:",
              html.Ul([html.Li(dcc.Link(a.title, href=f"/article/{a.slug}", id=f"{PAGE}-article-{a.slug}"))
                       for a in articles[:ARTICLES_LISTED]])],
             "/articles", "All checked articles →"),
        _way("data", "Explore the data",
             [f"{len(entries):,} series from {sources} publishers: trade, vehicles, batteries, solar, R&D, patents, "
              "innovation rankings. Each series has its own page with a chart, economies to compare, sources, "
              "CSV download and embed code. Curated views: ",
              dcc.Link("the new trio's exports", href="/trade"), " and ",
              dcc.Link("the Global Innovation Index", href="/innovation"), "."],
             "/catalogue", "Browse the catalogue of series →"),
    ]
    intro = ("A fact-checking desk for figures about China's trade and innovation. It reads the figures an article "
             "cites, finds the published series each one is about, and says whether the data support the figure, "
             "with the numbers compared and the sources. Verdicts are computed from cited public data, never typed.")
    return common.shell(PAGE, state, [html.Div(ways, className="ways", id=f"{PAGE}-ways")],
                        heading="Check the figures in an article against the data", intro=intro)


def _way(key: str, title: str, text, href: str, action: str) -> html.Section:
    return html.Section([
        html.H2(title),
        html.Div(text if isinstance(text, list) else [text], className="way-text"),
        dcc.Link(action, href=href, className="button way-action", id=f"{PAGE}-go-{key}"),
    ], className="way", id=f"{PAGE}-way-{key}")
