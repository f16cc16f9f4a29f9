"""The derivation layer: conversions both ways, growth, annual totals only from complete years, shares, unit kinds."""

import pandas as pd
import pytest

from indicators import derive


def rates() -> derive.Rates:
    data = pd.DataFrame([
        {"source": "fx", "indicator": "AEXCHUS", "period": "2022", "value": 6.7290, "unit": "CNY per USD"},
        {"source": "fx", "indicator": "AEXCHUS", "period": "2023", "value": 7.0809, "unit": "CNY per USD"},
        {"source": "fx", "indicator": "EXCHUS", "period": "2023-07", "value": 7.1816, "unit": "CNY per USD"},
    ])
    return derive.Rates(data=data)


def test_cny_to_usd_and_back_at_the_period_rate():
    r = rates()
    usd = r.convert(1.06e12, "CNY", "USD", "2023")
    assert usd.unit == "USD" and usd.value == pytest.approx(1.06e12 / 7.0809)
    assert "AEXCHUS" in usd.text and "2023" in usd.text and "7.0809" in usd.text
    back = r.convert(usd.value, "USD", "CNY", "2023")
    assert back.value == pytest.approx(1.06e12)
    monthly = r.convert(100.0, "USD", "CNY", "2023-07", freq="M")
    assert monthly.value == pytest.approx(718.16) and "EXCHUS" in monthly.text


def test_conversion_without_a_rate_is_refused_with_the_reason():
    with pytest.raises(derive.DerivationError, match="no FRED AEXCHUS rate for 2019"):
        rates().convert(1.0, "CNY", "USD", "2019")
    with pytest.raises(derive.DerivationError, match="only CNY and USD"):
        rates().convert(1.0, "EUR", "USD", "2023")


def test_growth_in_dollars_from_growth_in_yuan_names_the_currency_move():
    g = rates().growth_in(29.9, "CNY", "USD", "2023")
    assert g.value == pytest.approx((1.299 * 6.7290 / 7.0809 - 1) * 100)
    assert "weakened" in g.text
    back = rates().growth_in(g.value, "USD", "CNY", "2023")
    assert back.value == pytest.approx(29.9)


def test_growth_from_two_levels():
    g = derive.growth(1.06e12, 0.8e12, "CNY", "2023", "2022")
    assert g.value == pytest.approx(32.5) and "+32.5%" in g.text


def test_a_multiple_from_two_levels_and_none_of_a_zero_level():
    r = derive.ratio(4.91e6, 0.995e6, "vehicles", "2023", "2020")
    assert r.value == pytest.approx(4.935, abs=1e-3) and r.unit == "ratio" and "4.93 times" in r.text
    with pytest.raises(derive.DerivationError, match="zero level"):
        derive.ratio(1.0, 0.0, "vehicles", "2023", "2020")


def monthly(year: str, months: range, product: str = "pv") -> list[dict]:
    return [{"period": f"{year}-{m:02d}", "value": float(m), "unit": "USD", "product": product} for m in months]


def test_annual_total_needs_every_month():
    full = pd.DataFrame(monthly("2023", range(1, 13)))
    assert derive.annual_total(full, "2023").value == sum(range(1, 13))
    with pytest.raises(derive.DerivationError, match="1 of 12 periods of 2023 missing"):
        derive.annual_total(pd.DataFrame(monthly("2023", range(1, 12))), "2023")
    two = pd.DataFrame(monthly("2023", range(1, 13)) + monthly("2023", range(2, 13), "cells"))
    with pytest.raises(derive.DerivationError, match="for cells"):
        derive.annual_total(two, "2023")


def test_share_and_unit_kinds():
    assert derive.share(1.0, 4.0, "CNY").value == 25.0
    assert derive.check_units("USD", "CNY") == "convert"
    assert derive.check_units("vehicles", "count") == "same"
    with pytest.raises(derive.DerivationError, match="percent .* percent of GDP"):
        derive.check_units("percent", "percent of GDP")
    with pytest.raises(derive.DerivationError, match="CNY .money. but the series is in vehicles"):
        derive.check_units("CNY", "vehicles")


def test_the_level_before_from_a_level_and_its_growth():
    d = derive.previous_level(1.06e12, 29.9, "CNY", "2023", "2022")
    assert d.value == pytest.approx(1.06e12 / 1.299) and d.unit == "CNY"
    assert "÷ (1 + 29.9%)" in d.text and "in 2022" in d.text
    with pytest.raises(derive.DerivationError):
        derive.previous_level(1.0, -100, "CNY", "2023", "2022")


@pytest.mark.parametrize("before,now,word", [(6.7290, 7.0809, "weakened"), (7.1, 6.9, "strengthened"),
                                              (7.0, 7.0, "held steady")])
def test_the_direction_of_the_yuan_from_two_rates(before, now, word):
    assert derive.currency_direction(before, now) == word
    assert (word in derive.currency_move(before, now)) == (word != "held steady")


def test_power_and_energy_units_rescale_within_their_kind():
    assert derive.check_units("GW", "MW") == "rescale" and derive.rescale(107_300, "MW", "GW") == pytest.approx(107.3)
    assert derive.check_units("GWh", "TWh") == "rescale"
    with pytest.raises(derive.DerivationError, match="GW .power. but the series is in GWh .energy."):
        derive.check_units("GW", "GWh")
