"""Shared pieces of the dashboard pages: the store, the page state read from the URL, claim results
(cached: indicators.cache), and the components every page uses (navigation, controls, figure
cards, verdict badges).

Pages only compose figures (indicators.figures) and claim results (indicators.claims); nothing here
reads files or talks to publishers.

The claims engine, the figures and the store (pandas, SQLAlchemy: about 0.5 s of imports) load on
first use, not at import: the server answers its first request while the warm-up thread loads them.
"""

from __future__ import annotations

import contextlib
import functools
import html as html_lib
import importlib
import inspect
import json
import re
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode

import dash
import flask
from dash import Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate
from werkzeug.exceptions import BadRequest, HTTPException

from indicators import cache, verdicts

if TYPE_CHECKING:
    from indicators.store import Store


class OnFirstUse:
    """A module imported when one of its attributes is first read (then it is in sys.modules)."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        return getattr(importlib.import_module(self._name), attribute)


claims_engine = OnFirstUse("indicators.claims")
articles_mod = OnFirstUse("indicators.articles")
figures = OnFirstUse("indicators.figures")
figures_series = OnFirstUse("indicators.figures.series")

STORE_KEY = "INDICATORS_STORE"
ARTICLE_DATE_FALLBACK = "2024-03-31"

VERDICT_TEXT_COLORS = verdicts.TEXT_COLORS  # one table: indicators/verdicts.py
VERDICT_HELP = verdicts.MEANINGS


# -- the store and cached claim results ------------------------------------------------------


_OPEN_LOCK = threading.Lock()


def current_store() -> Store:
    """The store of the app serving this request: the one given to create_app, else the configured
    store (INDICATORS_DB), opened on first use."""
    return app_store(flask.current_app)


def app_store(server: flask.Flask) -> Store:
    store = server.config.get(STORE_KEY)
    if store is None:
        with _OPEN_LOCK:
            store = server.config.get(STORE_KEY)
            if store is None:
                from indicators.store import Store

                store = server.config[STORE_KEY] = Store()
    return store


CLAIM_RESULTS_KEPT = 16  # as-of dates whose verdicts are kept (a few kB each)
PAGE_FIGURES_KEPT = 48  # page charts kept (10-200 kB each: at most about 10 MB)


def claim_results(store: Store, as_of: str | None) -> list[claims_engine.ClaimResult]:
    """`claims.check_all` as of the date, cached per version of the sources it reads and of the claims
files: pages render fast."""
    return cache.named("claims", CLAIM_RESULTS_KEPT, files=claims_file_version).get(
        store, ("claims", as_of), lambda: claims_engine.check_all(store=store, as_of=as_of))


def article_date() -> str:
    """The op-ed's date from the claims file; parsed again only when the file changes (parsing the
    YAML takes ~15 ms, and every page shows the date)."""
    return _article_date(claims_file_version())


@cache.memo("article date", 4)
def _article_date(version: tuple) -> str:
    """The date for the claims files at `version` (the argument is the cache key)."""
    try:
        return str(claims_engine.load_claims()["article"].get("as_of") or ARTICLE_DATE_FALLBACK)
    except claims_engine.ClaimsFileError:
        return ARTICLE_DATE_FALLBACK


def store_versions(store: Store) -> dict[str, int]:
    """Store.versions(), read once per request (one grouped query): the page cache keys on them."""
    if not flask.has_request_context():
        return store.versions()
    versions = flask.g.get("store_versions")
    if versions is None:
        versions = flask.g.store_versions = store.versions()
    return versions


def claims_file_version() -> tuple:
    """The article files' sizes and modification times (articles.fingerprint): part of every cache
    key that depends on an article's metadata, text or claims file."""
    return articles_mod.fingerprint()


# -- page state from the URL -----------------------------------------------------------------


