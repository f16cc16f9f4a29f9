"""Every screen size, in a real headless Chromium: each /embed/<figure-id> and the static report at a
phone's width (390 px) and a laptop's (1366 px) have no horizontal overflow and no chart text drawn
over other chart text (bounding boxes of the rendered title, subtitle, annotations, axis titles and
legend entries), and show the most recent period; on a phone the dashboard's wide charts open
scrolled to it; /trade's controls answer in place and the URL keeps the state.

Screenshots go to test-artifacts/screenshots/ (and SHOTS_DIR) as narrow-*.png: look at them."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from browser_harness import CHART_WAIT_MS, launched, opened, playwright_or_skip, served, shoot, wait_for_charts

from indicators import figures, report

pytestmark = pytest.mark.browser

sync_api = playwright_or_skip()

SIZES = {"390x844": 390, "1366x768": 1366}
PHONE = {"width": 390, "height": 844}

CHART_TEXT = """(root) => {
    // Chart text that must never be drawn over other chart text, per chart.
    const selector = '.gtitle, .gtitle-subtitle, .annotation-text, .xtitle, .ytitle, .legendtext';
    const found = [];
    for (const gd of root.querySelectorAll('.js-plotly-plot')) {
        const boxes = Array.from(gd.querySelectorAll(selector))
            .map(element => ({text: element.textContent.slice(0, 50), box: element.getBoundingClientRect()}))
            .filter(item => item.box.width > 0 && item.box.height > 0);
        const chart = gd.getBoundingClientRect();
        for (const item of boxes) {
            if (item.box.left < chart.left - 2 || item.box.right > chart.right + 2) {
                found.push(`${gd.id}: "${item.text}" runs past the chart's edge`);
            }
        }
        for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i].box, b = boxes[j].box;
                if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
                    found.push(`${gd.id}: "${boxes[i].text}" overlaps "${boxes[j].text}"`);
                }
            }
        }
    }
    return found;
}"""

LATEST_IN_VIEW = """(gd) => {
    // Each x axis's shown range reaches its traces' most recent (largest) numeric or date x.
    const problems = [];
    for (const [name, axis] of Object.entries(gd._fullLayout).filter(([k]) => /^xaxis\\d*$/.test(k))) {
        if (!['linear', 'date'].includes(axis.type)) continue;
        const id = name === 'xaxis' ? 'x' : 'x' + name.slice(5);
        const xs = gd.data.filter(t => (t.xaxis || 'x') === id).flatMap(t => t.x || []).map(x => axis.d2l(x));
        if (!xs.length) continue;
        const latest = Math.max(...xs), shown = axis.range.map(v => axis.r2l(v));
        if (Math.max(...shown) < latest) problems.push(`${gd.id} ${name}: shows up to ${axis.range[1]}, data to ${latest}`);
    }
    return problems;
}"""


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("narrow")


@pytest.fixture(scope="module")
def base_url(store):
    with served(store, warm=True) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launched(sync_api) as running:
        yield running


@pytest.fixture(scope="module")
def report_file(store, tmp_path_factory):
    return report.write_report(tmp_path_factory.mktemp("report") / "report.html", store=store)


def state(url: str) -> tuple[str, dict]:
    """A URL's path and query parameters (in any order)."""
    parts = urlsplit(url)
    return parts.path, dict(parse_qsl(parts.query))


def overflow(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("viewport", list(SIZES))
def test_every_embed_fits_its_width_with_no_text_over_text_and_the_latest_period(browser, base_url, viewport):
    problems = []
    with opened(browser, viewport) as page:
        for figure_id in figures.FIGURES:
            page.goto(f"{base_url}/embed/{figure_id}")
            page.wait_for_selector(".js-plotly-plot svg.main-svg", timeout=CHART_WAIT_MS)
            page.wait_for_function("() => document.querySelector('.js-plotly-plot')._fullLayout", timeout=CHART_WAIT_MS)
            shoot(page, f"narrow-embed-{figure_id}-{SIZES[viewport]}")
            if overflow(page) > 0:
                problems.append(f"{figure_id}: {overflow(page)} px wider than the screen")
            problems += page.evaluate(CHART_TEXT, page.locator("body").element_handle())
            problems += page.evaluate(LATEST_IN_VIEW, page.locator(".js-plotly-plot").element_handle())
        assert page.errors == []
    assert problems == []


def test_a_gii_rank_embed_900_px_wide_has_no_text_over_text(browser, base_url):
    """What a 900 px iframe shows (the embedded page is then 900 px wide)."""
    context = browser.new_context(viewport={"width": 900, "height": 760})
    try:
        page = context.new_page()
        page.goto(f"{base_url}/embed/gii-rank")
        page.wait_for_function("() => document.querySelector('.js-plotly-plot') && "
                               "document.querySelector('.js-plotly-plot')._fullLayout", timeout=CHART_WAIT_MS)
        shoot(page, "narrow-embed-gii-rank-900")
        assert page.evaluate(CHART_TEXT, page.locator("body").element_handle()) == []
        assert overflow(page) <= 0
    finally:
        context.close()


@pytest.mark.parametrize("viewport", list(SIZES))
def test_the_report_fits_the_screen_with_the_verdicts_in_view(browser, report_file, viewport):
    with opened(browser, viewport) as page:
        page.goto(report_file.as_uri())
        page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length > 0 && "
                               "Array.from(document.querySelectorAll('.js-plotly-plot')).every(gd => gd._fullLayout)",
                               timeout=CHART_WAIT_MS)
        shoot(page, f"narrow-report-{SIZES[viewport]}")
        assert overflow(page) <= 0, f"the report is {overflow(page)} px wider than the screen"
        verdict = page.locator("#summary + p + table td[data-label='Verdict'], #summary ~ table th:has-text('Verdict')")
        badge = page.locator("table.stack .badge").first
        box = badge.bounding_box()
        assert verdict.count() and box and box["x"] + box["width"] <= SIZES[viewport], "the Verdict column is off screen"
        assert page.evaluate(CHART_TEXT, page.locator("body").element_handle()) == []
        assert page.errors == []


