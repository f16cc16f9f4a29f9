"""The spotting benchmark's scoring (benchmarks/spot.py): which candidate counts as an annotated figure's
entity. A benchmark that scores wrongly flatters or hides; these pin its rules."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import pytest
from repo_paths import ROOT


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("spot_benchmark", ROOT / "benchmarks" / "spot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def candidate(entity: str, product: str | None = None, counterpart: str = ""):
    return SimpleNamespace(entity=None, match=SimpleNamespace(entity=entity, product=product, counterpart=counterpart))


@pytest.mark.parametrize("annotated, entity, counterpart, same", [
    # a flow to a partner: the exporter alone, or exporter-hyphen-partner
    ("CHN", "CHN", "region:Europe", True),
    ("CHN-Europe", "CHN", "region:Europe", True),
    ("CHN-AsiaPacific", "CHN", "region:Asia-Pacific", True),
    ("CHN-Europe", "CHN", "region:Africa", False),
    ("CHN-Europe", "CHN", "", False),
])
def test_same_entity_of_a_flow_to_a_partner(bench, annotated, entity, counterpart, same):
    assert bench.same_entity(candidate(entity, counterpart=counterpart), annotated) is same


@pytest.mark.parametrize("annotated, entity, product, same", [
    ("CHN", "CHN", None, True),
    ("USA", "CHN", None, False),
    # a cluster: the economy alone, or economy-hyphen-cluster with any dash style and case
    ("CHN", "CHN", "cluster:Beijing", True),
    ("CHN-Beijing", "CHN", "cluster:Beijing", True),
    ("CHN-Shenzhen-Hong Kong-Guangzhou", "CHN", "cluster:Shenzhen–Hong Kong–Guangzhou", True),
    ("CHN-shanghai - suzhou", "CHN", "cluster:Shanghai–Suzhou", True),
    # another cluster of the same economy, or the same name under another economy, is not the annotated one
    ("CHN-Beijing", "CHN", "cluster:Shanghai–Suzhou", False),
    ("USA-Beijing", "CHN", "cluster:Beijing", False),
    # a sub-national entity that is not a cluster is compared whole
    ("CHN-Beijing", "CHN", None, False),
    ("CHN-JS", "CHN-JS", None, True),
])
def test_same_entity(bench, annotated, entity, product, same):
    assert bench.same_entity(candidate(entity, product), annotated) is same


def mapped(period: str, entity: str, product: str | None = None, derivation: str = "", base: str = ""):
    return SimpleNamespace(entity=None, match=SimpleNamespace(period=period, entity=entity, product=product,
                                                              counterpart="", derivation=derivation, base_period=base))


@pytest.mark.parametrize("hit, annotated, same", [
    (mapped("2024", "IND", derivation="difference", base="2023"), "2023/2024", True),  # "up one place"
    (mapped("2024", "IND", derivation="difference", base="2023"), "2024", True),
    (mapped("2013/2025", "CHN", derivation="difference", base="2013"), "2025", True),  # "25 places since 2013"
    (mapped("2024", "IND", derivation="difference", base="2023"), "2022/2024", False),  # another base
    (mapped("2024", "CHN"), "2023/2024", False),  # a level is of its own period only
    (mapped("2024", "CHN", derivation="growth", base="2023"), "2023/2024", False),  # a growth rate: its year
    (mapped("2024-10/2024-11", "CHN", derivation="growth", base="2024-10"), "2024-11", True),  # "down 12% MoM"
    (mapped("2024-10/2024-11", "CHN", derivation="growth", base="2024-10"), "2024-09/2024-11", False),
])
def test_same_period_of_a_change_written_with_or_without_its_base(bench, hit, annotated, same):
    assert bench.same_period(hit, annotated) is same


@pytest.mark.parametrize("hit, right, why", [
    (None, False, "not found"),
    (SimpleNamespace(entity="CHN", match=None), False, "no series"),
    (mapped("2023", "CHN"), False, "another series"),
    (mapped("2022", "CHN"), True, "period"),
    (mapped("2023", "USA"), True, "entity"),
    (mapped("2022", "USA"), True, "period and entity"),
    (mapped("2023", "CHN"), True, ""),
    (mapped("2023", "CHN", "cluster:Beijing"), True, ""),
])
def test_miss_kind(bench, hit, right, why):
    figure = {"period": "2023", "entity": "CHN-Beijing" if hit is not None and hit.match is not None
              and hit.match.product else "CHN"}
    assert bench.miss_kind(hit, [hit] if right else [], figure) == why


@pytest.mark.parametrize("annotated, candidates, covered", [
    # "Switzerland, Sweden and the US retained the top three positions": a candidate for each economy
    ("CHE;SWE;USA", [("2024", "CHE"), ("2024", "SWE"), ("2024", "USA")], True),
    ("CHE+SWE+USA", [("2024", "USA"), ("2024", "CHE"), ("2024", "SWE")], True),
    # one economy short, or one of them on another period: not credited
    ("CHE;SWE;USA", [("2024", "CHE"), ("2024", "SWE")], False),
    ("CHE;SWE;USA", [("2024", "CHE"), ("2024", "SWE"), ("2023", "USA")], False),
    # one candidate never answers for two economies
    ("CHE;SWE", [("2024", "CHE")], False),
    # an annotation of one economy is not a list
    ("CHE", [("2024", "CHE")], False),
])
def test_each_economy_of_a_figure_about_several(bench, annotated, candidates, covered):
    right = [mapped(period, entity) for period, entity in candidates]
    figure = {"period": "2024", "entity": annotated}
    each = bench.each_economy(right, figure)
    assert bool(each) is covered
    if covered:
        assert [c.match.entity for c in each] == bench.listed_economies(annotated)
        assert bench.miss_kind(each[0], right, figure, True) == ""
    elif bench.listed_economies(annotated):
        assert bench.miss_kind(right[0], right, figure, False) == "entity"


def test_paragraph_of_counts_body_paragraphs(bench):
    text = "---\nslug: x\n---\nOne. Two.\n\nThree.\n\n\nFour."
    paragraph = bench.paragraph_of(text, text.index("One"))
    assert [paragraph(text.index(w)) for w in ("One", "Two", "Three", "Four")] == [1, 1, 2, 3]


def detail_lines(bench, article, store, monkeypatch, capsys) -> list[str]:
    """The benchmark's per-figure lines (--detail) for one article."""
    monkeypatch.setattr(bench, "DETAIL", True)
    bench.measure_corpus_article(article, store)
    return capsys.readouterr().out.splitlines()


