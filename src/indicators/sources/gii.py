"""WIPO Global Innovation Index: overall ranks, S&T cluster counts, the 2023 cluster table, G20
pillar scores, and how many indicators an economy ranked first in.

Bundled (`data/gii/`, see PROVENANCE.md): five tables typed or copied from public pages, one
payload each. Live: WIPO's own files, (a) the ranking CSV behind wipo.int/gii-ranking (decimal
commas, keyed on ISO3) and (b) the indicator workbook `wipo-pub-2000-{edition}-tech1.xlsx`, sheet
`Data` (one row per economy and index/pillar/sub-pillar/indicator, with SCORE and RANK). The
workbook is what decides "China ranks first in six indicators" for an edition.

Economy names and WIPO's two-letter cluster codes become ISO3 codes through two explicit tables
shipped with the package (indicators/economies.csv, the one economies table, and `gii_cluster_codes.csv`); a name
not in them is rejected with a warning, never guessed.

Release dates: each edition's launch date (and the S&T cluster ranking's, where WIPO released it
earlier) comes from `data/gii/release_dates_by_edition.csv`, cited per row. An edition without a
cited date falls back to 1 January of the next year, and its rows say so in the note ("release date
estimated: released by 2024-01-01 at the latest"), never as a known release date.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import zipfile
from collections import Counter
from importlib import resources

import pandas as pd

from indicators import catalogue, frame
from indicators.http import SourceError, get_bytes
from indicators.sources.base import Batch, Payload, bundled_file, checked, metadata, read_bundled
from indicators.sources import releases as release_tables
from indicators.sources.readvia import read_via

NAME = "gii"
PUBLISHER = "World Intellectual Property Organization (WIPO)"
EDITION_ENV = "GII_EDITION"
RANKING_URL_ENV = "GII_RANKING_URL"
TECH1_URL_ENV = "GII_TECH1_URL"
DEFAULT_EDITION = "2023"
RANKING_URL = "https://www.wipo.int/gii-ranking/data/bc_results_gii_{edition}.csv"
TECH1_URL = "https://www.wipo.int/edocs/pubdocs/en/wipo-pub-2000-{edition}-tech1.xlsx"
REPORT_2023_URL = "https://fliphtml5.com/hspgv/oyls/"
G20_COPY_URL = (
    "https://github.com/NassarX/innovation-econ-analysis/blob/"
    "1530da1172e7b8ca5ebd55bc73be4d7f1990affa/data/GII_dataset.csv"
)

WIPO_DOMAINS = ("wipo.int",)
"""WIPO's own sites: a figure read there has read_via "" (primary source)."""

TABLES = "tables"
CLUSTER_CODE_TABLE = "gii_cluster_codes.csv"
RELEASE_TABLE = "gii/release_dates_by_edition.csv"
ESTIMATED_RELEASE = "release date estimated"
"""Start of the note on rows whose `released` is the fallback, not a cited launch date."""

CLUSTER_DATASETS = {"cluster_counts", "clusters_2023", "top_clusters"}
"""Datasets from WIPO's S&T cluster ranking (released earlier than the index in some editions)."""


@functools.cache  # load once: a file shipped in the package
def _package_table(name: str) -> tuple[dict[str, str], ...]:
    """A small CSV shipped inside the package (indicators/sources/tables/), as row dicts."""
    text = resources.files("indicators.sources").joinpath(TABLES, name).read_text(encoding="utf-8")
    return tuple(csv.DictReader(io.StringIO(text)))


def economy_iso3() -> dict[str, str]:
    """Economy names as the GII tables write them -> ISO3, from the one economies table (catalogue.economy_iso3)."""
    return catalogue.economy_iso3()


def cluster_codes() -> dict[str, tuple[str, str]]:
    """Two-letter economy codes of WIPO's cluster table -> (ISO3, note)."""
    return {r["wipo_code"]: (r["iso3"], r["note"]) for r in _package_table(CLUSTER_CODE_TABLE)}


