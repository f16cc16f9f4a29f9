"""Pass 37 (issue 20): a ratio to GDP said after its percentage with "compared to", "relative to" or "in relation to"
("a research and development cost ratio of 4.96% compared to the gross domestic product"); two figures listed right
before two years ("rankings of 12 and 11 in 2023 and 2024") paired with them in order; a fall's verb right before its
rate after a rise ("grew 7.1% and fell 4.6%"); and how far "nearly" reaches, now also when the figure holds only on
the currency basis the text does not name ("fell by almost 1%" is no rise of 0.6%). Tested on phrasings of its own
and on near wordings whose reading must not change."""

from __future__ import annotations

import pytest

from indicators import spot
from texts import ACCUSING, exact

SUPPORTING = ("supported", "supported-rounded")


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass37")


@pytest.mark.parametrize("sentence, span, entity, period", [
    ("In 2022, Korea's R&D spending reached 4.85% compared to the gross domestic product.", "4.85%", "KOR", "2022"),
    ("China's R&D spending in 2023 was 2.65% relative to GDP.", "2.65%", "CHN", "2023"),
    ("Japan's research and development expenditure was 3.4% in relation to its GDP in 2022.", "3.4%", "JPN", "2022"),
    ("China's R&D outlay in 2023 amounted to 2.65 percent compared with the country's GDP.", "2.65 percent", "CHN",
     "2023"),
])
def test_a_ratio_to_gdp_said_after_its_percentage(store, sentence, span, entity, period):
    """R&D intensity (World Bank: Korea 4.85% in 2022, Japan 3.40% in 2022; NBS: China 2.65% in 2023): the words after
    the percentage make it a ratio to GDP (it had been read as R&D spending's growth or found no series)."""
    figure = exact(spot.spot(sentence, store=store, published="2024-12-29"), span)
    assert figure.unit == "percent of GDP"
    assert (figure.entity, figure.period) == (entity, period)
    assert figure.match.indicator in ("rd_intensity", "GB.XPD.RSDV.GD.ZS")
    assert figure.verdict in SUPPORTING


@pytest.mark.parametrize("sentence, span", [
    ("China's exports grew 5.9% compared with GDP growth of 5.2% in 2023.", "5.9%"),
    ("China's exports grew 5.9% compared with GDP growth of 5.2% in 2023.", "5.2%"),
    ("Retail sales rose 7.2% compared to GDP figures released last month.", "7.2%"),
])
def test_growth_compared_with_gdp_growth_is_no_ratio_to_gdp(store, sentence, span):
    """"compared with GDP growth": GDP's growth is another figure, not the denominator of this one."""
    figure = exact(spot.spot(sentence, store=store, published="2024-12-29"), span)
    assert figure.unit == "percent"


@pytest.mark.parametrize("sentence, spans, periods", [
    ("In the Global Innovation Index, China held rankings of 12 and 11 in 2023 and 2024.", ("12", "11"),
     ("2023", "2024")),
    ("China's goods exports reached 3.59 trillion and 3.38 trillion dollars in 2022 and 2023.",
     ("3.59 trillion", "3.38 trillion dollars"), ("2022", "2023")),
])
def test_two_figures_before_two_years_pair_in_order(store, sentence, spans, periods):
    """Two figures of one unit listed right before "in Y1 and Y2": each its own year, in order (the first had been
    given the second year, the second both years). Assumed, so never an accusation: here both hold."""
    found = spot.spot(sentence, store=store, published="2024-12-29")
    assert len(found) == 2
    for span, period in zip(spans, periods):
        figure = exact(found, span)
        assert figure.period == period
        assert figure.frame["period_from"] == "assumed"
        assert figure.verdict in SUPPORTING


def test_a_figure_before_two_years_is_still_said_of_each(store):
    """"up from rank 14 in 2020 and 2019": one figure, two years: a reading per year, as before."""
    found = spot.spot("China rose to 11th in the Global Innovation Index, up from rank 14 in 2020 and 2019.",
                      store=store, published="2024-12-29")
    assert sorted(c.period for c in found if c.span == "14") == ["2019", "2020"]


