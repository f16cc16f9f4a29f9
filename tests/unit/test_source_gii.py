"""WIPO GII source: the five bundled tables, WIPO's live ranking CSV and tech1 workbook, failures."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
import requests
import responses
from openpyxl import Workbook

from indicators.http import SourceError
from indicators.sources import gii, readvia
from indicators.sources.base import Payload
from repo_paths import FIXTURES

RANKING_URL = gii.RANKING_URL.format(edition="2023")
TECH1_URL = gii.TECH1_URL.format(edition="2023")


@pytest.fixture(scope="module")
def bundled() -> dict:
    """kind (a release table: its file name) -> parsed frame, for the bundled snapshot."""
    [batch] = gii.snapshot()
    return {key(p): gii.parse(p) for p in batch.payloads}


def key(p: Payload) -> str:
    return p.name if p.kind == "release_table_csv" else p.kind


@pytest.fixture(scope="module")
def bundled_payloads() -> dict:
    [batch] = gii.snapshot()
    return {key(p): p for p in batch.payloads}


def value(df, **where) -> float:
    mask = True
    for column, wanted in where.items():
        mask = mask & (df[column] == wanted)
    hit = df[mask]
    assert len(hit) == 1, f"expected one row for {where}, got {len(hit)}"
    return hit.iloc[0]["value"]


def edited(p: Payload, old: str, new: str) -> Payload:
    text = p.raw.decode("utf-8")
    assert old in text
    return Payload(name=p.name, raw=text.replace(old, new, 1).encode("utf-8"), url=p.url, kind=p.kind)


# --- bundled snapshot ------------------------------------------------------------------------


def test_snapshot_is_one_batch_of_every_table(bundled_payloads):
    assert sorted(bundled_payloads) == sorted(
        ["overall_rank_csv", "cluster_counts_csv", "clusters_table_csv", "g20_scores_csv", "rank1_evidence_csv",
         "gii/gii_rank_score_2021_2025.csv", "gii/cluster_counts_2021_2025.csv", "top_clusters_csv", "first_ranked_csv"]
    )


def test_row_counts_and_no_warnings(bundled):
    counts = {kind: len(df) for kind, df in bundled.items()}
    assert counts == {
        "overall_rank_csv": 109,  # 59 ranks + 50 scores
        "cluster_counts_csv": 28,
        "clusters_table_csv": 139,  # 34 full clusters x 4 + rank 35 partial x 3
        "g20_scores_csv": 1513,
        "rank1_evidence_csv": 7,
        "gii/gii_rank_score_2021_2025.csv": 340,  # rows the older tables hold are not repeated
        "gii/cluster_counts_2021_2025.csv": 5,
        "top_clusters_csv": 31,  # 2023's top ten are in the clusters table
        "first_ranked_csv": 34,
    }
    for kind, df in bundled.items():
        assert set(df["source"]) == {"gii"} and set(df["freq"]) == {"A"}
        if kind.startswith("gii/"):
            continue
        if kind != "rank1_evidence_csv":
            assert df.attrs["warnings"] == [], kind


def test_china_2023_overall_rank_and_score(bundled):
    df = bundled["overall_rank_csv"]
    assert value(df, dataset="overall_rank", indicator="gii_rank", entity="CHN", period="2023") == 12
    assert value(df, dataset="overall_rank", indicator="gii_score", entity="CHN", period="2023") == 55.3
    row = df[(df.entity == "CHN") & (df.period == "2023") & (df.indicator == "gii_rank")].iloc[0]
    assert row["unit"] == "rank" and row["released"] == "2023-09-27"  # WIPO's launch of GII 2023
    assert row["source_url"].startswith("https://scribd.com/") and "confidence: high" in row["note"]
    assert row["publisher"] == gii.PUBLISHER and row["read_via"] == "scribd.com"
    # a rank published without a score gives only the rank row
    assert value(df, indicator="gii_rank", entity="CHN", period="2024") == 11
    assert df[(df.entity == "CHN") & (df.period == "2024") & (df.indicator == "gii_score")].empty


def test_every_row_names_where_it_was_read(bundled):
    """read_via: the site of source_url unless it is wipo.int; a source cell without a URL is not primary."""
    counts = bundled["cluster_counts_csv"]
    china = counts[(counts.entity == "CHN") & (counts.period == "2023")].iloc[0]
    assert china["read_via"] == "natlawreview.com" and china["publisher"] == gii.PUBLISHER
    unlinked = counts[(counts.entity == "USA") & (counts.period == "2021")].iloc[0]
    assert unlinked["source_url"] == "" and unlinked["read_via"] == "no link recorded (see note)"
    assert set(bundled["clusters_table_csv"]["read_via"]) == {"fliphtml5.com"}
    assert set(bundled["g20_scores_csv"]["read_via"]) == {"github.com (a copy in NassarX/innovation-econ-analysis)"}
    ranks = bundled["overall_rank_csv"]
    wipo_rows = ranks[ranks["source_url"].str.contains("wipo.int")]
    assert len(wipo_rows) and set(wipo_rows["read_via"]) == {""}
    assert {"gist.github.com", "mondaq.com", "vdocument.in", "europe.chinadaily.com.cn"} <= set(ranks["read_via"])
    for df in bundled.values():
        assert (df["read_via"] != "").sum() + (df["source_url"].str.contains("wipo.int")).sum() >= len(df)


def test_release_dates_are_cited_or_marked_as_estimates(bundled):
    table = gii.release_dates()
    assert table[("2023", "index")] == ("2023-09-27", False)
    assert table[("2023", "clusters")] == ("2023-09-20", False)  # cluster ranking released a week earlier
    assert gii.release_date("2022", "clusters") == ("2022-09-29", False)  # falls back to the index launch
    assert gii.release_date("2031") == ("2032-01-01", True)  # an edition with no row: an estimate
    counts = bundled["cluster_counts_csv"]
    assert set(counts[counts.period == "2023"]["released"]) == {"2023-09-20"}
    ranks = bundled["overall_rank_csv"]
    assert set(ranks[ranks.period == "2023"]["released"]) == {"2023-09-27"}
    assert set(ranks[ranks.period == "2013"]["released"]) == {"2013-07-01"}  # every bundled edition is cited
    assert not any(gii.ESTIMATED_RELEASE in n for df in bundled.values() for n in df["note"])


def test_an_edition_without_a_cited_date_is_labelled_an_estimate(ranking_raw):
    """A live load of an edition the table does not date (2026) is 'released by 2027-01-01 at the latest'."""
    raw = ranking_raw.decode().replace(",2023\n", ",2026\n").encode()
    df = gii.parse(Payload(name="gii_2026_ranking.csv", raw=raw, url=RANKING_URL, kind="wipo_ranking_csv"))
    assert set(df["period"]) == {"2026"} and set(df["released"]) == {"2027-01-01"}
    assert all(n.startswith("release date estimated: released by 2027-01-01 at the latest") for n in df["note"])
    # the same file for a cited edition carries the launch date and no estimate
    cited = gii.parse(ranking(ranking_raw))
    assert set(cited["released"]) == {"2023-09-27"} and not cited["note"].str.contains("estimated").any()


def test_release_table_rows_have_a_source_or_are_estimates():
    from indicators.sources.base import bundled_file

    rows = list(csv.DictReader(io.StringIO(bundled_file(gii.RELEASE_TABLE).read_text(encoding="utf-8"))))
    assert {r["estimated"] for r in rows} <= {"yes", "no"}
    editions = {r["edition"] for r in rows if r["component"] == "index"}
    assert editions >= {str(y) for y in range(2012, 2026)}  # every edition in the bundled tables
    for r in rows:
        if r["estimated"] == "no":
            assert r["source_url"].startswith("http") and r["released"][:4] == r["edition"], r
        else:
            assert r["source_url"] == "" and "at the latest" in r["note"], r


def test_as_of_across_the_gii_2023_launch(tmp_path):
    """Before 2023-09-20 GII 2023 is invisible; the cluster counts appear on 2023-09-20, the ranks on 2023-09-27."""
    from indicators import frame
    from indicators.store import Store

    store = Store(f"sqlite:///{tmp_path / 'asof.db'}")
    [batch] = gii.snapshot()
    data = pd.concat([gii.parse(p) for p in batch.payloads], ignore_index=True)
    store.write_vintage("gii", frame.validate(data, source="gii"), raw=batch.payloads, label=batch.label)

    def editions(indicator: str, as_of: str) -> set:
        rows = store.frame(source="gii", indicator=indicator, entity="CHN", as_of=as_of)
        return set(rows["period"])

    assert "2023" not in editions("st_clusters_top100", "2023-09-19")
    assert "2023" in editions("st_clusters_top100", "2023-09-20")
    assert "2023" not in editions("gii_rank", "2023-09-26")
    assert "2023" in editions("gii_rank", "2023-09-27")
    assert "2023" in editions("gii_rank", "2023-12-31")  # once dated 2024-01-01, now visible by year end
    assert "2022" in editions("gii_rank", "2023-09-19")


def test_cluster_counts_2023_china_24_usa_21(bundled):
    df = bundled["cluster_counts_csv"]
    assert value(df, indicator="st_clusters_top100", entity="CHN", period="2023") == 24
    assert value(df, indicator="st_clusters_top100", entity="USA", period="2023") == 21
    assert value(df, indicator="st_clusters_top100", entity="TUR", period="2023") == 2  # "Türkiye"
    assert set(df["unit"]) == {"count"}
    # a source cell that is not a URL goes to the note, not to source_url
    us_2021 = df[(df.entity == "USA") & (df.period == "2021")].iloc[0]
    assert us_2021["source_url"] == "" and "Foshan" in us_2021["note"]


def test_clusters_2023_table(bundled):
    df = bundled["clusters_table_csv"]
    assert set(df["dataset"]) == {"clusters_2023"} and set(df["period"]) == {"2023"}
    rank2 = df[(df.indicator == "cluster_rank") & (df.value == 2)].iloc[0]
    assert rank2["product"] == "cluster:Shenzhen–Hong Kong–Guangzhou"
    assert rank2["entity"] == "CHN" and "CN/HK" in rank2["note"]
    shenzhen = "cluster:Shenzhen–Hong Kong–Guangzhou"
    assert value(df, product=shenzhen, indicator="cluster_pct_applications") == 113482
    assert value(df, product=shenzhen, indicator="cluster_publications") == 153180
    assert value(df, product=shenzhen, indicator="cluster_share_pct") == 11.1
    taipei = df[df["product"] == "cluster:Taipei–Hsinchu"]
    assert set(taipei["entity"]) == {"TWN"} and all("TW*" in n for n in taipei["note"])
    # rank 35 is partial: only the fields the bundled table has
    philly = df[df["product"] == "cluster:Philadelphia, PA"]
    assert sorted(philly["indicator"]) == ["cluster_pct_applications", "cluster_publications", "cluster_rank"]
    assert value(df, product="cluster:Philadelphia, PA", indicator="cluster_rank") == 35
    assert "partial row" in philly.iloc[0]["note"]


def test_g20_scores(bundled):
    df = bundled["g20_scores_csv"]
    assert value(df, indicator="gii_score", entity="ARG", period="2013") == 37.66
    assert value(df, indicator="pillar_score:Institutions", entity="ARG", period="2022") == 47.6
    assert set(df["unit"]) == {"score"}
    assert {"TUR", "USA", "CHN", "KOR", "RUS", "ZAF", "SAU"} <= set(df["entity"])
    assert len(df[df.indicator == "gii_score"]) == 190


def test_rank1_indicator_counts(bundled):
    df = bundled["rank1_evidence_csv"]
    china = df[df.entity == "CHN"].set_index("period")["value"].to_dict()
    assert china == {"2021": 9.0, "2022": 9.0, "2024": 8.0}  # no CHN row for 2023 ("NOT FOUND")
    assert value(df, entity="USA", period="2023") == 13
    assert value(df, entity="SGP", period="2023") == 11
    # "Singapore / US" = "14 / 9 of 78" splits by position
    assert value(df, entity="SGP", period="2024") == 14
    assert value(df, entity="USA", period="2024") == 9
    note_2022 = df[(df.entity == "CHN") & (df.period == "2022")].iloc[0]["note"]
    assert "9 (3 input + 6 output)" in note_2022
    assert any("NOT FOUND" in w for w in df.attrs["warnings"])
    assert set(df["unit"]) == {"count"} and set(df["indicator"]) == {"indicators_ranked_first"}


def test_ambiguous_combined_row_is_skipped_with_a_warning(bundled_payloads):
    p = edited(bundled_payloads["rank1_evidence_csv"], "14 / 9 of 78", "14 of 78")
    df = gii.parse(p)
    assert df[df.period == "2024"]["entity"].tolist() == ["CHN"]
    assert any("Singapore / US" in w for w in df.attrs["warnings"])


def test_unmapped_economy_is_rejected_with_a_warning(bundled_payloads):
    p = edited(bundled_payloads["overall_rank_csv"], "2012,China,34", "2012,Atlantis,34")
    df = gii.parse(p)
    assert len(df) == 107  # the rank and score rows of that line are gone
    assert any("'Atlantis'" in w for w in df.attrs["warnings"])
    assert df[(df.period == "2012")].empty


def test_unmapped_cluster_code_is_rejected_with_a_warning(bundled_payloads):
    df = gii.parse(edited(bundled_payloads["clusters_table_csv"], ",IL,", ",XX,"))
    assert df[df["product"] == "cluster:Tel Aviv–Jerusalem"].empty
    assert any("'XX'" in w for w in df.attrs["warnings"])


@pytest.mark.parametrize(
    "kind, old, new",
    [
        ("overall_rank_csv", "gii_rank", "rank"),
        ("cluster_counts_csv", "clusters_in_top100", "clusters"),
        ("clusters_table_csv", "total_share_pct", "share_pct"),
        ("g20_scores_csv", '"Value"', '"value"'),
        ("rank1_evidence_csv", "metric", "measure"),
    ],
)
def test_renamed_column_raises_source_error(bundled_payloads, kind, old, new):
    with pytest.raises(SourceError, match=r"^gii: .*missing column"):
        gii.parse(edited(bundled_payloads[kind], old, new))


def test_non_numeric_value_raises_source_error(bundled_payloads):
    with pytest.raises(SourceError, match=r"^gii: .*'twelve' is not a number"):
        gii.parse(edited(bundled_payloads["overall_rank_csv"], "2023,China,12,", "2023,China,twelve,"))


def test_truncated_bundled_file_raises_source_error(bundled_payloads):
    p = bundled_payloads["clusters_table_csv"]
    cut = Payload(name=p.name, raw=p.raw[: p.raw.index(b"Osaka") + 20], url=p.url, kind=p.kind)
    with pytest.raises(SourceError, match=r"^gii: .*truncated"):
        gii.parse(cut)


def test_unknown_kind_raises_source_error():
    with pytest.raises(SourceError, match=r"^gii: .*unknown payload kind"):
        gii.parse(Payload(name="x", raw=b"a,b\n1,2\n", url="", kind="nope"))


# --- WIPO's live ranking CSV ------------------------------------------------------------------


@pytest.fixture
def ranking_raw(fixtures) -> bytes:
    return (fixtures / "gii" / "constructed_bc_results_gii_2023.csv").read_bytes()


def ranking(raw: bytes, name: str = "gii_2023_ranking.csv") -> Payload:
    return Payload(name=name, raw=raw, url=RANKING_URL, kind="wipo_ranking_csv")


def test_ranking_csv_decimal_commas(ranking_raw):
    df = gii.parse(ranking(ranking_raw))
    assert len(df) == 14
    assert value(df, indicator="gii_rank", entity="CHN", period="2023") == 12
    assert value(df, indicator="gii_score", entity="CHN", period="2023") == 55.3
    assert value(df, indicator="gii_score", entity="CHE", period="2023") == 67.6
    assert set(df["dataset"]) == {"overall_rank"} and set(df["source_url"]) == {RANKING_URL}
    assert gii._decimal_comma("65,96195221", ranking(b""), 1) == 65.96195221


def test_ranking_csv_keys_match_the_bundled_table(ranking_raw, bundled):
    """A live load supersedes the typed table: same dataset, indicator, entity and period."""
    live = gii.parse(ranking(ranking_raw))
    typed = bundled["overall_rank_csv"]
    key = ["dataset", "indicator", "entity", "period", "unit"]
    merged = live.merge(typed, on=key, suffixes=("_live", "_typed"))
    assert len(merged) == 14
    assert (merged["value_live"] == merged["value_typed"]).all()


def test_ranking_csv_edition_falls_back_to_the_file_name(ranking_raw):
    raw = ranking_raw.decode().replace(",giiyr", "").replace(",2023\n", "\n").encode()
    df = gii.parse(Payload(name="x.csv", raw=raw, url=RANKING_URL, kind="wipo_ranking_csv"))
    assert set(df["period"]) == {"2023"}


def test_ranking_csv_row_without_rank_is_a_warning(ranking_raw):
    raw = ranking_raw.decode().replace('"53,8",15,2023', '"53,8",NA,NA').encode()
    df = gii.parse(ranking(raw))
    assert "CAN" not in set(df["entity"]) and any("CAN has no rank" in w for w in df.attrs["warnings"])


@pytest.mark.parametrize(
    "raw, message",
    [
        (b'iso3,economy_name,score,rank,giiyr\nCHE,Switzerland,"67,6",1,2023\nCHN,China,"55', "truncated"),
        (b'iso3,economy_name,score,rank,giiyr\nCHE,Switzerland,"67,6",1,2023\nCHN,China,"55,3"', "truncated"),
        (b"iso3,economy_name,score,rank,giiyr\n", "header only"),
        (b'iso3,economy,score,rank,giiyr\nCHN,China,"55,3",12,2023\n', "missing column"),
        (b"<!DOCTYPE html><html><body>WAF challenge</body></html>", "HTML"),
        (b'iso3,economy_name,score,rank,giiyr\nCHN,China,"fifty",12,2023\n', "not a number"),
    ],
    ids=["cut-in-quote", "cut-row", "header-only", "renamed", "html", "non-numeric"],
)
def test_bad_ranking_csv_raises_source_error(raw, message):
    with pytest.raises(SourceError) as err:
        gii.parse(ranking(raw))
    assert str(err.value).startswith("gii: ") and message in str(err.value)


# --- WIPO's live tech1 workbook ---------------------------------------------------------------

TECH1_2024_URL = gii.TECH1_URL.format(edition="2024")
TECH1_FIXTURE = "recorded_layout_wipo-pub-2000-2024-tech1.xlsx"


def load_fixture_builder():
    """tests/fixtures/gii/make_tech1_fixture.py, the documented script that wrote the recorded workbook."""
    import importlib.util
    from pathlib import Path

    path = FIXTURES / "gii" / "make_tech1_fixture.py"
    spec = importlib.util.spec_from_file_location("make_tech1_fixture", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILDER = load_fixture_builder()


def workbook_bytes(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def tech1_workbook(sheet: str = "Data", header=None, rows=None, structure: bool = True) -> bytes:
    """The recorded layout, optionally with the Data sheet renamed, its header or rows replaced."""
    wb = BUILDER.build(structure=structure)
    data = wb["Data"]
    if header is not None or rows is not None:
        wb.remove(data)
        data = wb.create_sheet("Data")
        data.append(list(header or BUILDER.DATA_COLUMNS))
        for r in rows if rows is not None else []:
            data.append(list(r))
    data.title = sheet
    return workbook_bytes(wb)


def tech1(raw: bytes, name: str = "gii_2024_tech1.xlsx") -> Payload:
    return Payload(name=name, raw=raw, url=TECH1_2024_URL, kind="wipo_tech1_xlsx")


@pytest.fixture(scope="module")
def recorded_tech1() -> bytes:
    from pathlib import Path

    return (FIXTURES / "gii" / TECH1_FIXTURE).read_bytes()


def test_recorded_workbook_matches_its_documented_script(recorded_tech1):
    """The committed workbook holds exactly the rows the script documents (no hand edits)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(recorded_tech1), read_only=True)
    rows = [list(r) for r in wb["Data"].iter_rows(values_only=True)]
    assert rows[0] == BUILDER.DATA_COLUMNS
    assert [(r[0], r[2], r[3], r[4], r[6], r[7]) for r in rows[1:]] == [
        (iso, num, name, year, score, rank) for iso, _, num, name, year, score, rank in BUILDER.DATA_ROWS
    ]
    assert wb.sheetnames == ["Index Structure", "Data"]


