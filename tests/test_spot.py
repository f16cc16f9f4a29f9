"""Claim spotting (indicators.spot): the bundled articles' figures are found and mapped as their
hand-written claims files state them; tricky wording and bad input behave as documented."""

from __future__ import annotations

import pytest
import yaml

from indicators import articles, claims, cli, spot

FIGURE_CHECKS = {"threshold", "rounded", "exact", "count", "leader"}


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot")


def published(article) -> str | None:
    return article.published if len(article.published) == 10 else None


def gold_figures(article) -> list[dict]:
    return [c for c in claims.load_claims(article.claims_path)["claims"] if c["check"] in FIGURE_CHECKS]


@pytest.mark.parametrize("slug", [a.slug for a in articles.load_articles()])
def test_every_figure_of_the_claims_file_is_found_and_mapped(slug, store):
    article = articles.get_article(slug)
    found = spot.spot(article.text, store=store, published=published(article))
    for gold in gold_figures(article):
        stated, series = gold["stated"], gold["series"]
        here = [c for c in found if c.sentence.strip() in gold["quote"] or gold["quote"] in c.sentence]
        assert here, f"{gold['id']}: no candidate in its sentence"
        same = [c for c in here if c.comparator == stated["comparator"] and c.check == gold["check"]
                and (gold["check"] == "leader" or c.value_unscaled == pytest.approx(claims.stated_value(gold)))]
        assert same, f"{gold['id']}: no candidate with {stated['comparator']} {claims.stated_value(gold)}: " \
                     f"{[(c.span, c.comparator, c.value_unscaled) for c in here]}"
        candidate = same[0]
        assert candidate.unit == stated["unit"], gold["id"]
        assert candidate.match is not None, gold["id"]
        for key in ("source", "indicator", "entity", "period", "product"):
            assert getattr(candidate.match, key) == series.get(key), (gold["id"], key)
        if gold["check"] == "rounded":
            assert candidate.step == pytest.approx(gold["step"])


@pytest.mark.parametrize("slug", [a.slug for a in articles.load_articles()])
def test_verdicts_agree_with_the_claims_file(slug, store):
    """The spotted claim judged by the engine gets the verdict its hand-written claim gets."""
    article = articles.get_article(slug)
    results = {r.id: r for r in claims.check_all(store=store, path=article.claims_path, compare=False)}
    found = spot.spot(article.text, store=store, published=published(article))
    for gold in gold_figures(article):
        match = [c for c in found if c.match and c.match.indicator == gold["series"]["indicator"]
                 and c.comparator == gold["stated"]["comparator"] and (c.match.entity == gold["series"].get("entity"))
                 and (gold["quote"] in c.sentence or c.sentence.strip() in gold["quote"])]
        assert match, gold["id"]
        assert match[0].verdict == results[gold["id"]].verdict, (gold["id"], match[0].explanation)


def test_projections_in_the_articles_are_flagged_not_checked(store):
    article = articles.get_article("gna-lu-kun-2024-06-01")
    found = spot.spot(article.text, store=store, published=article.published)
    projected = [c for c in found if "will reach" in c.sentence]
    assert {c.span for c in projected} >= {"45 million units", "820 GW"}
    assert all("prediction" in c.flags and c.verdict == "opinion" for c in projected)


def one(text: str, store, **kwargs) -> list[spot.Candidate]:
    return spot.spot(text, store=store, **kwargs)


def test_implausible_magnitude_is_flagged(store):
    [c] = one("In 2023 China's exports of the new trio were worth 106 trillion yuan.", store)
    assert (c.value, c.scale, c.unit) == (106, 1e12, "CNY")
    assert c.match.indicator == "new_trio_exports_total"
    assert "implausible-magnitude" in c.flags


def test_prediction(store):
    [c] = one("Global demand for new energy vehicles will reach 45 million units in 2030.", store)
    assert (c.value_unscaled, c.unit, c.period) == (45e6, "vehicles", "2030")
    assert "prediction" in c.flags and c.check == "opinion" and c.verdict == "opinion"


