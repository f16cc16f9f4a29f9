"""Export figures to files: HTML (interactive, offline) or PNG/SVG/PDF (static, via kaleido).

- File names: `<figure-id>.<ext>`, plus `-usd` when US dollars were asked for and the figure is in
  dollars (a figure with no money axis, like a GII rank, keeps its plain name) and `-asof-<DATE>`
  for data as of a date, so variants never overwrite each other (`new-trio-total-usd-asof-2024-03-31.png`).
- HTML: opens offline. By default the files of one folder share one plotly.js, `plotly.min.js`
  written beside them (about 4.8 MB once, instead of in every file: ten charts were 47 MB); a file
  then opens only beside it. With `self_contained` (`indicators export --self-contained`) each file
  inlines plotly.js and is usable on its own (e-mailed, attached to a ticket, dropped into a CMS);
  `indicators report` is the one-file view of all charts with plotly.js included once. The page's
  <title> is the figure's title, and a <meta name="description"> plus a JSON block carry the
  source line, vintages and as-of date.
- PNG/SVG/PDF: kaleido 1.x drives a headless Chromium. One browser is started per batch (one
  `kaleido.write_fig_from_object_sync` call renders every figure), MathJax is off (no CDN needed)
  and plotly.js comes from the installed plotly package, so it works offline. The browser is
  $BROWSER_PATH if set, else `chromium` (or Chrome) on PATH; without one the error is
  "no Chromium found: apt-get install chromium, or set BROWSER_PATH".
  Starting that browser costs about 2 s; `with browser_session():` keeps one open for every static
  export inside the block (kaleido's public `start_sync_server`/`stop_sync_server`), so exporting
  figures one at a time (a script, a notebook) pays it once.
- Every file carries the title, source line and vintages inside the figure itself (title and the
  source note under the plot), so an image cut loose from its page still cites its data.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import os
import re
import shutil
import secrets
import threading
import warnings
from pathlib import Path
from typing import Iterable

import plotly.graph_objects as go

FORMATS = ("html", "png", "svg", "pdf")
STATIC_FORMATS = ("png", "svg", "pdf")
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
NO_BROWSER = "no Chromium found: apt-get install chromium, or set BROWSER_PATH"
DEFAULT_WIDTH, DEFAULT_HEIGHT = 1100, 620
PNG_SCALE = 2  # crisp on high-DPI screens and in print
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}
PLOTLY_JS = "plotly.min.js"  # the shared plotly.js beside HTML exports (the name plotly's "directory" mode loads)


class ExportError(ValueError):
    """A figure cannot be exported; the message says why (unknown id, no browser, render failure)."""


class BrowserNotFoundError(ExportError):
    """No Chromium for kaleido: install Debian's chromium or set BROWSER_PATH."""


# -- the command ------------------------------------------------------------------------------


def export_figures(
    figure_ids: Iterable[str] | None,
    all_figures: bool,
    fmt: str,
    out_dir: str | os.PathLike,
    as_of: str | None = None,
    currency: str = "CNY",
    store=None,
    self_contained: bool = False,
) -> list[Path]:
    """Build the named figures (or all) from the store and write them to `out_dir`. Returns the paths.
    HTML files share `out_dir/plotly.min.js` unless `self_contained` (plotly.js inlined in each)."""
    from indicators import figures
    from indicators.store import Store

    ids = resolve_ids(figure_ids, all_figures, list(figures.FIGURES))
    check_format(fmt)
    if fmt in STATIC_FORMATS:
        find_browser()  # fail before building anything if the images cannot be made
    store = store or Store()  # one store, so the figures share its cached frames
    built = []
    for figure_id in ids:
        # The cached figure itself, not a copy: writing only reads it (ensure_source_note copies before adding).
        fig = figures.cached(figure_id, store, as_of, currency)[0]
        built.append((file_stem(figure_id, fig, as_of, currency), fig))
    return write_figures(built, fmt, out_dir, self_contained=self_contained)


