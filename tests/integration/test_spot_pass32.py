"""Mapping pass 32 (issue 20): general classes of wording found on the development detail (twelve splits newly drawn
from the unseen pool), each tested on phrasings of its own and on a near wording where it must not fire."""

from __future__ import annotations

import pytest

from indicators import spot
from indicators.numbers import read_figures
from texts import by_span


@pytest.fixture(scope="module")
def store(snapshot_copy):
    return snapshot_copy("spot-pass32")


def _read(store, text, span, published):
    return by_span(spot.spot(text, store=store, published=published), span)


def _series(candidate) -> str | None:
    return f"{candidate.match.source}/{candidate.match.indicator}" if candidate.match else None


# --- a rank said before is no measure of a sum ----------------------------------------------------------------------------

RANKED = ("Brazil's nominal GDP ranked ninth in the world in 2022, according to the central bank. The United States "
          "led with $25.46 trillion, followed by China at $17.88 trillion.")


@pytest.mark.parametrize("span, economy", [("$25.46 trillion", "USA"), ("$17.88 trillion", "CHN")])
def test_a_sum_after_a_rank_is_not_a_place(store, span, economy):
    """"ranked ninth ... The United States led with $25.46 trillion": the dollars are GDP, not a rank."""
    read = _read(store, RANKED, span, "2023-07-12")
    assert _series(read) == "worldbank/NY.GDP.MKTP.CD"
    assert read.frame["entity"] == economy


def test_a_place_after_a_rank_still_takes_it(store):
    """Near wording: a place in the next sentence is still the rank's ("Germany was third")."""
    text = "Japan's nominal GDP ranked fourth in the world in 2023. Germany was third."
    assert _read(store, text, "third", "2024-03-01").frame.get("measure") == "rank"


# --- a streak's subject is its figure's alone -----------------------------------------------------------------------------

def test_a_streak_is_not_the_next_sentences_subject(store):
    """"for the third year running. Switzerland also saw a decline, from almost 5,400 to just over 5,300": the
    applications of the text, not the streak's length."""
    text = ("China filed the most international patent applications under the PCT in 2024, WIPO said. Japan recorded "
            "a fall in applications for the third year running. Switzerland also saw a decline, from almost 5,400 to "
            "just over 5,300.")
    read = _read(store, text, "over 5,300", "2025-03-17")
    assert _series(read) == "wipo_ip/pct_applications"
    assert read.frame["entity"] == "CHE"


# --- "from <hedge> A to B": a move, and A its base ------------------------------------------------------------------------

@pytest.mark.parametrize("text, values", [
    ("Its filings rose from about 48,000 to 49,000.", [48000.0, 49000.0]),
    ("Shipments grew from nearly 20 to 25 units.", [20.0, 25.0]),
    ("Prices ranging from about 20 to 25 units.", [22.5]),  # near wording: no change verb, a range
    ("about 20 to 25 units", [22.5]),
])
def test_from_a_hedged_number_to_another_is_a_move(text, values):
    assert [f.value for f in read_figures(text)] == values


@pytest.mark.parametrize("hedge", ["almost", "nearly", "about", "just over", "more than"])
def test_a_hedged_figure_after_from_is_a_base(store, hedge):
    text = f"Switzerland's PCT applications fell from {hedge} 5,400 to 5,300 in 2024."
    reads = {c.span: c for c in spot.spot(text, store=store, published="2025-03-17")}
    base = next(c for span, c in reads.items() if span.endswith("5,400"))
    assert base.role == "earlier"
    assert reads["5,300"].role == "figure"


def test_a_share_moved_from_is_that_share(store):
    """"the share of R&D in GDP rose from under 1.5 per cent to nearly 2 per cent": both are R&D intensity."""
    text = ("Since 2000, the global share of R&D in total Gross Domestic Product (GDP) rose from under 1.5 per cent "
            "to nearly 2 per cent by 2023.")
    reads = spot.spot(text, store=store, published="2025-02-12")
    assert {_series(c) for c in reads} == {"worldbank/GB.XPD.RSDV.GD.ZS"}
    assert by_span(reads, "under 1.5 per cent").role == "earlier"


