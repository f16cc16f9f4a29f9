"""`/trade` — the new trio's exports: total, per product, solar by month, EV units, HS-6 detail."""

from __future__ import annotations

import dash
from dash import html

from dashboard import common

PAGE = "trade"
FIGURES = ["new-trio-total", "new-trio-products", "solar-exports-monthly", "ev-exports-units", "comtrade-hs6"]
CLAIM_YEAR = 2023  # the year the trade claims are about (the new trio's 2023 exports): the intro explains its FX move
dash.register_page(__name__, path="/trade", name="Trade: the new trio", order=6, page_key=PAGE,
                   title="Trade — China's new-trio exports")


def layout(**query):
    """Charts for the trade claims; `?currency=USD` converts, `?product=` filters the per-product chart."""
    state = common.read_state(query)
    results = common.results_by_id(state)
    cards = [common.figure_card(PAGE, figure_id, state, results,
                                product=state.product if figure_id == "new-trio-products" else None)
             for figure_id in FIGURES]
    yuan = common.figures.yuan_against_dollar(common.current_store(), CLAIM_YEAR, state.as_of)
    article = common.articles_mod.default_article()
    intro = ("A curated view of the figures “" + article.title + f"” ({article.author}, {article.published}) cites "
             "about the new trio: GACC's electric passenger vehicles, lithium-ion batteries and solar cells, in yuan "
             "(as the article counts) or in US dollars (converted at FRED average rates"
             + (f"; {yuan}, so growth in dollars differs from growth in yuan" if yuan else "") + "). "
             "The claims are judged in yuan. Every other trade series is in the catalogue.")
    return common.shell(PAGE, state, [common.controls(PAGE, state, currency=True, products=True),
                                      html.Div(cards, className="figures")],
                        heading="Trade: the new trio's exports", intro=intro,
                        article_note=f"{article.outlet}: {article.author}, {article.published}, quoted for the purpose "
                                     "of checking it.")