@pytest.mark.parametrize("sentence, span, value", [
    ("China's exports grew 7.1% and fell 4.6% in 2023.", "4.6%", -4.6),
    ("China's exports grew 7.1% in 2022 and fell by 4.6% in 2023.", "4.6%", -4.6),
    ("Exports rose 5% in June after they dropped by about 2% in May.", "about 2%", -2.0),
    # near wordings that keep their sign
    ("Imports fell 3% and exports grew 4% in 2023.", "4%", 4.0),
    ("China's export growth fell to 4.6% in 2023.", "4.6%", 4.6),
])
def test_a_fall_verb_right_before_its_rate(store, sentence, span, value):
    """A fall's verb right before the rate (with "by" or a hedge between at most) makes it a fall, whatever rose
    before it in the sentence (the rise word before had kept it positive); "fell to 4.6%" is a rate gone down to a
    positive level."""
    figure = exact(spot.spot(sentence, store=store, published="2024-12-29"), span)
    assert figure.value == value


def test_exports_grew_then_fell_is_supported_on_its_sign(store):
    """GACC: exports fell 4.6% in dollars in 2023. Read as +4.6, the figure had been needs-review against -4.6%."""
    figure = exact(spot.spot("China's exports grew 7.1% and fell 4.6% in 2023.", store=store,
                              published="2024-12-29"), "4.6%")
    assert figure.verdict in SUPPORTING
    assert figure.match.indicator == "goods_exports_usd_yoy_pct"


@pytest.mark.parametrize("sentence, span", [
    ("China's exports fell nearly 10% in 2023.", "nearly 10%"),  # a fall of 4.6% (dollars): not nearly 10
    ("China's exports rose nearly 10% in 2023.", "nearly 10%"),
    ("China's exports fell by almost 1% in 2023.", "almost 1%"),  # +0.6% in yuan, -4.6% in dollars
    ("China's exports grew 7.1% in 2022 and fell by nearly 4.6% in 2023.", "nearly 4.6%"),
])
def test_nearly_does_not_reach_far_figures(store, sentence, span):
    """"nearly 10%" reaches down to 5% at most (a step of a lone 1 would be the whole figure, so it reached 0); the
    check also runs when the figure holds only on the currency basis the text does not name (it had been skipped
    there: "fell by almost 1%" was supported by a rise of 0.6% in yuan). Not supported, never accused."""
    figure = exact(spot.spot(sentence, store=store, published="2024-12-29"), span)
    assert figure.verdict not in SUPPORTING
    assert figure.verdict not in ACCUSING


@pytest.mark.parametrize("sentence, span", [
    ("China's exports fell nearly 5% in 2023.", "nearly 5%"),  # -4.6% in dollars: close to 5
    ("China's goods exports reached nearly 3.4 trillion dollars in 2023.", "nearly 3.4 trillion dollars"),  # 3.38
])
def test_nearly_still_reaches_close_figures(store, sentence, span):
    figure = exact(spot.spot(sentence, store=store, published="2024-12-29"), span)
    assert figure.verdict in SUPPORTING


@pytest.mark.parametrize("value, decimals, edge", [
    (70000, 0, 60000), (3.09, 2, 2.781), (5, 0, 4), (10, 0, 5), (1, 0, 0.5), (100, 0, 50), (2, 0, 1),
])
def test_nearly_edge(value, decimals, edge):
    """One step of the last non-zero digit or a tenth, whichever reaches further, but never below half."""
    assert spot._nearly_edge(value, decimals) == pytest.approx(edge)


AP_LEDE = ("The United States has reclaimed its ranking in the top five countries in the world for economic innovation, "
           "while China climbed from 17th to 14th position in the new list of nearly 130 nations.\n\n"
           "The Global Innovation Index 2019 released Wednesday by the U.N. intellectual property agency says that "
           "innovation is blossoming around the world.")


def test_a_lede_s_places_are_in_the_ranking_the_next_paragraphs_name(store):
    """A lede's places with no ranking of their own, when the text's opening paragraphs then name the Global
    Innovation Index as the first ranking they name: the index's places (China 14th in 2019, 17th in 2018; they had
    found no series). Which ranking stays a guess: never an accusation."""
    found = spot.spot(AP_LEDE, store=store, published="2019-07-25")
    figure = exact(found, "14th")
    assert (figure.match.indicator, figure.entity) == ("gii_rank", "CHN")
    assert figure.frame["subject_from"] == "assumed"
    assert not [c for c in found if c.verdict in ACCUSING]


@pytest.mark.parametrize("text", [
    # the index named only after three paragraphs
    AP_LEDE.replace("\n\nThe Global", "\n\nOne.\n\nTwo.\n\nThe Global"),
    # the first ranking the opening names is described, not named
    AP_LEDE.replace("The Global Innovation Index 2019 released", "A global innovation index released"),
])
def test_a_lede_s_places_stay_unplaced_without_an_early_named_ranking(store, text):
    figure = exact(spot.spot(text, store=store, published="2019-07-25"), "14th")
    assert figure.match is None