def test_recorded_workbook_real_numbering(recorded_tech1):
    """Blank NUM = the GII itself, IN/OUT sub-indices, IN.3 pillars, IN.1.1.1 indicators: each its own indicator."""
    df = gii.parse(tech1(recorded_tech1, name="wipo-pub-2000-2024-tech1.xlsx"))
    assert len(df) == 12
    assert set(df["period"]) == {"2024"} and set(df["dataset"]) == {"indicator_ranks"}
    assert value(df, indicator="gii_index_rank", entity="ALB", product="index:GII") == 84
    assert value(df, indicator="gii_index_score", entity="ALB", product="index:GII") == pytest.approx(24.537930)
    assert value(df, indicator="gii_indicator_rank", entity="ALB", product="indicator:IN.1.1.1") == 61
    assert value(df, indicator="gii_indicator_score", entity="ALB", product="indicator:IN.1.1.1") == pytest.approx(64.666667)
    assert value(df, indicator="gii_indicator_rank", entity="ZWE", product="indicator:OUT.7.3.3") == 106
    assert value(df, indicator="gii_subindex_rank", entity="CHN", product="subindex:IN") == 23
    assert value(df, indicator="gii_subindex_rank", entity="CHN", product="subindex:OUT") == 7
    assert value(df, indicator="gii_pillar_rank", entity="CHN", product="pillar:OUT.6") == 3
    assert value(df, indicator="gii_index_rank", entity="CHN", product="index:GII") == 11
    # DATAYR (the data year behind the indicator) and the name ride in the note
    note = df[(df.entity == "ALB") & (df.indicator == "gii_indicator_rank")].iloc[0]["note"]
    assert note == "Operational stability for businesses*; level: Indicator; data year 2023"
    # WIPO's own file: primary source, released at the GII 2024 launch (cited), not 2025-01-01
    assert set(df["read_via"]) == {""} and set(df["released"]) == {"2024-09-26"}
    # ALB's IN, IN.1 and IN.1.1 rows carry no published figure in the fixture: no row, one warning
    assert df[(df.entity == "ALB") & df["product"].isin(["subindex:IN", "pillar:IN.1", "subpillar:IN.1.1"])].empty
    assert any("14 blank SCORE/RANK" in w for w in df.attrs["warnings"])


