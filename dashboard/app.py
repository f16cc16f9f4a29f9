"""The Dash app: multi-page (dashboard/pages), plus plain Flask routes for CSV downloads, embeddable
single-chart pages and a health check.

- Pages: `/` scorecard, `/trade`, `/innovation`, `/data` (each registers itself with
  `dash.register_page`; layouts are built per request in `layout(**query)`, so a new vintage shows
  on the next page load without a restart).
- Page state (as_of, currency, product, vintage) lives in the URL query: the controls write it with
  a callback, the page layout reads it, so a shared link reopens the same view.
- `/download/<figure-id>.csv?as_of=&currency=`: the rows a chart plots, with a `# ` metadata header.
- `/embed/<figure-id>?as_of=&currency=`: one chart on a standalone page; plotly.js is served by this
  app from the dash bundle (no CDN: the dashboard works offline).
- `/health`: JSON, per source the last successful vintage and the last error.

Development: `indicators serve`; production: `gunicorn dashboard.wsgi:server`.
"""

from __future__ import annotations

import html as html_lib
import io
import json
import threading
from collections import OrderedDict
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode

import dash
import flask
import plotly.io as pio
from dash import Input, Output, State, ctx, dcc, html

from dashboard import common
from dashboard.common import figures  # imported on first use (see dashboard.common)
from indicators import sources

if TYPE_CHECKING:
    from indicators.store import Store

HERE = Path(__file__).resolve().parent
PLOTLY_JS = "/_dash-component-suites/plotly/package_data/plotly.min.js"
"""plotly.js as the dash bundle serves it (the same file dcc.Graph loads): no CDN needed."""

PAGE_CONTROLS = {
    "scorecard": {},
    "trade": {"currency": "trade-currency", "product": "trade-product"},
    "innovation": {},
    "data": {"vintage": "data-vintage"},
}
"""Per page: query parameter -> the control that sets it (besides the as-of controls every page has)."""
PAGE_ROUTER_OUTPUT = ".._pages_content.children..._pages_store.data.."
"""The output of Dash pages' router callback, which renders a whole page."""
RENDERED_PAGES_KEPT = 64



