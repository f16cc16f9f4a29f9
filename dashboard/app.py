"""The Dash app: multi-page (dashboard/pages), plus plain Flask routes for CSV downloads, embeddable
single-chart pages and a health check.

- Pages: `/` the desk's landing page, `/check`, `/articles` and `/article/<slug>`, `/scorecard` (the
  default article's), `/catalogue` and `/series/<id>`, `/trade`, `/innovation`, `/data` (each registers
  itself with `dash.register_page`; layouts are built per request in `layout(**query)`, so a new vintage shows
  on the next page load without a restart).
- Page state (as_of, currency, product, vintage) lives in the URL query: the controls write it with
  a callback, the page layout reads it, so a shared link reopens the same view.
- An old link to `/` that names scorecard state (`/?as_of=...`: "/" was the scorecard) is redirected to
  `/scorecard` with the same query.
- `/download/<figure-id>.csv?as_of=&currency=`: the rows a chart plots, with a `# ` metadata header;
  `/download/series/<id>.csv?entity=&as_of=&currency=` and `/embed/series/<id>?...`: the same for a
  catalogue series (its page is `/series/<id>`);
  `/download/catalogue.csv?q=&as_of=`: the catalogue's (searched) rows, the same way.
- `/embed/<figure-id>?as_of=&currency=`: one chart on a standalone page; plotly.js is served by this
  app from the dash bundle (no CDN: the dashboard works offline).
- `/health`: JSON, per source the last successful vintage, the last error and the last attempt;
  `"status": "degraded"` (HTTP 200) listing the sources whose last refresh failed; 503 with the
  reason when the store cannot be read (then every page answers 503 too, see dashboard.unavailable).
- Bounded: request bodies over 1 MB answer 413, malformed callback requests 400, and the caches of
  rendered pages and charts (indicators.cache) keep a fixed number of entries; after a refresh writes a
  vintage, a background thread rebuilds the recently used pages and charts it made stale.

Development: `indicators serve`; production: `gunicorn dashboard.wsgi:server`.
"""

from __future__ import annotations

import functools
import html as html_lib
import io
import json
import logging
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode

import dash
import flask
import plotly.io as pio
from dash import Input, Output, State, ctx, dcc, html
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError, NotFound, RequestEntityTooLarge

from dashboard import common, jsonld, unavailable
from dashboard.common import figures  # imported on first use (see dashboard.common)
from indicators import cache, sources

if TYPE_CHECKING:
    from indicators.store import Store

HERE = Path(__file__).resolve().parent
PLOTLY_JS = "/_dash-component-suites/plotly/package_data/plotly.min.js"
"""plotly.js as the dash bundle serves it (the same file dcc.Graph loads): no CDN needed."""

PAGE_CONTROLS = {
    "scorecard": {},
    "trade": {},
    "innovation": {},
    "data": {"vintage": "data-vintage"},
    "catalogue": {"q": "catalogue-search"},
    "series": {"entity": "series-entities", "currency": "series-currency"},
}
"""Per page: query parameter -> the control that sets it (besides the as-of controls every page has).
The page is rendered again from the new URL."""
PAGE_KEPT = {"trade": {"currency": "trade-currency", "product": "trade-product"}}
"""Per page: query parameter -> a control the page's own callback answers without rendering the page
again (it redraws the charts concerned and writes the URL itself: dashboard/pages/trade.py). A
change of the as-of date keeps their values."""
COMMON_PARAMS = ("as_of", "currency", "product")
"""Query parameters every page reads (the navigation keeps as-of and currency across pages)."""
PAGE_PARAMS = {"data": COMMON_PARAMS + ("vintage", "page", "size"), "articles": COMMON_PARAMS + ("slug",),
               "catalogue": COMMON_PARAMS + ("q",), "series": COMMON_PARAMS + ("series_id", "entity"),
               "home": ()}