def test_levels_from_the_index_structure_sheet_or_the_num_pattern():
    levels = {"IN.1.1.1": "Indicator", "OUT": "SubIndex", "IN.1.1": "SubPillar", "GII": "Index"}
    assert gii.tech1_level("IN.1.1.1", levels) == "indicator"
    assert gii.tech1_level("IN.1.1", levels) == "subpillar"
    # no LEVEL: the IN./OUT. pattern decides
    assert [gii.tech1_level(n) for n in ["", "IN", "OUT", "IN.1", "IN.1.1", "OUT.7.3.3"]] == [
        "index", "subindex", "subindex", "pillar", "subpillar", "indicator"]
    assert gii.tech1_level("6.2.1") == "indicator" and gii.tech1_level("6.2") == "subpillar"
    assert gii.tech1_level("X.1") == "" and gii.tech1_level("IN.1.1.1.1") == ""
    # the workbook's LEVEL wins over the pattern
    assert gii.tech1_level("IN.9", {"IN.9": "Indicator"}) == "indicator"
    assert gii._num_label(6.2) == "6.2" and gii._num_label(6.0) == "6" and gii._num_label("6.2.1") == "6.2.1"


def test_same_frame_without_the_index_structure_sheet(recorded_tech1):
    """Workbooks without 'Index Structure' are read by the NUM pattern, with the same result."""
    with_sheet = gii.parse(tech1(recorded_tech1))
    without = gii.parse(tech1(tech1_workbook(structure=False)))
    key = ["entity", "indicator", "product", "value"]
    assert without[key].equals(with_sheet[key])
    assert "level: indicator (from NUM)" in without[without["product"] == "indicator:IN.1.1.1"].iloc[0]["note"]