def create_app(store: Store | None = None, warm: bool = True) -> dash.Dash:
    """Build the app around a store (the configured one, opened on first use, by default).

    With `warm`, a background thread opens the store and builds the default charts and verdicts
    once, so the first visitor of each page does not wait for them (later vintages rebuild on
    demand)."""
    app = dash.Dash(
        "dashboard",
        use_pages=True,
        pages_folder=str(HERE / "pages"),
        assets_folder=str(HERE / "assets"),
        suppress_callback_exceptions=True,
        title="Fact-check: China's new trio and innovation claims",
        update_title=None,
        serve_locally=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    _dedupe_plotly_bundle()
    app.server.config[common.STORE_KEY] = store
    app.layout = html.Div([dcc.Location(id="url", refresh="callback-nav"), dash.page_container])
    for page, extra in PAGE_CONTROLS.items():
        _register_state_callback(app, page, extra)
    _register_routes(app)
    _register_page_cache(app)
    if warm:
        threading.Thread(target=_warm, args=(app.server,), daemon=True, name="dashboard-warm-up").start()
    return app


def _warm(server: flask.Flask) -> None:
    """Open the store and build what the pages show by default (latest data, CNY) into the caches."""
    try:
        store = common.app_store(server)
        common.claim_results(store, None)
        for figure_id in figures.FIGURES:
            figures.cached(figure_id, store)
    except Exception:  # a cold cache is only slower; the page reports real errors when it builds
        pass


def _dedupe_plotly_bundle() -> None:
    """Each Dash() adds plotly.js to dcc's bundle list again; keep one entry (tests build several apps)."""
    seen, unique = set(), []
    for entry in dcc._js_dist:  # noqa: SLF001 - dash keeps this list module-global
        key = (entry.get("relative_package_path"), entry.get("namespace"))
        if key in seen and entry.get("namespace") == "plotly":
            continue
        seen.add(key)
        unique.append(entry)
    dcc._js_dist[:] = unique  # noqa: SLF001


def _register_state_callback(app: dash.Dash, page: str, extra: dict[str, str]) -> None:
    """Controls -> URL query (the page layout then re-renders from the URL)."""
    inputs = [Input(f"{page}-as-of", "value"), Input(f"{page}-as-of-article", "n_clicks"),
              Input(f"{page}-as-of-latest", "n_clicks")] + [Input(component, "value") for component in extra.values()]

    @app.callback(Output("url", "search", allow_duplicate=True), inputs, State("url", "search"),
                  prevent_initial_call=True)
    def update_query(as_of, _article, _latest, *rest):
        *values, search = rest
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
        for (param, _component), value in zip(extra.items(), values):
            default = {"currency": "CNY", "product": "all"}.get(param)
            _set(query, param, "" if value in (None, default) else str(value))
        new_search = ("?" + urlencode(query)) if query else ""
        return dash.no_update if new_search == (search or "") else new_search


def _set(query: dict, key: str, value: str) -> None:
    if value:
        query[key] = value
    else:
        query.pop(key, None)


# -- Flask routes ----------------------------------------------------------------------------


def _register_page_cache(app: dash.Dash) -> None:
    """Keep rendered pages (the answers of Dash pages' router callback) per store state.

    A page is built once per URL and store state; later visitors get the same bytes (building and
    serializing a page takes 20-40 ms; the lookup under 1 ms). The key holds everything a page is
    built from: the URL's path and query, the host (the embed code names it), the store's state
    (newest vintage, refresh event and revision report, see Store.state) and the claims file. So a
    new vintage, a failed refresh or an edited claims file still shows on the next page load."""
    server = app.server
    callback_path = app.config.routes_pathname_prefix + "_dash-update-component"
    pages: OrderedDict[tuple, bytes] = OrderedDict()
    lock = threading.Lock()

    @server.before_request
    def rendered_page():
        request = flask.request
        if request.method != "POST" or request.path != callback_path:
            return None
        try:
            body = json.loads(request.get_data(cache=True))
        except ValueError:
            return None  # Dash answers it (with an error)
        if not isinstance(body, dict) or body.get("output") != PAGE_ROUTER_OUTPUT:
            return None
        try:
            store = common.current_store()
            key = (store.url, store.state(), common.claims_file_version(), request.host_url,
                   json.dumps([body.get("inputs"), body.get("state")], sort_keys=True))
        except Exception:  # e.g. an unreadable store: Dash renders the page, which reports it
            return None
        with lock:
            page = pages.get(key)
            if page is not None:
                pages.move_to_end(key)
        if page is not None:
            return flask.Response(page, mimetype="application/json")
        flask.g.page_key = key
        return None

    @server.after_request
    def keep_rendered_page(response: flask.Response):
        key = flask.g.pop("page_key", None)
        if key is not None and response.status_code == 200 and not response.direct_passthrough:
            with lock:
                pages[key] = response.get_data()
                while len(pages) > RENDERED_PAGES_KEPT:
                    pages.popitem(last=False)
        return response


def _register_routes(app: dash.Dash) -> None:
    server = app.server

    @server.route("/health")
    def health():
        """Per source: the latest vintage, the last successful refresh and the last error."""
        from indicators.store import StoreError

        try:
            store = common.current_store()
            events = store.last_events()
            report = {}
            for name in sources.NAMES:
                latest = store.latest_vintage(name)
                entry = events.get(name, {})
                report[name] = {
                    "latest_vintage": None if latest is None else {
                        "id": latest.id, "label": latest.label, "mode": latest.mode, "rows": latest.rows,
                        "retrieved_at": latest.retrieved_at, "release_date": latest.release_date},
                    "last_ok": entry.get("last_ok"),
                    "last_error": entry.get("last_error"),
                }
            body = {"status": "ok", "generation": store.generation(), "sources": report,
                    "checked_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
            return flask.jsonify(body), 200
        except StoreError as exc:
            return flask.jsonify({"status": "error", "error": str(exc)}), 503

    @server.route("/download/<figure_id>.csv")
    def download(figure_id: str):
        """The rows a chart plots, as CSV with a `# ` metadata header (only known figure ids)."""
        if figure_id not in figures.FIGURES:
            return _text_error(404, f"Unknown figure id {figure_id!r}. Known ids: {', '.join(figures.FIGURES)}.")
        try:
            state = _strict_state(flask.request.args)
            options = {"product": state.product} if state.product and figure_id == "new-trio-products" else {}
            fig, data = figures.cached(figure_id, common.current_store(), state.as_of, state.currency, **options)
        except ValueError as exc:
            return _text_error(400, str(exc))
        body = io.StringIO()
        for line in _csv_header(fig):
            body.write(f"# {line}\n")
        data.to_csv(body, index=False)
        name = figure_id + ("-" + state.currency.lower() if state.currency != "CNY" else "") \
            + (f"-asof-{state.as_of}" if state.as_of else "")
        response = flask.Response(body.getvalue(), mimetype="text/csv")
        response.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response

    @server.route("/embed/<figure_id>")
    def embed(figure_id: str):
        """One chart on a minimal standalone page (for an <iframe>); plotly.js served locally."""
        if figure_id not in figures.FIGURES:
            return _html_error(404, "Unknown figure", f"There is no figure {figure_id!r}. Known figures: "
                                                      f"{', '.join(figures.FIGURES)}.")
        try:
            state = _strict_state(flask.request.args)
            options = {"product": state.product} if state.product and figure_id == "new-trio-products" else {}
            fig, _ = figures.cached(figure_id, common.current_store(), state.as_of, state.currency, **options)
        except ValueError as exc:
            return _html_error(400, "Bad request", str(exc))
        meta = fig.layout.meta or {}
        chart = pio.to_html(fig, include_plotlyjs=app.get_relative_path(PLOTLY_JS), full_html=False,
                            config={"displaylogo": False, "responsive": True}, default_width="100%",
                            div_id=f"embed-{figure_id}")
        title = common.plain(fig.layout.title.text or figure_id)
        meta_json = json.dumps(meta, default=str).replace("</", "<\\/")
        page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html_lib.escape(title)}</title>
<link rel="icon" href="data:,">
<meta name="description" content="{html_lib.escape(meta.get('source_line', ''))}">
<style>body{{margin:0;font-family:system-ui,sans-serif;background:#fff}} .chart{{max-width:1200px;margin:0 auto}}</style>
</head><body><div class="chart">{chart}</div>
<script type="application/json" id="figure-meta">{meta_json}</script>
</body></html>"""
        return flask.Response(page, mimetype="text/html")

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
            if path not in known:
                response.status_code = 404
        return response


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
            f"<p>{html_lib.escape(message)}</p><p><a href='/'>Back to the scorecard</a></p></body></html>")
    return flask.Response(page, status=status, mimetype="text/html")
