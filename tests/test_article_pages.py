"""Article index, per-article scorecards and the ClaimReview JSON-LD in the served page HTML."""

from __future__ import annotations

import extruct
import pytest

from indicators import articles


@pytest.fixture(scope="module")
def client(snapshot_copy):
    from dashboard.app import create_app

    return create_app(snapshot_copy("article-pages"), warm=False).server.test_client()


@pytest.mark.parametrize("slug", [a.slug for a in articles.load_articles()])
def test_each_article_page_serves_its_claimreview_json_ld(client, slug):
    """An extractor that does not run scripts finds one ClaimReview per rated claim, deep-linked to this article."""
    response = client.get(f"/article/{slug}")
    assert response.status_code == 200
    items = extruct.extract(response.get_data(as_text=True), syntaxes=["json-ld"])["json-ld"]
    reviews = [i for i in items if i.get("@type") == "ClaimReview"]
    assert reviews, slug
    for review in reviews:
        assert review["url"].startswith(f"http://localhost/article/{slug}#claim-")
        rating = review["reviewRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["alternateName"]


def test_unknown_article_and_index(client):
    assert client.get("/articles").status_code == 200
    assert client.get("/article/no-such-article").status_code == 200  # the page says so (rendered in the browser)
    assert client.get("/nowhere").status_code == 404
