"""The typed table of official/reported figures: levels, growth rates, periods, products, faults."""

from __future__ import annotations

import pytest

from indicators import frame
from indicators.http import SourceError
from indicators.sources import customs
from indicators.sources.base import Payload


@pytest.fixture(scope="module")
def raw() -> bytes:
    return customs.snapshot()[0].payloads[0].raw


@pytest.fixture(scope="module")
def df(raw):
    return customs.parse(Payload("t", raw, customs.METADATA.url, customs.KIND))


def one(df, indicator, period, unit=None):
    rows = df[(df.indicator == indicator) & (df.period == period)]
    if unit:
        rows = rows[rows.unit == unit]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def parse_text(text: str):
    return customs.parse(Payload("t", text.encode("utf-8"), "", customs.KIND))


def test_row_count_and_constants(df):
    assert len(df) == 56
    assert df.attrs["warnings"] == []
    assert set(df.source) == {"customs"} and set(df.dataset) == {"official_reported"}
    assert set(df.entity) == {"CHN"} and set(df.counterpart) == {"WLD"}


def test_new_trio_2023_level_and_growth(df):
    level = one(df, "new_trio_exports_total", "2023")
    assert level.value == pytest.approx(1.06e12) and level.unit == "CNY" and level.freq == "A"
    assert level["product"] == "new_trio" and level.qualifier == ""
    assert level.released == "2024-01-12"
    assert level.note.startswith("confidence A; ")
    assert level.source_url == "http://auto.ce.cn/auto/gundong/202401/15/t20240115_38865545.shtml"
    growth = one(df, "new_trio_exports_total_yoy_pct", "2023")
    assert growth.value == 29.9 and growth.unit == "percent" and growth.released == "2024-01-12"


def test_periods_quarter_half_and_year_to_date(df):
    q1 = one(df, "new_trio_exports_total", "2023-Q1")
    assert q1.freq == "Q" and q1.value == pytest.approx(264.69e9) and q1.released == "2023-04-13"
    ytd = one(df, "new_trio_exports_total", "2023-01/2023-04")
    assert ytd.freq == "YTD" and ytd.value == pytest.approx(350e9) and ytd.qualifier == "more than"
    # the qualifier describes the level; the growth (72%) is stated exactly
    assert one(df, "new_trio_exports_total_yoy_pct", "2023-01/2023-04").qualifier == ""
    # a growth-only row is named after the level it belongs to
    h1 = one(df, "new_trio_exports_total_yoy_pct", "2023-H1")
    assert h1.freq == "H" and h1.value == 61.6 and h1.released == "2023-07-21"
    assert one(df, "liion_exports_value", "2024-01/2024-10").value == pytest.approx(350.2e9)
    assert one(df, "liion_exports_value_usd_yoy_pct", "2025-01/2025-07").value == 26.2


def test_growth_base_names_and_usd_growth(df):
    assert one(df, "ev_exports_value_yoy_pct", "2022").value == 131.8
    assert one(df, "pv_exports_value_yoy_pct", "2022")["product"] == "pv"
    assert one(df, "solar_pv_exports_value_usd_yoy_pct", "2023").value == -6.7
    assert one(df, "bev_exports_value_usd_yoy_pct", "2023").value == 70
    assert not df.indicator.str.contains("_growth_value|exports_growth").any()


def test_units_scaled(df):
    assert one(df, "liion_exports_value", "2023", "CNY").value == pytest.approx(457.4e9)
    assert one(df, "liion_exports_value", "2023", "USD").value == pytest.approx(65.01e9)
    assert one(df, "liion_exports_units", "2024").value == pytest.approx(3.91e9)
    assert one(df, "liion_exports_units", "2024").unit == "cells"
    assert one(df, "total_goods_exports", "2023").value == pytest.approx(23.77e12)
    assert one(df, "ev_passenger_exports_units", "2023").value == 1773000
    contribution = one(df, "new_trio_contribution_to_export_growth", "2022")
    assert contribution.unit == "percentage points" and contribution.value == 1.7


def test_products(df):
    product = dict(zip(df.indicator, df["product"]))
    assert product["total_goods_exports"] == "TOTAL"
    assert product["car_exports_units"] == "cars"
    assert product["nev_exports_units_caam"] == "nev"
    assert product["bev_exports_units"] == "bev"
    assert product["ev_passenger_exports_units"] == "ev"
    assert product["mech_elec_exports"] == "mech_elec"
    assert product["solar_pv_exports_value"] == "pv"


def test_read_via_names_the_reprint_site_and_keeps_the_publisher(df):
    """GACC's SCIO figures were read on auto.ce.cn: the row says so; Griffith's own blog is primary."""
    level = one(df, "new_trio_exports_total", "2023")
    assert level.publisher.startswith("GACC") and level.read_via == "auto.ce.cn"
    assert one(df, "liion_exports_value", "2023", "CNY").read_via == "en.people.cn"  # MIIT via Xinhua/People's Daily
    assert one(df, "liion_exports_value", "2022", "CNY").read_via == "english.www.gov.cn"
    assert one(df, "solar_pv_exports_value", "2023").read_via == ""  # blogs.griffith.edu.au is Griffith's
    assert one(df, "pv_products_exports_value", "2024").read_via == "ningbo.chinadaily.com.cn"
    primary = df[df.read_via == ""]
    assert set(primary.publisher.str.split().str[0]) == {"Griffith"}
    assert customs.own_domains("GACC via People's Daily Online") == ("customs.gov.cn",)


