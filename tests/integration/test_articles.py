"""Articles as data: bundled folders load, the default comes first, and a new article needs YAML only."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from indicators import articles, claims, cli, config
from indicators.store import Store


@pytest.fixture(scope="module")
def bundled() -> list[articles.Article]:
    return articles.load_articles()


@pytest.fixture(scope="module")
def snapshot_url(snapshot_template):
    return f"sqlite:///{snapshot_template}"


def test_bundled_articles_with_the_op_ed_first(bundled):
    slugs = [a.slug for a in bundled]
    assert slugs[0] == "op-ed" and bundled[0].default and not any(a.default for a in bundled[1:])
    assert {"op-ed", "china-daily-askary-2024-03-12", "gna-lu-kun-2024-06-01"} <= set(slugs)
    assert len(slugs) == len(set(slugs)) == len(list((config.data_dir() / "articles").glob("*/article.yaml")))
    outlets = {a.outlet for a in bundled}
    assert {"The New York Times", "Rhodium Group"} <= outlets  # Western press and a think tank among them
    for article in bundled:
        assert article.title and article.author and article.outlet and article.as_of
        assert article.excerpt  # all are quoted excerpts, and say so
        assert article.text.startswith("Excerpt:")
        assert article.claims_path.is_file()
        assert article.url and article.url.startswith("http")


def test_get_article_and_unknown_slug_lists_the_known_ones(bundled):
    assert articles.get_article("gna-lu-kun-2024-06-01").outlet == "Ghana News Agency"
    with pytest.raises(articles.ArticleError, match=r"unknown article 'nope'; known: op-ed, "):
        articles.get_article("nope")


def test_default_claims_path_is_the_op_eds(bundled):
    assert claims.claims_path() == bundled[0].claims_path
    # Code that reads load_claims()["article"] (pages, report) still gets the op-ed's metadata.
    assert claims.load_claims()["article"]["as_of"] == bundled[0].as_of


def test_article_folder_missing_a_field_names_the_file_and_field(tmp_path):
    folder = tmp_path / "articles" / "x"
    folder.mkdir(parents=True)
    (folder / "article.yaml").write_text("title: T\nauthor: A\noutlet: O\npublished: '2024-01-01'\n", encoding="utf-8")
    with pytest.raises(articles.ArticleError, match=r"x/article.yaml: missing 'as_of'"):
        articles.load_articles(tmp_path)


def add_article(data_dir: Path) -> None:
    """A fourth article, written as data only: metadata, text and a claims file."""
    folder = data_dir / "articles" / "test-outlet-2024-07-01"
    folder.mkdir(parents=True)
    (folder / "article.yaml").write_text(yaml.safe_dump({
        "title": "A test article", "author": "A. Writer", "outlet": "Test Outlet", "url": "https://example.org/a",
        "published": "2024-07-01", "as_of": "2024-07-01", "excerpt": True}), encoding="utf-8")
    (folder / "text.md").write_text("Excerpt: test.\n\nChina ranked 12th in 2023, with 25 clusters.\n", encoding="utf-8")
    (folder / "claims.yaml").write_text(yaml.safe_dump({"claims": [
        {"id": "rank-12", "quote": "China ranked 12th in 2023", "check": "exact",
         "stated": {"value": 12, "scale": 1, "unit": "rank", "comparator": "==", "text": "ranked 12th"},
         "series": {"source": "gii", "indicator": "gii_rank", "entity": "CHN", "period": "2023", "freq": "A", "unit": "rank"}},
        {"id": "clusters-25", "quote": "with 25 clusters", "check": "exact",
         "stated": {"value": 25, "scale": 1, "unit": "count", "comparator": "==", "text": "25 clusters"},
         "series": {"source": "gii", "indicator": "st_clusters_top100", "entity": "CHN", "period": "2023", "freq": "A",
                    "unit": "count"}},
    ]}), encoding="utf-8")


@pytest.mark.slow
def test_a_new_article_added_with_yaml_only_is_checked(tmp_path, monkeypatch, snapshot_url, capsys):
    data_dir = tmp_path / "data"
    shutil.copytree(config.data_dir() / "articles", data_dir / "articles")
    add_article(data_dir)
    monkeypatch.setenv("INDICATORS_DATA_DIR", str(data_dir))
    monkeypatch.setenv("INDICATORS_DB", snapshot_url)
    article = articles.get_article("test-outlet-2024-07-01")
    by_id = {r.id: r for r in claims.check_article(Store(snapshot_url), article)}
    rank = Store(snapshot_url).frame(source="gii", indicator="gii_rank", entity="CHN")
    observed_rank = float(rank[rank["period"] == "2023"]["value"].iloc[-1])
    assert by_id["rank-12"].verdict == ("supported" if observed_rank == 12 else "contradicted")
    assert by_id["clusters-25"].verdict == "contradicted"  # the store's count is not 25
    assert cli.main(["check", "--article", "test-outlet-2024-07-01"]) == 0
    out = capsys.readouterr().out
    assert "[CONTRADICTED] clusters-25" in out
    assert cli.main(["articles"]) == 0
    assert "test-outlet-2024-07-01" in capsys.readouterr().out
    out_file = tmp_path / "reviews.jsonld"
    assert cli.main(["export", "--claimreview", "--article", "test-outlet-2024-07-01", "--out", str(out_file),
                     "--base-url", "https://example.org"]) == 0
    reviews = {r["url"]: r for r in json.loads(out_file.read_text(encoding="utf-8"))}
    review = reviews["https://example.org/article/test-outlet-2024-07-01#claim-clusters-25"]
    assert review["reviewRating"]["ratingValue"] == 1 and review["itemReviewed"]["author"]["name"] == "A. Writer"


@pytest.mark.slow
def test_articles_cli_lists_every_article_with_verdict_counts(snapshot_url, monkeypatch, capsys, bundled):
    monkeypatch.setenv("INDICATORS_DB", snapshot_url)
    assert cli.main(["articles"]) == 0
    out = capsys.readouterr().out
    store = Store(snapshot_url)
    for article in bundled:
        assert article.slug in out
        expected = claims.verdict_counts_text(claims.check_article(store, article, compare=False))
        assert expected in out


def test_check_claims_path_judges_a_file_in_todays_format(tmp_path, snapshot_url, monkeypatch, capsys):
    """A claims file outside any article folder, with its own `article:` block, still works."""
    document = yaml.safe_load(claims.claims_path().read_text(encoding="utf-8"))
    document["article"] = {"title": "Old format", "as_of": "2024-03-31"}
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("INDICATORS_DB", snapshot_url)
    assert cli.main(["check", "--claims", str(path)]) == 0
    assert "[SUPPORTED] new-trio-over-one-trillion" in capsys.readouterr().out


# -- claim matching -------------------------------------------------------------------------------

from indicators.claims import matching  # noqa: E402


def test_bundled_matches_join_the_trillion_and_the_clusters_claims():
    found = {m.key: m for m in claims.claim_matches()}
    trio = found["op-ed#new-trio-over-one-trillion"]
    assert [a.ref for a in trio.appearances] == ["op-ed#new-trio-over-one-trillion",
                                                "gna-lu-kun-2024-06-01#new-trio-over-one-trillion"]
    assert any(r.startswith("same_as:") for r in trio.reasons)
    clusters = found["op-ed#gii-2023-most-clusters"]
    assert {a.article for a in clusters.appearances} >= {"op-ed", "china-daily-askary-2024-03-12", "cgtn-2023-09-22-sci-tech-clusters"}
    assert clusters.reasons == ["same series, period, comparator and stated figure"]  # no same_as written
    rd = found["xinhua-2023-09-18-rd-spending#rd-over-3-trillion-yuan-2022"]
    assert {a.article for a in rd.appearances} == {"xinhua-2023-09-18-rd-spending", "cgtn-2023-09-22-sci-tech-clusters"}
    for match in found.values():  # opinions are never matched, and every match joins two or more articles
        assert len({a.article for a in match.appearances}) >= 2


def fake_article(slug: str):
    return articles.Article(slug=slug, title=slug, author="A", outlet=slug.upper(), url=None, published="2024-01-01",
                            as_of="2024-01-01", excerpt=True, text="", claims_path=Path("/nonexistent"))


def figure_claim(claim_id: str, value: float, scale: float = 1e12, **extra) -> dict:
    return {"id": claim_id, "quote": claim_id, "check": "threshold",
            "stated": {"value": value, "scale": scale, "unit": "CNY", "comparator": ">"},
            "series": {"source": "customs", "indicator": "new_trio_exports_total", "period": "2023", "unit": "CNY"}, **extra}


def test_same_figure_in_other_units_matches_a_different_figure_does_not():
    documents = [(fake_article("a"), [figure_claim("x", 1)]),
                 (fake_article("b"), [figure_claim("y", 1000, 1e9)]),  # 1000 billion = 1 trillion
                 (fake_article("c"), [figure_claim("z", 1.1)])]
    found = matching.find_matches(documents)
    assert [[a.ref for a in m.appearances] for m in found] == [["a#x", "b#y"]]


def test_same_as_links_are_transitive_and_broken_links_are_reported():
    documents = [(fake_article("a"), [figure_claim("x", 1)]),
                 (fake_article("b"), [figure_claim("y", 2, same_as="a#x")]),
                 (fake_article("c"), [figure_claim("z", 3, same_as="b#y"), figure_claim("w", 4, same_as="q#none")])]
    found = matching.find_matches(documents)
    assert [[a.ref for a in m.appearances] for m in found] == [["a#x", "b#y", "c#z"]]
    assert matching.other_appearances(found, "c", "z")[0].ref == "a#x"
    assert matching.broken_links(documents) == ["c#w -> q#none"]


def test_claims_matches_cli_lists_each_appearance(capsys):
    assert cli.main(["claims", "--matches"]) == 0
    out = capsys.readouterr().out
    assert "op-ed#new-trio-over-one-trillion" in out and "gna-lu-kun-2024-06-01#new-trio-over-one-trillion" in out
    assert "china-daily-askary-2024-03-12#gii-2023-most-clusters" in out


def test_check_article_results_say_where_else_the_claim_appears(snapshot_url):
    article = articles.get_article("gna-lu-kun-2024-06-01")
    by_id = {r.id: r for r in claims.check_article(Store(snapshot_url), article, compare=False)}
    also = by_id["new-trio-over-one-trillion"].also_in
    assert [(a["article"], a["claim_id"]) for a in also] == [("op-ed", "new-trio-over-one-trillion")]
    assert by_id["nev-exports-2023-units"].also_in == []


def test_load_articles_reads_again_only_what_changed(tmp_path):
    """Every page asks for the articles: they are read again when a file or folder changed, only."""
    shutil.copytree(config.data_dir() / "articles", tmp_path / "articles")
    first = articles.load_articles(tmp_path)
    assert articles.load_articles(tmp_path)[0] is first[0]  # nothing changed: the same objects

    meta_path = tmp_path / "articles" / first[0].slug / "article.yaml"
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    meta["title"] = meta["title"] + " (edited)"
    meta_path.write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    assert articles.load_articles(tmp_path)[0].title.endswith(" (edited)")

    before = articles.fingerprint(tmp_path)
    add_article(tmp_path)
    assert articles.fingerprint(tmp_path) != before
    assert "test-outlet-2024-07-01" in {a.slug for a in articles.load_articles(tmp_path)}

    shutil.rmtree(tmp_path / "articles" / "test-outlet-2024-07-01")
    assert "test-outlet-2024-07-01" not in {a.slug for a in articles.load_articles(tmp_path)}