@dataclass
class PageState:
    """What the URL asks for, checked; `problems` says what was ignored and why (shown on the page)."""

    as_of: str | None = None
    currency: str = "CNY"
    product: str | None = None
    vintage: int | None = None
    problems: list[str] = field(default_factory=list)

    def query(self, **changes) -> str:
        """The query string for this state (with changes), '' when everything is default."""
        values = {"as_of": self.as_of, "currency": self.currency, "product": self.product, "vintage": self.vintage}
        values.update(changes)
        params = {}
        if values["as_of"]:
            params["as_of"] = values["as_of"]
        if values["currency"] and values["currency"] != "CNY":
            params["currency"] = values["currency"]
        if values["product"]:
            params["product"] = values["product"]
        if values["vintage"]:
            params["vintage"] = values["vintage"]
        return ("?" + urlencode(params)) if params else ""


def read_state(query: dict) -> PageState:
    """Check the query parameters; a bad value is reported and replaced by the default, never an error."""
    state = PageState()
    as_of = _first(query.get("as_of"))
    if as_of:
        try:
            state.as_of = figures.check_as_of(as_of)
        except ValueError:
            state.problems.append(f"as_of “{as_of}” is not a date (use YYYY-MM-DD, e.g. 2024-03-31).")
    currency = _first(query.get("currency"))
    if currency:
        try:
            state.currency = figures.check_currency(currency)
        except ValueError:
            state.problems.append(f"Unknown currency “{currency}”: use CNY or USD.")
    product = _first(query.get("product"))
    if product and product != "all":
        if product in figures.PRODUCTS:
            state.product = product
        else:
            state.problems.append(f"Unknown product “{product}” (known: all, {', '.join(figures.PRODUCTS)}).")
    vintage = _first(query.get("vintage"))
    if vintage:
        if str(vintage).isdigit():
            state.vintage = int(vintage)
        else:
            state.problems.append(f"vintage “{vintage}” is not a vintage number.")
    return state


def _first(value):
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    return value


# -- pages: their layouts and callbacks, and the boundary of our code --------------------------
#
# A callback request runs Dash's code (reading the body, finding the callback, mapping the inputs,
# fitting the answer into the outputs asked for) around ours (a page's layout and callbacks). An
# exception raised inside our code is tagged (RAISED_IN) on its way out: dashboard.app answers it with
# a 500 and logs it, whatever its type, while an untagged one that Dash raised for a body that does
# not fit the callback it names answers 400. A deliberate HTTP error (e.g. BadRequest for an input of a
# type no control sends) and PreventUpdate pass through untagged: they are answers, not failures.

RAISED_IN = "dashboard_raised_in"
"""The attribute our_code() sets on an exception raised inside our code: where (a page's callback or layout)."""
COMMON_PARAMS = ("as_of", "currency", "product")
"""Query parameters every page reads (the navigation keeps as-of and currency across pages)."""
RENDERED_PAGES_KEPT = 32
"""Page layouts kept (least recently used out): 32 pages of 40-230 kB of JSON each."""
CACHED_QUERY_MAX_CHARS = 500
"""A longer query (a real one is under 100 characters) is rendered, not kept in the cache."""
CONTROL_DEFAULTS = {"currency": "CNY", "product": "all"}
"""A control at its default leaves its parameter out of the URL."""
TEXT = (str, type(None))
CLICKS = (int, type(None))
VALUE = (str, int, float, type(None))
"""The JSON types Dash's renderer sends for text (an input's value, a URL part), a button's n_clicks and
a control's value: a callback answers any other with 400 (expect)."""


@contextlib.contextmanager
def our_code(where: str):
    """Tag an exception raised inside the block as ours (RAISED_IN = where), then let it go on."""
    try:
        yield
    except (HTTPException, PreventUpdate):
        raise
    except Exception as exc:
        if getattr(exc, RAISED_IN, None) is None:
            setattr(exc, RAISED_IN, where)
        raise


def raised_in(exc: BaseException) -> str | None:
    """Where in our code the exception was raised (our_code), None when it was not."""
    return getattr(exc, RAISED_IN, None)


def expect(value, types: tuple, name: str):
    """The value, when it is of one of the types its control sends; else 400 (a request the pages never send).
    A bool is not a number here (JSON true is not a click count)."""
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
        raise BadRequest(f"{name}: a {type(value).__name__} is not a valid value")
    return value


