"""`/catalogue` — every series the store holds: what it measures, the economy, first and last period,
the latest value, the publisher and where it was read, and the command that refreshes it.

The search lives in the URL (`/catalogue?q=r%26d+china`: every word must match; a shared link opens the
same rows), like the as-of date; the search box writes it (common.url_state) and the
layout reads it. "Download CSV" serves the same (filtered) rows from `/download/catalogue.csv`. The rows
come from indicators.catalogue_view (Store.catalogue joined with the source.yaml catalogue): a new
source shows here as soon as the store holds its rows. Everything is text components: Dash escapes it.
"""

from __future__ import annotations

from urllib.parse import urlencode

import dash
from dash import dcc, html

from dashboard import common, series_view

PAGE = "catalogue"
OPEN_GROUP_ROWS = 60
"""A source's table starts open when it has at most this many rows (or a search is given)."""
MAX_QUERY_CHARS = 200
COLUMNS = ["Series", "What it measures", "Economy", "Periods", "Latest value", "Publisher, where read", "Refresh"]
dash.register_page(__name__, path="/catalogue", name="Catalogue", order=5, page_key=PAGE,
                   title="Catalogue — every series the store holds")
common.url_state(PAGE, controls={"q": f"{PAGE}-search"})


def read_search(query: dict, problems: list[str]) -> str:
    value = query.get("q")
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    text = " ".join(str(value or "").split())
    if len(text) > MAX_QUERY_CHARS:
        problems.append(f"The search is longer than {MAX_QUERY_CHARS} characters: only the start is used.")
        text = text[:MAX_QUERY_CHARS]
    return text


def download_href(search: str, as_of: str | None) -> str:
    params = {k: v for k, v in (("q", search), ("as_of", as_of)) if v}
    return "/download/catalogue.csv" + ("?" + urlencode(params) if params else "")


@common.page_layout(params=common.COMMON_PARAMS + ("q",))
def layout(**query):
    from indicators import catalogue, catalogue_view

    state = common.read_state(query)
    search = read_search(query, state.problems)
    store = common.current_store()
    everything = series_view.all_entries(store, state.as_of)
    shown = catalogue_view.find(everything, search)
    sources = list(dict.fromkeys(e.source for e in shown))
    if search:
        summary = (f"{len(shown)} of {len(everything)} series match “{search}”" + (f" (from {len(sources)} source(s))."
                                                                                  if shown else "."))
    else:
        summary = f"{len(everything)} series from {len(sources)} source(s)."
    children = [
        html.Div([
            html.Div([
                html.Label("Search the catalogue", htmlFor=f"{PAGE}-search"),
                dcc.Input(id=f"{PAGE}-search", type="search", value=search, debounce=True, autoComplete="off",
                          placeholder="e.g. r&d china, exports, patents", className="catalogue-search"),
                html.A("Download CSV", href=download_href(search, state.as_of), id=f"{PAGE}-csv", className="button",
                       download="catalogue.csv"),
            ], className="control"),
            html.P("Every word must match (any case): series name, indicator, measure, subject, basis, publisher, "
                   "economy. Press Enter to search.", className="muted catalogue-help"),
        ], className="controls", role="search"),
        common.controls(PAGE, state, article=False),
        html.P(summary, id=f"{PAGE}-count", className="catalogue-count", role="status"),
    ]
    if not everything:
        children.append(html.P("The store is empty: run `indicators refresh --offline` to load the bundled snapshot.",
                               id=f"{PAGE}-empty"))
    elif not shown:
        children.append(html.P("No series matches every word. Try fewer words, or another name for the statistic.",
                               id=f"{PAGE}-empty"))
    for source in sources:
        rows = [e for e in shown if e.source == source]
        children.append(_group(source, rows, catalogue, opened=bool(search) or len(rows) <= OPEN_GROUP_ROWS))
    return common.shell(PAGE, state, children, heading="Catalogue",
                        intro="Every series the store holds, with what it measures, the economies, first and last "
                              "period, the latest value, who published it and where it was read, and the command "
                              "that refreshes it. A figure an article cites can be checked when its series is here. "
                              "Open a series for its chart, economies to compare, sources, CSV and embed code.")