def test_on_a_phone_wide_charts_open_on_their_most_recent_periods(browser, base_url):
    with opened(browser, "390x844") as page:
        page.goto(base_url + "/innovation")
        wait_for_charts(page)
        page.wait_for_function(
            """() => Array.from(document.querySelectorAll('.graph-scroll')).every(box =>
                   box.dataset.latestShown || !box.querySelector('.js-plotly-plot')._fullLayout)""",
            timeout=CHART_WAIT_MS)
        scrolled = page.evaluate(
            """() => Array.from(document.querySelectorAll('.graph-scroll')).map(box => {
                const gd = box.querySelector('.js-plotly-plot');
                return {id: gd.parentElement.id, table: gd.data.some(t => t.type === 'table'),
                        atEnd: box.scrollLeft + box.clientWidth >= box.scrollWidth - 1,
                        wide: box.scrollWidth > box.clientWidth};
            })""")
        shoot(page, "narrow-innovation-390", full_page=False)
        assert any(chart["wide"] for chart in scrolled)
        for chart in scrolled:
            assert chart["table"] or chart["atEnd"], chart
        # the GII rank chart shows the claim's last edition (2023) inside the visible part
        visible = page.evaluate(
            """() => { const box = document.querySelector('#figure-gii-rank .graph-scroll');
                       const view = box.getBoundingClientRect();
                       return Array.from(box.querySelectorAll('.xtick text')).filter(t => {
                           const r = t.getBoundingClientRect(); return r.left >= view.left && r.right <= view.right;
                       }).map(t => t.textContent); }""")
        assert "2023" in visible and "2025" in visible


def test_trade_controls_answer_in_place_and_the_url_keeps_the_state(browser, base_url):
    with opened(browser, "1366x768") as page:
        page.goto(base_url + "/trade")
        wait_for_charts(page)
        assert page.locator("#trade-csv-comtrade-hs6").count() == 0  # nothing loaded: no CSV offered
        assert page.locator("#trade-csv-new-trio-total").count() == 1
        heading = page.locator("#figure-new-trio-total .figure-title")
        before = heading.inner_text()
        page.evaluate("() => { window.notRenderedAgain = document.querySelector('#trade-page'); }")
        page.locator("#trade-currency input[value=USD]").check()
        page.wait_for_url(lambda url: state(url) == ("/trade", {"currency": "USD"}))
        page.wait_for_function("(before) => document.querySelector('#figure-new-trio-total .figure-title')"
                               ".textContent !== before", arg=before, timeout=CHART_WAIT_MS)
        assert "billion USD" in heading.inner_text()
        # the page was not rendered again: the same element holds it (only the charts changed)
        assert page.evaluate("() => window.notRenderedAgain === document.querySelector('#trade-page')")
        # a change in place, then a date: the page is rendered from a URL that keeps both
        page.fill("#trade-as-of", "2024-03-31")
        page.press("#trade-as-of", "Enter")
        page.wait_for_url(lambda url: state(url) == ("/trade", {"currency": "USD", "as_of": "2024-03-31"}))
        page.wait_for_function("() => document.querySelector('#trade-as-of-note').textContent.includes('2024-03-31')",
                               timeout=CHART_WAIT_MS)
        wait_for_charts(page)
        assert page.locator("#trade-currency input[value=USD]").is_checked()
        # navigation keeps the date and the currency; Back restores the view from the URL
        page.click("#trade-nav-innovation")
        page.wait_for_url(lambda url: state(url) == ("/innovation", {"currency": "USD", "as_of": "2024-03-31"}))
        page.go_back()
        page.wait_for_url(lambda url: state(url) == ("/trade", {"currency": "USD", "as_of": "2024-03-31"}))
        wait_for_charts(page)
        assert page.locator("#trade-currency input[value=USD]").is_checked()
        assert "billion USD" in page.locator("#figure-new-trio-total .figure-title").inner_text()
        assert page.errors == []