BUNDLED = [
    ("gii/overall_rank_by_edition.csv", "overall_rank_csv", "https://www.wipo.int/global_innovation_index/en/"),
    ("gii/cluster_counts_by_edition.csv", "cluster_counts_csv", "https://www.wipo.int/global_innovation_index/en/"),
    ("gii/clusters_2023_top_ranks_1_35.csv", "clusters_table_csv", REPORT_2023_URL),
    ("gii/g20_scores_2013_2022.csv", "g20_scores_csv", G20_COPY_URL),
    ("gii/rank1_indicator_counts_evidence.csv", "rank1_evidence_csv", "https://www.wipo.int/global_innovation_index/en/"),
]

METADATA = metadata(NAME)  # data/<folder>/source.yaml: publisher, licence, URL, cadence, series


# --- the verbs -------------------------------------------------------------------------------


# Tables listed in source.yaml by their layout: release tables (docs/release-tables.md) and two lists
# typed from the same kind of pages (the top-10 clusters, the indicators an economy ranks first in).
LAYOUT_KINDS = {release_tables.LAYOUT: release_tables.KIND, "top_clusters": "top_clusters_csv", "first_ranked": "first_ranked_csv"}


def snapshot() -> list[Batch]:
    """The bundled GII tables (the older tables above, then those source.yaml lists by layout), as one batch."""
    payloads = tuple(read_bundled(rel, url=url, kind=kind) for rel, kind, url in BUNDLED)
    payloads += tuple(read_bundled(r.path, url=r.url or METADATA.url, kind=LAYOUT_KINDS[r.layout])
                      for r in catalogue.source(NAME).resources if r.layout in LAYOUT_KINDS)
    return [Batch(payloads, label="bundled snapshot")]


def live_urls() -> dict[str, str]:
    """Edition and URLs of WIPO's files: env GII_EDITION, GII_RANKING_URL, GII_TECH1_URL, else 2023."""
    edition = os.environ.get(EDITION_ENV, "").strip() or DEFAULT_EDITION
    return {
        "edition": edition,
        "ranking": os.environ.get(RANKING_URL_ENV, "").strip() or RANKING_URL.format(edition=edition),
        "tech1": os.environ.get(TECH1_URL_ENV, "").strip() or TECH1_URL.format(edition=edition),
    }


def fetch(http=None) -> list[Batch]:
    """Download WIPO's ranking CSV and indicator workbook for one edition."""
    urls = live_urls()
    edition = urls["edition"]
    ranking = get_bytes(NAME, urls["ranking"], http=http, expect="csv")
    tech1 = get_bytes(NAME, urls["tech1"], http=http, expect="xlsx")
    payloads = (
        Payload(name=f"gii_{edition}_ranking.csv", raw=ranking, url=urls["ranking"], kind="wipo_ranking_csv"),
        Payload(name=f"gii_{edition}_tech1.xlsx", raw=tech1, url=urls["tech1"], kind="wipo_tech1_xlsx"),
    )
    return [Batch(payloads, label=f"WIPO GII {edition} files")]


def parse(payload: Payload) -> pd.DataFrame:
    """One GII payload as a tidy frame; the parser is chosen by `payload.kind`.

    Every row gets `read_via` (the site its source_url opens, "" on wipo.int) and `released` from
    the cited release-date table (see `release_date`)."""
    if payload.kind == release_tables.KIND:
        return release_tables.parse(NAME, payload)
    parser = PARSERS.get(payload.kind)
    if parser is None:
        raise SourceError(NAME, f"{payload.name}: unknown payload kind {payload.kind!r}")
    records, warnings = parser(payload)
    if not records:
        detail = "; ".join(warnings[:3]) or "nothing to read"
        raise SourceError(NAME, f"{payload.name}: no usable rows ({detail})")
    releases = release_dates()
    for record in records:
        url = record.setdefault("source_url", payload.url)
        record.setdefault("read_via", payload.read_via or read_via(url, WIPO_DOMAINS))  # a bundled copy names itself
        component = "clusters" if record["dataset"] in CLUSTER_DATASETS else "index"
        released, estimated = release_date(record["period"], component, releases)
        record["released"] = released
        if estimated:
            record["note"] = _join(f"{ESTIMATED_RELEASE}: released by {released} at the latest "
                                   f"(no launch date of GII {record['period']} bundled)", record.get("note", ""))
    defaults = {"source": NAME, "freq": "A", "publisher": PUBLISHER}
    try:
        df = frame.build(records, **defaults)
    except ValueError as exc:  # a value that is not a number
        raise SourceError(NAME, f"{payload.name}: {str(exc).splitlines()[0][:300]}") from None
    return checked(df, NAME, warnings, label=payload.name)


