"""What every browser test shares: Debian's Chromium through Playwright, the dashboard served from a
thread of the test process, pages that record console errors, chart waits and screenshots.

Screenshots go to test-artifacts/screenshots/ (and to SHOTS_DIR as well, when set), where a person
looks at them before calling a page done.
"""

from __future__ import annotations

import logging
import os
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
VIEWPORTS = {"1280x800": {"width": 1280, "height": 800}, "390x844": {"width": 390, "height": 844}}
"""The two screen sizes every page is checked at (desktop, phone)."""
TALL = {"1280x900": {"width": 1280, "height": 900}}  # the /check form and its review table
WIDE = {"1366x768": {"width": 1366, "height": 768}}  # a common laptop screen (the catalogue's wide table)
SCREENSHOTS = [Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots",
               *([Path(os.environ["SHOTS_DIR"])] if os.environ.get("SHOTS_DIR") else [])]
CHART_WAIT_MS = 60_000  # generous: a loaded one-core machine draws slowly, and a wait returns when done


def playwright_or_skip():
    """Playwright's sync API, or skip the calling test module when Chromium or Playwright is missing."""
    if not Path(CHROMIUM).exists():  # pragma: no cover - depends on the machine
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
    return pytest.importorskip("playwright.sync_api")


@contextmanager
def served(store, warm: bool = False):
    """The dashboard for `store` on a free localhost port, in a thread of this process: yields its URL."""
    from werkzeug.serving import make_server

    from dashboard.app import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app(store, warm=warm)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        rebuilder = app.server.extensions.get("indicators.cache")  # started with warm: not left running
        if rebuilder is not None:
            rebuilder.stop()


@contextmanager
def launched(sync_api):
    """A headless Chromium for the module."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            _IDLE.pop(id(browser), None)
            browser.close()


_IDLE: dict[int, dict[tuple, list]] = {}
"""Pages not in use, per browser and per (viewport, context options): `opened` hands them out again."""


@contextmanager
def opened(browser, viewport: str = "1280x800", fresh: bool = False, **context_options):
    """A page whose `errors` list collects console errors and uncaught exceptions, empty when handed out.

    A page is handed to one test at a time and then kept (on about:blank) for the next test that asks for
    the same viewport and options in the same browser: a page that has loaded the app once draws the
    next one from its compiled scripts, about 1.3 s an article page against 3 s in a fresh context. Each
    test starts with its own goto; a test that needs two pages at once gets two. `fresh`: a new context of its own,
    closed after the test (a first visit, with nothing cached)."""
    if fresh:
        page = _new_page(browser, viewport, context_options)
        try:
            yield page
        finally:
            page.context.close()
        return
    idle = _IDLE.setdefault(id(browser), {}).setdefault((viewport, tuple(sorted(context_options.items()))), [])
    page = idle.pop() if idle else _new_page(browser, viewport, context_options)
    page.errors.clear()
    try:
        yield page
    finally:
        try:  # the test's document ends here, so its late messages land nowhere
            page.goto("about:blank")
        except Exception:  # a crashed or closed page is not handed out again
            page.context.close()
        else:
            page.errors.clear()
            idle.append(page)


def _new_page(browser, viewport: str, context_options: dict):
    context = browser.new_context(viewport={**VIEWPORTS, **TALL, **WIDE}[viewport], **context_options)
    page = context.new_page()
    page.viewport_name = viewport
    page.errors = []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def wait_for_charts(page) -> list[dict]:
    """Wait until every dcc.Graph has drawn (a plotly div with an SVG); return each chart's id, trace
    and shape counts, whether it drew, and its text."""
    page.wait_for_selector(".main h1")
    page.wait_for_function(
        """() => {
            const graphs = document.querySelectorAll('.graph');
            const drawn = document.querySelectorAll('.graph .js-plotly-plot svg.main-svg');
            return graphs.length === 0 || drawn.length >= graphs.length;
        }""", timeout=CHART_WAIT_MS)
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.graph')).map(g => {
            const gd = g.querySelector('.js-plotly-plot');
            return {id: g.id, traces: gd && gd.data ? gd.data.length : -1,
                    shapes: gd && gd.layout && gd.layout.shapes ? gd.layout.shapes.length : 0,
                    svg: !!g.querySelector('svg.main-svg'),
                    text: gd ? gd.textContent : ''};
        })""")


def shoot(page, name: str, full_page: bool = True) -> None:
    """A screenshot of the page into every screenshot folder."""
    for folder in SCREENSHOTS:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"), full_page=full_page)
