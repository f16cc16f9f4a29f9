"""The table of Ember's regions (src/indicators/economy_regions.csv) agrees with the bundled Ember file's own `Region`
column: every economy Ember names is filed under the region the file gives it, and the table names no other."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators import catalogue
from indicators.sources import ember

EMBER_FILE = Path(__file__).resolve().parents[2] / "data" / "ember" / "china_solar_exports_monthly.csv"


def test_the_regions_table_is_embers_own_classification():
    data = pd.read_csv(EMBER_FILE, usecols=["Area", "Area type", "Region"])
    countries = data[data["Area type"].str.strip() == "Country or economy"].drop_duplicates("Area")
    filed = {ember.ISO3[area.strip()]: region for area, region in zip(countries["Area"], countries["Region"])
             if area.strip() in ember.ISO3}
    assert catalogue.economy_regions() == filed
    assert catalogue.economy_regions()["NGA"] == "Africa" and catalogue.economy_regions()["PAK"] == "Asia"
