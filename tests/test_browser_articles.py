"""The article index and each bundled article's scorecard in a real headless Chromium: no console
errors, every claim shown, every evidence chart drawn, the "also stated in" link and an unknown
article. Screenshots go to /tmp/shots-e2/ (SHOTS_DIR to change)."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import pytest

from indicators import articles

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-e2"))
VIEWPORTS = {"1280x800": {"width": 1280, "height": 800}, "390x844": {"width": 390, "height": 844}}
SLUGS = [a.slug for a in articles.load_articles()]

if not Path(CHROMIUM).exists():  # pragma: no cover - depends on the machine
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("browser-articles")


@pytest.fixture(scope="module")
def base_url(store):
    """The dashboard on a free localhost port, in a thread of this process."""
    from werkzeug.serving import make_server

    from dashboard.app import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app(store, warm=False)
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def page(request, browser):
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    page = context.new_page()
    page.viewport_name = request.param
    page.errors = []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def wait_for_charts(page) -> list[dict]:
    """Wait until every dcc.Graph has drawn; return each chart's id, trace count and shape count."""
    page.wait_for_selector(".main h1")
    page.wait_for_function(
        """() => {
            const graphs = document.querySelectorAll('.graph');
            const drawn = document.querySelectorAll('.graph .js-plotly-plot svg.main-svg');
            return graphs.length === 0 || drawn.length >= graphs.length;
        }""", timeout=60_000)
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.graph')).map(g => {
            const gd = g.querySelector('.js-plotly-plot');
            return {id: g.id, traces: gd && gd.data ? gd.data.length : -1,
                    shapes: gd && gd.layout && gd.layout.shapes ? gd.layout.shapes.length : 0,
                    svg: !!g.querySelector('svg.main-svg')};
        })""")


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{page.viewport_name}.png"), full_page=True)


def test_index_lists_every_article_without_errors(page, base_url):
    page.goto(base_url + "/articles")
    page.wait_for_selector("#articles-list")
    for slug in SLUGS:
        assert page.locator(f"#articles-item-{slug} .badge").count() > 0, slug
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[page.viewport_name]["width"], f"/articles is wider than the screen ({width}px)"
    shoot(page, "articles")
    assert page.errors == []


@pytest.mark.parametrize("slug", SLUGS)
def test_article_scorecard_shows_every_claim_and_draws_its_charts(page, base_url, slug):
    from indicators.claims import load_claims

    article = articles.get_article(slug)
    claims = load_claims(article.claims_path, strict=False)["claims"]
    page.goto(base_url + f"/article/{slug}")
    charts = wait_for_charts(page)
    assert page.locator("h1").inner_text() == article.title
    for claim in claims:
        card = page.locator(f"#claim-{claim['id']}")
        assert card.count() == 1, claim["id"]
        assert card.locator(".claim-head .badge").inner_text()
    assert len(charts) >= 1
    for chart in charts:
        assert chart["svg"] and chart["traces"] > 0, chart
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[page.viewport_name]["width"], f"/article/{slug} is wider than the screen ({width}px)"
    shoot(page, f"article-{slug}")
    assert page.errors == [], page.errors


def test_also_stated_in_links_to_the_other_article(page, base_url):
    page.goto(base_url + "/article/gna-lu-kun-2024-06-01")
    link = page.locator("#articles-also-in-new-trio-over-one-trillion a").first
    link.wait_for()
    link.click()
    page.wait_for_url("**/article/op-ed#claim-new-trio-over-one-trillion")
    page.locator("#claim-new-trio-over-one-trillion").wait_for()
    assert page.errors == []


def test_unknown_article_says_so(page, base_url):
    page.goto(base_url + "/article/no-such-article")
    page.wait_for_selector("#articles-not-found")
    assert "no-such-article" in page.locator("#articles-not-found").inner_text()