@pytest.mark.parametrize("sentence, span, period", [
    ("China ranks 11th in the Global Innovation Index 2024. In 2013, China stood at 35, rising to 12 by 2021.", "35",
     "2013"),
    ("China ranks 11th in the Global Innovation Index 2024. In 2013, China stood at 35, rising to 12 by 2021.", "12",
     "2021"),
    ("In 2019, China exported 0.7 million cars, rising to 5.5 million by the end of 2024.", "0.7 million cars", "2019"),
])
def test_a_year_after_by_is_its_figure_s_own(store, sentence, span, period):
    """"rising to 12 by 2021": 2021 is the 12's, so the 35 before it keeps the sentence's opening year (it had taken
    the nearer 2021 when the economy was named, and could be supported by a place of the wrong year)."""
    figure = exact(spot.spot(sentence, store=store, published="2024-12-29"), span)
    assert figure.period == period


@pytest.mark.parametrize("text", [
    "The Global Innovation Index 2023 top five:\n\n1. Switzerland\n2. Sweden\n3. United States\n4. United Kingdom\n"
    "5. Singapore\n",
    "The Global Innovation Index 2023 top five:\n1) Switzerland\n2) Sweden\n3) United States\n4) United Kingdom\n"
    "5) Singapore",
])
def test_a_list_s_items_on_their_own_lines_are_read_one_by_one(store, text):
    """A numbered list whose items stand on lines of one paragraph: each item's number is its own economy's place (the
    number had taken the line before's economy: "2." Switzerland, "3." Sweden, each needs-review against the wrong
    economy's place). GII 2023: Switzerland 1, Sweden 2, United States 3, United Kingdom 4, Singapore 5."""
    found = spot.spot(text, store=store, published="2023-12-29")
    items = [c for c in found if c.span.strip("().").isdigit()]
    assert {c.value: c.entity for c in items} == {1.0: "CHE", 2.0: "SWE", 3.0: "USA", 4.0: "GBR", 5.0: "SGP"}
    if "1." in text:  # ("1)" items are read as numbers, not places: unverifiable, each of its own economy)
        assert all(c.verdict in SUPPORTING for c in items)


@pytest.mark.parametrize("text, span, entity", [
    ("The Global Innovation Index 2024 ranked China\n11. Germany was 9th.", "11", "CHN"),  # prose wrapped before "11."
    ("China ranks 12th in the Global Innovation Index 2024. The leaders:\n- Switzerland: 1st\n- Sweden: 2nd\n"
     "- United States: 3rd", "1st", "CHE"),  # not the next item's
])
def test_a_line_s_place_is_its_own_line_s(store, text, span, entity):
    """A place is the economy of its own line: a wrapped line of prose keeps the name before the break; a list's item
    never takes the next item's name (it had: "1st" Sweden, needs-review against Sweden's 2nd)."""
    figure = exact(spot.spot(text, store=store, published="2024-12-29"), span)
    assert (figure.entity, figure.match.indicator) == (entity, "gii_rank")
    assert figure.verdict in SUPPORTING


GII_2024_TEXT = ("WIPO published the Global Innovation Index 2024 on Thursday. China ranked 11th.\n\n"
                 "The top ten economies were Switzerland, Sweden, the US, Singapore, the UK, South Korea, Finland, the "
                 "Netherlands, Germany and Denmark. ")


@pytest.mark.parametrize("text, places", [
    # "came in at" in the sentence after the index's
    ("China ranked 11th in the Global Innovation Index 2024. The US came in at 3, the Netherlands at 8 and South Korea "
     "at 6.", {"3": "USA", "8": "NLD", "6": "KOR"}),
    # an economy's name, then its place, in a sentence naming a ranking
    (GII_2024_TEXT + "Rankings: Switzerland 1, Sweden 2, United States 3 and Singapore 4.",
     {"1": "CHE", "2": "SWE", "3": "USA", "4": "SGP"}),
])
def test_bare_places_in_a_text_on_the_index(store, text, places):
    """GII 2024: Switzerland 1, Sweden 2, US 3, Singapore 4, Korea 6, Netherlands 8. Read as places (they had been
    counts with no series), in the index assumed: supported, never accused."""
    found = spot.spot(text, store=store, published="2024-10-01")
    for span, entity in places.items():
        figure = exact(found, span)
        assert (figure.unit, figure.match.indicator, figure.entity) == ("rank", "gii_rank", entity)
        assert figure.frame["subject_from"] == "assumed"
        assert figure.verdict in SUPPORTING


