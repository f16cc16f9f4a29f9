"""The Dash app: multi-page (dashboard/pages), plus plain Flask routes for CSV downloads, embeddable
single-chart pages and a health check.

- Pages: `/` the desk's landing page, `/check`, `/articles` and `/article/<slug>`, `/scorecard` (the
  default article's), `/catalogue` and `/series/<id>`, `/trade`, `/innovation`, `/data` (each registers
  itself with `dash.register_page`; layouts are built per request in `layout(**query)`, so a new vintage shows
  on the next page load without a restart).
- Page state (as_of, currency, product, vintage) lives in the URL query: the controls write it with
  a callback, the page layout reads it, so a shared link reopens the same view. Each page module owns
  its layout (common.page_layout) and callbacks (common.url_state, common.callback); this module adds
  the Flask side: routes, request checks and error handlers.
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
- Bounded: request bodies over 1 MB answer 413, malformed callback requests 400 (the error handler:
  an exception Dash raises for a body that does not fit its callback; one raised inside our callbacks
  and layouts is a logged 500), and the caches of rendered pages and charts (indicators.cache) keep a
  fixed number of entries; after a refresh writes a vintage, a background thread rebuilds the recently
  used pages and charts it made stale.

Development: `indicators serve`; production: `gunicorn dashboard.wsgi:server`.
"""

from __future__ import annotations

import html as html_lib
import io
import json
import logging
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import dash
import flask
from dash import dcc, html
from werkzeug.exceptions import HTTPException, InternalServerError, NotFound

from dashboard import common, jobs, jsonld, unavailable
from dashboard.common import figures  # imported on first use (see dashboard.common)
from indicators import cache, sources

if TYPE_CHECKING:
    from indicators.store import Store

HERE = Path(__file__).resolve().parent
PLOTLY_JS = "/_dash-component-suites/plotly/package_data/plotly.min.js"
"""plotly.js as the dash bundle serves it (the same file dcc.Graph loads): no CDN needed."""

MAX_REQUEST_BYTES = 1024 * 1024
"""Request bodies over this answer 413 (a callback request of this app is under 2 kB)."""
SCORECARD_PARAMS = ("as_of", "currency", "product")
"""A full page load of "/" with one of these in its query is an old scorecard link: redirected to /scorecard."""
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
    background = jobs.manager(store.url, store.read_only) if store is not None else jobs.manager(None)
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
        # the Check-a-text page's spotting runs in job processes, off the request path (dashboard.jobs)
        background_callback_manager=background,
    )
    background.launch()  # the pages' jobs are registered; no thread of the app runs yet
    app.server.config[common.STORE_KEY] = store
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    app.layout = html.Div([dcc.Location(id="url", refresh="callback-nav"), dash.page_container])
    _register_request_checks(app)
    jsonld.register(app)  # ClaimReview JSON-LD in article pages; before the routes: its hook runs last
    _register_routes(app)
    _register_dispatch_mark(app)  # last: after every other before_request hook
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
            common.store_versions(common.current_store())  # proves it readable (kept in flask.g for the page cache)
        except Exception as exc:
            reason = unavailable.explain(exc, _configured_url(server))
            _log_unavailable(reason)
            return _unavailable(reason)
        return None

    @server.errorhandler(Exception)
    def handle_error(exc: Exception):
        """The store failing during a request is a 503 with the reason; /health and callbacks answer JSON;
        a malformed callback request answers 400 (see _malformed); anything else is logged and a 500."""
        path = flask.request.path
        if isinstance(exc, HTTPException):
            if path in ("/health", callback_path):
                return _json_error(exc.code or 500, exc.description or exc.name)
            return exc
        if unavailable.is_store_failure(exc):
            return _unavailable(unavailable.explain(exc, _configured_url(server)))
        if isinstance(exc, dash.exceptions.DependencyException):
            # Dash's asset route (/_dash-component-suites/<package>/<path>) raises this for an unknown package or a
            # path it never registered (traversal included): a request for a file that is not there
            return NotFound()
        if path == callback_path and _malformed(exc):
            return _json_error(400, f"the callback request does not fit the callback it names "
                                    f"({type(exc).__name__}: {str(exc)[:200]})")
        server.log_exception(sys.exc_info())
        if path in ("/health", callback_path):
            where = common.raised_in(exc)
            return _json_error(500, f"internal error: {type(exc).__name__}" + (f" in {where}" if where else ""))
        return InternalServerError()


def _register_dispatch_mark(app: dash.Dash) -> None:
    """Mark, in flask.g, that every before_request hook ran: from there on a callback request is Dash's to
    dispatch, so an exception is Dash's reading of the body (400 when _malformed) or our code's (500)."""

    @app.server.before_request
    def dispatching():
        flask.g.dispatching = True


MALFORMED = (KeyError, TypeError, IndexError, AttributeError, ValueError, RecursionError,
             dash.exceptions.CallbackException)
"""What Dash raises while dispatching a callback request whose body does not fit the callback it names
(dash's backends/_flask.py serve_callback: `body["output"]` and the callback map (KeyError), the
inputs, state and changedPropIds read as lists of {id, property, value} (TypeError, AttributeError,
IndexError), the answer fitted into the outputs asked for (InvalidCallbackReturnValue), the page
router given a pathname that is not text (TypeError, AttributeError)); a body nested too deeply
fails in the JSON parser (RecursionError)."""


def _malformed(exc: Exception) -> bool:
    """Whether Dash raised this for a malformed callback request (400), not our code (500).

    Not when it was raised inside our code (common.our_code tags every page's callback and layout), nor
    before Dash's dispatch began (in one of our before_request hooks), nor when Dash could not serialize
    our answer (InvalidCallbackReturnValue raised while handling the TypeError of the JSON encoder)."""
    if not isinstance(exc, MALFORMED) or common.raised_in(exc) is not None:
        return False
    if not flask.g.get("dispatching"):
        return False
    if isinstance(exc, dash.exceptions.InvalidCallbackReturnValue) and isinstance(exc.__context__, TypeError):
        return False
    return True


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
        from dashboard import series_view
        from indicators import catalogue_view

        try:
            state = _strict_state(flask.request.args)
        except ValueError as exc:
            return _text_error(400, str(exc))
        search = flask.request.args.get("q", "")
        # the page's entries, from the same cache (a search only filters them)
        chosen = catalogue_view.find(series_view.all_entries(common.current_store(), state.as_of), search)
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