def test_an_annotation_is_answered_by_a_figure_of_its_own_paragraph(bench, snapshot_store, tmp_path, capsys,
                                                                     monkeypatch):
    """The same words and value in two paragraphs, both annotated with the same series: a share the store does not
    derive (paragraph 1), a month-on-month change it does (paragraph 2). Each annotation takes its own paragraph's
    candidate; before, the first took paragraph 2's mapped candidate and left paragraph 1's to the second."""
    article = tmp_path / "two-41.md"
    series = '"ember/solar_exports_capacity[pv_panels]"'
    article.write_text(
        "---\npublished: 2025-01-09\nfigures:\n"
        f"  - {{text: \"41%\", sentence: 1, value: 41, unit: percent, series: {series}, period: \"2024-11\","
        " entity: CHN, transformation: share, expected: needs-review}\n"
        f"  - {{text: \"41% MoM\", sentence: 2, value: -41, unit: percent, series: {series}, period: \"2024-11\","
        " entity: CHN-Europe, transformation: growth_rate_mom, expected: needs-review}\n"
        "---\nIn November 2024 the five largest markets for Chinese modules took 41% of the total.\n\n"
        "Europe imported 4.1 GW of Chinese modules in November 2024, down 41% MoM from 7 GW.\n", encoding="utf-8")
    lines = detail_lines(bench, article, snapshot_store, monkeypatch, capsys)
    mom = next(line for line in lines if "“41% MoM”" in line)
    assert "ember/solar_exports_capacity" in mom.split("| got")[1] and "MISSED" not in mom, lines


