"""The article index and per-article scorecards through Flask's test client, and the ClaimReview
JSON-LD in the served HTML, read back with a real extractor (extruct)."""

from __future__ import annotations

import extruct
import pytest

from indicators import articles, claimreview
from indicators.claims import check_article, verdict_counts

from test_dashboard import find, render, text

ARTICLES = articles.load_articles()
SLUGS = [a.slug for a in ARTICLES]


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("article-pages")


@pytest.fixture(scope="module")
def client(store):
    from dashboard.app import create_app

    client = create_app(store, warm=False).server.test_client()
    assert client.get("/").status_code == 200  # first request sets up the page router
    return client


@pytest.fixture(scope="module")
def results(judged):
    return {a.slug: judged(a.slug) for a in ARTICLES}


def test_index_lists_every_article_with_its_verdict_counts(client, results):
    tree = render(client, "/articles")
    for article in ARTICLES:
        item = find(tree, f"articles-item-{article.slug}")
        assert item is not None, article.slug
        shown = text(item)
        assert article.title in shown and article.outlet in shown and article.published in shown
        link = find(tree, f"articles-link-{article.slug}")
        assert link["props"]["href"] == f"/article/{article.slug}"
        counts = text(find(tree, f"articles-counts-{article.slug}"))
        for verdict, n in verdict_counts(results[article.slug]).items():
            assert f"{verdict} {n}" in " ".join(counts.split())


def test_the_nav_links_to_the_index(client):
    tree = render(client, "/scorecard")
    nav = find(tree, "scorecard-nav-articles")
    assert nav is not None and nav["props"]["href"] == "/articles"


@pytest.mark.parametrize("slug", SLUGS)
def test_article_scorecard_shows_metadata_every_claim_and_a_chart_per_checkable_claim(client, results, slug):
    article = articles.get_article(slug)
    tree = render(client, f"/article/{slug}")
    page = text(tree)
    assert article.title in page and article.author in page and article.outlet in page
    assert ("excerpt" in page) == article.excerpt
    for result in results[slug]:
        card = find(tree, f"claim-{result.id}")
        assert card is not None, result.id
        shown = " ".join(text(card).split())
        assert result.verdict in shown
        assert " ".join(result.quote.split()) in shown
        chart = find(card, f"articles-graph-{result.id}")
        assert (chart is not None) == (result.verdict not in ("opinion", "error")), result.id
        for other in result.also_in:
            assert other["label"] in shown


def test_a_claim_stated_in_two_articles_says_where_else(client, results):
    shared = [(slug, r) for slug, rs in results.items() for r in rs if r.also_in]
    assert shared, "the bundled articles share at least one claim"
    slug, result = shared[0]
    tree = render(client, f"/article/{slug}")
    also = find(tree, f"articles-also-in-{result.id}")
    assert also is not None and result.also_in[0]["label"] in text(also)


def test_as_of_in_the_url_judges_as_of_that_date(client, store):
    article = articles.get_article("gna-lu-kun-2024-06-01")
    early = check_article(store, article, as_of="2000-01-01")
    tree = render(client, f"/article/{article.slug}", "?as_of=2000-01-01")
    assert "2000-01-01" in text(tree)
    for result in early:
        assert result.verdict in text(find(tree, f"claim-{result.id}"))
    assert any(r.verdict == "unverifiable" for r in early)


def test_unknown_article_is_a_404_that_says_so(client):
    response = client.get("/article/no-such-article")
    assert response.status_code == 404
    tree = render(client, "/article/no-such-article")
    message = text(find(tree, "articles-not-found"))
    assert "no-such-article" in message and "op-ed" in message


@pytest.mark.parametrize("path,slug", [(f"/article/{s}", s) for s in SLUGS])
def test_served_html_carries_a_claimreview_per_rated_claim(client, results, path, slug):
    response = client.get(path)
    assert response.status_code == 200
    data = extruct.extract(response.get_data(as_text=True), base_url="http://localhost/", syntaxes=["json-ld"])
    reviews = [item for item in data["json-ld"] if item.get("@type") == "ClaimReview"]
    rated = [r for r in results[slug] if r.verdict in claimreview.RATINGS]
    assert len(reviews) == len(rated)  # an article with no rated claim (all unverifiable) carries none
    article = articles.get_article(slug)
    for review, result in zip(reviews, rated):
        assert review["claimReviewed"] == (result.claim or result.quote)
        assert review["url"] == f"http://localhost/article/{slug}#claim-{result.id}"
        assert review["datePublished"] and review["author"]["@type"] == "Organization" and review["author"]["name"]
        rating = review["reviewRating"]
        assert rating["ratingValue"] == claimreview.RATINGS[result.verdict][0]
        assert rating["bestRating"] == claimreview.BEST and rating["worstRating"] == claimreview.WORST
        assert rating["alternateName"] == claimreview.RATINGS[result.verdict][1]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"] == article.author
        assert item["datePublished"] == article.published
        appearances = item["appearance"]
        assert appearances[0].get("url") == article.url
        assert len(appearances) == 1 + len(result.also_in)


def test_claimreviews_follow_the_as_of_of_the_url(client, store):
    article = articles.get_article("gna-lu-kun-2024-06-01")
    early = [r for r in check_article(store, article, as_of="2000-01-01") if r.verdict in claimreview.RATINGS]
    html = client.get(f"/article/{article.slug}?as_of=2000-01-01").get_data(as_text=True)
    reviews = [i for i in extruct.extract(html, syntaxes=["json-ld"])["json-ld"] if i.get("@type") == "ClaimReview"]
    assert len(reviews) == len(early)


@pytest.mark.parametrize("path", ["/", "/trade"])
def test_other_pages_carry_no_claimreview(client, path):
    """Only article scorecards judge claims for their HTML; the landing page stays fast to serve."""
    html = client.get(path).get_data(as_text=True)
    assert "ClaimReview" not in html
