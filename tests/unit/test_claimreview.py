"""ClaimReview JSON-LD: read back with a real JSON-LD extractor (extruct) from generated HTML, every property checked."""

from __future__ import annotations

import json

import extruct
import pytest

from indicators import articles, claimreview, cli

BASE = "https://factcheck.example.org"


@pytest.fixture(scope="module")
def snapshot_url(snapshot_template):
    return f"sqlite:///{snapshot_template}"


@pytest.fixture(scope="module")
def judged_articles(judged):
    return [(a, judged(a.slug, compare=False)) for a in articles.load_articles()]


def extracted(reviews: list[dict]) -> list[dict]:
    html = f"<!doctype html><html><head><title>t</title>{claimreview.script_tag(reviews)}</head><body></body></html>"
    found = extruct.extract(html, base_url=BASE, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return [item for item in found if item.get("@type") == "ClaimReview"]


def test_every_rated_claim_has_a_review_with_every_property(judged_articles, monkeypatch):
    assert sum(r.verdict in claimreview.RATINGS for _, results in judged_articles for r in results) > 10
    monkeypatch.setenv("INDICATORS_ORG_NAME", "Example Fact Desk")
    monkeypatch.setenv("INDICATORS_ORG_URL", "https://desk.example.org/")
    for article, results in judged_articles:
        reviews = claimreview.claim_reviews(article, results, base_url=BASE, date_published="2026-12-02")
        items = extracted(reviews)
        rated = [r for r in results if r.verdict in claimreview.RATINGS]
        assert len(items) == len(rated)
        for item, result in zip(items, rated):
            assert item["@context"] == "https://schema.org"
            assert item["url"] == f"{BASE}/article/{article.slug}#claim-{result.id}"
            assert item["claimReviewed"] == (result.claim or result.quote)
            assert item["datePublished"] == "2026-12-02"
            assert item["author"] == {"@type": "Organization", "name": "Example Fact Desk", "url": "https://desk.example.org/"}
            rating = item["reviewRating"]
            value, words = claimreview.RATINGS[result.verdict]
            assert rating["@type"] == "Rating"
            assert rating["ratingValue"] == value and rating["bestRating"] == 5 and rating["worstRating"] == 1
            assert rating["alternateName"] == words
            claim = item["itemReviewed"]
            assert claim["@type"] == "Claim"
            assert claim["author"] == {"@type": "Person", "name": article.author}
            assert claim["datePublished"] == article.published
            assert claim["text"] == result.quote
            assert claim["appearance"][0]["url"] == article.url
            assert claim["appearance"][0]["headline"] == article.title
            assert claim["appearance"][0]["publisher"]["name"] == article.outlet
            assert [a["url"] for a in claim["appearance"][1:]] == [a["url"] for a in result.also_in]
            earliest = min(claim["appearance"], key=lambda w: w["datePublished"])
            assert claim["firstAppearance"] == earliest


def test_each_review_cites_its_data_with_the_publisher_and_the_site_read(judged_articles):
    """isBasedOn: one Dataset per publisher page and vintage the verdict read; its name says where the
    figures were read ("WIPO ..., read via natlawreview.com") and its url opens that site."""
    cited_via = set()
    for article, results in judged_articles:
        rated = {r.id: r for r in results if r.verdict in claimreview.RATINGS}
        for item in extracted(claimreview.claim_reviews(article, results, base_url=BASE)):
            result = rated[item["url"].rsplit("#claim-", 1)[1]]
            datasets = item.get("isBasedOn", [])
            assert len(datasets) == len({(s["publisher"], s["read_via"], s["url"], s["source"], s["vintage"])
                                         for s in result.sources}) > 0
            for dataset, ref in zip(datasets, dict.fromkeys(
                    (s["publisher"], s["read_via"], s["url"], s["source"], s["vintage"]) for s in result.sources)):
                publisher, via, url, source, vintage = ref
                assert dataset["@type"] == "Dataset" and dataset["publisher"]["name"] == publisher
                assert dataset["version"] == f"{source} vintage {vintage}" and dataset.get("url", "") == url
                if via:
                    assert dataset["name"] == f"{publisher}, read via {via}"
                    cited_via.add(via)
                else:
                    assert dataset["name"] == f"{publisher} (read from the primary source)"
    assert {"natlawreview.com", "auto.ce.cn"} & cited_via  # the op-ed's GII and GACC figures were read on reprints


def test_unrated_verdicts_get_no_review(judged_articles):
    for article, results in judged_articles:
        reviews = claimreview.claim_reviews(article, results, base_url=BASE)
        reviewed = {r["url"].rsplit("#claim-", 1)[1] for r in reviews}
        for result in results:
            assert (result.id in reviewed) == (result.verdict in claimreview.RATINGS)


def test_matched_claim_lists_both_appearances(judged_articles):
    article, results = next((a, r) for a, r in judged_articles if a.slug == "gna-lu-kun-2024-06-01")
    review = next(r for r in claimreview.claim_reviews(article, results, base_url=BASE)
                  if r["url"].endswith("#claim-new-trio-over-one-trillion"))
    urls = [a.get("url") for a in review["itemReviewed"]["appearance"]]
    assert urls[0] == article.url and articles.get_article("op-ed").url in urls
    assert review["itemReviewed"]["firstAppearance"]["datePublished"] == "2024-03"  # the op-ed came first


def test_script_tag_cannot_be_closed_by_a_quote():
    review = {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "a </script><b>x"}
    tag = claimreview.script_tag([review])
    assert tag.count("</script>") == 1
    assert extracted([review])[0]["claimReviewed"] == "a </script><b>x"


def test_default_author_without_environment(monkeypatch):
    monkeypatch.delenv("INDICATORS_ORG_NAME", raising=False)
    monkeypatch.delenv("INDICATORS_ORG_URL", raising=False)
    assert claimreview.default_author() == {"@type": "Organization", "name": "factcheck-indicators"}


def test_export_claimreview_cli_writes_json_ld(tmp_path, snapshot_url, monkeypatch, capsys, judged_articles):
    monkeypatch.setenv("INDICATORS_DB", snapshot_url)
    out = tmp_path / "reviews.jsonld"
    assert cli.main(["export", "--claimreview", "--out", str(out), "--base-url", BASE]) == 0
    reviews = json.loads(out.read_text(encoding="utf-8"))
    expected = sum(1 for _, results in judged_articles for r in results if r.verdict in claimreview.RATINGS)
    assert len(reviews) == expected and f"{expected} ClaimReview" in capsys.readouterr().out
    assert len(extracted(reviews)) == expected
    assert cli.main(["export", "--claimreview", "--article", "china-daily-askary-2024-03-12", "--out", str(out),
                     "--base-url", BASE]) == 0
    assert {r["url"].split("/article/")[1].split("#")[0] for r in json.loads(out.read_text())} == {
        "china-daily-askary-2024-03-12"}


@pytest.mark.parametrize("base_url, local", [
    ("http://127.0.0.1:8050", True), ("http://localhost:8050/", True), ("http://[::1]:8050", True),
    ("http://0.0.0.0:8050", True), ("http://127.0.1.1", True), (BASE, False), ("https://localhost.example.org", False),
])
def test_publishing_warnings_name_local_links_and_what_sets_them(base_url, local):
    warnings = claimreview.publishing_warnings(base_url, {"@type": "Organization", "name": "Example Fact Desk"})
    assert bool(warnings) == local
    if local:
        assert "--base-url" in warnings[0] and "INDICATORS_BASE_URL" in warnings[0]


def test_export_claimreview_warns_on_stderr_with_the_defaults(tmp_path, snapshot_url, monkeypatch, capsys):
    monkeypatch.setenv("INDICATORS_DB", snapshot_url)
    for name in ("INDICATORS_BASE_URL", "INDICATORS_ORG_NAME", "INDICATORS_ORG_URL"):
        monkeypatch.delenv(name, raising=False)
    out = tmp_path / "reviews.jsonld"
    args = ["export", "--claimreview", "--article", "op-ed", "--out", str(out)]
    assert cli.main(args) == 0  # a warning, not a failure: a local preview is a fair use
    captured = capsys.readouterr()
    warnings = [line for line in captured.err.splitlines() if line.startswith("indicators export: warning:")]
    assert len(warnings) == 2 and "warning" not in captured.out
    assert "http://127.0.0.1:8050" in warnings[0] and "--base-url URL or INDICATORS_BASE_URL" in warnings[0]
    assert "'factcheck-indicators'" in warnings[1] and "INDICATORS_ORG_NAME" in warnings[1]
    assert all(r["url"].startswith("http://127.0.0.1:8050/") for r in json.loads(out.read_text()))

    monkeypatch.setenv("INDICATORS_ORG_NAME", "Example Fact Desk")
    monkeypatch.setenv("INDICATORS_BASE_URL", BASE)  # the environment sets the default of --base-url
    assert cli.main(args) == 0
    assert "warning" not in capsys.readouterr().err
    assert all(r["url"].startswith(f"{BASE}/article/op-ed#claim-") for r in json.loads(out.read_text()))