def test_a_candidate_another_paragraphs_annotation_names_is_not_taken(bench, snapshot_store, tmp_path, capsys,
                                                                       monkeypatch):
    """An annotation whose paragraph has no candidate never takes the candidate of another paragraph annotated with
    the same words (before, the first annotation in text order took it, and the second went unfound)."""
    article = tmp_path / "two-second.md"
    article.write_text(
        "---\npublished: 2023-09-28\nfigures:\n"
        "  - {text: second, sentence: 1, value: 2, unit: rank, series: none, expected: unverifiable}\n"
        "  - {text: \"second position\", sentence: 2, value: 2, unit: rank, series: gii/gii_rank, period: \"2023\","
        " entity: SWE, expected: supported}\n"
        "---\nMorocco came out as the second on the Dark Continent.\n\n"
        "In the Global Innovation Index 2023, Sweden has overtaken the United States and has climbed to second "
        "position.\n", encoding="utf-8")
    lines = detail_lines(bench, article, snapshot_store, monkeypatch, capsys)
    assert "NOT FOUND" in next(line for line in lines if "“second”" in line), lines
    held = next(line for line in lines if "“second position”" in line)
    assert "gii/gii_rank" in held.split("| got")[1] and "MISSED" not in held, lines


def multiple(period: str, said: float | None, value: float = 100.0):
    """A candidate the spotter read as a multiple and judges as the growth it implies (pass 20)."""
    hit = mapped(period, "CHN")
    hit.frame, hit.value_unscaled = ({"multiple": said} if said is not None else {}), value
    return hit


@pytest.mark.parametrize("hit, annotated, same", [
    (multiple("2024", 2.0), "2023/2024", True),   # "double the amount imported the year before"
    (multiple("2024", 2.0), "2024", True),
    (multiple("2023-H1", 4.0), "2022-H1/2023-H1", True),  # "quadrupled its imports in the first half"
    (multiple("2024", 2.0), "2022/2024", False),  # another base
    (multiple("2024", None), "2023/2024", False),  # a growth rate that is no multiple: its own period only
])
def test_same_period_of_a_multiple_written_with_or_without_its_base(bench, hit, annotated, same):
    assert bench.same_period(hit, annotated) is same


@pytest.mark.parametrize("hit, annotated, paired", [
    (multiple("2024", 33.0, 3200.0), 33.0, True),   # "jumped 33-fold", judged as +3,200%
    (multiple("2024", 33.0, 3200.0), 3200.0, False),  # (a value match, not this rule's)
    (multiple("2024", None, 3200.0), 33.0, False),
])
def test_a_multiple_is_paired_with_its_annotation_by_the_multiple_said(bench, hit, annotated, paired):
    assert bench.as_growth(hit, annotated) is paired


@pytest.mark.parametrize("unit, read, annotated, same", [
    # a fraction read as a percentage, annotated as a fraction: the same figure at another scale
    ("percent", 33.3, 0.333, True),
    ("percent", 33.3, 0.3333, True),
    ("percent", 75.0, 0.75, True),
    ("percent", -50.0, -0.5, True),
    # not a fraction, or another value, or not a percentage
    ("percent", 33.3, 33.3, False),
    ("percent", 40.0, 0.333, False),
    ("count", 50.0, 0.5, False),
    ("percent", 0.5, 0.0, False),
])
def test_same_fraction(bench, unit, read, annotated, same):
    assert bench.same_fraction(SimpleNamespace(unit=unit, value_unscaled=read), annotated) is same