def resolve_ids(figure_ids: Iterable[str] | None, all_figures: bool, known: list[str]) -> list[str]:
    """The figure ids to export, in order, without repeats; a clear error for an unknown id."""
    if all_figures:
        return list(known)
    ids = list(dict.fromkeys(figure_ids or []))
    if not ids:
        raise ExportError(f"name a figure with --figure ID (repeatable) or use --all; known ids: {', '.join(known)}")
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ExportError(f"unknown figure id(s) {', '.join(unknown)}; known ids: {', '.join(known)}")
    return ids


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def file_stem(figure_id: str, fig: go.Figure, as_of: str | None = None, currency: str = "CNY") -> str:
    """`<id>`, `+ -usd` if dollars were asked for and the figure is in dollars, `+ -asof-<DATE>`."""
    stem = figure_id
    if str(currency).upper() == "USD" and figure_meta(fig).get("currency") == "USD":
        stem += "-usd"
    as_of = figure_meta(fig).get("as_of") or as_of  # the figure's normalised date (2024-3-31 -> 2024-03-31)
    return stem + (f"-asof-{as_of}" if as_of else "")


def write_figures(items: Iterable[tuple[str, go.Figure]], fmt: str, out_dir: str | os.PathLike,
                  self_contained: bool = False) -> list[Path]:
    """Write (file stem, figure) pairs as `<stem>.<fmt>` in `out_dir`; static formats in one browser.
    HTML files load `out_dir/plotly.min.js` (written here) unless `self_contained`."""
    check_format(fmt)
    items = list(items)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    targets = [(out / f"{stem}.{fmt}", ensure_source_note(fig)) for stem, fig in items]
    if fmt == "html":
        if targets and not self_contained:
            write_plotly_js(out)
        for path, fig in targets:
            _write_atomic(path, figure_html(fig, include_plotlyjs=True if self_contained else "directory"))
    else:
        render_static(targets, fmt)
    return [path for path, _ in targets]


# -- HTML -------------------------------------------------------------------------------------


def write_plotly_js(folder: Path) -> Path:
    """`folder/plotly.min.js`: the installed plotly's own, (re)written unless the file already holds
    exactly it (a folder exported with an older plotly gets the version its new files need)."""
    from plotly.offline import get_plotlyjs

    path = folder / PLOTLY_JS
    source = get_plotlyjs()
    try:
        if path.stat().st_size == len(source.encode("utf-8")) and path.read_text(encoding="utf-8") == source:
            return path
    except (OSError, UnicodeDecodeError):
        pass
    _write_atomic(path, source)
    return path


def figure_html(fig: go.Figure, include_plotlyjs: bool | str = True) -> str:
    """A page for one figure: <title>, description and metadata in the head. `include_plotlyjs`:
    True inlines plotly.js (a standalone file), "directory" loads plotly.min.js beside the file."""
    meta = figure_meta(fig)
    title = plain_text(title_text(fig)) or meta.get("id", "figure")
    body = fig.to_html(full_html=False, include_plotlyjs=include_plotlyjs, config=PLOTLY_CONFIG,
                       default_width="100%", default_height=f"{_height(fig)}px")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<meta name="description" content="{html.escape(meta.get('source_line', ''))}">