def test_first_in_n_indicators_counts_indicator_level_rank_1_only(recorded_tech1):
    df = gii.parse(tech1(recorded_tech1))
    # CHE's overall rank 1 (index level) is not an indicator
    assert value(df, indicator="gii_index_rank", entity="CHE") == 1
    assert gii.indicators_ranked_first(df, "CHE", "2024") == []
    assert gii.indicators_ranked_first(df, "CHN", "2024") == []  # no indicator rank of China in the fixture
    # Edited copy (not real figures): rank 1 on two indicators and on a sub-index and a pillar
    edited_rows = []
    for iso, name, num, label, year, score, rank in BUILDER.DATA_ROWS:
        if (iso, num) in {("ALB", "IN.1.1.1"), ("ALB", "IN"), ("ALB", "IN.1")}:
            rank = 1
        edited_rows.append([iso, name, num, label, year, None, score, rank, None, None, None, None])
    edited_rows.append(["ALB", "Albania", "OUT.7.3.3", "Mobile app creation/bn PPP$ GDP", None, None, None, 1,
                        None, None, "1", None])
    df = gii.parse(tech1(tech1_workbook(rows=edited_rows)))
    assert gii.indicators_ranked_first(df, "ALB", "2024") == ["indicator:IN.1.1.1", "indicator:OUT.7.3.3"]
    assert value(df, indicator="gii_subindex_rank", entity="ALB", product="subindex:IN") == 1
    outdated = df[(df.entity == "ALB") & (df["product"] == "indicator:OUT.7.3.3")].iloc[0]["note"]
    assert "OUTDATED" in outdated