def callback(*dependencies, check=None, failed=None, **options):
    """dash.callback for a page's callback, with the boundary of our code marked.

    Arguments that do not fit the function's parameters (a body with more or fewer inputs than the
    callback declares) answer 400, and so does `check(*arguments)` when it raises BadRequest (the page's
    input types: expect); an exception raised inside the function is tagged as ours (our_code), and so
    is an answer whose number of values differs from the outputs declared.

    With `background=True` the function runs in a job process of its own, off the request path
    (dashboard.jobs; `running`, `cancel`: as for dash.callback): the arguments are checked in the
    request, before the job starts; a failure in the job is logged and shown by `failed(message)`, the
    outputs that say it."""
    flat = [d for dep in dependencies for d in (dep if isinstance(dep, (list, tuple)) else [dep])]
    outputs = sum(isinstance(d, Output) for d in flat)

    def register(func):
        signature = inspect.signature(func)
        where = f"{func.__module__}.{func.__qualname__}"

        def checked(args):
            try:
                signature.bind(*args)
            except TypeError:
                raise BadRequest(f"the callback request's inputs do not fit {func.__name__}") from None
            if check is not None:
                with our_code(where):
                    check(*args)

        if options.get("background"):
            from dashboard import jobs  # here, not at the top: dashboard.jobs imports this module

            if failed is None:
                raise TypeError(f"{where}: a background callback needs `failed`, the outputs for a failed job")
            run = jobs.job(func, where, outputs)
            run.check = checked
            dash.callback(*dependencies, on_error=jobs.on_error(where, failed), **options)(run)
            return func

        @functools.wraps(func)
        def run(*args):
            checked(args)
            with our_code(where):
                answer = func(*args)
                if not fits(answer, outputs):
                    raise TypeError(f"{where} answered {type(answer).__name__}, not {outputs} values")
            return answer

        dash.callback(*dependencies, **options)(run)
        return func

    return register


def fits(answer, outputs: int) -> bool:
    """Whether a callback's answer has one value per output (or is no_update)."""
    return outputs <= 1 or answer is dash.no_update or isinstance(answer, (list, tuple)) and len(answer) == outputs


def page_layout(params: tuple[str, ...] = COMMON_PARAMS, events: bool = False):
    """Decorate a page's `layout`: it gets only `params` of the URL's query and path variables (anything
    else is dropped: it cannot break the page, nor make a new cache entry), and the tree it builds is
    kept (pages_cache, indicators.cache) per query, host (the embed code names it) and article files, as of the
    versions of the store sources it read. `events`: the page also shows refresh events and revision
    reports, so it is kept per Store.state() too.

    A page is built once per URL and store state; later visitors get the same tree (building one
    takes 4-11 ms with the charts cached), as plain JSON data (as_json_data). The undecorated function
    is the decorated one's `build`."""
    def decorate(build):
        where = f"{build.__module__}.layout"

        @functools.wraps(build)
        def layout(**query):
            query = {name: query[name] for name in params if name in query}
            with our_code(where):
                shown = json.dumps(query, sort_keys=True, default=str)
                if not flask.has_request_context() or len(shown) > CACHED_QUERY_MAX_CHARS:
                    return layout.build(**query)
                store = current_store()
                host = flask.request.host_url
                render = functools.partial(_render, flask.current_app._get_current_object(), host, layout.build, query)
                return pages_cache().get(store, ("page", build.__module__, shown, host), render,
                                         versions=store_versions(store), scope="state" if events else "store")

        layout.build = build
        return layout

    return decorate


def pages_cache() -> cache.Cache:
    """The rendered page layouts (indicators.cache): keyed on every source's version ("store"; a
    page's reads are not all recorded) or Store.state() ("state", pages with `events`), and the
    article files."""
    return cache.named("rendered pages", RENDERED_PAGES_KEPT, files=claims_file_version, scope="store")


