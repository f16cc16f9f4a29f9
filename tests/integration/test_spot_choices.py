"""spot.choices: a reviewer's series, place or period for a spotted figure, rebuilt as a claim and judged
by the claims engine exactly as `indicators check --claims` judges the downloaded file."""

from __future__ import annotations

import json

import pytest

from indicators import articles, cli, spot
from indicators.claims import schema
from indicators.spot import choices, matching


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-choices")


@pytest.fixture(scope="module")
def index(store):
    return matching.series_index(store)


@pytest.fixture(scope="module")
def askary(store):
    article = articles.get_article("china-daily-askary-2024-03-12")
    return {c["span"]: c for c in (c.to_dict() for c in spot.spot(article.text, store=store, published=article.published))}


@pytest.fixture(scope="module")
def lu_kun(store):
    article = articles.get_article("gna-lu-kun-2024-06-01")
    return {c["span"]: c for c in (c.to_dict() for c in spot.spot(article.text, store=store, published=article.published))}


def test_choices_start_from_what_was_spotted(askary, index):
    picked = choices.choices_for(askary["12th"], index)
    assert picked.series_value == "gii/gii_rank rank"
    assert [o["value"] for o in picked.series] == ["gii/gii_rank rank"]
    assert picked.entity_value == "CHN" and picked.entities[0]["value"] == "CHN"
    assert picked.entities[0]["label"] == "China (CHN)"
    assert picked.period_value == "2023"
    periods = [o["value"] for o in picked.periods]
    assert "2022" in periods and periods == sorted(periods, reverse=True)


def test_another_period_is_judged_by_the_engine(askary, index, store):
    same = choices.claim_for(askary["12th"], index)
    other = choices.claim_for(askary["12th"], index, period="2022", suffix="-row3")
    for n, claim in enumerate((same, other)):
        schema.validate(claim, n)
    assert other["id"] == "gii-rank-2022-chn-row3"
    assert other["series"]["period"] == "2022" and other["quote"] == same["quote"]
    results = choices.judge([same, other], store)
    assert results[same["id"]].verdict == "supported"
    assert results[other["id"]].verdict == "contradicted"  # China ranked 11th in the 2022 GII
    assert "rank 11" in results[other["id"]].explanation


def test_the_page_verdict_is_the_cli_verdict(askary, index, store, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INDICATORS_DB", store.url)
    claims = [choices.claim_for(askary["12th"], index, period="2022", suffix="-a"),
              choices.claim_for(askary["21"], index, entity="DEU", suffix="-b"),
              choices.claim_for(askary["nine clusters"], index, suffix="-c")]
    path = tmp_path / "claims.yaml"
    path.write_text(choices.claims_yaml(claims, "# chosen on the page\n"), encoding="utf-8")
    assert cli.main(["check", "--claims", str(path), "--format", "json"]) == 0
    from_cli = {r["id"]: r["verdict"] for r in json.loads(capsys.readouterr().out)}
    from_page = {claim_id: result.verdict for claim_id, result in choices.judge(claims, store).items()}
    assert from_cli == from_page
    assert from_page == {claims[0]["id"]: "contradicted", claims[1]["id"]: "contradicted", claims[2]["id"]: "supported"}


def test_another_place(askary, index, store):
    claim = choices.claim_for(askary["21"], index, entity="DEU")
    assert claim["series"]["entity"] == "DEU" and claim["id"].endswith("-deu")
    result = choices.judge([claim], store)[claim["id"]]
    assert result.verdict == "contradicted" and "9" in result.explanation  # Germany had nine clusters


def test_another_series_gets_its_own_coverage(askary, index):
    patents = askary["1.59 million patent applications"]
    spotted = choices.claim_for(patents, index)
    assert spotted["coverage"] == "part"  # World Bank resident applications: a part of all applications
    offered = [o["value"] for o in choices.choices_for(patents, index).series]
    assert "wipo_ip/pct_applications applications" in offered
    other = choices.claim_for(patents, index, series="wipo_ip/pct_applications applications")
    assert other["series"]["source"] == "wipo_ip" and "coverage" not in other and "definition" not in other


def test_a_period_the_store_lacks_is_offered_as_such_and_unverifiable(askary, index, store):
    picked = choices.choices_for(askary["12th"], index, period="1999")
    assert picked.periods[0] == {"value": "1999", "label": "1999 (not in the store)"}
    claim = choices.claim_for(askary["12th"], index, period="1999")
    assert choices.judge([claim], store)[claim["id"]].verdict == "unverifiable"


def test_a_place_the_series_lacks_falls_back_to_one_it_holds(askary, index):
    picked = choices.choices_for(askary["12th"], index, entity="ATA")
    assert picked.entity_value == "CHN"


def test_only_series_the_engine_can_judge_in_the_figure_unit_are_offered(lu_kun, index):
    yuan = lu_kun["exceeded one trillion yuan"]
    assert any(a["unit"] == "USD" for a in yuan["match"]["alternatives"])  # the spotter lists a dollar series
    offered = choices.choices_for(yuan, index).series
    assert offered and {o["value"].rsplit(" ", 1)[1] for o in offered} == {"CNY"}


def test_what_cannot_be_chosen(askary, lu_kun, index):
    projection = lu_kun["45 million units"]
    assert choices.choices_for(projection, index).series == []
    with pytest.raises(choices.ChoiceError, match="projection"):
        choices.claim_for(projection, index)
    with pytest.raises(choices.ChoiceError, match="not one of the series offered"):
        choices.claim_for(askary["12th"], index, series="worldbank/IP.PAT.RESD applications")
    with pytest.raises(choices.ChoiceError, match="not a spotted figure"):
        choices.choices_for({"span": "12th"}, index)
    with pytest.raises(choices.ChoiceError, match="bytes"):
        choices.claim_for({**askary["12th"], "sentence": "x" * (spot.MAX_BYTES + 1)}, index)
    with pytest.raises(choices.ChoiceError, match="not a spotted figure"):  # a dict the page did not send
        choices.claim_for({**askary["12th"], "frame": {"colour": "red"}}, index)
    assert choices.judge([], None) == {}


def test_a_leader_claim_keeps_its_place_outside_the_series(askary, index, store):
    leader = askary["topped the list of countries with the highest number of science and technology clusters"]
    claim = choices.claim_for(leader, index, period="2022")
    assert claim["check"] == "leader" and claim["entity"] == "CHN" and "entity" not in claim["series"]
    assert claim["series"]["period"] == "2022"
    result = choices.judge([claim], store)[claim["id"]]
    assert result.verdict == "contradicted" and "USA has 21" in result.explanation  # a tie in 2022, not a lead