def _group(source: str, rows: list, catalogue, opened: bool) -> html.Details:
    try:
        meta = catalogue.source(source)
        about = [html.Span(meta.title, className="muted"), html.Br(),
                 f"{meta.publisher}. Licence: {meta.licence}. ",
                 html.A("Publisher's page", href=meta.url, target="_blank", rel="noopener")
                 if meta.url.startswith(("http://", "https://")) else None]
    except catalogue.CatalogueError:
        about = [html.Span("No source.yaml describes this source.", className="muted")]
    return html.Details([
        html.Summary([html.Strong(source), f" — {len(rows)} series"], className="catalogue-summary"),
        html.P(about + [html.Br(), "Refresh: ", _command(rows[0].refresh)], className="catalogue-about"),
        html.Div(html.Table([
            html.Thead(html.Tr([html.Th(h, scope="col") for h in COLUMNS])),
            html.Tbody([_row(e) for e in rows]),
        ], className="catalogue-table", id=f"{PAGE}-table-{source}"), className="table-wrap"),
    ], open=opened, className="catalogue-group", id=f"{PAGE}-group-{source}")


def _row(e) -> html.Tr:
    codes = " · ".join(p for p in (e.indicator, e.product, e.dataset) if p)
    measures = ([" · ".join(_words(v) for v in (e.measure, e.subject, e.basis)), html.Br(),
                 html.Span(f"{_words(e.kind)}, {_words(e.transformation)}; unit: {e.unit}", className="muted")]
                if e.measure else [html.Span(f"not described in source.yaml; unit: {e.unit}", className="muted")])
    latest = [html.Strong(e.latest), f" ({e.last_period})"]
    if e.counterparts > 1:
        latest += [html.Br(), html.Span(f"partner: {_partner(e)}; {e.counterparts} partners in all", className="muted")]
    where = [e.provenance or e.publisher]
    if e.source_url.startswith(("http://", "https://")):
        where += [" ", html.A("link", href=e.source_url, target="_blank", rel="noopener")]
    cells = [
        [html.Strong(dcc.Link(e.name, href=series_href(e), className="series-link")), html.Br(), html.Code(codes)],
        measures,
        e.entity_name if e.entity_name == e.entity else [e.entity_name, html.Span(f" ({e.entity})", className="muted")],
        [f"{e.periods}", html.Br(), html.Span(f"{_freq(e.freq)}, {e.observations:,} obs.", className="muted")],
        latest,
        where,
        _command(e.refresh),
    ]
    return html.Tr([html.Td(cell, **{"data-label": label}) for cell, label in zip(cells, COLUMNS)],
                   className="catalogue-row")


def series_href(e) -> str:
    """The series page of an entry, opened on the entry's economy (China first when the series has it)."""
    return f"/series/{e.series_id}" + ("" if e.entity == "CHN" else "?" + urlencode({"entity": e.entity}))


def _words(code: str) -> str:
    """A dimension's value for reading: "statistics_office" -> "statistics office"."""
    return code.replace("_", " ")


def _command(command: str) -> html.Code:
    """A command that wraps only between its parts ("indicators refresh", "--source nbs", "--offline"),
    never inside an option; copied, it is the same text."""
    words = command.split(" ")
    parts, i = [" ".join(words[:2])], 2
    while i < len(words):
        take = 2 if words[i].startswith("--") and i + 1 < len(words) and not words[i + 1].startswith("--") else 1
        parts.append(" ".join(words[i:i + take]))
        i += take
    children = []
    for part in parts:
        children += [" "] if children else []
        children.append(html.Span(part, className="nowrap"))
    return html.Code(children, className="command")


def _partner(e) -> str:
    from indicators import catalogue_view

    return catalogue_view.entity_name(e.latest_counterpart) if e.latest_counterpart else "none (total)"


def _freq(freq: str) -> str:
    from indicators import catalogue

    return catalogue.frequency_word(freq)