# --- a previous record is a base, and its year is no year of the text's -----------------------------------------------

RECORD = ("China posted a record trade surplus of $1.19 trillion for the full year 2025, customs data showed. It "
          "beat the previous record of around $992–993 billion in 2024 by about 20 per cent. Exports totalled around "
          "$3.77 trillion, up 5.5 per cent on year.")


def test_a_previous_record_is_a_base(store):
    reads = spot.spot(RECORD, store=store, published="2026-01-14")
    ends = [c for c in reads if c.span in ("$992–993 billion", "993 billion")]
    assert [c.role for c in ends] == ["earlier", "earlier"]  # a range's high end is what its low end is
    assert by_span(reads, "about 20 per cent").frame["period"] == "2025"


def test_the_year_of_a_previous_record_does_not_date_the_next_sentence(store):
    read = _read(store, RECORD, "around $3.77 trillion", "2026-01-14")
    assert read.frame["period"] == "2025"
    assert _series(read) == "gacc/goods_exports"


def test_a_record_of_its_own_year_is_no_base(store):
    """Near wording: "a record $992 billion in 2024" is the figure itself."""
    read = _read(store, "China posted a record trade surplus of $992 billion in 2024.", "$992 billion", "2025-01-14")
    assert read.role == "figure" and read.frame["period"] == "2024"


# --- "$US" --------------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, unit", [
    ("a surplus of more than $US77.7 billion", 77.7e9, "USD"),
    ("just over $US68.3 billion in August", 68.3e9, "USD"),
    ("$US5.2bn", 5.2e9, "USD"),
    ("about $HK178 billion", 178e9, "HKD"),
])
def test_a_dollar_with_its_country_after_the_sign(text, value, unit):
    [figure] = read_figures(text)
    assert (figure.value, figure.unit) == (value, unit)


def test_a_word_glued_to_a_number_is_still_no_figure():
    assert read_figures("the US77 model and the G20") == []


# --- growth on the month before -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["up 1.2 percent on July", "up 1.2 percent on the month",
                                   "up 1.2 percent month-over-month", "up 1.2 percent on the previous month"])
def test_a_growth_on_the_month_before_is_month_on_month(store, words):
    text = f"China exported $284.9 billion of goods in August, down 8.8 percent from a year earlier, but {words}."
    read = _read(store, text, "1.2 percent", "2023-09-07")
    assert read.frame.get("base_period") == "2023-07"
    assert _series(read) == "gacc/goods_exports"  # the growth from two stored levels, not a year-on-year rate


@pytest.mark.parametrize("text, span", [
    ("China's exports rose 5.2 percent in August on a year earlier, the customs said in a release dated on July 7.",
     "5.2 percent"),
    ("Exports rose 5.8 percent in August, improving on July, when they grew 4.8 percent.", "5.8 percent"),
    ("Exports fell 3 percent on the month in August but rose 8.7 percent on the year.", "8.7 percent"),
    ("Commenting on the month, analysts said exports rose 4.4 percent in August from a year earlier.", "4.4 percent"),
])
def test_on_a_month_away_from_the_rate_is_no_month_on_month(store, text, span):
    """Near wordings: a date ("on July 7"), "improving on July", "on the year", "commenting on the month"."""
    assert not (_read(store, text, span, "2023-09-07").frame.get("base_period") or "").startswith("2023-0")


# --- a year a run started in is no period of the text's; "that year" points back to it -----------------------------------

def test_a_year_a_run_started_in_does_not_date_the_next_sentences(store):
    text = "Imports have been falling since September, 2022. Exports rose 5 percent to $300 billion in the month."
    assert not _read(store, text, "$300 billion", "2023-10-13").frame["period"].startswith("2022")


