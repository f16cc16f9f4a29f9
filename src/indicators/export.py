"""Export figures to files: HTML (interactive, offline) or PNG/SVG/PDF (static, via kaleido).

- File names: `<figure-id>.<ext>`, plus `-usd` when US dollars were asked for and the figure is in
  dollars (a figure with no money axis, like a GII rank, keeps its plain name) and `-asof-<DATE>`
  for data as of a date, so variants never overwrite each other (`new-trio-total-usd-asof-2024-03-31.png`).
- HTML: each file is standalone and opens offline: plotly.js is inlined (`include_plotlyjs=True`,
  about 4.6 MB a file). That costs disk space in a batch but keeps every file usable on its own
  (e-mailed, attached to a ticket, dropped into a CMS); `indicators report` is the one-file view
  of all charts with plotly.js included once. The page's <title> is the figure's title, and a
  <meta name="description"> plus a JSON block carry the source line, vintages and as-of date.
- PNG/SVG/PDF: kaleido 1.x drives a headless Chromium. One browser is started per batch (one
  `kaleido.write_fig_from_object_sync` call renders every figure), MathJax is off (no CDN needed)
  and plotly.js comes from the installed plotly package, so it works offline. The browser is
  $BROWSER_PATH if set, else `chromium` (or Chrome) on PATH; without one the error is
  "no Chromium found: apt-get install chromium, or set BROWSER_PATH".
  Starting that browser costs about 2 s; `with browser_session():` keeps one open for every static
  export inside the block, so exporting figures one at a time (a script, a notebook) pays it once.
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
) -> list[Path]:
    """Build the named figures (or all) from the store and write them to `out_dir`. Returns the paths."""
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
    return write_figures(built, fmt, out_dir)


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


def write_figures(items: Iterable[tuple[str, go.Figure]], fmt: str, out_dir: str | os.PathLike) -> list[Path]:
    """Write (file stem, figure) pairs as `<stem>.<fmt>` in `out_dir`; static formats in one browser."""
    check_format(fmt)
    items = list(items)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    targets = [(out / f"{stem}.{fmt}", ensure_source_note(fig)) for stem, fig in items]
    if fmt == "html":
        for path, fig in targets:
            _write_atomic(path, figure_html(fig))
    else:
        render_static(targets, fmt)
    return [path for path, _ in targets]


# -- HTML -------------------------------------------------------------------------------------


def figure_html(fig: go.Figure, include_plotlyjs: bool | str = True) -> str:
    """A standalone page for one figure: <title>, description and metadata in the head."""
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


def render_static(targets: list[tuple[Path, go.Figure]], fmt: str) -> None:
    """Render every figure with one headless browser: the session's (browser_session) if one is
    open, else one started for this call."""
    if not targets:
        return
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
        else:
            errors = kaleido.write_fig_from_object_sync(
                jobs, kopts={"path": browser, "mathjax": False}, cancel_on_error=False)
    except Exception as exc:  # the browser did not start or died: one line, no traceback
        raise ExportError(f"static export failed ({browser}): {type(exc).__name__}: {_first_line(exc)}") from None
    missing = [path.name for path, _ in targets if not path.is_file() or path.stat().st_size == 0]
    if errors or missing:
        detail = _first_line(errors[0]) if errors else "no output"
        raise ExportError(f"could not render {', '.join(missing) or 'some figures'}: {detail}")


class _Browser:
    """One kaleido browser kept open, driven on its own event-loop thread (kaleido is asyncio, its
    callers are not). Started on the first render; every call has a timeout, so a dead browser is
    an error, never a hang."""

    START_TIMEOUT_S, RENDER_TIMEOUT_S = 60, 90  # kaleido's own per-image timeout is 90 s

    def __init__(self):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kaleido-browser", daemon=True)
        self._thread.start()
        self._kaleido = None
        self._lock = threading.Lock()

    def write(self, jobs: list[dict], browser: str):
        with self._lock:
            if self._kaleido is None:
                self._kaleido = self._call(self._open(browser), self.START_TIMEOUT_S)
        return self._call(self._kaleido.write_fig_from_object(jobs, cancel_on_error=False),
                          self.RENDER_TIMEOUT_S * len(jobs) + 10)

    def close(self) -> None:
        try:
            if self._kaleido is not None:
                self._call(self._close(self._kaleido), 30)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)

    @staticmethod
    async def _open(browser: str):
        import kaleido

        class TwoTabs(kaleido.Kaleido):
            """After each image kaleido reloads the tab it used and waits for that (about 0.1 s).
            Here the reload runs in the background while the next image renders in the other tab.
            (If kaleido renames this method, images are only slower: nothing else changes.)"""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.reloads = set()

            async def _return_kaleido_tab(self, tab):
                reload = asyncio.ensure_future(super()._return_kaleido_tab(tab))
                self.reloads.add(reload)
                reload.add_done_callback(self.reloads.discard)

        instance = TwoTabs(path=browser, mathjax=False, n=2)
        await instance.__aenter__()
        return instance

    @staticmethod
    async def _close(instance) -> None:
        await asyncio.gather(*getattr(instance, "reloads", ()), return_exceptions=True)
        await instance.__aexit__(None, None, None)

    def _call(self, coroutine, timeout: float):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)


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