# --- release dates -------------------------------------------------------------------------------

RELEASE_COLUMNS = ["edition", "component", "released", "estimated", "basis", "source_url", "note"]


def release_dates() -> dict[tuple[str, str], tuple[str, bool]]:
    """(edition, component) -> (released, estimated) from data/gii/release_dates_by_edition.csv.

    component is "index" (ranking, scores, indicators) or "clusters" (S&T cluster ranking)."""
    try:
        raw = bundled_file(RELEASE_TABLE).read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(NAME, str(exc)) from None
    table = {}
    for n, row in _csv_rows(Payload(name=RELEASE_TABLE, raw=raw, url="", kind="release_dates_csv"), RELEASE_COLUMNS):
        valid = (re.fullmatch(r"\d{4}", row["edition"]) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["released"])
                 and row["estimated"] in ("yes", "no") and row["component"] in ("index", "clusters"))
        if not valid:
            raise SourceError(NAME, f"{RELEASE_TABLE} row {n}: edition {row['edition']!r}, component "
                                    f"{row['component']!r}, released {row['released']!r}, estimated {row['estimated']!r} "
                                    "(want YYYY, index/clusters, YYYY-MM-DD, yes/no)")
        table[(row["edition"], row["component"])] = (row["released"], row["estimated"] == "yes")
    return table


def release_date(edition: str, component: str = "index",
                 table: dict[tuple[str, str], tuple[str, bool]] | None = None) -> tuple[str, bool]:
    """(release date, estimated?) of a GII edition's index or cluster ranking.

    A cited date where the table has one (the cluster ranking falls back to the index's date);
    otherwise 1 January of the next year, flagged as an estimate ("released by ... at the latest")."""
    table = release_dates() if table is None else table
    for key in ((edition, component), (edition, "index")):
        if key in table:
            return table[key]
    return frame.period_end_next_day(edition, "A"), True


# --- bundled tables ----------------------------------------------------------------------------


def _parse_overall_rank(payload: Payload) -> tuple[list[dict], list[str]]:
    rows = _csv_rows(payload, ["edition", "economy", "gii_rank", "gii_score", "source_url", "confidence", "notes"])
    records, warnings = [], []
    for n, row in rows:
        iso = _iso3(row["economy"], n, warnings)
        if not iso:
            continue
        url, extra = _split_url(row["source_url"])
        note = _join(f"confidence: {row['confidence']}", row["notes"], extra)
        base = {"dataset": "overall_rank", "entity": iso, "period": _year(row["edition"], payload, n), "source_url": url, "note": note}
        records.append({**base, "indicator": "gii_rank", "unit": "rank", "value": _number(row["gii_rank"], payload, n)})
        if row["gii_score"]:
            records.append({**base, "indicator": "gii_score", "unit": "score", "value": _number(row["gii_score"], payload, n)})
    return records, warnings


def _parse_cluster_counts(payload: Payload) -> tuple[list[dict], list[str]]:
    columns = ["edition", "economy", "clusters_in_top100", "source_url", "source_type", "confidence", "notes"]
    records, warnings = [], []
    for n, row in _csv_rows(payload, columns):
        iso = _iso3(row["economy"], n, warnings)
        if not iso:
            continue
        url, extra = _split_url(row["source_url"])
        records.append({
            "dataset": "cluster_counts",
            "indicator": "st_clusters_top100",
            "entity": iso,
            "period": _year(row["edition"], payload, n),
            "unit": "count",
            "value": _number(row["clusters_in_top100"], payload, n),
            "source_url": url,
            "note": _join(row["source_type"], f"confidence: {row['confidence']}", row["notes"], extra),
        })
    return records, warnings


CLUSTER_VALUES = [
    ("pct_applications", "cluster_pct_applications", "count"),
    ("scientific_publications", "cluster_publications", "count"),
    ("total_share_pct", "cluster_share_pct", "percent"),
]