def test_figure_no_series_measures(store):
    [c] = one("China built 300 new kindergartens in 2023.", store)
    assert c.value == 300 and "no-series" in c.flags and c.match is None
    assert c.verdict == "unverifiable" and "no series in the store" in c.explanation


def test_dollar_figure_is_usd(store):
    [c] = one("Exports of the new trio reached $139.3 billion in 2023.", store)
    assert (c.value, c.scale, c.unit, c.span) == (139.3, 1e9, "USD", "$139.3 billion")
    assert c.match.indicator == "new_trio_exports_usd" and c.match.unit == "USD"
    assert c.check == "rounded" and c.step == pytest.approx(0.1)


def test_up_from_last_year_is_a_second_figure_for_the_earlier_period(store):
    text = "China hosts 26 of the top 100 science and technology clusters this year, up from 24 last year."
    found = one(text, store, published="2024-10-01")
    assert [(c.value, c.period, c.role) for c in found] == [(26, "2024", "figure"), (24, "2023", "earlier")]
    assert all(c.match.indicator == "st_clusters_top100" and c.comparator == "==" for c in found)


def test_comparator_wording(store):
    text = ("China's new trio exports exceeded 1 trillion yuan in 2023. Car exports were nearly 5.3 million units in 2023. "
            "Car exports were about 5.2 million units in 2023. China was ranked 12th in the 2023 Global Innovation Index.")
    assert [c.comparator for c in one(text, store)] == [">", "<", "~=", "=="]


def test_unit_mismatch(store):
    [c] = one("Solar panel exports reached 40 GW in 2023.", store)
    assert c.unit == "GW" and "unit-mismatch" in c.flags and c.match.unit == "MW"


def test_number_words_and_front_matter(store):
    text = "---\ntitle: x\npublished: 2024-06-01\n---\nThe United States and Germany followed with 21 and nine clusters respectively in 2023.\n"
    found = one(text, store)
    assert [(c.value, c.entity, c.unit) for c in found] == [(21, "USA", "count"), (9, "DEU", "count")]
    assert found[1].span == "nine clusters" and text[found[1].start:found[1].end] == "nine clusters"


def test_empty_text_has_no_candidates(store, tmp_path, capsys):
    assert spot.spot("", store=store) == []
    path = tmp_path / "empty.md"
    path.write_text("")
    assert cli.main(["spot", str(path)]) == 0
    assert "no figures found (the file is empty)" in capsys.readouterr().err


