"""The article index and each bundled article's scorecard in a real headless Chromium: no console
errors, every claim shown, every evidence chart drawn, the "also stated in" link and an unknown
article. Screenshots go to test-artifacts/screenshots/ (and SHOTS_DIR, when set)."""

from __future__ import annotations

import pytest
from browser_harness import VIEWPORTS, launched, opened, playwright_or_skip, served, shoot, wait_for_charts

from indicators import articles

pytestmark = pytest.mark.browser

SLUGS = [a.slug for a in articles.load_articles()]

sync_api = playwright_or_skip()


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("browser-articles")


@pytest.fixture(scope="module")
def base_url(store):
    with served(store) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launched(sync_api) as running:
        yield running


@pytest.fixture(params=list(VIEWPORTS))
def page(request, browser):
    with opened(browser, request.param) as fresh:
        yield fresh


def test_index_lists_every_article_without_errors(page, base_url):
    page.goto(base_url + "/articles")
    page.wait_for_selector("#articles-list")
    for slug in SLUGS:
        assert page.locator(f"#articles-item-{slug} .badge").count() > 0, slug
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[page.viewport_name]["width"], f"/articles is wider than the screen ({width}px)"
    shoot(page, f"articles-{page.viewport_name}")
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
    shoot(page, f"article-{slug}-{page.viewport_name}")
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
