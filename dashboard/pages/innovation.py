"""`/innovation` — the GII claims (rank, clusters, indicators ranked first) and World Bank context."""

from __future__ import annotations

import dash
from dash import html

from dashboard import common

PAGE = "innovation"
FIGURES = ["gii-rank", "gii-clusters", "gii-clusters-2023", "gii-first-indicators", "wdi-context"]
dash.register_page(__name__, path="/innovation", name="Innovation: GII", order=7, page_key=PAGE,
                   title="Innovation — WIPO Global Innovation Index and World Bank context")
common.url_state(PAGE)


@common.page_layout()
def layout(**query):
    """Charts for the innovation claims, as of the date in the URL."""
    state = common.read_state(query)
    results = common.results_by_id(state)
    cards = [common.figure_card(PAGE, figure_id, state, results) for figure_id in FIGURES]
    article = common.articles_mod.default_article()
    intro = ("A curated view of the innovation figures “" + article.title + f"” ({article.author}, "
             f"{article.published}) cites. "
             "WIPO's Global Innovation Index: ranks are not strictly comparable across editions, and cluster "
             "counts are per edition (top 100). World Bank indicators give context; their releases revise "
             "earlier years, which the charts show.")
    return common.shell(PAGE, state, [common.controls(PAGE, state), html.Div(cards, className="figures")],
                        heading="Innovation: the Global Innovation Index claims", intro=intro,
                        article_note=f"{article.outlet}: {article.author}, {article.published}, quoted for the purpose "
                                     "of checking it.")
