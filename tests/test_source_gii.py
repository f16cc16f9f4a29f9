"""WIPO GII source: the five bundled tables, WIPO's live ranking CSV and tech1 workbook, failures."""

from __future__ import annotations

import io

import pytest
import requests
import responses
from openpyxl import Workbook

from indicators.http import SourceError
from indicators.sources import gii
from indicators.sources.base import Payload

RANKING_URL = gii.RANKING_URL.format(edition="2023")
TECH1_URL = gii.TECH1_URL.format(edition="2023")


@pytest.fixture(scope="module")
def bundled() -> dict:
    """kind -> parsed frame, for the bundled snapshot."""
    [batch] = gii.snapshot()
    return {p.kind: gii.parse(p) for p in batch.payloads}


@pytest.fixture(scope="module")
def bundled_payloads() -> dict:
    [batch] = gii.snapshot()
    return {p.kind: p for p in batch.payloads}


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


def test_snapshot_is_one_batch_of_five_payloads(bundled_payloads):
    assert sorted(bundled_payloads) == sorted(
        ["overall_rank_csv", "cluster_counts_csv", "clusters_table_csv", "g20_scores_csv", "rank1_evidence_csv"]
    )


def test_row_counts_and_no_warnings(bundled):
    counts = {kind: len(df) for kind, df in bundled.items()}
    assert counts == {
        "overall_rank_csv": 109,  # 59 ranks + 50 scores
        "cluster_counts_csv": 28,
        "clusters_table_csv": 139,  # 34 full clusters x 4 + rank 35 partial x 3
        "g20_scores_csv": 1513,
        "rank1_evidence_csv": 7,
    }
    for kind, df in bundled.items():
        assert set(df["source"]) == {"gii"} and set(df["freq"]) == {"A"}
        if kind != "rank1_evidence_csv":
            assert df.attrs["warnings"] == [], kind


def test_china_2023_overall_rank_and_score(bundled):
    df = bundled["overall_rank_csv"]
    assert value(df, dataset="overall_rank", indicator="gii_rank", entity="CHN", period="2023") == 12
    assert value(df, dataset="overall_rank", indicator="gii_score", entity="CHN", period="2023") == 55.3
    row = df[(df.entity == "CHN") & (df.period == "2023") & (df.indicator == "gii_rank")].iloc[0]
    assert row["unit"] == "rank" and row["released"] == "2024-01-01"
    assert row["source_url"].startswith("https://scribd.com/") and "confidence: high" in row["note"]
    # a rank published without a score gives only the rank row
    assert value(df, indicator="gii_rank", entity="CHN", period="2024") == 11
    assert df[(df.entity == "CHN") & (df.period == "2024") & (df.indicator == "gii_score")].empty


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

TECH1_ROWS = [  # GII 2023 overall rank/score from data/gii/overall_rank_by_edition.csv
    ("CHE", "Switzerland", "GII", "Global Innovation Index", 67.6, 1),
    ("USA", "United States of America", "GII", "Global Innovation Index", 63.5, 3),
    ("CHN", "China", "GII", "Global Innovation Index", 55.3, 12),
    ("CHN", "China", 1, "Institutions", None, None),  # blank cells on purpose; no value invented
    # rank 1 as reported for GII 2023 (rank1_indicator_counts_evidence.csv, G2); score not known
    ("CHN", "China", "6.2.1", "Labor productivity growth, %", None, 1),
]


def tech1_workbook(sheet: str = "Data", header=gii.TECH1_COLUMNS, rows=TECH1_ROWS) -> bytes:
    wb = Workbook()
    data = wb.active
    data.title = sheet
    data.append(list(header))
    for r in rows:
        data.append(list(r))
    structure = wb.create_sheet("Index Structure")
    structure.append(["NUM", "NAME", "LEVEL"])
    structure.append(["GII", "Global Innovation Index", "Index"])
    structure.append(["1", "Institutions", "Pillar"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def tech1(raw: bytes, name: str = "gii_2023_tech1.xlsx") -> Payload:
    return Payload(name=name, raw=raw, url=TECH1_URL, kind="wipo_tech1_xlsx")


def test_tech1_workbook_parses():
    df = gii.parse(tech1(tech1_workbook()))
    assert len(df) == 7
    assert value(df, indicator="gii_element_rank", entity="CHN", product="element:GII") == 12
    assert value(df, indicator="gii_element_score", entity="CHN", product="element:GII") == 55.3
    assert value(df, indicator="gii_element_rank", entity="CHE", product="element:GII") == 1
    assert set(df["dataset"]) == {"indicator_ranks"} and set(df["period"]) == {"2023"}
    row = df[(df.entity == "CHN") & (df.indicator == "gii_element_rank")].iloc[0]
    assert row["note"] == "Global Innovation Index; level: Index" and row["unit"] == "rank"
    assert df[df["product"].isin(["element:1", "indicator:1"])].empty  # blank SCORE/RANK: no row
    assert any("3 blank SCORE/RANK" in w for w in df.attrs["warnings"])


def test_only_three_part_nums_are_indicators():
    """Counting rank-1 indicators must never count the index, a pillar or a sub-pillar."""
    df = gii.parse(tech1(tech1_workbook()))
    ranks = df[(df.indicator == "gii_indicator_rank") & (df.entity == "CHN")]
    assert ranks["product"].tolist() == ["indicator:6.2.1"] and ranks["value"].tolist() == [1.0]
    assert "Labor productivity growth" in ranks.iloc[0]["note"]
    assert df[df.indicator == "gii_indicator_rank"]["value"].eq(1).sum() == 1  # CHE's overall rank 1 is not counted
    assert gii._num_label(6.2) == "6.2" and gii._num_label(6.0) == "6" and gii._num_label("6.2.1") == "6.2.1"


def test_tech1_edition_from_the_wipo_file_name():
    df = gii.parse(tech1(tech1_workbook(), name="wipo-pub-2000-2024-tech1.xlsx"))
    assert set(df["period"]) == {"2024"}
    with pytest.raises(SourceError, match=r"^gii: .*edition"):
        gii.parse(Payload(name="tech1.xlsx", raw=tech1_workbook(), url="https://example.org/x.xlsx", kind="wipo_tech1_xlsx"))


def test_tech1_without_data_sheet_raises_source_error():
    with pytest.raises(SourceError, match=r"^gii: .*no sheet 'Data'"):
        gii.parse(tech1(tech1_workbook(sheet="GII 2023 Data")))


def test_tech1_renamed_column_raises_source_error():
    header = ["ISO3", "ECONOMY_NAME", "NUM", "NAME", "SCORE", "RANKING"]
    with pytest.raises(SourceError, match=r"^gii: .*lacks column\(s\) \['RANK'\]"):
        gii.parse(tech1(tech1_workbook(header=header)))


@pytest.mark.parametrize(
    "raw, message",
    [
        (tech1_workbook()[:900], "not a readable xlsx"),
        (b"<html><body>Access denied</body></html>", "not a readable xlsx"),
        (tech1_workbook(rows=[]), "no usable rows"),
        (tech1_workbook(rows=[("CHN", "China", "GII", "Global Innovation Index", "n.a.x", 12)]), "not a number"),
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
    assert value(frames[1], indicator="gii_element_rank", entity="CHN", product="element:GII") == 12
    assert value(frames[1], indicator="gii_indicator_rank", entity="CHN", product="indicator:6.2.1") == 1


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