"""Per page, the query parameters its layout is given (others: COMMON_PARAMS). Anything else in the
URL is dropped before the layout runs: it cannot break a page, nor make a new entry in the cache."""
RENDERED_PAGES_KEPT = 32
"""Page layouts kept (least recently used out): 32 pages of 40-230 kB of JSON each."""
CACHED_QUERY_MAX_CHARS = 500
"""A longer query (a real one is under 100 characters) is rendered, not kept in the cache."""
MAX_REQUEST_BYTES = 1024 * 1024
"""Request bodies over this answer 413 (a callback request of this app is under 2 kB)."""
VALUE_TYPES = {
    "pathname": (str,),
    "search": (str, type(None)),
    "hash": (str, type(None)),
    "href": (str, type(None)),
    "n_clicks": (int, type(None)),
    "value": (str, int, float, type(None)),
}
"""The JSON types a callback input or state of this app can carry, by property (dash's renderer
sends nothing else for these components); other values answer 400 before any callback runs."""
MULTI_VALUE_CONTROLS = {"series-entities"}
"""Controls whose `value` is a list (multi-selects): of text only; any other control's list answers 400."""
SCORECARD_PARAMS = ("as_of", "currency", "product")
"""A full page load of "/" with one of these in its query is an old scorecard link: redirected to /scorecard."""
PAGE_DEFAULTS = {"currency": "CNY", "product": "all"}
"""A control at its default leaves its parameter out of the URL (the series page has no default currency:
a series' own unit is its default)."""

log = logging.getLogger("dashboard")