def _parse_clusters_table(payload: Payload) -> tuple[list[dict], list[str]]:
    """GII 2023 Appendix Table 3 (ranks 1-35): one set of rows per cluster, product 'cluster:<name>'."""
    required = ["rank_2023", "cluster_name", "economy", "share_of_total_pct_filings_pct", "share_of_total_pubs_pct",
                "previous_rank_2022", "rank_change"] + [c for c, _, _ in CLUSTER_VALUES]
    records, warnings = [], []
    for n, row in _csv_rows(payload, required):
        code = row["economy"]
        codes = cluster_codes()
        if code not in codes:
            warnings.append(f"row {n}: economy code {code!r} is not mapped to ISO3; row rejected")
            continue
        if not row["rank_2023"]:
            warnings.append(f"row {n}: cluster {row['cluster_name']!r} has no rank; row rejected")
            continue
        iso, code_note = codes[code]
        missing = [c for c in required if not row[c]]
        note = _join(
            f"WIPO economy code {code}",
            code_note,
            f"rank 2022: {row['previous_rank_2022']}, change {row['rank_change']}" if row["previous_rank_2022"] else "",
            f"share of world filings {row['share_of_total_pct_filings_pct']}%, publications {row['share_of_total_pubs_pct']}%"
            if row["share_of_total_pct_filings_pct"] else "",
            f"partial row: {', '.join(missing)} not in the bundled table" if missing else "",
        )
        base = {"dataset": "clusters_2023", "entity": iso, "product": f"cluster:{row['cluster_name']}",
                "period": "2023", "note": note}
        records.append({**base, "indicator": "cluster_rank", "unit": "rank", "value": _number(row["rank_2023"], payload, n)})
        for column, indicator, unit in CLUSTER_VALUES:
            if row[column]:
                records.append({**base, "indicator": indicator, "unit": unit, "value": _number(row[column], payload, n)})
    return records, warnings


def _parse_g20_scores(payload: Payload) -> tuple[list[dict], list[str]]:
    records, warnings = [], []
    for n, row in _csv_rows(payload, ["country", "indicator", "measure", "Unit", "Date", "Value"]):
        iso = _iso3(row["country"], n, warnings)
        if not iso:
            continue
        if row["measure"] != "Score":
            warnings.append(f"row {n}: measure {row['measure']!r} is not 'Score'; row rejected")
            continue
        name = row["indicator"]
        indicator = "gii_score" if name == "Global Innovation Index" else f"pillar_score:{name}"
        records.append({
            "dataset": "g20_scores",
            "indicator": indicator,
            "entity": iso,
            "period": _year(row["Date"], payload, n),
            "unit": "score",
            "value": _number(row["Value"], payload, n),
            "note": _join(row["Unit"], "copy of WIPO GII data from NassarX/innovation-econ-analysis"),
        })
    return records, warnings


RANK1_METRIC = "Number of indicators ranked 1st"


def _parse_rank1_evidence(payload: Payload) -> tuple[list[dict], list[str]]:
    columns = ["id", "edition", "economy", "metric", "value", "source", "url", "confidence", "remarks"]
    records, warnings = [], []
    for n, row in _csv_rows(payload, columns):
        if row["metric"] != RANK1_METRIC:
            continue
        label = row["id"] or f"row {n}"
        edition = re.search(r"\bGII\s+(\d{4})\b", row["edition"])
        if not edition:
            warnings.append(f"{label}: no edition year in {row['edition']!r}; no row")
            continue
        pairs = _rank1_pairs(row["economy"], row["value"])
        if pairs is None:
            warnings.append(f"{label}: {row['economy']!r} = {row['value']!r} is not one count per economy; no row")
            continue
        url, extra = _split_url(row["url"])
        for economy, count in pairs:
            iso = economy_iso3().get(economy)
            if not iso:
                warnings.append(f"{label}: economy {economy!r} is not mapped to ISO3; no row")
                continue
            if count is None:
                warnings.append(f"{label}: value {row['value']!r} for {economy} is not a count; no row")
                continue
            split = f"split from '{row['economy']}' = '{row['value']}'" if len(pairs) > 1 else ""
            records.append({
                "dataset": "rank1_indicator_counts",
                "indicator": "indicators_ranked_first",
                "entity": iso,
                "period": edition.group(1),
                "unit": "count",
                "value": float(count),
                "publisher": row["source"] or PUBLISHER,
                "source_url": url,
                "note": _join(f"{row['id']}: {row['edition']}", f"reported: {row['value']}", split,
                              f"confidence: {row['confidence']}", row["remarks"], extra),
            })
    return records, warnings


