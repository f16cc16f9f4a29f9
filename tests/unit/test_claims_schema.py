"""The typed claims schema: each kind of mistake in a claims file is an error naming the file, the
claim id and the field; in a check run a bad claim becomes an `error` result and the others are judged."""

from __future__ import annotations

import copy

import pytest
import yaml

from indicators import claims, sources
from indicators.claims import ClaimsFileError
from indicators.store import Store

# The op-ed's own file, read once; each test changes a copy.
BASE = yaml.safe_load(claims.claims_path().read_text(encoding="utf-8"))
CATALOGUE = {name: set(module.METADATA.definitions) | {"new_trio_exports_total", "new_trio_exports_total_yoy_pct",
                                                     "new_trio_exports_usd", "indicators_ranked_first",
                                                     "st_clusters_top100"}
             for name, module in sources.all_sources().items()}


def write(tmp_path, change) -> str:
    document = copy.deepcopy(BASE)
    change(document["claims"])
    path = tmp_path / "bad-claims.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return str(path)


def load_error(tmp_path, change) -> str:
    path = write(tmp_path, change)
    with pytest.raises(ClaimsFileError) as caught:
        claims.load_claims(path, catalogue=CATALOGUE)
    message = str(caught.value)
    assert message.startswith(f"{path}: claim "), message  # names the file first
    return message


def test_missing_key_names_file_claim_and_field(tmp_path):
    message = load_error(tmp_path, lambda cs: cs[0]["stated"].pop("unit"))
    assert "claim 'new-trio-over-one-trillion': field 'stated.unit': missing" in message


def test_missing_quote(tmp_path):
    message = load_error(tmp_path, lambda cs: cs[1].pop("quote"))
    assert "claim 'new-trio-growth-30-percent': field 'quote': missing" in message


def test_unknown_check_kind(tmp_path):
    message = load_error(tmp_path, lambda cs: cs[2].update(check="vibes"))
    assert "claim 'gii-2023-most-clusters': field 'check': unknown check kind 'vibes'" in message
    assert "threshold" in message  # lists the known kinds


def test_comparator_the_rule_cannot_use(tmp_path):
    message = load_error(tmp_path, lambda cs: cs[1]["stated"].update(comparator=">"))
    assert "claim 'new-trio-growth-30-percent': field 'stated.comparator': '>' does not fit check 'rounded'" in message


def test_count_comparator_must_match_the_stated_value(tmp_path):
    message = load_error(tmp_path, lambda cs: cs[3]["stated"].update(comparator="count==7"))
    assert "claim 'gii-2023-first-in-six-indicators': field 'stated.comparator'" in message


def test_unknown_source(tmp_path):
    message = load_error(tmp_path, lambda cs: cs[0]["series"].update(source="imf"))
    assert "claim 'new-trio-over-one-trillion': field 'series': unknown source 'imf'" in message


def test_unknown_indicator(tmp_path):
    message = load_error(tmp_path, lambda cs: cs[0]["series"].update(indicator="new_trio_exports_totl"))
    assert "claim 'new-trio-over-one-trillion': field 'series': unknown indicator 'new_trio_exports_totl' for source 'customs'" in message


def test_step_that_does_not_fit_the_stated_precision(tmp_path):
    # 30 stated "to the nearest 7"? 30 is not a whole number of 7s: the step cannot describe the wording.
    message = load_error(tmp_path, lambda cs: cs[1].update(step=7))
    assert "claim 'new-trio-growth-30-percent': field 'step': 7 does not fit the stated value 30" in message


def test_missing_step_on_a_rounded_claim(tmp_path):
    message = load_error(tmp_path, lambda cs: cs[1].pop("step"))
    assert "claim 'new-trio-growth-30-percent': field 'step': missing" in message


def test_a_mistyped_key_is_named(tmp_path):
    message = load_error(tmp_path, lambda cs: cs[0].update(defintion="typo"))
    assert "claim 'new-trio-over-one-trillion': field 'defintion': unknown key" in message


def test_non_numeric_value(tmp_path):
    message = load_error(tmp_path, lambda cs: cs[0]["stated"].update(value="one"))
    assert "claim 'new-trio-over-one-trillion': field 'stated.value': must be a number" in message


def test_duplicate_id(tmp_path):
    message = load_error(tmp_path, lambda cs: cs.append(copy.deepcopy(cs[0])))
    assert "claim 'new-trio-over-one-trillion': field 'id': duplicate id" in message


def test_opinion_needs_a_reason(tmp_path):
    message = load_error(tmp_path, lambda cs: cs[-1].pop("reason"))
    assert "claim 'innovations-list': field 'reason': missing" in message


def test_the_bundled_files_validate_against_the_cli_catalogue(snapshot_template):
    from indicators import articles, cli

    catalogue = cli.claims_catalogue(Store(f"sqlite:///{snapshot_template}"))
    for article in articles.load_articles():
        assert claims.load_claims(article.claims_path, catalogue=catalogue, strict=False)["errors"] == []


def test_one_bad_claim_is_an_error_result_and_the_others_are_judged(tmp_path, snapshot_template):
    def break_one(cs):
        cs[1]["stated"]["comparator"] = ">"      # the 30-percent claim
        cs[2]["series"]["source"] = "imf"        # the clusters claim
    path = write(tmp_path, break_one)
    store = Store(f"sqlite:///{snapshot_template}")
    results = claims.check_all(store=store, path=path, catalogue=CATALOGUE)
    by_id = {r.id: r for r in results}
    assert [r.id for r in results] == [c["id"] for c in BASE["claims"]]  # file order kept
    assert by_id["new-trio-growth-30-percent"].verdict == "error"
    assert "field 'stated.comparator'" in by_id["new-trio-growth-30-percent"].explanation
    assert by_id["gii-2023-most-clusters"].verdict == "error"
    assert path in by_id["gii-2023-most-clusters"].explanation
    good = claims.check_all(store=store, catalogue=CATALOGUE)
    for result in good:
        if result.id not in ("new-trio-growth-30-percent", "gii-2023-most-clusters"):
            assert by_id[result.id].verdict == result.verdict
    assert "error 2" in claims.verdict_counts_text(results)


def test_a_failing_rule_is_an_error_for_that_claim_only(tmp_path, snapshot_template):
    store = Store(f"sqlite:///{snapshot_template}")
    claim = {**copy.deepcopy(BASE["claims"][0]), "breakdown": [{"label": "no basis"}]}  # the rule trips on it
    result = claims.check_one(claim, claims.Evidence(store, None))
    assert result.verdict == "error" and "could not be judged" in result.explanation


def test_json_schema_covers_every_check_kind():
    text = str(claims.schema.json_schema())
    for kind in claims.schema.CHECK_KINDS:
        assert repr(kind) in text


def test_check_cli_judges_the_good_claims_and_exits_non_zero_naming_the_bad_one(tmp_path, snapshot_template,
                                                                                 monkeypatch, capsys):
    from indicators import cli

    monkeypatch.setenv("INDICATORS_DB", f"sqlite:///{snapshot_template}")
    path = write(tmp_path, lambda cs: cs[1].update(step=7))
    assert cli.main(["check", "--claims", path]) == 1
    captured = capsys.readouterr()
    assert "[ERROR] new-trio-growth-30-percent" in captured.out
    assert "[SUPPORTED] new-trio-over-one-trillion" in captured.out  # the others are still judged
    assert captured.err.strip() == (f"indicators check: error: {path}: claim 'new-trio-growth-30-percent': "
                                    "field 'step': 7 does not fit the stated value 30 (the value is not a whole "
                                    "number of steps; step is in the units of value, before scale)")