def test_griffith_150bn_is_flagged_as_not_the_sum_of_its_parts(df):
    trio = one(df, "new_trio_exports_usd", "2023")
    assert trio.value == 150e9 and trio.qualifier == "more than"  # kept as stated
    assert trio.note.startswith("inconsistent: 'over USD 150 bn' is not the sum")
    flag = frame.flagged(trio.note)  # the flag alone, for every view to show (the rest of the note follows it)
    assert flag.endswith("= USD 142.7 bn (rows bev_exports_value and solar_pv_exports_value 2023; Griffith's Li-ion "
                         "USD 65 bn is quoted in the note of the liion_exports_value 2023 USD row); the figure is kept as Griffith states it")
    assert "confidence" not in flag and trio.note.startswith(flag + frame.FLAG_END)
    parts = one(df, "bev_exports_value", "2023", "USD").value + one(df, "solar_pv_exports_value", "2023").value + 65e9
    assert parts == pytest.approx(142.7e9) and "142.7" in trio.note
    assert df.note.str.startswith("inconsistent").sum() == 1


def test_released_from_publisher_text_else_after_period(df):
    assert one(df, "liion_exports_value", "2023", "CNY").released == "2024-03-02"
    # "GACC" with no date: the day after the quarter ends
    assert one(df, "liion_exports_value", "2023-Q1").released == "2023-04-01"
    assert one(df, "pv_products_exports_value", "2024").released == "2025-01-13"
    # a fallback date is labelled as a lower bound, never as the release
    undated = one(df, "liion_exports_value", "2023-Q1")
    assert undated.note.endswith("release date not recorded: 2023-04-01 (the day after the period ends) "
                                 "is the earliest it could have been public")
    assert "release date not recorded" not in one(df, "new_trio_exports_total", "2023").note


def test_fetch_has_no_live_endpoint():
    assert customs.METADATA.live is False
    with pytest.raises(SourceError, match=r"^customs: no machine-readable live endpoint"):
        customs.fetch()


HEADER = "metric,year,period,value,qualifier,unit,yoy_growth_pct,publisher,source_url,confidence,note\n"


def test_unknown_unit_names_the_row():
    with pytest.raises(SourceError, match=r"^customs: line 2 \(x_value 2023 FY\): unknown unit 'million EUR'"):
        parse_text(HEADER + "x_value,2023,FY,5,,million EUR,,P,u,A,\n")


def test_missing_column_is_schema_drift(raw):
    text = raw.decode("utf-8-sig").replace("yoy_growth_pct", "growth", 1)
    with pytest.raises(SourceError, match=r"^customs: missing column\(s\) \['yoy_growth_pct'\]"):
        parse_text(text)


def test_truncated_file(raw):
    text = raw.decode("utf-8-sig")
    cut = text.index("nev_exports_units_caam,2023,FY,12")
    with pytest.raises(SourceError, match=r"^customs: line 18 has 4 fields, header has 12 \(truncated file\?\)"):
        parse_text(text[: cut + len("nev_exports_units_caam,2023,FY,12")])
    # cut inside the last field (the note): the row still parses, with a warning
    df = parse_text(text[: len(text) // 2])
    assert df.attrs["warnings"] == ["file does not end with a line break: its last row may be cut"]


def test_duplicate_key_rejected(raw):
    text = raw.decode("utf-8-sig")
    first_row = text.splitlines()[1]
    with pytest.raises(SourceError, match=r"^customs: duplicate key"):
        parse_text(text + first_row + "\n")


def test_non_numeric_value_and_bad_period():
    with pytest.raises(SourceError, match=r"^customs: .*value '1,06' is not a number"):
        parse_text(HEADER + 'x_value,2023,FY,"1,06",,billion CNY,,P,u,A,\n')
    with pytest.raises(SourceError, match=r"^customs: .*unknown period 'Q5'"):
        parse_text(HEADER + "x_value,2023,Q5,1,,billion CNY,,P,u,A,\n")


def test_empty_table():
    with pytest.raises(SourceError, match=r"^customs: empty file"):
        parse_text("")
    with pytest.raises(SourceError, match=r"^customs: the table holds no figures"):
        parse_text(HEADER)


def test_row_without_figures_is_a_warning():
    df = parse_text(HEADER + "a_value,2023,FY,1,,billion CNY,,P,u,A,\nb_value,2023,FY,,,,,P,u,A,\n")
    assert len(df) == 1
    assert df.attrs["warnings"] == ["line 3 (b_value 2023 FY): no value and no growth; skipped"]
