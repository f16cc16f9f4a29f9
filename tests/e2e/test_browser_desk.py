"""The desk in a real headless Chromium (Playwright, Debian's /usr/bin/chromium): the landing page and a
series page at a laptop width (1366 px) and a phone width (390 px) draw without console errors and
never overflow the screen sideways; and one first-time user's path: landing page -> check a pasted
text -> its verdicts; landing page -> catalogue -> a series chart. Screenshots go to
test-artifacts/screenshots/desk-*.png (and SHOTS_DIR, when set), where a person looks at them."""

from __future__ import annotations

import pytest
from browser_harness import CHART_WAIT_MS, launched, opened, playwright_or_skip, served, shoot, wait_for_charts

pytestmark = pytest.mark.browser

sync_api = playwright_or_skip()

SIZES = ["1366x768", "390x844"]
WDI_RD = "worldbank-gb-xpd-rsdv-gd-zs-wdi-a-percent-of-gdp"


@pytest.fixture(scope="module")
def base_url(snapshot_copy):
    with served(snapshot_copy("browser-desk")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launched(sync_api) as running:
        yield running


def overflow(page) -> int:
    """How many pixels the page is wider than the screen (0 when it fits)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("size", SIZES)
def test_the_landing_page_fits_the_screen_and_offers_three_ways_in(browser, base_url, size):
    with opened(browser, size) as page:
        page.goto(base_url + "/")
        page.wait_for_selector("#home-ways")
        assert page.locator("#home-ways .way").count() == 3
        for way in ("check", "articles", "data"):
            assert page.locator(f"#home-go-{way}").is_visible()
        assert overflow(page) <= 0, f"the landing page is {overflow(page)} px wider than the screen"
        shoot(page, f"desk-home-{size}")
        assert page.errors == [], page.errors


@pytest.mark.parametrize("size", SIZES)
def test_a_series_page_draws_its_chart_and_fits_the_screen(browser, base_url, size):
    with opened(browser, size) as page:
        page.goto(base_url + f"/series/{WDI_RD}?entity=CHN,USA,JPN")
        charts = wait_for_charts(page)
        assert len(charts) == 1 and charts[0]["svg"] and charts[0]["traces"] == 3, charts
        names = page.evaluate("() => document.querySelector('.graph .js-plotly-plot').data.map(t => t.name)")
        assert names == ["China", "United States of America", "Japan"]
        assert "CC BY 4.0" in page.inner_text("#series-about")
        assert page.locator(f"#series-csv-{WDI_RD}").is_visible()
        assert overflow(page) <= 0, f"the series page is {overflow(page)} px wider than the screen"
        shoot(page, f"desk-series-{size}")
        assert page.errors == [], page.errors


def test_a_first_time_user_checks_a_text_and_finds_a_series_chart(browser, base_url):
    from indicators import articles

    text = articles.get_article("china-daily-askary-2024-03-12").text
    # A first-time user: a browser context of its own. In three full runs the check never answered. The likely
    # cause, reproduced outside the browser (2 in 200): the jobs launcher forked while another thread of this
    # process was inside SQLite, its jobs then waiting on the lock for ever (dashboard.jobs.Launcher now ends
    # such a launcher and forks another).
    with opened(browser, "390x844", fresh=True) as page:
        # landing -> check a pasted text -> verdicts
        page.goto(base_url + "/")
        page.click("#home-go-check")
        page.wait_for_url("**/check")
        page.wait_for_selector("#check-text")
        page.fill("#check-text", text)
        page.click("#check-run")
        # the spotter takes a while on a loaded machine; a check that could not run says why (#check-problem)
        page.wait_for_selector("#check-table, #check-problem", timeout=CHART_WAIT_MS)
        assert page.locator("#check-table").count() == 1, page.inner_text("#check-message")
        assert page.locator("#check-table .badge").count() > 0
        assert "supported" in page.inner_text("#check-table")
        shoot(page, "desk-path-check-390x844")
        # landing (through the site name) -> catalogue -> a series chart
        page.click(".brand-mark")
        page.wait_for_selector("#home-ways")
        page.click("#home-go-data")
        page.wait_for_url("**/catalogue")
        page.wait_for_selector("#catalogue-count")
        page.fill("#catalogue-search", "r&d china")
        page.press("#catalogue-search", "Enter")
        page.wait_for_url("**/catalogue?q=r%26d+china")
        page.wait_for_selector(f"a.series-link[href^='/series/{WDI_RD}']")
        page.click(f"a.series-link[href^='/series/{WDI_RD}']")
        page.wait_for_url(f"**/series/{WDI_RD}")
        page.wait_for_selector(f"#series-graph-{WDI_RD}")
        charts = wait_for_charts(page)
        assert charts and charts[0]["svg"] and charts[0]["traces"] == 1
        assert page.inner_text(".main h1") == "R&D expenditure (% of GDP)"
        shoot(page, "desk-path-series-390x844")
        assert page.errors == [], page.errors