def test_a_since_of_cause_still_dates_the_next_sentence(store):
    """Near wording: "Since the surplus in 2022 hit a record, ..." names the year the text speaks of."""
    text = "Since China's goods trade surplus in 2022 hit a record, officials were pleased. It was $877.6 billion."
    assert _read(store, text, "$877.6 billion", "2024-03-07").frame["period"] == "2022"


# --- a run's start in a clause of its own; a year in brackets after a figure ---------------------------------------------

def test_the_year_an_event_started_a_run_does_not_date_the_next_sentences(store):
    text = ("Goods trade reached 45.47 trillion yuan in 2025. This marked the longest continuous expansion since China "
            "joined the World Trade Organization in 2001. High-tech product exports reached 5.25 trillion yuan, a jump "
            "of 13.2 percent.")
    read = _read(store, text, "5.25 trillion yuan", "2026-02-12")
    assert read.frame["period"] == "2025" and _series(read) == "gacc/high_tech_exports"


@pytest.mark.parametrize("text, span, year", [
    ("China's rank in the Global Innovation Index moved up from 43rd place (2010) to 11th place (2024).", "11th", "2024"),
    ("China's rank in the Global Innovation Index moved up from 43rd place (2010) to 11th place (2024).", "43rd", "2010"),
])
def test_a_year_in_brackets_right_after_a_figure_is_its_own(store, text, span, year):
    assert _read(store, text, span, "2025-06-01").frame["period"] == year


@pytest.mark.parametrize("text, span, year", [
    ("China's GDP was $18.7 trillion (2023 prices) in 2024.", "$18.7 trillion", "2024"),
    ("China's goods trade surplus was $992 billion (2023: $823 billion) in 2024.", "$992 billion", "2024"),
])
def test_brackets_that_are_not_the_figures_year(store, text, span, year):
    assert _read(store, text, span, "2025-06-01").frame["period"] == year


def test_a_years_figure_in_brackets_is_a_base(store):
    """"5.86 million (2023: 4.91 million)": the bracket is last year's figure, a base; the figure is not 2023's."""
    reads = spot.spot("China's vehicle exports totalled 5.86 million (2023: 4.91 million).", store=store,
                      published="2025-01-14")
    assert by_span(reads, "4.91 million").role == "earlier"
    assert by_span(reads, "5.86 million").frame["period"] != "2023"
    assert all(c.verdict not in ("contradicted", "misleading") for c in reads)


# --- curly apostrophes read as the straight one, shown as written -------------------------------------------------------

def test_a_curly_apostrophe_reads_as_a_straight_one(store):
    """"6.57 per cent of China’s total R&D spending" (U+2019) is read as "China's" is: basic research's share."""
    text = ("China spent a record 202 billion yuan on basic research last year, ranking it second globally, but it "
            "came to just 6.57 per cent of China’s total R&D spending.")
    read = _read(store, text, "6.57 per cent", "2023-09-18")
    assert _series(read) == "nbs/basic_research_share_pct"


def test_spans_and_sentences_are_shown_as_written(store):
    text = "China’s exports rose 7.1% in 2024 to $3.58 trillion, beating last year’s record."
    reads = spot.spot(text, store=store, published="2025-01-14")
    assert {c.sentence for c in reads} == {text}
    assert all(text[c.start: c.end].strip() == c.span for c in reads)


def test_a_percentage_of_gdp_stays_a_ratio_to_gdp(store):
    """Near wording: "equal to 2.65 percent of GDP" after R&D spending is R&D intensity."""
    text = "China's R&D spending grew 8.1 percent in 2023 to 3.33 trillion yuan, equal to 2.65 percent of GDP."
    assert _series(_read(store, text, "2.65 percent", "2024-03-01")) == "nbs/rd_intensity"


# --- a share a flow fell from is no fall -----------------------------------------------------------------------------------

