"""The dashboard in a real headless Chromium (Playwright, Debian's /usr/bin/chromium): pages load with
no console errors, every chart renders, the controls and deep links work, the CSV download returns the
chart's rows. Screenshots of each page (1280x800 and 390x844) go to test-artifacts/screenshots/."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from browser_harness import VIEWPORTS, launched, opened, playwright_or_skip, served, shoot, wait_for_charts

pytestmark = pytest.mark.browser

PAGES = {"home": "/", "scorecard": "/scorecard", "trade": "/trade", "innovation": "/innovation", "data": "/data"}

sync_api = playwright_or_skip()


@pytest.fixture(scope="module")
def base_url(snapshot_copy):
    """The dashboard on a free localhost port, in a thread of this process (warmed up, as served)."""
    with served(snapshot_copy("browser"), warm=True) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launched(sync_api) as running:
        yield running


@pytest.fixture
def page(browser):
    with opened(browser, "1280x800", accept_downloads=True) as fresh:
        yield fresh


def plotted_value(page, graph_id: str, trace_name: str) -> float:
    return page.evaluate(
        """([graphId, name]) => {
            const gd = document.querySelector('#' + graphId + ' .js-plotly-plot');
            const trace = gd.data.find(t => (t.name || '').includes(name));
            return trace.y[0];
        }""", [graph_id, trace_name])


def badge(page, claim_id: str) -> str:
    return page.locator(f"#scorecard-claim-{claim_id} .claim-head .badge").inner_text()


# -- every page, both viewports ------------------------------------------------------------


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_page_loads_without_errors_and_every_chart_renders(browser, base_url, viewport):
    with opened(browser, viewport) as page:
        for name, path in PAGES.items():
            page.goto(base_url + path)
            charts = wait_for_charts(page)
            if name in ("trade", "innovation"):
                assert len(charts) == 5, charts
            for chart in charts:
                assert chart["svg"], chart["id"]
                if chart["id"].endswith("comtrade-hs6"):  # nothing bundled: the chart says how to load it
                    assert chart["traces"] == 0 and "--source comtrade" in chart["text"]
                else:
                    assert chart["traces"] > 0, chart["id"]
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= VIEWPORTS[viewport]["width"], f"{path} is wider than the screen ({width}px)"
            shoot(page, f"{name}-{viewport}")
            assert page.errors == [], f"{path}: {page.errors}"


# -- controls and deep links -------------------------------------------------------------------


def test_currency_switch_changes_the_plotted_values(page, base_url):
    page.goto(base_url + "/trade")
    wait_for_charts(page)
    assert plotted_value(page, "trade-graph-new-trio-total", "2023 total (GACC") == 1.06e12
    page.get_by_label("US dollars (USD, converted)").check()
    page.wait_for_url("**/trade?currency=USD")
    page.wait_for_function(
        """() => {
            const gd = document.querySelector('#trade-graph-new-trio-total .js-plotly-plot');
            const t = gd && gd.data && gd.data.find(t => (t.name || '').includes('2023 total (GACC'));
            return t && t.y[0] < 2e11;
        }""", timeout=20_000)
    assert plotted_value(page, "trade-graph-new-trio-total", "2023 total (GACC") == pytest.approx(1.06e12 / 7.0809)
    assert "149.7 billion USD" in page.locator("#figure-new-trio-total .figure-title").inner_text()
    assert page.errors == []
    assert page.locator("#trade-footer-data").get_attribute("href") == "/data?currency=USD"  # updated in place too


def test_innovation_date_is_drawn_in_place(page, base_url):
    """The date changes the charts, the URL, the links and the note without rendering the page again (a
    mark on the page's element survives: the router would replace that element)."""
    page.goto(base_url + "/innovation")
    wait_for_charts(page)
    page.evaluate("() => { document.querySelector('#innovation-page').dataset.mark = 'kept'; }")
    page.fill("#innovation-as-of", "2023-12-31")
    page.press("#innovation-as-of", "Enter")
    page.wait_for_url("**/innovation?as_of=2023-12-31")
    page.wait_for_function(
        "() => document.querySelector('#innovation-as-of-note').textContent.includes('published by 2023-12-31')",
        timeout=20_000)
    assert page.locator("#innovation-page").get_attribute("data-mark") == "kept"
    assert page.locator("#innovation-footer-data").get_attribute("href") == "/data?as_of=2023-12-31"
    assert page.locator("#innovation-nav-trade").get_attribute("href") == "/trade?as_of=2023-12-31"
    page.click("#innovation-as-of-article")
    page.wait_for_url("**/innovation?as_of=2024-03-31")
    assert page.locator("#innovation-as-of").input_value() == "2024-03-31"
    assert page.locator("#innovation-page").get_attribute("data-mark") == "kept"
    page.go_back()  # the URL holds the state: Back shows the previous date
    page.wait_for_url("**/innovation?as_of=2023-12-31")
    page.wait_for_function("() => document.querySelector('#innovation-as-of').value === '2023-12-31'", timeout=20_000)
    assert page.errors == []


def test_as_of_selector_changes_a_verdict(page, base_url):
    page.goto(base_url + "/scorecard")
    page.wait_for_selector("#scorecard-claim-new-trio-over-one-trillion")
    assert badge(page, "new-trio-over-one-trillion") == "supported"
    page.fill("#scorecard-as-of", "2023-12-31")
    page.press("#scorecard-as-of", "Enter")
    page.wait_for_url("**/scorecard?as_of=2023-12-31")
    page.wait_for_function(
        "() => document.querySelector('#scorecard-claim-new-trio-over-one-trillion .badge').textContent === 'unverifiable'",
        timeout=20_000)
    assert "published by 2023-12-31" in page.locator("#scorecard-as-of-note").inner_text()
    page.click("#scorecard-as-of-latest")
    page.wait_for_function(
        "() => document.querySelector('#scorecard-claim-new-trio-over-one-trillion .badge').textContent === 'supported'",
        timeout=20_000)
    assert "as_of" not in page.url
    assert page.errors == []


def test_deep_link_restores_the_view(page, base_url):
    page.goto(base_url + "/trade?currency=USD&as_of=2024-03-31&product=liion")
    wait_for_charts(page)
    assert page.locator("#trade-as-of").input_value() == "2024-03-31"
    assert page.get_by_label("US dollars (USD, converted)").is_checked()
    assert plotted_value(page, "trade-graph-new-trio-total", "2023 total (GACC") == pytest.approx(1.06e12 / 7.0809)
    products = page.evaluate(
        "() => document.querySelector('#trade-graph-new-trio-products .js-plotly-plot').data.flatMap(t => t.x)")
    assert products and all("Lithium-ion" in x for x in products)
    # Navigation keeps the date and the currency.
    page.click("#trade-nav-innovation")
    page.wait_for_url("**/innovation?as_of=2024-03-31&currency=USD")
    wait_for_charts(page)
    assert page.locator("#innovation-as-of").input_value() == "2024-03-31"
    assert page.errors == []


def test_evidence_link_opens_the_chart_of_the_claim(page, base_url):
    page.goto(base_url + "/scorecard")
    page.click("#scorecard-evidence-new-trio-over-one-trillion")
    page.wait_for_url("**/trade#claim-new-trio-over-one-trillion")
    anchor = page.locator("#claim-new-trio-over-one-trillion")
    anchor.wait_for()
    page.wait_for_function(
        "() => { const r = document.getElementById('claim-new-trio-over-one-trillion').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }", timeout=10_000)
    assert "supported" in anchor.inner_text()


def test_csv_download_returns_the_chart_rows(page, base_url):
    page.goto(base_url + "/trade")
    wait_for_charts(page)
    with page.expect_download() as download_info:
        page.click("#trade-csv-new-trio-total")
    download = download_info.value
    assert download.suggested_filename == "new-trio-total.csv"
    body = Path(download.path()).read_text(encoding="utf-8")
    header = [line for line in body.splitlines() if line.startswith("# ")]
    assert header[0] == "# figure: new-trio-total" and any(line.startswith("# Source: ") for line in header)
    rows = pd.read_csv(io.StringIO(body), comment="#")
    assert rows.loc[rows["series"] == "2023 total (GACC)", "value"].iloc[0] == 1.06e12
    assert rows.loc[rows["series"] == "growth in yuan (GACC)", "value"].iloc[0] == 29.9


def test_unknown_page_and_bad_values_say_so(page, base_url):
    response = page.goto(base_url + "/no-such-page")
    assert response.status == 404
    page.wait_for_selector("text=Page not found")
    assert [e for e in page.errors if "404" not in e] == []  # the browser logs the page's own 404 status
    page.errors.clear()
    page.goto(base_url + "/trade?currency=EUR")
    wait_for_charts(page)
    assert "Unknown currency “EUR”" in page.locator("#trade-problems").inner_text()
    assert page.errors == []


def test_embed_page_draws_the_chart_offline(page, base_url):
    page.goto(base_url + "/embed/gii-rank")
    page.wait_for_selector(".js-plotly-plot svg.main-svg")
    assert page.evaluate("() => document.querySelector('.js-plotly-plot').data.length") > 1
    assert page.errors == []