@pytest.mark.parametrize("text, span", [
    # the index named two sentences before, a sentence reading no place between (another topic may come between: "At
    # the Paris Games, Japan came in at 3"; a sentence going on with the index's places carries it on: pass 39)
    (GII_2024_TEXT + "Its exports grew. The US came in at 3.", "3"),
    (GII_2024_TEXT + "China filed 70,160 PCT applications. The US came in at 3.", "3"),
    # another scale in a list of names and places, or in a place after a colon
    ("China ranked 11th in the Global Innovation Index 2024. FIFA rankings: Argentina 1, France 2.", "2"),
    ("Germany ranked 9th in the Global Innovation Index 2024. Germany's rank in the FIFA world ranking: 9.", "9"),
    # bracketed numbers rising, but no list of places
    ("China ranked 11th in the Global Innovation Index 2024. Its leading trade partners were ASEAN (1), the EU (2) and "
     "the United States (3).", "(3)"),
    ("China ranked 11th in the Global Innovation Index 2024. Delegations: Singapore (4), Japan (13), India (39).",
     "(4)"),
    # a name and a number in a sentence naming no ranking
    (GII_2024_TEXT + "Route: Geneva 1, Zurich 2.", "2"),
    # a count after the name
    ("Rankings of clusters: China 26 and the US 22.", "26"),
])
def test_a_bare_number_stays_a_number_when_the_text_moved_on(store, text, span):
    figure = exact(spot.spot(text, store=store, published="2024-10-01"), span)
    assert figure.unit != "rank"
    assert figure.verdict not in ACCUSING


GII_2023 = "China ranks 12th in the Global Innovation Index 2023. "


@pytest.mark.parametrize("text, places", [
    # places in brackets, rising as written, after the index's sentence
    (GII_2023 + "The top five are Switzerland (1), Sweden (2), the United States (3), the United Kingdom (4) and "
     "Singapore (5).", {"(1)": "CHE", "(2)": "SWE", "(3)": "USA", "(4)": "GBR", "(5)": "SGP"}),
    # a place after "rank:" and a move after "held on to"
    (GII_2023 + "Germany's rank: 8.", {"8": "DEU"}),
    (GII_2023 + "The UK held on to fourth, and France slipped to 11.", {"11": "FRA"}),
])
def test_more_bare_places_after_the_index_s_sentence(store, text, places):
    """GII 2023: Switzerland 1, Sweden 2, US 3, UK 4, Singapore 5, Germany 8, France 11: places, in the index assumed
    (they had been counts; "Germany's rank: 8." had also been joined to the next sentence as a list item's number)."""
    found = spot.spot(text, store=store, published="2023-12-29")
    for span, entity in places.items():
        figure = exact(found, span)
        assert (figure.unit, figure.match.indicator, figure.entity) == ("rank", "gii_rank", entity)
        assert figure.verdict in SUPPORTING


@pytest.mark.parametrize("text, span", [
    # scores listed so fall; a single bracketed number is not a list
    (GII_2023 + "Top scorers: Switzerland (67), Sweden (64), the US (63).", "(64)"),
    (GII_2023 + "Japan (13) and Germany (8) follow.", "(8)"),
    (GII_2023 + "Of clusters, China (24) and the US (21) host the most.", "(24)"),
])
def test_bracketed_numbers_that_do_not_rise_stay_numbers(store, text, span):
    figure = exact(spot.spot(text, store=store, published="2023-12-29"), span)
    assert figure.unit != "rank"
    assert figure.verdict not in ACCUSING


def test_a_colon_before_a_list_s_first_number_still_opens_a_list():
    from indicators.spot.text import sentences
    text = "The leaders are: 1. Switzerland; 2. Sweden. China's rank: 11. Israel's rank is 15."
    assert [text[a:b] for a, b, _ in sentences(text)] == [
        "The leaders are: 1. Switzerland; 2. Sweden.", "China's rank: 11.", "Israel's rank is 15."]


@pytest.mark.parametrize("sentence, span, unit", [
    # a change's verb before the percentage: the change, compared with GDP's (a review's false accusations)
    ("In 2023, China's R&D expenditure rose 8.4% compared with GDP, which grew 5.2%.", "8.4%", "percent"),
    ("China's R&D spending rose 10.1% compared with GDP expansion in 2022.", "10.1%", "percent"),
    ("China's R&D spending rose 10.1% compared with the GDP deflator in 2022.", "10.1%", "percent"),
    ("UK R&D spending fell 2.7% compared with GDP, which was flat, in 2023.", "2.7%", "percent"),
    ("China's exports fell 19.4% compared to GDP in 2023.", "19.4%", "percent"),
    ("Growth of 5.2% compared to the GDP target of around 5% was reported for 2023.", "5.2%", "percent"),
])
def test_a_change_compared_with_gdp_is_no_ratio_to_gdp(store, sentence, span, unit):
    figure = exact(spot.spot(sentence, store=store, published="2025-06-01"), span)
    assert figure.unit == unit
    assert figure.match is None or figure.match.indicator not in ("rd_intensity", "GB.XPD.RSDV.GD.ZS", "NE.EXP.GNFS.CD")