@pytest.mark.parametrize("verb", ["fell", "slipped", "declined"])
def test_a_share_moved_down_from_is_a_positive_level(store, verb):
    text = f"China's share of PCT applications {verb} from 25.1 percent in 2022."
    read = _read(store, text, "25.1 percent", "2024-03-07")
    assert read.value == 25.1 and read.verdict not in ("contradicted", "misleading")


# --- a previous record's date ----------------------------------------------------------------------------------------------

def test_a_previous_records_date_is_its_own(store):
    reads = spot.spot("China's PCT filings of 70,160 in 2024 beat the previous record of 59,570 set by the United "
                      "States in 2021.", store=store, published="2025-03-01")
    assert by_span(reads, "59,570").frame["period"] == "2021"


def test_a_previous_record_without_a_date_is_left_open(store):
    read = _read(store, "China's surplus of $992 billion in 2024 beat the previous record of $877.6 billion.",
                 "$877.6 billion", "2025-01-14")
    assert read.period is None and read.verdict not in ("contradicted", "misleading")


def test_a_range_from_one_number_to_another_is_no_base(store):
    reads = spot.spot("China's PCT filings in 2024 were in a range from about 68,000 to 71,000.", store=store,
                      published="2025-03-01")
    assert {c.role for c in reads} == {"figure"}


# --- a flow's "last month" right before its verb -------------------------------------------------------------------------

def test_a_flow_last_month_is_the_month_before_the_texts_date(store):
    read = _read(store, "Official customs data showed that exports last month jumped 10.7 percent year-on-year.",
                 "10.7 percent", "2025-01-14")
    assert read.frame["period"] == "2024-12" and read.frame["period_from"] == "assumed"


@pytest.mark.parametrize("text", [
    "China's goods trade surplus last month was $586 billion on a cumulative basis.",
    "A white paper issued last month says China's goods trade surplus was $992 billion.",
    "Customs data last month showed China's goods trade surplus was $98.24 billion.",
])
def test_last_month_is_never_a_ground_for_accusing(store, text):
    """Near wordings (a cumulative figure, a report's date): never contradicted on the month before the text's."""
    assert all(c.verdict not in ("contradicted", "misleading") for c in spot.spot(text, store=store,
                                                                                 published="2025-07-20"))


# --- a streak's figure: after it when the one before is another measure's; in the next sentence ------------------------

def test_a_streak_holds_the_figure_of_its_own_measure_after_it(store):
    text = ("Customs data showed imports rising by 3 percent in October, while exports continued their decline for "
            "the sixth consecutive month, falling by 6.4 percent to USD274.8 billion.")
    read = _read(store, text, "sixth consecutive month", "2023-11-07")
    assert read.period == "2023-05/2023-10" and _series(read) == "gacc/goods_exports_usd_yoy_pct"


@pytest.mark.parametrize("text", [
    "Exports to the US have fallen for seven straight months. Exports fell 1.1% in October.",  # a partner's streak
    "Exports have dropped for the fourth month in a row. Exports rose 2% in August.",  # the other direction
])
def test_a_streak_is_not_tied_to_the_next_sentences_figure(store, text):
    """A streak with no figure in its sentence stays about nothing held: the next sentence's figure may be another
    partner's, product's or month's (the second review found each)."""
    read = next(c for c in spot.spot(text, store=store, published="2023-11-07") if "months" in c.span or "row" in c.span)
    assert read.match is None


# --- "(September 2023: -6.3 per cent)"; "a 6.4 percent annual decrease" ---------------------------------------------------

def test_a_months_figure_in_brackets_is_a_base(store):
    text = "China's imports rebounded by 3.0 per cent y-o-y (September 2023: -6.3 per cent y-o-y) in October."
    reads = spot.spot(text, store=store, published="2023-11-08")
    assert by_span(reads, "-6.3 per cent").role == "earlier"
    assert by_span(reads, "3.0 per cent").frame["period"] == "2023-10"