def _rank1_pairs(economy: str, value: str) -> list[tuple[str, int | None]] | None:
    """(economy, count) pairs; 'A / B' with '14 / 9 of 78' pairs by position, else None (ambiguous)."""
    names = [part.strip() for part in economy.split("/")]
    if len(names) == 1:
        return [(names[0], _leading_int(value))]
    values = [part.strip() for part in value.split("/")]
    counts = [_leading_int(v) for v in values]
    if len(values) != len(names) or None in counts or any(not n for n in names):
        return None
    return list(zip(names, counts))


def _leading_int(text: str) -> int | None:
    match = re.match(r"^\s*(\d+)(?!\.\d)\b", text)
    return int(match.group(1)) if match else None


# --- WIPO's live files ---------------------------------------------------------------------------


def _parse_wipo_ranking(payload: Payload) -> tuple[list[dict], list[str]]:
    """WIPO's ranking CSV: iso3, economy_name, score ('65,96195221': decimal comma), rank, giiyr."""
    rows = _csv_rows(payload, ["iso3", "economy_name", "score", "rank"])
    years = Counter(r["giiyr"] for _, r in rows if re.fullmatch(r"\d{4}", r.get("giiyr", "")))
    edition = years.most_common(1)[0][0] if years else _edition_from_name(payload)
    records, warnings = [], []
    for n, row in rows:
        iso = row["iso3"].upper()
        if not re.fullmatch(r"[A-Z]{3}", iso):
            warnings.append(f"row {n}: iso3 {row['iso3']!r} is not an ISO3 code; row rejected")
            continue
        year = row.get("giiyr", "")
        if re.fullmatch(r"\d{4}", year) and year != edition:
            warnings.append(f"row {n}: {iso} has giiyr {year}, file edition is {edition}; row rejected")
            continue
        rank = _decimal_comma(row["rank"], payload, n)
        if rank is None:
            warnings.append(f"row {n}: {iso} has no rank; row rejected")
            continue
        note = _join(f"WIPO GII {edition} ranking file", f"giiyr {year!r} in the file" if year and year != edition else "")
        base = {"dataset": "overall_rank", "entity": iso, "period": edition, "note": note}
        records.append({**base, "indicator": "gii_rank", "unit": "rank", "value": rank})
        score = _decimal_comma(row["score"], payload, n)
        if score is not None:
            records.append({**base, "indicator": "gii_score", "unit": "score", "value": score})
    return records, warnings


TECH1_COLUMNS = ["ISO3", "ECONOMY_NAME", "NUM", "NAME", "SCORE", "RANK"]
"""Columns the parser needs in sheet 'Data'. WIPO's sheet has 12: ISO3, ECONOMY_NAME, NUM, NAME,
DATAYR, VALUE_SCREEN, SCORE, RANK, SW_OVERALL, SW_INCGRP, OUTDATED, DMC; DATAYR and OUTDATED are
read where present (into the note)."""
LEVELS = ("index", "subindex", "pillar", "subpillar", "indicator")
"""The levels of the GII, top to bottom. Only 'indicator' rows count for "ranks first in N indicators"."""
LEVEL_NAMES = {"index": "index", "subindex": "subindex", "pillar": "pillar", "subpillar": "subpillar",
               "indicator": "indicator"}
"""WIPO's LEVEL words (Index Structure sheet: Index, SubIndex, Pillar, SubPillar, Indicator), lower-cased
with spaces, hyphens and underscores removed -> our level."""
NUM_PATTERNS = [
    (re.compile(r"(IN|OUT)"), "subindex"),
    (re.compile(r"(IN|OUT)\.\d+"), "pillar"),
    (re.compile(r"(IN|OUT)\.\d+\.\d+"), "subpillar"),
    (re.compile(r"(IN|OUT)\.\d+\.\d+\.\d+"), "indicator"),
    (re.compile(r"\d+"), "pillar"),  # an older numbering without the IN./OUT. prefix
    (re.compile(r"\d+\.\d+"), "subpillar"),
    (re.compile(r"\d+\.\d+\.\d+"), "indicator"),
]
"""WIPO's NUM codes: blank = the GII itself, IN/OUT = sub-indices, IN.1 pillar, IN.1.1 sub-pillar,
IN.1.1.1 ... OUT.7.3.3 indicators. Used where the Index Structure sheet gives no LEVEL."""
INDEX_NUM = "GII"
"""Label of the overall index in `product` ('index:GII'): WIPO leaves its NUM blank."""
MISSING_MARKS = {"", "n/a", "na", "..", "-"}


