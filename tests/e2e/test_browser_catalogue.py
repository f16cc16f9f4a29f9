"""The /catalogue page in a real headless Chromium (Playwright, Debian's /usr/bin/chromium), at a laptop
width (1366 px) and a phone width (390 px): the page renders every series grouped by source, typing a
search writes it into the URL and filters the rows, a deep link opens the filtered rows, the CSV
download holds them, and nothing overflows the screen sideways. Screenshots go to
test-artifacts/screenshots/catalogue-*.png (and SHOTS_DIR, when set)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from browser_harness import launched, opened, playwright_or_skip, served, shoot

pytestmark = pytest.mark.browser

sync_api = playwright_or_skip()

SIZES = ["1366x768", "390x844"]


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("browser-catalogue")


@pytest.fixture(scope="module")
def base_url(store):
    with served(store) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launched(sync_api) as running:
        yield running


def visible_rows(page) -> int:
    return page.evaluate("() => Array.from(document.querySelectorAll('tr.catalogue-row')).length")


def overflow(page) -> tuple[int, int]:
    return page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")


@pytest.mark.parametrize("size", SIZES)
def test_catalogue_renders_searches_through_the_url_and_fits_the_screen(browser, base_url, store, size):
    from indicators import catalogue_view

    everything = catalogue_view.entries(store)
    wanted = catalogue_view.find(everything, "r&d china")
    with opened(browser, size, accept_downloads=True) as page:
        page.goto(base_url + "/catalogue")
        page.wait_for_selector("#catalogue-count")
        assert page.inner_text("#catalogue-count").startswith(f"{len(everything)} series from")
        assert visible_rows(page) == len(everything)
        assert page.locator("#catalogue-nav-catalogue").count() == 1  # in the navigation
        width, inner = overflow(page)
        assert width <= inner, f"/catalogue is wider than the screen at {size} ({width} > {inner})"
        shoot(page, f"catalogue-{size}", full_page=False)

        page.fill("#catalogue-search", "r&d china")
        page.press("#catalogue-search", "Enter")
        page.wait_for_url("**/catalogue?q=r%26d+china")
        page.wait_for_function(
            "n => document.querySelectorAll('tr.catalogue-row').length === n", arg=len(wanted), timeout=30_000)
        assert page.inner_text("#catalogue-count").startswith(f"{len(wanted)} of {len(everything)} series match")
        table = page.inner_text("#catalogue-group-nbs")
        assert "R&D expenditure" in table and "indicators refresh --source nbs --offline" in table
        assert "trillion CNY" in table
        assert page.locator("#catalogue-group-gii").count() == 0
        assert page.locator("#catalogue-search").input_value() == "r&d china"
        width, inner = overflow(page)
        assert width <= inner, f"the searched catalogue is wider than the screen at {size} ({width} > {inner})"
        shoot(page, f"catalogue-search-{size}", full_page=True)
        assert page.errors == [], page.errors


def test_deep_link_opens_the_filtered_rows_and_the_csv_holds_them(browser, base_url, store, tmp_path):
    from indicators import catalogue_view

    wanted = catalogue_view.find(catalogue_view.entries(store), "r&d japan")
    with opened(browser, "390x844", accept_downloads=True) as page:
        page.goto(base_url + "/catalogue?q=r%26d+japan")
        page.wait_for_selector("#catalogue-count")
        assert visible_rows(page) == len(wanted) > 0
        assert page.locator("#catalogue-search").input_value() == "r&d japan"
        with page.expect_download() as info:
            page.click("#catalogue-csv")
        path = tmp_path / "catalogue.csv"
        info.value.save_as(path)
        data = pd.read_csv(path, comment="#", keep_default_na=False)
        assert len(data) == len(wanted) and set(data["entity"]) == {"JPN"}
        shoot(page, "catalogue-deep-link-390x844", full_page=True)
        assert page.errors == [], page.errors