def test_binary_file_is_refused(tmp_path, capsys):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert cli.main(["spot", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "binary" in err and "image.png" in err


def test_ten_megabytes_is_refused_clearly(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    path.write_text("China's exports rose 5 percent in 2023. " * 260_000)
    assert path.stat().st_size > 10_000_000
    assert cli.main(["spot", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert "huge.txt" in err and "200,000 bytes" in err and err.count("\n") == 0
    with pytest.raises(spot.SpotError):
        spot.spot("x" * (spot.MAX_BYTES + 1), store=None)


def test_yaml_draft_checks_with_indicators_check(snapshot_store, tmp_path, capsys):
    article = articles.get_article("china-daily-askary-2024-03-12")
    source = tmp_path / "article.md"
    source.write_text(article.text)
    assert cli.main(["spot", str(source), "--format", "yaml"]) == 0
    draft = capsys.readouterr().out
    document = yaml.safe_load(draft)
    assert all(claim["quote"] in article.text for claim in document["claims"])
    path = tmp_path / "claims.yaml"
    path.write_text(draft)
    assert cli.main(["check", "--claims", str(path), "--format", "json"]) == 0
    import json

    verdicts = [r["verdict"] for r in json.loads(capsys.readouterr().out)]
    assert len(verdicts) == len(document["claims"]) and "error" not in verdicts


def test_json_output_has_every_field(snapshot_store, tmp_path, capsys):
    import json

    path = tmp_path / "a.txt"
    path.write_text("The export of China's new trio exceeded one trillion yuan in 2023.")
    assert cli.main(["spot", str(path), "--format", "json"]) == 0
    [c] = json.loads(capsys.readouterr().out)
    for key in ("sentence", "span", "value", "scale", "value_unscaled", "unit", "comparator", "period", "entity",
                "match", "check", "verdict", "explanation", "flags"):
        assert key in c
    assert c["match"]["source"] == "customs" and {"score", "alternatives", "unit", "period"} <= set(c["match"])


def test_links_dates_and_list_numbers_are_not_figures(store):
    text = "Published 2024-03-12. See https://example.org/a/2023/12/1.html. It is No. 1 in the world. One of the best."
    assert one(text, store) == []


def test_glued_scale_abbreviation(store):
    [c] = one("The new trio's exports reached 1.06tn yuan in 2023.", store)
    assert (c.value, c.scale, c.unit, c.span) == (1.06, 1e12, "CNY", "1.06tn yuan")
    assert c.match.indicator == "new_trio_exports_total" and c.check == "rounded" and c.step == pytest.approx(0.01)


from hypothesis import given, strategies as st  # noqa: E402

WORDS = st.sampled_from(["China", "exported", "new trio", "1.06", "trillion", "yuan", "nine", "clusters", "in", "2023",
                         "$", "%", "more than", "will reach", "up from", "last year", ".", ",", "\n\n", "12th", "top",
                         "GW", "units", "—", "“", "”", "-", "and", "respectively", "worldwide", "0", "1,000"])


@given(st.lists(WORDS, max_size=40))
def test_any_text_gives_candidates_whose_span_is_in_the_text(store, words):
    text = " ".join(words)
    for c in spot.spot(text, store=store, published="2024-06-01"):
        assert text[c.start:c.end].strip() == c.span and c.span in c.sentence
        assert set(c.flags) <= set(spot.FLAGS) and c.verdict in spot.VERDICTS


def test_the_vocabulary_uses_only_the_catalogues_dimension_values():
    from indicators.spot import vocabulary

    assert vocabulary.validate() == []


def test_a_vocabulary_value_unknown_to_the_catalogue_is_reported(tmp_path):
    from indicators.spot import vocabulary

    text = vocabulary.PATH.read_text(encoding="utf-8").replace("  exports: [exports,", "  exportz: [exports,", 1)
    path = tmp_path / "vocabulary.yaml"
    path.write_text(text, encoding="utf-8")
    assert any("exportz" in problem for problem in vocabulary.validate(str(path)))


def test_as_of_before_the_release_makes_the_figure_unverifiable(store):
    text = "The export of China's new trio exceeded one trillion yuan in 2023."
    [latest] = one(text, store)
    [then] = one(text, store, as_of="2023-12-31")
    assert latest.match.indicator == then.match.indicator == "new_trio_exports_total"
    assert then.verdict == "unverifiable" and "published after" in then.explanation
    assert latest.verdict != "unverifiable"


def test_stdin(snapshot_store, monkeypatch, capsys):
    import io
    import json

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("China was ranked 12th in the 2023 Global Innovation Index.".encode())))
    assert cli.main(["spot", "-", "--format", "json"]) == 0
    [c] = json.loads(capsys.readouterr().out)
    assert (c["value"], c["unit"], c["match"]["indicator"]) == (12, "rank", "gii_rank")


def test_the_check_a_text_page_draws_an_evidence_chart_per_checkable_candidate(snapshot_store):
    """Each drafted, checkable candidate gets the generic evidence chart with its stated figure."""
    from dashboard.app import create_app

    create_app(snapshot_store, warm=False)  # pages register with an app
    from dashboard.pages import check_text
    from indicators import articles, evidence

    article = articles.get_article("gna-lu-kun-2024-06-01")
    found = spot.spot(article.text, store=snapshot_store, published=article.published)
    entries, _ = spot.draft_entries(found)
    drawable = [i for i, claim in enumerate(entries)
                if claim and claim.get("check") in evidence.CHECKABLE and claim.get("series")]
    assert drawable
    section = check_text.evidence_charts(snapshot_store, entries)
    shown = [child for child in section.children if getattr(child, "id", "").startswith("check-evidence-")]
    assert [child.id for child in shown] == [f"check-evidence-{i}" for i in drawable]
    graphs = [child.children[1] for child in shown]
    assert all(hasattr(graph, "figure") and graph.figure.data for graph in graphs)
