"""`/series/<id>` — any series of the catalogue: its chart, the economies to compare, the as-of date and
(for a money series) the currency, what it measures, its provenance (publisher, URL, licence from the
source's source.yaml), CSV download and embed code.

The id is the catalogue's (indicators.catalogue_view.series_id); the catalogue page links each row
here. State lives in the URL like on every page: `?entity=CHN,USA&as_of=2024-03-31&currency=USD`
(common.url_state writes it from the controls). The chart is
indicators.figures.series; its CSV and standalone page are `/download/series/<id>.csv` and
`/embed/series/<id>` with the same query. Everything is text components: Dash escapes it.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import dash
from dash import dcc, html

from dashboard import common, series_view

PAGE = "series"


def title(series_id: str | None = None, **_) -> str:
    """The browser tab's title: the series as people name it (a generic one when it is unknown)."""
    try:
        entries = series_view.all_entries(common.current_store(), None)
        from indicators import catalogue_view

        found = catalogue_view.series_entries(entries, series_id or "")
    except Exception:  # the title must never break the page; the layout reports real errors
        found = []
    return f"{found[0].name} — {common.SITE_NAME}" if found else f"Series — {common.SITE_NAME}"


dash.register_page(__name__, path="/series", path_template="/series/<series_id>", name="Series", order=91,
                   page_key=PAGE, nav=False, title=title)
common.url_state(PAGE, controls={"entity": f"{PAGE}-entities", "currency": f"{PAGE}-currency"}, defaults={},
                 lists=("entity",))  # no default currency: a series' own unit is its default


@common.page_layout(params=common.COMMON_PARAMS + ("series_id", "entity"))
def layout(series_id: str | None = None, entity: str | None = None, **query):
    """The series page; without an id or with an unknown one, a message pointing to the catalogue."""
    state = common.read_state(query)
    store = common.current_store()
    view = series_view.lookup(store, series_id or "", _first(entity), state.as_of) if series_id else None
    if view is None:
        return common.shell(PAGE, state, [
            html.P(["There is no series “" + (series_id or "") + "”. Every series the store holds is listed in ",
                    dcc.Link("the catalogue", href="/catalogue"), "."], className="problems", id=f"{PAGE}-not-found",
                   role="alert")], heading="Series not found")
    currency = _currency(query, view, state)
    fig, data = common.figures_series.series_chart(store, view.key, view.entities, state.as_of, currency)
    fig_dict, texts = common.for_page(fig)
    params = {k: v for k, v in (("entity", ",".join(view.entities)), ("as_of", state.as_of),
                                ("currency", currency if view.money else None)) if v}
    suffix = "?" + urlencode(params)
    links = {"csv": f"/download/series/{view.key.id}.csv{suffix}", "embed": f"/embed/series/{view.key.id}{suffix}"}
    card = common.chart_card(PAGE, view.key.id, fig_dict, texts, links, has_data=len(data) > 0)
    notice = [html.P(" ".join(view.problems) + " Showing the other economies asked for (China by default).",
                     className="problems", id=f"{PAGE}-problems", role="alert")] if view.problems else []
    return common.shell(PAGE, state, [
        *notice,
        _controls(view, state, currency),
        html.Div(card, className="figures"),
        _about(view),
        html.P(dcc.Link("← Back to the catalogue", href="/catalogue"), className="back-link"),
    ], heading=view.key.name, intro=_intro(view))


def _first(value):
    return value[0] if isinstance(value, (list, tuple)) and value else value


def _currency(query: dict, view: series_view.SeriesView, state: common.PageState) -> str | None:
    """The currency to draw a money series in: the URL's, else the series' own; None for other series."""
    if not view.money:
        return None
    return state.currency if _first(query.get("currency")) else view.key.unit


def _intro(view: series_view.SeriesView) -> str:
    first = view.entries[0]
    what = first.definition.rstrip(".")
    periods = f"{min(e.first_period for e in view.entries)} to {max(e.last_period for e in view.entries)}"
    count = len(view.entries)
    from indicators import catalogue

    return (f"{what + '. ' if what else ''}{catalogue.frequency_word(first.freq).capitalize()} figures in "
            f"{first.unit}, {periods}, for {count} econom{'y' if count == 1 else 'ies'}.")


def _controls(view: series_view.SeriesView, state: common.PageState, currency: str | None) -> html.Div:
    """Economies, as-of date and currency. Every control is always rendered (the page's state callback
    listens to all of them); those that mean nothing for this series are hidden."""
    controls = common.controls(PAGE, replace(state, currency=currency or state.currency), currency=True,
                               article=False)
    if not view.money:
        controls.children[-1].style = {"display": "none"}
    names = {e.entity: e.entity_name for e in view.entries}
    choose = html.Div([
        html.Label("Economies to compare", htmlFor=f"{PAGE}-entities"),
        dcc.Dropdown(id=f"{PAGE}-entities", multi=True, value=list(view.entities), clearable=False,
                     options=[{"label": name, "value": code} for code, name in
                              sorted(names.items(), key=lambda item: (item[0] != "CHN", item[1].casefold()))],
                     className="dropdown series-entities"),
    ], className="control", style=None if len(names) > 1 else {"display": "none"})
    controls.children = [choose, *controls.children]
    return controls


def _about(view: series_view.SeriesView) -> html.Section:
    """Where the series comes from: the publisher, where it was read, the source's URL and licence."""
    from indicators import catalogue

    first = view.entries[0]
    items = []
    try:
        meta = catalogue.source(first.source)
        items += [html.Dt("Publisher"), html.Dd(meta.publisher), html.Dt("Source"), html.Dd(meta.title),
                  html.Dt("Licence"), html.Dd(meta.licence)]
        if meta.url.startswith(("http://", "https://")):
            items += [html.Dt("Publisher's page"), html.Dd(html.A(meta.url, href=meta.url, target="_blank",
                                                                  rel="noopener"))]
    except catalogue.CatalogueError:
        items += [html.Dt("Publisher"), html.Dd(first.publisher or first.source)]
    where = sorted({e.provenance for e in view.entries if e.provenance})
    if where:
        items += [html.Dt("Where the figures were read"), html.Dd("; ".join(where))]
    urls = sorted({e.source_url for e in view.entries if e.source_url.startswith(("http://", "https://"))})
    if urls:
        items += [html.Dt("Latest figure's source"),
                  html.Dd([html.A(u, href=u, target="_blank", rel="noopener", className="source-url") for u in urls[:3]])]
    return html.Section([html.H2("About this series"), html.Dl(items, className="facts")],
                        className="series-about", id=f"{PAGE}-about")