def _render(server: flask.Flask, host: str, build, query: dict):
    """The page's tree as JSON data; outside a request (the cache's rebuilding thread) inside a
    request context of the same app and host, which is all a layout reads of the request."""
    if flask.has_request_context():
        return as_json_data(build(**query))
    with server.test_request_context("/", base_url=host):
        return as_json_data(build(**query))


def as_json_data(tree):
    """A component tree as the plain JSON data dash sends for it ({"type", "namespace", "props"}).

    Dash serializes a callback's answer on every call; for a tree of components that means one
    Python `to_plotly_json` call per component (5,000 on /trade: 4 ms of a 7 ms call). Plain dicts
    and lists go through the json module's C encoder instead. The renderer gets the same JSON."""
    import plotly.io as pio

    return json.loads(pio.json.to_json_plotly(tree))  # what dash.dash._utils.to_json calls


def url_state(page: str, controls: dict[str, str] | None = None, kept: dict[str, str] | None = None,
              defaults: dict[str, str] = CONTROL_DEFAULTS, lists: tuple[str, ...] = ()) -> None:
    """Register the page's callback that writes its controls into the URL query (the page layout then
    renders from it, so a shared link reopens the same view).

    Every page's as-of controls (`<page>-as-of`, its article-date and latest buttons) are inputs;
    `controls`: query parameter -> another control of the page whose change renders the page again;
    `kept`: query parameter -> a control the page's own callbacks answer in place (they redraw what it
    changes and write the URL themselves: dashboard/pages/trade.py): read, not listened to, so an
    as-of change keeps its value. A control at its `defaults` value leaves its parameter out;
    `lists`: parameters whose control is a multi-select (a list of text, joined by commas)."""
    controls, kept = controls or {}, kept or {}
    params = [*controls, *kept]
    inputs = [Input(f"{page}-as-of", "value"), Input(f"{page}-as-of-article", "n_clicks"),
              Input(f"{page}-as-of-latest", "n_clicks"), *[Input(c, "value") for c in controls.values()]]
    states = [*[State(c, "value") for c in kept.values()], State("url", "pathname"), State("url", "search")]
    # A page with kept controls writes its URL itself (a quiet dcc.Location): this Location's own href
    # is then out of date, and dcc.Location navigates to its href when that differs, so the whole href
    # is written.
    target = "href" if kept else "search"

    @callback(Output("url", target, allow_duplicate=True), inputs, *states, prevent_initial_call=True)
    def write_url(as_of, article_clicks, latest_clicks, *rest):
        *values, pathname, search = rest
        expect(as_of, TEXT, f"{page}-as-of")
        expect(article_clicks, CLICKS, f"{page}-as-of-article")
        expect(latest_clicks, CLICKS, f"{page}-as-of-latest")
        expect(pathname, TEXT, "url.pathname")
        expect(search, TEXT, "url.search")
        for param, value in zip(params, values):
            if param in lists and value is not None:
                if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                    raise BadRequest(f"{param}: the control sends a list of text")
            else:
                expect(value, VALUE, param)
        if len(ctx.triggered_prop_ids) > 1:
            # Fired because the page's controls were just rendered (all inputs "changed"): the URL already
            # holds this state. Writing it back would only render the page again.
            return dash.no_update
        query = query_of(search)
        _set(query, "as_of", as_of_asked(page, as_of))
        for param, value in zip(params, values):
            if isinstance(value, list):
                value = ",".join(value)
            _set(query, param, "" if value in (None, defaults.get(param)) else str(value))
        new_search = ("?" + urlencode(query)) if query else ""
        if kept:
            return (pathname or "/") + new_search
        return dash.no_update if new_search == (search or "") else new_search


def as_of_asked(page: str, typed: str | None) -> str:
    """The date the page's as-of controls ask for ("" for the latest data): the op-ed's date when its
    button fired, the latest when that button did, else the typed text."""
    if ctx.triggered_id == f"{page}-as-of-article":
        return article_date()
    if ctx.triggered_id == f"{page}-as-of-latest":
        return ""
    return (typed or "").strip()