def tech1_level(num: str, levels: dict[str, str] | None = None) -> str:
    """The GII level of a NUM code: the workbook's own LEVEL where it has one, else the NUM pattern;
    '' when neither says (the row is then rejected with a warning)."""
    word = re.sub(r"[\s_-]", "", (levels or {}).get(num, "")).lower()
    if word in LEVEL_NAMES:
        return LEVEL_NAMES[word]
    if num in ("", INDEX_NUM):
        return "index"
    for pattern, level in NUM_PATTERNS:
        if pattern.fullmatch(num):
            return level
    return ""


def _parse_wipo_tech1(payload: Payload) -> tuple[list[dict], list[str]]:
    """WIPO's indicator workbook, sheet 'Data': one row per economy and index element.

    Each level keeps its own indicators: gii_index_rank/score (the GII itself, product 'index:GII'),
    gii_subindex_*, gii_pillar_*, gii_subpillar_* and gii_indicator_* (product '<level>:<NUM>'), so
    counting rank-1 indicators never counts the index, a sub-index, a pillar or a sub-pillar.
    The note keeps the name, WIPO's level, the data year (DATAYR) and the OUTDATED flag.
    """
    edition = _edition_from_name(payload)
    workbook = _open_workbook(payload)
    try:
        if "Data" not in workbook.sheetnames:
            raise SourceError(NAME, f"{payload.name}: workbook has no sheet 'Data' (sheets: {workbook.sheetnames})")
        table = [list(r) for r in workbook["Data"].iter_rows(values_only=True)]
        levels = _levels(workbook)
    finally:
        workbook.close()
    table = [r for r in table if any(c not in (None, "") for c in r)]
    if not table:
        raise SourceError(NAME, f"{payload.name}: sheet 'Data' is empty")
    header = [str(c).strip() if c is not None else "" for c in table[0]]
    missing = [c for c in TECH1_COLUMNS if c not in header]
    if missing:
        raise SourceError(NAME, f"{payload.name}: sheet 'Data' lacks column(s) {missing} (found {header[:12]})")
    at = {c: header.index(c) for c in TECH1_COLUMNS + ["DATAYR", "OUTDATED"] if c in header}
    records, warnings, blanks = [], [], 0
    for n, values in enumerate(table[1:], start=2):
        cell = {c: (values[i] if i < len(values) else None) for c, i in at.items()}
        iso = str(cell["ISO3"] or "").strip().upper()
        num = _num_label(cell["NUM"]) or INDEX_NUM
        level = tech1_level(num, levels)
        if not re.fullmatch(r"[A-Z]{3}", iso) or not level:
            warnings.append(f"row {n}: ISO3 {cell['ISO3']!r} / NUM {cell['NUM']!r} unreadable; row rejected")
            continue
        note = _join(
            str(cell["NAME"] or "").strip(),
            f"level: {levels[num]}" if num in levels else f"level: {level} (from NUM)",
            _data_year(cell.get("DATAYR")),
            "OUTDATED: WIPO flags this economy's data year as older than most economies'" if _flag(cell.get("OUTDATED")) else "",
        )
        base = {"dataset": "indicator_ranks", "entity": iso, "product": f"{level}:{num}", "period": edition, "note": note}
        for column, unit in (("RANK", "rank"), ("SCORE", "score")):
            value = _cell_number(cell[column], payload, n, column)
            if value is None:
                blanks += 1
            else:
                records.append({**base, "indicator": f"gii_{level}_{unit}", "unit": unit, "value": value})
    if blanks:
        warnings.append(f"{blanks} blank SCORE/RANK cell(s) in sheet 'Data' (no data for that economy); skipped")
    return records, warnings