def test_tech1_edition_from_the_wipo_file_name(recorded_tech1):
    df = gii.parse(tech1(recorded_tech1, name="wipo-pub-2000-2023-tech1.xlsx"))
    assert set(df["period"]) == {"2023"} and set(df["released"]) == {"2023-09-27"}
    with pytest.raises(SourceError, match=r"^gii: .*edition"):
        gii.parse(Payload(name="tech1.xlsx", raw=recorded_tech1, url="https://example.org/x.xlsx", kind="wipo_tech1_xlsx"))


def test_tech1_without_data_sheet_raises_source_error():
    with pytest.raises(SourceError, match=r"^gii: .*no sheet 'Data'"):
        gii.parse(tech1(tech1_workbook(sheet="GII 2024 Data")))


def test_tech1_renamed_column_raises_source_error():
    header = ["ISO3", "ECONOMY_NAME", "NUM", "NAME", "DATAYR", "VALUE_SCREEN", "SCORE", "RANKING"]
    with pytest.raises(SourceError, match=r"^gii: .*lacks column\(s\) \['RANK'\]"):
        gii.parse(tech1(tech1_workbook(header=header, rows=[])))


def test_tech1_duplicate_row_fails_through_checked(recorded_tech1):
    """The frame check is base.checked(): a duplicate key names the source and the payload."""
    row = ["ALB", "Albania", None, "Global Innovation Index", None, None, 24.537930, 84, None, None, None, None]
    with pytest.raises(SourceError, match=r"^gii: gii_2024_tech1.xlsx: duplicate key"):
        gii.parse(tech1(tech1_workbook(rows=[row, row])))