def query_of(search: str | None) -> dict[str, str]:
    """A URL's query string as {parameter: its first value}."""
    return {k: v[0] for k, v in parse_qs((search or "").lstrip("?")).items() if v}


def _set(query: dict, key: str, value: str) -> None:
    if value:
        query[key] = value
    else:
        query.pop(key, None)


# -- components ------------------------------------------------------------------------------


def plain(text: str) -> str:
    """Plotly rich text to plain text: <br> becomes a space, other tags go."""
    text = re.sub(r"<br\s*/?>", " ", text or "", flags=re.I)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def verdict_badge(verdict: str, small: bool = False) -> html.Span:
    """Colour and text, never colour alone."""
    return html.Span(
        verdict, className="badge badge-small" if small else "badge", title=VERDICT_HELP.get(verdict, ""),
        style={"backgroundColor": verdicts.badge(verdict)[0], "color": verdicts.badge(verdict)[1]},
    )


MISSING_DATA_NOTE = "The data this claim needs are not in the store yet, so it cannot be decided here."
"""What a reader sees where a claim lacks data (the loader to write is developer advice: CLI and docs)."""
SITE_NAME = "Fact-check desk"
SITE_TAGLINE = "figures about China's trade and innovation, checked against public data"


def shell(page: str, state: PageState, children: list, heading: str, intro: str = "",
          article_note: str = "") -> html.Div:
    """Navigation (nav_links), problems banner, content. `article_note`: the footer's line about the
    article on screen (none on pages that show no article)."""
    banner = []
    if state.problems:
        banner = [html.Div([html.Strong("Note: "), " ".join(state.problems),
                            " Showing the default (latest data, CNY, all products) instead."],
                           className="problems", id=f"{page}-problems", role="alert")]
    return html.Div([
        html.Header([
            html.Div([dcc.Link(SITE_NAME, href="/", className="brand-mark"),
                      html.Span(" " + SITE_TAGLINE, className="brand-text")], className="brand"),
            html.Nav(nav_links(page, state), className="nav", id=f"{page}-nav"),
        ], className="header"),
        html.Main([
            *banner,
            html.H1(heading),
            html.P(intro, className="intro") if intro else None,
            html.P(as_of_note(state), className="as-of-note", id=f"{page}-as-of-note"),
            *children,
        ], className="main"),
        html.Footer([
            "Every number comes from the store (real, cited data; see ",
            dcc.Link("Data & sources", href=data_href(state), id=f"{page}-footer-data"),
            "). Verdicts are computed, never typed. ",
            article_note,
        ], className="footer"),
    ], className="page", id=f"{page}-page")


def as_of_note(state: PageState) -> str:
    return (f"Showing the data as published by {state.as_of}." if state.as_of
            else "Showing the latest data in the store.")


def data_href(state: PageState) -> str:
    """The footer's link to the data page, keeping the as-of date and the currency (as the navigation does)."""
    return "/data" + state.query(product=None, vintage=None)


def nav_links(page: str, state: PageState) -> list:
    """One link per page (dash.page_registry), each keeping the as-of date and the currency."""
    links = []
    nav_query = state.query(product=None, vintage=None)
    for entry in sorted(dash.page_registry.values(), key=lambda p: p.get("order", 99)):
        if entry["module"].split(".")[-1] == "not_found_404" or entry.get("nav") is False:
            continue  # pages registered with `nav=False` (the scorecard, series pages) are reached by links
        active = entry.get("page_key") == page
        query = "" if entry["path"] == "/" else nav_query  # "/" with a query is the old scorecard link
        links.append(dcc.Link(entry["name"], href=entry["path"] + query, id=f"{page}-nav-{entry.get('page_key')}",
                              className="nav-link active" if active else "nav-link"))
    return links


