"""`/trade` — the new trio's exports: total, per product, solar by month, EV units, HS-6 detail."""

from __future__ import annotations

import dash
from dash import Input, Output, State, ctx, dcc, html

from dashboard import common

PAGE = "trade"
FIGURES = ["new-trio-total", "new-trio-products", "solar-exports-monthly", "ev-exports-units", "comtrade-hs6"]
CURRENCY_FREE = {"ev-exports-units"}
"""Charts a currency change leaves as they are (vehicle counts)."""
CLAIM_YEAR = 2023  # the year the trade claims are about (the new trio's 2023 exports): the intro explains its FX move
dash.register_page(__name__, path="/trade", name="Trade: the new trio", order=6, page_key=PAGE,
                   title="Trade — China's new-trio exports")
# The currency and product controls are answered in place by this page's callbacks (below): the as-of
# change keeps them.
common.url_state(PAGE, kept={"currency": f"{PAGE}-currency", "product": f"{PAGE}-product"})


@common.page_layout()
def layout(**query):
    """Charts for the trade claims; `?currency=USD` converts, `?product=` filters the per-product chart."""
    state = common.read_state(query)
    results = common.results_by_id(state)
    cards = [_card(figure_id, state, results) for figure_id in FIGURES]
    yuan = common.figures.yuan_against_dollar(common.current_store(), CLAIM_YEAR, state.as_of)
    article = common.articles_mod.default_article()
    intro = ("A curated view of the figures “" + article.title + f"” ({article.author}, {article.published}) cites "
             "about the new trio: GACC's electric passenger vehicles, lithium-ion batteries and solar cells, in yuan "
             "(as the article counts) or in US dollars (converted at FRED average rates"
             + (f"; {yuan}, so growth in dollars differs from growth in yuan" if yuan else "") + "). "
             "The claims are judged in yuan. Every other trade series is in the catalogue.")
    return common.shell(PAGE, state, [dcc.Location(id=f"{PAGE}-url", refresh=False),
                                      common.controls(PAGE, state, currency=True, products=True),
                                      html.Div(cards, className="figures")],
                        heading="Trade: the new trio's exports", intro=intro,
                        article_note=f"{article.outlet}: {article.author}, {article.published}, quoted for the purpose "
                                     "of checking it.")


def _card(figure_id: str, state: common.PageState, results: dict) -> html.Section:
    return common.figure_card(PAGE, figure_id, state, results,
                              product=state.product if figure_id == "new-trio-products" else None)


# The currency and product controls redraw only the charts they change, in place, and write the URL
# without rendering the page again (a quiet dcc.Location): a whole page of five charts redrawn took
# 1-6 s. One callback per chart: each answer is drawn as soon as it arrives, so the solar chart (1,400
# bars, the slowest to draw) does not hold up the others. The URL still holds the state, so a
# reload, a shared link or Back shows the same view.
_CONTROLS = (Input(f"{PAGE}-currency", "value"), Input(f"{PAGE}-product", "value"), State(f"{PAGE}-as-of", "value"))


def _state(currency, product, as_of) -> common.PageState | None:
    """The state the controls ask for, or None for a value no control offers (then nothing is answered)."""
    common.expect(currency, common.VALUE, f"{PAGE}-currency")
    common.expect(product, common.VALUE, f"{PAGE}-product")
    common.expect(as_of, common.TEXT, f"{PAGE}-as-of")
    state = common.read_state({"as_of": as_of or None, "currency": currency, "product": product})
    return None if state.problems else state


def _concerned(figure_id: str) -> bool:
    """Whether the control that just changed changes this chart."""
    if ctx.triggered_id == f"{PAGE}-product":
        return figure_id == "new-trio-products"
    return figure_id not in CURRENCY_FREE


def _register_redraw(figure_id: str) -> None:
    @common.callback(Output(f"figure-{figure_id}", "children"), *_CONTROLS, prevent_initial_call=True)
    def redraw(currency, product, as_of):
        """The chart's card for the new currency or product (unchanged when the control does not concern it)."""
        state = _state(currency, product, as_of)
        if state is None or not _concerned(figure_id):
            return dash.no_update
        return _card(figure_id, state, common.results_by_id(state)).children


for _figure_id in FIGURES:
    _register_redraw(_figure_id)


@common.callback(Output(f"{PAGE}-url", "search"), Output(f"{PAGE}-nav", "children"),
                 Output(f"{PAGE}-footer-data", "href"), *_CONTROLS, prevent_initial_call=True)
def write_state(currency, product, as_of):
    """The URL query, the navigation links and the footer's data link (which keep as-of and currency) for
    the new state."""
    state = _state(currency, product, as_of)
    if state is None:
        return dash.no_update, dash.no_update, dash.no_update
    return state.query(vintage=None), common.nav_links(PAGE, state), common.data_href(state)