<meta name="indicators:figure" content="{html.escape(str(meta.get('id', '')))}">
<meta name="indicators:vintages" content="{html.escape(vintages_text(meta.get('vintages')))}">
<meta name="indicators:as-of" content="{html.escape(str(meta.get('as_of') or 'latest'))}">
<script type="application/json" id="figure-meta">{json_for_html(meta)}</script>
<style>body{{font-family:system-ui,sans-serif;margin:1rem;color:#222}} .source{{font-size:.85rem;color:#555}}</style>
</head>
<body>
{body}
<p class="source">{html.escape(meta.get('source_line', ''))}</p>
</body>
</html>
"""


# -- static images ----------------------------------------------------------------------------


def find_browser() -> str:
    """The Chromium kaleido will drive: $BROWSER_PATH, else chromium/chrome on PATH."""
    override = os.environ.get("BROWSER_PATH")
    if override:
        if Path(override).is_file() and os.access(override, os.X_OK):
            return override
        raise BrowserNotFoundError(f"{NO_BROWSER} (BROWSER_PATH={override!r} is not an executable file)")
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFoundError(NO_BROWSER)


TAB_NOT_READY = "kaleido_scopes is not defined"
"""kaleido 1.5's tab can take the blank page's JavaScript context for the rendering page's when the
browser is slow to navigate (a loaded machine): the render then fails with this ReferenceError and
nothing is drawn. The figures it missed are rendered once more, in a new tab."""


def render_static(targets: list[tuple[Path, go.Figure]], fmt: str, retry_not_ready: bool = True) -> None:
    """Render every figure with one headless browser: the session's (browser_session) if one is
    open, else one started for this call."""
    if not targets:
        return
    try:
        _render_static(targets, fmt)
    except ExportError as exc:
        missed = [(path, fig) for path, fig in targets if not path.is_file() or path.stat().st_size == 0]
        if not (retry_not_ready and TAB_NOT_READY in str(exc) and missed):
            raise
        render_static(missed, fmt, retry_not_ready=False)


def _render_static(targets: list[tuple[Path, go.Figure]], fmt: str) -> None:
    import kaleido

    browser = find_browser()
    jobs = [
        {"fig": fig, "path": str(path),
         "opts": {"format": fmt, "width": _width(fig), "height": _height(fig), "scale": PNG_SCALE if fmt == "png" else 1}}
        for path, fig in targets
    ]
    try:
        with _SESSION_LOCK:
            session = _SESSION
        if session is not None:
            errors = session.write(jobs, browser)
        else:  # a browser for this call only, on its own event loop (never a sync server left open elsewhere)
            timeout = _Browser.START_TIMEOUT_S + _Browser.RENDER_TIMEOUT_S * len(jobs) + _Browser.SLACK_S
            errors = _within(timeout, asyncio.run, kaleido.write_fig_from_object(
                jobs, kopts={"path": browser, "mathjax": False}, cancel_on_error=False))
    except ExportError:
        raise
    except TimeoutError:
        raise ExportError(f"static export failed ({browser}): no answer from the browser (it died or never started)") from None
    except Exception as exc:  # the browser did not start or died: one line, no traceback
        raise ExportError(f"static export failed ({browser}): {type(exc).__name__}: {_first_line(exc)}") from None
    missing = [path.name for path, _ in targets if not path.is_file() or path.stat().st_size == 0]
    if errors or missing:
        detail = _first_line(errors[0]) if errors else "no output"
        raise ExportError(f"could not render {', '.join(missing) or 'some figures'}: {detail}")


class _Browser:
    """One browser kept open for a session: kaleido's own sync server (`kaleido.start_sync_server`,
    stopped with `stop_sync_server`), started on the first render with two tabs, so one tab renders
    while kaleido reloads the other. Every call has a timeout (kaleido's server waits without one),
    so a browser that died or never started is an error, never a hang. (Such a browser leaves
    kaleido's server busy until the browser process exits; the session then reports it at once.)"""

    START_TIMEOUT_S, RENDER_TIMEOUT_S, STOP_TIMEOUT_S = 60, 90, 30  # kaleido's own per-image timeout is 90 s
    SLACK_S = 10  # added to a whole call's deadline (kaleido's own bookkeeping around the renders)
    TABS = 2

    def __init__(self):
        self._lock = threading.Lock()
        self._started = False  # by this session (a server someone else started is theirs to stop)
        self._broken: str | None = None

    def write(self, jobs: list[dict], browser: str):
        import kaleido

        with self._lock:
            if self._broken:
                raise ExportError(self._broken)
            if not self._started:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    kaleido.start_sync_server(path=browser, mathjax=False, n=self.TABS)
                already_running = any("already open" in str(w.message) for w in caught)
                self._started = not already_running
            timeout = self.START_TIMEOUT_S + self.RENDER_TIMEOUT_S * len(jobs) + self.SLACK_S
            try:
                return _within(timeout, kaleido.write_fig_from_object_sync, jobs, cancel_on_error=False)
            except TimeoutError:
                self._broken = (f"static export failed ({browser}): no answer from the browser within {timeout} s "
                                "(it died or never started)")
                raise ExportError(self._broken) from None

    def close(self) -> None:
        import kaleido

        with self._lock:
            if self._started:
                self._started = False
                with contextlib.suppress(TimeoutError):  # a browser that hangs is left to exit with the process
                    _within(self.STOP_TIMEOUT_S, kaleido.stop_sync_server, silence_warnings=True)


def _within(timeout: float, function, *args, **kwargs):
    """function(*args, **kwargs) on a helper thread, or TimeoutError after `timeout` seconds."""
    outcome: dict = {}

    def call():
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as exc:  # handed to the caller below
            outcome["error"] = exc

    worker = threading.Thread(target=call, name="kaleido-call", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError(f"no answer within {timeout} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


_SESSION: _Browser | None = None
_SESSION_LOCK = threading.Lock()


@contextlib.contextmanager
def browser_session():
    """Keep one headless browser open for every PNG/SVG/PDF export inside the block.

    Without it each `export_figures`/`write_figures` call starts (and stops) its own browser, about
    2 s; inside it only the first call does. Nested blocks share the outer block's browser."""
    global _SESSION
    with _SESSION_LOCK:
        owner = _SESSION is None
        if owner:
            _SESSION = _Browser()
    try:
        yield
    finally:
        if owner:
            with _SESSION_LOCK:
                session, _SESSION = _SESSION, None
            session.close()


# -- figure metadata --------------------------------------------------------------------------


def figure_meta(fig: go.Figure) -> dict:
    meta = fig.layout.meta
    return dict(meta) if isinstance(meta, dict) else {}


def title_text(fig: go.Figure) -> str:
    return fig.layout.title.text or ""


def plain_text(text: str) -> str:
    """Plotly rich text to plain text: <br> becomes a space, other tags go."""
    text = re.sub(r"<br\s*/?>", " ", text or "", flags=re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def vintages_text(vintages) -> str:
    """The figure's vintages as one line: 'customs 3, fx 5' or '3, 5'."""
    if not vintages:
        return ""
    if isinstance(vintages, dict):
        return ", ".join(f"{k} {v}" for k, v in vintages.items())
    parts = []
    for item in vintages:
        if isinstance(item, dict):
            name = item.get("source") or item.get("publisher") or ""
            number = item.get("vintage", item.get("id", ""))
            released = f" (released {item['released']})" if item.get("released") else ""
            parts.append(f"{name} {number}{released}".strip())
        else:
            parts.append(str(item))
    return ", ".join(parts)


def ensure_source_note(fig: go.Figure) -> go.Figure:
    """Make sure the source line is printed in the figure (a static image has no page around it)."""
    meta = figure_meta(fig)
    source_line = meta.get("source_line", "")
    if not source_line:
        return fig
    texts = [plain_text(a.text or "") for a in fig.layout.annotations]
    if any(plain_text(source_line)[:40] in t for t in texts):
        return fig
    fig = go.Figure(fig)
    fig.add_annotation(text=source_line, xref="paper", yref="paper", x=0, y=-0.18, xanchor="left", yanchor="top",
                       showarrow=False, align="left", font={"size": 10, "color": "#555"})
    fig.update_layout(margin={"b": max(fig.layout.margin.b or 0, 110)})
    return fig


def json_for_html(value) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, default=str).replace("</", "<\\/")


def _width(fig: go.Figure) -> int:
    return int(fig.layout.width or DEFAULT_WIDTH)


def _height(fig: go.Figure) -> int:
    return int(fig.layout.height or DEFAULT_HEIGHT)


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as out:  # umask permissions, unlike mkstemp's 0600
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _first_line(exc) -> str:
    """The first line of the message (choreographer puts several sentences in a tuple of args)."""
    first = exc.args[0] if getattr(exc, "args", None) and isinstance(exc.args[0], str) else str(exc)
    text = first.strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__