def indicators_ranked_first(data: pd.DataFrame, entity: str, edition: str) -> list[str]:
    """The indicators (product 'indicator:<NUM>') in which `entity` has rank 1 in a parsed tech1 frame:
    what "ranks first in N indicators" counts (ties for first count, as in WIPO's tables)."""
    rows = data[(data["indicator"] == "gii_indicator_rank") & (data["entity"] == entity)
                & (data["period"] == edition) & (data["value"] == 1)]
    return sorted(rows["product"])


def _data_year(value) -> str:
    text = _num_label(value)
    return f"data year {text}" if re.fullmatch(r"\d{4}", text) else ""


def _flag(value) -> bool:
    """WIPO's 0/1 flags (OUTDATED, DMC): 1 (or 'yes'/'true') is set; blank or 0 is not."""
    return str(value).strip().lower() in {"1", "1.0", "yes", "true", "y", "x"} if value is not None else False


def _open_workbook(payload: Payload):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(io.BytesIO(payload.raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, EOFError) as exc:
        raise SourceError(NAME, f"{payload.name}: not a readable xlsx workbook ({exc.__class__.__name__})") from None


def _levels(workbook) -> dict[str, str]:
    """NUM -> LEVEL from the optional 'Index Structure' sheet (empty if absent or laid out differently)."""
    if "Index Structure" not in workbook.sheetnames:
        return {}
    rows = [list(r) for r in workbook["Index Structure"].iter_rows(values_only=True)]
    if not rows:
        return {}
    header = [str(c).strip() if c is not None else "" for c in rows[0]]
    if "NUM" not in header or "LEVEL" not in header:
        return {}
    i, j = header.index("NUM"), header.index("LEVEL")
    return {(_num_label(r[i]) or INDEX_NUM): str(r[j]).strip() for r in rows[1:] if len(r) > max(i, j) and r[j]}


def _num_label(value) -> str:
    """NUM as text: '1.1.1' stays; a cell Excel stored as a number (1 or 1.1) becomes '1' or '1.1'."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def _cell_number(value, payload: Payload, n: int, column: str) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if text.lower() in MISSING_MARKS:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise SourceError(NAME, f"{payload.name} row {n}: {column} {text!r} is not a number") from None


def _edition_from_name(payload: Payload) -> str:
    """The edition year from the payload's name or URL (gii_2023_..., bc_results_gii_2023, wipo-pub-2000-2023-...)."""
    for text in (payload.name, payload.url):
        match = re.search(r"(?:gii[_-]|wipo-pub-2000-)(\d{4})(?!\d)", text, flags=re.IGNORECASE)
        if match:
            return match.group(1)
    raise SourceError(NAME, f"{payload.name}: cannot tell the GII edition from the file name or URL")


def _parse_top_clusters(payload: Payload) -> tuple[list[dict], list[str]]:
    """Top-10 S&T clusters per edition (as reported): cluster_rank, product 'cluster:<name>'. A cross-border
    cluster listed for several economies ('CHN|HKG') is filed under the first, as WIPO counts it."""
    columns = ["edition", "rank", "cluster_name", "entity", "source_url", "read_via", "released", "retrieved", "note"]
    records, warnings = [], []
    for n, row in _csv_rows(payload, columns):
        entities = row["entity"].split("|")
        if not row["rank"].isdigit() or not all(re.fullmatch(r"[A-Z]{3}", e) for e in entities):
            warnings.append(f"line {n}: rank {row['rank']!r} or entity {row['entity']!r} unreadable; no row")
            continue
        note = row["note"] if len(entities) == 1 else _join(f"cross-border cluster ({row['entity']}), filed under {entities[0]}", row["note"])
        records.append({"dataset": "top_clusters", "indicator": "cluster_rank", "entity": entities[0],
                        "product": f"cluster:{row['cluster_name']}", "period": row["edition"], "value": float(row["rank"]),
                        "unit": "rank", "source_url": row["source_url"], "note": note})
    return records, warnings


def _parse_first_ranked(payload: Payload) -> tuple[list[dict], list[str]]:
    """Indicators an economy ranks first in, as reported (names per edition; the lists are not exhaustive):
    indicator `ranked_first_named`, product 'indicator:<name>', value 1 (rank)."""
    columns = ["edition", "entity", "indicator_code", "indicator_name", "source_url", "read_via", "released", "retrieved", "note"]
    records, warnings = [], []
    for n, row in _csv_rows(payload, columns):
        if not re.fullmatch(r"[A-Z]{3}", row["entity"]) or not row["indicator_name"]:
            warnings.append(f"line {n}: entity {row['entity']!r} or indicator name unreadable; no row")
            continue
        records.append({"dataset": "first_ranked_named", "indicator": "ranked_first_named", "entity": row["entity"],
                        "product": f"indicator:{row['indicator_code'] or row['indicator_name']}", "period": row["edition"],
                        "value": 1.0, "unit": "rank", "source_url": row["source_url"],
                        "note": _join(f"as reported: {row['indicator_name']} (a list that is not exhaustive)", row["note"])})
    return records, warnings


PARSERS = {
    "top_clusters_csv": _parse_top_clusters,
    "first_ranked_csv": _parse_first_ranked,
    "overall_rank_csv": _parse_overall_rank,
    "cluster_counts_csv": _parse_cluster_counts,
    "clusters_table_csv": _parse_clusters_table,
    "g20_scores_csv": _parse_g20_scores,
    "rank1_evidence_csv": _parse_rank1_evidence,
    "wipo_ranking_csv": _parse_wipo_ranking,
    "wipo_tech1_xlsx": _parse_wipo_tech1,
}


# --- small helpers ---------------------------------------------------------------------------------


def _csv_rows(payload: Payload, required: list[str]) -> list[tuple[int, dict[str, str]]]:
    """(row number, row) pairs of a CSV, checked: UTF-8, required columns, every row as wide as the header."""
    try:
        text = payload.raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError(NAME, f"{payload.name}: not UTF-8 text") from None
    head = text[:512].lstrip().lower()
    if head.startswith("<!doctype html") or head.startswith("<html"):
        raise SourceError(NAME, f"{payload.name}: an HTML page, not CSV")
    try:
        table = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error as exc:
        raise SourceError(NAME, f"{payload.name}: malformed or truncated CSV ({exc})") from None
    numbered = [(n, r) for n, r in enumerate(table, start=1) if any(c.strip() for c in r)]
    if not numbered:
        raise SourceError(NAME, f"{payload.name}: empty file")
    header = [h.strip() for h in numbered[0][1]]
    missing = [c for c in required if c not in header]
    if missing:
        raise SourceError(NAME, f"{payload.name}: missing column(s) {missing} (found {header}); layout changed?")
    rows = []
    for n, r in numbered[1:]:
        if len(r) != len(header):
            raise SourceError(NAME, f"{payload.name} row {n}: {len(r)} fields, header has {len(header)} (truncated?)")
        rows.append((n, {h: c.strip() for h, c in zip(header, r)}))
    if not rows:
        raise SourceError(NAME, f"{payload.name}: header only, no data rows")
    return rows


def _iso3(name: str, n: int, warnings: list[str]) -> str:
    iso = economy_iso3().get(name.strip())
    if not iso:
        warnings.append(f"row {n}: economy {name!r} is not mapped to ISO3; row rejected")
    return iso or ""


def _year(text: str, payload: Payload, n: int) -> str:
    if not re.fullmatch(r"\d{4}", text):
        raise SourceError(NAME, f"{payload.name} row {n}: edition/year {text!r} is not a year")
    return text


def _number(text: str, payload: Payload, n: int) -> float:
    try:
        return float(text)
    except ValueError:
        raise SourceError(NAME, f"{payload.name} row {n}: {text!r} is not a number") from None


def _decimal_comma(text: str, payload: Payload, n: int) -> float | None:
    """'65,96195221' -> 65.96195221 (WIPO's CSV writes decimal commas, no thousands grouping)."""
    if text.strip().lower() in MISSING_MARKS:
        return None
    return _number(text.strip().replace(",", "."), payload, n)


def _split_url(text: str) -> tuple[str, str]:
    """First http(s) URL of a cell, and the rest of the cell (other URLs, or a non-URL description)."""
    parts = [p.strip() for p in re.split(r"\s+;\s+|\s+", text) if p.strip()] if text.startswith("http") else []
    if not parts:
        return "", (text if text and text != "-" else "")
    rest = [p for p in parts[1:] if p != ";"]
    return parts[0], ("also: " + " ".join(rest)) if rest else ""


def _join(*parts: str) -> str:
    return "; ".join(p.strip() for p in parts if p and p.strip())