def test_a_change_compared_with_gdp_keeps_its_verdict(store):
    """R&D spending grew 8.4% in 2023 (NBS): supported as growth, as before the pass (it had been contradicted as a
    ratio to GDP of 8.4%)."""
    figure = exact(spot.spot("In 2023, China's R&D expenditure rose 8.4% compared with GDP, which grew 5.2%.",
                              store=store, published="2025-06-01"), "8.4%")
    assert (figure.match.indicator, figure.verdict) == ("rd_expenditure_yoy_pct", "supported")


@pytest.mark.parametrize("sentence, span, value", [
    ("China's export growth eased 5.9% in 2024.", "5.9%", 5.9),
    ("China's export growth slowed down 5.9% in 2024.", "5.9%", 5.9),
])
def test_a_slowing_growth_is_no_fall(store, sentence, span, value):
    """"growth eased 5.9%": growth slowed; the verb is the growth's, so it does not make the rate a fall."""
    assert exact(spot.spot(sentence, store=store, published="2025-06-01"), span).value == value


@pytest.mark.parametrize("text, span", [
    ("Korea, 6th on the medal table, had a good year.\n\nThe Global Innovation Index 2024 was released on Thursday.",
     "6th"),
    ("China is now the world's 11th most competitive economy.\n\nThe IMD World Competitiveness Ranking 2024 was "
     "released on Tuesday. The Global Innovation Index followed in September.", "11th"),
    ("China, the world's second-largest economy, is innovating fast.\n\nThe Global Innovation Index 2024 was released "
     "on Thursday.", "second"),
])
def test_a_lede_s_other_places_stay_out_of_the_index(store, text, span):
    """A lede's place is the index's only in a sentence on innovation, and not after another ranking is named."""
    figure = exact(spot.spot(text, store=store, published="2024-10-01"), span)
    assert figure.match is None or figure.match.indicator != "gii_rank"


def test_economies_ordered_by_something_else_are_no_places(store):
    """"Its largest trading partners were: 1. ASEAN 2. European Union 3. United States" after the index's sentence:
    no GII places (with the list's names now each its own, "3." had been supported as the US's 3rd place)."""
    text = ("China ranked 11th in the Global Innovation Index 2024. Its largest trading partners were:\n1. ASEAN\n"
            "2. European Union\n3. United States")
    found = spot.spot(text, store=store, published="2025-06-01")
    assert all(c.match is None for c in found if c.span.rstrip(".").isdigit())


def test_a_partner_named_in_passing_keeps_its_place_in_the_index(store):
    """Only a list's places are another ordering's: "Switzerland's most important trading partner, Germany, dropped
    one place to 9th place" after the index's sentence is Germany's GII 2024 place (9th)."""
    text = ("Switzerland tops the Global Innovation Index 2024 for the 14th year. Switzerland's most important trading "
            "partner, Germany, dropped one place to 9th place.")
    figure = exact(spot.spot(text, store=store, published="2024-09-26"), "9th")
    assert (figure.match.indicator, figure.entity, figure.verdict) == ("gii_rank", "DEU", "supported")


@pytest.mark.parametrize("sentence", [
    "Switzerland tops the Global Innovation Index 2024 for the 14th year.",
    "Switzerland topped the Global Innovation Index for the 14th time.",
])
def test_an_ordinal_year_at_the_top_is_a_streak_not_a_place(store, sentence):
    """"for the 14th year": Switzerland's 14th year first (GII 2011-2024), not a 14th place; it had been contradicted
    against Switzerland's 1st place (a false accusation found while mending the pass)."""
    figure = exact(spot.spot(sentence, store=store, published="2024-09-26"), "14th")
    assert figure.role == "streak"
    assert figure.verdict not in ACCUSING


def test_an_ordinal_year_of_something_is_no_streak(store):
    figure = exact(spot.spot("China is in the 3rd year of the plan.", store=store, published="2024-09-26"), "3rd")
    assert figure.role != "streak"