@pytest.mark.parametrize(
    "raw, message",
    [
        (tech1_workbook()[:900], "not a readable xlsx"),
        (b"<html><body>Access denied</body></html>", "not a readable xlsx"),
        (tech1_workbook(rows=[]), "no usable rows"),
        (tech1_workbook(rows=[("ALB", "Albania", None, "Global Innovation Index", None, None, "n.a.x", 84)]), "not a number"),
    ],
    ids=["truncated", "html", "empty", "non-numeric"],
)
def test_bad_tech1_raises_source_error(raw, message):
    with pytest.raises(SourceError) as err:
        gii.parse(tech1(raw))
    assert str(err.value).startswith("gii: ") and message in str(err.value)


# --- fetch ------------------------------------------------------------------------------------


@responses.activate
def test_fetch_returns_both_wipo_files(ranking_raw):
    responses.get(RANKING_URL, body=ranking_raw, content_type="text/csv")
    responses.get(TECH1_URL, body=tech1_workbook(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    [batch] = gii.fetch()
    assert [p.kind for p in batch.payloads] == ["wipo_ranking_csv", "wipo_tech1_xlsx"]
    assert [p.url for p in batch.payloads] == [RANKING_URL, TECH1_URL]
    frames = [gii.parse(p) for p in batch.payloads]
    assert value(frames[0], indicator="gii_rank", entity="CHN") == 12
    assert value(frames[1], indicator="gii_index_rank", entity="ALB", product="index:GII") == 84
    assert value(frames[1], indicator="gii_indicator_rank", entity="ALB", product="indicator:IN.1.1.1") == 61
    assert set(frames[1]["period"]) == {"2023"}  # the edition comes from the requested file name


@responses.activate
def test_fetch_urls_and_edition_come_from_the_environment(monkeypatch, ranking_raw):
    monkeypatch.setenv("GII_EDITION", "2024")
    monkeypatch.setenv("GII_RANKING_URL", "https://mirror.example.org/ranking.csv")
    responses.get("https://mirror.example.org/ranking.csv", body=ranking_raw, content_type="text/csv")
    responses.get(gii.TECH1_URL.format(edition="2024"), body=tech1_workbook())
    [batch] = gii.fetch()
    assert [c.request.url for c in responses.calls] == [
        "https://mirror.example.org/ranking.csv",
        "https://www.wipo.int/edocs/pubdocs/en/wipo-pub-2000-2024-tech1.xlsx",
    ]
    assert batch.payloads[1].name == "gii_2024_tech1.xlsx"
    assert gii.METADATA.live is True


FAULTS = [
    (lambda url: responses.get(url, body=requests.exceptions.Timeout()), "timed out"),
    (lambda url: responses.get(url, body=requests.exceptions.ConnectionError("Failed to resolve host")), "no connection"),
    (lambda url: responses.get(url, status=429, headers={"Retry-After": "0"}), "HTTP 429"),
    (lambda url: responses.get(url, status=500), "HTTP 500"),
    (lambda url: responses.get(url, body="<!DOCTYPE html><html>challenge</html>", content_type="text/html"), "HTML"),
    (lambda url: responses.get(url, body=b""), "empty response"),
]
FAULT_IDS = ["timeout", "dns", "429", "500", "html", "empty"]


@responses.activate
@pytest.mark.parametrize("setup, message", FAULTS, ids=FAULT_IDS)
def test_ranking_fetch_failures(setup, message):
    setup(RANKING_URL)
    with pytest.raises(SourceError) as err:
        gii.fetch()
    assert str(err.value).startswith("gii: ") and message in str(err.value)


@responses.activate
@pytest.mark.parametrize("setup, message", FAULTS, ids=FAULT_IDS)
def test_tech1_fetch_failures(setup, message, ranking_raw):
    responses.get(RANKING_URL, body=ranking_raw, content_type="text/csv")
    setup(TECH1_URL)
    with pytest.raises(SourceError) as err:
        gii.fetch()
    assert str(err.value).startswith("gii: ") and message in str(err.value)


@responses.activate
def test_truncated_download_fetches_then_fails_to_parse(ranking_raw):
    responses.get(RANKING_URL, body=ranking_raw[:-12], content_type="text/csv")
    responses.get(TECH1_URL, body=tech1_workbook()[:2000])
    [batch] = gii.fetch()
    for p in batch.payloads:
        with pytest.raises(SourceError, match=r"^gii: "):
            gii.parse(p)


# --- shared helpers used by gii: read_via and the packaged name tables ------------------------


@pytest.mark.parametrize(
    "url, own, expected",
    [
        ("https://www.wipo.int/global_innovation_index/en/", ("wipo.int",), ""),
        ("https://tind.wipo.int/record/48593", ("wipo.int",), ""),
        ("http://www.natlawreview.com/article/x", ("wipo.int",), "natlawreview.com"),
        ("http://en.people.cn./n3/2023/0721/c90000-20047476.html", ("customs.gov.cn",), "en.people.cn"),
        ("http://122.224.56.14:8082/api/wap.php?xxX=Kj.html", (), "122.224.56.14"),
        ("https://notwipo.int/x", ("wipo.int",), "notwipo.int"),  # a look-alike domain is not WIPO's
        ("Xinhua Chinese text carried by a Foshan news page", ("wipo.int",), readvia.UNLINKED),
        ("", ("wipo.int",), readvia.UNLINKED),
    ],
)
def test_read_via(url, own, expected):
    assert readvia.read_via(url, own) == expected


def test_name_tables_ship_with_the_package():
    """Economy names and cluster codes come from package CSVs (indicators/sources/tables/*.csv)."""
    names = gii.economy_iso3()
    assert names["Türkiye"] == "TUR" and names["United States of America"] == "USA"
    assert all(len(iso) == 3 and iso.isupper() for iso in names.values())
    codes = gii.cluster_codes()
    assert codes["CN/HK"][0] == "CHN" and "Hong Kong" in codes["CN/HK"][1] and codes["DE"] == ("DEU", "")


def test_bad_release_table_is_a_source_error(tmp_path, monkeypatch):
    """A malformed release date fails the source with the file and row, not a silent fallback."""
    from indicators.sources.base import bundled_file

    data = tmp_path / "data"
    (data / "gii").mkdir(parents=True)
    text = bundled_file(gii.RELEASE_TABLE).read_text(encoding="utf-8").replace("2023,index,2023-09-27", "2023,index,27.09.2023")
    (data / gii.RELEASE_TABLE).write_text(text, encoding="utf-8")
    monkeypatch.setenv("INDICATORS_DATA_DIR", str(data))
    with pytest.raises(SourceError, match=r"^gii: gii/release_dates_by_edition.csv row \d+: .*'27.09.2023'"):
        gii.release_dates()


def test_the_new_tables_add_economies_without_repeating_the_older_ones(bundled):
    counts = pd.concat([bundled["cluster_counts_csv"], bundled["gii/cluster_counts_2021_2025.csv"]])
    assert not counts.duplicated(["indicator", "entity", "period"]).any()
    edition_2024 = counts[counts["period"] == "2024"].set_index("entity")["value"]
    assert edition_2024["CHN"] == 26 and edition_2024["USA"] == 20 and edition_2024["DEU"] == 8
    assert set(counts.loc[counts["period"] == "2024", "released"]) == {"2024-08-27"}  # the cluster ranking's own release


def test_a_partial_list_of_first_ranked_indicators_is_never_a_per_indicator_rank(bundled):
    named = bundled["first_ranked_csv"]
    assert set(named["indicator"]) == {"ranked_first_named"}  # not gii_indicator_rank, which a count would count
    assert named["note"].str.contains("not exhaustive").all()
