"""`/innovation` — the GII claims (rank, clusters, indicators ranked first) and World Bank context.

The as-of controls redraw the charts (and their claims) in place and write the URL without rendering
the page again (a quiet dcc.Location), as /trade does for its currency: the URL still holds the state,
so a reload, a shared link or Back shows the same view. A date that is not one renders the page from
the URL, which says what is wrong (and so does the next change away from such a page)."""

from __future__ import annotations

from urllib.parse import urlencode

import dash
from dash import Input, Output, State, ctx, dcc, html

from dashboard import common

PAGE = "innovation"
FIGURES = ["gii-rank", "gii-clusters", "gii-clusters-2023", "gii-first-indicators", "wdi-context"]
dash.register_page(__name__, path="/innovation", name="Innovation: GII", order=7, page_key=PAGE,
                   title="Innovation — WIPO Global Innovation Index and World Bank context")


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
    return common.shell(PAGE, state, [dcc.Location(id=f"{PAGE}-url", refresh=False), common.controls(PAGE, state),
                                      html.Div(cards, className="figures")],
                        heading="Innovation: the Global Innovation Index claims", intro=intro,
                        article_note=f"{article.outlet}: {article.author}, {article.published}, quoted for the purpose "
                                     "of checking it.")


# The date buttons set the date in its box; a date in the box (typed or set) is drawn in place.
_AS_OF = (Input(f"{PAGE}-as-of", "value"), State(f"{PAGE}-url", "search"))


@common.callback(Output(f"{PAGE}-as-of", "value"), Input(f"{PAGE}-as-of-article", "n_clicks"),
                 Input(f"{PAGE}-as-of-latest", "n_clicks"), prevent_initial_call=True)
def date_button(article_clicks, latest_clicks):
    """The op-ed's date or "" (the latest data) into the date box: the change is then drawn as a typed one."""
    common.expect(article_clicks, common.CLICKS, f"{PAGE}-as-of-article")
    common.expect(latest_clicks, common.CLICKS, f"{PAGE}-as-of-latest")
    if len(ctx.triggered_prop_ids) > 1:  # the buttons were just rendered
        return dash.no_update
    return common.as_of_asked(PAGE, None)


def _states(as_of, search) -> tuple[common.PageState, common.PageState]:
    """(the state shown, the state the date box asks for)."""
    common.expect(as_of, common.TEXT, f"{PAGE}-as-of")
    common.expect(search, common.TEXT, f"{PAGE}-url.search")
    query = common.query_of(search)
    shown = common.read_state(query)
    query["as_of"] = (as_of or "").strip()
    return shown, common.read_state({k: v for k, v in query.items() if v})


def _in_place(shown: common.PageState, asked: common.PageState) -> bool:
    """Whether the change is drawn in place: the state shown and the one asked for are both valid (else the
    page is rendered from the URL, with or without its note on what is wrong) and differ."""
    return not shown.problems and not asked.problems and shown.as_of != asked.as_of


def _register_redraw(figure_id: str) -> None:
    @common.callback(Output(f"figure-{figure_id}", "children"), *_AS_OF, prevent_initial_call=True)
    def redraw(as_of, search):
        """The chart's card (and the claims it checks) as of the new date."""
        shown, asked = _states(as_of, search)
        if not _in_place(shown, asked):
            return dash.no_update
        return common.figure_card(PAGE, figure_id, asked, common.results_by_id(asked)).children


for _figure_id in FIGURES:
    _register_redraw(_figure_id)


@common.callback(Output(f"{PAGE}-url", "search"), Output(f"{PAGE}-nav", "children"),
                 Output(f"{PAGE}-footer-data", "href"), Output(f"{PAGE}-as-of-note", "children"),
                 Output("url", "href", allow_duplicate=True), *_AS_OF, prevent_initial_call=True)
def write_state(as_of, search):
    """In place: the URL query, the navigation and footer links (which keep the date) and the note saying
    which data are shown. Otherwise the whole URL, which the page is rendered from (it says what is wrong
    with a date that is not one)."""
    shown, asked = _states(as_of, search)
    skip = dash.no_update
    if _in_place(shown, asked):
        return (asked.query(vintage=None), common.nav_links(PAGE, asked), common.data_href(asked),
                common.as_of_note(asked), skip)
    if shown.as_of == asked.as_of and not shown.problems and not asked.problems:
        return skip, skip, skip, skip, skip  # the date shown (e.g. the box was just rendered)
    query = common.query_of(search)
    query["as_of"] = (as_of or "").strip()
    query = {k: v for k, v in query.items() if v}
    return skip, skip, skip, skip, f"/{PAGE}" + ("?" + urlencode(query) if query else "")