def controls(page: str, state: PageState, currency: bool = False, products: bool = False,
             article: bool = True) -> html.Div:
    """As-of date (shared by all pages), and where relevant the currency and product selectors. `article`:
    the page shows the op-ed's claims, so it offers the op-ed's date; elsewhere that button is hidden (kept
    in the layout: the page's state callback listens to it)."""
    items = [
        html.Div([
            html.Label("Data as of", htmlFor=f"{page}-as-of"),
            dcc.Input(id=f"{page}-as-of", type="text", value=state.as_of or "", placeholder="latest (YYYY-MM-DD)",
                      debounce=True, className="as-of-input", inputMode="numeric", autoComplete="off"),
            html.Button(f"Article date ({article_date()})", id=f"{page}-as-of-article", n_clicks=0,
                        className="button", title="What the author could have known",
                        hidden=not article),
            html.Button("Latest", id=f"{page}-as-of-latest", n_clicks=0, className="button"),
        ], className="control"),
    ]
    if currency:
        items.append(html.Div([
            html.Label("Currency", htmlFor=f"{page}-currency"),
            dcc.RadioItems(id=f"{page}-currency", value=state.currency, inline=True, className="radio",
                           options=[{"label": " yuan (CNY)", "value": "CNY"},
                                    {"label": " US dollars (USD, converted)", "value": "USD"}]),
        ], className="control"))
    if products:
        items.append(html.Div([
            html.Label("Product (per-product chart)", htmlFor=f"{page}-product"),
            dcc.Dropdown(id=f"{page}-product", value=state.product or "all", clearable=False, searchable=False,
                         options=[{"label": "All products", "value": "all"}]
                         + [{"label": name, "value": key} for key, name in figures.PRODUCTS.items()],
                         className="dropdown"),
        ], className="control"))
    return html.Div(items, className="controls", id=f"{page}-controls")


def page_figure(store: Store, figure_id: str, state: PageState, product: str | None = None) -> tuple[dict, dict]:
    """(figure dict for dcc.Graph, text parts) for a page: the title, subtitle and source line move out of
    the chart into page text (they wrap on a narrow screen); exports keep them inside the figure."""
    return cache.named("page figures", PAGE_FIGURES_KEPT, files=claims_file_version).get(
        store, ("page figure", figure_id, state.as_of, state.currency, product),
        lambda: _page_figure(store, figure_id, state, product))


def _page_figure(store: Store, figure_id: str, state: PageState, product: str | None) -> tuple[dict, dict]:
    options = {"product": product} if product else {}
    fig, data = figures.cached(figure_id, store, state.as_of, state.currency, **options)
    fig_dict, texts = for_page(fig)
    return fig_dict, {**texts, "rows": len(data)}


def for_page(fig) -> tuple[dict, dict]:
    """(figure dict, text parts) of a built figure as a page shows it (see page_figure)."""
    spec = fig.to_plotly_json()
    layout = dict(spec["layout"])
    title = layout.get("title") or {}
    texts = {"title": plain(title.get("text", "")), "subtitle": plain((title.get("subtitle") or {}).get("text", "")),
             "source": (layout.get("meta") or {}).get("source_line", ""), "meta": layout.get("meta") or {}}
    layout["title"] = {"text": ""}
    source_notes = [a for a in layout.get("annotations", []) if a.get("name") == figures.SOURCE_LINE_NAME]
    layout["annotations"] = [a for a in layout.get("annotations", []) if a.get("name") != figures.SOURCE_LINE_NAME]
    margin = dict(layout.get("margin") or {})
    old_top, old_bottom = int(margin.get("t", 100)), int(margin.get("b", 100))
    source_lines = sum(a.get("text", "").count("<br>") + 1 for a in source_notes)
    has_legend = figures.legend_rows(fig) > 0
    is_table = any(t.type == "table" for t in fig.data)
    margin.update({"t": 50 if has_legend else 20, "b": max(old_bottom - 14 * source_lines - 8, 30),
                   "l": 10 if is_table else 70, "r": 10 if is_table else 20})
    layout["margin"] = margin
    if has_legend:
        layout["legend"] = {**layout.get("legend", {}), "y": 1.02, "yanchor": "bottom"}
    height = int(layout.get("height") or figures.HEIGHT) - (old_top - margin["t"]) - (old_bottom - margin["b"])
    layout["height"] = max(height, 320)
    layout["autosize"] = True
    return {"data": spec["data"], "layout": layout}, texts