def create_app(store: Store | None = None, warm: bool = True, rebuild: bool | None = None) -> dash.Dash:
    """Build the app around a store (the configured one, opened on first use, by default).

    With `warm`, a background thread opens the store and builds the default charts and verdicts
    once, so the first visitor of each page does not wait for them. With `rebuild` (default: as
    `warm`), another one (indicators.cache.Rebuilder, in app.server.extensions["indicators.cache"])
    polls the store's versions every few seconds and, after a new vintage, rebuilds the recently
    used pages, charts and verdicts it made stale, so no visitor waits on a cold build. A store
    that cannot be opened or read makes every page answer 503 with the reason (see
    dashboard.unavailable) until it can be read again.

    Building several apps in one process (the tests do) adds plotly.js to dash's module-level
    list of dcc scripts once per app. That is harmless: the entry is a dynamic resource (loaded by
    dcc.Graph on demand), never a <script> tag in the page, so no page loads it twice."""
    app = dash.Dash(
        "dashboard",
        use_pages=True,
        pages_folder=str(HERE / "pages"),
        assets_folder=str(HERE / "assets"),
        suppress_callback_exceptions=True,
        title=f"{common.SITE_NAME} — {common.SITE_TAGLINE}",
        update_title=None,
        serve_locally=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.server.config[common.STORE_KEY] = store
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    app.layout = html.Div([dcc.Location(id="url", refresh="callback-nav"), dash.page_container])
    for page, extra in PAGE_CONTROLS.items():
        _register_state_callback(app, page, extra, PAGE_KEPT.get(page, {}))
    _cache_page_layouts()
    _register_request_checks(app)
    jsonld.register(app)  # ClaimReview JSON-LD in article pages; before the routes: its hook runs last
    _register_routes(app)
    if warm:
        threading.Thread(target=_warm, args=(app.server,), daemon=True, name="dashboard-warm-up").start()
    if warm if rebuild is None else rebuild:
        server = app.server
        app.server.extensions["indicators.cache"] = cache.Rebuilder(lambda: common.app_store(server)).start()
    return app


def _warm(server: flask.Flask) -> None:
    """Open the store and build what the pages show by default (latest data, CNY) into the caches."""
    try:
        store = common.app_store(server)
        store.state()
    except Exception as exc:  # every page answers 503 with this until the store can be read
        _log_unavailable(unavailable.explain(exc, _configured_url(server)))
        return
    try:
        common.claim_results(store, None)
        for figure_id in figures.FIGURES:
            figures.cached(figure_id, store)
    except Exception:  # a cold cache is only slower; the page reports real errors when it builds
        pass


def _register_state_callback(app: dash.Dash, page: str, extra: dict[str, str], kept: dict[str, str]) -> None:
    """Controls -> URL (the page layout then re-renders from it); `kept` controls are read, not
    listened to (see PAGE_KEPT)."""
    inputs = [Input(f"{page}-as-of", "value"), Input(f"{page}-as-of-article", "n_clicks"),
              Input(f"{page}-as-of-latest", "n_clicks")] + [Input(component, "value") for component in extra.values()]
    states = [State(component, "value") for component in kept.values()] + [State("url", "pathname"),
                                                                            State("url", "search")]

    # A page that writes its URL itself (PAGE_KEPT) gets the whole href written: this Location's own
    # href is then out of date, and dcc.Location navigates to its href when that differs.
    target = "href" if kept else "search"

    @app.callback(Output("url", target, allow_duplicate=True), inputs, *states, prevent_initial_call=True)
    def update_query(as_of, _article, _latest, *rest):
        *values, pathname, search = rest
        if not isinstance(as_of, (str, type(None))):
            raise BadRequest(f"{page}-as-of: the date must be text, got {type(as_of).__name__}")
        if len(ctx.triggered_prop_ids) > 1:
            # Fired because the page's controls were just rendered (all inputs "changed"): the URL already
            # holds this state. Writing it back would only re-render the page.
            return dash.no_update
        query = {k: v[0] for k, v in parse_qs((search or "").lstrip("?")).items() if v}
        trigger = ctx.triggered_id
        if trigger == f"{page}-as-of-article":
            as_of = common.article_date()
        elif trigger == f"{page}-as-of-latest":
            as_of = ""
        _set(query, "as_of", (as_of or "").strip())
        for (param, _component), value in zip([*extra.items(), *kept.items()], values):
            default = None if page == "series" else PAGE_DEFAULTS.get(param)
            if isinstance(value, list):
                value = ",".join(str(v) for v in value)
            _set(query, param, "" if value in (None, default) else str(value))
        new_search = ("?" + urlencode(query)) if query else ""
        if kept:
            return (pathname or "/") + new_search
        return dash.no_update if new_search == (search or "") else new_search


def _set(query: dict, key: str, value: str) -> None:
    if value:
        query[key] = value
    else:
        query.pop(key, None)


# -- rendered pages ----------------------------------------------------------------------------


def pages_cache() -> cache.Cache:
    """The rendered page layouts (indicators.cache), bounded by RENDERED_PAGES_KEPT as it is now."""
    return cache.named("rendered pages", RENDERED_PAGES_KEPT, files=common.claims_file_version, scope="store")


def _cache_page_layouts() -> None:
    """Wrap each registered page's layout function (dash.page_registry) so that it gets only the
    query parameters it reads and keeps what it built per store state.

    A page is built once per URL and store state; later visitors get the same component tree
    (building one takes 4-11 ms with the charts cached; dash still serializes it, 4-9 ms). The key
    (indicators.cache's scheme) holds everything a page is built from: the page, its query
    parameters, the host (the embed code names it), the store and its data versions (every source's;
    for /data Store.state(): also the newest refresh event and revision report, STATE_PAGES) and the
    article files. So a new vintage, a failed refresh on /data or an edited claims file still shows
    on the next page load, and a refresh that finds nothing new keeps the cached pages.

    Dash has no public hook to cache the answer of its page-router callback itself (the JSON it
    sends); the layout functions in dash.page_registry are the public part of the router."""
    for entry in dash.page_registry.values():
        layout = entry.get("layout")
        if callable(layout) and not hasattr(layout, "page_layout"):
            page_key = entry.get("page_key") or entry["module"]
            entry["layout"] = _cached_layout(page_key, layout, PAGE_PARAMS.get(page_key, COMMON_PARAMS))


def _cached_layout(page_key: str, layout, params: tuple[str, ...]):
    @functools.wraps(layout)
    def cached(**query):
        query = {name: query[name] for name in params if name in query}
        shown = json.dumps(query, sort_keys=True, default=str)
        if not flask.has_request_context() or len(shown) > CACHED_QUERY_MAX_CHARS:
            return layout(**query)
        host = flask.request.host_url
        build = functools.partial(_render, flask.current_app._get_current_object(), host, layout, query)
        store = common.current_store()
        return pages_cache().get(store, (page_key, shown, host), build, versions=_store_versions(store),
                                 scope="state" if page_key in STATE_PAGES else "store")

    cached.page_layout = layout
    return cached


def _render(server: flask.Flask, host: str, layout, query: dict):
    """The page's tree as JSON data; outside a request (the cache's rebuilding thread) inside a
    request context of the same app and host, which is all a layout reads of the request."""
    if flask.has_request_context():
        return _as_json_data(layout(**query))
    with server.test_request_context("/", base_url=host):
        return _as_json_data(layout(**query))


def _as_json_data(tree):
    """A component tree as the plain JSON data dash sends for it ({"type", "namespace", "props"}).

    Dash serializes a callback's answer on every call; for a tree of components that means one
    Python `to_plotly_json` call per component (5,000 on /trade: 4 ms of a 7 ms call). Plain dicts
    and lists go through the json module's C encoder instead. The renderer gets the same JSON."""
    return json.loads(pio.json.to_json_plotly(tree))  # what dash.dash._utils.to_json calls


STATE_PAGES = {"data"}
"""Pages that show refresh events and revision reports besides the data: keyed on Store.state()."""


def _store_versions(store: Store) -> dict[str, int]:
    """Store.versions(), read once per request (one grouped query): the page cache keys on them."""
    versions = flask.g.get("store_versions")
    if versions is None:
        versions = flask.g.store_versions = store.versions()
    return versions


# -- checks before any page or callback runs -------------------------------------------------


def _register_request_checks(app: dash.Dash) -> None:
    """Malformed callback requests answer 400, and while the store cannot be read every page,
    callback, download and embed answers 503 with the reason (/health: JSON, see below)."""
    server = app.server
    prefix = app.config.routes_pathname_prefix
    callback_path = prefix + "_dash-update-component"
    page_rules = {None, "/", prefix, "/<path:path>", prefix + "<path:path>"}

    @server.before_request
    def check_request():
        request = flask.request
        if request.method == "POST" and request.path == callback_path:
            problem = _callback_problem(app)
            if problem:
                return _json_error(400, problem)
        rule = request.url_rule.rule if request.url_rule is not None else None
        gated = (request.path == callback_path or request.path.startswith(("/download/", "/embed/"))
                 or (rule in page_rules and request.method == "GET"))
        if not gated:
            return None
        if request.method == "GET" and rule in page_rules and server.config.get(common.STORE_KEY) is None:
            # The store is still being opened (its imports take ~0.5 s): the shell needs no data, so
            # it waits only for what shows without opening the store; its callbacks check in full.
            reason = unavailable.visible_problem()
            if reason:
                _log_unavailable(reason)
                return _unavailable(reason)
            return None
        try:
            _store_versions(common.current_store())  # proves it readable (kept in flask.g for the page cache)
        except Exception as exc:
            reason = unavailable.explain(exc, _configured_url(server))
            _log_unavailable(reason)
            return _unavailable(reason)
        return None

    @server.errorhandler(Exception)
    def handle_error(exc: Exception):
        """The store failing during a request is a 503 with the reason; /health always answers JSON."""
        if isinstance(exc, HTTPException):
            if flask.request.path in ("/health", callback_path):
                return _json_error(exc.code or 500, exc.description or exc.name)
            return exc
        if unavailable.is_store_failure(exc):
            return _unavailable(unavailable.explain(exc, _configured_url(server)))
        if isinstance(exc, dash.exceptions.DependencyException):
            # Dash's asset route (/_dash-component-suites/<package>/<path>) raises this for an unknown package or a
            # path it never registered (traversal included): a request for a file that is not there
            return NotFound()
        server.log_exception(sys.exc_info())
        if flask.request.path == "/health" or flask.request.path == callback_path:
            return _json_error(500, f"internal error: {type(exc).__name__}")
        return InternalServerError()


def _callback_problem(app: dash.Dash) -> str | None:
    """What is wrong with this callback request, or None: the body must be the JSON dash's renderer
    sends for one of this app's callbacks (its inputs and state, in order, with values of the right
    types). Dash itself answers a malformed one with a 500 and a traceback in the log."""
    try:
        body = flask.request.get_json()
    except RequestEntityTooLarge:
        raise
    except RecursionError:
        return "the callback request is nested too deeply"
    except (HTTPException, ValueError):
        return "the callback request is not JSON (Content-Type: application/json)"
    if not isinstance(body, dict):
        return "the callback request must be a JSON object"
    output = body.get("output")
    spec = app.callback_map.get(output) if isinstance(output, str) else None
    if spec is None or not callable(spec.get("callback")):
        return "the callback request names no callback of this app"
    outputs, declared = body.get("outputs"), spec["output"]
    if isinstance(declared, (list, tuple)):
        if not (isinstance(outputs, list) and len(outputs) == len(declared) and all(isinstance(o, dict) for o in outputs)):
            return "the callback request's outputs do not match the callback"
    elif not isinstance(outputs, dict):
        return "the callback request's outputs do not match the callback"
    for part in ("inputs", "state"):
        sent, expected = body.get(part, []), spec.get(part) or []
        if not isinstance(sent, list) or len(sent) != len(expected):
            return f"the callback request's {part} do not match the callback"
        for item, want in zip(sent, expected):
            items = _sent_items(item, want)
            if items is None:
                return f"the callback request's {part} do not match the callback"
            types = VALUE_TYPES.get(want["property"])
            if want["property"] == "value" and want["id"] in MULTI_VALUE_CONTROLS:
                types = (list, type(None))
            for one in items:
                if types and not isinstance(one.get("value"), types):
                    return f"{want['id']}.{want['property']}: a {type(one.get('value')).__name__} is not a valid value"
                if isinstance(one.get("value"), list) and not all(isinstance(v, str) for v in one["value"]):
                    return f"{want['id']}.{want['property']}: a list must hold text only"
    changed = body.get("changedPropIds", [])
    inputs = spec.get("inputs") or []
    if not isinstance(changed, list) or not all(isinstance(c, str) and _names_input(c, inputs) for c in changed):
        return "the callback request's changedPropIds name no input of the callback"
    return None


def _sent_items(item, want: dict) -> list[dict] | None:
    """The sent input or state as a list of {id, property, value}, or None when it does not match the
    declared one. A pattern-matching id (declared as a JSON object with MATCH or ALL wildcards, e.g. one
    row of /check's table) matches the concrete ids of its components; ALL sends a list of them."""
    pattern = _pattern(want["id"])
    if pattern is None:
        ok = isinstance(item, dict) and item.get("id") == want["id"] and item.get("property") == want["property"]
        return [item] if ok else None
    many = ["ALL"] in pattern.values()
    items = item if many and isinstance(item, list) else [item]
    if not many and isinstance(item, list):
        return None
    for one in items:
        if not (isinstance(one, dict) and one.get("property") == want["property"]
                and _id_matches(one.get("id"), pattern)):
            return None
    return items


def _pattern(declared: str) -> dict | None:
    if not declared.startswith("{"):
        return None
    try:
        return json.loads(declared)
    except ValueError:
        return None


def _id_matches(sent_id, pattern: dict) -> bool:
    """A concrete id (a dict) against a pattern: the same keys, equal values where the pattern has no wildcard."""
    return (isinstance(sent_id, dict) and set(sent_id) == set(pattern)
            and all(isinstance(value, list) or sent_id[key] == value for key, value in pattern.items())
            and all(isinstance(value, (str, int, float, bool)) for value in sent_id.values()))


def _names_input(changed: str, inputs: list[dict]) -> bool:
    """A changedPropIds entry ("id.property", the id a JSON object for pattern-matching ids) names an input."""
    name, _, prop = changed.rpartition(".")
    for want in inputs:
        if want["property"] != prop:
            continue
        pattern = _pattern(want["id"])
        if pattern is None and name == want["id"]:
            return True
        if pattern is not None and _id_matches(_pattern(name) if name.startswith("{") else None, pattern):
            return True
    return False


_logged_problems: set[str] = set()


def _log_unavailable(reason: str) -> None:
    """Log why the store is unavailable: one line, no traceback, once per distinct reason."""
    if reason not in _logged_problems:
        _logged_problems.add(reason)
        log.error("dashboard: the store is unavailable: %s", reason)


def _configured_url(server: flask.Flask) -> str | None:
    store = server.config.get(common.STORE_KEY)
    return store.url if store is not None else None


def _unavailable(reason: str) -> flask.Response:
    """503 with the reason: an HTML page for a page, JSON for a callback, text for a download."""
    path = flask.request.path
    if path.endswith("_dash-update-component"):
        response = flask.jsonify({"status": "unavailable", "error": reason})
    elif path.startswith("/download/"):
        response = flask.Response(reason + "\n", mimetype="text/plain")
    else:
        response = flask.Response(unavailable.page(reason), mimetype="text/html")
    response.status_code = 503
    response.headers["Retry-After"] = str(unavailable.RETRY_AFTER_S)
    response.headers["Cache-Control"] = "no-store"
    return response


def _json_error(status: int, message: str) -> flask.Response:
    response = flask.jsonify({"status": "error", "error": message})
    response.status_code = status
    return response


# -- Flask routes ----------------------------------------------------------------------------


def _register_routes(app: dash.Dash) -> None:
    server = app.server

    @server.route("/health")
    def health():
        """Per source: the latest vintage, the last successful refresh, the last error and the last
        attempt, and per named cache its entries, hits, misses, builds and rebuilds (indicators.cache).
        JSON in every case. `status`: "ok" when every source's last refresh succeeded (or
        was skipped by design); "degraded" (still HTTP 200: pages are served, from the last good
        vintages) listing each source whose last refresh failed, with its error; "unavailable"
        (HTTP 503) with the reason when the store cannot be read."""
        try:
            store = common.current_store()
            events = store.last_events()
            report, failing = {}, []
            for name in sources.NAMES:
                latest = store.latest_vintage(name)
                entry = events.get(name, {})
                attempt = entry.get("last_attempt")
                report[name] = {
                    "latest_vintage": None if latest is None else {
                        "id": latest.id, "label": latest.label, "mode": latest.mode, "rows": latest.rows,
                        "retrieved_at": latest.retrieved_at, "release_date": latest.release_date},
                    "last_ok": entry.get("last_ok"),
                    "last_error": entry.get("last_error"),
                    "last_attempt": attempt,
                }
                if attempt and attempt["status"] == "failed":
                    failing.append({"source": name, "at": attempt["at"], "error": attempt["detail"],
                                    "serving_vintage": None if latest is None else latest.id})
            body = {"status": "degraded" if failing else "ok", "failing": failing,
                    "generation": store.generation(), "sources": report, "caches": cache.stats(),
                    "checked_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
            return flask.jsonify(body), 200
        except Exception as exc:
            reason = unavailable.explain(exc, _configured_url(server))
            return flask.jsonify({"status": "unavailable", "error": reason,
                                  "checked_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}), 503

    @server.route("/download/<figure_id>.csv")
    def download(figure_id: str):
        """The rows a chart plots, as CSV with a `# ` metadata header (only known figure ids)."""
        try:
            fig, data, state = _figure_request(figure_id)
        except LookupError:
            return _text_error(404, f"Unknown figure id {figure_id!r}. Known ids: {', '.join(figures.FIGURES)}.")
        except ValueError as exc:
            return _text_error(400, str(exc))
        name = figure_id + ("-" + state.currency.lower() if state.currency != "CNY" else "") \
            + (f"-asof-{state.as_of}" if state.as_of else "")
        return _csv_response(fig, data, name)

    @server.route("/download/series/<series_id>.csv")
    def download_series(series_id: str):
        """A catalogue series' plotted rows (`entity`, `as_of`, `currency` as on its page), CSV with a `# ` header."""
        try:
            fig, data, view, state = _series_request(series_id)
        except LookupError as exc:
            return _text_error(404, str(exc.args[0]))
        except ValueError as exc:
            return _text_error(400, str(exc))
        name = "-".join([series_id, *[e.lower() for e in view.entities]]) \
            + (f"-{fig.layout.meta['currency'].lower()}" if view.money else "") \
            + (f"-asof-{state.as_of}" if state.as_of else "")
        return _csv_response(fig, data, name)

    @server.route("/download/catalogue.csv")
    def download_catalogue():
        """The catalogue page's rows (`q`: the search, `as_of`) as CSV with a `# ` header."""
        from indicators import catalogue_view

        try:
            state = _strict_state(flask.request.args)
        except ValueError as exc:
            return _text_error(400, str(exc))
        search = flask.request.args.get("q", "")
        chosen = catalogue_view.entries(common.current_store(), as_of=state.as_of, search=search)
        response = flask.Response(catalogue_view.csv_text(chosen, as_of=state.as_of, search=search), mimetype="text/csv")
        name = "catalogue" + ("-search" if catalogue_view.search_words(search) else "") \
            + (f"-asof-{state.as_of}" if state.as_of else "")
        response.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response

    @server.route("/embed/<figure_id>")
    def embed(figure_id: str):
        """One chart on a minimal standalone page (for an <iframe>); plotly.js served locally."""
        try:
            fig, _, _ = _figure_request(figure_id)
        except LookupError:
            return _html_error(404, "Unknown figure", f"There is no figure {figure_id!r}. Known figures: "
                                                      f"{', '.join(figures.FIGURES)}.")
        except ValueError as exc:
            return _html_error(400, "Bad request", str(exc))
        return _embed_response(app, fig, figure_id)

    @server.route("/embed/series/<series_id>")
    def embed_series(series_id: str):
        """A catalogue series' chart on a minimal standalone page (`entity`, `as_of`, `currency` as on its page)."""
        try:
            fig, _, _, _ = _series_request(series_id)
        except LookupError as exc:
            return _html_error(404, "Unknown series", str(exc.args[0]))
        except ValueError as exc:
            return _html_error(400, "Bad request", str(exc))
        return _embed_response(app, fig, series_id)

    @server.before_request
    def old_scorecard_link():
        """"/" was the scorecard: a page load of "/" whose query names scorecard state goes there."""
        request = flask.request
        if (request.method == "GET" and request.path == app.config.routes_pathname_prefix
                and any(request.args.get(k) for k in SCORECARD_PARAMS)):
            query = request.query_string.decode("latin-1")
            return flask.redirect(app.get_relative_path("/scorecard") + "?" + query, code=301)
        return None

    @server.after_request
    def security_headers(response: flask.Response):
        """Headers Dash allows: no sniffing, no referrer leaks, a CSP that keeps everything on this
        server (Dash's renderer needs inline scripts). Only /embed may be framed by other sites."""
        embeddable = flask.request.path.startswith("/embed/")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if not embeddable:
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault("Content-Security-Policy", "; ".join([
            "default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self' data:",
            "connect-src 'self'", "object-src 'none'", "base-uri 'self'",
            "frame-ancestors *" if embeddable else "frame-ancestors 'self'"]))
        return response

    @server.after_request
    def not_found_status(response: flask.Response):
        """Unknown paths get Dash's 404 page (rendered in the browser) with a real 404 status."""
        rule = flask.request.url_rule.rule if flask.request.url_rule is not None else None
        served_by_index = rule in (None, "/", app.config.routes_pathname_prefix, "/<path:path>",
                                   app.config.routes_pathname_prefix + "<path:path>")
        if response.status_code == 200 and response.mimetype == "text/html" and served_by_index:
            path = flask.request.path.rstrip("/") or "/"
            known = {app.get_relative_path(p["path"]).rstrip("/") or "/" for p in dash.page_registry.values()
                     if p["module"].split(".")[-1] != "not_found_404"}
            templated = tuple(p["path_template"].split("<")[0] for p in dash.page_registry.values()
                              if p.get("path_template"))
            if path not in known and not (templated and path.startswith(templated)):
                response.status_code = 404
        return response


def _embed_response(app: dash.Dash, fig, element: str) -> flask.Response:
    """One chart on a minimal standalone page (for an <iframe>); plotly.js served by this app."""
    meta = fig.layout.meta or {}
    # The layout of the chart's width band (figures.responsive): wrapped titles, legend below the
    # plot and stacked panels in a narrow iframe, the export layout in a wide one.
    chart = figures.responsive.html_div(fig, f"embed-{element}")
    plotly_js = html_lib.escape(app.get_relative_path(PLOTLY_JS))
    title = common.plain(fig.layout.title.text or element)
    meta_json = json.dumps(meta, default=str).replace("</", "<\\/")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html_lib.escape(title)}</title>
<link rel="icon" href="data:,">
<meta name="description" content="{html_lib.escape(meta.get('source_line', ''))}">
<style>body{{margin:0;font-family:system-ui,sans-serif;background:#fff}} .chart{{max-width:1200px;margin:0 auto}}</style>
<script src="{plotly_js}"></script>
</head><body><div class="chart">{chart}</div>
<script type="application/json" id="figure-meta">{meta_json}</script>
</body></html>"""
    return flask.Response(page, mimetype="text/html")


def _csv_response(fig, data, name: str) -> flask.Response:
    """The rows a chart plots as a CSV attachment, after the `# ` metadata header (_csv_header)."""
    body = io.StringIO()
    for line in _csv_header(fig):
        body.write(f"# {line}\n")
    data.to_csv(body, index=False)
    response = flask.Response(body.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def _figure_request(figure_id: str):
    """(figure, rows, state) for a bespoke chart's route; LookupError for an unknown id, ValueError for a bad
    date or currency."""
    if figure_id not in figures.FIGURES:
        raise LookupError(figure_id)
    state = _strict_state(flask.request.args)
    options = {"product": state.product} if state.product and figure_id == "new-trio-products" else {}
    fig, data = figures.cached(figure_id, common.current_store(), state.as_of, state.currency, **options)
    return fig, data, state


def _series_request(series_id: str):
    """(figure, rows, series view, state) for a series route; LookupError for an unknown id or economy,
    ValueError for a bad date or currency."""
    from dashboard import series_view

    state = _strict_state(flask.request.args)
    store = common.current_store()
    view = series_view.lookup(store, series_id, flask.request.args.get("entity"), state.as_of)
    if view is None:
        raise LookupError(f"There is no series {series_id!r}: see /catalogue for every series the store holds.")
    if view.problems:
        raise LookupError(" ".join(view.problems))
    currency = (state.currency if flask.request.args.get("currency") else view.key.unit) if view.money else None
    fig, data = common.figures_series.series_chart(store, view.key, view.entities, state.as_of, currency)
    return fig, data, view, state


def _strict_state(args) -> common.PageState:
    """The page state for a route: here a bad value is an error (400), not a fallback."""
    state = common.read_state({k: args.get(k) for k in ("as_of", "currency", "product")})
    if state.problems:
        raise ValueError(" ".join(state.problems))
    return state


def _csv_header(fig) -> list[str]:
    meta = fig.layout.meta or {}
    licences = []
    for ref in meta.get("vintages") or []:
        try:
            licence = sources.get(ref["source"]).METADATA.licence
        except (ValueError, AttributeError, ImportError):
            continue
        line = f"{ref['source']}: {licence}"
        if line not in licences:
            licences.append(line)
    vintages = "; ".join(
        f"{ref['source']} {ref['vintage']}" + (f" ({ref.get('label')}, {ref.get('mode')}, retrieved {ref.get('retrieved_at')})"
                                              if ref.get("label") else "")
        for ref in meta.get("vintages") or [])
    return [
        f"figure: {meta.get('id', '')}",
        f"title: {common.plain(fig.layout.title.text or '')}",
        meta.get("source_line", ""),
        f"vintages: {vintages}",
        f"as_of: {meta.get('as_of') or 'latest'}",
        f"currency: {meta.get('currency') or 'n/a (no money values)'}",
        f"claims: {', '.join(meta.get('claim_ids') or []) or 'none'}",
        f"licence: {' | '.join(licences) or 'see the data page'}",
        f"generated: {datetime.now(timezone.utc).isoformat(timespec='seconds')}",
        "columns: value/unit as plotted; original_value/original_unit before a conversion or derivation",
    ]


def _text_error(status: int, message: str) -> flask.Response:
    return flask.Response(message + "\n", status=status, mimetype="text/plain")


def _html_error(status: int, title: str, message: str) -> flask.Response:
    page = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html_lib.escape(title)}</title></head>"
            f"<body style='font-family:system-ui,sans-serif;margin:2rem'><h1>{html_lib.escape(title)}</h1>"
            f"<p>{html_lib.escape(message)}</p><p><a href='/'>Home</a> · <a href='/catalogue'>Catalogue</a></p></body></html>")
    return flask.Response(page, status=status, mimetype="text/html")