def test_an_annual_decrease_in_a_text_on_a_month_is_the_months_change(store):
    text = ("Exports in October fell from a year before. Imports increased by 3 percent annually, while exports saw "
            "a 6.4 percent annual decrease.")
    assert _read(store, text, "6.4 percent", "2023-11-08").frame["period"] == "2023-10"


# --- second review's mends -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vehicle exports (2023: 4.91 million) reached 5.86 million in 2024.",
    "China's vehicle exports totalled 5.86 million in 2024 (2023: 4.91 million).",
])
def test_a_bracketed_base_keeps_its_own_year_wherever_it_stands(store, text):
    read = _read(store, text, "4.91 million", "2025-03-01")
    assert read.role == "earlier" and read.frame["period"] == "2023"


def test_last_month_does_not_date_a_full_year(store):
    read = _read(store, "Exports last month pushed full-year growth to 5.5%.", "5.5%", "2026-01-14")
    assert "last month" not in " ".join(read.frame.get("notes", []))


def test_last_month_leaves_a_compared_rates_base_undated(store):
    """"slowed to 4.4% from 5.9%": the base is the month before's rate, not last year's annual one."""
    read = _read(store, "Exports last month slowed to 4.4% from 5.9%.", "5.9%", "2026-01-14")
    assert read.frame.get("period") != "2024" and read.verdict not in ("contradicted", "misleading")


def test_a_record_set_after_a_comma_keeps_its_year(store):
    reads = spot.spot("China's surplus of $992.2 billion beat the previous record of $877.6 billion, set in 2022.",
                      store=store, published="2025-03-01")
    assert by_span(reads, "$877.6 billion").frame["period"] == "2022"
    assert by_span(reads, "$992.2 billion").frame["period"] != "2022"


def test_a_dollar_with_its_country_in_a_base(store):
    reads = spot.spot("China's surplus was $US992 billion, up from $US823 billion in 2023.", store=store,
                      published="2025-03-01")
    assert by_span(reads, "$US992 billion").frame["period"] == "2024"
    assert by_span(reads, "$US823 billion").role == "earlier"


# --- dev167's first-run accusation: a list of ratio bases, and a base never accused -------------------------------------

RATIO_BASES = ("Last year's R&D intensity, defined as the ratio of expenditure to GDP, was 2.68 per cent, up from 2.58 per "
               "cent in 2023, 2.49 per cent in 2022 and 2.38 per cent in 2021.")


def test_a_list_of_bases_of_a_ratio_are_ratios(store):
    reads = [c for c in spot.spot(RATIO_BASES, store=store, published="2025-01-24") if c.span != "2.68 per cent"]
    assert [c.role for c in reads] == ["earlier"] * 3
    assert all(c.unit == "percent of GDP" for c in reads)


def test_a_base_near_the_published_figure_is_not_accused(store):
    """"up from 2.58 per cent in 2023" in 2025: NBS revised its intensities after the economic census; the store holds
    the earlier 2.65. A figure the text compares with, within 5% of the published one, may be a revised one: needs
    review at most (a base far from it is still contradicted: test_spot_pass12)."""
    reads = spot.spot(RATIO_BASES, store=store, published="2025-01-24")
    assert all(c.verdict not in ("contradicted", "misleading") for c in reads if c.role == "earlier")
    wrong = spot.spot("China's PCT filings fell from 71,000 in 2022 to 69,610 in 2023.", store=store,
                      published="2024-03-07")
    assert by_span(wrong, "71,000").verdict == "needs-review"


@pytest.mark.parametrize("words, period", [
    ("topping the previous record of $328.6 billion in September", "2025-09"),
    ("topping the previous record of $328.6 billion set in September", "2025-09"),
])
def test_a_previous_records_month_is_its_own(store, words, period):
    """The final review: a record's month after it dates it, as its year does."""
    text = f"China's exports hit $340 billion in October 2025, {words}."
    assert _read(store, text, "$328.6 billion", "2025-11-10").frame["period"] == period