def figure_links(figure_id: str, state: PageState, product: str | None = None) -> dict[str, str]:
    """Relative URLs of the figure's CSV download and standalone (embeddable) page."""
    query = state.query(product=product, vintage=None)
    return {"csv": f"/download/{figure_id}.csv{query}", "embed": f"/embed/{figure_id}{query}"}


def figure_card(page: str, figure_id: str, state: PageState, results: dict, product: str | None = None) -> html.Section:
    """One chart with its finding as the heading, the claims it checks, the source line, CSV and embed links."""
    store = current_store()
    spec = figures.FIGURES[figure_id]
    try:
        fig_dict, texts = page_figure(store, figure_id, state, product)
    except Exception as exc:  # a figure that cannot be built must not take the page down
        return html.Section([
            html.H2(spec.title),
            html.P(f"This chart could not be built from the store: {type(exc).__name__}: {exc}", className="problems"),
        ], className="figure-card", id=f"figure-{figure_id}")
    claim_rows = []
    for claim_id in spec.claim_ids:
        result = results.get(claim_id)
        if result is None:
            continue
        anchor = {"id": f"claim-{claim_id}"} if figures.CLAIM_FIGURES.get(claim_id) == figure_id else {}
        claim_rows.append(html.Div([
            verdict_badge(result.verdict, small=True), " ",
            html.Span(f"“{result.stated.get('text') or result.claim}”", className="claim-quote"), " — ",
            html.Span(result.explanation, className="claim-explanation"),
        ], className="claim-ref", **anchor))
    return chart_card(page, figure_id, fig_dict, texts, figure_links(figure_id, state, product), claim_rows)


def chart_card(page: str, figure_id: str, fig_dict: dict, texts: dict, links: dict[str, str],
               claim_rows: list | None = None, has_data: bool = True) -> html.Section:
    """A chart as every page shows it: finding as heading, subtitle, claims, the chart, source line,
    CSV download (only when there are rows), standalone page and embed code (`links`: relative URLs)."""
    absolute = flask.request.host_url.rstrip("/") + links["embed"] if flask.has_request_context() else links["embed"]
    iframe = (f'<iframe src="{absolute}" title="{html_lib.escape(texts["title"])}" width="100%" height="'
              f'{int(fig_dict["layout"].get("height", 600)) + 200}" style="border:0" loading="lazy"></iframe>')
    return html.Section([
        html.H2(texts["title"], className="figure-title"),
        html.P(texts["subtitle"], className="figure-subtitle") if texts["subtitle"] else None,
        html.Div(claim_rows, className="claim-refs") if claim_rows else None,
        html.P("Scroll sideways to see the whole chart.", className="scroll-hint"),
        html.Div(dcc.Graph(id=f"{page}-graph-{figure_id}", figure=fig_dict, className="graph",
                           config={"displaylogo": False, "responsive": True,
                                   "toImageButtonOptions": {"filename": figure_id}},
                           style={"height": f"{fig_dict['layout']['height']}px"}), className="graph-scroll"),
        html.P(texts["source"], className="source-line"),
        html.Div([
            # An empty chart (nothing loaded yet) offers no CSV: there would be only a header in it.
            html.A("Download CSV", href=links["csv"], className="button", id=f"{page}-csv-{figure_id}")
            if has_data and texts.get("rows", 1) else None,
            html.A("Open standalone", href=links["embed"], className="button", target="_blank", rel="noopener"),
            html.Details([
                html.Summary("Embed this chart"),
                dcc.Textarea(value=iframe, readOnly=True, className="embed-code", id=f"{page}-embed-{figure_id}",
                             rows=3),
            ], className="embed"),
        ], className="figure-tools"),
    ], className="figure-card", id=f"figure-{figure_id}")


def results_by_id(state: PageState) -> dict:
    return {r.id: r for r in claim_results(current_store(), state.as_of)}
