"""Release tables (sources.releases): figures typed from publishers' releases, one cited row per observation.

Every new publisher (nbs, cnipa, wipo_ip, gacc, miit; CAAM's and WIPO's release tables too) is read by
this one parser: the bundled tables load, every cell is checked, each problem names file and line."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import catalogue, sources
from indicators.http import SourceError
from indicators.sources import releases
from indicators.sources.base import Payload

HEADER = ",".join(releases.COLUMNS)
GOOD = ("goods_exports,CHN,,2023,A,23.77,12,CNY,,GACC,https://example.org/release,example.org,2024-01-12,2026-12-03,"
        "'Exports 23.77 trillion yuan'")
RELEASE_SOURCES = ["nbs", "cnipa", "wipo_ip", "gacc", "miit"]


def payload(*lines: str, name: str = "gacc/test_table.csv") -> Payload:
    return Payload(name=name, raw=("\n".join([HEADER, *lines]) + "\n").encode("utf-8"), url="https://example.org/",
                   kind=releases.KIND)


def test_a_row_is_unscaled_and_keeps_its_citation():
    [row] = releases.parse("gacc", payload(GOOD)).to_dict("records")
    assert row["value"] == pytest.approx(23.77e12) and row["unit"] == "CNY" and row["dataset"] == "test_table"
    assert row["source_url"] == "https://example.org/release" and row["read_via"] == "example.org"
    assert row["released"] == "2024-01-12" and "retrieved 2026-12-03" in row["note"]


@pytest.mark.parametrize("change, problem", [
    (("CHN", "China"), "entity 'China' is not an ISO3 code"),
    ((",2023,A,", ",2023-13,M,"), "period '2023-13' does not fit freq M"),
    ((",2023,A,", ",2023,W,"), "freq 'W' is not A, Q or M"),
    (("23.77", "23.77x"), "is not a number"),
    ((",CNY,,", ",,,"), "empty unit"),
    ((",CNY,,", ",CNY,roughly,"), "unknown qualifier 'roughly'"),
    (("https://example.org/release", "press release"), "source_url 'press release' is not a URL: every figure is cited"),
    (("2024-01-12", "12/01/2024"), "released '12/01/2024' is not YYYY-MM-DD"),
])
def test_every_bad_cell_is_an_error_naming_file_line_and_cell(change, problem):
    old, new = change
    with pytest.raises(SourceError, match=r"^gacc: gacc/test_table.csv: line 2 .*" + problem.replace("(", r"\(").replace(")", r"\)")):
        releases.parse("gacc", payload(GOOD.replace(old, new, 1)))


def test_a_cut_file_and_a_drifted_header_are_refused():
    cut = Payload(name="gacc/t.csv", raw=(HEADER + "\n" + GOOD).encode(), url="", kind=releases.KIND)
    with pytest.raises(SourceError, match="does not end with a line break"):
        releases.parse("gacc", cut)
    drifted = Payload(name="gacc/t.csv", raw=(HEADER.replace("unit_mult", "scale") + "\n" + GOOD + "\n").encode(), url="",
                      kind=releases.KIND)
    with pytest.raises(SourceError, match=r"missing column\(s\) \['unit_mult'\]"):
        releases.parse("gacc", drifted)


@pytest.mark.parametrize("name", RELEASE_SOURCES)
def test_every_release_source_loads_its_bundled_tables_and_has_no_live_endpoint(name):
    module = sources.get(name)
    [batch] = module.snapshot()
    frames = [module.parse(p) for p in batch.payloads]
    assert all(len(f) for f in frames)
    for data in frames:
        for _, row in data.iterrows():  # every stored series is described in the catalogue
            assert catalogue.describe(name, row["indicator"], row["product"] or None, row["unit"]) is not None, row.to_dict()
        assert data["source_url"].str.startswith("http").all()
    with pytest.raises(SourceError, match=rf"^{name}: no machine-readable live endpoint: .*refresh --source {name} --offline"):
        module.fetch()


def test_national_r_and_d_figures_are_kept_apart_by_release():
    nbs = sources.get("nbs")
    [batch] = nbs.snapshot()
    datasets = {nbs.parse(p)["dataset"].iloc[0] for p in batch.payloads}
    assert {"rd_final", "rd_preliminary", "rd_early_estimate"} <= datasets


def test_customs_balances_agree_with_their_exports_and_imports():
    """A typed monthly balance is its month's exports less imports, in the same unit, within the releases' rounding
    (a press copy had printed April 2025's yuan surplus as 513.5 billion beside 2.27 and 1.57 trillion: that row was
    dropped, data/PROVENANCE.md)."""
    gacc = sources.get("gacc")
    [batch] = gacc.snapshot()
    data = pd.concat([gacc.parse(p) for p in batch.payloads])
    data = data[(data["entity"] == "CHN") & (data["product"].fillna("") == "") & (data["counterpart"] == "WLD")]
    levels = data.pivot_table(index=["period", "unit"], columns="indicator", values="value", aggfunc="first")
    triples = levels.dropna(subset=["goods_exports", "goods_imports", "goods_trade_balance"])
    assert len(triples) >= 30
    off = triples[(triples["goods_exports"] - triples["goods_imports"] - triples["goods_trade_balance"]).abs()
                  > 0.011 * triples["goods_exports"]]
    assert off.empty, off[["goods_exports", "goods_imports", "goods_trade_balance"]]
