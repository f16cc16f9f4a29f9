"""Frames: for each figure of a sentence, what the text says it measures, read with the article's context.

A `Frame` holds the measure, subject, basis, entity, period (and base period), transformation, kind,
comparator and role the text gives a figure, and for each dimension where it came from: "stated"
(in the sentence), "context" (carried from an earlier sentence: a year, "these batteries"),
"assumed" (a default the text does not give: China for an article about China, goods for "exports")
or "" (open). Only stated and context values count as determined (matching.py, drafting.py).

`Context` is what is carried across sentences (published date, last period, last subject and
place); `frames_of` reads one sentence with it and updates it: one pass over the text.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass, field
from datetime import date

from indicators import cache, catalogue, numbers
from indicators.spot.figures import (ANOTHER_RANKING, ANOTHER_SCALE, GII_NAMED, MULTIPLIED, RANK_STEPS, YEAR, Figure,
                                      check_and_step, comparator_for, read_figures, streak_after, table_header_unit,
                                      table_line)
from indicators.spot.text import numbered_items
from indicators.spot.vocabulary import (Mention, alternatives, city_names, mentions, organisations, unit_kind, vocabulary,
                                         world_cue)

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
"""The months' names, as a regular expression's alternatives (one home for every pattern here)."""
PART_OF_A_YEAR = r"(?:(?:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of)[\s-]+)?"
"""Words naming a part of a year before it, as a regular expression ("late", "mid-", "the end of"), optional."""
BASE_BEFORE = re.compile(r"(?<!\w)(?:that of|those of|from|since|than|compared (?:with|to)|versus|vs\.?|relative to|"
                         r"similar to|similarly to|same as|the same|unchanged|(?<!well\s)(?<!such\s)(?<!\w)as(?=\s+in\s)|"
                         r"over|against)\s+(?:in\s+|(?:that|those)\s+(?:in|of)\s+|"
                         r"the\s+(?!(?:same\s+|corresponding\s+)?(?:period|level|figure|year)\s)|"
                         r"(?:its|their|the country's|the nation's|China's)\s+)?"
                         r"(?:the\s+(?:same\s+|corresponding\s+)?(?:period|level|figure|year)\s+(?:of|in)\s+)?"
                         rf"{PART_OF_A_YEAR}(?:(?:{MONTHS})\s+)?$", re.I)
"""A year that is a comparison's base: "than 2022", "(5.9% higher) than in 2023", "up 3.7 percent from the 2023
level", "over the same period of 2022", "rose one place from its 2024 position"; with its month: "since April 2023",
"compared to April 2023", "from May 2022", "compared with that in 2019"; with a part of it: "since late last year", "from mid-2023"; a likeness:
"is now at 53rd, as in 2020"; whole words only (not the "Vs" of "NEVs in 2023", the "over" of "turnover in 2023")."""
BASE_DATE_BRACKET_BEFORE = re.compile(rf"(?i)\b(?:from|than|compared\s+(?:with|to)|versus|against|on|over)\s+"
                                      rf"(?:the\s+)?(?:(?:{MONTHS})\s+)?(?:19|20)\d{{2}}\s*\(\s*$")
"""Before a figure in brackets, a comparison's base date ("up 87% from March 2023 ($197 million)"): the base's level."""
THAT_OF_A_PART_BEFORE = re.compile(r"(?i)(?<!\w)(?:that|those)\s+of\s+the\s+(?:[a-z-]+\s+){1,3}$")
"""A year whose part is a comparison's base ("close to that of the high season last year", "those of the peak months
in 2022")."""
MULTIPLE_BASE_BEFORE = re.compile(r"\b(?:times|double|triple|quadruple|twice)\s+(?:(?:that|those|the\s+(?:level|figure|"
                                  r"amount|total|number|volume|value))\s+(?:of|in|seen\s+in|recorded\s+in)\s+)?"
                                  r"(?:(?:in\s+)?the\s+same\s+(?:period|month|quarter)\s+(?:of\s+|in\s+)?)?$")
"""A year that is a multiple's base: "nearly five times the level in the same month last year", "more than triple
last year's installation figure", "double 2023's" (not "to double in 2024": the year it doubles in; lower case, not
"a Financial Times 2023 analysis")."""
BASE_RIGHT_AFTER = re.compile(r"(?i),?\s+(?:up\s+|down\s+)?from\s+(?:an?\s+|the\s+)?")
"""Between a figure and its base right after it ("to 8.3% from 4.4%", "at 7.4%, up from 1.3%")."""
PRIOR = r"(?:the\s+)?(?:previous|prior|preceding)"
"""The words of the period before the one a text speaks of ("the previous", "prior"): never the text's own period
("last" may be: "last year's exports" in a text on that year)."""
PREVIOUS_PERIOD = rf"(?:{PRIOR}|last)\s+(month|quarter|year)"
"""The period before the one a text speaks of, as an owner's words ("the previous month", "last year"; its unit the
group), one home for the patterns that read a base figure it owns ("from the previous month's 6.8% loss")."""
PREVIOUS_RECORD = r"(?:previous|prior|earlier|old)\s+(?:annual\s+)?(?:record|high|peak|best)"
"""A record a figure beat, named ("the previous record", "its old high"): one home for the patterns reading it as a
base (EARLIER_BEFORE, EARLIER_FIGURE_BEFORE, PREVIOUS_RECORD_BEFORE)."""
PREVIOUS_RECORD_OF = rf"\b{PREVIOUS_RECORD}\s+(?:of\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|some\s+)?"
"""Right before the record's figure ("the previous record of about ")."""
EARLIER_BEFORE = re.compile(r"(?:\b(?:up|down|rising|falling|increased|decreased|grew|rose|fell|jumped|surged|climbed)\s+)?"
                            r"\b(?:(?:from|compare[ds]? (?:with|to)|versus|in\s+contrast\s+(?:to|with))\s+(?:a total of\s+|"
                            r"(?:just\s+)?(?:about|around|nearly|almost|over|under|roughly|approximately|more\s+than|"
                            r"less\s+than)\s+|some\s+|an?\s+|rank\s+|its\s+|their\s+|just\s+|only\s+|the\s+|"
                            rf"(?:(?:last\s+)?(?:{MONTHS})|(?:19|20)\d{{2}}|{PREVIOUS_PERIOD})"
                            r"['’]s\s+)?|"
                            rf"(?:after|following|reversing|reversed)\s+(?:an?|the|{PREVIOUS_PERIOD}['’]s|(?:{MONTHS})['’]s)\s+|"
                            rf"{PRIOR}\s+(?:month|quarter|year)['’]s\s+|"
                            r"(?:up|down|higher|lower|gain|improvement|increase|rise|decline|drop|fall|deterioration)\s+on\s+"
                            rf"(?:(?:last\s+)?(?:{MONTHS})(?:\s+(?:19|20)\d{{2}})?|{PREVIOUS_PERIOD})['’]s\s+"
                            r"(?:about\s+|around\s+)?|"
                            rf"{PREVIOUS_RECORD_OF}|"
                            rf"compare[ds]?\s+(?:with|to)\s+(?:that|those)\s+(?:of|in)\s+(?:{PREVIOUS_PERIOD}|(?:19|20)\d{{2}})"
                            r"\s*(?:of|,|at|:)\s*(?:about\s+|around\s+)?)$|"
                            rf"\(\s*(?:(?:{MONTHS})(?:\s+(?:19|20)\d{{2}})?|(?:19|20)\d{{2}})\s*:\s*(?:(?:up|down)\s+)?$", re.I)
"""Before a base figure: "up from 4.4%", "compared with a 7.1% rise", "versus about 20", "up from rank 14", "a leap
from its 61st position", "after a 8.7% drop", "following a 12.7% jump", "reversing a 3.4% contraction", "widening from
the previous month's 6.8% loss", "compared to the 22.1 GW in June", "up 20% from last July's 7.1 GW", "in contrast to
the 1.8 percent increase in May", "following prior month's 3.4 percent decline", "down on May's $103.22bn", "a
significant improvement on May's 34.5% slump", "expanding the previous month's 6.8%
drop" (the period before's figure is a base wherever it is said; not "last year's", which may be the text's own
year), "imports jumped 7.4% (August: 1.3%)", "5.86 million (2023: 4.91 million)"."""
SCORES_SAID = re.compile(r"(?i)\b(?:scor\w*|points?)\b")
"""Words saying a sentence's numbers are scores ("Top scorers: Switzerland (67)")."""
PLACES_SAID = re.compile(r"(?i)\b(?:rank\w*|top\s+\d+|places?|positions?|leaders?|most[-\s]innovative|No\.\s*\d)")
"""Words saying a sentence speaks of places in a ranking ("Top 20 in GII 2019 ranking:", "regional leaders")."""


def _bracketed_places(sentence: str, figures: list[Figure], places) -> list[Figure]:
    """The sentence's numbers in brackets after economies when they are places in a ranking ([] when not): whole
    numbers up to 200, in a sentence that speaks of places ("Top 20 in GII 2019 ranking: Switzerland (1), Sweden (2)",
    "regional leaders") or a bulleted list ("Sweden (2) • Netherlands (9) • US (4)"); not counts ("China (26) and the
    United States (20)", "China (70,160)"), scores ("Top scorers: Switzerland (67)") or moves ("China (+24)")."""
    bracketed = [f for f in figures if _bracketed_after_place(sentence, f, places)]
    values = [abs(f.value) for f in bracketed]  # ("(13)" after "Hong Kong (China)" is read as a negative)
    if not values or any(v != int(v) or not 1 <= v <= 200 for v in values) or SCORES_SAID.search(sentence) \
            or any(re.match(r"\(\s*[+−–-]", sentence[f.start: f.end]) for f in bracketed):
        return []
    return bracketed if PLACES_SAID.search(sentence) or "•" in sentence else []


def _bracketed_after_place(sentence: str, figure: Figure, places) -> bool:
    """A whole number in brackets right after an economy's name ("the U.S. (4)", "Hong Kong (China) (14)")."""
    opening = sentence.rfind("(", 0, figure.start + 1)
    if opening < 0 or sentence[opening: figure.start].strip("( ") or not re.match(r"\s*\)", sentence[figure.end - 1:]) \
            and not re.match(r"\s*\)", sentence[figure.end:]):
        return False
    return any(re.fullmatch(r"\s*(?:\([^()]*\)\s*)?", sentence[p.end: opening]) for p in places)


RANK_ROW = re.compile(r"^\W*(?:\d{1,3}[.)]\s+)?(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z(][\w.'’()-]*){0,4}"
                      r"\s*[—–:-]\s*\d{1,3}\b(?:\s*\((?:(?:up|down)\s+from\s+\d{1,3}(?:\s+in\s+(?:19|20)\d{2})?|"
                      r"the\s+same[^)]*|"
                      r"unchanged|new(?:\s+entry)?)\))?\s*[,.;]?\s*$")
"""A row of a ranking listed after the text names it ("Finland — 6 (up from 9 in 2022),"): its numbers are places."""
AFTER_BARE = re.compile(r"(?i)\b(?:after|following)\s+(?:(?:about|around|nearly|almost|over|some)\s+)?$")
"""Before a rate or an amount with no article ("Imports grew 1.3 per cent, following 4.1 per cent growth a month
earlier"): a base figure too."""
COMPARED_BEFORE = re.compile(r"(?i)\bthan\s+(?:that\s+of\s+|those\s+of\s+)?the\s+(?:(?:[^,;.]|\.(?=\d))*?\s+and\s+the\s+)?"
                             r"(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:about\s+|around\s+)?$")
"""Before a figure the sentence compares with: "lower than the $80.6 billion", "slower than the expected decline of",
"than the expected decline of 7.6 percent and the" (a list of them)."""
THAN = re.compile(r"(?i)\bthan\b")
THRESHOLD_AFTER = re.compile(r"(?i)\s*(?:[\w-]+\s+)?(?:mark|threshold|milestone|level|barrier|target|benchmark)\b")
CLAUSE = re.compile(r";|,\s+(?:while|whereas|but|and|with|compared|of which|among which|among them|although|"
                    r"even though|though)\b|\bwhile\b|"
                    r"\bwhereas\b|\s[–—]\s")
AGENT = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,2}?(?:exported|imported|shipped|sold|produced|made|manufactured|filed|"
                   r"granted|built|installed)\s+by\s+(?:the\s+)?")
"""Between a figure and a place: a passive verb and "by" ("4.91 million exported by China", "1.2 million units
sold by Germany"): the place is the figure's (the agent)."""
OPENING = re.compile(r"(?i)^\s*(?:with|at|after|having|on|despite|thanks\s+to|at\s+a\s+level\s+of)\b[^,;]*$")
"""A sentence's opening phrase up to a figure ("With a score of 66.0", "At 4.91 million"), before its first comma."""
PLACE_BRACKET = re.compile(r"\s*\((?:[^()A-Za-z]|(?<=\d)(?:st|nd|rd|th)\b)*")
"""A figure in brackets right after a place is the place's ("Sweden (62.6)", "Korea (4th / +2)"): the bracket holds
no words but ordinal endings, so "(up from 3rd in Asia, ..." does not bind."""
PLACE_WITH = re.compile(r"\s+(?:with|at|had|has|on|having)\s+(?:about\s+|around\s+)?$", re.I)
GDP_BEFORE = re.compile(r"(?:ratio|share|proportion|percentage)\s+(?:of|to)\s+(?:the\s+)?(?:country['’]s\s+|nation['’]s\s+)?"
                        r"(?:GDP|gross domestic product)(?:\s*\(GDP\))?\s+(?:was|is|stood at|stands at|reached|of|at)\s+"
                        r"(?:about\s+|around\s+|barely\s+|just\s+|only\s+|nearly\s+|almost\s+|roughly\s+)?$", re.I)
EPITHET = re.compile(r"(?i)\b(?:the\s+)?world['’]?s\s+(?:\w+[\s-]+)?(?:largest|biggest)\s+(?:economy|exporter|importer|"
                     r"trading nation|market|manufacturer)")
"""'the world's second largest economy' names an economy (the text's), not the world and not GDP."""
EPITHET_NARROWED = re.compile(r"(?i)\s+(?:of|in|for|by|on)\b")
"""After an epithet's noun, words narrowing it ("the world's largest exporter of cars", "... by value")."""
EPITHET_PAST = re.compile(r"(?i)\b(?:once|long|formerly|former|previously|then|until\s+recently)\s+(?:the\s+)?$")
"""Before an epithet, words making it another time's ("once the world's biggest exporter", "long the world's ...")."""


def _epithet_places(sentence: str, places: list[Mention]) -> list[Mention]:
    """The economy the sentence names by an epithet alone ("the world's second-largest economy": China; vocabulary
    `economy_epithets`), as a place: none when the sentence names an economy otherwise (the epithet may be its:
    "Germany, long the world's biggest exporter"), a word narrows the noun or sets it in another time."""
    if [p for p in places if p.value != "WLD"]:
        return []
    known = vocabulary().get("economy_epithets") or {}
    found = []
    for m in EPITHET.finditer(sentence):
        if EPITHET_NARROWED.match(sentence, m.end()) or EPITHET_PAST.search(sentence, 0, m.start()):
            continue
        said = re.sub(r"\s+", " ", re.sub(r"^(?:the\s+)?world['’]?s\s+", "", m.group(0), flags=re.I).replace("-", " "))
        if (code := known.get(said.lower())) is not None:
            found.append(Mention(m.start(), m.end(), code, m.group(0)))
    return found


CAUSE = re.compile(r"(?i)\b(?:(?:driven|boosted|supported|helped|fuell?ed|propelled|spurred|underpinned)\s+by|thanks to|"
                   r"due to|because of|owing to|on the back of|amid(?:st)?|,\s*reflecting)\b(?:[^;.]|\.(?=\d))*")  # "77.6":
# a decimal point ends no cause
"""A cause phrase ("rose one place ..., driven by strong performances in R&D investment", "enters the Top 10 ...,
reflecting ... its tech exports", "declined 4.6% amid sluggish global demand"): the subjects, measures and the world
named in it are what moved the figure, never what the figure measures or whose it is."""


def _causes(sentence: str) -> list[tuple[int, int]]:
    """Where the cause phrases are: to the end of the sentence, or to the first comma when the sentence opens with
    one ("Driven by strong demand, exports rose 30%": the exports are the figure's) or it is one of conditions
    ("amid economic uncertainty, WIPO said")."""
    spans = []
    for m in CAUSE.finditer(sentence):
        end = m.end()
        if not sentence[: m.start()].strip() or m.group(0)[:4].lower() == "amid":
            # "... amid economic uncertainty, WIPO said": the conditions end at the comma
            comma = sentence.find(",", m.start())
            end = comma if 0 <= comma < end else end
        spans.append((m.start(), end))
    return spans


def _blanked(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with the spans' words blanked out, offsets kept (what is said outside them)."""
    for a, b in spans:
        sentence = sentence[:a] + " " * (b - a) + sentence[b:]
    return sentence


def _outside_causes(causes, figure: Figure, measures: list[Mention], subjects: list[Mention]):
    """The measures and subjects a figure may take: not those in a cause phrase the figure is not in."""
    away = [(a, b) for a, b in causes if not a <= figure.start < b]
    if not away:
        return measures, subjects
    return ([m for m in measures if not any(a <= m.start < b for a, b in away)],
            [m for m in subjects if not any(a <= m.start < b for a, b in away)])


GDP_OWNER = r"(?:its|their|national|total|(?:the\s+)?(?:country|nation|economy|(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*)?)['’]s)\s+"
"""Whose GDP a ratio is taken of ("its", "the country's", "the UK's", "South Korea's"): a name's possessive only."""
GDP_DENOMINATOR_BEFORE = re.compile(r"(?i)\b(?:(?:as\s+a\s+)?(?:share|proportion|percentage|ratio)|percent|per\s+cent|%)\s+"
                                    r"(?:of|to)\s+(?:the\s+)?(?:" + GDP_OWNER + r")?$")
"""Before "GDP", the words of a ratio to it ("as a share of GDP", "percent of GDP"): GDP the denominator."""
GDP_AFTER = re.compile(r"\s*(?:of\s+(?:the\s+)?(?:" + GDP_OWNER + r")?(?:GDP|gross domestic product|economic output|"
                       r"economy(?![\w'’-]))"
                       r"|(?:relative\s+to|compared\s+(?:to|with)|in\s+relation\s+to)\s+(?:the\s+)?(?:" + GDP_OWNER
                       + r")?(?:GDP|gross domestic product)(?![\w'’-]|\s+(?:growth|expansion|deflator|target|"
                       r"figures?|data|forecasts?|estimates?)\b))", re.I)
"""'of the country’s GDP', 'of the UK's GDP' (either apostrophe), "of its economic output", "of its economy",
"compared to the gross domestic product", "relative to GDP" (not "compared with GDP growth"; nor after a change's
verb, `CHANGED_BEFORE`): a percentage of GDP."""
CHANGED_BEFORE = re.compile(r"(?i)\b(?:rose|rise|rises|rising|grew|grow|grows|growing|growth|increased?|increases|"
                            r"increasing|jumped|climbed|expanded|gained|up|down|fell|falls?|falling|declined?|"
                            r"declining|dropped|decreased?|slipped|surged|soared|by)\b[^,;.]{0,25}$")
"""A change's verb before a percentage ("rose 8.1% compared to GDP, which grew 5.2%"): the percentage is the change,
compared with GDP's, not a ratio to GDP."""
RELATIVE = {"this year": 0, "the current year": 0, "last year": -1, "the previous year": -1, "a year earlier": -1,
            "the year before": -1, "next year": 1,
            # "reached 2.69% for the past year": the last full year ("over the past year" is a window: not read)
            "for the past year": -1, "in the past year": -1, "during the past year": -1}
ANAPHORIC_YEARS = ("the previous year", "a year earlier", "the year before")
"""Relative years counted from the year the sentence speaks of (else from the published date)."""
RELATIVE_RE = re.compile(r"\b(" + "|".join(RELATIVE) + r")\b", re.I)
SAME_PART = r"the\s+(?:same|corresponding)\s+(?:period|time|month|quarter|half|months|stretch)"
"""The same part of another year ("compared to the same period in the previous year", "from the same time last
year", "over the corresponding month of 2022"; or a month: "compared to June last year"): with a comparison word
before it, that year is the base."""
# "the previous record of $838 billion set two years prior": N years before the sentence's own year ("ago": before
# the published date); a count of years in words or digits
YEARS_BACK_AFTER = re.compile(r"\s*(?:(?!(?:from|than|since|over)\b)[\w-]+\s+){0,3}?(one|two|three|four|five|six|seven|"
                              r"eight|nine|ten|\d{1,2})\s+years?\s+(prior|earlier|before|ago)\b", re.I)
YEAR_COUNTS = {**numbers.UNIT_WORDS, **numbers.TEENS}  # the reader's number words, "one" to "ten" used here
# "exports rose 4.8 percent last month" (the month before the published one); "from the previous month" and
# "than last month" are comparison bases, not the figure's month
FLOW_LAST_MONTH = re.compile(r"(?i)\b(?:exports?|imports?|shipments|surplus|deficit|sales|output|production)\s+"
                             r"last\s+month\s+(?=(?:\w+ed|rose|fell|grew|hit|was|were|reached|stood|came)\b)")
""""exports last month jumped", "the surplus last month rose to": a flow and its month, right before the verb."""
LAST_MONTH_AFTER = re.compile(r"\s*(?:(?!(?:from|than|over|since|versus|against|on)\b(?!-))[\w-]+\s+){0,2}?last\s+month\b",
                              re.I)  # ("7.0 percent on-year last month"; not "on last month")
MONTH_NUMBERS = {m: i + 1 for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                                   "august", "september", "october", "november", "december"))}
MONTH_NUMBERS.update({m[:3]: n for m, n in list(MONTH_NUMBERS.items())} | {"sept": 9})
MONTH_RANGE = re.compile(r"\b(?:(?:from\s+)?Jan(?:uary|\.)?\s*(?:to|-|–|through)|between\s+Jan(?:uary|\.)?\s+and|"
                         r"(?:in|for|during|over)\s+(?:the\s+months\s+of\s+)?Jan(?:uary|\.)?\s+(?:and|&)(?=\s*Feb))"
                         r"\s*(February|March|April|May|June|July|"
                         r"August|September|October|November|December|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?",
                         re.I)
"""January to a month: "January-November", "from January to April", "Jan-Nov", "Jan.-Sept.", "between January and
October"; "in January and February" (customs' first release of a year covers both months)."""
THROUGH_MONTH = re.compile(r"\b(?:[Tt]hrough|[Tt]hru|[Uu]p\s+to|[Uu]ntil|[Tt]ill|[Bb]y\s+the\s+end\s+of|[Tt]o\s+the\s+end\s+of|"
                           rf"[Ii]n\s+the\s+year\s+(?:through|to))\s+(?:the\s+end\s+of\s+)?({MONTHS})\b(?!\s+\d)")
"""The months of a year up to one ("Through August, exports ...", "in the year to October", "by the end of June"; not
"As of June", which may be a stock's date or a month's figure: "As of July, exports were worth $6 billion, the highest
monthly value so far this year"):
January to that month."""
YEAR_TO_MONTH = re.compile(rf"\b[Tt]he\s+year\s+(?:to|through|thru|until|up\s+to)\s+(?:the\s+end\s+of\s+)?({MONTHS})\b")
""""In the year to June 2025", "the year through October": January to that month, the twelve months to it, or that
month's change on a year before (British usage: "prices rose 3% in the year to June"). A rate is read as before (the
month when a year follows it, else January to it), a level as January to the month; both only assumed (`_period`):
never an accusation."""
FIRST_QUARTERS = re.compile(r"\b(?:first|initial)\s+(two|three|2|3)\s+quarters\b", re.I)
QUARTER_MONTHS = re.compile(r"(?i)\b(?:in|during|for|over)\s+(?:the\s+)?(April|July|October)\s*(?:-|–|to|through)\s*"
                            r"(June|September|December)(?:\s+(?:period|quarter|months))?\b")
"""A quarter named by its months ("in the April-June period", "during July to September"): that quarter (January to
March is MONTH_RANGE's)."""
MONTHS_BETWEEN = re.compile(rf"(?i)\b(?:in|during|for|over)\s+(?:the\s+)?({MONTHS})\s*(?:-|–|to|through)\s*({MONTHS})"
                            r"(?:\s+(?:period|months))?\b")
"""Months named as a run within a year, from a month after January ("during the March-April period", "in
September-October"): those months (from January is MONTH_RANGE's; a quarter's three QUARTER_MONTHS')."""
FIRST_MONTHS = re.compile(r"\b(?:(?:first|initial|opening)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})"
                          r"\s+months|the\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})-month\s+"
                          r"cumulative\s+period(?!\s+(?:to|through|ending|ended|from|between)\b))\b", re.I)
"""The first months of a year: "the first ten months", "in the ten-month cumulative period" (not "the three-month
period", which may be any three, nor "the three-month period ending June", a window)."""
SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11}
MONTH_COUNTS = {**SMALL, "twelve": 12}  # a count of months in words, up to a year's
TRAILING_MONTHS = re.compile(r"(?i)\b(?:(?P<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                             r"[\s-]+months?\s+(?:to|through|thru|ending|ended|up\s+to|until)|"
                             r"(?<=the\s)(?:fiscal\s+|financial\s+)?year\s+(?:ending|ended))\s+(?:the\s+end\s+of\s+)?"
                             rf"(?P<month>{MONTHS})\b")
"""The months up to one, counted back from it ("in the 12 months to June 2025", "the three months ended March 31",
"in the year ended June 2025": twelve): a window that may start in the year before (2024-07/2025-06), the way rolling
totals are reported. "The year to (through) August" is not one: it is as often January to August."""
DETERMINED = ("stated", "context")


@dataclass
class Frame:
    kind: str | None = None
    measure: str | None = None
    measure_from: str = ""
    measures: tuple[str, ...] = ()  # more than one when the text says "production and sales"
    sales_in_market: bool = False  # "vehicle sales in China": CAAM's total (with exports) or the sales at home
    subject: str | None = None
    subject_from: str = ""
    basis: str | None = None
    basis_from: str = ""
    text_basis: str | None = None  # the only source the text named so far (no basis in the paragraph): preferred
    entity: str | None = None
    entity_from: str = ""
    entity_bound: str = ""  # "strong" ("<place> with <figure>", "respectively", a place right after it), else ""
    entity_others: tuple[str, ...] = ()  # other economies the sentence names (not counterparts): a reason to abstain
    partner_unknown: str = ""  # "exports to Middle Earth": a destination named that no place resolves
    period: str | None = None
    period_from: str = ""
    base_period: str | None = None
    transformation: str | None = None
    transformation_from: str = ""
    whole_subject: str | None = None  # for a share of levels ("40.9 percent of all new car sales"): the whole's subject
    whole_measure: str | None = None  # and the measure both are counted by (sales)
    over_years: str = ""  # a growth over several years: "total" ("up 393% from 2020"), "average" ("6.5% annually")
    counterpart: str | None = None  # the partner of a flow ("exports to Europe": EU), a place code
    counterpart_words: str = ""  # the words naming it ("Europe")
    change_of: str = ""  # for a change ("up 0.2 percentage point" after "6.77 percent"): the kind of the level changed
    role: str = "figure"  # figure, earlier (a base figure: "up from 24"), conversion ("(146.5 billion U.S. dollars)"), leader
    sign: int = 1
    released_on: str = ""  # the day the text says its source came out ("released ... on September 1"), ISO, else ""
    period_readings: tuple[str, ...] = ()  # other periods the words allow ("10th in 2024" of the 2025 edition: 2025)
    form: str = ""  # a figure written in words that no series measures (wordforms.py): "streak", "duration", ...
    multiple: float | None = None  # a multiple judged as the growth it implies ("33-fold": +3,200%): the 33 said
    stand_in: str = ""  # why the series only stands in for what the text measures: the verdict is needs-review at most
    said_of_both: bool = False  # one rate said of two levels ("both up about 35 percent"): each reading is never an
    # accusation (the rate may be rounded for both, or true of one)
    sign_unsure: bool = False  # a rate after "to"/"from" beside a fall word ("falling to 0.9% growth"): sign a guess
    partner_scope: str = ""  # the region a partner's place is counted in ("the second-largest importer in Africa")
    threshold: tuple = ()  # for a count of partners: (value, unit, comparator) each one's flow passes ("over 100 MW")
    period_carried_from: tuple[str, ...] = ()  # a period carried from an earlier paragraph: the subjects it was about
    entity_named_as: str = ""  # an economy carried from earlier text: the words it was last named by ("Beijing")
    entity_carried_from: tuple[str, ...] = ()  # an economy carried from an earlier paragraph: the subjects it was about
    whole_world: bool = False  # a share whose whole is the world's ("25.4% of all PCT applications", "of world GDP")
    alone: bool = False  # the economy is the only one its clause names (others only in another clause: "..., while")
    compared_across: bool = False  # a comparison's base of another economy ("compared with 3.46% in the United States")
    notes: list[str] = field(default_factory=list)

    def open_dimensions(self) -> list[str]:
        """Dimensions not determined by the text or its context (assumed defaults count as open)."""
        needed = ["measure", "subject", "entity", "period"] + (["transformation"] if self.kind == "percent" else [])
        open_ = [d for d in needed if getattr(self, f"{d}_from") not in DETERMINED]
        if len(self.measures) > 1 and "measure" not in open_:
            open_.append("measure")
        return open_

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class Context:
    published: date | None = None
    period: str | None = None  # the last period stated (carried across sentences and paragraphs)
    subject: str | None = None  # the last subject stated
    measure: str | None = None
    place: str | None = None  # the economy the text is about so far (named most often)
    basis: str | None = None  # the source named last in the paragraph (whose figures they are)
    bases_named: set = field(default_factory=set)  # every source the text named so far
    last_entity: str | None = None  # the economy of the previous sentence's figures, when the sentence named it
    economies_before: tuple[str, ...] = ()  # the economies the previous sentence named ("China ... while Switzerland")
    paragraph: int = -1
    rank_subject: str | None = None  # what the last stated rank ranks ("10th in the innovation ranking")
    lede_ranking: str | None = None  # the ranking the opening paragraphs name, for a lede's places (ranking_named_early)
    rank_period: str | None = None  # the year of the last rank read in a ranking the text named (its edition)
    rank_period_of: str | None = None  # the ranking that rank was in (an edition dates only its own ranking's places)
    gii_before: bool = False  # the sentence before named the Global Innovation Index and no other scale
    listed_places: frozenset[int] = frozenset()  # offsets in the text of places in lists one item a line
    exports_of: str | None = None  # the subject of China's exports the text stated ("exported ... PV modules")
    partner_flow: bool = False  # the previous sentence with figures gave a flow to a partner ("Pakistan imported ...")
    mirror_flow: bool = False  # ... and read it as China's exports to that partner (its imports from China)
    pv_parts_paragraph: int | None = None  # the last paragraph naming PV modules or wafers (cells are then cells)
    partner: str | None = None  # that partner, when its flows had one ("shipped from China to Africa": region:Africa)
    partner_words: str | None = None  # its words in the text ("Africa")
    edition: str | None = None  # the year of an index's edition the text named ("the 2025 Global Innovation Index")
    released_on: str | None = None  # the day the text says its source came out, on or before its date (ISO)
    notes: set = field(default_factory=set)
    counts: dict = field(default_factory=dict)  # economy -> mentions so far
    world_paragraph: int = -1  # the last paragraph that spoke of the world ("global", "worldwide", "WIPO reports")
    world_here: bool = False  # the sentence read now, or its paragraph before it, spoke of the world
    named_any: bool = False  # an economy (not the world) was named in the text so far, in any role
    list_transformation: str | None = None  # what the percentages of a list are, as the sentence introducing it
    list_paragraph: int | None = None  # ("..., followed by their respective percentage share, were as follows:") said
    said: dict = field(default_factory=dict)  # (value, unit) -> the frame of the last figure so given, its measure read
    counted: "Frame | None" = None  # the last count of a stored subject in the sentence before (its noun may be left out)
    rate: "Frame | None" = None  # the last growth rate of the sentence before ("This growth rate is 2.2 points higher")
    intensity: "Frame | None" = None  # the last R&D spending's ratio to GDP of the sentence before ("China spent 2.68%
    # of its GDP on R&D. The United States spends about 3.5 percent")
    intensity_paragraph: int = -1  # and its paragraph (the ratio is carried within it only)
    period_paragraph: int = -1  # the paragraph of the sentence that set `period`
    period_subjects: tuple[str, ...] = ()  # and the subjects that sentence named
    named_in: dict = field(default_factory=dict)  # economy -> (paragraph, subjects) of the last sentence naming it
    named_as: dict = field(default_factory=dict)  # economy -> the words it was last named by ("Beijing", "China")
    last_named: str | None = None  # the economy named last, not as a partner: what "the country" refers to
    last_region: tuple[str, int] | None = None  # the region or bloc named last, and its paragraph: what "the bloc"
    # refers to in that paragraph
    table: tuple[str, int] | None = None  # a table whose header was a line of its own: its value column's unit and
    # the rank of its last row read (`_table_lines`)

    @property
    def country(self) -> str | None:
        """The economy "the country" names when its sentence names none before it: the one named last (not a partner),
        else the one the text is about so far."""
        return self.last_named or self.place


@dataclass
class Read:
    """A figure of a sentence with its frame and the wording around it."""

    figure: Figure
    frame: Frame
    comparator: str
    wording: str  # the comparator's words before the figure
    check: str
    step: float | None
    unit: str
    value: float


def _nearest(items: list[Mention], start: int, end: int, clause: tuple[int, int], after_too: bool = True) -> Mention | None:
    """The mention nearest the figure in its clause (before it first), else the nearest in the sentence."""
    a, b = clause
    inside = [m for m in items if start <= m.start and m.end <= end]  # the figure's own unit word: "nine clusters"
    before = [m for m in items if a <= m.start and m.end <= start]
    if inside and before and before[-1].value != inside[0].value and catalogue.within(before[-1].value, inside[0].value):
        return before[-1]  # "Sales of BEVs came to 6.685 million vehicles": the unit word is broader than the subject
    if inside:
        return inside[0]
    if before:
        return before[-1]
    after = [m for m in items if end <= m.start < b] if after_too else []
    if after:
        return after[0]
    return None


@functools.lru_cache(maxsize=8)  # asked once per figure of a sentence: split the sentence once
def _clauses(sentence: str) -> tuple[tuple[int, int], ...]:
    cuts = [0] + [m.start() for m in CLAUSE.finditer(sentence)] + [len(sentence)]
    return tuple((cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1))


def clause_around(sentence: str, offset: int) -> tuple[int, int]:
    """Where the clause holding `offset` starts and ends in the sentence (for the readers beside the frames)."""
    return _clause_of(_clauses(sentence), offset)


def _clause_of(clauses: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= offset < b:
            return a, b
    return clauses[-1]


@cache.memo("spot: sub-annual periods", 512)
def _subannual(sentence: str, year: str) -> tuple[str | None, str]:
    """A period below a year named in the sentence, as the tidy frame's code, with its words."""
    code, words, _ = _subannual_at(sentence, year)
    return code, words


@cache.memo("spot: sub-annual periods at", 512)
def _subannual_at(sentence: str, year: str) -> tuple[str | None, str, int]:
    """The same, with where the words are (-1 when none)."""
    code, words = _subannual_words(sentence, year)
    return code, words, (sentence.lower().find(words.lower()) if words else -1)


@cache.memo("spot: sub-annual periods, all", 512)
def _subannual_all(sentence: str, year: str) -> tuple[tuple[str, str, int], ...]:
    """Every part of a year the sentence names, (code, words, where), in order: "surplus in September hit
    USD90.45 billion ... taking Jan-Sep's surplus to USD875.1 billion" names September and January-September."""
    found, rest, offset = [], sentence, 0
    while True:
        code, words, at = _subannual_at(rest, year)
        if not code or at < 0:
            break
        found.append((code, words, offset + at))
        cut = at + len(words)
        rest, offset = rest[:at] + " " * len(words) + rest[cut:], offset  # blank it out, keep the offsets
        if len(found) > 8:
            break
    return tuple(sorted(found, key=lambda t: t[2]))


def _subannual_near(sentence: str, year: str, start: int, base_months: frozenset = frozenset()) -> tuple[str | None, str, int]:
    """The part of a year nearest before the figure, else the nearest after it, leaving out the months of base
    figures ("accelerating from 4.4% in August": August is the 4.4%'s); (None, "", -1) when none is left."""
    found = [f for f in _subannual_all(sentence, year) if f[2] + len(f[1]) not in base_months]
    before = [f for f in found if f[2] < start]
    after = [f for f in found if not re.search(r"(?i)(?:alone|['’]s\s)$", f[1])  # "December alone": its figures follow
             and not (f[2] > start and BASE_FIGURE_BETWEEN.search(sentence, start, f[2]))]
    # "fell 1.9%, down from 3.5% growth in the first two months": a part of the year after a base figure is the base's
    after = [f for f in after if not CUMULATED_BETWEEN.search(sentence, start, f[2])]
    # "The goods trade surplus was 98.24 billion US dollars, accumulating to $683.51 billion from January to July":
    # the months after a running total are the total's, not the month's figure before it
    attached = [f for f in after if start < f[2] <= start + 60 and not CLAUSE_BREAK.search(sentence, start, f[2])]
    if before and attached and CLAUSE_BREAK.search(sentence, before[-1][2], start):
        return attached[0]  # "falling until March, but exports rose 8.1% in April": the figure's own clause's month
    return before[-1] if before else (after[0] if after else (None, "", -1))


CUMULATED_BETWEEN = re.compile(r"(?i)\b(?:accumulat(?:ing|ed)|bringing|taking|brought|took|pushing)\s+(?:the\s+|its\s+)?"
                               r"(?:(?:cumulative|total|accumulated|year-to-date)\s+)?(?:[\w-]+\s+){0,2}?to\s+[$€¥£]?\d")
"""A running total after a figure ("accumulating to $683.51 billion", "bringing the total to ...", "taking the
year's surplus to ..."): a part of the year named after it is the total's."""
CHANGE_NOUNS = r"(?:growth|rise|increase|decline|decrease|drop|fall|contraction|gain|expansion|slump|jump|surge|dip)"
"""Nouns of a change ("the 4.8% increase", "a 15% decline")."""
COMPARISON_WORDS = r"from|than|compared\s+(?:with|to)|versus|against"
"""The words that start a comparison's base ("up from rank 14", "higher than", "compared to 7.1%")."""
BASE_FIGURE_BETWEEN = re.compile(rf"(?i)\b(?:{COMPARISON_WORDS})\s+(?:[^\s\d]+\s+){{0,3}}?[$€¥£]?\d")
"""A base figure ("down from 3.5%", "compared to 7.1% y/y growth"): what follows it dates the base, not the figure
before it (not "from a year earlier", which has no figure)."""
CLAUSE_BREAK = re.compile(r"[,;]|\s(?:but|while|whereas)\s")
"""Between two clauses of a sentence (a period named in another clause dates its figures, not this one's)."""


RELEASED_IN = "".join(rf"(?<!{verb} )" for verb in ("published", "released", "announced", "issued", "unveiled",
                                                     "launched", "out", "report", "said", "reported", "showed", "stated"))
"""Before "in <month>", the words of a release ("the index, published in September", "customs said in January"): when
it came out, not the period of its figures."""
RELEASE_VERB_BEFORE = re.compile(r"(?i)\b(?:said|published|released|announced|issued|reported|showed|stated)\s+(?:on\s+|in\s+)$")
"""Before a month and year, the words of a release ("CAAM said in January 2025"): when it came out, not a period."""
MONTH_NAMED = re.compile(rf"\b{RELEASED_IN}(?:[Ii]n|[Dd]uring|[Ff]or)\s+({MONTHS})\b(?!\s*(?:and|&|-|–|through)\s)"
                         rf"(?!\s+to\s+(?!(?:US\$|[$€¥£]|USD\s*|RMB\s*|CNY\s*)?\d))"
                         rf"|\b({MONTHS})(?:\s+alone\b|['’]s\s)"
                         rf"|^\s*({MONTHS})(?=\s+(?:saw|brought|recorded|registered|marked|showed|witnessed)\b)"
                         rf"|(?:^\s*|\b(?:[Tt]he|[Ii]ts|[Tt]heir|China['’]s|[Tt]he\s+country['’]s|[Ww]hen|[Ww]hile|[Ww]hereas|and|but)\s+)({MONTHS})(?=\s+(?:exports|imports|"
                         r"trade|shipments|sales|output|production|surplus|trade\s+surplus|figures?|data)\b)")
"""A month the sentence dates its figures by: "in December", "In January 2024", "during May", "Exports for August",
"in April to $205.21 billion" (not "in January and February", "in April to June"), and without a preposition only where
the words single it out ("December alone surpassed 4 trillion yuan", "December's exports", a sentence opening with
it as what saw the figures: "December saw the trade surplus reach ...", or naming the month's measure at the start of
a sentence or after a determiner or "when": "December exports alone jumped 10.7%", "China's November imports", "the
previous year, when March exports surged", "while August shipments rose 28%"); a bare
"December" may be a release date
("on December 7") and is not read."""


@cache.memo("spot: year to date", 256)
def _year_to_date(sentence: str) -> str:
    """The words saying a figure is of the year so far ("so far this year", "year-to-date"), '' when none
    (vocabulary `subannual` YTD without a month: those with one are read as a range)."""
    low = sentence.lower()
    if (m := SINCE_JANUARY.search(sentence)) and not RECORD_BEFORE.search(sentence, 0, m.start()):
        return m.group(0)  # "has imported 15.4 GW since January"
    for w in vocabulary()["subannual"]["YTD"]:
        if re.search(r"\d|month|january|jan", w.lower()):
            continue
        for said in re.finditer(rf"(?<![\w]){re.escape(w.lower())}(?![\w])", low):
            if not RECORD_BEFORE.search(sentence, 0, said.start()):
                return w
    return ""


RECORD_WORDS = (r"(?:first|only|biggest|largest|fastest|strongest|weakest|slowest|highest|lowest|best|worst|sharpest|"
                r"steepest)")
"""The words of a record ("the first increase", "the steepest drop")."""
RECORD = (rf"\b{RECORD_WORDS}\s+(?:[\w-]+\s+){{0,2}}?(?:increase|rise|gain|decline|drop|fall|growth|expansion|"
          r"contraction|pace|level|rate|reading)s?\s+")
"""A record said of a figure ("the first increase", "its fastest pace", "the highest level"; not "the first half")."""
RECORD_THIS_YEAR = re.compile(rf"(?i){RECORD}(?:so\s+far\s+)?this\s+year\b")
"""A record within the year ("in the first increase so far this year", "its fastest pace this year"): the year is
the record's window, not a figure's period."""
RECORD_BEFORE = re.compile(rf"(?i){RECORD}$")
"""Before "so far this year" or "since January", a record it qualifies ("growing 1.1% in the first increase so far
this year", "its fastest pace so far this year"): the record's window, not the figure's period."""


SINCE_JANUARY = re.compile(r"(?i)\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?January\b(?!\s*,?\s*(?:19|20)\d{2})")
"""January named as where the year so far starts ("since January", not "since January 2023")."""


def _trailing_window(year: str, last: int, n: int) -> str:
    """The code of the `n` months up to month `last` of `year`: a year, a half or quarter, January to a month, or a
    window across two years ("2024-07/2025-06")."""
    end = f"{year}-{last:02d}"
    start = months_back(end, n - 1)
    if start[:4] != year:
        return f"{start}/{end}"
    if n == 12:
        return year
    return {(3, 3): f"{year}-Q1", (3, 6): f"{year}-Q2", (3, 9): f"{year}-Q3", (3, 12): f"{year}-Q4",
            (6, 6): f"{year}-H1", (6, 12): f"{year}-H2"}.get((n, last), f"{start}/{end}")


def _from_january(year: str, months: int) -> str:
    """January to the `months`-th month of `year` as a period code: the quarter or half it makes ("2024-Q1",
    "2024-H1"), a single month, else the span ("2024-01/2024-10")."""
    if months == 1:
        return f"{year}-01"
    return {3: f"{year}-Q1", 6: f"{year}-H1"}.get(months, f"{year}-01/{year}-{months:02d}")


def _subannual_words(sentence: str, year: str) -> tuple[str | None, str]:
    low = sentence.lower()
    m = TRAILING_MONTHS.search(sentence)
    if m and year.isdigit():
        word = (m.group("count") or "twelve").lower()  # "the year ended June": twelve months
        n = int(word) if word.isdigit() else MONTH_COUNTS[word]
        if 1 <= n <= 12:
            return _trailing_window(year, MONTH_NUMBERS[m.group("month").lower()], n), m.group(0)
    m = MONTH_RANGE.search(sentence)
    if m:
        last = MONTH_NUMBERS[m.group(1).lower()]
        code = _from_january(year, last)
        return code, m.group(0)
    m = QUARTER_MONTHS.search(sentence)
    if m and MONTH_NUMBERS[m.group(2).lower()] == MONTH_NUMBERS[m.group(1).lower()] + 2:
        return f"{year}-Q{(MONTH_NUMBERS[m.group(2).lower()]) // 3}", m.group(0)
    m = MONTHS_BETWEEN.search(sentence) if not re.search(r"(?i)\brespectively\b", sentence) else None
    if m and 1 < MONTH_NUMBERS[m.group(1).lower()] < MONTH_NUMBERS[m.group(2).lower()]:
        return f"{year}-{MONTH_NUMBERS[m.group(1).lower()]:02d}/{year}-{MONTH_NUMBERS[m.group(2).lower()]:02d}", m.group(0)
    m = THROUGH_MONTH.search(sentence)
    if m:
        last = MONTH_NUMBERS[m.group(1).lower()]
        return _from_january(year, last), m.group(0)
    m = MONTH_NAMED.search(sentence)
    if m and not MONTH_RANGE.search(sentence):
        return f"{year}-{MONTH_NUMBERS[next(g for g in m.groups() if g).lower()]:02d}", m.group(0)
    m = re.search(rf"\b({MONTHS})(?=\s+{year}\b)", sentence)  # "March 2024 had two fewer working days"
    if m and not MONTH_RANGE.search(sentence) \
            and not RELEASE_VERB_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):  # not "CAAM said in January 2025"
        return f"{year}-{MONTH_NUMBERS[m.group(1).lower()]:02d}", m.group(0)
    m = FIRST_QUARTERS.search(sentence)
    if m:  # "the first three quarters": January to September
        n = 3 * (SMALL.get(m.group(1).lower()) or int(m.group(1)))
        return ({6: f"{year}-H1"}.get(n, f"{year}-01/{year}-{n:02d}")), m.group(0)
    m = FIRST_MONTHS.search(sentence)
    if m:
        count = m.group(1) or m.group(2)
        n = SMALL.get(count.lower()) or int(count)
        return _from_january(year, n), m.group(0)
    for code, words in vocabulary()["subannual"].items():
        if code == "YTD":
            continue
        for w in words:
            if re.search(rf"(?<![\w]){re.escape(w.lower())}(?![\w])", low):
                return f"{year}-{code}", w
    return None, ""


EDITION = re.compile(r"(?i)\b((?:19|20)\d{2})\s+(?:edition\b|GII\b|Global\s+Innovation\s+Index\b|(?:[A-Z][\w&-]*\s+){0,3}"
                     r"(?:Index|Ranking|Rankings)\b)|\b(?:GII|Global\s+Innovation\s+Index|Index|Ranking)(?:\s*\([A-Z]{2,6}\))?"
                     r"\s+((?:19|20)\d{2})\b")
"""An index's edition named by its year ("the 2025 Global Innovation Index", "GII 2023", "the 2025 edition",
"the Global Innovation Index (GII) 2025", "the WIPO 2025 Sci-Tech Cluster ranking"):
the period of the ranks the text gives without a year of their own."""
COMPARISON_START = re.compile(rf"(?i)\b(?:{COMPARISON_WORDS}|since)\b")
"""Where a comparison's base starts (COMPARISON_WORDS, or "since")."""
NOW_BEFORE = re.compile(r"(?i)\b(?:now|currently|today|at present|presently)\b")
"""The present said before a figure in its clause ("China is now the world's 12th most innovative nation")."""
ATTACHED_YEAR = re.compile(r"\s*(?:in|for|by(?:\s+the\s+end\s+of)?)\s+((?:19|20)\d{2})\b")
"""A year right after a figure ("11th in 2022", "5.9 percent for 2023", "rising to 12 by 2021"): the figure's own."""
TWO_ATTACHED_YEARS = re.compile(r"\s*(?:in|for)\s+((?:19|20)\d{2})\s+and\s+((?:19|20)\d{2})\b(?!\s*(?:,|respectively))")
"""Two years right after a figure ("up from rank 14 in 2020 and 2019"): the figure held in each."""
EARLIER_FIGURE_BEFORE = re.compile(r"(?:from|than|compared (?:with|to)|versus|against|"
                                   rf"{PREVIOUS_RECORD}\s+of)\s+"
                                   r"(?:(?:its|their)\s+)?(?:about\s+|around\s+)?"
                                   r"(?:(?:rank|place|position|No\.)\s*)?"
                                   r"(?:(?:US\$|[$€¥£]|USD\s*|RMB\s*)?[\d.,]+(?:[–-][\d.,]+)?(?:st|nd|rd|th)?|"
                                   + "|".join(sorted(numbers.ORDINAL_WORDS, key=len, reverse=True)) + r")"
                                   r"(?:\s*(?:%|percent|per cent|thousand|million|billion|trillion|place|position|spot|"
                                   r"GW|GWh|MW|units|vehicles|cars|yuan|dollars|U\.S\. dollars|tonnes|tons|"
                                   r"applications|patents)\b){0,2}(?:\s*,?\s+(?:set|recorded|reached|posted|hit)\b"
                                   r"[^,;.]{0,30}?)?\s+(?:in\s+)?"
                                   r"(?:(?:the\s+)?(?:(?:first|second|third|fourth|final|last)\s+(?:quarter|half)|"
                                   r"(?:" + MONTHS + r")|same\s+(?:period|month|quarter|time|months))\s+(?:of\s+|in\s+)?)?$",
                                   re.I)
"""A year right after an earlier figure ("up from 21 last year", "from 3.1 million in 2022", "down from 11th in
2022", "up from tenth in 2022", "from 5.2 percent in the fourth quarter of last year", "up 26% from 53.93 GW in 2023", "from $3.4 trillion in 2022", "a leap from its 61st position in 2023", "from 21.9 GW in the same period last year") is that figure's base. Only measure units:
"from 20 countries in 2023" names where from, and its year stays the sentence's."""
MORE_OR_LESS_BEFORE = re.compile(r"(?i)\b(?:more|less)\s+$")
FIGURE_OR_COMMA_BEFORE = re.compile(r"(?:\d\S*(?:\s+(?!(?:to|of|at|by|in|on|from|with|reached|hit|exceeding|"
                                    r"reaching|topping|hitting)\b)[A-Za-z.$%]+){0,2}|,)\s*$", re.I)
"""A figure and at most two of its unit words ("54 billion dollars", "5%"), or a comma, right before "more/less than":
not "77.6 percent to" ("soared 77.6 percent to more than 1.2 million units in 2023": a bound, the year the figure's)."""


def _earlier_figure_before(text: str) -> bool:
    """`text` ends with an earlier figure's words (EARLIER_FIGURE_BEFORE). "More/less than" a figure makes it a base
    only after another figure or a comma ("5% more than 3.3 trillion in 2022", "54 billion dollars less than 877.6
    billion dollars in 2022", "rose to 1.5 million, more than 679,000 in 2022"); after a word it bounds the figure
    itself ("grew less than 5 percent in 2023", "filed more than 3 million patents last year")."""
    found = EARLIER_FIGURE_BEFORE.search(text)
    if not found:
        return False
    said = MORE_OR_LESS_BEFORE.search(text, 0, found.start())
    return not said or bool(FIGURE_OR_COMMA_BEFORE.search(text, 0, said.start()))


EVENT_YEAR = re.compile(r"\bthe\s+(?:(?:ongoing|annual|upcoming|recent|latest|first|\d+(?:st|nd|rd|th))\s+)?((?:19|20)\d{2})\s+"
                        r"(?:(?:[A-Z(][\w&()'’.-]*|for|the|of|and|on|in)\s+){0,12}(?:Congress|Forum|Summit|Conference|Expo|Fair|Games|Olympics|"
                        r"Assembly|Festival|Exhibition|Awards?|Symposium|Convention|Dialogue|Meeting)\b")
"""A year in the name of an event ("the ongoing 2024 International Association for the Protection of Intellectual
Property (AIPPI) World Congress"): where something was said, not the period of a figure."""

RELEASE_DATE = re.compile(r"(?i)\b(?:released|published|announced|issued|unveiled|reported|said|data)\b[^.;:]{0,100}?"
                          rf"\bon\s+(?:(?:{MONTHS})\s+\d{{1,2}},?|\d{{1,2}}\s+(?:{MONTHS}),?)\s+((?:19|20)\d{{2}})\b")
"""The year of a release's date ("data released by WIPO on March 7, 2024", "the figures, published on 12 January
2024"): when the figures came out, not their period."""
MONTH_ABBREVIATIONS = "|".join(sorted(numbers.MONTHS - set(MONTHS.split("|")), key=len, reverse=True))
"""The months' short names ("Feb", "Sept"), from the number reader's list (their one home)."""
DATELINE = re.compile(r"\((?:[^()]{0,80}?)\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:" + MONTHS + "|" + MONTH_ABBREVIATIONS
                      + r")\.?,?\s+|(?:" + MONTHS + "|" + MONTH_ABBREVIATIONS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+)"
                      r"((?:19|20)\d{2})\s*\)")
"""The year of a dateline's date in brackets ("BEIJING, (UrduPoint / Pakistan Point News / WAM - 28th Feb, 2025) China's
lithium battery ... growth ... in 2024"): when the story was filed, not a figure's period."""
RELEASE_DATE_FIRST = re.compile(r"(?i)\bon\s+(?:(?:" + MONTHS + r")\s+\d{1,2},?|\d{1,2}\s+(?:" + MONTHS + r"),?)\s+"
                                r"((?:19|20)\d{2})\b(?=[^.;:]{0,120}?\b(?:released|published|announced|issued|unveiled|"
                                r"reported|disclosed|revealed|made public)\b)")
"""The year of a release's date said before the release ("On February 29, 2024, the National Bureau of Statistics
unveiled the statistical communique for 2023"): when the figures came out, not their period (a date with its day
and a release verb after it in the sentence; "On March 1, 2024, exports rose" stays the figures' date)."""
RELEASED_ON = re.compile(r"(?i)\b(?:released|published|unveiled|issued)\b[^.;:]{0,100}?\bon\s+(" + MONTHS + r")\s+"
                         r"(\d{1,2})\b(?:,?\s+((?:19|20)\d{2})\b)?")
"""The day a text says its source came out ("the latest ... Cluster study released by WIPO on September 1"): the
year of its edition is out (matching: `latest_periods`)."""
RELEASED_DAYS_AGO = re.compile(r"(?i)\b(?:GII|Global\s+Innovation\s+Index)(?:\s*\([A-Z]{2,6}\))?"
                               r"(?:\s+((?:19|20)\d{2}))?,?\s+(?:(?:which|that)\s+(?:was|were)\s+)?"
                               r"(?:released|published|unveiled|issued|launched)\s+(?:by\s+(?:[\w'’-]+\s+){1,4}?)?"
                               r"(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:earlier\s+)?this\s+week|today|"
                               r"yesterday)\b")
"""The GII said to have come out days before the text ("according to WIPO's Global Innovation Index released on
Tuesday"): the edition out by the text's date, named by the text's year (GII 2025, out in September 2025), unless the
words name its year ("the GII 2024 released on Tuesday")."""
CHANGE_ON = re.compile(r"(?i)(?:%|\bpercent|\bper cent|\b(?:drop|fall|decline|decrease|rise|increase|gain|jump|growth|"
                       r"up|down|higher|lower|more|less))\s+on\s+(?:the\s+)?$"
                       r"|(?:%|\bpercent|\bper\s+cent)\s+(?:(?:drop|fall|decline|decrease|rise|increase|gain|jump|growth)\s+)?"
                       rf"on\s+(?:{MONTHS})\s+$")
"""A year after a change and "on" is its base ("a 5.3% drop on 2022", "up 4 percent on 2023"); with its month only
right after a rate ("55% growth on January 2022"; not "were up on March 2023 ($197 million)", the base's own level)."""


SPANS_OF_A_CHANGE = (r"(?i)\b(MoM|m/m|m-o-m|month-on-month|month on month|YoY|y/y|y-o-y|year-on-year|year on year|QoQ|q/q|"
                     r"q-o-q|quarter-on-quarter|quarter on quarter)\s+")
BASE_WORDS = r"(?:from|compared\s+(?:with|to)|versus|against)\s+(?:about\s+|around\s+|nearly\s+)?$"
BASE_OF_A_CHANGE = re.compile(SPANS_OF_A_CHANGE + BASE_WORDS)
"""Before a change's base figure, the span the change is over ("down 12% MoM from 17.34 GW": the month before; how far
back: the vocabulary's `sequential_months`, a year for the year-on-year words)."""
BASE_LEVEL_OF_A_CHANGE = re.compile(SPANS_OF_A_CHANGE + r"(?:" + CHANGE_NOUNS + r"s?\s+)?" + BASE_WORDS)
"""So, for a base level, with the change's noun between ("a 4% month-on-month increase from 21.2 GW"); not for a
base rate ("a deceleration of year-on-year growth from 8.6%": the month before's growth)."""


def _base_of_a_change(sentence: str, figure: Figure, frame: Frame) -> re.Match | None:
    """The span words of the change a base figure is the base of, right before it (`BASE_OF_A_CHANGE`; for a level,
    `BASE_LEVEL_OF_A_CHANGE`), None when none."""
    pattern = BASE_OF_A_CHANGE if frame.kind in ("percent", "percentage_points") else BASE_LEVEL_OF_A_CHANGE
    return pattern.search(sentence, max(0, figure.start - 40), figure.start)


YEAR_SPAN_JOIN = re.compile(r"\s*(?:to|through|until|till|-|–|—)\s*")
"""Between the two years of a span ("from 2020 to 2022", "2020-2022")."""
SPAN_COMPARED = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|than|versus|against|relative\s+to|average)\b")
"""Before a span of years, words making the span a comparison's base ("compared to the average ... from 2020")."""


BRACKET_OPEN_BEFORE = re.compile(rf"(?i)\(\s*(?:(?:{MONTHS})\s+)?$")
"""Before a year, a bracket opening on it (and its month): "(2023: 4.91 million)", "(September 2023: ...)"."""


def _years(sentence: str, published: date | None, anchor: str | None = None) -> list[tuple[int, str, bool, str]]:
    """(offset, year, is a comparison base, how) for each year in the sentence, relative years resolved ("the
    previous year" from the sentence's own year, else from `anchor`, the year the text speaks of so far)."""
    found = []
    events = [(e.start(1), e.end(1)) for e in (*EVENT_YEAR.finditer(sentence), *RELEASE_DATE.finditer(sentence),
                                                        *RELEASE_DATE_FIRST.finditer(sentence), *DATELINE.finditer(sentence))]
    previous = None  # the last year read: (where it ends, whether it is a base)
    for m in YEAR.finditer(sentence):
        if any(a <= m.start() < b for a, b in events):
            continue  # "the ongoing 2024 AIPPI World Congress": the year names the event, not a figure's period
        before = sentence[max(0, m.start() - 40): m.start()]
        wider = sentence[max(0, m.start() - 80): m.start()]  # "from 5.2 percent in the fourth quarter of 2023"
        base = bool(BASE_BEFORE.search(before) or THAT_OF_A_PART_BEFORE.search(before) or _earlier_figure_before(wider)
                    or CHANGE_ON.search(before)
                    or MULTIPLE_BASE_BEFORE.search(before)
                    or BRACKET_OPEN_BEFORE.search(before) and re.match(r"\s*:", sentence[m.end():]))
        # ("(2023: 4.91 million)", "(September 2023: -6.3 per cent)": a base's year)
        base = base or bool(COMPARABLE_PERIOD_BEFORE.search(before)) and not re.match(r"['’]s\b", sentence[m.end():])
        # ("$150.8bn higher than the comparable period in 2024": a base year; not "... in 2024's 128 GW", the base's own)
        base = base and not BY_YEAR_BEFORE.search(before)  # "surged from about 100 to nearly 70,000 by 2023": the end
        if previous and previous[1] and (LIST_JOIN.fullmatch(sentence[previous[0]: m.start()])
                                         or YEAR_SPAN_JOIN.fullmatch(sentence[previous[0]: m.start()])
                                         and SPAN_COMPARED.search(sentence, max(0, previous[2] - 60), previous[2])):
            base = True  # "up from rank 14 in 2020 and 2019", "compared to the average for the same period from 2020
            # to 2022": a year listed after a base year, or ending a span compared with, is one too ("$230 billion in
            # subsidies from 2009 to 2023" is the figure's span)
        found.append((m.start(), m.group(1), base, "year"))
        previous = (m.end(), base, m.start())
    for m in RELATIVE_RE.finditer(sentence):
        if m.group(1).lower() == "last year" and re.search(r"(?i)\bthe\s+$", sentence[max(0, m.start() - 5): m.start()]):
            continue  # "increased exports to Europe by 14.8% over the last year": the past twelve months, a window
        shift = RELATIVE[m.group(1).lower()]
        year = str(published.year + shift) if published else None
        compared = re.search(r"(?P<word>from|since|than|compared (?:with|to)|over|versus|against|similar to|(?<!\w)like|"
                             r"same as)\s+(?:(?:that|those)\s+(?:of|in)\s+)?(?:(?:in|during|over)\s+(?=the\s))?(?:(?:"
                             + SAME_PART + "|(?P<month>" + MONTHS
                             + r"))\s+(?P<of>(?:of|in)\s+)?)?" + PART_OF_A_YEAR + "$",
                             sentence[max(0, m.start() - 40): m.start()], re.I)
        # "up from ... the previous year", "the fastest pace since July last year", "77% more than in the same period
        # last year"; "a month-on-month increase of 1.8%
        # compared with June this year": another month of this year, compared with
        base = bool(compared) and (shift < 0 or shift == 0 and bool(compared.group("month")) and not compared.group("of")
                                   and compared.group("word").lower() in ("from", "than", "versus", "against",
                                                                          "compared with", "compared to"))
        base = base or _earlier_figure_before(sentence[max(0, m.start() - 80): m.start()])
        base = base or shift < 0 and bool(THAT_OF_A_PART_BEFORE.search(sentence, max(0, m.start() - 60), m.start()))
        base = base or shift < 0 and bool(MULTIPLE_BASE_BEFORE.search(sentence, max(0, m.start() - 60), m.start()))
        base = base or shift < 0 and bool(AFTER_CLAUSE_SAME_PART.search(sentence, max(0, m.start() - 90), m.start()))
        base = base or (m.group(1).lower() in ANAPHORIC_YEARS
                        and bool(re.search(r"(?<!\w)(?:from|than|compared (?:with|to)|over)\s+(?:the\s+)?$",
                                           sentence[max(0, m.start() - 16): m.start()], re.I)))
        if m.group(1).lower() in ANAPHORIC_YEARS:
            # "30.16 million units were churned out last year, an increase of 11.6 per cent from the previous year":
            # the year before the sentence's own year, not before the published one
            # (a base without a year of the sentence counts from the text's: "compared with 31.6 percent a year
            # earlier" after 2024; "the growth of trade in the previous year" in a speech counts from its date)
            own = [y for off, y, b, _ in found if off < m.start() and not b and y and y.isdigit()] or [anchor if base else None]
            year = str(int(own[-1]) - 1) if own[-1] else year
        found.append((m.start(), year, base, m.group(1)))
        found.sort(key=lambda t: t[0])
    if published:  # "in this 17th edition of the index": the edition out by the text's date, its year
        found += [(m.start(), str(published.year), False, m.group(0)) for m in THIS_EDITION.finditer(sentence)]
    return sorted(found, key=lambda t: t[0])


COMPARABLE_PERIOD_BEFORE = re.compile(r"(?i)\b(?:than|compared\s+(?:with|to))\s+the\s+"
                                      r"comparable\s+(?:period|months?|quarter|half)\s+(?:of|in)\s+$")
"""Before a year, "the comparable period in": the year is a comparison's base."""
BY_YEAR_BEFORE = re.compile(r"(?i)\d[\d,.]*\s*(?:[a-z%]+\s+){0,2}by\s+(?:the\s+end\s+of\s+)?$")
"""Between a figure and a year, "by" ("nearly 70,000 by 2023", "5 million units by the end of 2024"): the year the
figure was reached, never a comparison's base."""
THIS_EDITION = re.compile(r"(?i)\b(?:this|this year's|the current|the latest)\s+(?:[\w-]+\s+)?edition\b")
"""The edition a text speaks of as its own ("this 17th edition", "this year's edition"): the published year's (an
index's edition is named by its year: GII 2024, out in September 2024), not a year carried from an earlier edition
the text compares with ("since it ranked third in the 2012 edition")."""


RANKING_FIELD = re.compile(r"(?i)\b(?:first|second|third|top|largest|biggest|leading|highest|No\.\s*1|number one|"
                           r"\w+est)\s+(?:\w+\s+){0,3}?(?:in|of|around)\s+the\s+world\b|"
                           r"\bworld['’]?s\s+(?:\w+[\s-]+)?(?:\w+est|top|leading|dominant|first|second|third|number one|"
                           r"No\.\s*1)\b")
"""The world as the field of a ranking ("ranking first in the world", "the world's largest filer", "the world’s
dominant manufacturer of solar panels"): not the world spoken of as the whole a figure counts."""


LIST_SIZE = re.compile(r"(?i)(?:\b(?:the|among|in|of|a)|['’]s)\s+top[\s-]+$")
"""A count right after "top" names a list's size ("the world's top 100 innovative sci-tech clusters", "among the top
50 filers"): what the list holds is counted elsewhere, never by it (a rank after "top" is a threshold: figures.py;
"sales rose 4.5 percent to top 31.436 million units": "top" a verb, the figure a count)."""


LIST_JOIN = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
DATED_LIST_JOIN = re.compile(r"\s+(?:in|for)\s+(?:19|20)\d{2}\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
"""Between two figures of a list each dated ("2.58 per cent in 2023, 2.49 per cent in 2022")."""


def _listed_parent(subjects: list[Mention], sentence: str) -> str | None:
    """The last subjects of a sentence without figures listed one after another ("solar panels, lithium batteries,
    and electric vehicles"): the narrowest subject holding them all (the new trio), which "such products" in the
    next sentence points back to; None when they are not listed or nothing but all goods holds them."""
    run = [subjects[-1]]
    for m in reversed(subjects[:-1]):
        if not LIST_JOIN.fullmatch(sentence, m.end, run[0].start):
            break
        run.insert(0, m)
    values = {m.value for m in run if not m.value.startswith("other:")}
    if len(values) < 2:
        return None
    shared = set.intersection(*(catalogue.ancestors(v) for v in values)) - values - {"goods"}
    return max(shared, key=lambda s: len(catalogue.ancestors(s)), default=None)


NOT_CARRIED = ("other:counted", "other:rate", "other:industry", "other:target", "other:group_average",
               "other:duration", "other:streak", "other:edition", "other:list_size", "other:average")
"""Subjects of one figure only, named right beside it: never the subject the next sentences carry ("out of more
than 130 countries. The top three are ..." stays about the index)."""


@functools.lru_cache(maxsize=1)
def _not_series_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a counted noun right after a figure, a rate noun right after it, a rate noun and "of" right before it)."""
    nouns = vocabulary()["not_series_nouns"]
    counted, rates = (r"(?:" + "|".join(re.escape(w) for w in nouns[k]) + r")\b" for k in ("counted", "rates"))
    gap = r"\s+(?:(?!of\b|in\b|to\b|and\b|from\b)[a-z][\w-]*\s+)?"
    number = r"\S+(?:\s+(?:hundred|thousand|million|billion))?"  # the reader may take the noun into the figure
    return (re.compile(number + gap + counted, re.I), re.compile(r"\s*" + gap.replace(r"\s+", "", 1) + rates, re.I),
            re.compile(r"\b" + rates + r"\s+(?:of|at)\s+(?:up\s+to\s+|as\s+(?:much|high)\s+as\s+|about\s+|around\s+|some\s+)?$",
                       re.I))


@functools.cache  # built once from the vocabulary shipped in the package
def _made_of_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(the words of an index's make-up right before a figure, one of its parts right after it)."""
    nouns = vocabulary()["not_series_nouns"]
    return (re.compile(rf"(?i)\b(?:{alternatives(nouns['made_of'])})\s+(?:(?:about|around|some|nearly|over|more\s+than|"
                       r"roughly|approximately)\s+)?$"),
            re.compile(rf"(?i)\S+\s*(?:{alternatives(nouns['parts'])})\b"))  # the figure, its part (perhaps its unit)


GAP_AFTER = re.compile(r"(?i)\s+(?:higher|lower|greater|bigger|smaller|larger|(?:more|less|fewer)\s+than\s+"
                       r"(?!(?:doubled|tripled|trebled|quadrupled|halved|double|triple|twice)\b))")
"""After an amount, words making it a gap between two amounts ("China's clean technology exports were $30 billion
higher", "$5 billion more than a year earlier"), not a level ("more than doubled" is a multiple's)."""


PERIODS_AFTER = re.compile(r"(?i)[\s-]+(?:years?|months?|decades?|weeks?|days?|quarters?)\b"
                           r"(?![\s-]+(?:on|to|over|ago|earlier|before|old)\b)")
"""Right after a count in digits, periods: the count is a duration ("it took 31 years", "in 10 years")."""


SECTOR_OUTPUT = re.compile(r"(?i)\b(?:economy|sector|industry|industries)['’]s\s+economic\s+output\b|"
                           r"\b(?:industrial|manufacturing|agricultural|digital|sectoral|regional|provincial|urban|rural)\s+"
                           r"economic\s+output\b|"
                           r"\beconomic\s+output\s+of\s+(?:the\s+)?(?!(?:China|the\s+country|the\s+nation)\b)[a-z]")
"""A sector's "economic output" ("the digital economy's economic output", "the economic output of high-tech
manufacturing"): not the economy's GDP (not "the economic output of China")."""


def _not_series_noun(frame: Frame, figure: Figure, sentence: str) -> None:
    """A count of what no series counts ("over 150 member countries") or a percentage that is a rate no series
    holds ("tariffs of up to 60%", "a 100% tariff"), named right beside the figure (vocabulary
    `not_series_nouns`): an "other:" subject, so that no series of the sentence is judged against it."""
    counted, rate_after, rate_before = _not_series_patterns()
    lead = figure.said_from
    if frame.kind == "count" and counted.match(sentence, figure.start):
        frame.subject, frame.subject_from = "other:counted", "stated"
        frame.notes.append("a count of what no series counts (“150 member countries”)")
    elif frame.kind == "count" and (made := _made_of_patterns())[1].match(sentence[figure.start: figure.end + 20]) \
            and made[0].search(sentence[max(0, lead - 40): lead]):
        frame.subject, frame.subject_from = "other:counted", "stated"
        frame.notes.append("how many parts an index is made of (“based on 80 indicators”), not a count its rows hold")
    elif frame.kind == "count" and not figure.form and abs(figure.value) <= 500 and PERIODS_AFTER.match(sentence, figure.end):
        frame.subject, frame.subject_from = "other:duration", "stated"
        frame.notes.append("a number of years or months (“it took 31 years”): no stored series counts it")
    elif frame.kind in ("money", "count", "power", "energy") and GAP_AFTER.match(sentence, figure.end):
        frame.subject, frame.subject_from = "other:gap", "stated"
        frame.notes.append("a gap between two amounts (“$30 billion higher”), not a level any series holds")
    elif frame.kind == "percent" and (rate_after.match(sentence, figure.end)
                                      or rate_before.search(sentence[max(0, figure.start - 40): figure.start])):
        frame.subject, frame.subject_from = "other:rate", "stated"
        frame.notes.append("a rate no series holds (“tariffs of up to 60%”), not a change of the sentence's series")


@functools.cache  # built once from the vocabulary shipped in the package
def _receiving_office_patterns() -> tuple[re.Pattern, re.Pattern]:
    words = vocabulary()["receiving_office"]
    return (re.compile(rf"(?i)(?<![\w])(?:{alternatives(words['received'])})(?![\w])"),
            re.compile(rf"(?<![\w])(?:{alternatives(words['offices'])})(?![\w])"))


TARGET_BEFORE = re.compile(r"(?i)\b(?:(?:target|goal|objective|aim)\s+(?:of|for|at|was|is)|aim(?:s|ed|ing)?\s+(?:for|at)|"
                           r"target(?:s|ed|ing))\s+(?:a\s+|an\s+)?"
                           r"(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+)?[$€¥£]?$")
"""Before a figure, a target's words ("the government's target of around 5%", "a goal of 2.5%", "Beijing is aiming for
5% economic growth", "targeting around 5%"): what was aimed at."""
GROUP_AVERAGE_BEFORE = re.compile(r"(?i)\b(?P<group>OECD|EU|European\s+Union|G7|G20|BRICS|regional|income[- ]group|"
                                  r"developed[- ]country|advanced[- ]economy|global|world(?:wide)?)\s+average\s+"
                                  r"(?:of\s+|at\s+|was\s+|is\s+)?(?:about\s+|around\s+|roughly\s+|some\s+)?$")
"""Before a figure, the average of a group of economies ("the OECD average of 2.7%", "the global average of 2.6%")."""


AVERAGED_BEFORE = re.compile(r"(?i)\b(?:averag(?:ed|ing)|an?\s+(?:annual\s+|yearly\s+)?average\s+(?:of\s+)?|on\s+average"
                             r")\s+(?:(?:of|about|around|roughly|some|nearly|almost)\s+)?$")
YEARS_WINDOW = re.compile(r"(?i)\b(?:decades?|years|since\s+(?:19|20)\d{2}|between\s+(?:19|20)\d{2}\s+and|"
                          r"from\s+(?:19|20)\d{2}\s+(?:to|through|until)|(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2})\b")
"""A level averaged over years ("averaged USD 593 billion in the decade to 2024", "an average of $500 billion a year
since 2015"): no year's figure (dev204's first run had judged it against 2024's $992.1 billion and called it false)."""


def _average_over_years(frame: Frame, figure: Figure, sentence: str, clause) -> None:
    """"The merchandise trade balance averaged USD 593 billion in the decade to 2024": a level averaged over several
    years is no year's level, and the store holds no averages: not a figure of its series (`other:average`)."""
    if frame.kind not in ("money", "count", "power", "energy") or frame.transformation not in (None, "", "level") \
            or not AVERAGED_BEFORE.search(sentence[max(clause[0], figure.start - 40): figure.start]) \
            or not YEARS_WINDOW.search(sentence, clause[0], clause[1]):
        return
    frame.subject, frame.subject_from = "other:average", "stated"
    frame.notes.append("a level averaged over several years: no year's figure")


def _target_or_group_average(frame: Frame, figure: Figure, sentence: str) -> None:
    """"beating the government's target of around 5%": a target, which no series holds (never the outcome it aims
    at); "still below the OECD average of 2.7%": a group's average, the world's when the group is the world (an
    average of the world is its figure as the World Bank counts it), else one the store does not hold."""
    before = sentence[max(0, figure.start - 60): figure.start]
    if TARGET_BEFORE.search(before):
        frame.subject, frame.subject_from = "other:target", "stated"
        frame.notes.append("a target: what was aimed at, not a figure any series holds")
        return
    average = GROUP_AVERAGE_BEFORE.search(before)
    if average is None:
        return
    if re.fullmatch(r"(?i)global|world(?:wide)?", average.group("group")):
        frame.entity, frame.entity_from, frame.entity_bound = "WLD", "stated", "strong"
    else:
        frame.subject, frame.subject_from = "other:group_average", "stated"
        frame.notes.append(f"the {average.group('group')} average: a group of economies the store holds no series of")


def _received_by_an_office(frame: Frame, sentence: str) -> None:
    """A count of patent applications an office received ("With 74,420 filings, the China National Intellectual
    Property Administration (CNIPA) received the most PCT applications", vocabulary `receiving_office`): the office's
    count, not the applicants' economy's (the store's PCT series): an "other:" subject, never judged against it."""
    received, offices = _receiving_office_patterns()
    if frame.kind == "count" and frame.subject and catalogue.within(frame.subject, "patents") \
            and received.search(sentence) and offices.search(sentence):
        frame.subject, frame.subject_from = "other:receiving_office", "stated"
        frame.notes.append("a count an office received (a receiving office's), not one by the applicants' origin")


INDUSTRY = re.compile(r"(?i)\b(?:the|China's|China’s|its|their)\s+((?:[\w-]+\s+){1,3}?)(?:industry|industries|sector|sectors)\b"
                      r"|\b((?:primary|secondary|tertiary)\s+)(?:industry|industries|sector|sectors)\b")
"""An industry named ("the machinery industry"; the national accounts' "primary industry" with no article)."""


def _unknown_industries(sentence: str, subjects: list[Mention], names: list[Mention] = ()) -> list[Mention]:
    """"imports and exports of the machinery industry": an industry whose name holds no subject the vocabulary
    knows counts something no series holds (an "other:industry" subject mention, taken like any other); "the auto
    industry" names vehicles and adds nothing; nor does a compiler's name ("according to the Ministry of Industry
    and Information Technology": `names`, the basis mentions)."""
    found = [(m.start(1) if m.group(1) is not None else m.start(2), m) for m in INDUSTRY.finditer(sentence)]
    added = [Mention(start, m.end(), "other:industry", m.group(0)) for start, m in found
             if not any(start <= s.start < m.end() for s in subjects)
             and not any(n.start <= m.end() - 1 < n.end for n in names)]
    return sorted(subjects + added, key=lambda m: m.start) if added else subjects


EDITION_AFTER = re.compile(r"(?i)\s+(?:[\w-]+\s+)?(?:edition|issue)\b")
"""After an ordinal, the number of a report's edition ("the 16th joint edition", "this 17th edition"): no rank."""


MADE_OUTPUT = re.compile(r"(?i)\s+(?:(?:a\s+total\s+of|a\s+record|about|around|some|nearly|almost|over|more\s+than|"
                         r"roughly|up\s+to|close\s+to|just\s+over|just\s+under)\s+)?[$€¥£]?\d")
"""After "made", an amount: "made 9.6 million NEVs", "made nearly 9 million" are output; "made rapid progress", "the
improvements it has made in recent years", "made the biggest jump" are not."""


ELIDED_COUNT_BEFORE = re.compile(r"(?i)\b(?:has|have|had|holds?|held|hosts?|hosted|boasts?|boasted|with)\s+"
                                 r"(?:only\s+|just\s+)?$")
ELIDED_COUNT_AFTER = re.compile(r"(?i)\s*(?:[,.;:)]|$|\s+(?:and|while|whereas|but|each|apiece)\b)")
NOUN_LEFT_OUT = "counted before it (the noun left out)"
"""The end of the note on a count whose noun is left out: the next count of its list may leave out its verb too."""
ELIDED_LIST_BETWEEN = re.compile(r"\s*(?:,\s*(?:and\s+|while\s+)?|\s+(?:and|while)\s+)(?:the\s+)?"
                                 r"(?:[A-Z][\w’'.-]*\s+){1,3}")
"""Between two counts of a list, the next economy's name alone ("... has 20 and Germany eight")."""


def _elided_count(sentence: str, figure: Figure, reads: list[Read], context: Context) -> Frame | None:
    """The frame of the count a bare count word leaves its noun to ("Germany has eight, while ..."): the last
    count of a stored subject in the sentence so far, else of the sentence before; None when the word is not after
    a verb of having or is followed by its own noun ("has eight pillars")."""
    if not ELIDED_COUNT_AFTER.match(sentence, figure.end):
        return None
    last = max((r for r in reads if r.figure.end <= figure.start), key=lambda r: r.figure.end, default=None)
    if last is not None and ELIDED_LIST_BETWEEN.fullmatch(sentence, last.figure.end, figure.start) \
            and any(n.endswith(NOUN_LEFT_OUT) for n in last.frame.notes):
        return last.frame  # "The United States has 20 and Germany eight": the verb left out too
    if not ELIDED_COUNT_BEFORE.search(sentence, max(0, figure.start - 30), figure.start):
        return None
    here = [r.frame for r in reads if _counts_a_subject(r.frame)]
    return here[-1] if here else context.counted


WHAT_IS_COUNTED = ("kind", "measure", "measure_from", "measures", "subject", "subject_from")
"""A frame's fields that say what a figure counts: taken from the count a word refers back to (an elided noun, a
bracketed move)."""
BRACKETED_MOVE = re.compile(r"(?i)\(\s*(up|down|\+|-)\s*$")


def _bracketed_move(sentence: str, figure: Figure, reads: list[Read]) -> Read | None:
    """The count a bracketed move right after it changes ("at 26 (up two)", "20 clusters (+3)"): the read of that
    count (a level of a stored subject, the last figure before the bracket), else None."""
    if figure.unit not in (None, "count") or not BRACKETED_MOVE.search(sentence, max(0, figure.start - 8), figure.start):
        return None
    last = max((r for r in reads if r.figure.end <= figure.start), key=lambda r: r.figure.end, default=None)
    if last is None or not _counts_a_subject(last.frame) or last.frame.transformation != "level" \
            or not re.fullmatch(r"\s*(?:[a-z]+\s+){0,2}\(\s*(?:up|down|\+|-)\s*",
                                sentence[last.figure.end: figure.start], re.I):
        return None
    return last


def _counts_a_subject(frame: Frame) -> bool:
    """A figure counting a subject the store may hold ("20 top 100 tech innovation clusters")."""
    return frame.role == "figure" and frame.kind == "count" and frame.subject_from == "stated" \
        and bool(frame.subject) and not frame.subject.startswith("other:")


CELLS = re.compile(r"(?i)\bcells?\b")


SOLAR_CELLS = re.compile(r"(?i)^(?:solar|photovoltaic|PV)\s+cells?$")
PV_PARTS = ("pv_modules", "pv_wafers")
"""PV products named beside which "solar cells" are the cells (Context.pv_parts_paragraph: the paragraph naming them)."""


def _domestic_sales(sentence: str, measures: list[Mention], subjects: list[Mention]) -> list[Mention]:
    """"China's domestic vehicle sales rose 6.5%": sales said right after a subject that "domestic" or "home"
    (vocabulary `domestic_market_words`) stands before are the sales at home, not all sales (a false contradiction
    against CAAM's total's 9.4% otherwise)."""
    before = vocabulary()["_compiled"]["domestic_market_before"]
    if before is None or not subjects:
        return measures
    return [Mention(m.start, m.end, "domestic_sales", m.words)
            if m.value == "sales" and any(s.end <= m.start and not sentence[s.end: m.start].strip()
                                          and before.search(sentence, max(0, s.start - 20), s.start) for s in subjects)
            else m for m in measures]


def _solar_cells(sentence: str, subjects: list[Mention], context: Context, paragraph: int = 0) -> list[Mention]:
    """"cell exports", "cells and wafers" where the sentence or the text so far is about solar products (a PV subject
    named, no battery): PV cells, not any cells. Elsewhere "cells" stays unread (battery cells are cells too).
    "solar cells" names all PV products (customs' category, the "new trio" member), except beside modules or wafers
    named in its paragraph ("Exports of solar wafers fell 52.1% ... Exports of solar cells rose 13.5%"): the cells."""
    if any(m.value in PV_PARTS for m in subjects) or context.pv_parts_paragraph == paragraph:
        subjects = [Mention(m.start, m.end, "pv_cells", m.words) if m.value == "pv" and SOLAR_CELLS.match(m.words)
                    else m for m in subjects]
    solar = any(catalogue.within(m.value, "pv") for m in subjects) or any(
        v and not v.startswith("other:") and catalogue.within(v, "pv") for v in (context.subject, context.exports_of))
    if not solar or any(catalogue.within(m.value, "liion_batteries") for m in subjects):
        return subjects
    cells = [Mention(m.start(), m.end(), "pv_cells", m.group(0)) for m in CELLS.finditer(sentence)
             if not any(s.start <= m.start() < s.end for s in subjects)]
    return sorted(subjects + cells, key=lambda m: m.start) if cells else subjects


def _export_data(context: Context, sentence: str, subjects: list[Mention]) -> None:
    """"Solar panel imports into Africa increased 60% ..., according to an analysis of China's export data": the text's
    flows of what the sentence names are China's exports, whoever it says imports them (from this sentence on)."""
    goods = [m.value for m in subjects if not m.value.startswith("other:") and m.value != "goods"
             and catalogue.within(m.value, "goods")]
    if goods and not context.exports_of and CHINAS_EXPORT_DATA.search(sentence):
        context.exports_of = goods[0]


def frames_of(sentence: str, context: Context, paragraph: int, limit: int | None = None, at: int = 0) -> list[Read]:
    """Every figure of the sentence with its frame (the first `limit` figures); updates the context for
    the next sentence. `at`: where the sentence starts in the text (for `Context.listed_places`). The number of
    figures read is in `frames_of.last_count`."""
    trailing = [m.span("count") for m in TRAILING_MONTHS.finditer(sentence)]
    # its bare places ("... now ranks 108 in the Global Innovation Index.  In 2008, we stood at 68")
    ranking_before = context.gii_before
    # "the first 11 months", "the 12 months to June" name a period
    listed = frozenset(o - at for o in context.listed_places if at <= o < at + len(sentence))
    figures = [f for f in read_figures(sentence, ranking_before, listed)
               if not (re.search(r"(?i)\bfirst\s+$", sentence[max(0, f.start - 8): f.start])
                       and re.match(r"\s+(?:months|quarters|weeks|days)\b", sentence[f.end: f.end + 10]))
               and (f.start, f.end) not in trailing]
    # the next sentence goes on with the index's places after one naming it, or after one going on with them that
    # read a place of its own ("India is ranked 39 out of 133 economies. China moved up one place to 11.")
    context.gii_before = not ANOTHER_SCALE.search(sentence) and (
        bool(GII_NAMED.search(sentence)) or ranking_before and any(f.unit == "rank" for f in figures))
    figures = _table_lines(context, sentence, figures)
    # word forms (wordforms.py) last: the sentence's other figures are read, paired and carried as without them
    figures = [f for f in figures if not f.form] + [f for f in figures if f.form]
    frames_of.last_count = len(figures)
    if limit is not None:
        figures = figures[:limit]
    # neighbours in text order: a figure's among the sentence's other figures (word forms apart, as if absent), a
    # word form's among all (helpers that look at figures[index + 1] or before[index] need text order)
    plain = [f for f in figures if not f.form]
    in_order = sorted(figures, key=lambda f: f.start)
    neighbours = {id(f): (plain, i) for i, f in enumerate(plain)}
    neighbours.update({id(f): (in_order, i) for i, f in enumerate(in_order) if f.form})
    vocab = vocabulary()
    _note_release(context, sentence)
    _list_introduction(context, sentence, paragraph)
    causes = _causes(sentence)
    # "Shipments declined 4.6% in 2023 amid sluggish global demand": the world of a cause phrase is not spoken of
    said = _blanked(sentence, causes)
    world = any(p.value == "WLD" and not RANKING_FIELD.search(said[max(0, p.start - 40): p.end + 30])
                for p in mentions("place", said)) or bool(world_cue(said))
    context.world_here = world or context.world_paragraph == paragraph
    if world:
        context.world_paragraph = paragraph
    measures = [m for m in mentions("measure", sentence)
                if not (m.words.lower() == "made" and not MADE_OUTPUT.match(sentence, m.end))]
    epithets = [(m.start(), m.end()) for m in EPITHET.finditer(sentence)]
    named = mentions("subject", sentence)  # every subject word (the rankings a place may be on: `_measure`)
    subjects = [m for m in named if not any(a <= m.start < b for a, b in epithets)]
    bases = mentions("basis", sentence)
    subjects = _unknown_industries(sentence, subjects, bases)
    subjects = _solar_cells(sentence, subjects, context, paragraph)
    measures = _domestic_sales(sentence, measures, subjects)
    if any(m.value != "gdp" for m in subjects):
        # "R&D spending as a share of GDP reached 2.64 percent ..., as total spending rose 8.1 percent": GDP as the
        # denominator of a ratio is what it is taken of, never the subject of the sentence's other figures
        subjects = [m for m in subjects if not (m.value == "gdp" and GDP_DENOMINATOR_BEFORE.search(
            sentence[max(0, m.start - 30): m.start]))]
    if any(m.value not in ("gdp", "economy") for m in subjects) or SECTOR_OUTPUT.search(sentence):
        # "The economic output of high-tech manufacturing rose 2.7 percent", "the digital economy's economic output":
        # a sector's output, not the economy's GDP
        subjects = [m for m in subjects if m.words.lower() != "economic output"]
        measures = [m for m in measures if m.words.lower() != "economic output"]
    region = context.last_region[0] if context.last_region and context.last_region[1] == paragraph else None
    places = [p for p in _resolve_country(_places(sentence), context.country, context.place, region)
              if not any(a <= p.start < b for a, b in epithets)
              and not _excluded_places().search(sentence, max(0, p.start - 80), p.start)]
    places = sorted(places + _epithet_places(sentence, places), key=lambda p: p.start)
    _export_data(context, sentence, subjects)
    years = _years(sentence, context.published, context.period[:4] if context.period and context.period[:4].isdigit()
                   else None)
    records = [m.span() for m in RECORD_THIS_YEAR.finditer(sentence)]
    years = [y for y in years if not any(a <= y[0] < b for a, b in records)]  # "the first increase this year"
    attached_years = {m.start(1): f.start for f in figures
                      if (m := ATTACHED_YEAR.match(sentence, f.end))}  # "11th in 2022": that year is the 11th's
    owners = _year_owners(figures, years)
    clauses = _clauses(sentence)
    # "such as clothing" lists examples: it points at nothing before ("these batteries", "such vehicles" do)
    anaphora = re.search(r"\b(?:" + "|".join(re.escape(w) for w in vocab["anaphora"]) + r")\s+(?!as\b)(\w[\w-]*(?:\s+\w[\w-]*)?)",
                         sentence, re.I)
    reads: list[Read] = []
    # "Finland — 6 (up from 9 in 2022)," after the text names a ranking: a row of it
    rank_row = bool((context.rank_subject or context.measure == "rank") and RANK_ROW.match(sentence))
    # "Switzerland (1), Sweden (2), United States of America (3)" in a text on the innovation index: its places
    bracketed_places = {id(f) for f in _bracketed_places(sentence, figures, places)} \
        if context.rank_subject == "innovation_index" and all(m.value == "innovation_index" for m in subjects) else set()
    base_months = _base_months(sentence, plain)
    main_period = None
    earlier_years = set()
    released = RELEASED_DAYS_AGO.search(sentence) if context.published else None  # the GII just out: its edition
    # (the edition this sentence names, "According to the 2025 Global Innovation Index, Switzerland scored 66.0 in
    # 2024", else the text's so far, else the one just out)
    edition = _edition_named(sentence) or context.edition \
        or (released and (released.group(1) or str(context.published.year)))
    rd_ratio_read: set[int] = set()  # the figures `_rd_ratio_to_gdp` read as R&D intensity
    for index, figure in enumerate(figures):
        before = sentence[max(0, figure.start - 60): figure.start]
        comparator, wording = comparator_for(before, figure, sentence[figure.end: figure.end + 80])
        frame = Frame()
        unit = "rank" if (rank_row or id(figure) in bracketed_places) \
            and figure.unit in (None, "count") and figure.value == int(figure.value) else figure.unit or "count"
        clause = _clause_of(clauses, figure.start)
        if unit == "percent" and re.match(r"(?i)\s*(?:percentage\s+)?points?\b", sentence[figure.end: figure.end + 20]):
            unit = "percentage points"
        if unit == "percent" and re.search(r"(?i)percentage$", sentence[figure.start: figure.end]) \
                and re.match(r"\s+points?\b", sentence[figure.end: figure.end + 10]):
            unit = "percentage points"
        if unit == "percent" and (_gdp_after(sentence, figure, clause, places)
                                  or GDP_BEFORE.search(sentence[max(0, figure.start - 60): figure.start])
                                  or _gdp_ratio_said_before(sentence, clause[0], figure.start, measures, figures)
                                  or _names_gdp_ratio(re.split(r"[;,.:(]", sentence[figure.end: figure.end + 25])[0])):
            # "2.68-percent R&D intensity" (not "8.4 percent; the R&D intensity", another clause's; nor "as a share of
            # GDP reached 2.64 percent ..., as total spending rose 8.1 percent", said of the figure before)
            unit = "percent of GDP"
        elif unit == "percent" and _rd_ratio_to_gdp(sentence, clause, figure):
            unit = "percent of GDP"
            rd_ratio_read.add(id(figure))  # a reading of words that do not say whose ratio it is: assumed, below
        frame.kind = unit_kind(unit) or unit
        frame.released_on = context.released_on or ""
        # role: a base figure, a parenthetical conversion of the previous figure, else the figure
        owner = _economy_owned_base(sentence, figure, places)  # "compared to China's $6.03 trillion": China
        if figure.kind == "range-high" and reads and reads[-1].figure.kind == "range-low" \
                and not re.search(r"(?i)\b(?:to|and)\b", sentence[reads[-1].figure.start: figure.start]):
            frame.role = reads[-1].frame.role  # a range's high end is what its low end is ("record of $992-993 billion")
        elif figure.kind == "range-low" and FROM_RIGHT_BEFORE.search(sentence, 0, figure.start if figure.lead is None
                                                                     else figure.lead):
            pass  # "ranging from about 68,000 to 71,000": a range's low end (a move is read as two figures), no base
        elif EARLIER_BEFORE.search(before) or _said_previous(sentence[figure.end:], sentence) \
                or frame.kind in ("percent", "money") and AFTER_BARE.search(before):
            frame.role = "earlier"  # ("$103.22 billion versus ... and $96.18 billion previously": the last release's)
        elif owner is not None:
            frame.role = "earlier"  # "Japan's GDP was $5.47 trillion, compared to China's $6.03 trillion"
        elif BASE_DATE_BRACKET_BEFORE.search(before):
            frame.role = "earlier"  # "up 87% from March 2023 ($197 million)": the base's own level
        elif _compared(sentence, figure):
            frame.role = "earlier"  # "lower than the $80.6 billion in July": July's figure, about $80.6 billion
            if figure.lead is None or THAN.search(sentence, figure.lead, figure.start):
                comparator, wording = "~=", ""  # the "than" compares; a bound of the figure's own stays ("the over 4.5")
        elif AFTER_CLAUSE_BEFORE.search(before[-40:]) and (MONTH_AFTER.match(sentence, figure.end)
                                                          or ATTACHED_YEAR.match(sentence, figure.end)
                                                          or _period_before_said(sentence, figure.end)
                                                          and (main_period or context.period)):
            frame.role = "earlier"  # "imports fell 0.6%, after they climbed 3% in October": October's, before the text's
            # ("fell by 2.3 percent after increasing by 1.8 percent in the previous month": the month before)
        elif reads and reads[-1].frame.role == "earlier" and reads[-1].frame.kind == unit_kind(unit) \
                and (LIST_JOIN.fullmatch(sentence, reads[-1].figure.end, figure.said_from)
                     or DATED_LIST_JOIN.fullmatch(sentence, reads[-1].figure.end, figure.said_from)):
            frame.role = "earlier"  # "compared with 7.6% and 1.8% in May": a list of bases, every one a base (also
            # each with its year: "up from 2.58 per cent in 2023, 2.49 per cent in 2022 and 2.38 per cent in 2021")
        previous = reads[-1] if reads else None
        if (previous and frame.kind == "money" and previous.frame.kind == "money" and previous.unit != unit
                and re.fullmatch(r"\s*[(\[]\s*(?:about|around|approximately|some|roughly|or|nearly|over|more than)?\s*",
                                 sentence[previous.figure.end: figure.start - len(_sign_prefix(sentence, figure))], re.I)):
            frame.role = "conversion"
        # transformation and sign (for percentages)
        if frame.kind == "percent":
            _transformation(sentence, figure, frame, clause)
            if frame.transformation is None and context.list_transformation and context.list_paragraph == paragraph:
                # "The top 10 ..., followed by their respective percentage share of all filings, were as follows:
                # 1. China 70,015 25.1% 2. ...": a percentage of the list with no word of its own is what the
                # introduction said the list's percentages are
                frame.transformation, frame.transformation_from = context.list_transformation, "assumed"
            if frame.transformation is None and frame.role == "earlier" and previous \
                    and previous.frame.kind == "percent" and previous.frame.transformation == "growth_rate" \
                    and BASE_RIGHT_AFTER.fullmatch(sentence, previous.figure.end, figure.start):
                # "picking up to 8.3% from 4.4%": the base of a growth rate is the same rate a period before
                frame.transformation, frame.transformation_from = "growth_rate", "context"
        elif frame.kind in ("percent_of_gdp", "percentage_points"):
            frame.transformation, frame.transformation_from = None, ""
        else:
            frame.transformation, frame.transformation_from = "level", "stated"
        if comparator.startswith("count=="):
            frame.measure, frame.measure_from, frame.measures = "count", "stated", ("count",)
            frame.subject, frame.subject_from = "index_indicators", "stated"
        if frame.role == "conversion":
            _copy(previous.frame, frame)
        else:
            own_measures, own_subjects = _outside_causes(causes, figure, measures, subjects)
            _measure(own_measures, figure, frame, clause, sentence, context, named)
            _sold_abroad(frame, sentence, clause, figure, figures)
            _subject(own_subjects, figure, frame, clause, sentence, context, anaphora)
            if frame.kind == "count" and LIST_SIZE.search(sentence[max(0, figure.start - 12): figure.start]):
                frame.subject, frame.subject_from = "other:list_size", "stated"
                frame.notes.append("the size of a list (“top 100 clusters”), not a count of what the list holds")
            _place_in_a_field(frame, figure, sentence)
            _not_series_noun(frame, figure, sentence)
            _received_by_an_office(frame, sentence)
            _spent_on_another(frame, figure, sentence)
            _rank_of_a_named_item(frame, figure, sentence, places)
            if figure.tabled and frame.subject_from in DETERMINED:
                # a table's title may name the index and still rank a group ("Global Innovation Index 2024, Europe":
                # "3 United Kingdom" is third in Europe): which ranking a row is in is assumed, never an accusation
                frame.subject_from = "assumed"
                frame.notes.append("a table's row: the ranking it is in assumed from the text")
            elif (figure.placed or _list_item_number(sentence, figure)) and frame.subject_from in DETERMINED:
                # "China stood at 1 in the Nature Index and at 10 in the GII", "Among upper-middle-income economies,
                # China (1), Malaysia (2)": the words placing a bare number place other rankings' too (never accused)
                frame.subject_from = "assumed"
                frame.notes.append("a bare number read as a place: the ranking it is in assumed from the text")
            if figure.ordinal and EDITION_AFTER.match(sentence, figure.end):
                frame.subject, frame.subject_from = "other:edition", "stated"
                frame.notes.append("the number of a report's edition (“this 17th edition”), not a rank")
            _carried_measure(frame, sentence, context)
            _evs_made_or_sold(frame, sentence[clause[0]: figure.start])
            _share_of_part_in_whole(frame, figure, sentence, clause, subjects)
            if frame.transformation == "share" and frame.sign < 0:
                frame.sign = 1  # a share's level is never negative ("China's share ... fell from 25.1 percent in 2022")
            _target_or_group_average(frame, figure, sentence)
            _average_over_years(frame, figure, sentence, clause)
            frame.basis = (_nearest(bases, figure.start, figure.end, (0, len(sentence))) or _none()).value
            frame.basis_from = "stated" if frame.basis else ""
            if not frame.basis and context.basis and context.paragraph == paragraph:
                # "..., according to the China Passenger Car Association. Exported NEVs accounted for ...":
                # the source named earlier in the paragraph is the source of its next sentences' figures
                frame.basis, frame.basis_from = context.basis, "context"
            elif not frame.basis and len(context.bases_named) == 1:
                # "..., according to CAAM." in paragraphs 1 and 2, "Automobile exports reached 4.91 million" in the
                # fourth: the text's only source is a preference among series (matching), never a filter
                frame.text_basis = next(iter(context.bases_named))
            _entity(places, figure, neighbours[id(figure)][1], neighbours[id(figure)][0], frame, sentence, context)
            if frame.entity_from == "stated" and any(p.words.lower() in OWN_COUNTRY_WORDS and p.value == frame.entity
                                                     for p in places):
                # "our country" read as the economy the text is about (China's in translations of Chinese official
                # texts): the writer's country is a guess, above all in pasted texts (never accused)
                frame.entity_from = "assumed"
            if frame.entity_from == "stated" and context.country is None and _country_unnamed(places, frame.entity):
                # "The country has climbed from 81st in 2015 to 39th" opening a pasted text: "the country" points back
                # to nothing named, and China is only the guess of a tool about China's figures (never accused)
                frame.entity_from = "assumed"
            _taken_by_a_place(places, figure, frame, sentence, clause, context, reads)
            _shipments(places, frame, sentence, clause, context)
            _counterpart(places, figure, frame, sentence, context, clause, reads)
            _partner_of_a_share(places, figure, frame, sentence, clause, reads, context)
            _rank_as_a_destination(places, figure, frame, sentence, clause, context)
            _scope_of_a_partners_place(places, figure, frame, sentence, clause)
            if frame.role == "earlier" and owner is not None:
                frame.entity, frame.entity_from = owner.value, "stated"  # "compared to China's $6.03 trillion"
            frame.compared_across = _across_economies(places, figure, frame, sentence, reads, figures, owner)
            _period(sentence, figure, frame, years, context, main_period, earlier_years, base_months, attached_years,
                    _later_clauses_years(sentence, figure, owners), _level_of_the_rate(sentence, figure, *neighbours[id(figure)]),
                    next((f.start for f in figures if f.start >= figure.end), len(sentence)))
            _same_period_a_year_before(frame, figure, sentence, reads, main_period)
            _month_of_a_record(frame, figure, sentence, context)
            _year_not_over(frame, sentence, context)
            if frame.period_from == "context" and frame.period == context.period \
                    and context.period_paragraph != paragraph:
                frame.period_carried_from = context.period_subjects  # drafting: not accused on another subject's year
            if frame.entity_from == "context":
                frame.entity_named_as = context.named_as.get(frame.entity, "")
            if frame.entity_from == "context" and frame.entity in context.named_in \
                    and context.named_in[frame.entity][0] != paragraph:
                frame.entity_carried_from = context.named_in[frame.entity][1]  # nor on another subject's economy
            _repeated(frame, figure, unit, sentence, context)
        if edition and frame.kind in ("score", "rank") and frame.period_from == "stated" \
                and frame.period == str(int(edition) - 1):
            # "according to the 2025 Global Innovation Index ... With a score of 66.0 in 2024", "from 14th in 2020 to
            # 10th in 2024, according to the Global Innovation Index released on Tuesday" (a text of September 2025):
            # the year before an edition the text named, or one out days before it, may be the edition's data year:
            # judged on both rows (drafting: an accusation only when the figure disagrees with each)
            frame.period_from, frame.period_readings = "assumed", (edition,)
            frame.notes.append(f"{frame.period}: the year before the {edition} edition named (its data year?)")
        qualifier = _qualifier(sentence, figure, clause, *neighbours[id(figure)]) \
            or _month_on_month(sentence, frame, clause, *neighbours[id(figure)])
        if qualifier and _sequential_months(qualifier) and (
                frame.transformation not in ("growth_rate", "change")
                or YEAR_ON_YEAR_BEFORE.search(sentence, max(clause[0], figure.start - 40), figure.start)):
            # "exports to India totaled 1.2 GW in May, up 30% month-on-month": the 30%'s, not the level's; "a
            # month-on-month decrease of 1.0% ... and a year-on-year increase of 7.2%": the 1.0%'s, not the 7.2%'s
            qualifier = None
        back = _sequential_months(qualifier) if qualifier and frame.transformation == "growth_rate" else 0
        if back and frame.period and _shifted(frame.period, back):
            # "down 12% MoM", "up 6.3 percent from November": the growth from the level of the month (quarter)
            # before, derived from two stored levels (matching: over a base, as "up 393% from 2020" is)
            frame.base_period, frame.over_years = _shifted(frame.period, back), "total"
            frame.notes.append(f"“{qualifier}”: the growth from {frame.base_period}, from two stored levels")
        elif qualifier and frame.transformation == "growth_rate" and frame.subject in _real_growth_subjects() \
                and qualifier.lower() in _real_terms():
            # "GDP ... a 5.2% increase compared to the previous year when calculated at constant prices": the
            # national accounts' growth is at constant prices (vocabulary `real_growth_subjects`)
            frame.notes.append(f"“{qualifier}”: as the series of {frame.subject}'s growth measures it")
        elif qualifier:
            frame.subject, frame.subject_from = f"other:{qualifier}", "stated"
            frame.notes.append(f"“{qualifier}”: no stored series measures a figure so qualified")
        if frame.role == "figure" and main_period is None and frame.period:
            main_period = frame.period
        if frame.role == "earlier" and frame.period and not frame.compared_across \
                and not (main_period and frame.period[:4] == main_period[:4] and main_period[4:]):
            # (another economy's base is of the sentence's year: no base year; nor a month's or a quarter's base in
            # the same year: "in March, ... up from 21.2 GW in February 2024, accumulating 67.6 GW in the first
            # quarter of 2024")
            earlier_years.add(frame.period[:4])
        moved = _bracketed_move(sentence, figure, reads) if figure.form == "count" or not figure.form else None
        if moved is not None:
            # "led with the most clusters in the top 100, at 26 (up two)": the change of the count before it since
            # the year before (matching: a difference of two stored levels)
            for key in (*WHAT_IS_COUNTED, "entity", "entity_from", "period", "period_from"):
                setattr(frame, key, getattr(moved.frame, key))
            frame.transformation, frame.transformation_from, frame.role = "change", "stated", "figure"
            frame.sign = -1 if BRACKETED_MOVE.search(sentence, 0, figure.start).group(1).lower() in ("down", "-") else 1
            frame.notes.append(f"the change of the {moved.frame.subject} count before it since the year before")
            figure = dataclasses.replace(figure, form="", unit=moved.unit)
            unit = moved.unit
        digits = not figure.form and unit == "count" and figure.value == int(figure.value) and frame.subject_from != "stated"
        counted = _elided_count(sentence, figure, reads, context) if figure.form == "count" or digits else None
        if counted is not None:
            # "The United States holds 20 top 100 clusters. Germany has eight, while India and South Korea each have
            # four": a count whose noun is left out counts what the count before it counted
            for key in WHAT_IS_COUNTED:
                setattr(frame, key, getattr(counted, key))
            if digits and frame.subject_from == "stated":
                frame.subject_from = "context"
            frame.notes.append(f"a count of the {counted.subject} {NOUN_LEFT_OUT}")
            figure = dataclasses.replace(figure, form="")  # a count of a stored subject: read with the others
        elif figure.form == "multiple" and A_YEAR_BEFORE_AMOUNT.match(sentence, figure.end):
            # "imported 17 GW in 2024, double the amount imported the year before": a multiple of a level a year
            # earlier, read with the sentence's figures (`_multiples`); a multiple in words is never an accusation
            frame.form = figure.form
            figure = dataclasses.replace(figure, form="")
        elif figure.form:  # "the second consecutive month", "seven pillars": no stored series measures it
            frame.subject, frame.subject_from, frame.form = f"other:{figure.form}", "stated", figure.form
            frame.notes.append(f"a {figure.form} written in words: no stored series measures it")
        value = figure.value * frame.sign if frame.sign < 0 and figure.value > 0 else figure.value
        figure_for_check = dataclasses.replace(figure, value=value, unit=unit)
        check, step = check_and_step(figure_for_check, comparator)
        comparator = "==" if check == "exact" else comparator
        reads.append(Read(figure, frame, comparator, wording, check, step, unit, value))
    worded = [r for r in reads if r.figure.form]
    reads = [r for r in reads if not r.figure.form]
    _spending_said_as_a_percentage(sentence, reads)
    _intensity_carried(sentence, reads, context, paragraph)
    _base_of_a_ratio(sentence, reads)
    _base_of_a_share(sentence, reads)
    _base_of_a_bilateral(sentence, reads)
    _named_as_a_city(sentence, reads)
    _ratios_to_gdp(reads)
    _growth_of_a_ratio_to_gdp(sentence, reads)
    _another_numerator(sentence, reads)
    for read in reads:
        if id(read.figure) in rd_ratio_read and read.frame.kind == "percent_of_gdp":
            read.frame.measure_from = "assumed"
            read.frame.notes.append("a ratio to GDP after words on R&D, its numerator unsaid: R&D's (R&D intensity), "
                                    "assumed")
    _ratios_listed_with_one(sentence, reads)
    _pair_measures(sentence, reads)
    _ranks_and_scores(sentence, reads)
    _pair_comparators(sentence, reads)
    _wholes(sentence, reads, subjects, measures)
    _changes(sentence, reads, context)
    _multiples(sentence, reads, years)
    _respective_growths(sentence, reads)
    _elided_changes(sentence, reads)
    _respective_measures(sentence, reads)
    _respective_subjects(sentence, reads, subjects)
    _respective_years(sentence, reads, years)
    _respective_periods(sentence, reads, context)
    _leads_and_streaks(sentence, reads)
    _earlier_places(reads)
    _scoped_ranks(sentence, reads)
    _places_listed_after_a_field(sentence, reads)
    _world_wholes(sentence, reads, places)
    _part_pointed_back(sentence, reads, subjects, context)
    _part_of_which(sentence, reads)
    _partner_counts(sentence, reads, context)
    reads = _each_measure(sentence, reads)
    reads = _each_economy(sentence, reads, places)
    reads = _each_year(sentence, reads)
    _update(context, sentence, subjects, measures, places, years, reads, paragraph, bases)
    return reads + worded


def _table_lines(context: Context, sentence: str, figures: list[Figure]) -> list[Figure]:
    """A table whose header and rows are lines of their own ("Rank Country/Economy Score(1-100)", then "1 Switzerland
    67.24", "2 Sweden 63.65"): each row after the header is its rank and its value in the header's unit. The header's
    scale ("(1-100)") is no figure. A short line with no figure in digits between the header and the first row (the
    table's title, "Global Innovation Index 2019 Top Ten Rankings") keeps the table; any other line ends it. Returns the
    line's figures."""
    if context.table is not None:
        unit, after = context.table
        rank = table_line(sentence, figures, unit, after)
        if rank is not None:
            context.table = (unit, rank)
            return figures
    unit = table_header_unit(sentence)
    if unit is not None:
        context.table = (unit, 0)
        return []
    digits = any(re.search(r"\d", sentence[f.start: f.end]) for f in figures)
    if context.table is not None and (context.table[1] or digits or len(sentence.strip()) > 80):
        context.table = None
    return figures


def _base_of_a_ratio(sentence: str, reads: list[Read]) -> None:
    """"R&D expenditure accounted for 2.65 percent of GDP, up from 2.56 percent a year earlier": a base percentage in
    the clause of a percentage of GDP is one too, of the same measure and subject (the denominator is said once)."""
    clauses = _clauses(sentence)
    for i, read in enumerate(reads):
        if read.frame.role != "earlier" or read.frame.kind != "percent" or read.frame.compared_across:
            continue  # (another economy's: `_ratios_listed_with_one`)
        main = next((r for r in reversed(reads[:i]) if r.frame.role == "figure"), None)
        if main is None or main.frame.kind != "percent_of_gdp" \
                or _clause_of(clauses, main.figure.start) != _clause_of(clauses, read.figure.start) \
                and not _moved_from(sentence, reads, i):
            continue
        frame = read.frame
        frame.kind, read.unit, frame.transformation, frame.transformation_from = "percent_of_gdp", main.unit, None, ""
        for key in ("measure", "measure_from", "measures", "subject", "subject_from", "basis", "basis_from", "entity",
                    "entity_from"):
            setattr(frame, key, getattr(main.frame, key))
        read.check, read.step = check_and_step(dataclasses.replace(read.figure, value=read.value, unit=read.unit),
                                               read.comparator)
        frame.notes.append("the base of a percentage of GDP: one too")


def _named_as_a_city(sentence: str, reads: list[Read]) -> None:
    """"Beijing spent 6.6 percent of its GDP on R&D in 2023, the highest of any Chinese region": an economy named right
    before its figure by a name that is also its capital's (vocabulary `city_names_of_economies`) may be the city,
    whose own figures differ: assumed, never an accusation (it had been judged as China's and called false)."""
    places = mentions("place", sentence)
    for read in reads:
        frame = read.frame
        named = [p for p in places if p.value == frame.entity and p.end <= read.figure.start]
        if frame.entity_from == "stated" and named and named[-1].words.lower() in city_names():
            frame.entity_from = "assumed"
            frame.notes.append(f"“{named[-1].words}” names a city as well as {frame.entity}: the city's figures may be "
                               "meant")


RESTATED = re.compile(r"(?i)\b(?:and|with|but|while|whereas|as|although|though|yet)\b|;")
"""Between a bilateral figure and a base, words opening another clause: the base may be another figure's."""
TOTAL_WORDS = re.compile(r"(?i)\b(?:overall|total|all|whole|worldwide|global|altogether|aggregate)\b")
"""Words of a total: a base after them is not a partner's."""


def _base_of_a_bilateral(sentence: str, reads: list[Read]) -> None:
    """"China's goods trade surplus with the United States was $23bn in September, down from $24bn in August": a base
    of a bilateral figure (the same measure and economy, in the figure's own clause: no other economy, subject,
    measure, total or clause word between) is with the same partner; judged against the total, it had been called
    false."""
    for i, read in enumerate(reads):
        frame = read.frame
        if frame.role != "earlier" or frame.counterpart or frame.compared_across:
            continue
        main = next((r for r in reversed(reads[:i]) if r.frame.role == "figure"), None)
        if main is None or not main.frame.counterpart or main.frame.entity != frame.entity \
                or not set(main.frame.measures) & set(frame.measures) or main.frame.kind != frame.kind:
            continue
        gap = sentence[main.figure.end: read.figure.start]
        between = [p for p in mentions("place", gap) if p.value not in (frame.entity, main.frame.counterpart, "WLD")]
        if between or TOTAL_WORDS.search(gap) or RESTATED.search(gap) or mentions("subject", gap) \
                or mentions("measure", gap):
            continue  # ("exports overall rose from 19.8 GW in April", "..., and module exports fell from $2.66bn in
            # April": the base of another figure than the partner's)
        frame.counterpart, frame.counterpart_words = main.frame.counterpart, main.frame.counterpart_words
        frame.notes.append(f"the base of a figure with {main.frame.counterpart_words}: with it too")


def _moved_from(sentence: str, reads: list[Read], i: int) -> bool:
    """reads[i] is a base right after "from", or listed after one ("up from 2.58 per cent in 2023, 2.49 per cent in 2022
    and 2.38 per cent in 2021")."""
    while True:
        figure = reads[i].figure
        if FROM_RIGHT_BEFORE.search(sentence, 0, figure.said_from):
            return True
        if i == 0 or reads[i - 1].frame.role != "earlier" \
                or not re.fullmatch(r"[^,;.]*?(?:,\s*(?:and\s+)?|\s+and\s+)", sentence[reads[i - 1].figure.end: figure.start]):
            return False
        i -= 1


def _base_of_a_share(sentence: str, reads: list[Read]) -> None:
    """"China accounted for 24.9% of PCT filings in 2023, down from 25.1% in 2022": a percentage right after "from" that
    a share is compared with is that share's level a period before (its measure, subject and economy), never a change."""
    for i, read in enumerate(reads):
        frame = read.frame
        if frame.role != "earlier" or frame.kind != "percent" or frame.compared_across \
                or frame.transformation == "share" or not _moved_from(sentence, reads, i):
            continue
        main = next((r for r in reversed(reads[:i]) if r.frame.role == "figure"), None)
        if main is None or main.frame.transformation != "share" or main.frame.kind != "percent":
            continue
        for key in ("measure", "measure_from", "measures", "subject", "subject_from", "entity", "entity_from",
                    "transformation", "transformation_from"):
            setattr(frame, key, getattr(main.frame, key))
        if frame.sign < 0:
            frame.sign, read.value = 1, abs(read.value)
        read.check, read.step = check_and_step(dataclasses.replace(read.figure, value=read.value, unit=read.unit),
                                               read.comparator)
        frame.notes.append("the base of a share: the share a period before")


PERCENTAGE_LEVEL_BEFORE = re.compile(r"(?i)\b(?:reached|reaching|reach|reaches|stood\s+at|stands\s+at|standing\s+at|"
                                     r"hit|hits|amounted\s+to|amounts\s+to|was|were|from|to|between)\s+"
                                     r"(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|over\s+|more\s+than\s+|"
                                     r"less\s+than\s+|under\s+|just\s+)?$")
"""The words of a level right before a percentage ("reached 3.2%", "from 1.8% in 2011 to 1.7% in 2021")."""
PART_OR_PACE = re.compile(r"(?i)\b(?:contribut\w*|proportion|share|rate|growth|increase|accounted|accounting|of\s+which|"
                          r"portion|part)\b")
"""Words of a part or a pace: a percentage after them in its clause is a share or a growth, not a ratio to GDP."""
INTENSITY_CEILING = 7.0
"""No economy spends 7% of its GDP on R&D (the highest, Israel and South Korea, spent about 5-6% in 2021-2023): a larger
percentage said of R&D spending is a share of something else ("26 per cent of the global total")."""


def _spending_said_as_a_percentage(sentence: str, reads: list[Read]) -> None:
    """"Germany's research and development spending also reached 3.2% in 2019", "Canada's R&D spending ... from 1.8%
    in 2011 to 1.7% in 2021": R&D spending said as a percentage level, with no word of growth or share in its clause
    and no "of" after it, is its ratio to GDP (a level of spending is money, not a percentage); assumed, so never an
    accusation."""
    clauses = _clauses(sentence)
    for read in reads:
        frame = read.frame
        if frame.kind != "percent" or frame.subject != "rd" or frame.subject_from != "stated" \
                or "spending" not in frame.measures or frame.transformation is not None \
                or not 0 < read.value < INTENSITY_CEILING \
                or not PERCENTAGE_LEVEL_BEFORE.search(sentence, max(0, read.figure.start - 40), read.figure.start) \
                or re.match(r"\s+of\b", sentence[read.figure.end:]) \
                or PART_OR_PACE.search(sentence, _clause_of(clauses, read.figure.start)[0], read.figure.start):
            continue
        frame.kind, read.unit = "percent_of_gdp", "percent of GDP"
        frame.measure_from = "assumed"
        read.check, read.step = check_and_step(dataclasses.replace(read.figure, value=read.value, unit=read.unit),
                                               read.comparator)
        frame.notes.append("R&D spending said as a percentage: its ratio to GDP (R&D intensity), assumed")


def _ratios_to_gdp(reads: list[Read]) -> None:
    """A percentage its frame reads as a ratio to GDP ("the share of R&D in GDP", `_share_of_part_in_whole`) is in
    percent of GDP, its check and rounding step taken again in that unit."""
    for read in reads:
        if read.frame.kind == "percent_of_gdp" and read.unit == "percent":
            read.unit = "percent of GDP"
            read.check, read.step = check_and_step(dataclasses.replace(read.figure, value=read.value, unit=read.unit),
                                                   read.comparator)


LIST_WORD = re.compile(r"(?i)\b(?:against|versus|vs\.?|compared\s+(?:with|to)|while|whereas|and|than|"
                       r"(?:above|below|behind|ahead\s+of|trailing)"
                       r"(?=\s+(?:the\s+)?[A-Z]|\s+(?:the|a)\s+(?:global|world)\s+average\b))\b|,")
LIST_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
SAME_LEVEL_VERB = r"(?:spent|spends|spending|invested|invests|investing|devoted|devotes|allocated|allocates)"
"""Verbs that say the level of spending itself, the ratio's numerator ("while the US spent 3.5%"): never a verb that
any measure takes ("stood at", "was": "while the US CPI stood at 3.4%")."""
LISTED_ITEM_LEAD = re.compile(rf"\s*(?:even\s+|also\s+)?(?:(?:the|a|an)\s+)?(?:(?:global|world)\s+average\s+(?:of\s+|at\s+)?)?"
                              rf"(?:(?:the\s+)?{LIST_NAME}\s*(?:['’]s\s+(?:(?:was|is|stood\s+at|stands\s+at)\s+)?|"
                              rf"\s+(?:also\s+|only\s+|just\s+)?{SAME_LEVEL_VERB}\s+(?:only\s+|just\s+|about\s+|around\s+|"
                              rf"roughly\s+|nearly\s+|almost\s+)?)?(?:at\s+|with\s+)?)?")
"""After the list's last word, before a listed percentage: nothing, an economy's name ("China 2.4%"; "while Germany's
was 3.13 per cent"; "below Germany's 3.1%"), a name and a verb of the level itself ("while the US spent 3.5%"), or "the
global average of"; never words of another measure ("while the United States kept a 3.4% average tariff", "while the
US grew 3.5%", "while the US CPI stood at 3.4%")."""
LISTED_ITEM_TAIL = re.compile(rf"\s*(?:(?:in|for)\s+(?:the\s+)?{LIST_NAME})?(?:\s+in\s+(?:19|20)\d{{2}})?\s*(?:[,;.)]|and\b|respectively\b|$)")
"""After a listed percentage: its economy ("in the United States") and the list's end or next item, nothing else."""
RATIO_LIST_OPENER = re.compile(r"(?i)\b(?:such\s+as|like|including|compared\s+(?:to|with)|versus|against)\b")
NEXT_ITEM_BEFORE_ITS_RATIO = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?{LIST_NAME}\s+$")
"""Between a bare percentage and the next, its list's joint and the next economy's name ("the US spent 3.45% and China
2.65% of GDP on R&D"): the ratio said after the last is each one's."""
BRACKETED_ITEM_LEAD = re.compile(rf"(?:^|,|\band|such\s+as|like|including|with|to)\s+(?:even\s+|also\s+)?(?:the\s+)?{LIST_NAME}\s*\($")


INTENSITY_ITEM_BEFORE = re.compile(rf"(?:^|[,;:]\s*|\b(?:and|while|whereas|but)\s+)(?:in\s+)?(?:the\s+)?"
                                   rf"(?P<name>{LIST_NAME})(?:['’]s?)?(?:\s+(?:R&D|research(?:\s+and\s+development)?)"
                                   r"(?:\s+(?:spending|intensity|ratio|expenditure))?)?\s+(?:(?:" + SAME_LEVEL_VERB
                                   + r"|is|was|stood\s+at|stands\s+at|reached|is\s+at|was\s+at)\s+)?"
                                   r"(?:only\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|just\s+|some\s+)?$")
"""Right before such a percentage, an item of its own: an economy's name, its R&D's words or none, and a verb of the
level of spending itself or of being ("The United States spends about", ", Japan", "the UK's R&D is"); nothing else
("its defence budget is", "raised its spending by")."""
OTHER_SPENDING = re.compile(r"(?i)\b(?:defen[cs]e|military|armed|army|navy|education|health\w*|welfare|pensions?|"
                            r"climate|culture|arts?|sav(?:es|ings?|ed)|social|budgets?|inflation|unemployment|tax\w*|"
                            r"deficits?|debt|interest|tariffs?|business|government|corporate|public|private|"
                            r"infrastructure|subsid\w+|aid)\b")
"""Words of another spending or ratio in the sentence: a bare percentage there may be theirs."""
CHANGE_BY = re.compile(r"(?i)\bby\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?[-+]?\d")
"""A change said by an amount ("raised its spending by 4.8 percent")."""
INTENSITY_ITEM_ENDS = re.compile(r"\s*(?:(?:in|for)\s+(?:19|20)\d{2}\s*)?(?:on\s+(?:R&D|research(?:\s+and\s+development)?)"
                                 r"\s*)?(?:[,;.)]|and\b|while\b|whereas\b|$)")
"""After such a percentage, the end of its item (its year, "on R&D" apart): not "on defence", "more each year",
"lower"."""


def _intensity_carried(sentence: str, reads: list[Read], context: Context, paragraph: int) -> None:
    """"China spent 2.68% of its GDP on R&D in 2024. The United States spends about 3.5 percent, Japan 3.4 percent":
    after a sentence giving R&D spending's ratio to GDP (`Context.intensity`), a bare percentage of R&D spending the
    next sentence gives an economy, with no word of growth, share or part in its clause and no "of" after it, is that
    ratio for its economy; when the sentence itself gives no ratio to GDP (then `_ratios_listed_with_one` reads its
    list). Assumed, so never an accusation."""
    if context.intensity is None or context.intensity_paragraph != paragraph \
            or any(r.frame.kind == "percent_of_gdp" for r in reads) \
            or any(r.frame.transformation in ("growth_rate", "change") or re.match(r"\s+of\b", sentence[r.figure.end:])
                   for r in reads) or CHANGE_BY.search(sentence) or OTHER_SPENDING.search(sentence):
        return  # (a list going on with a growth or another share: "raised its R&D spending by 4.8 percent, Japan 3.4
        # percent", "spends 3.1 percent of its budget on R&D, Britain 2.8 percent")
    clauses = _clauses(sentence)
    previous_end = 0  # where the previous item read so ended (an item opens the sentence or follows one)
    for read in reads:
        frame = read.frame
        item = INTENSITY_ITEM_BEFORE.search(sentence, 0, read.figure.start)
        opens = item is not None and re.fullmatch(r"[\s,;:]*(?:(?:and|while|whereas|but)\s*)?",
                                                  sentence[previous_end: item.start()])
        if frame.kind != "percent" or frame.subject != "rd" or frame.measure not in (None, "spending") \
                or frame.transformation is not None or frame.role != "figure" or frame.entity_from != "stated" \
                or not 0 < read.value < INTENSITY_CEILING or re.match(r"\s+of\b", sentence[read.figure.end:]) \
                or PART_OR_PACE.search(sentence, _clause_of(clauses, read.figure.start)[0], read.figure.start) \
                or "-" in (frame.entity or "-") or not INTENSITY_ITEM_ENDS.match(sentence, read.figure.end) \
                or not opens or not any(p.value == frame.entity and p.words.lower() not in city_names()
                                        for p in mentions("place", item.group("name"))):
            return  # (a list's items are read in order: one that is not an item of its own ends the list)
        frame.kind, read.unit = "percent_of_gdp", "percent of GDP"
        frame.measure, frame.measures, frame.measure_from = "spending", ("spending",), "assumed"
        read.check, read.step = check_and_step(dataclasses.replace(read.figure, value=read.value, unit=read.unit),
                                               read.comparator)
        frame.notes.append("R&D spending said as a percentage after a sentence on its ratio to GDP: that ratio "
                           "(R&D intensity), assumed")
        previous_end = read.figure.end


def _ratios_listed_with_one(sentence: str, reads: list[Read]) -> None:
    """"South Korea spent 4.9 per cent of its GDP on R&D in 2022, against 3.4 per cent in the United States and 2.4
    per cent in China"; "countries such as South Korea (4.8 per cent) and China (2.4 per cent), India's spend on R&D as
    a share of GDP is barely 0.65 per cent": a bare percentage of another economy, an item of a list with a percentage
    of GDP (after it, with nothing but its economy's name around it; or in brackets after its economy's name in a list
    that "such as", "compared with" opens before it), is that ratio for its own economy. Not a percentage with words
    of its own ("while the US CPI stood at 3.4%"), nor one of the same economy."""
    mains = [r for r in reads if r.frame.role == "figure" and r.frame.kind == "percent_of_gdp"]
    if not mains:
        return
    for read in reads:
        frame = read.frame
        if not (frame.role == "figure" or frame.compared_across) or frame.kind != "percent" \
                or frame.transformation is not None or frame.entity_from != "stated" or not 0 < read.value < 100:
            continue
        after = [m for m in mains if m.figure.end <= read.figure.start]
        main = after[-1] if after else next((m for m in mains if m.figure.start >= read.figure.end), None)
        if main is None or main.frame.entity in (None, frame.entity) \
                or main.frame.subject == "rd" and read.value >= INTENSITY_CEILING:
            continue
        lead = read.figure.start - len(read.wording)
        if main in after:
            words = list(LIST_WORD.finditer(sentence, main.figure.end, lead))
            if not words or not LISTED_ITEM_LEAD.fullmatch(sentence, words[-1].end(), lead) \
                    or not LISTED_ITEM_TAIL.match(sentence, read.figure.end):
                continue
            if re.search(SAME_LEVEL_VERB, sentence[words[-1].end(): lead]) \
                    and (words[-1].group(0) == "," or ";" in sentence[main.figure.end: lead]
                         or main.frame.measure != "spending" and main.frame.subject != "rd"):
                continue  # "...; on defence, the UK spent 2.3%": a verb after a bare comma or a new clause may
                # spend on anything; "exports equalled 19.7% of GDP, while the US spent 3.5%" spends on no export
        elif not (sentence[read.figure.end: read.figure.end + 1] == ")" and BRACKETED_ITEM_LEAD.search(sentence[:lead])
                  and RATIO_LIST_OPENER.search(sentence, 0, lead)) \
                and not NEXT_ITEM_BEFORE_ITS_RATIO.fullmatch(sentence, read.figure.end,
                                                             main.figure.start - len(main.wording)):
            continue  # before its ratio, only "such as South Korea (4.8 per cent)", "the US spent 3.45% and China
            # 2.65% of GDP"
        frame.kind, read.unit = "percent_of_gdp", main.unit
        for key in ("measure", "measures", "subject", "subject_from"):
            setattr(frame, key, getattr(main.frame, key))
        frame.measure_from = "assumed"  # the denominator said once for the list: never an accusation
        read.check, read.step = check_and_step(dataclasses.replace(read.figure, value=read.value, unit=read.unit),
                                               read.comparator)
        frame.notes.append(f"listed with a percentage of GDP ({main.figure.value:g}): that ratio for its own economy, "
                           "assumed")


BRACKETED_RANK = re.compile(r"\(\s*(?:both\s+|all\s+|each\s+|jointly\s+|joint\s+)?\d{1,3}(?:st|nd|rd|th)"
                            r"(?:\s+(?:place|position|rank))?\s*\)$", re.I)
"""A place in brackets: "(1st)", "(both 1st)", "(8th place)"."""


def _rank_of_a_named_item(frame: Frame, figure: Figure, sentence: str, places: list[Mention]) -> None:
    """"It holds top positions for its Researchers (1st), Intellectual property (IP) payments and receipts (both
    1st)": a rank in brackets right after words that name no economy is that item's rank (an indicator's, a
    pillar's), not the economy's place in the index; the store does not rank such items (unverifiable). "China (12th)",
    "Korea (4th / +2)" stay the economy's."""
    if frame.kind != "rank":
        return  # (a subject stated elsewhere in the sentence, "In the GII 2024, ...", is not what the item is)
    close = sentence.find(")", figure.end - 1)
    opened = sentence.rfind("(", 0, figure.start + 1)
    if opened < 0 or close < 0 or not BRACKETED_RANK.search(sentence[opened: close + 1]):
        return
    words = sentence[max(0, opened - 40): opened].rstrip()
    if not re.search(r"[A-Za-z]$", words) or any(p.end >= opened - 2 and p.end <= opened for p in places) \
            or INDEX_NAMED_WORDS.search(words[-30:]):
        return
    frame.subject, frame.subject_from = "other:named_item", "stated"
    frame.notes.append("a rank in brackets after an item's name (not an economy's): that item's rank")


INDEX_NAMED_WORDS = re.compile(r"(?i)(?:\bGII|Global Innovation Index|\bindex|\branking)\s*$")


SPENT_ON_AFTER = re.compile(r"(?i)(?:\s*of\s+(?:the\s+)?(?:" + GDP_OWNER + r")?(?:GDP|gross domestic product|economic "
                            r"output|economy))?\s+(?:on|into)\s+(?!average\b|balance\b|an?\s|(?:the\s+)?year\b)"
                            r"((?:the\s+)?[a-z][\w&-]*)")
"""After a percentage of GDP, what it was spent on ("1.7% of its economy on defence and 2.65% on R&D")."""


def _spent_on_another(frame: Frame, figure: Figure, sentence: str) -> None:
    """"China spent 1.7% of its economy on defence and 2.65% on R&D": a percentage of GDP spent on something no
    subject word names is not the R&D named after the next figure (it had been judged against R&D intensity)."""
    spent = SPENT_ON_AFTER.match(sentence, figure.end)
    if frame.kind != "percent_of_gdp" or not spent:
        return
    rest = sentence[spent.start(1): spent.start(1) + 60]
    if any(m.start <= len(spent.group(1)) - len(spent.group(1).removeprefix("the ")) + 1
           for m in (*mentions("subject", rest), *mentions("place", rest))):
        return  # "on research and development", "in China"
    frame.subject, frame.subject_from = f"other:{spent.group(1).removeprefix('the ').lower()}", "stated"
    frame.notes.append(f"a percentage of GDP spent on {spent.group(1)}: not a subject the store holds")


def _gdp_after(sentence: str, figure: Figure, clause: tuple[int, int], places: list[Mention]) -> bool:
    """"of GDP", "of its GDP", "of the UK's GDP" right after a percentage. A GDP a name owns is the figure's
    denominator only when no other economy is named before the figure in its clause: "China's exports to the US were
    equal to 11% of America's GDP" is no share of the US's own exports (nor of China's GDP)."""
    found = GDP_AFTER.match(sentence, figure.end)
    if not found or not found.group(0).lstrip().lower().startswith("of") \
            and CHANGED_BEFORE.search(sentence, max(0, figure.start - 40), figure.start):
        return False
    owners = {p.value for p in places if found.start() <= p.start < found.end()}
    return not owners or not any(p.value not in owners for p in places if clause[0] <= p.start < figure.start)


RATIO_TO_GDP_BEFORE = re.compile(r"(?i)\b(?:ratio|share|proportion)\s+(?:compared\s+)?(?:to|with|against|relative\s+to)\s+"
                                 r"(?:the\s+)?(?:GDP|gross\s+domestic\s+product)\b(?!\s+(?:growth|expansion)\b)")
"""A ratio to GDP named without its numerator ("the ratio compared to GDP also rose ... from 4.85% in 2022")."""
RATIO_TO_GDP_AFTER = re.compile(r"(?i)\s+(?:compared\s+(?:to|with)|relative\s+to)\s+(?:the\s+)?"
                                r"(?:GDP|gross\s+domestic\s+product)\b(?!\s+(?:growth|expansion)\b)")
"""Right after a percentage, the GDP it is compared to ("a research and development cost ratio of 4.96% compared to
the gross domestic product")."""
OTHER_NUMERATOR = re.compile(r"(?i)\b(?:debts?|deficits?|surplus|exports?|imports?|trade|tax(?:es)?|revenues?|budget|"
                             r"military|defen[cs]e|health|education|consumption|savings?|reserves?|bonds?|loans?|"
                             r"credit|leverage|pensions?|wages?|social\s+security|finance|money|M2|infrastructure|"
                             r"FDI|outbound|inflows?|outflows?|government|public|subsid(?:y|ies)|"
                             r"investment\s+in\s+(?!R&D))\b")
"""Numerators of other ratios to GDP ("the debt ratio compared to GDP", "the ratio to GDP of bank loans"): none may
stand between R&D and the figure."""
RATIO_OWNER_BEFORE = re.compile(r"(?i)(?:\b(?:the|its|their|this|that|a|an)|R&D|R\s*&\s*D|GERD|development"
                                r"(?:\s+(?:cost|spending|expenditure|investment))?)\s+$")
"""Right before the ratio's word, nothing that could be another numerator: a determiner ("the ratio", "its share")
or R&D's own words ("a research and development cost ratio"); not "the climate finance ratio", "investment's ratio"."""
GROWTH_RIGHT_BEFORE = re.compile(r"(?i)\b(?:rose|grew|increased|fell|declined|dropped|climbed|jumped|slipped|up|down)"
                                 r"(?:\s+by)?\s+$")
"""A growth verb right before a percentage ("the ratio to GDP rose 3.5 percent from a year earlier"): the ratio's
growth, not its level ("rose to 4.96%", "from 4.85%" are levels)."""


def _another_numerator(sentence: str, reads: list[Read]) -> None:
    """"China's R&D spending rose 8.1% in 2023, while the pension fund's ratio to GDP was only 2.5%": a ratio to GDP
    after which, past a break (a comma, "while", "and"), the text since the sentence's last words on R&D names another
    numerator is not R&D's (it had been called false against China's R&D intensity): no series measures it."""
    for read in reads:
        if read.frame.subject != "rd" or not (
                read.frame.kind == "percent_of_gdp" or read.frame.kind == "percent"
                and re.search(r"(?i)\b(?:ratio|share|proportion)\s+(?:compared\s+)?(?:to|of)\s+(?:the\s+)?GDP\b",
                              sentence[max(0, read.figure.start - 60): read.figure.start])):
            continue  # (a percentage said after "ratio to GDP" that another rule read as R&D spending's growth too)
        named = _rd_named_before(sentence, read.figure.start)
        if not named:
            continue  # ("The US government spent 0.7% of GDP on R&D": R&D named after the figure is its numerator)
        since = named[-1].end
        other = OTHER_NUMERATOR.search(sentence, since, read.figure.start)
        if other is not None and not _names_gdp_ratio(sentence[since: read.figure.start]) \
                and re.search(r"[,;]|\b(?:while|whereas|and|but|meanwhile|also)\b", sentence[since: other.start()]):
            # (a numerator of its own, after a break: not "R&D infrastructure", a part of R&D, judged elsewhere)
            read.frame.subject, read.frame.subject_from = "other:ratio_to_gdp", "stated"
            read.frame.notes.append(f"a ratio to GDP of “{other.group(0)}”, not of R&D")


def _growth_of_a_ratio_to_gdp(sentence: str, reads: list[Read]) -> None:
    """"China's R&D spending grew strongly in 2023, and the ratio to GDP rose 3.5 percent from a year earlier": a
    growth rate said of a ratio to GDP (named before it in its clause) is the ratio's growth, which no series measures;
    not the growth of the spending named before (it had been called false against R&D spending's 8.4%)."""
    clauses = _clauses(sentence)
    for read in reads:
        a, _ = _clause_of(clauses, read.figure.start)
        if read.frame.kind == "percent" and read.frame.transformation == "growth_rate" \
                and RATIO_TO_GDP_BEFORE.search(sentence, a, read.figure.start):
            read.frame.subject, read.frame.subject_from = "other:ratio_to_gdp", "stated"
            read.frame.notes.append("the growth of a ratio to GDP, not of what the ratio divides")


def _rd_ratio_to_gdp(sentence: str, clause: tuple[int, int], figure: Figure) -> bool:
    """"Korea's total research and development expenditure increased by 6.428 trillion won ..., and the ratio
    compared to GDP also rose by 0.11 percentage points from 4.85% in 2022"; "a research and development cost ratio
    of 4.96% compared to the gross domestic product": a ratio to GDP said without a numerator of its own, in a
    sentence that names R&D before it and no other numerator since, is read as R&D's (assumed, never an accusation:
    the words do not say whose ratio it is). Not "the ratio to GDP of bank loans", "the climate finance ratio", nor a
    growth of the ratio."""
    ratio = RATIO_TO_GDP_BEFORE.search(sentence, clause[0], figure.start)
    if ratio is None and RATIO_TO_GDP_AFTER.match(sentence, figure.end) \
            and re.search(r"(?i)\b(?:ratio|share|proportion|intensity)\b", sentence[clause[0]: figure.start]):
        ratio = RATIO_TO_GDP_AFTER.match(sentence, figure.end)
    if ratio is None or GROWTH_RIGHT_BEFORE.search(sentence, max(0, figure.start - 20), figure.start):
        return False
    if ratio.start() < figure.start and (re.match(r"\s+(?:of|for)\b", sentence[ratio.end():])
                                         or not RATIO_OWNER_BEFORE.search(sentence, max(0, ratio.start() - 45),
                                                                          ratio.start())):
        return False
    named = _rd_named_before(sentence, min(ratio.start(), figure.start))
    return bool(named) and not OTHER_NUMERATOR.search(sentence, named[-1].end, max(ratio.end(), figure.start))


def _rd_named_before(sentence: str, at: int) -> list[Mention]:
    """The words naming R&D (the vocabulary's subject "rd") that end before `at`."""
    return [m for m in mentions("subject", sentence) if m.value == "rd" and m.end <= at]


def _gdp_ratio_said_before(sentence: str, start: int, at: int, measures: list[Mention], figures: list) -> bool:
    """The words of a ratio to GDP before a percentage in its clause ("R&D intensity ... rising from 2.38 per cent in
    2021 to 2.49 per cent", "R&D intensity, the ratio of R&D spending to GDP, reached 2.69%"), unless another measure
    is named after a figure since ("as a share of GDP reached 2.64 percent ..., as total spending rose 8.1 percent":
    the spending's growth)."""
    said = list(_gdp_ratio_words().finditer(sentence, start, at))
    if not said:
        return False
    since = [f.end for f in figures if said[-1].end() <= f.start and f.end <= at]
    return not since or not any(since[0] <= m.start < at and m.value != "share" for m in measures)


def _names_gdp_ratio(text: str) -> bool:
    """The words before a percentage in its clause say it is a ratio to GDP ("R&D intensity ... 2.65 percent")."""
    return bool(_gdp_ratio_words().search(text))


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _gdp_ratio_words() -> re.Pattern:
    return re.compile(r"(?i)(?<![\w])(?:" + "|".join(re.escape(w) for w in vocabulary()["percent_of_gdp_words"])
                      + r")(?![\w])(?!\s+(?:growth|expansion)\b)")  # ("R&D spending relative to GDP growth": no ratio)


def _before_words(unit: str, the: str = "") -> str:
    """The words of the `unit` ("month", "quarter") before the one a text speaks of: "the previous month", "a month
    earlier", "last month", "the month before" (`the`: what must stand before "previous")."""
    return (rf"{the}(?:previous|prior|preceding)\s+{unit}|a\s+{unit}\s+(?:earlier|before|ago)|last\s+{unit}|"
            rf"the\s+{unit}\s+before")


MOM_BASE = re.compile(rf"(?i)(?:\b(?:{COMPARISON_WORDS}|over)|(?<=\d)\s*(?:%|percent|per\s+cent)\s+on)\s+(?:the\s+)?"
                      rf"(?:{_before_words('month')}|({MONTHS}))\b(?!['’]s|,?\s+(?:19|20)\d{{2}}|"
                      rf"\s+(?:of\s+)?(?:last|the\s+previous|a|the\s+same)\s+year|\s+\d)")
"""A growth's base a month before ("compared with September, exports were up 5.2 percent" in a story on October,
"up 3% from the previous month", "up 1.2 percent on July": "on" right after the rate; not "on July 7", a date, nor
"improving on May"): a month-on-month change."""
MOM_DATED_BASE = re.compile(rf"(?i)(?:%|\bpercent|\bper\s+cent)\s+(?:(?:increase|decrease|rise|fall|drop|decline|gain|"
                            rf"jump|growth|surge|plunge)\s+)?(?:compared\s+(?:with|to)|on|over|versus|against)\s+"
                            rf"(?:the\s+)?({MONTHS}),?\s+((?:19|20)\d{{2}})\b")
"""A growth's base the month before, with its year, right after the rate ("a 32% increase compared to December 2022"
in January 2023); not a pace compared ("accelerating from July 2024", "slower than June 2024")."""
DATED_BASE_MONTH = re.compile(rf"(?i)\b(?:{COMPARISON_WORDS}|on)\s+(?:the\s+)?({MONTHS}),?\s+((?:19|20)\d{{2}})\b")
"""After a growth, its base as a month with its year ("compared to February 2022", "from March 2023"): the same month
a year before makes it year on year."""


CHANGE_NOUN_ONLY = re.compile(r"(?i)\s*(?:(?:increase|decrease|rise|fall|drop|decline|gain|jump|growth)\s*)?")
"""Between a rate and a base, nothing but its change's noun: the base is that rate's ("a 32% increase compared to
December 2022 and 55% growth on January 2022": not the 55%'s)."""


MOM_BASE_FIGURE = re.compile(rf"(?i)\b(?:{COMPARISON_WORDS})\s+(?:the\s+)?(?:({MONTHS})['’]s\s+(?:[\w-]+\s+)?(?=US\$|[$€¥£]?\d)|"
                             rf"(?:US\$|[$€¥£])?\d[\d.,]*\s*(?:trillion|billion|million|bn|tn|m)?\s+(?:in|for)\s+({MONTHS})\b"
                             rf"(?!,?\s+(?:19|20)\d{{2}}))")
"""A growth's base a month before given as that month's figure ("up 21% compared to October's $56.5 billion", "up 21%
from $56.5 billion in October"): month on month when the month is the one before the growth's own."""


YEAR_ON_YEAR_BEFORE = re.compile(r"(?i)\b(?:year[-\s]on[-\s]year|y/y|yoy)\s+(?:" + CHANGE_NOUNS
                                 + r"|decrease|jump|surge)?\s*(?:of\s+|by\s+)?(?:about\s+|around\s+|nearly\s+)?$")
"""Year-on-year words right before a figure, naming its own change ("a year-on-year increase of 7.2%")."""
YEAR_ON_YEAR = re.compile(r"(?i)\b(?:year[-\s]on[-\s]year|on[-\s]year|from\s+a\s+year\s+(?:earlier|ago|before)|y/y|yoy|"
                          r"(?:from|than|over|compared\s+(?:with|to))\s+the\s+same\s+(?:period|month|time))\b")


QOQ_BASE = re.compile(rf"(?i)\b(?:{COMPARISON_WORDS}|over|on)\s+(?:the\s+)?(?:{_before_words('quarter')})\b")
"""A growth's base a quarter before ("GDP grew 1.3 percent in the third quarter from the previous quarter", "rose
13.6% on the previous quarter")."""


def _month_on_month(sentence: str, frame: Frame, clause: tuple[int, int], figures: list[Figure], index: int) -> str | None:
    """"month-on-month" when a growth rate of a month is a change from the month before (said between the figures
    before and after it in its clause: "up 23.5 percent year-on-year and up 6.3 percent from November" is the 6.3's
    alone), "quarter-on-quarter" for a quarter's from the quarter before, else None."""
    if frame.transformation != "growth_rate" or frame.role != "figure":
        return None
    if re.fullmatch(r"\d{4}-Q[1-4]", frame.period or ""):
        end = min(clause[1], figures[index + 1].start if index + 1 < len(figures) else len(sentence))
        return "quarter-on-quarter" if QOQ_BASE.search(sentence, max(clause[0], figures[index - 1].end if index else 0),
                                                       end) else None
    if not re.fullmatch(r"\d{4}-\d{2}", frame.period or ""):
        return None
    start = max(clause[0], figures[index - 1].end if index else 0)
    end = min(clause[1], figures[index + 1].start if index + 1 < len(figures) else len(sentence))
    if YEAR_ON_YEAR.search(sentence, figures[index].end, end) or _shifted(frame.period, 12) in (
            f"{m.group(2)}-{MONTH_NUMBERS[m.group(1).lower()]:02d}"
            for m in DATED_BASE_MONTH.finditer(sentence, figures[index].end, end)):
        return None  # "grew 6.7 per cent in November from a year earlier, slowing from ...", "7.2 percent on-year last
        # month, rebounding from June", "a 6% increase compared to February 2022": its own words say year on year
    # (the base may be a figure of the month before: "up 21% compared to October's $56.5 billion", "up 21% from $56.5
    # billion in October")
    if _shifted(frame.period, 1) in (f"{m.group(2)}-{MONTH_NUMBERS[m.group(1).lower()]:02d}"
                                     for m in MOM_DATED_BASE.finditer(sentence, figures[index].start, end)):
        return "month-on-month"
    for m in (*MOM_BASE.finditer(sentence, start, end), *MOM_BASE_FIGURE.finditer(sentence, start, len(sentence))):
        if m.start() >= end or m.start() < figures[index].start and index and figures[index - 1].unit == "percent" \
                and CHANGE_NOUN_ONLY.fullmatch(sentence, figures[index - 1].end, m.start()) \
                or m.re is MOM_BASE_FIGURE and next(
                (f.unit for f in figures if f.start >= m.start()), "percent") == "percent":
            continue  # (not "better than October's 1 per cent growth": two rates compared; not the base after the
            # rate before: "a 2% increase compared to December and 55% growth on January 2022")
        month = next((g for g in m.groups() if g), None)  # None: "the previous month" (MOM_BASE only)
        if month is None and m.re is MOM_BASE \
                or month and int(_shifted(frame.period, 1)[5:]) == MONTH_NUMBERS[month.lower()]:  # (December in January)
            return "month-on-month"
    return None


def _real_growth_subjects() -> frozenset[str]:
    """Subjects whose stored growth series are at constant prices (vocabulary `real_growth_subjects`: GDP)."""
    return frozenset(vocabulary().get("real_growth_subjects") or ())


def _real_terms() -> frozenset[str]:
    """The qualifiers saying a growth is at constant prices (vocabulary `real_terms`), lower case."""
    return frozenset(w.lower() for w in vocabulary().get("real_terms") or ())


def _sequential_months(words: str) -> int:
    """How many months back the period a change on the period before is on ("MoM": 1, "q/q": 3), by the
    vocabulary's `sequential_months`; 0 for other qualifiers."""
    return _sequential_table().get(words.lower(), 0)


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _sequential_table() -> dict[str, int]:
    """The vocabulary's `sequential_months`, lower case (asked once per qualifier word and figure)."""
    return {k.lower(): v for k, v in (vocabulary().get("sequential_months") or {}).items()}


LIST_REACH = 12
"""How many figures of a list, each way, may share a qualifier (a list of thousands in one sentence stays linear)."""
LISTED_BETWEEN = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+(?:[a-z]+\s+){0,2}?)?")
"""Between two figures of a list ("5.5 percent and 8.1 percent", "3%, 4%", "rose 3.4 percent and imports fell 0.2
percent month on month"): the list's joints, and up to two words of the next flow after "and"."""


def _qualifier(sentence: str, figure: Figure, clause: tuple[int, int], figures: list[Figure] = (),
               index: int = 0) -> str | None:
    """A qualifier near the figure in its clause, or opening its clause ("After deducting price factors, China's
    R&D spending in 2022 rose 8 percent"). A change on the month or quarter before is read only between the figures
    beside it (`figures`, `index`: "a 16% year-on-year increase and a 12% month-on-month decrease" is the 12%'s)."""
    window = sentence[max(clause[0], figure.start - 50): min(clause[1], figure.end + 50)].lower()
    first = last = index
    listed = not re.search(r"(?i)\brespectively\b", sentence)  # ("up 18% and 1% respectively year-on-year and
    # month-on-month": each its own)
    while listed and figures and first > 0 and index - first < LIST_REACH and figures[first - 1].unit == figure.unit \
            and LISTED_BETWEEN.fullmatch(sentence, figures[first - 1].end, figures[first].start):
        first -= 1  # ("increasing by 5.5 percent and 8.1 percent month on month": the list shares its qualifier)
    while listed and figures and last + 1 < len(figures) and last - index < LIST_REACH \
            and figures[last + 1].unit == figure.unit \
            and LISTED_BETWEEN.fullmatch(sentence, figures[last].end, figures[last + 1].start):
        last += 1
    lo = figures[first - 1].end if figures and first else 0
    hi = figures[last + 1].start if figures and last + 1 < len(figures) else len(sentence)
    span = (figures[first].start, figures[last].end) if figures else (figure.start, figure.end)
    own = sentence[max(clause[0], span[0] - 50, lo): min(clause[1], span[1] + 50, hi)].lower()
    opening = sentence[clause[0]: figure.start].lower()
    opening = opening[: opening.find(",")] if "," in opening[:60] else ""
    yoy_own = bool(re.match(r"(?i)\s*(?:year[\s-](?:on|over)[\s-]year|y/y|yoy|on[\s-](?:the\s+)?year)\b",
                            sentence[figure.end:]))
    for words in vocabulary()["qualifiers"]:
        if _sequential_months(words) and yoy_own:
            continue  # ("after rising 1.5% year-on-year in the previous month": its own words say year on year)
        if re.search(rf"(?<![\w]){re.escape(words.lower())}(?![\w])",
                     (own if _sequential_months(words) else window) + " | " + opening):
            return words
    return _sequential_change(sentence, figure)


def _sequential_change(sentence: str, figure: Figure) -> str | None:
    """"down 12% MoM from 17.34 GW", "up 3.1% q/q": a change on the previous month or quarter, right after the
    percentage (`sequential_after`, abbreviations a wider window would pin on the sentence's levels); no stored series
    holds such a rate, and it is not a year-on-year growth."""
    after = sentence[figure.end: figure.end + 30]
    for words in vocabulary().get("sequential_after") or []:
        # (also after the change's noun: "a 15% decline MoM")
        if re.match(rf"\s*(?:{CHANGE_NOUNS}\s+)?{re.escape(words)}(?![\w])", after, re.IGNORECASE):
            return words
    return None


def _pair_measures(sentence: str, reads: list[Read]) -> None:
    """"production and sales reached 12.89 million and 12.87 million, up 34.4 percent and 35.5 percent":
    two measures and figures in pairs joined by "and": the first figure of a pair is the first measure's."""
    for a, b in zip(reads, reads[1:]):
        fa, fb = a.frame, b.frame
        if len(fa.measures) == 2 and fa.measures == fb.measures and fa.kind == fb.kind \
                and re.fullmatch(r"\s*(?:units?|vehicles|yuan|percent|%)?\s*(?:,\s*)?(?:and|,)\s*", sentence[a.figure.end: b.figure.start - len(b.wording)]):
            fa.measure, fb.measure = fa.measures
            fa.measures, fb.measures = (fa.measure,), (fb.measure,)


LIST_VALUE_BEFORE = re.compile(r"\s*(?:the\s+)?[A-Z][\w.'’ -]{0,40}?\s*[–—:-]\s*$")


def _score_unit(subject: str | None) -> str | None:
    """The unit of the score the vocabulary gives `subject` (`unit_subjects`: score -> innovation_index), else None."""
    return next((unit for unit, counted in (vocabulary().get("unit_subjects") or {}).items()
                 if counted == subject and unit_kind(unit) == "score"), None) if subject else None


def _ranks_and_scores(sentence: str, reads: list[Read]) -> None:
    """A rank and a score of one sentence are of one index: "This country has ranked second with a score of 64.5"
    (the rank takes the score's subject, assumed); and in a ranking list "2. Sweden – 64.5" the bare decimal after
    the ranked economy is its score when the vocabulary gives the ranked subject one (the list's value)."""
    scores = [r for r in reads if r.frame.kind == "score" and r.frame.subject]
    for read in reads:
        if read.frame.kind == "rank" and not read.frame.subject and scores:
            read.frame.subject, read.frame.subject_from = scores[0].frame.subject, "assumed"
            read.frame.notes.append("the index of the score beside it")
    for rank, value in zip(reads, reads[1:]):
        unit = _score_unit(rank.frame.subject)
        if rank.frame.kind != "rank" or value.frame.kind != "count" or not value.figure.decimals or unit is None \
                or not LIST_VALUE_BEFORE.fullmatch(sentence, rank.figure.end, value.figure.start - len(value.wording)):
            continue
        frame = value.frame
        value.unit, frame.kind = unit, unit_kind(unit)
        frame.measure, frame.measure_from, frame.measures = "score", "stated", ("score",)
        for key in ("subject", "subject_from", "entity", "entity_from", "entity_bound", "period", "period_from"):
            setattr(frame, key, getattr(rank.frame, key))
        frame.notes.append(f"the value of the ranked economy in a list ({rank.frame.subject}: a score)")
    for score in scores:
        # "Switzerland, with a score of 67.6, and Sweden, with 64.2", "a score of 21.00 points ... from the previous
        # year's 21.24 points": a bare decimal listed after a score, or counted in its points, is a score too
        for value in reads:
            before = sentence[max(0, value.figure.start - len(value.wording) - 25): value.figure.start - len(value.wording)]
            if value.figure.start <= score.figure.end or value.frame.kind != "count" or not value.figure.decimals \
                    or not (SCORE_LIST_GAP.fullmatch(sentence, score.figure.end, value.figure.start - len(value.wording))
                            or POINTS_AFTER.match(sentence, value.figure.end)) \
                    or re.search(r"(?i)\bby\s+$", before) or RANK_UP.search(before) or RANK_DOWN.search(before) \
                    or re.search(CHANGE_NOUN + r"|\b(?:change|improvement|loss)\b", before, re.I):
                continue  # (not "slipped 1.5 points": a change of the score)
            frame = value.frame
            value.unit, frame.kind = score.unit, score.frame.kind
            frame.measure, frame.measure_from, frame.measures = "score", "stated", ("score",)
            frame.subject, frame.subject_from = score.frame.subject, "assumed"
            frame.notes.append(f"a score like {sentence[score.figure.start: score.figure.end]} before it")
    for score, value in zip(reads, reads[1:]):
        # "with scores of 64.5 and 62.4, respectively": a bare decimal listed right after a score is one too
        if score.frame.kind == "score" and value.frame.kind == "count" and value.figure.decimals \
                and LIST_JOIN.fullmatch(sentence, score.figure.end, value.figure.start - len(value.wording)):
            value.unit, value.frame.kind = score.unit, score.frame.kind
            value.frame.measure, value.frame.measure_from, value.frame.measures = "score", "stated", ("score",)
            value.frame.subject, value.frame.subject_from = score.frame.subject, "assumed"
            value.frame.notes.append(f"listed right after the score {sentence[score.figure.start: score.figure.end]}")


SCORE_LIST_GAP = re.compile(r"\s*(?:points?\s*)?[,;]?\s*(?:and\s+|while\s+|followed\s+by\s+)?(?:the\s+)?"
                            r"[A-Z][\w.'’ -]{0,40}?,?\s+(?:with|at|on|scoring|scored|has|had)\s+(?:a\s+)?$")
"""Between a score and the next economy's bare value in a list ("with a score of 67.6, and Sweden, with 64.2")."""
POINTS_AFTER = re.compile(r"(?i)\s+points?\b(?!\s+(?:lower|higher|more|less|up|down|behind|ahead))")
"""After a bare decimal, "points" (of a score the sentence gives: "the previous year's 21.24 points"), not a gap."""


CHANGE_NOUN = r"\b(?:increase|rise|growth|gain|decrease|decline|drop|fall|reduction)"
CHANGE_BEFORE = re.compile(r"(?i)(?:" + CHANGE_NOUN + r"(?:\s+of|(?:\s+in\s+[^,.;:()]{1,60}?)?\s+(?:reached|was|stood\s+at|"
                           r"totall?ed|amounted\s+to|hit|came\s+to))|"
                           r"\b(?:increased|rose|grew|gained|jumped|climbed|fell|dropped|declined|decreased|up|down)"
                           r"\s+by)\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+|more than\s+)?$")
"""The words before a sum of money or a count that make it a change of a level: "an increase of 257 billion yuan",
"trade growth reached 2.1 trillion yuan", "the increase in goods trade was 2.1 trillion yuan", "rose by 1.2 million"."""
GROWTH_OR_BEFORE = re.compile(r"(?i)\b(?:(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)up|down|rose|grew|increased|gained|"
                              r"jumped|climbed|surged|fell|dropped|declined|decreased)\s+(?:by\s+)?\d[\d.,]*\s*"
                              r"(?:per\s*cent|percent|%),\s*or\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+|more than\s+)?$")
"""A growth said again as a sum: "up 12.5 percent, or 246.57 billion yuan" is the change it adds when a level of the
sentence in the same unit is more than twice as large; without one ("rose 5.9 percent, or 3.58 trillion U.S.
dollars, in 2024") the sum is the level itself (not "made up 59 percent, or ...")."""
CHANGE_SUBJECT = re.compile(r"(?i)" + CHANGE_NOUN + r"\b")
"""A change noun anywhere before a figure: read as a level, the figure is never an accusation (drafting.py)."""
RANK_MOVE = re.compile(rf"(?i)\s(?:{RANK_STEPS})$")
RANK_UP = re.compile(r"(?i)\b(?:up|upward|rose|risen|rising|climb|climbed|climbing|advanced|moved up|jump|jumped|leap|"
                     r"improved|gained)\b")
RANK_DOWN = re.compile(r"(?i)\b(?:down|downward|fell|fallen|falling|dropped|dropping|slipped|slipping|slid|sliding|"
                       r"declined|lost)\b")
MOVE_UP = re.compile(r"(?i)\b(?:rises?|climbs|advances?|moves up|jumps|leaps|improves?|improvement|gains?)\b|"
                     + RANK_UP.pattern.removeprefix("(?i)"))
MOVE_DOWN = re.compile(r"(?i)\b(?:falls?|drops?|slips?|slides?|declines?|loses?)\b|"
                       + RANK_DOWN.pattern.removeprefix("(?i)"))
"""A move's direction said before it in the present or as a noun too ("rises one rank", "an improvement of one
rank", "drops by one spot"): for moves in a ranking only (`_move_direction`; RANK_UP and RANK_DOWN, in the past,
also tell a flow's direction elsewhere, where "expect exports to fall" is no fall)."""


def _move_direction(before: str, after: str) -> str | None:
    """"up" or "down" for a move in a ranking: the direction said right after it ("two places lower"), else the
    direction word nearest before it within its clause ("While Singapore slips, the UK moves up one place": up, the
    UK's; not the other clause's "slips"); None when neither is said."""
    if RANK_UP_AFTER.match(after) or RANK_DOWN_AFTER.match(after):
        return "up" if RANK_UP_AFTER.match(after) else "down"
    window = before[-30:]
    window = window[max((m.end() for m in CLAUSE_BREAK.finditer(window)), default=0):]
    words = [(m.start(), "up") for m in MOVE_UP.finditer(window)] + \
        [(m.start(), "down") for m in MOVE_DOWN.finditer(window)]
    return max(words)[1] if words else None


RANK_UP_AFTER = re.compile(r"(?i)\s+(?:higher|up|forward|ahead)\b")
RANK_DOWN_AFTER = re.compile(r"(?i)\s+(?:lower|down|back|backward|backwards)\b")
"""A move's direction said after it ("moving one spot forward", "two places lower")."""


RATE_MOVED_BEFORE = re.compile(r"(?i)\b(?:growth\s+(?:rate|pace)|pace\s+of\s+(?:the\s+)?growth|rate\s+of\s+growth)\b"
                               r"[^,;.]{0,40}?\b(?:quicken|accelerat|slow|decelerat)\w*(?:\s+down)?\s+by\s+$")
"""Before a point change, the growth rate said to move ("the growth pace of last year quickening by 0.7 percentage
points", "the rate of growth slowing by 1.2 points"): the change of the growth rate the text gave before."""
GROWTH_GAP = re.compile(r"(?i)\s+(?:faster|slower|higher|lower|quicker|more|less)\b"
                        r"(?![^.;]{0,40}\b(?:expect\w*|forecasts?|forecasted|estimates?|anticipated|poll\w*|consensus|target)\b)")
"""After a point change beside a growth rate, the words that make it the change of that rate ("2.5 percentage points
faster than in 2023", "1.7 points higher than a year earlier"); not a gap to a forecast ("2 points higher than
expected")."""


RATE_NAMED_AGAIN = re.compile(r"(?i)^\W*(?:this|that|the|its)\s+(?:growth\s+rate|growth|rate\s+of\s+growth|pace|rate)\s+"
                              r"(?:is|was|were|stood|came)\b[^,;]{0,20}$")
"""A sentence that opens by naming the growth rate of the sentence before ("This growth rate is 2.2 percentage points
higher than that of 2022")."""


def _copy_frame(level: Frame, frame: Frame) -> None:
    """A point change takes the frame of the percentage it changes (what, whose, when)."""
    for key in ("measure", "measure_from", "measures", "subject", "subject_from", "entity", "entity_from",
                "period", "period_from", "whole_subject", "whole_measure"):
        setattr(frame, key, getattr(level, key))


def _changes(sentence: str, reads: list[Read], context: Context) -> None:
    """A figure that is a change of a level, not a level: "an increase of 257.42 billion yuan over the previous
    year", and every percentage-point figure ("2.65 percent, an increase of 0.09 percentage point"). A point
    change after a percentage of its sentence is that percentage's change (its subject, measure, entity,
    period); matching.py compares it with the difference of two stored rows, never with a row."""
    for i, read in enumerate(reads):
        frame = read.frame
        if frame.role != "figure":
            continue
        before = sentence[max(0, read.figure.start - len(read.wording) - 100): read.figure.start - len(read.wording)]
        if frame.kind == "percentage_points":
            level = next((r for r in reversed(reads[:i]) if r.frame.kind in ("percent", "percent_of_gdp")
                          and r.frame.role == "figure"), None)
            named_again = RATE_NAMED_AGAIN.search(sentence[: read.figure.start - len(read.wording)])
            moved = RATE_MOVED_BEFORE.search(before)
            # "This growth rate is 2.2 percentage points higher", "with the growth pace of last year quickening by
            # 0.7 percentage points": the rate of the sentence before
            rate = level.frame if level is not None else (context.rate if named_again or moved else None)
            if rate is not None and rate.transformation == "growth_rate":
                # "exports grew 7.1%, 2.5 percentage points faster than in 2023": the change of that growth rate
                # (the difference of two stored rates); not "2 points above forecasts"
                gap = GROWTH_GAP.match(sentence[read.figure.end: read.figure.end + 60])
                if gap or moved:
                    _copy_frame(rate, frame)
                    frame.change_of = "growth_rate"
                    frame.notes.append("the change of the growth rate " + ("before it" if level else "of the sentence before"))
                    if re.search(r"(?i)slow|lower|less|decelerat", (gap or moved).group(0)) and read.value > 0:
                        frame.sign, read.value = -1, -read.value  # "1.2 points slower": a fall of the rate
            elif level is not None:
                _copy_frame(level.frame, frame)
                frame.change_of = level.frame.kind
                frame.notes.append(f"the change of the {level.value:g} {level.unit} before it")
        elif frame.kind == "rank" and read.figure.move:
            # "Korea (4th / +2)": "+" is a move up, the rank's number falling by two (a change of -2)
            frame.transformation, frame.transformation_from = "change", "stated"
            frame.change_of = "rank"
            frame.sign = -1 if read.figure.move == "up" else 1
            read.value = frame.sign * abs(read.value)
            continue
        elif frame.kind == "rank" and not read.figure.ordinal \
                and RANK_MOVE.search(sentence[read.figure.start: read.figure.end]):
            # "up two places": the rank's number falls by two (a change of -2); "dropped three places": +3
            frame.transformation, frame.transformation_from = "change", "stated"
            frame.change_of = "rank"
            direction = _move_direction(before, sentence[read.figure.end: read.figure.end + 20])
            if direction == "up":
                frame.sign, read.value = -1, -abs(read.value)
            elif direction is None:
                frame.notes.append("a move in a ranking without its direction")
            continue
        elif not (frame.kind in ("money", "count") and (CHANGE_BEFORE.search(before) or GROWTH_OR_BEFORE.search(before)
                                                          and any(r is not read and r.unit == read.unit
                                                                  and abs(read.value * read.figure.scale) * 2
                                                                  < abs(r.value * r.figure.scale) for r in reads))):
            continue
        frame.transformation, frame.transformation_from = "change", "stated"
        if vocabulary()["_compiled"]["negative"].search(before[-30:]) and read.value > 0:  # "a reduction of"
            frame.sign, read.value = -1, -read.value


RATIO_SPAN = re.compile(r"(?i)\b(?:between|from)\s+((?:19|20)\d{2})\s+(?:and|to)\s+((?:19|20)\d{2})\b")
RATIO_BASE = re.compile(r"(?i)\b(?:times|fold)\s+(?:the|its|their|(?:that|those|the\s+level|the\s+figure)\s+(?:of|in))\s+"
                        r"((?:19|20)\d{2})\b|\b(?:since|compared\s+(?:with|to)|from)\s+((?:19|20)\d{2})\b")
IN_YEARS = re.compile(r"(?i)\b(?:in|within|over|after)\s+(?:just\s+|only\s+)?("
                      + "|".join(w for w, n in YEAR_COUNTS.items() if 2 <= n <= 10) + r"|\d{1,2})\s+years\b")
THAT_NUMBER = re.compile(r"(?i)\s*(?:that|this|the\s+same)\s+(?:number|figure|level|amount|total|volume)\b")


def _multiples(sentence: str, reads: list[Read], years: list[tuple[int, str, bool, str]]) -> None:
    """A multiple over a base year ("nearly five times the 2020 level", "tripled between 2021 and 2023", "from 1
    million units in 2020 to nearly five times that number in three years"): the base is the year the wording
    compares with (or the earlier figure's), the figure's year the other one, else the base plus "in N years"
    (assumed), else the year read for it when later than the base; "that number" takes the earlier figure's
    measure and subject. matching.py judges it as the ratio of two stored levels (never an accusation)."""
    for read in reads:
        frame = read.frame
        if frame.kind == "percent" and frame.transformation == "growth_rate" and frame.role == "figure":
            _growth_over_years(sentence, read, reads)
            continue
        if frame.kind != "ratio" or frame.role != "figure":
            continue
        earlier = next((r for r in reads if r.frame.role == "earlier" and r.figure.end <= read.figure.start
                        and r.frame.period and r.frame.period.isdigit()), None)
        span, based = RATIO_SPAN.search(sentence), RATIO_BASE.search(sentence)
        base, year = None, None
        if span:
            base, year = span.group(1), span.group(2)
        elif based:
            base = based.group(1) or based.group(2)
        elif earlier is not None:
            base = earlier.frame.period
        if base is None:
            _multiple_of_a_year_before(sentence, read, reads)
            continue
        later = IN_YEARS.search(sentence, read.figure.end)
        others = {y for _, y, _, how in years if y and y.isdigit() and y != base}
        if year is None and len(others) == 1 and min(others) > base:
            year = min(others)  # "in 2022 ... three times the 2012 level": the sentence's other year
        if year is None and later:
            count = later.group(1)
            year = str(int(base) + (int(count) if count.isdigit() else YEAR_COUNTS[count.lower()]))
            frame.period_from = "assumed"
        elif year is None and frame.period and frame.period.isdigit() and frame.period > base:
            year = frame.period
        elif year is not None and frame.period != year:
            frame.period_from = "stated"
        if year is None or year <= base:
            continue
        frame.period, frame.base_period = year, base
        frame.period_from = frame.period_from or "stated"
        if earlier is not None and THAT_NUMBER.match(sentence, read.figure.end):
            for key in ("measure", "measure_from", "measures", "subject", "subject_from", "entity", "entity_from"):
                setattr(frame, key, getattr(earlier.frame, key))
        frame.notes.append(f"a multiple of the {base} level in {year}")


A_YEAR_BEFORE_AMOUNT = re.compile(
    r"(?i)\s+(?:the\s+(?:amount|level|volume|number|figure|total|quantity)|that|what\s+(?:it|they)\s+\w+)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:the\s+year\s+(?:before|earlier)|a\s+year\s+(?:earlier|before|ago)|"
    r"(?:in\s+)?the\s+previous\s+year|last\s+year|in\s+(?P<year>(?:19|20)\d{2})|"
    r"in\s+the\s+same\s+period\s+(?:of\s+)?(?:a\s+year\s+earlier|last\s+year))\b")
"""A multiple's base a year earlier, said after it ("double the amount imported the year before")."""
MULTIPLIED_BY = re.compile(r"(?i)\b(?:rose|grew|jumped|surged|soared|increased|climbed|expanded|swelled|leapt|leaped|"
                           r"spiked|shot\s+up|went\s+up|multiplied|rising|growing|jumping|surging|soaring|increasing|"
                           r"climbing)\s+(?:by\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|"
                           r"some\s+|roughly\s+)?$")
"""A verb of change right before a multiple ("imports jumped 33-fold", "rose eightfold")."""
ELIDED_CHANGE = re.compile(r"^\s*,\s*(?:and\s+|while\s+)?(?:[A-Z][\w’'-]*\s+){0,3}?"
                           r"(?:[A-Z][\w-]*['’]s|its|theirs?)\s+"
                           r"(?:(?:about|around|nearly|almost|more\s+than|over|some|roughly)\s+)?$")
"""A list continuing a change ("Zambia's rose eightfold, Botswana's sevenfold, and Sudan's sixfold")."""
OVER_YEARS_AFTER = re.compile(r"(?i)\W*(?:\w+\W+){0,6}?(?:over|in|within|during|across)\s+(?:the\s+)?"
                              r"(?:(?:past|last|previous|preceding)\s+)?(?:[\w-]+\s+)?(?:years|decades?)\b")
"""Several years said after a multiple: the multiple is over them, not over a year."""
COMPARED_RATE_AFTER = re.compile(r"(?i)\s+(?:faster|slower|quicker|more|less|higher|lower|larger|bigger|greater|"
                                 r"smaller|than|as\s+(?:much|many|fast|quickly|large|big|high))\b")
"""After a multiple, words comparing it with something else ("3 times faster than imports")."""
NEARLY_WORDS = "nearly|almost|close to|just under"
"""Words putting a figure just below what it says ("nearly tripled", "almost 30%")."""
NEARLY = re.compile(rf"(?i)\b(?:{NEARLY_WORDS})\s*$")


def _said_of_a_change(sentence: str, figure: Figure, reads: list[Read]) -> bool:
    """A multiple that is a verb of change ("doubled"), follows one ("jumped 33-fold"), or continues a list of such
    multiples ("Zambia's rose eightfold, Botswana's sevenfold")."""
    if MULTIPLIED.match(sentence, figure.start) \
            or MULTIPLIED_BY.search(sentence[max(0, figure.start - 40): figure.start]):
        return True
    earlier = [r for r in reads if r.figure.end <= figure.start and r.frame.form == "multiple"
               and r.frame.transformation == "growth_rate"]
    return bool(earlier) and bool(ELIDED_CHANGE.match(sentence[earlier[-1].figure.end: figure.start]))


def _multiple_of_a_year_before(sentence: str, read: Read, reads: list[Read]) -> None:
    """A multiple with no base year, said of a change ("Algeria's imports jumped 33-fold", "exports doubled in
    2023", "Botswana's sevenfold" continuing such a list, "double the amount imported the year before"): the level
    against the same period a year before, judged as the growth it implies (N times: +(N − 1) × 100%, within a
    quarter of a multiple a side up to four times, half a multiple above; "nearly" on its lower side). A multiple in
    words stays one (`form`): never an accusation."""
    frame, figure = read.frame, read.figure
    if frame.base_period or frame.transformation != "level" or figure.value <= 1:
        return
    if OVER_YEARS_AFTER.match(sentence, figure.end) or COMPARED_RATE_AFTER.match(sentence, figure.end):
        # "nearly tripled over the last two years", "18-fold in 23 years": not a year's change; "grew 3 times faster
        # than imports": one rate against another, not a level against its year before
        return
    amount = A_YEAR_BEFORE_AMOUNT.match(sentence, figure.end)
    if amount:
        # "imported 16 GW in 2024, more than double the amount imported the year before": the level before it
        # gives the year ("the year before" is the base's)
        level = next((r for r in reversed(reads) if r.figure.end <= figure.start and r.frame.role == "figure"
                      and r.frame.transformation == "level" and r.frame.period), None)
        if level is None or amount.group("year") and level.frame.period[:4] != str(int(amount.group("year")) + 1):
            return
        for key in ("measure", "measures", "measure_from", "subject", "subject_from", "entity", "entity_from",
                    "counterpart", "counterpart_words", "stand_in", "period", "period_from"):
            setattr(frame, key, getattr(level.frame, key))  # "the amount" is the level's
    elif not _said_of_a_change(sentence, figure, reads):
        return
    if not frame.period or frame.subject is None or frame.subject.startswith("other:") or not frame.measure:
        return
    frame.form, frame.multiple = "multiple", figure.value
    frame.kind, frame.transformation, frame.transformation_from = "percent", "growth_rate", "stated"
    read.value, read.unit = (figure.value - 1) * 100, "percent"
    # within half a multiple a side, a quarter for a few times ("doubled": 1.75 to 2.25 times, "33-fold": 32.5 to 33.5)
    read.step = (read.step or 1.0) * (50 if figure.value <= 4 else 100) if read.check == "rounded" else read.step
    if read.comparator == "<" and NEARLY.search(read.wording):
        # "nearly tripled": 2.5 to 3 times; the side checked is the lower one (at least +150%), as "below +200%"
        # would hold for any small growth
        read.value, read.comparator, read.check, read.step = read.value - 50, ">=", "threshold", None
    low, high = read.value - (read.step or 0) / 2, read.value + (read.step or 0) / 2
    growth = {">=": "at least ", ">": "more than ", "<": "less than "}.get(read.comparator, "") + f"{read.value:+g}%"
    frame.notes.append(f"{figure.value:g} times the level of a year before: a growth of {growth}"
                       + (f" ({low:+g}% to {high:+g}%)" if read.check == "rounded" else ""))


AVERAGE_GROWTH = re.compile(r"(?i)\b(?:annually|a\s+year|per\s+year|each\s+year|every\s+year|per\s+annum|"
                            r"(?:an?\s+)?(?:average|compound)\s+annual|annual\s+average|on\s+average|averag(?:e|ed|ing))\b")


def _growth_over_years(sentence: str, read: Read, reads: list[Read] = ()) -> None:
    """A growth rate over several years ("rose 393% between 2020 and 2023", "up 393% from 2020", "since 2020 ...
    increased by 393 percent ... in 2023") is the growth from the base year's level, not a year-on-year rate: base
    and year set (matching.py derives it from two stored levels, else unverifiable); an average annual rate over
    them ("averaging 6.5 percent annually since 2015") is one the store does not hold."""
    frame = read.frame
    span = RATIO_SPAN.search(sentence)
    # (not past a semicolon: "Between 2022 and 2024, cell exports increased by 144% ...; module exports fell 5.2% in
    # the first six months of the year" is another period's)
    tied = span and (span.end() <= read.figure.start and ";" not in sentence[span.end(): read.figure.start]
                     or read.figure.end <= span.start() <= read.figure.end + 30
                     and not YEAR.search(sentence, read.figure.end, span.start()))
    if tied and not frame.base_period:  # "rose 393% between 2020 and 2023" (not "in 2023, reversing ... between")
        frame.base_period, frame.period, frame.period_from = span.group(1), span.group(2), "stated"
    base, year = frame.base_period, frame.period
    if not (base and base.isdigit() and year and year[:4].isdigit() and int(base) < int(year[:4]) - 1):
        return
    # the base belongs to the figure when it comes before it or right after it ("up 393% from 2020"), not when
    # another phrase carries it ("fell 4.6% in 2023, marking the first decline since 2016")
    # (nor when another growth of its own stands between: "From 2020 to 2022, average annual growth was approximately
    # 4.5%, followed by 5.2% growth in 2023": the span is the 4.5%'s)
    at = [m.start() for m in re.finditer(rf"\b{base}\b", sentence)]
    own_year = re.match(r"\s*(?:[a-z]+\s+)?(?:in|for)\s+(?:19|20)\d{2}\b", sentence[read.figure.end:])
    rates = [r.figure.start for r in reads if own_year and r is not read and r.frame.kind == "percent"
             and r.frame.role == "figure"]  # (a rate without a year of its own shares the span: "while high-tech
    # manufacturing saw growth of 8.7 percent" after "Between 2020 and 2024, ... an average growth rate of 7.9 percent")
    if not any(a < read.figure.start and not any(a < s < read.figure.start for s in rates)
               or read.figure.end <= a <= read.figure.end + 30 for a in at):
        frame.base_period = None
        return
    frame.over_years = "average" if AVERAGE_GROWTH.search(sentence) else "total"
    frame.notes.append(f"an average yearly rate over {base}–{year}: no stored series measures it"
                       if frame.over_years == "average" else f"a growth over {base}–{year}, not a year-on-year rate")


ELIDED_VERB_BETWEEN = re.compile(r"\s*(?:percent|per\s+cent|%)?(?:\s+(?i:in|for)\s+(?:19|20)\d{2})?"
                                 r"\s*(?:,\s*(?:and\s+)?|\s+(?i:and|while|whereas|but)\s+)(?:(?i:the|its)\s+)?(?:(?:[a-z][\w-]*|[A-Z][\w’'.-]*)\s+){1,3}(?i:by\s+)?")
"""Between a growth rate and the next percentage, a clause that names another measure but no verb ("Exports grew 7.1
percent and imports 2.3 percent"): the verb, and its direction, are the first's."""


def _elided_changes(sentence: str, reads: list[Read]) -> None:
    """"Exports grew 7.1 percent and imports 2.3 percent", "exports fell 3% and imports 2%", "The US saw PCT filings
    decline 5.3%, Japan 2.9% and Germany 3.2%": a percentage right after another's growth, its verb elided, is a
    growth rate too, in the same direction."""
    for before, read in zip(reads, reads[1:]):
        frame = read.frame
        between = sentence[before.figure.end: read.figure.start]
        if frame.kind != "percent" or frame.transformation not in (None, "growth_rate") or frame.role != "figure" \
                or before.frame.kind != "percent" or before.frame.transformation != "growth_rate" \
                or before.frame.transformation_from != "stated" or read.wording \
                or not ELIDED_VERB_BETWEEN.fullmatch(between) \
                or re.search(r"(?i)\b(?:was|were|is|are|stood|accounted|made|represented|reached|hit|totall?ed|share|"
                             r"of|up|down|rose|fell|grew|gained|lost|dropped|declined|increased|decreased|posted|"
                             r"rising|growing|increasing|climbing|gaining|jumping|jumped|soaring|soared|surging|surged|"
                             r"expanding|expanded|advancing|advanced|climbed|rebounding|rebounded|recovering|recovered|"
                             r"bounced|bouncing|picked|picking|edged|edging|to|from)\b", between) or frame.sign < 0:
            continue
        if frame.transformation is None:
            frame.transformation, frame.transformation_from = "growth_rate", "stated"
        elif before.frame.sign > 0:
            continue  # a growth read as such with no direction of its own: nothing to carry
        if before.frame.sign < 0 and read.value > 0 and not (_signed(sentence, read) or _signed(sentence, before)):
            # (not "fell -5.5% ..., its vehicle exports +57.9%" nor "fell -3.9%, NEV sales 35.5%": a text that prints
            # its signs prints each)
            frame.sign, read.value = -1, -read.value
        frame.notes.append("a growth rate whose verb is the one before's")


def _signed(sentence: str, read: Read) -> bool:
    """The figure's sign is printed ("+57.9%", "-5.5%")."""
    return sentence[read.figure.start: read.figure.start + 1] in ("+", "-", "−")


def _respective_growths(sentence: str, reads: list[Read]) -> None:
    """"China produced 30.16 million vehicles and sold 30.09 million in 2023, up 11.6% and 12%, respectively": as
    many growth rates after the sentence's levels as there are levels, with "respectively", are the levels' growth
    rates in order (the k-th takes the k-th level's measure and subject)."""
    if not _respectively(sentence):
        return
    levels = [r for r in reads if r.frame.role == "figure" and r.frame.transformation == "level"
              and r.frame.kind in ("count", "money")]
    if len(levels) < 2:
        return
    after = [r for r in reads if r.frame.role == "figure" and r.frame.kind == "percent" and r.figure.start > levels[-1].figure.end]
    if len(after) >= 2 and after[0].frame.transformation is None and after[1].frame.transformation == "growth_rate" \
            and re.fullmatch(r"\s*(?:percent|per cent|%)?\s*(?:,\s*)?and\s*", sentence[after[0].figure.end: after[1].figure.start
                                                                                   - len(after[1].wording)], re.I) \
            and CHANGE_NOUN_AFTER.match(sentence, after[1].figure.end):
        # "marking a 0.6% and 5.3% decline respectively": the change noun after the second is the first's too
        after[0].frame.transformation, after[0].frame.transformation_from = "growth_rate", "stated"
        if after[1].frame.sign < 0 and after[0].value > 0:
            after[0].frame.sign, after[0].value = -1, -after[0].value
    if not after or after[0].frame.transformation != "growth_rate":
        return
    growths = after[:1]
    for r in after[1:]:  # "up 11.6% and 12%": the percentages listed after the first growth rate are growth rates too
        if r.frame.transformation not in (None, "growth_rate") or not re.fullmatch(
                r"\s*(?:percent|per cent|%)?\s*(?:,\s*)?(?:and|,)\s*", sentence[growths[-1].figure.end: r.figure.start - len(r.wording)]):
            break
        growths.append(r)
    if len(growths) != len(levels):
        return
    for level, growth in zip(levels, growths):
        if growth.frame.transformation is None:
            growth.frame.transformation, growth.frame.transformation_from = "growth_rate", "stated"
            if growths[0].frame.sign < 0 and growth.value > 0:
                growth.frame.sign, growth.value = -1, -growth.value
        for key in ("measure", "measure_from", "measures", "subject", "subject_from"):
            setattr(growth.frame, key, getattr(level.frame, key))
        if len({l.frame.entity for l in levels}) == len(levels) and all(l.frame.entity_from == "stated" for l in levels):
            # "China (69,610) and the US (55,678) ..., marking a 0.6% and 5.3% decline respectively": each level's
            # economy is its growth's
            for key in ("entity", "entity_from", "entity_bound"):
                setattr(growth.frame, key, getattr(level.frame, key))
            growth.frame.entity_others = tuple(l.frame.entity for l in levels if l is not level)
        growth.frame.notes.append(f"“respectively”: the growth of the {level.value:g} before it")


def _respective_measures(sentence: str, reads: list[Read]) -> None:
    """"imports and exports up 1.1 percent and 5.9 percent to USD2.59 trillion and USD3.58 trillion, respectively":
    with "respectively", a list of measures ("imports and exports", read as one phrase for trade) and a list of as
    many figures of one unit pair in order: the k-th figure measures the k-th (the measure nearest each figure,
    not the phrase's sum). A percentage listed after a growth rate is a growth rate too."""
    if not _respectively(sentence):
        return
    found = mentions("measure", sentence)
    lists = []
    for phrase in found:
        parts = [p for p in re.split(r"\s*(?:,\s*and|,|\band\b|&)\s*", phrase.words) if p]
        named = [mentions("measure", p) for p in parts]
        if len(parts) < 2 or any(len(n) != 1 or n[0].words.lower() != p.lower() for n, p in zip(named, parts)):
            continue
        lists.append((phrase.words, phrase.end, [n[0].value for n in named]))
    # "total trade, exports, and imports contracted by 5.0%, 4.6%, and 5.5%, respectively": a list of measures
    # named one by one (not one phrase of the vocabulary)
    k = 0
    while k < len(found):
        run = [found[k]]
        while k + len(run) < len(found) and re.fullmatch(r"\s*(?:,\s*and|,|and|&)\s*(?:the\s+)?", sentence[
                run[-1].end: found[k + len(run)].start], re.I):
            run.append(found[k + len(run)])
        if len(run) >= 2 and len({m.value for m in run}) == len(run):
            lists.append((sentence[run[0].start: run[-1].end], run[-1].end, [m.value for m in run]))
        k += len(run)
    for words, phrase_end, measures in lists:
        after = [r for r in reads if r.figure.start >= phrase_end and r.frame.role == "figure"]
        k = 0
        while k < len(after):  # each run of as many figures of one unit, joined as a list
            run = [after[k]]
            while (len(run) < len(measures) and k + len(run) < len(after)
                   and after[k + len(run)].unit == run[0].unit
                   and re.fullmatch(r"\s*(?:percent|per cent|%)?\s*(?:,\s*)?(?:and|,)\s*",
                                    sentence[run[-1].figure.end: after[k + len(run)].figure.start
                                             - len(after[k + len(run)].wording)], re.I)):
                run.append(after[k + len(run)])
            nxt = after[k + len(run)] if k + len(run) < len(after) else None
            longer = nxt is not None and nxt.unit == run[0].unit and re.fullmatch(
                r"\s*(?:percent|per cent|%)?\s*(?:,\s*)?(?:and|,)\s*",
                sentence[run[-1].figure.end: nxt.figure.start - len(nxt.wording)], re.I)
            if len(run) == len(measures) and not longer:  # a list of more figures than measures pairs none
                for read, measure in zip(run, measures):
                    if read.frame.kind == "percent" and read.frame.transformation is None \
                            and run[0].frame.transformation == "growth_rate":
                        read.frame.transformation, read.frame.transformation_from = "growth_rate", "stated"
                        if run[0].frame.sign < 0 and read.value > 0:  # "contracted by 5.0%, 4.6%, and 5.5%"
                            read.frame.sign, read.value = -1, -read.value
                    read.frame.measure, read.frame.measures, read.frame.measure_from = measure, (measure,), "stated"
                    read.frame.notes.append(f"“respectively”: {measure}, as listed in “{words}”")
                    if run[0].frame.entity == "WLD" and run[0].frame.stand_in:  # "World exports and imports fell 5%
                        # and 4%, respectively": the world's flows, every one
                        read.frame.entity, read.frame.entity_from = "WLD", "stated"
                        read.frame.entity_bound, read.frame.stand_in = "strong", run[0].frame.stand_in
            k += len(run)
        return


SUBJECT_LIST_GAP = re.compile(r"\)?(?:\s*[a-z][\w-]*){0,2}?\s*(?:,\s*and|,|and|&)\s*(?:the\s+)?")


def _respective_subjects(sentence: str, reads: list[Read], mentioned: list[Mention]) -> None:
    """"Exports of electric vehicles, photovoltaic (PV) products, and lithium-ion batteries rose by 131.8 percent, 67.8
    percent, and 86.7 percent, respectively": with "respectively", a list of subjects and a list of as many figures of
    one unit after it pair in order (each figure its subject, not the one nearest it); without it, only two and two
    ("cell and wafer exports saw year-on-year growth of 76% and 26%")."""
    respectively = _respectively(sentence)
    if not respectively and len(mentioned) < 2:
        return
    subjects = []
    for m in mentioned:
        if m.value.startswith("other:"):
            continue
        if subjects and subjects[-1].value == m.value and re.fullmatch(r"\s*\(\s*", sentence[subjects[-1].end: m.start]):
            subjects[-1] = Mention(subjects[-1].start, m.end, m.value, subjects[-1].words)  # "photovoltaic (PV)"
            continue
        subjects.append(m)
    k = 0
    while k < len(subjects):
        run = [subjects[k]]
        while k + len(run) < len(subjects) and SUBJECT_LIST_GAP.fullmatch(sentence, run[-1].end, subjects[k + len(run)].start):
            run.append(subjects[k + len(run)])
        k += len(run)
        if len(run) < 2 or len({m.value for m in run}) != len(run):
            continue
        after = [r for r in reads if r.figure.start >= run[-1].end and r.frame.role == "figure"]
        if not after:
            continue
        figures = [after[0]]
        for r in after[1:]:  # the whole list of figures joined after the subjects: as many as the subjects, no more
            if r.unit != figures[0].unit or not re.fullmatch(
                    r"\s*(?:percent|per cent|%)?\s*(?:,\s*)?(?:and|,)\s*",
                    sentence[figures[-1].figure.end: r.figure.start - len(r.wording)], re.I):
                break
            figures.append(r)
        if len(figures) != len(run) or not respectively and len(run) != 2:
            continue
        for read, m in zip(figures, run):
            read.frame.subject, read.frame.subject_from = m.value, "stated"
            if read.frame.kind == "percent" and read.frame.transformation is None \
                    and figures[0].frame.transformation == "growth_rate":  # "rose by 131.8 percent, 67.8 percent, ..."
                read.frame.transformation, read.frame.transformation_from = "growth_rate", "stated"
                if figures[0].frame.sign < 0 and read.value > 0:
                    read.frame.sign, read.value = -1, -read.value
            read.frame.notes.append(f"“respectively”: {m.words}, as listed" if respectively else
                                    f"{m.words}: the two figures in the order of the two subjects")
        respectively = False  # a later list of the sentence pairs only two and two ("...; cell and wafer exports
        # saw growth of 76% and 26%")


YEAR_LIST_GAP = re.compile(r"\s*(?:,\s*and|,|and|&)\s*")


def _respective_years(sentence: str, reads: list[Read], years: list) -> None:
    """"milestones in 2020, 2021 and 2022, when China's economy exceeded 100 trillion yuan ($13.6 trillion), 110
    trillion yuan ($15 trillion) and 120 trillion yuan ($16.4 trillion), respectively": with "respectively", a list of
    years and exactly as many figures of one unit after it (else before it: "... and 121 trillion yuan in 2020, 2021
    and 2022, respectively") pair in order (each figure its year, a conversion in brackets its figure's); any other
    count pairs none."""
    if not _respectively(sentence):
        return
    stated = [(offset, year) for offset, year, base, how in years if how == "year" and year and not base]
    run: list = []
    for offset, year in stated:
        if run and YEAR_LIST_GAP.fullmatch(sentence, run[-1][0] + 4, offset):
            run.append((offset, year))
            continue
        if len(run) >= 2:
            break
        run = [(offset, year)]
    if len(run) < 2 or len({y for _, y in run}) != len(run):
        return
    for listed in ([r for r in reads if r.figure.start >= run[-1][0] + 4],  # the years before their figures
                   [r for r in reads if r.figure.end <= run[0][0]]):  # "... 121 trillion yuan in 2020, 2021 and 2022"
        figures = [r for r in listed if r.frame.role == "figure"]
        if len(figures) == len(run) and len({r.unit for r in figures}) == 1 and all(
                r.frame.role in ("figure", "conversion") for r in listed):
            break
    else:
        return
    year = None
    for read in listed:
        if read.frame.role == "figure":
            year = run[figures.index(read)][1]
        read.frame.period, read.frame.period_from = year, "stated"
        read.frame.notes.append(f"“respectively”: {year}, as listed")


LISTED_MONTHS = re.compile(rf"\b(?:in|for|during|over)\s+(?:the\s+months\s+of\s+)?((?:{MONTHS})(?:\s*,\s*(?:{MONTHS}))*"
                           rf"\s*,?\s+and\s+(?:{MONTHS}))(?:\s+((?:19|20)\d{{2}}))?\s*,?\s*respectively\b")
LISTED_QUARTERS = re.compile(r"(?i)\b(?:in|for|during|over)\s+the\s+((?:first|second|third|fourth)(?:\s*,\s*(?:first|second|"
                             r"third|fourth))*\s*,?\s+and\s+(?:second|third|fourth))\s+quarters(?:\s+of\s+((?:19|20)\d{2}))?"
                             r"\s*,?\s*respectively\b")
"""A list of months or quarters that "respectively" closes ("in January and February, respectively"; not "...,
respectively, in January and February", where "respectively" pairs another list and the two months are one period)."""
OTHER_PERIOD = re.compile(rf"(?i)\b(?:{MONTHS}|(?:19|20)\d{{2}}|quarters?|half)\b")


def _respective_periods(sentence: str, reads: list[Read], context: Context) -> None:
    """"Europe imported 8.6 GW and 8.4 GW of modules in January and February, respectively, a 120% and 48% year-on-year
    increase": a list of months (or of quarters: "in the first and second quarters") closed by "respectively" gives
    the run of as many figures of one unit listed with "and" right before it (or right after it) each its own period
    in order ("in January and February" alone is the two months' total, customs' first release of a year). The year is
    the one after the list ("in January and February 2023"); else, when the sentence names no year, the one a month
    named alone is in (the text's year so far, never after the published date); else none is given."""
    listed = LISTED_MONTHS.search(sentence) or LISTED_QUARTERS.search(sentence)
    if listed is None:
        return
    if listed.re is LISTED_MONTHS:
        months = [MONTH_NUMBERS[m.lower()] for m in re.findall(MONTHS, listed.group(1))]
        periods = [f"{m:02d}" for m in months]
    else:
        quarters = [numbers.ORDINAL_WORDS[q.lower()] for q in re.findall(r"(?i)first|second|third|fourth", listed.group(1))]
        periods, months = [f"Q{q}" for q in quarters], [3 * q for q in quarters]
    if months != sorted(set(months)):  # "in December and January" spans two years: left as read
        return
    if listed.group(2):
        year, how = int(listed.group(2)), "stated"
    elif YEAR.search(sentence):
        return  # a year elsewhere in the sentence may be another figure's ("down from ... in the same months of 2023")
    else:
        year, how = _year_of_month(max(months), context), "context"
    if year is None:
        return
    runs: list[list[Read]] = []
    for read in (r for r in reads if r.frame.role == "figure"):
        previous = runs[-1][-1] if runs else None
        if previous is not None and previous.unit == read.unit and LIST_JOIN.fullmatch(
                sentence, previous.figure.end, read.figure.start - len(read.wording)):
            runs[-1].append(read)
        else:
            runs.append([read])
    for run in runs:
        if len(run) != len(periods):
            continue
        before = run[-1].figure.end <= listed.start() and not OTHER_PERIOD.search(sentence, run[-1].figure.end,
                                                                                    listed.start())
        after = run[0].figure.start >= listed.end() and not OTHER_PERIOD.search(
            sentence[listed.end(): run[0].figure.start - len(run[0].wording)])
        if not (before or after):
            continue  # "9.7 GW and 3.1 GW in March, and 7.6 GW and 2.6 GW in January and February": only the run next to it
        for read, period in zip(run, periods):
            read.frame.period, read.frame.period_from = f"{year}-{period}", how
            read.frame.notes.append(f"“respectively”: {year}-{period}, as listed")


LEAD_SCOPED = re.compile(r"(?i)\s+(?:among|in\s+(?!the\s+world\b)(?:the\s+)?[A-Z]?\w+|of\s+(?:the\s+)?\w+|"
                         r"(?:for|by)\s+(?:a|an|the)?\s*\w+\s+(?:of|among)\b)")
"""After "ranking first", words that narrow the field ("in Asia", "among emerging economies", "in the region"):
the store's economies are not that field, so no leader claim is made ("in the world" is the whole field)."""
LEAD_BEFORE = re.compile(r"(?i)\b(?:ranking|ranked|ranks|rank|placing|placed|coming|came)\s+$")
LEAD_UNTIL = re.compile(r"(?i)\b(?:until|till|before|up\s+to)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d{2}\b")
"""A lead that ended ("ranked first until 2019"): in that year it may no longer hold, so no leader claim."""


@functools.cache  # compiled once from the vocabulary shipped in the package
def _rank_field_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a field the words after a place name, up to the phrase's end; a field opening the place's clause:
    "Within Asean, Malaysia remained in second place"; a field named right before the place's words: "Regional rank
    3", "its regional ranking: 2nd", "its ranking in the region was 3rd"), from the vocabulary's `rank_fields`."""
    fields = alternatives(vocabulary()["rank_fields"])
    field = (r"(?P<field>\b(?:in|within|among|amongst|across)\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:\d+\s+)?"
             rf"(?:[\w-]+\s+){{0,4}}?(?:{fields})\b)")
    # between the place and its field only the place's own words ("second place", "the second most innovative
    # country", "second behind China"): not "(62nd) are also economies in the middle-income group" (a description)
    gap = (r"(?:\s+(?:(?i:place|position|spot|rank|ranked|most|innovative|country|economy|nation|overall|best|"
           r"highest|behind|after|only|to|the))|\s+[A-Z][\w'’-]*)*?")
    return (re.compile(r"^" + gap + r"\s+(?i:" + field + ")"),
            # the field opens the clause, and the place is in the phrase right after it ("Within Asean, Malaysia
            # remained in second place"; not "In Central Asia, India continues to lead, moving ... to 39th")
            re.compile(r"(?i)^\W*(?:while\s+|whereas\s+|but\s+|and\s+)?" + field + r"[^,]*,[^,]*$"),
            re.compile(rf"(?i)(?:(?P<field>\b(?:{fields}))\s+(?:rank|ranking|place|position)|"
                       rf"\b(?:rank|ranking|place|position)\s+(?:in|within|among)\s+(?:the\s+|its\s+)?(?:{fields}))"
                       r"\s*(?::|\bof\b|\bis\b|\bwas\b)?\s*$"))


WHOLE_FIELD_AFTER = re.compile(r"(?i)^[^,;]*?\b(?:globally|worldwide|in\s+the\s+world|overall|out\s+of\s+\d+|among\s+"
                               r"(?:the\s+)?\d+\s+(?:[\w-]+\s+)?(?:economies|countries|nations))\b")
"""After a place, words that make its field the whole index ("in the top five globally", "39th among 133 global
economies"), whatever field opened the clause."""


WORLD_WHOLE = re.compile(r"(?i)\b(?:of|in)\s+(?:the\s+)?(?:world(?:['’]s)?|global|worldwide|all|international)\b"
                         r"|\b(?:world|global)(?:['’]s)?\s+(?:total|share)\b|\bshare\s+of\s+(?:the\s+)?(?:world|global)\b")
"""Words making a share's whole the world's ("25.4% of all PCT applications", "of the world's filings", "the
global total", "a quarter of international patent applications"); for GDP, WORLD_GDP."""
WORLD_GDP = re.compile(r"(?i)\b(?:world|global)(?:['’]s)?\s+(?:GDP|economy|economic\s+output|output)\b")
"""A share of the world's GDP ("China's share of world GDP", "18% of the global economy"), not a share of a GDP."""


RECEIVED_BY = re.compile(r"(?i)\b(?:submitted|filed|lodged|received)\s+(?:to|with|at|by)\b")
"""Filings an office received ("a quarter of the world's PCT applications have been submitted to the CNIPA"), not
those from its economy: the store counts filings by origin."""


OTHER_CLAUSE = re.compile(r"(?i),?\s+(?:while|whereas)\s|;\s|\.\s")
"""Where a clause about another economy begins ("China contributed about a quarter ..., while the United States ...")."""


def _world_wholes(sentence: str, reads: list[Read], places: list[Mention] = ()) -> None:
    """A share whose whole is the world's total of what it counts (matching: an economy's row over the world's);
    `alone` when the sentence names no other economy, or only in another clause after it."""
    if RECEIVED_BY.search(sentence):
        return
    for read in reads:
        if read.frame.transformation == "share" \
                and (WORLD_GDP if read.frame.subject == "gdp" else WORLD_WHOLE).search(sentence):
            read.frame.whole_world = True
            turn = OTHER_CLAUSE.search(sentence, read.figure.end)
            others = [p for p in places if p.value not in ("WLD", read.frame.entity)
                      and (turn is None or p.start < turn.start())]
            read.frame.alone = not others  # (an economy carried from earlier text: the sentence names no other)


def _each_year(sentence: str, reads: list[Read]) -> list[Read]:
    """"up from rank 14 in 2020 and 2019": a figure right before two years joined by "and" is said of each (one
    read per year: the first year's as read, the second's a copy). Two figures of one unit listed right before two
    such years ("rankings of 12 and 11 in 2023 and 2024") pair with them in order, as "respectively" would (assumed:
    the sentence does not say it, so never an accusation)."""
    out = []
    for read in reads:
        out.append(read)
        two = TWO_ATTACHED_YEARS.match(sentence, read.figure.end)
        previous = out[-2] if len(out) > 1 else None
        if two and previous is not None and previous.unit == read.unit and read.frame.role == previous.frame.role \
                and LIST_JOIN.fullmatch(sentence, previous.figure.end, read.figure.start - len(read.wording)):
            for listed, year in ((previous, two.group(1)), (read, two.group(2))):
                listed.frame.period, listed.frame.period_from = year, "assumed"
                listed.frame.notes.append(f"listed before {two.group(1)} and {two.group(2)}: {year}, in the order "
                                          "of the two years (assumed)")
            continue
        if two and read.frame.period == two.group(1) and read.frame.role in ("figure", "earlier"):
            own = dataclasses.replace(read.frame, period=two.group(2), period_from="stated", notes=list(read.frame.notes))
            own.notes.append(f"said of {two.group(1)} and {two.group(2)}: the figure in {two.group(2)}")
            out.append(dataclasses.replace(read, frame=own))
    return out


def _earlier_places(reads: list[Read]) -> None:
    """"Germany drops from 9th to 11th place": a place moved from, read before the sentence's own place gave its
    year, is the place of the edition before (assumed: a guess at the years a move spans, never an accusation)."""
    for i, read in enumerate(reads):
        frame = read.frame
        if frame.role != "earlier" or frame.kind != "rank" or frame.period_from == "stated" \
                or not (frame.period or "").isdigit():
            continue
        later = next((r for r in reads[i + 1:] if r.frame.role == "figure" and r.frame.kind == "rank"
                      and r.frame.entity == frame.entity and r.frame.period in (frame.period, None)), None)
        if later is not None:
            frame.period, frame.period_from = str(int(frame.period) - 1), "assumed"
            frame.notes.append(f"the place moved from: {frame.period}, the edition before")


RANK_PHRASE_END = re.compile(r"(?i),|;|\s(?:and|while|whereas|but)\s")
FOR_FIELD = re.compile(r"^(?:\s+(?:in|of|on|the|(?:19|20)\d{2}|(?-i:[A-Z])[\w'’-]*|place|position|spot|rank|overall))*?"
                       r"\s+for\s+(?P<field>(?!(?:the|a|an|its|their|this|that|these|those|all|each|every|over|more|"
                       r"about|nearly|almost|some|several|many|most|first|second|third|past|last|next|previous|two|"
                       r"three|four|five|six|seven|eight|nine|ten)\b)(?-i:[a-z])[\w&'’-]*(?:\s+(?-i:[a-z])[\w&'’-]*){0,4})"
                       r"(?![\w&'’-])(?<!year)(?<!years)(?<!time)(?<!times)")
"""After a place, what it is a place for, in lower-case words ("ranked first in the Global Innovation Index 2024 for
venture capital", "for doing business"): one indicator's field, not the whole index (not "for the 14th consecutive
year", "for 2024", "for the first time", "for three consecutive years", "for Switzerland")."""


GLOBAL_PLACE = re.compile(r"(?i)\b(?:global(?:ly)?(?!\s+innovation)|worldwide|in\s+the\s+world|world['’]s|"
                          r"internationally)\b")
"""Words saying a place is in the whole ranking ("In the ASEAN bloc, Singapore maintained its position as a global
leader at 5th place"; not the index's name, "Global Innovation Index"): a field opening the sentence is then the text's
subject, not the place's scope."""


LEADS_A_FIELD = re.compile(r"(?i)\b(?:leads|led|leading|tops|topped|topping|heads|headed|heading)\b")
"""A field's leader ("In Central and Southern Asia, India leads the region in 38th place"): its place in the field is
first, so another place said of it is its place in the whole index."""


def _leader_placed(sentence: str, start: int, end: int) -> bool:
    """A lead verb the figure's own clause gives its place ("India leads the region in 38th place"): only "the region
    in", "at" and the like between the verb and the figure (not "Singapore tops the list, while Malaysia is second",
    "heads a region whose runner-up sits in 34th place")."""
    verb = next(reversed(list(LEADS_A_FIELD.finditer(sentence, start, end))), None)
    return verb is not None and bool(LEADER_GAP.fullmatch(sentence, verb.end(), end))


LEADER_GAP = re.compile(r"(?i)\s+(?:the\s+(?:region|list|field|pack|group|ranking|table|way)\s+)?(?:in|at|with)\s+"
                        r"(?:the\s+)?")
"""Between a lead verb and its leader's place: "leads the region in", "leads at"; nothing else."""


def _scoped_ranks(sentence: str, reads: list[Read]) -> None:
    """A place within a field the store does not rank ("remained in second place behind Singapore" after "within
    Asean,"; "the second most innovative country among 36 upper-middle-income nations"): no series' figure (subject
    "other:rank_in_a_field"), never judged against the whole index's ranks."""
    after_field, opening_field, field_before = _rank_field_patterns()
    clauses = _clauses(sentence)
    for read in reads:
        if read.frame.kind != "rank" or read.frame.role not in ("figure", "earlier"):
            continue
        tail = sentence[read.figure.end:]
        end = RANK_PHRASE_END.search(tail)
        start, _ = _clause_of(clauses, read.figure.start)
        phrase = tail[: end.start() if end else len(tail)]
        bracketed = sentence[: read.figure.start].rstrip().endswith("(")  # "India (39th)": its place in the index
        opened = not bracketed and read.frame.transformation != "change" and not WHOLE_FIELD_AFTER.match(phrase)
        leader_elsewhere = read.value != 1 and _leader_placed(sentence, start, read.figure.start)
        scope = after_field.match(phrase) or FOR_FIELD.match(phrase) \
            or (opened and not leader_elsewhere and opening_field.match(sentence[start: read.figure.start])) \
            or field_before.search(sentence, max(0, read.figure.start - 40), read.figure.start)
        if scope and not (scope.re is opening_field
                          and GLOBAL_PLACE.search(sentence, start, read.figure.end + len(phrase))):
            read.frame.subject, read.frame.subject_from = "other:rank_in_a_field", "stated"
            field = scope.group("field") or scope.group(0).strip()
            read.frame.notes.append(f"a place within a field (“{field}”): the store ranks economies in the whole index "
                                    "only")


def _leads_and_streaks(sentence: str, reads: list[Read]) -> None:
    """"the number increased to nearly 70,000, ranking first in the world": a rank of 1 after a level of the
    sentence says that level leads the economies: a leader claim on the level's series (its measure, subject,
    place and period), role "leader". "for five consecutive years", "for the third consecutive year": a
    streak's length, role "streak" (spot._streaks ties it to the sentence's leader; alone it is about nothing
    the store holds)."""
    for i, read in enumerate(reads):
        frame = read.frame
        if streak_after(sentence, read.figure.start, read.figure.end):
            frame.role, frame.kind = "streak", "count"
            frame.subject, frame.subject_from = "other:streak", "stated"
            frame.notes.append("the length of a streak (how many years running)")
            continue
        if not (frame.kind == "rank" and read.value == 1 and frame.role == "figure" and frame.transformation == "level"
                and LEAD_BEFORE.search(sentence[max(0, read.figure.start - 12): read.figure.start])):
            continue
        if LEAD_SCOPED.match(sentence, read.figure.end) and not NUMBER_OF_AFTER.match(sentence, read.figure.end):
            continue  # "ranking first in Asia", "first among developing countries": a lead the store cannot rank
        if LEAD_UNTIL.search(sentence):
            frame.notes.append("a lead that ended (until a year): no leader claim")
            continue
        level = next((r for r in reversed(reads[:i]) if r.frame.role == "figure" and r.frame.kind in ("count", "money")
                      and r.frame.transformation == "level" and r.frame.subject
                      and not r.frame.subject.startswith("other:")), None)
        if level is None:
            _lead_of_a_measure(sentence, read)
            continue
        for key in ("measure", "measure_from", "measures", "subject", "subject_from", "basis", "basis_from", "entity",
                    "entity_from", "entity_others", "period", "period_from"):
            setattr(frame, key, getattr(level.frame, key))
        frame.role = "leader"
        read.check, read.comparator, read.step = "leader", "rank==1", None
        frame.notes.append(f"the {level.value:g} before it leads the economies: a leader claim on its series")


def _lead_of_a_measure(sentence: str, read: Read) -> None:
    """"China's PCT applications rank first in the world", "exports of solar panels ranked first globally": a rank of
    1 with no level in the sentence, after a measure and a subject the sentence states, says the economy leads on
    that measure: a leader claim on its series (the measure named last before the rank). Not for what is itself a
    ranking or its parts (the GII, its clusters and indicators: their ranks are stored as such)."""
    frame = read.frame
    said = [m for m in mentions("measure", sentence[: read.figure.start]) if m.value not in ("rank", "score", "share")]
    counted = NUMBER_OF_AFTER.match(sentence, read.figure.end)
    if counted and frame.subject_from == "stated" and frame.subject and not frame.subject.startswith("other:"):
        # "China has overtaken the United States to rank first for the number of science and technology clusters":
        # first in a count the sentence names after the rank (clusters too: their counts are stored as levels)
        said = [Mention(counted.start(), counted.end(), "count", counted.group(0))]
    elif not said or frame.subject_from != "stated" or not frame.subject or frame.subject.startswith("other:") \
            or catalogue.within(frame.subject, "innovation_index"):
        return
    leading = [m for m in _resolve_country(_places(sentence), None) if m.end <= read.figure.start and m.value != "WLD"]
    leading = [m for m in leading if not RIVAL_BEFORE.search(sentence[max(0, m.start - 30): m.start])] or leading
    if not leading:
        return  # who leads is not said ("globally", "in the world" name the field, not the leader)
    frame.measure, frame.measure_from, frame.measures = said[-1].value, "stated", (said[-1].value,)
    frame.entity, frame.entity_from = leading[-1].value, "stated"
    frame.role = "leader"
    read.check, read.comparator, read.step = "leader", "rank==1", None
    frame.notes.append(f"a lead in {said[-1].value} of {frame.subject} among the economies: a leader claim on its series")


NUMBER_OF_AFTER = re.compile(r"(?i)\s+(?:in\s+the\s+world\s+|globally\s+)?(?:for|in|by)\s+(?:the\s+)?(?:total\s+)?"
                             r"number\s+of\b")
"""After a rank of 1, the count it leads in ("rank first for the number of S&T clusters")."""


WHOLE_AFTER = re.compile(r"(?i)\s*of\s+(?:(?:all|total|the|China's|Chinese|the\s+country's|the\s+nation's|"
                         r"this\s+year's|last\s+year's|\d{4})\s+)*")
PART_BY = re.compile(r"(?i)\s*(?:were|was|are|is)\s+(?:contributed|accounted\s+for|made\s+up|represented)\s+by\s+"
                     r"(?:the\s+)?")
"""After a share's whole, the part named by a passive ("31.6 percent of vehicle sales were contributed by NEVs")."""


def _single_parent(subject: str | None) -> str | None:
    """The one subject directly above `subject` in the catalogue (nev -> vehicles), else None (bev has two)."""
    parents = catalogue.dimensions()["subject"].get(subject or "") or []
    return parents[0] if len(parents) == 1 and parents[0] != "goods" else None


def _share_measure(before: str) -> str | None:
    """The whole's measure a share word before the figure names ("the market share reached": sales), else None."""
    low = before.lower()
    return next((measure for measure, words in (vocabulary().get("share_of_measure") or {}).items()
                 if any(re.search(rf"(?<![\w]){re.escape(w.lower())}(?![\w])", low) for w in words)), None)


SHARE_OF = re.compile(r"(?i)\b(?:share|proportion|percentage|ratio)\s+of\s+(?:the\s+)?$")
IN_WHOLE = re.compile(r"(?i)\s+(?:expenditures?\s+|spending\s+|funding\s+|investment\s+)?(?:in|of|within|to)\s+"
                      r"(?:the\s+)?(?:country's\s+|China's\s+|total\s+|overall\s+|all\s+)*$")


SHARE_SAID_BEFORE = re.compile(r"(?i)\bshare\s+of\s+[^\d,;.%]{0,80}?\s+(?:was|is|stood\s+at|stands\s+at|reached|hit|"
                               r"came\s+to|amounted\s+to)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|"
                               r"more\s+than\s+|some\s+|roughly\s+)?$")
"""A share named before its figure with a verb of being ("China's share of ... filed under the PCT was 25.1%")."""
SHARE_MOVING = (r"(?i)\bshare\s+of\s+(?:(?!\b(?:as|while|when|after|and|but|since|because|whereas)\b)[^\d,;.%]){0,80}?"
                r"(?:,\s*(?:which|that)\s+[^;]{0,60}?,)?\s+(?:has\s+|had\s+|have\s+)?(?:been\s+)?(?:rose|risen|rising|"
                r"increased|increasing|climbed|climbing|grew|grown|growing|jumped|expanded|fell|fallen|falling|dropped|"
                r"declined|declining|slipped|shrank|"
                r"edged\s+(?:up|down|higher|lower)|saw|posted|recorded|registered|logged)\s+")
SHARE_QUALIFIER = (r"(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|under\s+|more\s+than\s+|less\s+than\s+|some\s+|"
                   r"roughly\s+)?$")
SHARE_MOVED_BEFORE = re.compile(SHARE_MOVING + r"(?:[^;]{0,60}?\s+)?(?:to|from|reached|hit)\s+" + SHARE_QUALIFIER)
"""A share named before its figure with a verb of moving and then "to", "from" or "reached" ("China's share of global
PCT filings rose to 25%", "rose from 20% in 2020 to 25%", "rose by 3 percentage points to 25%", "has been rising and
reached 25%", "rose to 25% in 2023, up from 22%"): the share's levels, never a growth rate of what it is a share of.
The share's noun phrase holds no clause word ("China's share of world exports slipped as exports dropped 4.6%": the
exports' growth)."""
SHARE_CHANGED_BEFORE = re.compile(SHARE_MOVING + r"(?:by\s+|an?\s+)?" + SHARE_QUALIFIER)
"""A share named before a change of it ("China's share of global PCT filings rose 3%", "saw a 3% increase"): the
share's change, held nowhere, never a growth rate of what it is a share of."""
SHARE_CHANGE_AFTER = re.compile(r"(?i)\s*(?:rise|increase|drop|fall|decline|jump|gain|growth)\s+in\s+"
                                r"(?:its\s+|their\s+|the\s+|[A-Z][\w.]*['’]s\s+)?share\b")
"""A change of a share said after its figure ("China posted a 10% rise in its share of global PCT filings")."""
HEAD_GAP = re.compile(r"\s+(?:(?!of\b|in\b|to\b|and\b|from\b)[a-z][\w-]*\s+)?")
"""Between a figure and the noun it counts: nothing but one lowercase word ("2.804 million new PHEVs")."""


def _share_of_part_in_whole(frame: Frame, figure: Figure, sentence: str, clause, subjects: list[Mention]) -> None:
    """"The share of basic research in R&D expenditure was 6.77 percent", "the proportion of basic research in
    total R&D investment rose to 6.77 percent": a percentage after "share/proportion of <part> in <whole>" in its
    clause is the part's share (the subject the part, not the whole named nearer the figure; a share, not a growth)."""
    if frame.kind != "percent" or frame.role not in ("figure", "earlier"):
        return
    if SHARE_CHANGED_BEFORE.search(sentence, clause[0], figure.start) or SHARE_CHANGE_AFTER.match(sentence, figure.end):
        # "China's share of global PCT filings rose 3%": the share's own change (a growth or points: held nowhere)
        frame.transformation, frame.transformation_from = "growth_rate", "stated"
        frame.measure, frame.measures, frame.measure_from = "share", ("share",), "stated"
        frame.notes.append("a change of a share, not of what it is a share of")
        return
    if SHARE_MOVED_BEFORE.search(sentence, clause[0], figure.start):
        frame.transformation, frame.transformation_from = "share", "stated"
        frame.measure, frame.measures, frame.measure_from = "share", ("share",), "stated"
    if frame.role != "figure" and not (frame.role == "earlier"
                                       and FROM_RIGHT_BEFORE.search(sentence, 0, figure.said_from)):
        return  # (a base the share moved from is that share too: "rose from under 1.5 per cent to nearly 2 per cent")
    if frame.transformation in (None, "level") and SHARE_SAID_BEFORE.search(sentence, clause[0], figure.start):
        # "China's share of international patent applications filed under the PCT was 25.1%": a share named well
        # before its figure, with nothing but its whole and a verb of being between (or of moving: "rose to 25%")
        frame.transformation, frame.transformation_from = "share", "stated"
        frame.measure, frame.measures, frame.measure_from = "share", ("share",), "stated"
    own = [m for m in subjects if clause[0] <= m.start and m.end <= figure.start and not m.value.startswith("other:")]
    for part, whole in zip(own, own[1:]):
        if SHARE_OF.search(sentence[clause[0]: part.start]) and IN_WHOLE.fullmatch(sentence, part.end, whole.start) \
                and part.value != whole.value:
            frame.subject, frame.subject_from = part.value, "stated"
            if whole.value == "gdp" and part.value == "rd" and frame.transformation != "growth_rate":
                # "the share of R&D in total Gross Domestic Product rose to nearly 2 per cent": R&D's ratio to GDP
                # (R&D intensity), as "R&D spending as a share of GDP" is (`_ratios_to_gdp` gives its unit)
                frame.kind, frame.transformation, frame.transformation_from = "percent_of_gdp", None, ""
                frame.measure, frame.measures, frame.measure_from = None, (), ""  # as "R&D intensity" is read
                frame.notes.append(f"the share of “{part.words}” in “{whole.words}”: its ratio to GDP")
                return
            frame.measure, frame.measures, frame.measure_from = "share", ("share",), "stated"
            if frame.transformation != "growth_rate" or re.search(r"(?i)\bto\s+(?:about\s+|around\s+|nearly\s+)?$",
                                                                  sentence[max(0, figure.start - 20): figure.start]):
                # "rose to 6.77 percent": the share's level; "rose 11.6 percent": the share's growth, held nowhere
                frame.transformation, frame.transformation_from = "share", "stated"
            frame.notes.append(f"the share of “{part.words}” in “{whole.words}”")
            return


def _part_pointed_back(sentence: str, reads: list[Read], subjects: list[Mention], context: Context) -> None:
    """"Investment in basic research stood at 202.35 billion yuan. It ranked second in the world, accounting for 6.57
    percent of the total R&D spending": a share whose only subject is its whole, named after "of", in a sentence that
    points back is the share of the subject the sentence before spoke of, when that is a part of the whole."""
    part = context.subject
    if not POINTING_BACK.search(sentence) or not part or part.startswith("other:"):
        return
    for read in reads:
        frame = read.frame
        if frame.transformation != "share" or frame.role != "figure" or frame.subject_from != "stated" \
                or frame.subject == part or not catalogue.within(part, frame.subject or ""):
            continue
        m = WHOLE_AFTER.match(sentence, read.figure.end)
        own = [x for x in subjects if x.start < read.figure.start and x.value != "goods"]
        named = [x for x in subjects if m and m.end() <= x.start <= m.end() + 20]
        if own or not named or named[0].value != frame.subject:
            continue
        frame.subject, frame.subject_from = part, "context"
        if frame.whole_world and not WORLD_WHOLE.search(sentence, read.figure.end):
            # ("It ranked second in the world, accounting for ...": the world is the rank's, not the share's whole;
            # the share is of the economy the sentence before spoke of)
            frame.whole_world = frame.alone = False
            if frame.entity == "WLD":
                frame.entity, frame.entity_from = (context.last_entity, "context") if context.last_entity \
                    else (context.country or "CHN", "assumed")
        frame.notes.append(f"a share of {named[0].words} pointed back to: that of the subject before, {part}")


OF_WHICH = re.compile(r"(?i)(?:,|\(|;|—|–)\s*(?:of\s+which|of\s+whom|among\s+which|among\s+them|among\s+these|"
                      r"including)\b")
"""Words opening a part of the figure before ("3.52 million NEVs, of which 3.33 million were passenger cars",
"..., including 3.33 million passenger cars")."""


def _part_of_which(sentence: str, reads: list[Read]) -> None:
    """"China sold 3.52 million NEVs in 2021, of which 3.33 million were passenger cars": a figure after "of which"
    counts a part of the figure before, what both subjects name (passenger NEVs). When neither subject holds the
    other but both fall under one kind (vehicles), no series holds that part (all passenger cars are not it):
    "other:part_of_a_whole", never judged. A part whose subject the whole's holds ("2.02 million vehicles, of which
    passenger cars ... 1.61 million") stays."""
    for i, read in enumerate(reads):
        opened = OF_WHICH.search(sentence, reads[i - 1].figure.end if i else 0, read.figure.start) if i else None
        if opened is None or read.frame.role != "figure" or read.frame.subject_from != "stated":
            continue
        whole = next((r for r in reversed(reads[:i]) if r.frame.role == "figure" and r.frame.subject_from == "stated"
                      and r.figure.end <= opened.start()), None)
        part, of = read.frame.subject or "", (whole.frame.subject if whole else "") or ""
        if not part or not of or part.startswith("other:") or of.startswith("other:") or part == of \
                or catalogue.within(part, of) or catalogue.within(of, part) \
                or not (catalogue.ancestors(part) & catalogue.ancestors(of)) - {"goods", "goods_services"}:
            continue  # (the catalogue sets them apart only under one kind: vehicles, patents; "4.91 million
            # vehicles, of which 1.77 million were electric vehicles" holds EVs under the new trio, not vehicles)
        read.frame.subject, read.frame.subject_from = "other:part_of_a_whole", "stated"
        read.frame.notes.append(f"a part of the {of.replace('_', ' ')} before it that is also "
                                f"{part.replace('_', ' ')}: no series counts that part")


ECONOMIES_COUNTED = re.compile(r"(?i)(?:^|\s)(?:(?P<region>[A-Z][a-z]+)\s+)?(?:countries|economies|nations|markets)$")
"""The end of a count of economies ("25 African countries", "Twenty countries"), with the region's adjective if any."""
THRESHOLD_VERB_BETWEEN = re.compile(r"(?i)^[^.;]*?\b(?:imported|imports?|importing|bought|buy|buying|took|take|taking|"
                                    r"received|receive|receiving|purchased|purchasing|brought\s+in|bringing\s+in)\b"
                                    r"[^.;]*$")


def _partner_counts(sentence: str, reads: list[Read], context: Context) -> None:
    """"25 African countries imported more than 100 MW of Chinese solar panels in the 12 months to June 2025": in a
    text on China's exports of a product, a count of economies whose imports pass a threshold is a count of the
    partners a flow kept per partner reaches past it (`threshold`; a region's when its adjective opens the count),
    judged by derivation "partner_count", never an accusation; the threshold itself is no level of its own."""
    if not context.exports_of:
        return
    counted_before: Frame | None = None  # the count with a threshold said before in the sentence
    regions = {name.lower(): region for region, names in _region_words() for name in names}
    for i, read in enumerate(reads):
        frame = read.frame
        counted = ECONOMIES_COUNTED.search(sentence, read.figure.start, read.figure.end)
        if frame.role not in ("figure", "earlier") or frame.kind != "count" or not counted:
            continue
        later = reads[i + 1:]
        upto = next((j for j, r in enumerate(later) if r.frame.kind == "count"
                     and ECONOMIES_COUNTED.search(sentence, r.figure.start, r.figure.end)), len(later))
        bar = next((r for r in later[:upto] if r.frame.kind in ("power", "energy", "money")  # (not past the next count)
                    and r.comparator in (">", ">=") and r.frame.transformation in ("level", None)
                    and THRESHOLD_VERB_BETWEEN.match(sentence[read.figure.end: r.figure.start])), None)
        if bar is None and counted_before is not None and not counted.group("region"):
            # "..., up from 15 countries a year earlier": the same count over its own period
            frame.measure, frame.measures, frame.measure_from = "exports", ("exports",), "assumed"
            frame.subject, frame.subject_from = counted_before.subject, "context"
            frame.entity, frame.entity_from = "CHN", "assumed"
            frame.threshold, frame.partner_scope = counted_before.threshold, counted_before.partner_scope
            frame.counterpart, frame.counterpart_words = counted_before.counterpart, counted_before.counterpart_words
            frame.notes.append("the count of economies said before, over this figure's period")
            continue
        if bar is None:
            continue
        adjective = (counted.group("region") or "").lower()
        region = regions.get(adjective, "")
        if adjective and not region:
            continue  # "25 European Union countries", an adjective naming no region Ember keeps
        if not adjective:
            # "Twenty African countries set records, with 25 countries importing at least 100 MW", "And 25 countries
            # imported at least 100 MW" in a text on Africa's imports: the region the sentence names, else the one the
            # text's flows went to last
            named = [regions[w.lower()] for w in re.findall(r"[A-Za-z]+", sentence) if w.lower() in regions]
            partner = (context.partner or "").removeprefix("region:")
            region = named[0] if len(set(named)) == 1 else (partner if partner in regions.values() else "")
        frame.measure, frame.measures, frame.measure_from = "exports", ("exports",), "assumed"
        frame.subject, frame.subject_from = context.exports_of, "context"
        frame.entity, frame.entity_from = "CHN", "assumed"
        frame.period, frame.period_from = bar.frame.period or frame.period, bar.frame.period_from or frame.period_from
        frame.threshold, frame.partner_scope = (bar.value, bar.unit, bar.comparator), region
        if region:
            frame.counterpart, frame.counterpart_words = f"region:{region}", region
        counted_before = frame
        frame.notes.append("a count of the economies" + (f" of {region}" if region else "") + " China's exports reach "
                           f"past {sentence[bar.figure.start: bar.figure.end]}")
        bar.frame.stand_in = "a threshold the count of economies before it passes, not a level of its own"
        if region:
            bar.frame.counterpart, bar.frame.counterpart_words = f"region:{region}", region


def _wholes(sentence: str, reads: list[Read], subjects: list[Mention], measures: list[Mention]) -> None:
    """A share of two levels the store may hold: "NEV sales accounted for 40.9 percent of all new car sales" and
    "31.6 percent of 2023 vehicle sales were contributed by NEVs" (the whole named after "of", the part before the
    share or after "by"), or "vehicle sales came to 30.09 million, with NEVs contributing 31.6 percent" (no whole
    after the share: the level read before it in the sentence, of a subject holding the part). The part's measure is
    the whole's ("sales")."""
    for i, read in enumerate(reads):
        frame = read.frame
        clause = _clause_of(_clauses(sentence), read.figure.start)
        named = _share_measure(sentence[clause[0]: read.figure.start]) if frame.kind == "percent" else None
        if frame.kind != "percent" or frame.transformation not in ("share", None) and not named or frame.role != "figure":
            continue
        m = WHOLE_AFTER.match(sentence, read.figure.end)
        said = []
        if m:
            stop = min(len(sentence), m.end() + 40)
            cut = CLAUSE.search(sentence, m.end())
            stop = min(stop, cut.start()) if cut else stop
            said = [x for x in measures if m.end() <= x.start < stop and x.value != "share"]
        if said:
            named = [x for x in subjects if m.end() <= x.start < said[0].end + 1 and not x.value.startswith("other:")]
            named = named or [x for x in subjects if m.end() <= x.start < stop and not x.value.startswith("other:")]
            # "accounting for over 40 percent of total sales": no whole named, the part's kind (its one parent)
            whole = named[0].value if named else ("goods" if said[0].value in ("exports", "imports", "trade")
                                                  else _single_parent(frame.subject))
            part, by = frame.subject, PART_BY.match(sentence, max(said[0].end, named[0].end if named else 0))
            if by:  # "... of 2023 vehicle sales were contributed by NEVs": the part follows
                after = [x for x in subjects if x.start == by.end() and not x.value.startswith("other:")]
                part = after[0].value if after else None
            elif frame.transformation != "share":
                continue
            measure = said[0].value
        elif m and re.match(r"(?i)(?:total|whole)\b(?!\s+[a-z])", sentence[m.end():]) \
                and frame.transformation == "share" and frame.subject \
                and (level := next((r for r in reversed(reads[:i]) if r.frame.role == "figure"
                                    and r.frame.transformation == "level" and r.frame.kind in ("count", "money")
                                    and r.frame.subject == frame.subject and r.frame.measure), None)):
            # "Sales of new energy vehicles jumped 35.5 percent to 12.87 million, accounting for 40.9 percent of the
            # total": of the whole the part's kind counts (its one parent), by the part's level's measure
            part, whole, measure = frame.subject, _single_parent(frame.subject), level.frame.measure
        elif named:
            # "The market share reached 31.6 percent" after a paragraph on NEVs: of the sales of all vehicles; a
            # share however it moved ("market share of exports increased to 14.7 percent": no growth rate)
            frame.transformation, frame.transformation_from = "share", "stated"
            part, whole = frame.subject, _single_parent(frame.subject)
            if part and whole and catalogue.within(part, whole):
                frame.whole_subject, frame.whole_measure = whole, named
                frame.measure, frame.measures = named, (named,)
                frame.notes.append(f"a market share: {named} of {part} in {named} of {whole}")
            continue
        elif frame.transformation == "share" and frame.subject_from == "stated":
            # "..., with NEVs contributing 31.6 percent": the whole is the level the sentence gave before
            level = next((r for r in reversed(reads[:i]) if r.frame.role == "figure" and r.frame.transformation == "level"
                          and r.frame.kind in ("count", "money") and r.frame.subject and r.frame.measure
                          and not r.frame.subject.startswith("other:")), None)
            if level is None:
                continue
            part, whole, measure = frame.subject, level.frame.subject, level.frame.measure
        else:
            continue
        if part and whole and whole != part and catalogue.within(part, whole):
            frame.subject, frame.subject_from = part, "stated"
            frame.transformation, frame.transformation_from = "share", "stated"
            frame.whole_subject, frame.whole_measure = whole, measure
            frame.notes.append(f"a share of {measure} of {part} in {measure} of {whole}")


EACH = re.compile(r"(?i)\bboth\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")


def _each_measure(sentence: str, reads: list[Read]) -> list[Read]:
    """"both production and sales exceeded 31 million units", "output and sales each exceeded 12 million": one
    figure that states two measures is a claim about each, read twice (one frame per measure)."""
    out = []
    for i, read in enumerate(reads):
        frame = read.frame
        pair = _both_before(sentence, reads, i)
        if pair:  # "30.16 million units, while sales rose to 30.09 million units, both topping 30 million"
            for level in pair:
                own = dataclasses.replace(frame, measure=level.frame.measure, measures=(level.frame.measure,),
                                          measure_from="stated", subject=level.frame.subject,
                                          subject_from=level.frame.subject_from, notes=list(frame.notes),
                                          said_of_both=frame.said_of_both or frame.kind != level.frame.kind)
                own.notes.append(f"“both”: as the {level.value:g} before it ({level.frame.measure})")
                out.append(dataclasses.replace(read, frame=own))
            continue
        if len(frame.measures) != 2 or frame.role != "figure" or frame.measure_from != "stated":
            out.append(read)
            continue
        # the measure words before the figure ("both production and sales exceeding 10 million units ... of total
        # sales": not the whole's "sales" after it)
        words = [m for m in mentions("measure", sentence) if m.value in frame.measures and m.end <= read.figure.start]
        both = words and EACH.search(sentence[max(0, words[0].start - 30): words[0].start])
        each = words and re.search(r"(?i)\beach\b", sentence[words[-1].end: read.figure.start])
        # only the figure the two measures are stated for: the first after them ("exceeded 12 million units,
        # ranking first for 10 consecutive years": not the 10)
        first = words and next((r for r in reads if r.figure.start >= words[-1].end), None) is read
        # "production and sales surpassed 30 million vehicles": a threshold passed by two measures is passed by each
        # (an exact figure after two measures may be their sum or either: left as one reading)
        bound = words and read.comparator in (">", ">=") and frame.transformation == "level" \
            and re.fullmatch(r"\s*(?:and|&)\s*", sentence[words[0].end: words[-1].start]) is not None
        if not ((both or each or bound) and first):
            out.append(read)
            continue
        for measure in frame.measures:
            own = dataclasses.replace(frame, measure=measure, measures=(measure,), notes=list(frame.notes))
            own.notes.append(f"one of the {' and '.join(frame.measures)} the figure is stated for")
            out.append(dataclasses.replace(read, frame=own))
    return out


EACH_SHARED = re.compile(r"(?i)\beach\s+(?:\w+\s+){0,3}$")
EACH_AFTER = re.compile(r"(?i)\s+each\b")


def _each_economy(sentence: str, reads: list[Read], places: list[Mention]) -> list[Read]:
    """"Sweden and Singapore are among the top five", "Finland and Denmark made it to the top ten": a threshold
    in a ranking after a list of economies, with no other figure between, is said of each: one read per economy
    (a rank is the economy's own, so a list shares a threshold, never an exact place); so is any figure that
    "each" gives to the list ("India and the United Kingdom each have 4", "are tied with 3 clusters each")."""
    out = []
    for i, read in enumerate(reads):
        frame = read.frame
        start = read.figure.start - len(read.wording)
        each = EACH_SHARED.search(sentence[max(0, start - 30): start]) or EACH_AFTER.match(sentence, read.figure.end)
        partners = _partner_list(places, start, sentence) if each and frame.role == "figure" and frame.counterpart else []
        listed = next((r for r in reads[i + 1:] if r.unit == read.unit), None)
        if len(partners) > 1 and frame.counterpart in {p.value for p in partners} and not (
                listed and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:about\s+|around\s+|nearly\s+)?",
                                        sentence[read.figure.end: listed.figure.start])):
            # "Exports to India, Brazil, Spain, Germany, and Vietnam each exceeded 1.5 GW": one read per partner
            # (not "each came to about 1.9 GW, 1.9 GW and 1.7 GW": a list of figures, one per partner)
            for p in partners:
                own = dataclasses.replace(frame, counterpart=p.value, counterpart_words=p.words, notes=list(frame.notes))
                own.notes.append(f"one of the {len(partners)} partners listed with it ({p.words})")
                out.append(dataclasses.replace(read, frame=own))
            continue
        shared = frame.kind == "rank" and read.comparator == "<=" and frame.transformation == "level" or each
        threshold = frame.kind == "rank" and read.comparator == "<="
        run = _place_list(places, start, sentence, ranked=threshold) if shared and frame.role == "figure" else []
        if len(run) < 2 or frame.entity not in {p.value for p in run} \
                or any(run[-1].end <= r.figure.start < start for r in reads[:i]):
            run = _place_list_after(places, read.figure.end, sentence) if shared and frame.role == "figure" else []
            if run and frame.entity_from == "stated" and frame.entity != run[0].value \
                    or OWNER_BEFORE.search(sentence[max(0, start - 20): read.figure.start]):
                # an economy named before the threshold is whose it is ("China is in the top 10, with ..."); an
                # owner's list is of its partners ("China's top four trading partners were ASEAN, the EU, ...")
                run = []
            if len(run) < 2 or any(read.figure.end <= r.figure.start < run[-1].end for r in reads[i + 1:]):
                out.append(read)
                continue
        for p in run:
            own = dataclasses.replace(frame, entity=p.value, entity_from="stated", entity_bound="strong",
                                      entity_others=tuple(q.value for q in run if q is not p), notes=list(frame.notes))
            own.notes.append(f"one of the {len(run)} economies listed with it ({p.words})")
            out.append(dataclasses.replace(read, frame=own))
    return out


def _partner_list(places: list[Mention], end: int, sentence: str) -> list[Mention]:
    """The partners listed last before `end` after a flow's word for them ("Exports to India, Brazil, Spain, Germany,
    and Vietnam"), each joined to the next by a list gap; [] when the list is no partners'."""
    before = [p for p in places if p.end <= end and p.value != "WLD"]
    if not before:
        return []
    run = _joined_run(before, lambda p, q: LIST_GAP.fullmatch(sentence, p.end, q.start))
    ahead = sentence[max(0, run[0].start - 20): run[0].start]
    return run if COUNTERPART.search(ahead) and len({p.value for p in run}) == len(run) else []


def _joined_run(before: list[Mention], joined) -> list[Mention]:
    """The last places of `before` (in order) each joined to the next as a list's items (`joined(p, q)`: the words
    between p and the q after it are a list's)."""
    run = [before[-1]]
    for p in reversed(before[:-1]):
        if not joined(p, run[0]):
            break
        run.insert(0, p)
    return run


OWNER_BEFORE = re.compile(r"(?i)['’]s\s+(?:[\w-]+\s+)?top[\s-]+$")
LIST_INTRODUCED = re.compile(r"(?i)[^.;:]{0,60}?(?:\b(?:include[sd]?|including|are|were|comprise[sd]?|namely)\s*:?|,)"
                             r"\s*(?:the\s+)?$")
"""Between a threshold and the economies it is said of, listed after it ("The top ten most innovative countries also
include the Netherlands, Korea, ...", "The top two origins in 2023, China and the United States, both ...")."""


def _place_list_after(places: list[Mention], end: int, sentence: str) -> list[Mention]:
    """The economies listed after a figure and a verb that introduces them (LIST_INTRODUCED), joined as a list."""
    after = [p for p in places if p.start >= end and p.value != "WLD"]
    if not after or not LIST_INTRODUCED.fullmatch(sentence, end, after[0].start):
        return []
    run = [after[0]]
    for p in after[1:]:
        if not LIST_GAP.fullmatch(sentence, run[-1].end, p.start):
            break
        run.append(p)
    return run if len({p.value for p in run}) == len(run) else []


BOTH_BEFORE = re.compile(r"(?i)\b(?:both|each)\s+(?:(?:of\s+them|having|had|have|were|are)\s+)?(?:\w+\s+){0,1}$")


def _both_before(sentence: str, reads: list[Read], i: int) -> list[Read]:
    """"... production rose to 30.16 million units, while sales rose to 30.09 million units, both topping 30
    million": a figure after "both" (or "each"), naming no measure between it and the two level figures before it,
    is said of each of them: their two frames' measures (returned: the two levels), else []."""
    read = reads[i]
    start = read.figure.start - len(read.wording)
    if read.frame.role != "figure" or not BOTH_BEFORE.search(sentence[max(0, start - 30): start]):
        return []
    # of a growth rate, the levels' growth ("sales and output stood at 10.62 million units and 10.69 million units,
    # respectively, both rising 11.1 percent"); not "both up 4.5% and 19.3%", a rate each, nor "both up 34% month on
    # month", a rate no series measures
    growth = read.frame.transformation == "growth_rate" and not (read.frame.subject or "").startswith("other:") \
        and not _listed_rate_after(sentence, reads, i)
    levels = [r for r in reads[:i] if r.frame.role == "figure" and r.frame.transformation == "level"
              and (r.frame.kind == read.frame.kind or growth) and r.frame.measure]
    if len(levels) < 2 or levels[-2].frame.measure == levels[-1].frame.measure:
        return []
    if any(m for m in mentions("measure", sentence[levels[-1].figure.end: start]) if m.value not in ("rank", "share")):
        return []
    return levels[-2:]


def _listed_rate_after(sentence: str, reads: list[Read], i: int) -> bool:
    """Another percentage listed right after reads[i] ("up 4.5% and 19.3%", "11.6 and 12 percent"), or "respectively"
    after it: a rate for each of the levels before, not one rate of both."""
    following = reads[i + 1] if i + 1 < len(reads) else None
    listed = following is not None and following.frame.kind == reads[i].frame.kind \
        and RATE_LIST_GAP.fullmatch(sentence, reads[i].figure.end, following.figure.start)
    return bool(listed) or bool(re.search(r"(?i)\brespectively\b", sentence[reads[i].figure.end:]))


RATE_LIST_GAP = re.compile(r"\s*(?:%|percent|per\s+cent)?\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")
"""Between two rates of a list ("4.5% and 19.3%", "11.6 and 12 percent")."""


def _pair_comparators(sentence: str, reads: list[Read]) -> None:
    """"production and sales exceeded 9.58 million and 9.49 million units": a comparator before the first figure
    of a pair joined by "and" is the second's too (9.495 million exceeds 9.49 million; read as "about 9.49
    million" it would not round to it)."""
    for a, b in zip(reads, reads[1:]):
        if a.comparator in (">", ">=", "<", "<=") and b.comparator == "~=" and not b.wording \
                and a.frame.kind == b.frame.kind and re.fullmatch(
                    r"\s*(?:units?|vehicles|yuan|percent|%)?\s*(?:,\s*)?and\s*", sentence[a.figure.end: b.figure.start]):
            figure = dataclasses.replace(b.figure, value=b.value, unit=b.unit)
            b.comparator = a.comparator
            b.check, b.step = check_and_step(figure, b.comparator)


def _none():
    return Mention(0, 0, None, "")


def _sign_prefix(sentence: str, figure: Figure) -> str:
    return ""


def _copy(source: Frame, frame: Frame) -> None:
    for key in ("measure", "measure_from", "measures", "subject", "subject_from", "basis", "basis_from", "entity",
                "entity_from", "period", "period_from", "base_period", "transformation", "transformation_from"):
        setattr(frame, key, getattr(source, key))
    frame.notes.append("a conversion of the previous figure into another currency (same series)")


def _window_has(text: str, words: list[str], at_end: bool) -> str | None:
    low = text.lower()
    for w in words:
        pattern = rf"(?<![\w]){re.escape(w.lower())}(?![\w])" + (r"[\w\s,-]{0,25}$" if at_end else "")
        m = re.search(pattern, low) if at_end else re.match(rf"\s*(?:[\w-]+\s+){{0,2}}{re.escape(w.lower())}(?![\w])", low)
        if m:
            return w
    return None


def _transformation(sentence: str, figure: Figure, frame: Frame, clause: tuple[int, int]) -> None:
    vocab = vocabulary()["_compiled"]
    before = sentence[max(clause[0], figure.start - 45): figure.start]
    before = re.sub(r"(?i)(?<!picked )(?<!picking )(?<!picks )(?<!ticked )(?<!ticking )\bup to\b", "", before)
    after = sentence[figure.end: figure.end + 40]
    # "decreasing 1.8%": a decline gerund right before the rate makes it a fall (not "slipping to 0.9% growth")
    falling = vocab["decline_gerund_before"].search(sentence, max(0, figure.said_from - 20), figure.said_from)
    growth = _window_has(before, vocab["growth_rate_before"], True) \
        or _window_has(after, vocab["growth_rate_after"], False) or bool(falling)
    shared = _window_has(before, vocab["share_before"], True) or _window_has(after, vocab["share_after"], False)
    share_words = "|".join(re.escape(w) for w in vocab["share_before"])  # vocabulary.yaml share.before
    if growth and (not (shared and re.search(rf"(?i)\b(?:{share_words})\b", before[-30:] + after[:20]))
                   or CHANGE_NOUN_RIGHT_AFTER.match(after) and REPRESENTING_BEFORE.search(before)
                   and not re.search(r"(?i)\b(?:share|proportion)\b", before + after)):
        frame.transformation, frame.transformation_from = "growth_rate", "stated"
        negative = vocab["negative"]
        near = before[-30:] + " " + after[:25]
        # "grew 7.1% and fell 4.6%": a fall's verb right before the rate is its own, whatever rose before it
        falling = falling or any(RIGHT_BEFORE_RATE.fullmatch(before, said.end())
                                 and not SLOWED_BEFORE.search(before, 0, said.start()) for said in negative.finditer(before))
        if falling or negative.search(near) and not RISE_WORDS.search(before[-20:]):
            frame.sign = -1
            frame.sign_unsure = not falling \
                and bool(RATE_LEVEL_BEFORE.search(sentence, max(0, figure.said_from - 8), figure.said_from)) \
                and not FALL_NAMED.search(sentence, clause[0], figure.said_from)
    elif shared or (figure.kind == "fraction" and FRACTION_OF.match(sentence, figure.end)):
        # "about a quarter of international patent applications": a fraction of a whole is a share
        frame.transformation, frame.transformation_from = "share", "stated"
    elif figure.unit == "percent" and (said := COMPARED_AFTER.match(sentence, figure.end) or
                                       LISTED_CHANGE_AFTER.match(sentence, figure.end)):
        # "101.5 GW, 17% more than 2022's 86.6 GW"; "a 120% and 48% year-on-year increase": a growth rate, the
        # first of a list by the change's noun after the last
        frame.transformation, frame.transformation_from = "growth_rate", "stated"
        if re.search(r"(?i)\b(?:less|lower|fewer|decline|decrease|drop|fall|contraction|slump)\b", said.group(0)):
            frame.sign = -1


COMPARED_AFTER = re.compile(r"(?i)\s*(?:more|less|fewer)\s+than\s+(?:(?:19|20)\d{2}\b|last\s+year|a\s+year\s+(?:earlier|ago|"
                            r"before)|the\s+(?:previous|prior|preceding)\s+(?:year|month|quarter)|[$€¥£]?\d)")
"""Right after a percentage, a comparison with an earlier period or figure ("17% more than 2022's 86.6 GW", "12% less
than last year"): a growth rate."""
LISTED_CHANGE_AFTER = re.compile(rf"(?i)\s*(?:,\s*|\s+)(?:and|or)?\s*(?:an?\s+)?[-+]?\d[\d.,]*\s*(?:%|percent|per\s+cent)"
                                 rf"\s+(?:year[\s-]on[\s-]year\s+|y-o-y\s+|annual\s+)?(?:{CHANGE_NOUNS}|decrease)s?\b")
"""Right after a percentage, the next of a list and the change's noun they share ("a 120% and 48% year-on-year
increase")."""


CHANGE_NOUN_RIGHT_AFTER = re.compile(r"(?i)\s*(?:year[\s-]on[\s-]year\s+|y-o-y\s+|annual\s+)?(?:increase|rise|growth|"
                                     r"decline|decrease|drop|jump|gain|fall)\b")
REPRESENTING_BEFORE = re.compile(r"(?i)\b(?:representing|represented|represents|marking|marked|marks)\s+an?\s+"
                                 r"(?:[a-z]+\s+){0,2}$")  # "representing a remarkable 18.9% year-on-year increase"
"""A change's noun right after a percentage that a level "represents" ("representing an 11.4 percent increase from the
previous year"): a growth rate, though "representing" is a share word; not a change in a share ("a 2.65 percent rise
in its share of GDP") nor a contribution ("contributed 4.3% growth")."""


RISE_WORDS = re.compile(r"(?i)\b(?:" + "|".join(sorted({"up", "rose", "grew", "increased", "rise", "growth", "increase",
                                                         "climbed", "jumped", "surged", "soared", "rebounded",
                                                         "expanded", "gained", "edged up"})) + r")\b")
"""Rise words right before a growth rate ("after they climbed 3% in October"): no fall word near it makes it a fall."""
SLOWED_BEFORE = re.compile(r"(?i)(?:\bslow(?:ed|s|ing)?|\b(?:growth|pace|rate|increase|rise)(?:\s+[a-z]+)?)\s+$")
"""Before a fall's verb, a slowing or a growth as its subject ("export growth slowed down 5.9%", "export growth eased
5.9%"): growth slowed, which says no fall."""
RIGHT_BEFORE_RATE = re.compile(r"(?i)\s*(?:by\s+)?(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than|"
                               r"less\s+than|just|a\s+further|another)\s+)?")
"""Between a verb and its rate, nothing but "by" and a hedge ("fell by nearly 4.6%"): the verb is the rate's own."""
RATE_LEVEL_BEFORE = re.compile(r"(?i)\b(?:to|from)\s+$")
"""Right before a growth rate, the words of the level a rate went to or from ("falling to 0.9% growth", "declining from
12% growth", but "the decline eased to 1.0%"): a fall word near it may say the rate slowed or that it is a fall's
size; the sign read is then a guess (`Frame.sign_unsure`), unless the rate is named a fall (`FALL_NAMED`)."""
FALL_NAMED = re.compile(r"(?i)\b(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:"
                        + "|".join(sorted(numbers.DECLINE_NOUNS)) + r")\b(?!\s+(?:short|back|behind)\b)")
"""Before a rate said after "to" or "from", the fall it measures named as a noun ("the annual fall in imports eased to
7.3 percent from 12.4 percent"): a fall's level, negative."""


FRACTION_OF = re.compile(r"(?i)\s+of\s+(?!a\s+(?:percentage\s+)?point)")
"""After a fraction in words, the whole it is a part of ("a quarter of ...", not "a third of a percentage point")."""


SOLD_ABROAD = re.compile(r"(?i)\b(?:sold|sells|sell|selling|sales|shipped|ships|ship|shipping|delivered|delivers|sent|"
                         r"sends)\b[^;:]{0,60}?\b(?:abroad|overseas|"
                         r"to\s+(?:foreign|overseas)\s+(?:markets|buyers|customers))\b")
DOMESTIC_TOO = re.compile(r"(?i)\b(?:domestic(?:ally)?|at\s+home|in\s+China|home\s+market|both)\b")


def _sold_abroad(frame: Frame, sentence: str, clause, figure: Figure, figures: list[Figure]) -> None:
    """"The country sold 1.55 million battery-electric cars abroad", "shipped 4.1 million passenger cars overseas",
    "1.28 million units sold overseas", "Sales of these products abroad grew by nearly 30% ... to 1.06 trillion yuan":
    sales (or shipments) with "abroad" (or "overseas") are exports, not the sales a sales series counts (which include
    the home market), for the figures they frame: the figure between the verb and "abroad", the one right before
    the verb, or those after them when no figure stands before them in the clause ("NEV sales rose 35.5% to 12.87
    million, including 1.28 million sold overseas" keeps the first two sales); not where the clause speaks of the home
    market too ("sold at home and abroad")."""
    if frame.measure not in ("sales", None) or DOMESTIC_TOO.search(sentence, clause[0], clause[1]):
        return
    for m in SOLD_ABROAD.finditer(sentence, clause[0], clause[1]):
        spans = m.start() <= figure.start < m.end()
        right_after = figure.end <= m.start() and re.fullmatch(r"\s*(?:[A-Za-z-]+\s+){0,3}", sentence[figure.end: m.start()])
        leads = m.end() <= figure.start and not any(clause[0] <= f.start < m.start() for f in figures)
        if spans or right_after or leads:
            frame.measure, frame.measures, frame.measure_from = "exports", ("exports",), "stated"
            frame.notes.append("sold abroad: exports")
            return


def _measure(items: list[Mention], figure: Figure, frame: Frame, clause, sentence: str, context: Context,
             subjects: list[Mention] = ()) -> None:
    """The figure's measure: the nearest measure word in its clause, else in the sentence (`subjects`: the sentence's
    subject words, for a place on a ranking they name)."""
    if frame.measure_from:
        return
    if frame.transformation == "share" and frame.transformation_from == "stated":
        # "The proportion of funding for basic research was 6.77 percent": the share word measures it
        shares = [m for m in items if m.value == "share" and clause[0] <= m.start and m.end <= figure.start]
        if shares:
            frame.measure, frame.measure_from, frame.measures = "share", "stated", ("share",)
            return
    # "increased to nearly 70,000, ranking first": "ranking" is the rank's measure, not the count's; "up 127% from
    # 7.47 GW, accounting for 25% of imports": a share word after a growth rate is another figure's
    items = [m for m in items if (m.value not in ("rank", "score") or m.value == frame.kind)
             and not (m.value == "share" and frame.transformation == "growth_rate" and m.start >= figure.end)]
    change_in = CHANGE_IN_AFTER.match(sentence, figure.end)
    # "driven by a 10.7% rise in exports and a 1.0% gain in imports": the measure after the change noun is the
    # figure's own, not the one named before it in the sentence ("total trade increased 6.5%, driven by ...")
    near = next((m for m in items if change_in and m.start == change_in.end()), None) \
        or _nearest(items, figure.start, figure.end, clause)
    if frame.kind == "rank" and _ranking_named_after(subjects, figure, sentence):
        # "... applications filed under the PCT in 2022 and the country rose to the 11th position on the Global
        # Innovation Index 2022": a place on the ranking named right after it, whatever the sentence counted before
        frame.measure, frame.measure_from, frame.measures = "rank", "stated", ("rank",)
        return
    ranking = frame.kind == "rank" and any(m.value in _ranked_subjects() and m.start < figure.end + 40
                                           for m in subjects)
    if near is not None and near.start >= figure.end and ranking and "," in sentence[figure.end: near.start]:
        near = None  # "among the world's 10 most innovative economies in the UN's annual rankings ..., alongside a
        # gloomy outlook for innovation investment": a place in a ranking the sentence names; a measure past a comma
        # after it is not what ranks it
    if near is None and " per " in (figure.unit or ""):
        return  # "China has granted 798,000 invention patents, with 9.4 high-value patents for every 10,000 people":
        # a ratio per head of population is not the other clause's flow
    if near is None:
        near = _nearest(items, figure.start, figure.end, (0, len(sentence)), after_too=not ranking)
        if near is not None and near.start >= figure.end and CONTRAST.search(sentence, figure.end, near.start):
            near = None  # "Shipments to the US rose 8%, while imports from the US fell": the other clause's measure

    if near is None:
        if frame.kind == "rank":
            frame.measure, frame.measure_from, frame.measures = "rank", "stated", ("rank",)
        return
    found = [near.value]
    # "production and sales of NEVs": both measures are stated
    for other in items:
        if other is near or other.value in found:
            continue
        gap = sentence[min(other.end, near.end): max(other.start, near.start)] if other.start != near.start else ""
        if re.fullmatch(r"\s*(?:and|or|,|/|&)\s*", gap):
            found.append(other.value)
    if near.value == "share" and frame.transformation != "share" and frame.kind != "percent":
        # "Exports accounted for 25.45 trillion yuan": a share's verb before a level; the level's measure is the one
        # its clause names besides (none: no measure)
        near = _nearest([m for m in items if m.value != "share"], figure.start, figure.end, clause) \
            if frame.kind in ("money", "count", "power", "energy") else None
        if near is None:
            return
        found = [near.value]
    order = {m.value: m.start for m in items}
    frame.measure, frame.measure_from, frame.measures = near.value, "stated", tuple(sorted(found, key=lambda v: order[v]))
    compiled = vocabulary()["_compiled"]
    where = near.value == "sales" and compiled["market_after_sales"] is not None and (
        compiled["market_after_sales"].match(sentence, near.end)
        or near.end <= figure.start and frame.kind == "count"
        and compiled["market_after_figure"].match(sentence, figure.end))  # (not "rose more than 40% in China")
    if where:
        # "vehicle sales in China rose 4.5%", "China sold 25.6 million vehicles in China": CAAM's total (with exports)
        # or the sales at home, assumed; beside exports ("auto sales in China totaled 21.9 million cars last year
        # while exports jumped to 4.1 million"), the sales at home, assumed too
        said = f"{near.words} … {where.group(0).strip()}" if where.start() != near.end else f"{near.words}{where.group(0)}"
        frame.sales_in_market = True  # (drafting: judged on whichever of the two holds it)
        if any(m.value == "exports" for m in items):
            frame.measure, frame.measures = "domestic_sales", ("domestic_sales",)
            frame.notes.append(f"“{said}” beside exports: the sales at home, assumed")
        else:
            frame.notes.append(f"“{said}”: all sales or the sales at home, assumed")
        frame.measure_from = "assumed"


CONTRAST = re.compile(r"(?i),\s*(?:while|whereas|but)\b|;")
"""A clause break into another clause's own statement ("..., while imports fell 3%")."""
CHANGE_NOUN_AFTER = re.compile(r"(?i)\s*(?:year-on-year\s+|annual\s+|yearly\s+)?(?:rise|increase|gain|growth|jump|surge|"
                               r"climb|drop|decline|fall|decrease|contraction|slump|dip)s?\b")
"""A change noun right after a percentage ("a 5.3% decline")."""
CHANGE_IN_AFTER = re.compile(r"(?i)\s*(?:year-on-year\s+|annual\s+|yearly\s+)?(?:rise|increase|gain|growth|jump|surge|"
                             r"climb|drop|decline|fall|decrease|contraction|slump|dip)\s+in\s+(?:(?:the|its|their|"
                             r"China's|China’s|the\s+country's|the\s+nation's|overall|total)\s+)*")
"""After a percentage, a change noun and "in" ("a 10.7% rise in exports"): what follows is what the figure measures."""
FLOWS = ("exports", "imports", "trade", "trade_balance")
"""Measures of trade flows: without a subject, of goods (assumed)."""
PART_OF = re.compile(r"(?i)^\W*(?:of|among)\s+(?:those|these|them|this|that|which|the total|this total|that total)\b")
"""A sentence that opens with a part of what the one before counted: "Of those, 1.2 million were NEVs"."""
POINTING_BACK = re.compile(r"(?i)^\s*(?:(?:that|this)(?!\s+(?:year|month|quarter|half|week|time|period|spring|summer|"
                           r"autumn|fall|winter|year's|month's)\b)|it|they|which|the\s+(?:(?:annual|monthly|yearly|"
                           r"year-on-year|growth|same)\s+)?(?:figure|number|total|increase|rise|rate|pace|decline|fall|"
                           r"drop|gain))\b")
"""A sentence opening with words pointing back to the previous one's figure ("That is ten percent more", "The annual
rate was ..."); not "This year, exports rebounded" (a time)."""


REPEATED_BEFORE = re.compile(r"(?i)\b(?:the|this|that)\s+(?:US\$|[$€¥£])?$")


def _repeated(frame: Frame, figure: Figure, unit: str, sentence: str, context: Context) -> None:
    """A figure the text gave before, named again with "the" and no measure of its own ("Exports advanced 8.3
    percent in September ... Moreover, the 8.3 percent growth was the fastest in six months"): that figure's
    measure, subject, economy and period (context)."""
    earlier = context.said.get((figure.value, unit))
    if earlier is None or frame.measure_from == "stated" or frame.role != "figure" \
            or not REPEATED_BEFORE.search(sentence[max(0, figure.start - 12): figure.start]):
        return
    for key in ("measure", "subject", "entity", "period"):
        setattr(frame, key, getattr(earlier, key))
        setattr(frame, f"{key}_from", "context" if getattr(earlier, f"{key}_from") in DETERMINED else "assumed")
    frame.measures, frame.counterpart, frame.counterpart_words = earlier.measures, earlier.counterpart, earlier.counterpart_words
    frame.transformation, frame.transformation_from = earlier.transformation, earlier.transformation_from
    frame.notes.append("a figure given before, named again: its frame")


def _carried_measure(frame: Frame, sentence: str, context: Context) -> None:
    """A sentence that names neither measure nor subject continues the previous one ("That is almost 57
    percent more than in the previous year"): its measure is the previous sentence's, from context when
    the sentence points back ("That", "This", "It"), else assumed (open)."""
    if not frame.measure_from and context.measure and PART_OF.search(sentence) \
            and not [m for m in mentions("measure", sentence) if m.value != "share"]:
        # "Of those, 1.2 million were new energy vehicles": a part of the previous sentence's figure, its measure
        frame.measure, frame.measures, frame.measure_from = context.measure, (context.measure,), "context"
        return
    pointing = bool(POINTING_BACK.search(sentence))
    if context.measure == "rank" and frame.kind not in ("rank", None):
        # "South Korea's nominal GDP ranked 13th ... The United States led with $25.4627 trillion": a sum or a
        # count is not a place; the rank said before is no measure of it (its subject may still be carried)
        return
    if frame.measure_from or not context.measure or frame.subject_from not in ("context", "assumed") \
            and not (pointing and not frame.subject_from):  # "This was slower than ... the 8.8 percent fall"
        return
    frame.measure, frame.measures = context.measure, (context.measure,)
    frame.measure_from = "context" if pointing else "assumed"
    if not frame.subject_from:  # the carried measure's subject
        if frame.measure in FLOWS:
            frame.subject, frame.subject_from = context.subject or "goods", "assumed"
        elif context.subject:
            frame.subject, frame.subject_from = context.subject, "assumed"


MADE_OR_SOLD = ("sales", "production", "domestic_sales")
"""The measures of what carmakers make and sell, counted by CAAM for new energy vehicles, not for EVs as such."""


RATIO_WORDS = re.compile(r"(?i)\b(?:ratio|proportion|share|per\s+(?:car|vehicle|unit))\b")
"""Words making a figure a ratio to what they name ("the ratio of such spending to EV sales")."""


def _evs_made_or_sold(frame: Frame, before: str) -> None:
    """"China's EV sales rose more than 40%": the store counts the sales and production of new energy vehicles
    (battery and plug-in hybrid, CAAM), none of EVs as such; EVs made or sold are read as NEVs, assumed (never an
    accusation: CAAM's NEVs also hold fuel-cell and commercial vehicles, the text's EVs may not). Not a ratio to
    them (`before`: the figure's clause up to it: "the ratio of such spending to EV sales ... just above 11%")."""
    if frame.subject == "ev" and frame.subject_from == "stated" and frame.measure in MADE_OR_SOLD \
            and (frame.measure_from == "stated" or frame.sales_in_market) and not RATIO_WORDS.search(before):
        frame.subject, frame.subject_from = "nev", "assumed"
        frame.notes.append("EVs made or sold read as new energy vehicles (CAAM's count: battery and plug-in hybrid)")


FIELD_AFTER_A_PLACE = re.compile(r"\s+(?:place\s+|position\s+)?in\s+(?!(?:the\s+)?(?:world|globe|index|ranking|"
                                 r"rankings|overall|GII|[A-Z])|(?:19|20)\d{2}\b|(?:this|that|last|the\s+same)\s+year)"
                                 r"((?:[a-z][\w-]*)(?:,?\s+(?:and\s+)?[a-z][\w-]*){0,8})")
"""After a place, "in" and the field it is in, in lower case ("ranking first in industrial designs by origin,
utility models by origin and trademarks"): not the world, the index, a year, nor a name."""
PILLAR_AFTER_A_PLACE = re.compile(r"(?i)\s+(?:and\s+\w+\s+)?(?:(?:places?|positions?|spots?)\s+)?(?:in|on)\s+(?:the\s+)?"
                                  r"(?:(?:GII|index|Global\s+Innovation\s+Index)['’]s\s+)?"
                                  r"((?:[\w&-]+\s+){0,6}(?:pillars?|sub-?pillars?|sub-?index))\b")
"""After a place (or after the last of "first and second places"), a pillar of the index it is in ("in the GII's
human capital and research pillar", "on the institutions sub-index")."""
GROUP_WORDS = re.compile(r"(?i)\b(?:group|region|category|income|pillar|sub-?index|indicators?)\b")
"""Words of a part of a ranking a place may be in ("in the upper-middle-income group", "in its region")."""


def _place_in_a_field(frame: Frame, figure: Figure, sentence: str) -> None:
    """"The 2025 Global Innovation Index shows China ranking first in industrial designs by origin, utility models by
    origin and trademarks by origin": a place in a field of the ranking (an indicator, a pillar, a region) is not the
    ranking's overall place (it had been called false against China's 10th); the store's overall places do not hold
    it (`other:field`); a field is what the words after "in" name (trademarks, designs), a group, a region or a
    pillar, or a bare noun phrase ("first in domestic market scale", "in labour productivity growth"), not the
    ranking's own words ("first in innovation", "59th in the classification")."""
    if frame.kind != "rank" or frame.subject not in _ranked_subjects() or frame.subject == "st_clusters":
        return
    if (pillar := PILLAR_AFTER_A_PLACE.match(sentence, figure.end)) is not None:
        # "Switzerland and Sweden kept their respective first and second places in the GII's human capital and
        # research pillar": a place in a pillar of the index, not its overall place
        frame.subject, frame.subject_from = "other:field", "stated"
        frame.notes.append(f"a place in “{pillar.group(1)}”, a pillar of the ranking, not its overall place")
        return
    field = FIELD_AFTER_A_PLACE.match(sentence, figure.end)
    named = [m.value for m in mentions("subject", field.group(1))] if field else []
    if field is None or any(v in _ranked_subjects() for v in named) \
            or re.search(r"(?i)\b(?:index|ranking|rankings|innovation|innovative|overall|list)\b", field.group(1)) \
            or not (named or GROUP_WORDS.search(field.group(1))
                    or not re.match(r"(?i)(?:the|its|this|that|a|an|their|his|her|our|each|every)\b", field.group(1))):
        return  # ("38th in the classification", "in the latest edition": the ranking's own words)
    frame.subject, frame.subject_from = "other:field", "stated"
    frame.notes.append(f"a place in “{field.group(1)}”, a field of the ranking, not its overall place")


LIST_AFTER_A_PLACE = re.compile(r"(?i)^[^.;]*?,?\s+(?:with|followed\s+by|ahead\s+of|and\s+then)\b[^.;]*$")
"""Between a place in a field and a later place, the words of a list going on ("..., with Malaysia second and")."""


def _places_listed_after_a_field(sentence: str, reads: list[Read]) -> None:
    """"China ranked first in the upper-middle-income group of the GII 2025, with Malaysia second and Türkiye third":
    places listed after a place in a field of the ranking (`_place_in_a_field`) are in that field too (Türkiye's
    third had been called false against its overall 43rd)."""
    field = None
    for read in reads:
        if read.frame.kind != "rank":
            continue
        if read.frame.subject in ("other:field", "other:rank_in_a_field"):
            field = read
        elif field is not None and read.frame.subject in _ranked_subjects() \
                and _bracket_of(sentence, read.figure.start) is None \
                and LIST_AFTER_A_PLACE.match(sentence[field.figure.end: read.figure.start]):
            # (not a place in brackets: "followed by Vietnam (rank 46)" gives the overall rank)
            read.frame.subject, read.frame.subject_from = "other:field", "stated"
            read.frame.notes.append(f"a place listed after “{sentence[field.figure.start: field.figure.end]}”, a place in a "
                                    "field of the ranking")


@functools.cache  # built once from the catalogue shipped in the package
def _ranked_subjects() -> frozenset[str]:
    """The subjects a stored series ranks (the innovation index's economies, its clusters)."""
    return frozenset(series.subject for source in catalogue.sources().values() for series in source.series
                     if series.kind == "rank")


def ranking_named_early(body: str, paragraphs: int = 3) -> str | None:
    """The ranking a text's opening paragraphs name by its name ("The Global Innovation Index 2019 released Wednesday
    ..." after a lede on "the top five countries for economic innovation"), when it is the first ranking the text
    names: the one a lede's places with no ranking of their own are in (assumed, never an accusation), as a
    headline's would be. None when the first ranking named is described, not named ("top 10 innovative nations")."""
    opening = "\n\n".join(body.strip().split("\n\n")[:paragraphs])
    first = next((m for m in mentions("subject", opening) if m.value in _ranked_subjects()), None)
    if first is None or not first.words[:1].isupper() or ANOTHER_RANKING.search(opening, 0, first.end):
        return None  # (not after "IMD World Competitiveness Ranking", nor "the Bloomberg Innovation Index")
    return first.value


ANOTHER_ORDERING = re.compile(r"(?i)\b(?:partners?|markets?|destinations?|unicorns?|buyers?|suppliers?|exporters?|"
                              r"importers?)\b|\blargest\s+economies\b")
"""Words of economies ordered by something else than a ranking ("Its largest trading partners were:\n1. ASEAN\n2.
the EU"): their places in a list are not in the ranking the text named before."""
ITEM_NUMBER = re.compile(r"\d{1,3}[.)]")
"""A list item's number read as a place ("2.", "2)")."""
LISTED_PLACE = re.compile(rf"{ITEM_NUMBER.pattern}|\(\d{{1,3}}\)")
"""A list item's number ("2.", "2)") or a number in brackets ("(2)"): a place in a list."""
INNOVATION_WORD = re.compile(r"(?i)\binnovati(?:on|ve)\b")
"""A lede's place is the index's only in a sentence on innovation ("top five countries for economic innovation")."""


PART_OF_A_RANKING = re.compile(r"(?i)[\"”’']?\s+(?:of|in|within)\s+(?:the\s+)?(?:WIPO['’]s\s+)?(?:\d{4}\s+)?")
"""Between a part and the ranking it belongs to ("pillar of the innovation index", "sub-index of the 2024 GII")."""
RANKING_RIGHT_AFTER = re.compile(r"(?i)\s+(?:(?:place|position|spot|rank)\s+)?(?:on|in|of|among)\s+(?:the\s+)?"
                                 r"(?:(?:\d{4}|WIPO['’]s|latest|annual|world['’]s)\s+)?")
"""Between a place and the ranking it is on ("11th position on the Global Innovation Index")."""


def _ranking_named_after(items: list[Mention], figure: Figure, sentence: str) -> Mention | None:
    """The ranking a place is said to be on, named right after it ("the 11th position on the Global Innovation Index
    2022"), among the subject words `items`; else None."""
    return next((m for m in items if m.value in _ranked_subjects() and m.start >= figure.end
                 and RANKING_RIGHT_AFTER.fullmatch(sentence, figure.end, m.start)), None)


ALL_GOODS = re.compile(r"(?i)\b(?:total|overall|all|general|merchandise|aggregate|headline|foreign)\s+"
                       r"(?:(?:goods\s+)?exports|trade)\b|\bexports\s+as\s+a\s+whole\b|\bforeign\s+trade\b|"
                       r"(?:\b(?-i:[A-Z])\w+['’]s|\bthe\s+country['’]s|\bChinese)\s+exports\b")
"""Words naming all of an economy's exports ("total exports", "overall exports", "China's exports", "Chinese
exports": an economy's exports with no product said), not a product's."""
OTHER_ECONOMIES_BEFORE = re.compile(r"(?i)\b(?:any|every|all|each|no)\s+other\s+$")
"""Before "economy": the economies a figure is compared with ("more than any other economy"), not GDP."""


def _generic(organisation: Mention, sentence: str) -> bool:
    """An organisation named by a generic word, not by its name, and not as an owner ("the company", not "the
    company's"): an economy named after it ("The company said China's exports rose 7.1 percent") owns the figure, in
    its clause too (not one named as where the company trades: "its exports from China", "to China")."""
    words = organisation.words.lower()
    if not words.startswith("the ") or re.search(r"['’]s$", words):
        return False
    aside = re.match(r"\s*,[^,]*,", sentence[organisation.end:])
    places = [p for p in _place_words(sentence) if p.start >= organisation.end]
    # not an economy in an aside ("The manufacturer, China's largest, exported 937,000 vehicles"), nor one named as
    # where the company's trade goes or comes from ("said its exports to Mexico rose")
    return not any(aside and p.end <= organisation.end + aside.end()
                   or OWN_TRADE_BEFORE_PLACE.search(sentence, max(0, p.start - 14), p.start) for p in places)


OWN_TRADE_BEFORE_PLACE = re.compile(r"(?i)\b(?:its|their|from|to|into|for)\s+(?:the\s+)?$")
"""Before an economy after a generic company word, words naming it as where the company's trade goes or comes from."""


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _rate_only_words() -> frozenset[str]:
    """Subject words that name what a growth rate measures and nothing else (vocabulary `rate_only_subject_words`:
    "economic growth"), lower case."""
    return frozenset(w.lower() for w in vocabulary().get("rate_only_subject_words") or ())


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _rate_only_subjects() -> frozenset[str]:
    """The subjects `_rate_only_words` name (gdp), to find those words among a sentence's mentions cheaply."""
    words = _rate_only_words()
    return frozenset(value for value, phrases in (vocabulary().get("subject") or {}).items()
                     if any(str(p).lower() in words for p in phrases or ()))


RATE_SUBJECT_BEFORE = re.compile(r"(?:^|[.;:,(]\s*|\b(?:and|but|while|whereas|as|with|that|where)\s+)(?:(?:the|its|their|"
                                 r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?['’]s?)\s+)?(?:[a-z]+\s+)?$")
"""Before a word naming only a rate's subject, the start of its clause, a determiner or an economy owning it, and at
most one word ("China's economic growth slowed", "Overall economic growth was"): the clause's subject, not the object
of another measure's words ("NEV output, a new engine of economic growth, rose 30.3 percent")."""
RATE_RIGHT_AFTER = re.compile(r"(?i)\s+(?:[a-z]+\s+){0,4}?(?:of|at|to|was|is|hit|reached)\s+(?:about\s+|around\s+|nearly\s+|"
                              r"just\s+|only\s+)?")
"""Between a word naming only a rate's subject and the figure right after it ("economic growth of 5.2 percent",
"economic growth slowed to 5.2%", "economic growth that sank last year to 3%")."""
CONTRIBUTED_TO = re.compile(r"(?i)\bcontribut(?:ed|es|e|ing|ions?)\b")
"""A contribution to a whole ("contributed about 30 percent to global economic growth", "consumption, which
contributed 82.5 percent"): a part of it, not it."""


def _subject(items: list[Mention], figure: Figure, frame: Frame, clause, sentence: str, context: Context, anaphora) -> None:
    if frame.subject_from:
        return
    if re.search(r"(?i)\b(?:for every|one in every|one out of every|one in)\s+$", sentence[max(0, figure.start - 20): figure.start]):
        frame.subject, frame.subject_from = "other:ratio", "stated"
        return
    # "fourth place with three leading positions: university-industry R&D collaboration, ...": what a colon after the
    # figure lists is not what the figure measures
    colon = sentence.find(":", figure.end)
    examples = _examples_from(sentence, figure)
    items = [m for m in items if (colon < 0 or m.start < colon) and m.start < examples]
    rate_words = [m for m in items if m.value in _rate_only_subjects() and m.words.lower() in _rate_only_words()]
    if rate_words and (frame.kind != "percent" or frame.measure_from == "stated"
                       or any(clause[0] <= m.start < clause[1] and m not in rate_words for m in items)
                       or CONTRIBUTED_TO.search(sentence, clause[0], clause[1])
                       or not any(RATE_SUBJECT_BEFORE.search(sentence, 0, m.start)
                                  or RATE_RIGHT_AFTER.fullmatch(sentence, m.end, figure.start) for m in rate_words)):
        # "over $3.2 trillion in foreign exchange reserves" beside "global economic growth": not the economy's; nor
        # "contributed about 30 percent to global economic growth", a part of it; nor "Its exports, which underpin
        # economic growth, grew 0.6 percent", "R&D spending, an engine of economic growth": what else the clause
        # names is measured
        items = [m for m in items if m not in rate_words]
    if frame.kind in ("percent_of_gdp", "rank", "score"):  # "GDP" is the denominator, not what is measured ("R&D ...
        # 2.64% of GDP"); "the only middle-income economy in the top 30", "Rank Economy Score 1 Switzerland 67.5":
        # economies are what is ranked or scored, not the measure
        items = [m for m in items if m.value not in ("economy", "gdp")]
    # "more than any other economy", "ahead of every other economy": the others compared with, not a measure
    items = [m for m in items if not (m.value == "economy" and OTHER_ECONOMIES_BEFORE.search(
        sentence, max(0, m.start - 25), m.start))]
    if frame.measures and all(m in FLOWS for m in frame.measures):
        # "China's export-driven economy recorded a significant slump in exports, which fell by 4.6%": the economy
        # trades; what it exports is not "the economy" (its goods, when nothing else is named)
        items = [m for m in items if m.value != "economy"]
    # "Huawei ... maintained its position as the top filer with 6,494 PCT applications": a company named before
    # the figure in its clause makes the figure the company's, which the store does not hold (never the economy's)
    # ("Zhejiang University was the leading applicant, with 311 PCT applications": before the figure's clause too,
    # unless an economy is named in between)
    named = sorted([m for m in items if m.value == "other:company"] + list(organisations(sentence)), key=lambda m: m.start)
    company = next((m for m in reversed(named) if m.end <= figure.start and (
        clause[0] <= m.start and not _generic(m, sentence) or not any(m.end <= p.start < figure.start
                                                           for p in _place_words(sentence)))), None)
    if company is not None:
        frame.subject, frame.subject_from = "other:company", "stated"
        frame.notes.append(f"“{sentence[company.start:company.end]}”, an organisation, is what the figure counts")
        return
    # "new energy vehicles, including ... plug-in hybrids — electric vehicles with a small gasoline-powered engine to
    # back up the batteries — reached 1.28 million": what an aside names is not what a figure outside it measures
    spans = _asides(sentence)
    if spans:
        own = _span_around(spans, figure.start)
        outside = [m for m in items if _span_around(spans, m.start) in (None, own)]
        items = outside if any(m.end <= figure.start for m in outside) else items
    if frame.measure:
        # "China's exports fell 4.6% in 2023, its vehicle sales up 12%": a subject after the figure and a comma that
        # names another measure's ("vehicle sales") is that measure's, not the figure's (not "6.57 percent of total R&D
        # spending", the whole of a share)
        others = [x for x in mentions("measure", sentence) if x.start >= figure.end and x.value not in frame.measures]
        items = [m for m in items if not (m.start >= figure.end and "," in sentence[figure.end: m.start]
                                          and any(0 <= x.start - m.end <= 2 for x in others))]
    near = _nearest(items, figure.start, figure.end, clause)
    if near is None:
        # nothing in the figure's clause: a subject named before it in the sentence, never one after it in another
        # clause ("imports rose 1.9 per cent, even though a downturn in the property sector weighs on spending")
        near = _nearest(items, figure.start, figure.end, (0, len(sentence)), after_too=False)
    if near is None and frame.kind == "rank":
        # "The country retained first place ..., according to the WIPO 2023 Innovation Index": a place's ranking
        # may be named after it, in the sentence's closing attribution
        near = next((m for m in items if m.start >= figure.end and m.value in _ranked_subjects()), None)
    if near is not None and near.start >= figure.end and re.search(r"\d", sentence[figure.end: near.start]):
        # "exports of mechanical and electrical products totaled ..., up 3.6 percent ..., accounting for 57.1
        # percent of merchandise exports": a subject after another figure is that figure's; the one before is this one's
        earlier = [m for m in items if m.end <= figure.start]
        near = earlier[-1] if earlier else near
    if near is not None and near.start >= figure.end and frame.measure in FLOWS and frame.measure_from == "stated" \
            and not near.value.startswith("other:") and not catalogue.within(near.value, "goods_services"):
        # "The 8.7 percent increase in exports in August ... outpaced China's GDP growth projection of 5 percent":
        # what a flow carries is goods or services; a subject after the figure that no flow carries is another
        # figure's (the one before, if any, is this one's)
        near = next((m for m in reversed(items) if m.end <= figure.start), None)
    if near is not None and near.value in _ranked_subjects():
        part = next((m for m in reversed(items) if m.end <= near.start and m.value.startswith("other:")
                     and PART_OF_A_RANKING.fullmatch(sentence, m.end, near.start)), None)
        if part is not None:
            # "In the "Institutions" pillar of the innovation index, Bulgaria ... moving from 66th last year to 83rd":
            # a part of the ranking (a pillar, a sub-index) is what the place is in, not the ranking as a whole
            near = part
    if frame.kind == "rank" and near is not None and near.value not in _ranked_subjects():
        # "70,000 international applications filed under the Patent Cooperation Treaty ... and the country rose to
        # the 11th position on the Global Innovation Index 2022": the ranking a place is said to be on
        near = _ranking_named_after(items, figure, sentence) or near
    head = next((m for m in items if HEAD_GAP.fullmatch(sentence, figure.end, m.start)), None)
    if head is not None and near is not None and near.end <= figure.start and not head.value.startswith("other:") \
            and not near.value.startswith("other:") and not catalogue.within(near.value, head.value):
        # "6.685 million BEVs and 2.804 million PHEVs were sold": the noun the figure counts, right after it, over
        # a sibling before it (not over a narrower one: "NEV exports hit 1.2 million vehicles" are NEVs)
        near = head
    listed = _listed_whole(items, figure, clause, sentence)
    if listed:
        frame.subject, frame.subject_from = listed, "stated"
        frame.notes.append(f"a list of members read as the whole they make up ({listed})")
        return
    if near is not None:
        subject = near.value
        for other in items:  # "Chinese-branded passenger cars": a qualified subject the store does not hold
            if other.value.startswith("other:") and 0 <= near.start - other.end <= 2:
                frame.subject, frame.subject_from = other.value, "stated"
                return
        # an enumeration after a whole: "green trio, namely solar batteries, lithium-ion batteries and EVs"
        words = vocabulary()["enumeration"]
        for whole in reversed(items):  # the nearest whole first
            if whole.end <= near.start and subject != whole.value and (catalogue.within(subject, whole.value) or (
                    overlapping(subject, whole.value) and not whole.value.startswith("other:"))):
                between = sentence[whole.end: near.start]
                if any(re.search(rf"(?i)(?<![\w]){re.escape(w)}(?![\w])", between) for w in words) or "(" in between:
                    subject = whole.value
                    break
        # "these batteries": the previous sentence's subject when it falls under the word used here
        if anaphora and anaphora.start() <= near.start <= anaphora.end() and context.subject \
                and context.subject != subject and catalogue.within(context.subject, subject):
            frame.subject, frame.subject_from = context.subject, "context"
            frame.notes.append(f"“{anaphora.group(0)}” read as the previous sentence's subject ({context.subject})")
            return
        frame.subject, frame.subject_from = subject, "stated"
        return
    if context.rank_subject is None and context.lede_ranking and frame.kind == "rank" \
            and INNOVATION_WORD.search(sentence) and not ANOTHER_RANKING.search(sentence):
        # "China climbed from 17th to 14th position in the new list" of "countries for economic innovation", the
        # Global Innovation Index named only in the next paragraph: that index's places (assumed, never an accusation)
        frame.subject, frame.subject_from = context.lede_ranking, "assumed"
        frame.notes.append(f"the ranking the text's opening names ({context.lede_ranking})")
        return
    if frame.kind == "rank" and LISTED_PLACE.fullmatch(sentence, figure.start, figure.end) \
            and ANOTHER_ORDERING.search(sentence):
        # "Its largest trading partners were:\n1. ASEAN\n2. the EU" after a sentence on the index: not its places
        frame.subject, frame.subject_from = "other:another_ordering", "stated"
        frame.notes.append("economies ordered by something the store does not rank (partners, markets)")
        return
    if context.rank_subject and (frame.kind == "rank" or frame.kind == "score" and context.subject == "index_indicators"):
        # "This year, China rose one place": a rank without its ranking is in the ranking the text named last
        # (a guess, assumed: never an accusation); so is a score after "11 indicators" were counted (an index's
        # indicators are counted, its economies scored)
        frame.subject, frame.subject_from = context.rank_subject, "assumed"
        frame.notes.append(f"the ranking named earlier in the text ({context.rank_subject})")
        return
    counted = vocabulary().get("unit_subjects", {}).get(figure.unit)
    carried = context.subject if counted and context.subject and catalogue.within(context.subject, counted) else None
    if counted and (carried or unit_kind(figure.unit) not in ("power", "energy")):
        # "1 million units" of exports: vehicles (the text's narrower vehicles when it named them); "46,000 megawatts
        # shipped abroad" after a sentence on solar exports: solar products (capacity counts other things too: "wind
        # turbine exports reached 10 GW", so only where the text has named them)
        frame.subject, frame.subject_from = carried or counted, "assumed"
        frame.notes.append(f"counted in {figure.unit}: a figure about {carried or counted}")
        return
    if frame.measure in FLOWS:
        if context.subject and context.subject != "goods" and anaphora:
            frame.subject, frame.subject_from = context.subject, "context"
        elif frame.measure == "exports" and context.exports_of and not ALL_GOODS.search(sentence, *clause):
            # "The value of panel exports fell to $28 billion" in a text on China's solar panel exports: exports with
            # no subject the vocabulary knows are the text's (assumed: never an accusation); "total exports" are not
            frame.subject, frame.subject_from = context.exports_of, "assumed"
            frame.notes.append(f"exports in a text on China's exports of {context.exports_of}: those")
        else:
            frame.subject, frame.subject_from = "goods", "assumed"
    elif anaphora and context.subject:
        frame.subject, frame.subject_from = context.subject, "context"
    elif context.subject:
        frame.subject, frame.subject_from = context.subject, "assumed"  # carried without a word pointing back


@cache.memo("spot: overlapping subjects", 4096)
def overlapping(a: str, b: str) -> bool:
    """Two subjects that may count the same things: one within the other, or both holding a third
    (EVs and NEVs both hold BEVs and PHEVs). Cached: asked for every series before each accusation."""
    if catalogue.within(a, b) or catalogue.within(b, a):
        return True
    subjects = catalogue.dimensions()["subject"]
    return any(catalogue.within(d, a) and catalogue.within(d, b) for d in subjects)


COUNTERPART = re.compile(r"(?i)\b(?:to|from|into|with|against|than|over)\s+(?:the\s+)?$")
CURRENCY_AFTER = re.compile(r"\s*(?:\$|dollars?\b)", re.I)
WORLD_ADJECTIVES = ("global", "the world", "world's")


def _listed_whole(items: list[Mention], figure: Figure, clause, sentence: str) -> str | None:
    """"electric vehicles, lithium-ion batteries and solar cells increased by 61.6%": members listed
    before the figure stand for the smallest whole that holds them all (new trio), never goods."""
    # the run may cross a clause cut (", and electric vehicles" starts a clause): its gaps are checked below
    before = [m for m in items if m.end <= figure.start and not m.value.startswith("other:")]
    if not before or before[-1].start < clause[0]:  # the member nearest the figure is in its clause
        return None
    if len(before) < 2:
        return None
    run = [before[-1]]
    # an unnamed member may stand between two only in a list of modifiers before its measure ("PV module, cell, and
    # wafer exports"), not in a list of nouns ("EVs, toys and batteries": toys are no member of the new trio)
    modifiers = _measure_right_after(sentence, run[0].end)
    for m in reversed(before[:-1]):
        if _list_gap(sentence, m.end, run[0].start, items, modifiers):
            run.insert(0, m)
        else:
            break
    values = {m.value for m in run}
    if len(values) < 2:
        return None
    common = set.intersection(*(catalogue.ancestors(v) for v in values)) - {"goods"}
    if not common:
        return None
    depth = max(len(catalogue.ancestors(v)) for v in common)
    smallest = sorted(v for v in common if len(catalogue.ancestors(v)) == depth)
    # two wholes of one depth ("electric vehicles, including battery electric vehicles and plug-in hybrids": EVs and
    # NEVs both hold BEVs and PHEVs): the member named in the list is the whole; with none named, the vocabulary's
    # preferred one ("battery-electric and plug-in hybrid cars": NEVs); otherwise the list says none
    named = [v for v in smallest if v in values]
    preferred = [v for v in vocabulary().get("tied_wholes_preferred") or () if v in smallest]
    said = any(m.value in smallest for m in before)  # "electric vehicles, including ...": the enumeration's whole
    if len(smallest) > 1 and len(named) != 1:
        return preferred[0] if len(smallest) == 2 and not named and not said and preferred else None
    return named[0] if named else smallest[0]


def _examples_from(sentence: str, figure: Figure) -> int:
    """"Imports rose 2.3%, with items such as chips in demand": where the examples after the figure begin (the first
    enumeration word after it: `enumeration`, "such as", "including", "namely"), else the sentence's end. A subject
    named there is an example of what moved, not what the figure measures."""
    starts = _enumeration_starts(sentence)
    at = bisect.bisect_left(starts, figure.end)
    return starts[at] if at < len(starts) else len(sentence) + 1


@functools.lru_cache(maxsize=8)  # asked once per figure of a sentence: read the sentence once
def _enumeration_starts(sentence: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _enumeration_words().finditer(sentence))


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _enumeration_words() -> re.Pattern:
    words = sorted(vocabulary()["enumeration"], key=len, reverse=True)
    return re.compile(r"(?i)(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


MEMBER_GAP = re.compile(r"\s*(?:,|and|, and|or|&)\s*(?:[a-z]+\s*(?:,|and|, and|or|&)\s*)?")
"""Between two members of a list: a separator, or one bare word the vocabulary does not know between two
("PV module, cell, and wafer exports": "cell" is a member too; its siblings still give the whole)."""


def _measure_right_after(sentence: str, end: int) -> bool:
    """A measure word right after `end`, a space between ("wafer exports")."""
    space = re.match(r"\s+", sentence[end: end + 3])
    pattern, _ = vocabulary()["_compiled"]["measure"]
    return bool(space) and pattern.match(sentence, end + space.end()) is not None


def _list_gap(sentence: str, start: int, end: int, items: list[Mention], unnamed: bool = True) -> bool:
    """Whether the text between two listed members only separates them (no vocabulary word of its own in it; an
    unnamed member between them only when `unnamed`)."""
    gap = MEMBER_GAP.fullmatch(sentence[start:end])
    if gap is None or (not unnamed and re.search(r"[a-z]", re.sub(r"\b(?:and|or)\b", "", gap.group(0)))):
        return False
    return not any(start <= m.start < end for m in items)


SUBNATIONAL = re.compile(r"\b(?:[A-Z][a-z]+\s){1,2}(?:Province|province|Port|port|City|city|Municipality|Prefecture|"
                         r"Autonomous Region|Free Trade Zone|Special Economic Zone)\b")


REGION_PART = re.compile(r"(?i)\b(?:south|north|east|west|central|southeast|south-east|northeast|north-east|"
                         r"southwest|northwest|sub-saharan|western|eastern|northern|southern)\s+$")
"""A part of a region ("Southeast Asia", "Asia-Pacific", "West Africa"): not the region a partner series holds."""


REGION_NAME_GOES_ON = re.compile(r"-|\s[A-Z][a-z]")
"""After a region's words, the rest of a longer name ("Asia-Pacific", "Asia Pacific", "Africa Summit"): the region
named is not that one."""


NAME_GOES_ON = re.compile(r"\s[A-Z][a-z]")
"""After a capitalised "World" or "Global", the rest of a name ("the World Intellectual Property Organization",
"the World Bank", "Global Times"): an organisation, not the world."""


def _places(sentence: str) -> list[Mention]:
    found = [p for p in mentions("place", sentence)
             if not (CURRENCY_AFTER.match(sentence, p.end) and p.words[-2:] not in ("'s", "’s"))  # "US$" ("China's $6")
             and not (p.value.startswith("region:") and (REGION_PART.search(sentence[max(0, p.start - 12): p.start])
                                                         or REGION_NAME_GOES_ON.match(sentence, p.end)))
             and not (p.value == "WLD" and p.words.split()[-1][:1].isupper() and NAME_GOES_ON.match(sentence, p.end))]
    for m in SUBNATIONAL.finditer(sentence):  # "Fujian Province", "Fuzhou Port": a place below the nation
        found = [p for p in found if not (m.start() <= p.start < m.end())]
        found.append(Mention(m.start(), m.end(), "CHN-SUB", m.group(0)))
    found.sort(key=lambda p: p.start)
    # "Global Innovation Index", "global sales" are not places when part of a subject name
    subjects = mentions("subject", sentence)
    return [p for p in found if not any(s.start <= p.start and p.end <= s.end and (s.end - s.start) > (p.end - p.start)
                                        for s in subjects)]


ORIGIN = re.compile(r"(?i)\b(?:came|come|comes|coming|originat\w*)\s+from\b")
COUNTRY_WORDS = ("the country", "the nation", "the country's", "the nation's")
OWN_COUNTRY_WORDS = ("our country", "my country", "our country's", "my country's")


@functools.cache  # compiled once from the vocabulary shipped in the package
def _excluded_places() -> re.Pattern:
    """Before a place, a list of places left out after one of the vocabulary's `exclusions` ("China (not including
    Hong Kong, Macao and Taiwan) owned 4.015 million invention patents", "exports to countries other than the US"):
    none of them is whose figure it is, nor a partner (not "apart from India, only four other economies are among
    the top 40": besides, not except)."""
    words = alternatives(vocabulary()["exclusions"]).replace(r"\ ", r"\s+")
    return re.compile(rf"(?i)\b(?:{words})\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s*"
                      r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?)*$")
REGION_NAMED = "region:named"
"""The vocabulary's place code of "the bloc", "the continent": the region named last (`_resolve_country`)."""


def _is_region(code: str) -> bool:
    """A bloc or region ("EU", "region:Africa", ASEAN as China's partner), what "the bloc" and "the continent" point
    back to."""
    return code in ("EU", "CHN-ASEAN") or code.startswith("region:") and code != REGION_NAMED


def _country_unnamed(places: list[Mention], entity: str | None) -> bool:
    """Every place of the sentence naming `entity` is "the country" with no economy named before it in the sentence:
    read as China only because nothing else was named (`_resolve_country`)."""
    naming = [p for p in places if p.value == entity]
    named_before = [q.start for q in places if q.value != "WLD" and q.words.lower() not in COUNTRY_WORDS]
    return bool(naming) and all(p.words.lower() in COUNTRY_WORDS and not any(s < p.start for s in named_before)
                                for p in naming)


def _resolve_country(places: list[Mention], default: str | None, own: str | None = None,
                     region: str | None = None) -> list[Mention]:
    """"the country" names the economy named last before it in the sentence ("a Japanese trade body said the
    country's exports"), else `default` (Context.country: the one named last in the text), else China; "our
    country" names the writer's own, `own` (Context.place: the one the text is about so far: "Costa Rica entered the
    top 10 ... our country ranks 74th worldwide"), else China (translations of Chinese official texts: 我国); "the
    bloc", "the continent" name the region named last before them in the sentence, else, when the sentence names no
    other place before them, `region` (the one named last in the paragraph), else nothing ("In 2023, the bloc
    imported 17 GW of modules from China" after a sentence on Europe)."""
    resolved = []
    for p in places:
        if p.value == REGION_NAMED:
            earlier = [q for q in resolved if q.value != "WLD"]
            named = earlier[-1].value if earlier and _is_region(earlier[-1].value) else (None if earlier else region)
            if named:
                resolved.append(Mention(p.start, p.end, named, p.words))
            continue
        if p.words.lower() in OWN_COUNTRY_WORDS and own and own != "WLD" and "-" not in own:
            p = Mention(p.start, p.end, own, p.words)
        elif p.words.lower() in COUNTRY_WORDS:
            earlier = [q for q in resolved if q.value != "WLD" and "-" not in q.value]
            p = Mention(p.start, p.end, earlier[-1].value if earlier else (default or "CHN"), p.words)
        resolved.append(p)
    return resolved


@functools.cache  # built once from the vocabulary shipped in the package
def _policy_patterns() -> re.Pattern:
    """Right after a place, another economy's trade barrier it qualifies ("U.S. tariffs"; `policy_nouns`), not
    possessive ("Korea's export curbs")."""
    return re.compile(rf"(?i)\s+(?:higher\s+|new\s+|steep\s+)?(?:{alternatives(vocabulary()['policy_nouns'])})\b")


def _partner(sentence: str, place: Mention) -> bool:
    """The place is named as a partner or a comparison ("exports to the US", "from Germany", "than Japan", "to markets
    such as Russia"), not as whose figure it is."""
    if FILED_FROM.search(sentence, max(0, place.start - 40), place.start):
        return False  # "filings from the US fell 2.8%": where the filings come from is whose they are
    if THOSE_FROM.search(sentence, max(0, place.start - 30), place.start) \
            and FILED_FROM_EARLIER.search(sentence, 0, place.start):
        return False  # "applications from China grew 10.6%, while those from the US rose 2.8%": the US's filings
    if ABSOLUTE_WITH_BEFORE.search(sentence, max(0, place.start - 12), place.start) \
            and ABSOLUTE_WITH_AFTER.match(sentence, place.end):
        return False  # "..., with China moving up to 11th place": the clause's own subject, not a partner
    return bool(COUNTERPART.search(sentence[max(0, place.start - 12): place.start])
                or PARTNER_LIST.search(sentence, max(0, place.start - 60), place.start)
                or LISTED_PARTNER.search(sentence[max(0, place.start - 80): place.start]))


ABSOLUTE_WITH_BEFORE = re.compile(r"(?i),\s*with\s+(?:the\s+)?$")
ABSOLUTE_WITH_AFTER = re.compile(r"(?i)\s+(?:(?:now|then|also|still|again)\s+)?(?:moving|rising|climbing|jumping|advancing|"
                                 r"falling|slipping|dropping|sliding|taking|holding|ranking|placing|coming|following|sitting|"
                                 r"standing|finishing|landing|remaining|staying|in|at)\b(?!\s+terms\b)")
"""A place opening an absolute clause after a comma (", with China moving up to 11th place", ", with Nigeria in second
place"): the clause's subject, whose figure follows, not a partner of the sentence's flow."""
FILED_FROM = re.compile(r"(?i)\b(?:filings?|applications?|applicants?|patents?|filers?|inventors?|researchers?|"
                        r"publications?)\s+(?:[\w-]+\s+)?(?:from|originating\s+(?:from|in))\s+(?:the\s+)?$")
"""Before a place, what comes from it is its own ("filings from the US", "applications originating from Japan"): the
origin of a count is whose figure it is, not a partner."""
FILED_FROM_EARLIER = re.compile(FILED_FROM.pattern.removesuffix("$"))
THOSE_FROM = re.compile(r"(?i)\b(?:those|the\s+ones)\s+(?:from|originating\s+(?:from|in))\s+(?:the\s+)?$")
"""Before a place, filings pointed back to ("..., while those from the US rose 2.8%" after "applications from China"):
the place's own, as FILED_FROM (not "imports ..., while those from the US fell": a partner's)."""


def _listed_after(words: str) -> re.Pattern:
    """Before a later member of a list of places opened by one of `words` ("exports to the United States, Europe and
    Southeast Asia"): the list's first place is a partner, and so are the others."""
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}"
                      r"(?:\s*,\s*(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}){0,4}"
                      r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+)(?:the\s+)?$")


LISTED_PARTNER = _listed_after("to|into|from|with|than")
LISTED_DESTINATION = _listed_after("to|into")


def _national_others(places: list[Mention], sentence: str, measures: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The economies a sentence names, in order; for a trade flow, not those after "to", "from", "with" (its
    partners: "exports to the US"); elsewhere every one ("69,610 applications came from China": the origin)."""
    flows = bool({"exports", "imports", "trade", "trade_balance"} & set(measures))
    found = []
    for p in places:
        partner = flows and COUNTERPART.search(sentence[max(0, p.start - 12): p.start])
        if p.value != "WLD" and not partner and p.value not in found:
            found.append(p.value)
    return tuple(found)


def _entity(places: list[Mention], figure: Figure, index: int, figures: list[Figure], frame: Frame, sentence: str,
            context: Context) -> None:
    if frame.entity == "WLD" and frame.entity_from == "stated":
        return  # "the global average of 2.6%" (`_target_or_group_average`): the world's, whoever else is named
    if _worlds_flow(sentence, figure):
        frame.entity, frame.entity_from, frame.entity_bound = "WLD", "stated", "strong"
        # the world's series may count another coverage than the words' ("global exports": goods and services,
        # high-technology goods): evidence to look at, never a verdict either way
        frame.stand_in = "the world's flow as the text words it; the store's world series may count another coverage"
        return
    if places:
        code, strong = _entity_in_sentence(places, figure, index, figures, sentence, frame.measures)
        if code:
            frame.entity, frame.entity_from = code, "stated"
            frame.entity_bound = "strong" if strong else ""
            frame.entity_others = tuple(v for v in _national_others(places, sentence, frame.measures) if v != code)
            return
    carried = context.last_entity or context.place
    world_since = context.world_here and carried \
        and context.named_in.get(carried, (context.world_paragraph,))[0] < context.world_paragraph
    if context.last_entity and POINTING_BACK.search(sentence):  # "That is ten percent more": the same economy
        frame.entity, frame.entity_from = context.last_entity, "context"
    elif context.world_paragraph >= 0 and IN_TOTAL_OPENING.match(sentence) and len(context.economies_before) != 1 \
            and frame.subject in (vocabulary().get("world_subjects") or ()):
        # "International patent applications rose by 0.5% ... China retains the lead ..., while Switzerland is
        # eighth. In total, more than 273,000 applications were received": the total of the world the text spoke of,
        # not the economy named last (assumed; after a sentence on one economy, "China's filings slipped 0.6%. In
        # total, 69,610 applications were filed", that economy's)
        frame.entity, frame.entity_from = "WLD", "assumed"
        frame.notes.append("“in total” with no economy named, the world spoken of: read as the world's total")
    elif context.place and not world_since:
        # "China's exports jumped 12.4% ... U.S. tariffs imposed by U.S. President ... Imports fell 4.3%": the economy
        # of the previous sentence's figures, before the one named most often
        frame.entity, frame.entity_from = context.last_entity or context.place, "context"
        # a place carried from a text that names several economies is a guess among them (never an accusation)
        frame.entity_others = tuple(code for code in context.counts
                                    if code != frame.entity and code != "WLD" and "-" not in code)
    elif context.world_here:
        # "In 2023, approximately 272,600 international patent applications were filed" after "global patent
        # activity", "WIPO reports a 1.8% decline in patent filings": no economy named anywhere (or only before the
        # paragraph that speaks of the world), the world spoken of: the world's total (assumed; China's where the
        # series holds no world row, spot._map)
        frame.entity, frame.entity_from = "WLD", "assumed"
        frame.notes.append("no economy named, the world spoken of: read as the world's total")
    elif frame.subject in (vocabulary().get("world_subjects") or ()) and not context.named_any \
            and WORLD_TOTAL_WORDS.search(sentence):
        # "In 2022, PCT filings rose by 0.3% over 2021, totaling 278,100" opening a text: an international system's
        # filings totalled with no economy named yet are all of them (assumed; "In 2023, 69,610 PCT applications
        # were filed" stays China's, open)
        frame.entity, frame.entity_from = "WLD", "assumed"
        frame.notes.append("no economy named yet, an international system's filings totalled: read as the world's total")
    else:
        frame.entity, frame.entity_from = "CHN", "assumed"


IN_TOTAL_OPENING = re.compile(r"(?i)\s*(?:in\s+total|in\s+all|altogether|all\s+told)\b(?![^.;]*?\b(?:they|the\s+"
                              r"(?:two|three|four|five|six|seven|eight|nine|ten)|these|those|both|each)\b)")
"""A sentence opening with its total ("In total, more than 273,000 applications were received"), not the total of
economies it points back to ("In total, they filed 213,216", "Altogether, the two filed 102,484")."""

WORLD_TOTAL_WORDS = re.compile(r"(?i)\b(?:total(?:l)?ing|total(?:l)?ed|a\s+total\s+of|altogether)\b")
"""Words totalling a count ("PCT filings rose by 0.3%, totaling 278,100"): with an international system's filings and
no economy named yet, the world's total (`world_subjects` in vocabulary.yaml)."""
BILATERAL_BEFORE = re.compile(r"(?i)(?<!along )(?<!together )(?<!compared )(?<!line )(?<!coupled )(?<!along\s)\b(?:with|against|"
                              r"vis-[àa]-vis)\s+(?:the\s+)?$")
"""Before a partner of trade or a balance: "a surplus of $300 billion with the US", "its deficit against Taiwan"."""
BILATERAL_AFTER = re.compile(r"(?:\s+(?:in|for)\s+(?:19|20)\d{2})?\s+(?:with|against)\s+(?:the\s+)?"
                             r"([A-Z][\w'.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'.-]*)*)")
"""Right after a figure of trade or a balance, its partner: "$300 billion with the US", "with the Global South"."""
TRADE_WITH_BEFORE = re.compile(r"(?i)\b(?:trade|commerce|trading)\s+(?:\w+\s+){0,2}?(?:with|between\s+China\s+and)\s+(?:the\s+)?$")
"""Before a partner of an economy's trade ("China's trade with Russia", "trade ties with the EU", "trade between China
and Japan"): the exports and imports said after it are with that partner."""
DESTINATION = re.compile(r"(?i)\b(?:to|into)\s+(?:the\s+)?$")
IMPORTS_INTO = re.compile(r"(?i)\bimport(?:s|ed)?\s+(?:[\w-]+\s+){0,3}?into\s+(?:the\s+)?$")
"""Before the importer of imports: "imports into Africa", "panels imported into Pakistan"."""
IMPORTED_FROM = re.compile(r"(?i)\b(?:imports?|imported|importing|purchases|bought|buying)\s+(?:(?:(?!from\b)[\w-]+\s+){0,4}?from|of)"
                           r"\s+(?:the\s+)?$")
"""Before the partner of imports: "imports from Russia", "imports of U.S. goods", "imports of crude oil from Iraq"."""
OF_BEFORE = re.compile(r"(?i)\bof\s+(?:the\s+)?$")
WORD_AFTER = re.compile(r"(['’]s\b)|\s+([A-Za-z]+)")
IMPORTER_VERBS = numbers.CHANGE_VERBS | {"was", "were", "is", "are", "reached", "totaled", "totalled", "stood", "hit",
                                         "amounted", "came", "rebounded", "recovered"}
"""After "imports of <economy>", a verb: the economy imports ("Imports of Japan fell 5.2%"); a noun or a possessive
makes it the goods' origin ("imports of U.S. goods", "imports of Russia's oil")."""


def _origin_of_imports(sentence: str, place: Mention) -> bool:
    """Whether the place is where imports come from ("imports from Russia", "imports of U.S. goods"), not the
    importer ("Imports of Japan fell"); "those from the US" after imports ("imports from Japan grew 10.6%, while those
    from the US fell 2.8%")."""
    if THOSE_FROM.search(sentence, max(0, place.start - 30), place.start) \
            and re.search(r"(?i)\bimport", sentence[: place.start]):
        return True
    m = IMPORTED_FROM.search(sentence, max(0, place.start - 40), place.start)
    if not m:
        return False
    if not OF_BEFORE.search(m.group(0)):
        return True
    after = WORD_AFTER.match(sentence, place.end)
    return bool(after) and (after.group(1) is not None or after.group(2).lower() not in IMPORTER_VERBS)
PARTNER_LIST = re.compile(r"(?i)\b(?:to|into|from|with)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:such\s+as|like|including|notably)\s+"
                          r"(?:the\s+)?$")
"""Before a partner given as an example: "exports to markets such as Russia", "trade with partners including Brazil"."""
ANOTHER_CLAUSE = re.compile(r"(?i),\s*(?:as|while|whereas|but|although|though|even\s+as|with|and|after)\b")
"""Between a figure and a destination after it, the start of another clause ("exports grew 5.5%, as shipments to the
United States fell 20%": the destination is the other figure's)."""
NAMED_PARTNER = re.compile(r"(?<!ccording )(?<!due )(?<!thanks )\b(?:to|into)\s+(?:the\s+)?(?!(?:" + "|".join(sorted(numbers.MONTHS)) + r")\b)"
                           r"(?!(?:USD|CNY|RMB|EUR|GBP|JPY|HKD|US|HK|A|C|S|NZ)?\s?\$|(?:USD|CNY|RMB|EUR|GBP|JPY|HKD|Rs|INR)\b)"
                           r"(?![A-Z][\w-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w-]*)*['’]s\b)"
                           r"([A-Z][A-Za-z'-]*(?:\s+(?:of\s+|and\s+)?[A-Z][A-Za-z'-]*)*)\b(?![\d$])")
"""A capitalised destination of a flow ("to the Middle East", "into Gondor"; not "to March", "according to
BloombergNEF", an amount "to US$3.58 trillion", "to CNY25.45 trillion", "to USD 328.6 billion"; not an owner, "owing
to Trump's tariffs", "a boost to Xi Jinping's agenda"; not "from": for exports it names the exporter or a source,
"data from PV InfoLink")."""
MARKET = re.compile(r"(?i)\b(?:markets?|buyers?|destinations?|customers?|importers?|purchasers?)\b")
"""Words naming an economy as where the text's exports go ("Europe remained the largest market, taking 52.5 GW")."""
OWN_MEASURE = re.compile(r"(?i)\b(?:install(?:ed|s|ing|ations?)?|reach(?:ed|es)?|capacity|produc(?:ed|es|tion)|"
                         r"generat(?:ed|es|ion)|added|built|manufactur(?:ed|es|ing)|deployed|consum(?:ed|ption)|demand)\b")
"""Words giving a clause its own measure ("Germany installed 5 GW", "India's capacity reached 5 GW"): a list of
destinations is not continued into it."""
ORIGIN_ADJECTIVE = re.compile(r"(?i)\bChinese\s+(?:[\w-]+\s+){0,2}imports\b|\bof\s+(?:[\w-]+\s+)?Chinese\b|"
                             r"\bfrom\s+(?:mainland\s+)?China\b")
"""Words naming China as the origin of another economy's imports ("Chinese module imports", "16.4 GW of Chinese
panels", "bought ... from China"): China is then not the importer."""
CHINESE_GOODS = re.compile(r"(?i)\b(?:Chinese|from\s+China|China'?s|made\s+in\s+China)\b")
GOODS_ORIGIN = re.compile(r"(?i)\bof\s+(?:[\w-]+\s+)?Chinese\s+[a-z][\w-]*|\bChinese\s+(?:[\w-]+\s+){0,2}imports\b|"
                          r"\bfrom\s+China\b|\bmade\s+in\s+China\b")
"""Origin words qualifying the goods ("of Chinese panels", "from China"; not "half of them Chinese.")."""
OTHER_ORIGIN = re.compile(r"\b(?i:Chinese|China)\s*(?:,|and|or)\s+[A-Z][\w-]+|\b[A-Z][\w-]+,?\s+(?:and|or)\s+(?i:Chinese|China)\b")
"""Another origin named beside China's ("Chinese and Vietnamese panels", "from Vietnam and China")."""


@functools.lru_cache(maxsize=4)  # asked once per figure of a sentence: read the sentence once
def _place_words(sentence: str) -> tuple[Mention, ...]:
    """Every place mention of the sentence (`mentions("place", ...)`), read once per sentence."""
    return tuple(mentions("place", sentence))


IMPORTS_SAID_AGAIN = re.compile(r"(?i)(?:^[\s,;]*|\b(?:the|its|their)\s+)(?:(?:total|monthly|quarterly|cumulative)\s+)?"
                                r"(?:import\s+(?:volumes?|levels?|figures?)|imports)\b")
"""Imports named again, opening their clause or with a definite word ("In May alone, imports hit 1.57 GW", "The total
import volume reached 23.7 GW", "its imports"; searched in the clause up to the figure): the imports the text has
just spoken of, not a new importer's ("Emerging markets imported 23.7 GW", "Asia-Pacific imported")."""
MIRROR_CARRIED = "the imports of the partner of the sentence before"
"""The note of a mirror carried from the sentence before (frames._counterpart): such a frame carries it no further."""
FROM_CHINA = re.compile(r"(?i)\b(?:imports?\s+(?:of\s+(?:[\w-]+\s+){0,3})?|imported\b[^,;]{0,60}?)from\s+"
                        r"(?:mainland\s+)?China\b(?!['’])")
UNNAMED_IMPORTER = "an importer the text does not name"
"""The partner of "Imports from China rose 60%" ("imports of solar panels from China", "imported ... from China";
not "data from China's customs") when neither the sentence nor the text before names who imports: China's exports
to it, which no total holds (`Frame.partner_unknown`)."""
CHINESE_IMPORTS_NOUN = re.compile(r"(?i)\bChinese\s+(?:[\w-]+\s+){0,2}imports\b")
IMPORTED_VERB = re.compile(r"(?i)\b(?:imported|imports\s+(?:of\s+)?(?:more|less|over|about|nearly|\d)|bought|purchased)\b")
"""Imports as a noun of Chinese goods ("15 GW of Chinese PV imports"), with no importer said ("The Asia-Pacific
imported 5.1 GW of modules from China" names one the place list may not know): the importer is the text's last
partner."""


@functools.lru_cache(maxsize=4)  # asked once per figure of a sentence: read the sentence once
def _origin_words(sentence: str) -> tuple[re.Match | None, re.Match | None]:
    """The first ORIGIN_ADJECTIVE and CHINESE_GOODS matches in the sentence."""
    return ORIGIN_ADJECTIVE.search(sentence), CHINESE_GOODS.search(sentence)


ANOTHER_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?(?!China\b|Chinese\b)[A-Z]")
"""Goods said to come from somewhere other than China ("imported 2 GW of panels from Vietnam")."""


def _solar_imports(frame: Frame, sentence: str, clause) -> bool:
    """"Pakistan imported 17 GW of solar panels in 2024": China makes most of the world's solar panels and the
    store holds them only as China's exports, so China's exports to the importer stand in for its solar imports
    when the clause names no other origin (`Frame.stand_in`: at most needs-review, never supported or accused)."""
    return bool(frame.subject and catalogue.within(frame.subject, "pv")
                and not ANOTHER_ORIGIN.search(sentence, clause[0], clause[1]))


def _entity_as_partner(frame: Frame, places: list[Mention]) -> None:
    """The economy read as the figure's becomes its flow's partner, named as the text names it (the figure is China's
    flow to it: the caller sets the economy)."""
    named = next((p for p in places if p.value == frame.entity), None)
    frame.counterpart, frame.counterpart_words = frame.entity, named.words if named else frame.entity


TAKEN_BY = re.compile(r"(?i)\s+(?:took|takes|bought|buys|received|receives|absorbed|absorbs|purchased|purchases|"
                      r"snapped\s+up|brought\s+in|brings\s+in)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|"
                      r"over\s+|more\s+than\s+|roughly\s+|another\s+)?")
"""Between an economy and a figure, a verb of taking goods in ("The Netherlands took 39 GW", "India bought 15.5 GW")."""


TAKEN_IN = "taken in by"
"""The start of the note on what an economy takes in: the next figure of its list, after a name alone, is taken in too."""


def _taken_by_a_place(places: list[Mention], figure: Figure, frame: Frame, sentence: str, clause, context: Context,
                      reads: list) -> None:
    """"The Netherlands took 39 GW, Brazil 22 GW and Pakistan 16 GW", "India bought 15.5 GW" in a text on China's
    exports of a product: what an economy takes in is its imports (the mirror then reads them as China's exports to
    it, `_counterpart`); so is the next figure of a list right after another economy's name."""
    if not context.exports_of or frame.role != "figure" or frame.kind not in ("count", "money", "power", "energy") \
            or frame.transformation not in ("level", None):
        return
    place = next((p for p in reversed(places) if clause[0] <= p.start and p.end <= figure.start
                  and p.value not in ("CHN", "WLD") and "-" not in p.value), None)
    if place is None:
        return
    between = sentence[place.end: figure.start]
    listed = not between.strip() and any(r.frame.notes and r.frame.notes[-1].startswith(TAKEN_IN) for r in reads)
    if not (TAKEN_BY.fullmatch(between) or listed):
        return
    frame.measure, frame.measures, frame.measure_from = "imports", ("imports",), "stated"
    frame.entity, frame.entity_from = place.value, "stated"
    frame.notes.append(f"{TAKEN_IN} {place.words}: its imports")


SHIPMENTS = re.compile(r"(?i)\b(?:shipments?|shipped)\b")


def _shipments(places: list[Mention], frame: Frame, sentence: str, clause, context: Context) -> None:
    """"Global module shipments increased 13% ..., with the exception of Europe, where shipments fell 7%" in a text on
    China's exports of modules: shipments with no measure of their own (or only one carried from the sentence before:
    "Europe imported 8.8 GW. Shipments to Pakistan halved") are those exports (assumed, never an accusation): the
    world's are the total, an economy's or a region's the exports to it."""
    exports_of = context.exports_of or _exports_said_before(context)
    if frame.measure and frame.measure_from != "assumed" or not exports_of \
            or not SHIPMENTS.search(sentence, clause[0], clause[1]) \
            or frame.subject and frame.subject != exports_of \
            and not catalogue.within(frame.subject, exports_of) \
            or frame.subject and frame.subject.startswith("other:"):
        return
    frame.measure, frame.measures, frame.measure_from = "exports", ("exports",), "assumed"
    if frame.subject is None:
        frame.subject, frame.subject_from = exports_of, "context"
    if frame.entity not in (None, "CHN", "WLD") and frame.entity_from == "stated" and "-" not in frame.entity:
        _entity_as_partner(frame, places)
    frame.entity, frame.entity_from = "CHN", "assumed"
    frame.notes.append("shipments in a text on China's exports: those exports"
                       + (f" to {frame.counterpart_words}" if frame.counterpart else ""))


def _exports_said_before(context: Context) -> str | None:
    """"China's exports rebounded last month. Shipments to the rest of the world rose 5.9%": the subject of exports the
    sentence before spoke of (China's: no other economy named), when it named exports but gave no figure of them."""
    if context.measure != "exports" or context.last_named not in (None, "CHN"):
        return None
    subject = context.subject or "goods"
    return subject if not subject.startswith("other:") and catalogue.within(subject, "goods") else None


def _unknown_name_between(places: list[Mention], entity: str, sentence: str, figure: Figure) -> bool:
    """A capitalised name the place list does not know between the economy read and the figure ("Africa jumped
    43% and the Americas rose 10%"): the figure may be that name's, not the economy's."""
    place = next((p for p in reversed(places) if p.value == entity and p.end <= figure.start), None)
    return place is not None and bool(re.search(r"\b[A-Z][a-z]", sentence[place.end: figure.start]))


PARTNER_POINTER = re.compile(r"(?i)\b(?:from|to|with|into)\s+that\s+(?:country|nation|economy|market)\b(?!['’])")
"""A flow's partner named by pointing back ("its imports from that country", "exports to that market"; not "this
country", as often the text's own economy)."""


def _partner_pointed_at(places: list[Mention], figure: Figure, frame: Frame, sentence: str, clause) -> str | None:
    """"China exported $438.9 billion of goods to the United States and, conversely, its imports from that country
    were $143.5 billion": a flow whose partner the clause points back to ("from that country") is with the last
    economy named before it in the sentence (a bilateral figure, never the total); with none named, the partner is
    unknown (the figure is no total either). None when no partner is pointed at."""
    if not {"exports", "imports", "trade", "trade_balance"} & set(frame.measures) \
            or frame.role not in ("figure", "earlier"):
        return None
    pointer = next((m for m in PARTNER_POINTER.finditer(sentence, max(clause[0], figure.start - 200),
                                                        min(len(sentence), figure.end + 40))
                    if m.end() <= figure.start or m.start() >= figure.end), None)
    if pointer is None:
        return None
    named = [p for p in places if p.end <= pointer.start() and p.value not in ("WLD", frame.entity)
             and re.fullmatch(r"[A-Z]{3}", p.value)]  # a country ("that country" is no region: not Europe)
    if named:
        frame.counterpart, frame.counterpart_words = named[-1].value, named[-1].words
        frame.notes.append(f"“{pointer.group(0)}”: {named[-1].words}, a bilateral figure, not the total")
        return named[-1].value
    frame.partner_unknown = pointer.group(0)
    return pointer.group(0)


def _counterpart(places: list[Mention], figure: Figure, frame: Frame, sentence: str, context: Context, clause,
                 reads: list = ()) -> None:
    """The partner of a flow: "exports to Europe", "shipments to Pakistan" (a destination in the figure's clause);
    "Spain ranked second for Chinese module imports, with 10.57 GW", "Pakistan imported 16.91 GW of modules" in a
    text about China's exports of modules: another economy's imports from China are China's exports to it (the
    partner named; China the economy: stated when the sentence says the goods are Chinese, else assumed). A series
    kept per partner measures it (matching.py); no other series does."""
    market = bool(MARKET.search(sentence, clause[0], clause[1]))  # "Europe remained the largest market, taking 52.5 GW"
    listed = any(r.frame.counterpart and r.frame.role == "figure" and "exports" in r.frame.measures for r in reads)
    region = (frame.entity or "").startswith("region:")  # a region is never an economy of its own series
    # a market's clause, or in a list of markets the words since the figure before ("the Middle East increased
    # 99%, Africa jumped 43%"), names the figure's own market and no other
    since = max([r.figure.end for r in reads if r.figure.end <= figure.start], default=clause[0]) if listed or region \
        else clause[0]
    others = [p for p in places if max(clause[0], since) <= p.start < (clause[1] if market else figure.start)
              and p.value != frame.entity] if market or listed or region else frame.entity_others
    if (context.partner_flow or market or listed or region) and context.exports_of \
            and frame.measure_from != "stated" and frame.role == "figure" \
            and (frame.transformation == "level" and frame.kind in ("count", "money", "power", "energy")
                 or frame.transformation == "growth_rate" and frame.kind == "percent") \
            and frame.entity_from == "stated" and not others and frame.entity not in (None, "CHN", "WLD") \
            and "-" not in frame.entity and not OWN_MEASURE.search(sentence, clause[0], clause[1]) \
            and not _unknown_name_between(places, frame.entity, sentence, figure) \
            and not (frame.subject_from == "stated" and frame.subject and frame.subject != context.exports_of
                     and not catalogue.within(frame.subject, context.exports_of)):  # "Africa's GDP grew 3.2%"
        # "Pakistan led, bringing in 16.91 GW ... India followed closely behind with 16.73 GW", "Shipments to the
        # Middle East rose 99%, while Africa jumped 43%": a list of destinations continued without a flow word (in
        # the sentence or the one before): the next partner's flow or its growth (assumed); so is a region's ("Other
        # regions saw strong growth. The Middle East increased 99%") in a text about China's exports of a product
        place = next((p for p in places if p.value == frame.entity), None)
        frame.counterpart, frame.counterpart_words = frame.entity, place.words if place else frame.entity
        frame.measure, frame.measures, frame.measure_from = "exports", ("exports",), "assumed"
        frame.subject, frame.subject_from = context.exports_of, "context"
        frame.entity, frame.entity_from = "CHN", "assumed"
        frame.notes.append(f"a destination after the one before: China's exports to {frame.counterpart_words}")
        return
    if {"trade", "trade_balance"} & set(frame.measures) and frame.role == "figure":
        # "China runs a trade surplus of over $300 billion with the US, more than $200 billion with the EU": trade or
        # a balance with a partner is that partner's (bilateral), never the total
        partners = [p for p in places if p.value not in ("WLD", frame.entity) and p.start >= clause[0]
                    and BILATERAL_BEFORE.search(sentence[max(0, p.start - 25): p.start])
                    and (p.end <= clause[1] or figure.end <= p.start <= figure.end + 30)]
        after = BILATERAL_AFTER.match(sentence, figure.end)
        if after:  # the partner right after the figure is its own ("... more than $200 billion with the EU")
            named = next((p for p in places if p.start < after.end(1) and after.start(1) < p.end), None)
            frame.counterpart = named.value if named else f"other:{after.group(1)}"
            frame.counterpart_words = after.group(1)
        elif partners:
            nearest = min(partners, key=lambda p: abs(p.start - figure.start))
            frame.counterpart, frame.counterpart_words = nearest.value, nearest.words
        if frame.counterpart:
            frame.notes.append(f"with {frame.counterpart_words}: a bilateral figure, not the total")
            return
    if _partner_pointed_at(places, figure, frame, sentence, clause) is not None:
        return
    if {"exports", "imports"} & set(frame.measures) and frame.role == "figure" and frame.measure_from == "stated" \
            and (partners := [p for p in places if p.end <= figure.start and p.value not in ("WLD", frame.entity)
                              and TRADE_WITH_BEFORE.search(sentence, max(0, p.start - 30), p.start)]) \
            and not [p for p in places if partners[-1].end <= p.start < figure.start and p.value != "WLD"] \
            and not CONTRAST.search(sentence, partners[-1].end, figure.start):  # (not past ", while")
        # "Chinese trade with Germany has also fallen, with exports down 12.4% ... and imports plummeting by 13.7%":
        # the flows of a trade said to be with a partner are with it (a bilateral figure, never the total)
        frame.counterpart, frame.counterpart_words = partners[-1].value, partners[-1].words
        frame.notes.append(f"trade with {partners[-1].words}: a bilateral figure, not the total")
        return
    if "exports" in frame.measures:
        to = [p for p in places if clause[0] <= p.start and p.end <= clause[1] and p.value not in ("WLD", frame.entity)
              and (DESTINATION.search(sentence[max(0, p.start - 10): p.start])
                   or LISTED_DESTINATION.search(sentence[max(0, p.start - 80): p.start]))
              and not (p.start > figure.end and ANOTHER_CLAUSE.search(sentence, figure.end, p.start))]
        if to:
            nearest = min(to, key=lambda p: abs(p.start - figure.start))
            frame.counterpart, frame.counterpart_words = nearest.value, nearest.words
            return
        for named in NAMED_PARTNER.finditer(sentence, clause[0], clause[1]):
            # a partner the place list does not know; not goods ("extended to New Energy Vehicle (NEV) exports")
            if not any(p.start < named.end(1) and named.start(1) < p.end
                       for p in (*places, *mentions("subject", sentence), *mentions("basis", sentence))):
                frame.partner_unknown = named.group(1)
        return
    if "imports" in frame.measures and frame.role == "figure" and frame.entity not in (None, "WLD") \
            and (origins := [p for p in places if clause[0] <= p.start < figure.start and p.value not in ("WLD", "CHN")
                             and "-" not in p.value and _origin_of_imports(sentence, p)]):
        # "China's imports from Russia increased 13.3%", "imports of U.S. goods slid 4.9%": the partner the goods
        # come from, not the importer (the economy the text is about when the sentence names no other)
        origin = origins[-1]
        frame.counterpart, frame.counterpart_words = origin.value, origin.words
        if frame.entity == origin.value:
            frame.entity, frame.entity_from = context.place or "CHN", "context"
        frame.notes.append(f"imports from {origin.words}: a bilateral figure, not the total")
        return
    if "imports" in frame.measures and frame.measure_from == "stated" and frame.role in ("figure", "earlier") \
            and context.mirror_flow and context.partner and not context.partner.startswith("other:") \
            and context.exports_of and frame.entity_from != "stated" and not places \
            and IMPORTS_SAID_AGAIN.search(sentence[clause[0]: figure.start]) \
            and (frame.transformation == "level" and frame.kind in ("count", "money", "power", "energy")
                 or frame.transformation == "growth_rate" and frame.kind == "percent") \
            and (frame.subject_from != "stated" or frame.subject == context.exports_of):
        # "Europe imported 9.7 GW of modules from China in March ... The total import volume reached 23.7 GW in the
        # first quarter": with no importer of its own, the imports of the partner the sentence before read as China's
        # exports to it are that partner's again (assumed, never an accusation)
        frame.counterpart, frame.counterpart_words = context.partner, context.partner_words or context.partner
        frame.measure, frame.measures, frame.measure_from = "exports", ("exports",), "assumed"
        frame.entity, frame.entity_from = "CHN", "assumed"
        frame.subject, frame.subject_from = context.exports_of, "context"
        frame.notes.append(f"{MIRROR_CARRIED} ({frame.counterpart_words}'s imports from China): China's exports to it")
        return
    origin, chinese = _origin_words(sentence)
    if "imports" in frame.measures and frame.entity == "CHN" and origin:
        # "Spain ranked second for Chinese module imports, with 10.57 GW": "Chinese" names the goods' origin; the
        # importer is the economy named before it
        importers = [p for p in places if p.end <= figure.start and p.value not in ("CHN", "WLD") and "-" not in p.value]
        if importers:
            frame.entity, frame.entity_from = importers[-1].value, "stated"
        elif context.partner and not [p for p in places if p.value not in ("CHN", "WLD")] \
                and not context.partner.startswith("other:") and CHINESE_IMPORTS_NOUN.search(sentence, *clause) \
                and not IMPORTED_VERB.search(sentence, *clause):
            # "solar modules shipped from China to Africa rose 60% ... The think tank recorded 15 GW of Chinese PV
            # imports": no importer named, the partner of the sentence before imports them
            frame.entity, frame.entity_from = context.partner, "context"
        elif frame.entity_from != "stated" and not [p for p in places if p.value not in ("CHN", "WLD")] \
                and FROM_CHINA.search(sentence, *clause):
            # "Imports from China rose 60%" with no importer named here or before (or China's own text): China is
            # where the goods come from, never who imports them; China's exports to a partner the text does not name
            frame.measure, frame.measures, frame.measure_from = "exports", ("exports",), "assumed"
            frame.partner_unknown = UNNAMED_IMPORTER
            frame.notes.append("imports from China by an economy the text does not name: China's exports to it")
            return
    if "imports" in frame.measures and frame.entity in (None, "CHN") and frame.entity_from != "stated" \
            and context.exports_of and frame.role == "figure" \
            and (into := next((p for p in places if clause[0] <= p.start < clause[1] and p.value not in ("CHN", "WLD")
                               and "-" not in p.value
                               and IMPORTS_INTO.search(sentence[max(0, p.start - 40): p.start])), None)):
        # "Solar panel imports into Africa increased 60%" in a text on China's exports: the importer is Africa
        frame.entity, frame.entity_from = into.value, "stated"
    if _world_imports_from_china(frame, places, sentence, clause, context):
        return
    if "imports" not in frame.measures or not frame.entity or frame.entity in ("CHN", "WLD") \
            or frame.entity_from not in ("stated", "context") or "-" in frame.entity \
            or frame.entity_from == "context" and not origin \
            or frame.measure_from != "stated" and OWN_MEASURE.search(sentence, clause[0], clause[1]):
        return
    cued = chinese or context.exports_of and (frame.subject in (context.exports_of, None)
                                              or frame.subject_from == "assumed"
                                              or frame.subject and catalogue.within(frame.subject, context.exports_of))
    if not cued and not _solar_imports(frame, sentence, clause):
        return  # ("China's solar export figures ... Africa as a whole imported 15,032 MW of solar panels": a part)
    _entity_as_partner(frame, places)
    # another economy's imports are the mirror of China's exports (recorded CIF, not FOB): assumed, never an
    # accusation; China is the stated origin only when the figure's clause says so ("of Chinese panels", "from
    # China") and names no other origin ("Chinese and Vietnamese panels")
    origin_stated = GOODS_ORIGIN.search(sentence, clause[0], clause[1]) \
        and not OTHER_ORIGIN.search(sentence, clause[0], clause[1])
    frame.measure, frame.measures, frame.measure_from = "exports", ("exports",), "assumed"
    frame.entity, frame.entity_from = "CHN", "stated" if origin_stated else "assumed"
    if context.exports_of and (frame.subject_from != "stated" or frame.subject != context.exports_of and frame.subject
                               and catalogue.within(context.exports_of, frame.subject)):
        # "solar modules shipped from China ... 15 GW of Chinese PV imports": the modules said before, not any PV
        frame.subject, frame.subject_from = context.exports_of, "context"
    frame.notes.append(f"{frame.counterpart_words}'s imports from China: China's exports to it (a mirror figure: "
                       f"imports are recorded with freight and insurance, exports without)")
    if not cued:
        frame.stand_in = (f"the text does not say {frame.counterpart_words}'s solar imports came from China: China's "
                          f"exports to it, most of the world's panels, stand in for them")


PART_OF_THE_GOODS = re.compile(r"(?i)\b(?:most|mostly|largely|mainly|majority|much|many|part|partly|some|half|share|"
                               r"bulk|chiefly|primarily)\b[^,;.]{0,25}$")
"""Before an origin, words making it the origin of a part ("most of them made in China", "mostly from China")."""
MORE_ORIGINS = re.compile(r"(?i)\bfrom\s+(?:mainland\s+)?China(?:\s*,\s*(?-i:[A-Z])|\s+(?:and|or|as\s+well\s+as|plus)\b)|"
                          r"\b(?:China|Chinese)[\s-](?:owned|run|controlled|invested|backed|linked)\b")
"""China and more ("from China and other Asian suppliers", "from China and elsewhere"), or firms of Chinese owners
abroad ("from China-owned factories in Southeast Asia"): not China's exports alone."""
ALL_ORIGINS = re.compile(r"(?i)\bfrom\s+all\s+(?:suppliers|sources|origins|countries|exporters|over)\b|"
                         r"\bfrom\s+everywhere\b|\ball\s+origins\b")
"""Words giving every origin ("from all suppliers", "from everywhere"): not China's exports alone."""
EVERY_GOOD = ("goods", "goods_services", "trade")
"""Subjects that are all of a country's goods: the world's imports of them are no economy's exports."""


def _world_imports_from_china(frame: Frame, places: list[Mention], sentence: str, clause, context: Context) -> bool:
    """"In 2023, the world imported 208 GW of modules from China": the world's imports said to come from China (and
    from nowhere else), or said in a text on China's exports of the same goods ("China exported 16.2 GW of modules in
    December ... In 2023, the world imported 208 GW of modules"), are China's exports of them, read so (assumed:
    imports are recorded with freight and insurance, exports without, and the world also buys elsewhere; never an
    accusation). Not the world's imports in a text on nothing China sells, nor with another economy or origin named
    in the clause."""
    if "imports" not in frame.measures or frame.entity != "WLD" or frame.entity_from != "stated" \
            or frame.role not in ("figure", "earlier") or frame.counterpart \
            or OTHER_ORIGIN.search(sentence, clause[0], clause[1]) \
            or [p for p in places if clause[0] <= p.start < clause[1] and p.value not in ("CHN", "WLD")]:
        return False
    said = GOODS_ORIGIN.search(sentence, clause[0], clause[1])
    if said and PART_OF_THE_GOODS.search(sentence, max(clause[0], said.start() - 30), said.start()) \
            or ALL_ORIGINS.search(sentence, clause[0], clause[1]) or MORE_ORIGINS.search(sentence, clause[0], clause[1]):
        return False  # ("209 GW of panels, most of them made in China", "from all suppliers": not China's alone)
    if not said and not (context.exports_of and frame.subject and frame.subject not in EVERY_GOOD and (
            frame.subject == context.exports_of or catalogue.within(frame.subject, context.exports_of))):
        return False  # (the world's imports of all goods are not China's exports of goods)
    frame.measure, frame.measures, frame.measure_from = "exports", ("exports",), "assumed"
    frame.entity, frame.entity_from = "CHN", "stated" if said else "assumed"
    frame.notes.append("the world's imports " + ("from China" if said else "in a text on China's exports of them")
                       + ": China's exports (a mirror figure: imports are recorded with freight and insurance, exports "
                         "without)")
    return True


SUPERLATIVE_OPENING = r"(?:(?:largest|biggest|leading|top)[\s-]+)?"
"""The superlative a place's noun phrase may open with ("the third-largest importer", "the second biggest market")."""
DESTINATION_RANK_AFTER = re.compile(rf"(?i)[\s-]*{SUPERLATIVE_OPENING}(?:(?-i:[A-Z])[\w-]+\s+)?"
                                    r"(?:export\s+)?"
                                    r"(?:importers?|markets?|buyers?|destinations?|customers?|purchasers?|recipients?)"
                                    r"\s+(?:of|for)\b")
"""A place among where goods go ("the third-largest importer of", "the second biggest market for", "the
fourth-biggest African buyer of")."""
CHINESE_GOODS_BOUGHT = re.compile(r"(?i)\b(?:of|for)\s+(?:[\w-]+\s+)?Chinese\s+[a-z]|"
                                  r"\bChina['’]s\s+(?:[\w-]+\s+){0,3}exports\b")
"""What a buyer buys, said to be China's ("market for Chinese modules", "destination for China's solar exports")."""


def _rank_as_a_destination(places: list[Mention], figure: Figure, frame: Frame, sentence: str, clause,
                           context: Context) -> None:
    """"India was the second-largest market for Chinese modules in 2024", "Brazil, the fourth largest destination for
    China's solar exports": an economy's place among the buyers of China's goods is a place among the partners of
    China's exports (matching ranks them: spot._rank_of_partner). The goods must be China's (said in the sentence,
    or the text is about China's exports of them); the economy is the one named last before the figure. Another
    economy's imports (the mirror in `_counterpart`) are read there, not here."""
    if frame.kind != "rank" or frame.role != "figure" or frame.transformation != "level" or frame.counterpart \
            or not DESTINATION_RANK_AFTER.match(sentence, figure.end):
        return
    origin_stated = bool(GOODS_ORIGIN.search(sentence, clause[0], clause[1])
                         or CHINESE_GOODS_BOUGHT.search(sentence, figure.end, clause[1]))
    if not origin_stated and not context.exports_of or OTHER_ORIGIN.search(sentence, clause[0], clause[1]):
        return
    named = [p for p in places if clause[0] <= p.start and p.end <= figure.start and p.value not in ("CHN", "WLD")
             and "-" not in p.value]
    if not named:
        return
    place = named[-1]
    frame.counterpart, frame.counterpart_words = place.value, place.words
    frame.measure, frame.measures, frame.measure_from = "exports", ("exports",), "assumed"
    frame.entity, frame.entity_from = "CHN", "stated" if origin_stated else "assumed"
    if frame.subject_from != "stated" and context.exports_of:
        frame.subject, frame.subject_from = context.exports_of, "context"
    frame.notes.append(f"{place.words}'s place among the buyers of China's exports")


@functools.cache  # built once from the vocabulary and the regions table shipped in the package
def _region_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each of Ember's regions the vocabulary names (`counterparts`), in the vocabulary's order, with its words
    ("Africa", "African")."""
    regions = set(catalogue.economy_regions().values())
    return tuple((code.removeprefix("region:"), tuple(names))
                 for code, names in (vocabulary().get("counterparts") or {}).items()
                 if code.removeprefix("region:") in regions)


@functools.cache  # built once from the vocabulary and the regions table shipped in the package
def _region_scope_patterns() -> tuple[tuple[str, re.Pattern, re.Pattern, re.Pattern], ...]:
    """For each of Ember's regions the vocabulary names (`counterparts`), in the vocabulary's order, the words placing
    a partner's place in it: its possessive before the place ("Africa's"), its name opening the place's noun phrase
    ("African"), and "in", "among" ... before its name after the place ("in Africa")."""
    found = []
    for region, names in _region_words():
        said = "|".join(re.escape(n) for n in names)
        found.append((region, re.compile(rf"\b(?:{said})['’]s?\s+(?:the\s+)?$"),
                      re.compile(rf"[\s-]*{SUPERLATIVE_OPENING}(?:{said})\b"),
                      re.compile(rf"\b(?:in|among|across|within)\s+(?:the\s+)?(?:{said})\b")))
    return tuple(found)


def _scope_of_a_partners_place(places: list[Mention], figure: Figure, frame: Frame, sentence: str, clause) -> None:
    """"Nigeria ... the second-largest importer in Africa", "Algeria became Africa's third-largest importer", "the
    fourth-biggest African buyer": a partner's place counted among the economies of a region
    (catalogue.economy_regions), not the world's; the region named right before the place or in its noun phrase,
    in the figure's clause. A region read as the partner ("Africa's", "African") gives way to the economy named
    before it."""
    if frame.kind != "rank" or not frame.counterpart or frame.role != "figure":
        return
    noun = DESTINATION_RANK_AFTER.match(sentence, figure.end)
    after = sentence[figure.end: min(clause[1], (noun.end() if noun else figure.end) + 60)]
    before = sentence[max(clause[0], figure.start - 25): figure.start]
    scope = next((region for region, possessive, opening, inside in _region_scope_patterns()
                  if possessive.search(before) or opening.match(after) or inside.search(after)), "")
    if not scope:
        return
    if frame.counterpart.startswith("region:"):
        economy = [p for p in places if clause[0] <= p.start and p.end <= figure.start
                   and p.value in catalogue.economy_regions()]  # an economy, not a region's words
        if frame.counterpart != f"region:{scope}" or not economy:
            return
        frame.notes = [n.replace(f"{frame.counterpart_words}'s", f"{economy[-1].words}'s") for n in frame.notes]
        frame.counterpart, frame.counterpart_words = economy[-1].value, economy[-1].words
    frame.partner_scope = scope
    frame.notes.append(f"a place among the economies of {scope} (Ember's regions)")


SHARE_TAKER = re.compile(r"(?i)^\s+(?:alone\s+)?(?:accounted\s+for|accounts\s+for|accounting\s+for|made\s+up|makes\s+up|"
                         r"took|takes|taking|took\s+in|received|receives|absorbed|absorbs|represented|represents)\s+"
                         r"(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|some\s+|roughly\s+)?$")
SHARE_DESTINED = re.compile(r"(?i)\b(?:went|go|goes|going|were\s+destined|was\s+destined|destined|bound|headed|were\s+shipped|"
                            r"was\s+shipped|were\s+exported|was\s+exported|were\s+sent|was\s+sent)\s+(?:to|for)\s+"
                            r"(?:the\s+)?$")
FLOW_WORDS = re.compile(r"(?i)\b(?:export(?:s|ed)?|shipped|shipments?|sold\s+abroad)\b")


SHARE_OF_A_PARTNER = re.compile(r"(?i)^['’]s?\s+share\s+of\s+(?:[\w'’-]+\s+){0,4}?(?:exports|shipments)\s+"
                                r"(?:(?:rose|fell|dropped|climbed|increased|decreased|declined|grew|slipped|reached|"
                                r"was|stood\s+at|hit)\s+)?(?:to\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?$")
"""A partner's share named before its figure ("Europe's share of China's module exports fell to 44%"): a level of
the share, whatever verb moved it to the figure."""
SHARE_WORD_BEFORE = re.compile(r"(?i),?\s*(?:accounting\s+for|making\s+up|representing|or)\s+"
                               r"(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|some\s+)?$")
SHARE_OF_TOTAL_AFTER = re.compile(r"(?i)\s+of\s+(?:the\s+)?(?:(?:global|world|overall)\s+)?total\b(?!\s+of\b)|"
                                  r"\s+of\s+(?:the|this|that)\s+(?:figure|volume|amount)\b(?!\s+of\b)|"
                                  r"\s+of\s+(?:China['’]s\s+|all\s+|total\s+|the\s+)?(?:[\w-]+\s+){0,2}"
                                  r"(?:exports|shipments)\b")
"""A share of the whole flow right after the figure ("accounting for 44% of the total", "... of China's module
exports", "56% of the figure"); not of a part of it ("25% of the region's imports"), nor of another total ("of the
total of new installations")."""


def _total_said_is_chinas_exports(before: list[Frame]) -> bool:
    """Whether "the total" a share is of may be China's exports of the sentence before: no figure before it in its
    own sentence, or China's exports to the world ("Global installations reached 600 GW; Europe accounted for 12% of
    the total": the installations')."""
    return not before or "exports" in before[-1].measures and not before[-1].counterpart \
        and before[-1].entity in (None, "CHN")


def _partner_of_a_share(places: list[Mention], figure: Figure, frame: Frame, sentence: str, clause,
                        reads: list = (), context: Context | None = None) -> None:
    """A partner's share of China's exports ("Europe accounted for 40% of China's module exports", "More than half
    of the solar modules exported from China ... were destined for Europe (58%)", "58% went to Europe", "Europe's
    share of China's module exports fell to 44%", "Europe imported 9 GW of modules from China, accounting for 44%
    of the total"; in a text on China's exports of a product, "Europe accounted for 56% of the figure"): the share
    of the flow to that partner in the flow to the world (matching: derivation "partner_share")."""
    if frame.kind != "percent" or frame.role != "figure":
        return
    named = [p for p in places if p.value not in ("CHN", "WLD") and clause[0] <= p.start and p.end <= figure.start
             and SHARE_OF_A_PARTNER.match(sentence[p.end: figure.start])]
    flow = next((r.frame for r in reversed(reads) if r.frame.counterpart and r.frame.role == "figure"
                 and r.frame.transformation == "level" and "exports" in r.frame.measures), None)
    if len(named) == 1:
        partners = named
    elif flow and SHARE_WORD_BEFORE.search(sentence, max(0, figure.start - 30), figure.start) \
            and SHARE_OF_TOTAL_AFTER.match(sentence, figure.end):
        # the share of the flow to the partner its sentence gave before ("..., accounting for 44% of the total")
        partners = [Mention(0, 0, flow.counterpart, flow.counterpart_words or flow.counterpart)]
    elif frame.transformation == "growth_rate" or not FLOW_WORDS.search(sentence, clause[0], clause[1]) and not (
            context and context.exports_of and context.measure == "exports" and not context.partner_flow
            and context.last_entity in (None, "CHN") and SHARE_OF_TOTAL_AFTER.match(sentence, figure.end)
            and _total_said_is_chinas_exports([r.frame for r in reads if r.frame.role == "figure"])
            and (frame.subject_from != "stated" or frame.subject and catalogue.within(frame.subject,
                                                                                      context.exports_of))):
        return  # (in a text on China's exports of modules, "Europe accounted for 56% of the figure" is its share)
    else:
        partners = [p for p in places if p.value not in ("CHN", "WLD") and clause[0] <= p.start < clause[1]
                    and (p.end <= figure.start and SHARE_TAKER.match(sentence[p.end: figure.start])
                         or SHARE_DESTINED.search(sentence, max(clause[0], p.start - 40), p.start))]
    if len(partners) != 1 or frame.counterpart not in (None, partners[0].value):
        return
    partner = partners[0]
    frame.counterpart, frame.counterpart_words = partner.value, partner.words
    frame.measure, frame.measures, frame.measure_from = "exports", ("exports",), "stated"
    frame.transformation, frame.transformation_from = "share", "stated"
    if frame.entity in (None, partner.value) or frame.entity_from != "stated":  # not the economy of the last sentence
        frame.entity, frame.entity_from = "CHN", "stated" if CHINESE_GOODS.search(sentence) else "assumed"
    frame.notes.append(f"{partner.words}'s share of China's exports: its rows over the world's")


LIST_MARKER = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[-*•])[ \t]")
"""A list's marker opening a line ("1. ", "2) ", "- ", "• ")."""
NEXT_LIST_ITEM = re.compile(r"\n" + LIST_MARKER.pattern)
"""A line break and a list's marker: the next item of a list written one item a line."""


ITEM_NAME_GAP = re.compile(r"(?i)\s+(?:the\s+)?")
"""Between a list item's number and its economy's name ("2. Sweden", "3. the United States")."""


def _list_item_number(sentence: str, figure: Figure) -> bool:
    """The figure is an item's number in a numbered list joined into the sentence ("clusters: 1. Tokyo-Yokohama 2.
    Shenzhen-Hong Kong-Guangzhou"): which ranking the list is of is a guess (a group's, a pillar's, the clusters')."""
    return bool(ITEM_NUMBER.fullmatch(sentence, figure.start, figure.end)) \
        and any(mark == figure.end for _, mark in numbered_items(sentence))


def _list_item_before(sentence: str, place: Mention, figure: Figure) -> bool:
    """The place ends the line before the figure's, a list's item ("1. Switzerland\n2. Sweden"), not a line of prose
    wrapped before its place ("ranked China\n11. Germany was 9th")."""
    if "\n" not in sentence[place.end: figure.start]:
        return False
    return bool(LIST_MARKER.match(sentence, sentence.rfind("\n", 0, place.start) + 1))


def _entity_in_sentence(places: list[Mention], figure: Figure, index: int, figures: list[Figure],
                        sentence: str, measures: tuple[str, ...] = ()) -> tuple[str | None, bool]:
    """"respectively" pairs the k-th figure with the k-th place; "<place> with <figure>" names it; else a
    place right after the figure ("3.4 million filed worldwide") (these three bind strongly), else the
    nearest one before (which may be another economy's: a weak binding). A place in a relative clause right after
    another place that does not hold the figure ("China, which claims Taiwan as its own territory, saw exports rise
    8.6%") binds none (`_in_aside`)."""
    places = [p for p in places if not _in_aside(sentence, p, figure, places)]
    opened = sentence[: figure.start].rstrip()
    if opened.endswith("("):
        # "with Nigeria second (1.7 GW) and Algeria rising to third (1.2 GW)": the place of the words before the
        # bracket, back to the list's last break, is the bracketed figure's
        start = max((m.end() for m in LIST_BREAK.finditer(opened, 0, len(opened) - 1)), default=0)
        named = [p for p in places if start <= p.start and p.end <= len(opened) - 1 and p.value != "WLD"]
        if len(named) == 1:
            return named[0].value, True
    paired = _paired_lists(places, figures, index, sentence)
    for p in reversed(places):
        if p.end <= figure.start and SCOPE_BEFORE.search(sentence, 0, p.start) \
                and any(q.end <= p.start and q.value not in ("WLD", p.value) for q in places):
            continue  # "the biggest solar importer in Africa with 3.8 GW": the field, not whose (SCOPE_BEFORE)
        if p.value == "WLD" and any(q.end <= p.start and q.value != "WLD" for q in places):
            continue  # "China also leads globally with 26 top clusters": the field of a lead, not whose figure
        if p.end <= figure.start and (PLACE_WITH.fullmatch(sentence, p.end, figure.start)
                                      or PLACE_BRACKET.fullmatch(sentence, p.end, figure.start)
                                      or sentence.startswith("(", figure.start) and not sentence[p.end: figure.start].strip()):
            # ("Sweden and the US at the second and third positions": the list's pairs, not the last place's)
            return paired or p.value, True
    item = figure.unit == "rank" and ITEM_NUMBER.fullmatch(sentence, figure.start, figure.end)
    if item and (named := next((p for p in places if ITEM_NAME_GAP.fullmatch(sentence, figure.end, p.start)), None)):
        # "are: 1. Switzerland 2. Sweden 3. the United States": an item's number is the place of the name after it
        return named.value, True
    if figure.unit == "rank" and not item \
            and (right := next((p for p in places if p.end <= figure.start and p.value != "WLD"
                                and not sentence[p.end: figure.start].strip()
                                and not _list_item_before(sentence, p, figure)), None)):
        # "with Sweden second, the United States third": the name right before a place (not the item before's:
        # "1. Switzerland\n2. Sweden", a list's item number is the name after it)
        return right.value, True
    if paired:
        return paired, True
    if _respectively(sentence):
        before = [p for p in places if p.start < figures[0].start and p.value != "WLD"]
        if len(before) >= len(figures):
            # a list of places as long as the figures' ("Other Latin American countries like Uruguay, Colombia,
            # Argentina, and Costa Rica are ranked 63, 66, 73, and 74, respectively": not the region named first;
            # "Chile and Mexico trail Brazil, occupying the 52nd and 58th places, respectively": not Brazil), the last
            # such list; else the places in order from the first
            lists = [[before[0]]]
            for a, b in zip(before, before[1:]):
                if LIST_GAP.fullmatch(sentence, a.end, b.start):
                    lists[-1].append(b)
                else:
                    lists.append([b])
            fitting = [group for group in lists if len(group) == len(figures)]
            return (fitting[-1][index] if fitting else before[index]).value, True
    nxt = figures[index + 1].start if index + 1 < len(figures) else len(sentence)
    flows = "exports" in measures or "imports" in measures  # "114 GW shipped worldwide": the destination
    following = [p for p in places if figure.end <= p.start <= figure.end + 30 and p.start < nxt
                 and p.words.lower() not in WORLD_ADJECTIVES and not (flows and p.value == "WLD")
                 and not (figure.unit == "rank" and p.value == "WLD")  # "fourth place globally": the ranking's field
                 and (not re.search(r"[,;:(]|\b(?:to|into|than|with|against|over|by|and|but|while|whereas|behind|"
                                    r"after|trailing|ahead|below|above|overtaking|surpassing|despite|amid|amidst|"
                                    r"because|due|thanks|although|though|unless|unlike)\b",
                                    sentence[figure.end: p.start], re.I)  # "second place behind Singapore": not its;
                      # "grew 5.5% in 2025 despite U.S. tariffs": a cause's place, not the figure's
                      # "4.91 million exported by China": the agent of a passive verb is whose figure it is
                      or AGENT.fullmatch(sentence, figure.end, p.start))
                 # "2.65% in 2023 trailed South Korea": the one compared with, not whose figure
                 and not COMPARED_OBJECT.search(sentence, figure.end, p.start)
                 # "- Switzerland: 1st\n- Sweden: 2nd": the next list item's name is not this item's
                 and not NEXT_LIST_ITEM.search(sentence, figure.end, p.start)
                 # "2.61 million cars exported from Germany": for exports "from" names the exporter;
                 # "69,610 applications came from China": "came from" names the origin
                 and (measures == ("exports",) or ORIGIN.search(sentence[figure.end: p.start])
                      or not re.search(r"(?i)\bfrom\b", sentence[figure.end: p.start]))]
    if following:
        return following[0].value, True
    preceding = [p for p in places if p.end <= figure.start]
    if not preceding and OPENING.match(sentence[: figure.start]):
        # "With a score of 66.0 in 2024, Switzerland slipped 1.5 points": an opening phrase's figure is the
        # main clause's subject's
        subject = next((p for p in places if p.start >= figure.end
                        and re.fullmatch(r"[^,.;]*,\s*(?:the\s+)?", sentence[figure.end: p.start])), None)
        if subject is not None:
            return subject.value, True
    # "exports of solar panels from China to Europe": for exports, "from" names the exporter
    own = [p for p in preceding if not _partner(sentence, p)
           or (measures == ("exports",) and re.search(r"(?i)\bfrom\s+(?:the\s+)?$", sentence[max(0, p.start - 12): p.start]))]
    # "German exports to China": the exporter, not the destination; for a flow, never the destination
    # a destination ("deliveries to the US fell") is never whose figure it is
    preceding = own or ([] if flows else [p for p in preceding if not DESTINATION.search(sentence[max(0, p.start - 12): p.start])])
    national = [p for p in preceding if p.value != "WLD"]
    # "South Africa remained the biggest solar importer in Africa with 3.8 GW": a superlative's field, not whose
    national = [p for i, p in enumerate(national) if not (i and SCOPE_BEFORE.search(sentence, 0, p.start))] or national
    if len(national) > 1 and RIVAL_BEFORE.search(sentence[max(0, national[-1].start - 30): national[-1].start]) \
            and PARTICIPLE_AFTER.search(sentence[national[-1].end: figure.start]):
        # "China overtook Japan as the biggest exporter, shipping 4.91 million vehicles", "Singapore overtook Britain
        # to secure fourth place": the figure is the overtaker's (the economy named before the one overtaken), not
        # the one overtaken's ("overtaking the US with 21 clusters" stays the US's)
        return national[-2].value, False
    if national:
        return national[-1].value, False
    if preceding:
        return preceding[-1].value, False
    return None, False


ASIDE = re.compile(r",\s*(?:which|who|whose|where)\b[^,;()]*,")
"""A non-restrictive relative clause (", which claims Taiwan as its own territory,"): its places are not the main
clause's figures' when it follows a place the clause is about."""
COMPARED_OBJECT = re.compile(r"(?i)\b(?:trailed|trails|lagged|lags|exceeded|exceeds|surpassed|surpasses|overtook|"
                             r"outpaced|outstripped|beat|beats|topped|tops|matched|rivalled|rivaled)\s+(?:the\s+)?$")
"""Right before a place after the figure, a verb whose object it is ("2.65% in 2023 trailed South Korea")."""


def _in_aside(sentence: str, place: Mention, figure: Figure, places: list[Mention]) -> bool:
    """Whether the place sits in a relative clause between commas, right after another place ("China, which claims
    Taiwan ..., saw exports rise"), that does not hold the figure ("The data, which Germany's statistics office
    published, showed ...": the clause follows no place, and its place may be the figure's)."""
    return any(m.start() <= place.start and place.end <= m.end() and not m.start() <= figure.start < m.end()
               and any(q.end == m.start() for q in places) for m in ASIDE.finditer(sentence))


WORLD_FLOW = (r"(?:global|world|worldwide|the\s+world['’]s)\s+(?:goods\s+|merchandise\s+|PCT\s+|patent\s+)?(?:trade|"
              r"exports|imports|shipments|demand|filings|applications|sales|production|output)"
              r"(?:\s+and\s+(?:exports|imports))?(?:\s+volumes?)?"
              r"(?!\s+(?:surplus|deficit|balance|partner|share)s?\b)")
WORLD_FLOW_AFTER = re.compile(r"(?i)\s*(?:(?:year-on-year|annual|yearly)\s+)?(?:drop|fall|decline|decrease|dip|slump|"
                              r"contraction|rise|increase|growth|expansion|jump|gain|slowdown)\s+in\s+(?:the\s+)?"
                              + WORLD_FLOW + r"\b")
WORLD_FLOW_BEFORE = re.compile(r"(?i)\b" + WORLD_FLOW + r"(?:,\s+which)?\s+(?:have\s+|has\s+)?"
                               r"(?:[a-z]+\s+){0,2}?(?:by\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$")
"""The world's own flow said around a figure: "amid a 12% drop in global trade", "as global trade shrank 12%", "while
world exports fell 2%" (not "China's global exports" nor "its global trade surplus", OWNED_BEFORE; nor "14% of global
exports": a share whose whole is the world's). The figure is the world's, whatever economy the sentence names first."""
SUBORDINATE_BEFORE = re.compile(r"(?i)\b(?:amid(?:st)?|as|while|whereas|outpacing|outstripping|against|versus|"
                                r"compared\s+(?:with|to)|than|despite)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}$")
"""Before a figure, the words opening a phrase beside the main clause ("amid a", "outpacing a", "compared with a"): a
change "in global trade" right after the figure is then the world's, not the main clause's economy's ("China posted
a 7.1% rise in global exports" stays China's)."""
OWNED_BEFORE = re.compile(r"(?i)(?:['’]s?|\b(?:its|their|our|Chinese|China)\b)\s+(?:(?!(?:as|while|whereas|amid|and|"
                          r"but|when|after|since|though|although|with|exports?|imports?|trade)\b)[\w-]+\s+){0,3}$")
"""An owner just before the world's words ("China's politically sensitive global trade surplus", "its global
exports", "Chinese firms' global exports"), with no clause or flow between ("China's exports fell as global trade
shrank" is not an owner's): the owner's flow with the world, not the world's."""


def _worlds_flow(sentence: str, figure: Figure) -> bool:
    """Whether the figure's own words make it the world's trade, exports, imports or demand: a change in the world's
    flow right after it in a phrase beside the main clause ("amid a 12% drop in global trade"), or the world's flow
    opening its clause right before it ("as global trade shrank 12%"), with no owner before the world's words."""
    if WORLD_FLOW_AFTER.match(sentence, figure.end):
        opened = SUBORDINATE_BEFORE.search(sentence, 0, figure.start)
        return bool(opened) and not OWNED_BEFORE.search(sentence, 0, figure.start)
    before = WORLD_FLOW_BEFORE.search(sentence, 0, figure.start)
    return bool(before) and not OWNED_BEFORE.search(sentence, 0, before.start())


LIST_BREAK = re.compile(r"(?i)[,;(]|\s(?:and|with|while|whereas|but)\s")
"""Where the members of a list of places with figures part ("..., with Nigeria second (1.7 GW) and Algeria ...")."""
SCOPE_BEFORE = re.compile(r"(?i)\b(?:largest|biggest|top|leading|main|major|highest|first|second|third)\s+"
                          r"(?:[\w-]+\s+){0,3}?(?:in|among)\s+(?:the\s+)?$")
"""Before a place that is the field of a superlative ("the biggest solar importer in Africa", "ranked second in
Europe"): the figure is the economy's named before it, not the field's."""
RIVAL_BEFORE = re.compile(r"(?i)\b(?:overtak(?:en|es|ing|e)|overtook|surpass(?:ed|es|ing)?|outpac(?:ed|es|ing|e)|"
                          r"outstrip(?:ped|s|ping)?|replac(?:ed|es|ing|e)|displac(?:ed|es|ing|e)|dethron(?:ed|es|ing|e)|"
                          r"unseat(?:ed|s|ing)?|ahead\s+of|overtaking|followed|trailed|trailing)\s+(?:the\s+)?$")
"""Before an economy, words making it the one overtaken or followed ("China has overtaken the United States to rank
first", "replacing Germany", "Algeria followed Nigeria as the third-largest importer"; not "followed by"): not the one a lead without a level is said of (`_lead_of_a_measure`; for any figure it
moved figures of the overtaken economy to the other on dev and dev7: not used there)."""


PARTICIPLE_AFTER = re.compile(r",\s+(?:[a-z]+ing)\b[^,;]*$|^\s+to\s+(?:secure|take|claim|become|grab|clinch|reach|"
                              r"win|capture|seize|rank|move\s+into|climb\s+to)\b[^,;]*$|^\s+for\s+(?:the\s+)?$"
                              r"|^\s+and\s+(?:has\s+|have\s+|had\s+)?(?:climbed|moved|risen|rose|jumped|advanced)\s+"
                              r"(?:up\s+)?to\s+(?:the\s+)?$"
                              r"|^\s+as\s+(?:the\s+)?(?:[^,;]{0,60}?\bwith\s+)?$")
"""A participle clause opened after a comma and holding the figure (", shipping 4.91 million ..."), or the purpose
right after the one overtaken ("Singapore overtook Britain to secure fourth place", "Sweden overtook the United States
for second position", "Sweden has overtaken the United States and has climbed to second position", "Nigeria overtook
Egypt as the second-largest importer with 1,721 megawatts")."""


LIST_GAP = re.compile(r"(?i)\s*(?:,\s*(?:and\s+|&\s+)?|and\s+|&\s+)(?:the\s+)?")
"""Between two items of a list: "Sweden, Singapore", "Sweden and the USA", "Finland, and Denmark"."""


LIST_ASIDE = re.compile(r"(?i)\b(?:unlike|besides|beside|behind|after|like|except|excluding|including|ahead\s+of|"
                        r"apart\s+from|as\s+well\s+as|along\s+with|among|beyond|before|above|below|than|"
                        r"(?<!topped\s)(?<!led\s)(?<!headed\s)(?<!followed\s)by|for)\s+(?:the\s+)?$")
"""Words before a list of economies that make it an aside ("Unlike Sweden and Japan, China is in the top ten"):
the figure after it is not theirs ("topped by", "led by", "followed by" introduce the list the figure is about)."""


BRACKETED = re.compile(r"^\s*\([^()]{1,40}\)")


RANKED_LIST_GAP = re.compile(r"(?i)\s*,?\s*(?:followed\s+by|(?:and\s+)?then|ahead\s+of)\s+(?:the\s+)?|"
                             r"\s*,\s*(?:followed\s+by|(?:and\s+)?then)\s+(?:the\s+)?")
"""Between economies listed in their order in a ranking ("Switzerland, followed by Sweden and then the United
States, retained the top three positions"): a list gap too, for a threshold said of the list."""


def _place_list(places: list[Mention], end: int, sentence: str, ranked: bool = False) -> list[Mention]:
    """The list of economies that ends last before `end` ("Sweden and the USA claimed"), each joined to the next
    by a list gap (`ranked`: or by the words of a ranking's order, "followed by", "and then"); [] when a place
    before it is a counterpart ("exports to Germany and France")."""
    before = [p for p in places if p.end <= end and p.value != "WLD" and "-" not in p.value]
    # "Sweden and the United States (US)": an economy's abbreviation in brackets after its name is not another item
    before = [p for i, p in enumerate(before) if not (i and before[i - 1].value == p.value and re.fullmatch(
        r"\s*\(\s*", sentence[before[i - 1].end: p.start]) and re.match(r"\s*\)", sentence[p.end:]))]
    if not before:
        return []
    # "Japan (50,345, +0.1%), the Republic of Korea (22,012, +6.2%) and Germany": each name's own figures in brackets
    # do not break the list
    run = _joined_run(before, lambda p, q: LIST_GAP.fullmatch(sentence, p.end, q.start)
                      or LIST_GAP.fullmatch(BRACKETED.sub("", sentence[p.end: q.start]))
                      or ranked and RANKED_LIST_GAP.fullmatch(sentence, p.end, q.start))
    ahead = sentence[max(0, run[0].start - 20): run[0].start]
    if COUNTERPART.search(ahead) or LIST_ASIDE.search(ahead) or len({p.value for p in run}) != len(run):
        return []
    return run


def _paired_lists(places: list[Mention], figures: list[Figure], index: int, sentence: str) -> str | None:
    """"Sweden and the USA claimed second and third place": a list of figures after a list of as many economies
    pairs them in order, as "respectively" does; None when the figure is in no such list."""
    lo = hi = index
    while lo > 0 and LIST_GAP.fullmatch(sentence, figures[lo - 1].end, figures[lo].start):
        lo -= 1
    while hi + 1 < len(figures) and LIST_GAP.fullmatch(sentence, figures[hi].end, figures[hi + 1].start):
        hi += 1
    units = {figures[k].unit for k in range(lo, hi + 1)}
    if hi == lo or len(units) != 1 and not (units == {"score", "count"} and figures[lo].unit == "score"
                                            and all(figures[k].decimals for k in range(lo, hi + 1))):
        return None  # (a bare decimal listed after a score is one: "scores of 64.5 and 62.4")
    run = _place_list(places, figures[lo].start, sentence)
    return run[index - lo].value if len(run) == hi - lo + 1 else None


@cache.memo("spot: respectively", 64)
def _respectively(sentence: str) -> bool:
    return bool(re.search(r"\brespectively\b", sentence))


def _base_months(sentence: str, figures: list[Figure]) -> frozenset:
    """Where the month words attached to the sentence's base figures end ("up sharply from 1.3% in August",
    "lower than the $80.6 billion in July"): such a month dates its base figure only. One pass over the figures."""
    ends = set()
    for other in figures:
        if (owner := MONTH_OWNER_BEFORE.search(sentence, max(0, other.start - 30), other.start)) \
                and EARLIER_BEFORE.search(sentence[max(0, other.start - 60): other.start]):
            ends.add(owner.end())  # "down 8% MoM from June's 9.3 GW": June is the 9.3 GW's
        m = MONTH_AFTER.match(sentence, other.end) or MONTH_YEAR_AFTER.match(sentence, other.end)
        if m and (EARLIER_BEFORE.search(sentence[max(0, other.start - 60): other.start]) or _compared(sentence, other)
                  or AFTER_CLAUSE_BEFORE.search(sentence[max(0, other.start - 40): other.start])):
            ends.add(m.end(1))  # (where the month word ends, before any year)
    for m in BRACKETED_BASE_MONTH.finditer(sentence):
        ends.add(m.end(1))  # "(September 2023: -6.3 per cent)": the bracket's figure's month only
    for m in RECORD_SINCE_MONTH.finditer(sentence):
        ends.add(m.end(1))  # "the first expansion since February 2023": a record's window opens there
    return frozenset(ends)


BRACKET_DATE_BEFORE = re.compile(rf"(?i)\(\s*(?:({MONTHS})\s*)?((?:19|20)\d{{2}})?\s*:\s*(?:(?:up|down)\s+)?$")
"""Right before a base figure, the date opening its bracket ("(2023: ", "(September 2023: ", "(August: ")."""
BRACKETED_BASE_MONTH = re.compile(rf"(?i)\(\s*({MONTHS})(?:\s+(?:19|20)\d{{2}})?\s*:")
"""A month opening a bracket of a base figure ("(September 2023: -6.3 per cent y-o-y)")."""
RECORD_SINCE_MONTH = re.compile(rf"(?i)\b(?:[a-z]+est|first|most|least)\b[^.;\d]{{0,30}}?\bsince\s+({MONTHS})\b"
                                r"(?!\s*,?\s*(?:(?:19|20)\d{2}\s*,?\s*)?when\b|(?:\s+(?:19|20)\d{2})?['’]s\b)")
"""A month opening a record's window ("The surge in October 2023 was the first expansion since February 2023", "the
highest since March"): no figure's period; unless the figure of that month follows ("the lowest surplus since
September 2024, when it stood at $81.69bn", "the widest since June 2025's $111.7bn")."""


AFTER_CLAUSE_SAME_PART = re.compile(r"(?i)\bafter\s+(?:[a-z]+\s+){1,3}?(?:by\s+)?(?:about\s+|nearly\s+)?[-+]?\d[\d.,]*\s*"
                                    r"(?:%|percent|per\s+cent)\s+(?:in\s+)?the\s+same\s+(?:period|quarter|month)\s+(?:of\s+)?$")
"""Before "last year", an after-clause of the same part of it ("fell 4.7 percent, after rising 8.4 percent in the same
period last year"): the base's year, not the sentence's."""


AFTER_CLAUSE_BEFORE = re.compile(r"(?i)\bafter\s+(?:(?:they|it|that|exports|imports|shipments|the\s+\w+)\s+)?"
                                 r"(?:had\s+|have\s+|has\s+)?[a-z]+(?:ed|ing)\s+(?:by\s+)?(?:about\s+|around\s+|nearly\s+)?$")
"""Before a figure, an "after" clause of what came before ("imports fell 0.6%, after they climbed 3% in October",
"after rising 7.6% in May"): the month right after that figure is its own, not the sentence's."""


AFTER_A_BASE = r"(?i)\s*(?:(?!(?:from|than|over|since|versus|against|compared)\b)[\w-]+\s+){0,2}?"
"""Right after a base figure, up to two words that start no other comparison ("from 1.3 percent [in] the previous
month")."""
THE = r"the\s+"
PREVIOUS_MONTH_AFTER = re.compile(AFTER_A_BASE + rf"(?:(?:in|during|for)\s+)?(?:{_before_words('month', THE)})\b")
"""After a base figure, the month before the sentence's own ("from 1.3 percent in the previous month", "slower than
the 14.5% last month", "from 5% a month earlier")."""
PREVIOUS_AFTER = re.compile(r"(?i)\s*(?:estimated\s+and\s+)?(?:(?:previously|previous|prior)\b(?!\s+(?:year|month|quarter|"
                            r"record|high|low|peak|level|figure|estimate|forecast)s?\b)|last(?=\s*(?:[.,;)]|$)))")
"""Right after a figure, "previously", "previous" or "last" alone: the figure of the release before ("$96.18 billion
previously", "(versus 0.8% estimated and 0.2% previous)", "-7.9% vs. 0% exp. and -1.4% last."): in a text on a
month, the month before."""


YEAR_WORDS = re.compile(r"(?i)\b(?:full[- ]year|annual|(?:whole|entire)\s+year|for\s+the\s+year)\b")
"""Words of a whole year in a sentence ("full-year growth of 5%"): "last" there is last year."""


def _said_previous(after: str, sentence: str) -> bool:
    """Right after a figure (`after`), "previous", "prior" or "last" alone (`PREVIOUS_AFTER`); not "last" in a sentence
    on a full year ("full-year growth of 5%, after -4.6% last": last year)."""
    m = PREVIOUS_AFTER.match(after)
    return bool(m) and not (m.group(0).strip().lower() == "last" and YEAR_WORDS.search(sentence))


PREVIOUS_QUARTER_AFTER = re.compile(AFTER_A_BASE + rf"(?:(?:in|during)\s+)?(?:{_before_words('quarter', THE)})\b")
"""After a base figure, the quarter before the sentence's own ("up from 6.3 percent in the previous quarter")."""
YEAR_EARLIER_AFTER = re.compile(AFTER_A_BASE + r"(?:(?:in|during|for)\s+)?"
                                r"(?:a\s+year\s+(?:earlier|before|ago)|the\s+year\s+before|the\s+(?:previous|prior)\s+year|"
                                r"the\s+(?:previous|prior)\s+(?:12|twelve)(?:-month\s+period|\s+months)|"
                                r"(?:in\s+)?the\s+same\s+(?:period|month|quarter|time)\s+(?:of\s+|in\s+)?last\s+year)\b")
"""After a base figure, the same part of the year before ("down from $78.65 billion a year earlier", "up from 9.3 GW
the previous year" after the 12 months to June 2025: the 12 months to June 2024)."""


SAME_PERIOD_BEFORE_AFTER = re.compile(AFTER_A_BASE + r"(?:in\s+)?the\s+same\s+(?:period|quarter|months?)\s+(?:of\s+|in\s+)?"
                                      r"(?:last\s+year|the\s+(?:previous|prior)\s+year|a\s+year\s+(?:earlier|before|ago))\b")
"""After a base figure, the same part of the year before as the figure it is compared with ("accumulating 67.6 GW
in the first quarter of 2024, a 33% increase from 50.9 GW in the same period last year")."""


def _same_period_a_year_before(frame: Frame, figure: Figure, sentence: str, reads: list[Read],
                               main_period: str | None) -> None:
    """A base "in the same period last year" after a figure dated by a part of a year other than the sentence's
    own (a text on March whose sentence goes on to the first quarter): the same part of the year before as that
    figure's, not as the sentence's month."""
    compared = reads[-1] if reads else None
    if frame.role != "earlier" or compared is None or compared.frame.role != "figure" \
            or not SAME_PERIOD_BEFORE_AFTER.match(sentence, figure.end):
        return
    own = compared.frame.period
    if not own or own == main_period or compared.frame.period_from != "stated" \
            or not re.fullmatch(r"\d{4}-\d{2}", main_period or "") \
            or not re.fullmatch(r"\d{4}-(?:Q[1-4]|H[12]|\d{2}/\d{4}-\d{2})", own):
        return  # (a month of its own may be misdated: only a quarter, a half or a run of months is another part)
    if (shifted := _shifted(own, 12)) is not None:
        frame.period, frame.period_from = shifted, "stated"


def _period_before_said(sentence: str, end: int) -> bool:
    """Right after a figure, the month or the same part of the year before ("in the previous month", "a month
    earlier", "a year earlier"; not "last month", which is as often the text's own month)."""
    said = PREVIOUS_MONTH_AFTER.match(sentence, end) or YEAR_EARLIER_AFTER.match(sentence, end)
    return bool(said) and not re.search(r"(?i)\blast\s+month\b", said.group(0))


PREVIOUS_OWNER_BEFORE = re.compile(rf"(?i)\b{PREVIOUS_PERIOD}['’]s\s+(?:[\w-]+\s+)?$")
"""Right before a base figure, the period before as its owner ("the previous month's 6.8% loss", "last year's 5.2%")."""
OWN_PART = re.compile(r"(?i)\s*(?:[\w-]+\s+){0,2}?(?:in|for|during)\s+(?:the\s+)?(?:(?:first|second|third|fourth|final|last)\s+"
                      r"(?:quarter|half)|first\s+half|second\s+half|(?:April|July|October)\s*(?:-|–|to|through)\s*"
                      r"(?:June|September|December))\b[^,;\d]{0,30}")
"""After a base figure, a part of a year of its own ("from 5.2 percent in the fourth quarter of last year", "down from
5.8 percent in April-June")."""


def _own_part(sentence: str, figure: Figure, years, main_period: str) -> str | None:
    """The quarter or half a base figure names after it, in the year said there, else the sentence's year (the year
    before when that part is not before the sentence's own); None when it names none."""
    m = OWN_PART.match(sentence, figure.end)
    if not m:
        return None
    code, _ = _subannual(m.group(0), "0000")
    if not code or not re.fullmatch(r"0000-(?:Q[1-4]|H[12])", code):
        return None
    stated = [y for off, y, _, _ in years if m.start() <= off < m.end() and y and y.isdigit()]
    if stated:
        return f"{stated[0]}{code[4:]}"
    year = int(main_period[:4]) if main_period[:4].isdigit() else None
    if year is None:
        return None
    own = f"{year}{code[4:]}"
    return own if _ends(own) < _ends(main_period) else f"{year - 1}{code[4:]}"


def _ends(period: str) -> str:
    """The month a period ends in, for ordering ("2024-Q1" -> "2024-03", "2024" -> "2024-12")."""
    last = period.split("/")[-1]
    if re.fullmatch(r"\d{4}", last):
        return f"{last}-12"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", last):
        return f"{m.group(1)}-{int(m.group(2)) * 3:02d}"
    if m := re.fullmatch(r"(\d{4})-H([12])", last):
        return f"{m.group(1)}-{int(m.group(2)) * 6:02d}"
    return last


def _compared(sentence: str, figure: Figure) -> bool:
    """A figure of another period the sentence compares with ("lower than the $80.6 billion in July", "slower than
    the 14.5% last month", "than the 8.8 percent fall seen in August"): "than the" before it and its own period
    after it. Its comparator is not a bound on the sentence's figure; not "more than the 5 million mark in 2023"."""
    if not COMPARED_BEFORE.search(sentence[max(0, figure.start - 100): figure.start]):
        return False
    if THRESHOLD_AFTER.match(sentence, figure.end):
        return False
    return bool(MONTH_AFTER.match(sentence, figure.end) or PREVIOUS_MONTH_AFTER.match(sentence, figure.end)
                or YEAR_EARLIER_AFTER.match(sentence, figure.end) or ATTACHED_YEAR.match(sentence, figure.end))


def months_back(month: str, n: int) -> str:
    """The month `n` months before `month` ("2024-07", 3 -> "2024-04")."""
    count = int(month[:4]) * 12 + int(month[5:7]) - 1 - n
    return f"{count // 12}-{count % 12 + 1:02d}"


def _shifted(period: str, months: int) -> str | None:
    """A period moved back by `months` ("2023-08", 1 -> "2023-07"; "2023-Q3", 12 -> "2022-Q3"; "2024", 12 -> "2023");
    a range's end moved and its start with it; None when it cannot be (a year moved by a month)."""
    if months % 12 == 0 and re.fullmatch(r"\d{4}", period):  # "in 2024 ..., compared with 31.6 percent a year earlier"
        return str(int(period) - months // 12)
    if re.fullmatch(r"\d{4}-\d{2}", period):
        return months_back(period, months)
    if months % 12 == 0 and re.fullmatch(r"\d{4}-(?:Q[1-4]|H[12])", period):
        return f"{int(period[:4]) - months // 12}{period[4:]}"
    if months % 3 == 0 and re.fullmatch(r"\d{4}-Q[1-4]", period):  # "2023-Q3", 3 -> "2023-Q2"
        n = int(period[:4]) * 4 + int(period[-1]) - 1 - months // 3
        return f"{n // 4}-Q{n % 4 + 1}"
    if months % 12 == 0 and (m := re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period)):
        return f"{int(m.group(1)) - months // 12}-{m.group(2)}/{int(m.group(3)) - months // 12}-{m.group(4)}"
    return None


YEAR_OF_A_LATER_FIGURE = re.compile(r"(?i)[^,;\d]{0,30}\b(?:earlier|previously|before)\s+(?:in\s+)?")
"""Between a figure and a year after it that dates it as an earlier figure ("8.4% contraction seen earlier this
year"); not a year the sentence's figures share ("grown 70 percent a year since 2020, reaching 4.91 million in 2023")."""
PARTICIPLE_CLAUSE = re.compile(r"(?:,|\band)\s+[a-z]+ing\b")
"""A clause of its own opening with a participle (", exceeding forecasts ... and adding to ..."), not a list's next item
("154 GW of modules, 24 GW of cells, and 41 GW of wafers in 2022": the year dates them all)."""


def _year_owners(figures: list[Figure], years) -> dict[int, Figure]:
    """For each year of a sentence, the figure ending last before it (the one a year right after may date); once per
    sentence."""
    ends = sorted(figures, key=lambda g: g.end)
    at = [g.end for g in ends]
    owners = {}
    for off, _, _, _ in years:
        if i := bisect.bisect_right(at, off):
            owners[off] = ends[i - 1]
    return owners


def _later_clauses_years(sentence: str, figure: Figure, owners: dict[int, Figure]) -> frozenset[int]:
    """The offsets of years that date another figure in a later clause ("imports dropped by 4.3%, exceeding forecasts
    of a 2.0% decline and adding to the sharper-than-expected 8.4% contraction seen earlier this year": "this year" is
    the 8.4%'s, past a participle's clause, not the 4.3%'s); a year after a list's figures dates them all ("exports
    $3.38 trillion and imports $2.56 trillion in 2023"). `owners`: `_year_owners` of the sentence."""
    later = set()
    for off, owner in owners.items():
        if figure.end <= owner.start and YEAR_OF_A_LATER_FIGURE.fullmatch(sentence, owner.end, off) \
                and PARTICIPLE_CLAUSE.search(sentence, figure.end, owner.start):
            later.add(off)
    return frozenset(later)


ROLLING_WINDOW = re.compile(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})")
SAME_WINDOW_AFTER = re.compile(r"(?i)^[^\d.;]{0,40}?\b(?:in|during|over)\s+(?:(?:the\s+same|that)\s+period|the\s+past\s+"
                               r"year|the\s+(?:past|last)\s+(?:12|twelve)[\s-]+months?)\b")
PREVIOUS_WINDOW_AFTER = re.compile(r"(?i)^[^\d.;]{0,40}?\b(?:in|during|over|for)\s+the\s+(?:previous|preceding|prior)\s+"
                                   r"(?:(?:12|twelve)[\s-]+months?(?:\s+period)?|year|12-month\s+period)\b"
                                   r"|^[^\d.;]{0,40}?\ba\s+year\s+(?:earlier|before)\b")


LAST_TWELVE_MONTHS = re.compile(r"(?i)(?:\b(?:in|over|during|for|across|within)\s+|^\s*)the\s+(?:last|past)\s+"
                                r"(?:12|twelve)(?:\s+months|-month\s+period)\b")
"""A window ending now ("in the last 12 months", "over the past twelve months"; opening the sentence: "The last 12
months saw a 60% spike in imports"), with no month of its own."""


RECORD_WINDOW_BEFORE = re.compile(rf"(?i)\b(?:{RECORD_WORDS}|most|least)\b(?:\s+[\w-]+){{0,3}}?\s+$")
"""Before "in the last 12 months", a record it is the window of ("the steepest drop in the last 12 months", "the most
in the past 12 months"): the figure is not of that window."""


def _rolling_window(period: str | None) -> bool:
    """A twelve-month window that is not a calendar year ("2024-07/2025-06")."""
    m = ROLLING_WINDOW.fullmatch(period or "")
    return m is not None and m.group(2) != "01" \
        and (int(m.group(3)) * 12 + int(m.group(4))) - (int(m.group(1)) * 12 + int(m.group(2))) == 11


MONTHS_SPAN = re.compile(rf"(?i)\b(?:between|from)\s+({MONTHS})\s+((?:19|20)\d{{2}})\s+(?:and|to|through|until|till|-|–)\s+"
                         rf"({MONTHS})\s+((?:19|20)\d{{2}})\b")
"""Months from one year to another ("between July 2024 and June 2025", "from October 2023 to September 2024"): the
period of the sentence's figures."""
WINDOW_END_MONTH = re.compile(rf"(?i)\b(?:the\s+)?(?:year|(?:12|twelve)[\s-]+months?)\s+(?:to|through|ending|ended|"
                              rf"until|up\s+to)\s+(?:the\s+end\s+of\s+)?({MONTHS})\b(?!\s*,?\s*(?:19|20)\d{{2}})")
"""A twelve-month window named by its last month alone ("in the year to June"): in a text on the window ending then,
that window."""


@cache.memo("spot: spans of months", 64)  # once per sentence, not per figure (a sentence may hold 200)
def _months_span(sentence: str) -> str | None:
    """The period "between July 2024 and June 2025" names ("2024-07/2025-06"); a calendar year or half as such."""
    spans = MONTHS_SPAN.findall(sentence)
    if len(spans) != 1:
        return None
    m1, y1, m2, y2 = spans[0]
    first, last = MONTH_NUMBERS[m1.lower()], MONTH_NUMBERS[m2.lower()]
    if (int(y2) * 12 + last) <= (int(y1) * 12 + first):
        return None
    if y1 == y2 and (first, last) == (1, 12):
        return y1
    if y1 == y2 and first == 1:
        return _from_january(y1, last)
    return f"{y1}-{first:02d}/{y2}-{last:02d}"


def _window_said_after(after: str, period: str | None) -> str | None:
    """In a text on a twelve-month window ("in the 12 months to June 2025"), the window a figure's own words name:
    "in the same period", "in the past year" the same window, "in the preceding 12 months", "the previous year" the
    one before it
    (not the calendar year: "15 GW - a 60% increase on the 9.4 GW imported in the preceding 12 months"); None
    otherwise (a calendar year or quarter is dated as before)."""
    if not _rolling_window(period):
        return None
    if SAME_WINDOW_AFTER.match(after):
        return period
    if PREVIOUS_WINDOW_AFTER.match(after):
        return _shifted(period, 12)
    return None


ECONOMY_RIGHT_AFTER = re.compile(r"\s*(?:in|for|by)\s+(?:the\s+)?")
"""Between a comparison's base and the economy it is of ("compared with 3.46% in the United States")."""
OWN_TIME_AFTER = re.compile(r"(?i)\s*,?\s*(?:(?:in|during|for|as\s+of)\s+)?(?:(?:19|20)\d{2}\b|(?:" + MONTHS + r")\b|"
                            r"(?:a|one)\s+year\s+(?:earlier|before|ago)|the\s+(?:previous|prior|preceding)\b|"
                            r"the\s+year\s+before|last\s+(?:year|month|quarter)|(?:the\s+)?(?:first|second|third|"
                            r"fourth)\s+(?:quarter|half))")
"""After the economy of a comparison's base, a time of its own ("compared with 3.46% in the United States in 2021",
"... a year earlier"): the base is dated by it, not by the sentence's period."""
TIME_OF_ITS_OWN = re.compile(r"(?i)\b(?:(?:19|20)\d{2}s?|ago|earlier|decades?|previous|prior|back\s+in|when|then|"
                             r"last\s+year)\b")
"""Further on in a base's words, a time of its own ("compared with 4.9 percent in South Korea, the world's highest in
2013", "its level a decade ago"): the base is not of the sentence's period."""


def _across_economies(places: list[Mention], figure: Figure, frame: Frame, sentence: str, reads: list[Read],
                      figures: list[Figure], owner: Mention | None = None) -> bool:
    """A comparison's base that is another economy's figure ("China spent 2.56% of GDP on R&D in 2022, compared with
    3.46% in the United States", "compared to China's $6.03 trillion"): the economy right after it (or owning it right
    before it), and the sentence's figure before it of another one; no time of its own after the economy (after the
    figure, for an owner: `owner`, `_economy_owned_base`'s), up to the sentence's next figure (`figures`, as read)."""
    if frame.role != "earlier" or frame.entity_from != "stated" \
            or not any(r.frame.role == "figure" and r.frame.entity not in (None, frame.entity) for r in reads):
        return False
    if owner is not None:  # (a time later in the sentence is the sentence's: "compared with China's 5.2 percent,
        # among the slowest in decades"; only one right after the figure is its own)
        return owner.value == frame.entity and not OWN_TIME_AFTER.match(sentence, figure.end)
    return any(p.value == frame.entity and p.start > figure.end
               and ECONOMY_RIGHT_AFTER.fullmatch(sentence, figure.end, p.start)
               and not OWN_TIME_AFTER.match(sentence, p.end)
               and not TIME_OF_ITS_OWN.search(sentence, p.end, next((f.start for f in figures if f.start >= p.end),
                                                                     len(sentence)))
               for p in places)


ECONOMY_OWNED_BEFORE = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|versus|vs\.?|against|than)\s+$")
"""Before an economy whose figure follows as a comparison's base ("compared to China's $6.03 trillion")."""


def _economy_owned_base(sentence: str, figure: Figure, places: list[Mention]) -> Mention | None:
    """The economy owning a comparison's base right before it ("compared to China's $6.03 trillion"), None if none."""
    start = figure.said_from
    return next((p for p in places if re.fullmatch(r"['’]s\s+" if p.words[-2:] not in ("'s", "’s") else r"\s+",
                                                    sentence[p.end: start])
                 and ECONOMY_OWNED_BEFORE.search(sentence, max(0, p.start - 30), p.start)), None)


def _period(sentence: str, figure: Figure, frame: Frame, years, context: Context, main_period: str | None,
            earlier_years: set, base_months: frozenset = frozenset(), attached_years: dict | None = None,
            later_clauses_years: frozenset = frozenset(), level: Figure | None = None,
            next_figure: int | None = None) -> None:
    """The figure's period: a year attached to it ("in 2022", "last year"), else the nearest year of the
    sentence that is not a comparison base (nor attached to another figure of it, `attached_years`: offset of
    the year -> start of its figure; nor dating a figure of a later clause, `later_clauses_years`), else the
    earlier sentences' period (context). A rate with its `level` right after its "to" ("grew 1.5 percent to USD
    292.5 billion last month") is dated by what follows the level; a comparison's base before `next_figure` (where
    the sentence's next figure starts) is this figure's own; a base of another economy is of the sentence's period."""
    attached_years = attached_years or {}
    next_figure = len(sentence) if next_figure is None else next_figure
    if frame.role == "earlier" and PREVIOUS_RECORD_BEFORE.search(
            sentence, max(0, figure.start - 60), figure.said_from):
        # "beat the previous record of $877.6 billion": a record's date is its own, not the year before's; said after
        # it ("the previous record of 59,570 set by the United States in 2021": assumed, as "in 2024" after it may be
        # the year it was beaten in) or left open
        if (set_in := RECORD_SET_IN.match(sentence, figure.end)) is not None:
            frame.period, frame.period_from = set_in.group(1), "assumed"
            return
        after = sentence[figure.end: figure.end + 60]
        if not (YEARS_BACK_AFTER.match(after) or MONTH_AFTER.match(after) or MONTH_YEAR_AFTER.match(after)
                or RECORD_SET_RELATIVE.match(after)):  # ("set two years prior", "in September", "set last year": below)
            frame.notes.append("a previous record: its date is not said")
            return
    if frame.role == "earlier" and (bracket := BRACKET_DATE_BEFORE.search(
            sentence, max(0, figure.start - 25), figure.said_from)):
        # "(2023: 4.91 million)", "(September 2023: -6.3 per cent)": the bracket's own date, wherever it stands
        month = bracket.group(1)
        year = bracket.group(2) or (main_period or context.period or "")[:4]
        if year.isdigit():
            frame.period = f"{year}-{MONTH_NUMBERS[month.lower()]:02d}" if month else year
            frame.period_from = "stated" if bracket.group(2) else "assumed"
            return
    tail = level.end if level is not None and not LEVEL_AFTER_RATE_DATED.match(sentence, figure.end) else figure.end
    after = sentence[tail: tail + 60]
    if (window := _window_said_after(after, context.period)) is not None:
        frame.period, frame.period_from = window, "stated"
        return
    if frame.role == "figure" and (span := _months_span(sentence)):
        frame.period, frame.period_from = span, "stated"
        return
    if _rolling_window(context.period) and frame.role == "figure" and (end := WINDOW_END_MONTH.search(sentence)) \
            and MONTH_NUMBERS[end.group(1).lower()] == int(context.period[-2:]):
        # "Nigeria imported 1.7 GW ... in the year to June" after "in the 12 months to June 2025": the same window
        frame.period, frame.period_from = context.period, "context"
        return
    if _rolling_window(context.period) and frame.role == "figure" and not YEAR.search(sentence) \
            and not _subannual_words(sentence, "0000")[0]:
        # "Africa as a whole imported 15,032 MW ..., 60 per cent higher than the 9,379 MW recorded in the previous
        # year": with no year or month of its own, a figure is of the window the text speaks of (its "previous year"
        # is the window before, the base's)
        frame.period, frame.period_from = context.period, "context"
        return
    if frame.role == "figure" and context.published and not _rolling_window(context.period) \
            and (last := LAST_TWELVE_MONTHS.search(sentence)) \
            and not RECORD_WINDOW_BEFORE.search(sentence, 0, last.start()) \
            and not YEAR.search(sentence) and not _subannual_words(sentence, "0000")[0]:
        # "Pakistan imported 17 GW of panels in the last 12 months": the twelve months to the last month completed
        # before the text (the release's last month may be earlier: assumed, never an accusation)
        end = month_before(context.published)
        # (a window ending in December is that calendar year: "The last 12 months saw ..." in January)
        window = end[:4] if end.endswith("-12") else f"{months_back(end, 11)}/{end}"
        frame.period, frame.period_from = window, "assumed"
        frame.notes.append(f"“{last.group(0).strip()}”: the twelve months to {end}, the last "
                           "month before the text's date (assumed)")
        return
    if frame.role == "earlier" and (dated := MONTH_YEAR_OWNER_BEFORE.search(sentence, max(0, figure.start - 40),
                                                                             figure.said_from)):
        # "up on July 2024's $84.65bn": the base's own month (not the year its possessive names alone)
        frame.period, frame.period_from = f"{dated.group(2)}-{MONTH_NUMBERS[dated.group(1).lower()]:02d}", "stated"
        return
    if (main_period is None or main_period.isdigit()) and (owner := _owning_year(sentence, figure, years)) is not None \
            and owner != main_period:  # (not "grew 5.9 percent in 2024, reversing last year's 4.6 percent decline" of
        # a text of 2025: the year before the sentence's)
        # (not "rose 20 percent in January-February, faster than last year's 17 percent pace": the same months of it)
        frame.period, frame.period_from = owner, "stated"
        return
    if frame.role == "figure" and (months := _months_ending_at(sentence, context.period)):
        frame.period, frame.period_from = months, "context"
        return
    if (since := _since_year_of_a_start(sentence, figure, after)) is not None:
        frame.period, frame.period_from = since, "assumed"
        frame.notes.append(f"the level moved from: {since}, the year the sentence counts since (assumed)")
        return
    bases = [y for _, y, base, _ in years if base and y]
    if bases:
        frame.base_period = bases[0]
    attached = YEAR_RIGHT_AFTER.match(after)
    relative = re.match(r"\s*(?:(?!(?:from|than|over|since|versus|against)\b)\w+\s+)?(?:in\s+)?("
                        + "|".join(RELATIVE) + r")\b", after, re.I)  # "0.1 percent from a year earlier": a base
    if attached and frame.role != "earlier" and any(base and off == tail + attached.start(1)
                                                    for off, _, base, _ in years):
        attached = None  # "four times that of 2022": the year is the comparison's base, not the figure's (but
        # "down from 8.4 per cent in 2023": the base figure's own year)
    year, how, clause = None, "", (0, len(sentence))
    whole_year = False  # "full-year" in the figure's own words: the year, whatever part another clause names
    back = YEARS_BACK_AFTER.match(after) if not attached and not relative else None
    if back:
        count = int(back.group(1)) if back.group(1).isdigit() else YEAR_COUNTS[back.group(1).lower()]
        anchor = (context.published.year if context.published else None) if back.group(2).lower() == "ago" \
            else (int(main_period[:4]) if main_period and main_period[:4].isdigit() else None)
        if anchor is not None:
            # counted back from a year the text or its date gives: assumed (never an accusation), since "two
            # years prior" may count from the record's year or the release's
            frame.period, frame.period_from = str(anchor - count), "assumed"
            frame.notes.append(f"“{back.group(0).strip()}”: counted back from {anchor}")
            return
    if frame.role == "earlier" and not main_period and (_said_previous(after, sentence) or PREVIOUS_MONTH_AFTER.match(after)) \
            and context.period and re.fullmatch(r"\d{4}-\d{2}", context.period):
        # "Imports fall 3.4% (versus 0.8% estimated and 0.2% previous)" after "in May"; "That compares with the 8.6
        # percent increase recorded the month before" after a sentence on July
        main_period = context.period
    if frame.role == "earlier" and main_period and not attached:
        # "from 1.3 percent in the previous month", "down from $78.65 billion a year earlier": the month before the
        # sentence's own month, the same part of the year before (not the year before as a whole)
        # "down 12% MoM from 17.34 GW" (not "from $96.18bn in April", whose month is its own)
        said = None if MONTH_AFTER.match(after) or MONTH_YEAR_AFTER.match(after) or OWN_PART.match(sentence, figure.end) \
            else _base_of_a_change(sentence, figure, frame)
        owner = PREVIOUS_OWNER_BEFORE.search(sentence, max(0, figure.start - 40), figure.start)
        back = 1 if PREVIOUS_MONTH_AFTER.match(after) or _said_previous(after, sentence) and re.fullmatch(
            r"\d{4}-\d{2}", main_period) else (12 if YEAR_EARLIER_AFTER.match(after) else
                                                             (3 if PREVIOUS_QUARTER_AFTER.match(after) else 0))
        if not back and owner:  # "from the previous month's 6.8% loss", "from last year's 5.2%"
            back = {"month": 1, "quarter": 3, "year": 12}[owner.group(1).lower()]
        back = back or ((_sequential_months(said.group(1)) or 12) if said else 0)  # 12: year-on-year words
        if not back and frame.kind == "percent" and frame.transformation == "growth_rate" \
                and re.fullmatch(r"\d{4}-\d{2}", main_period) and not OWN_PART.match(sentence, figure.end):
            back = 1  # "export growth picked up to 8.3% from 4.4%" in a text on September: August's rate
        shifted = _shifted(main_period, back) if back else _own_part(sentence, figure, years, main_period)
        if shifted:
            frame.period, frame.period_from = shifted, "stated"
            return
    if not attached and not relative and frame.role != "earlier" and LAST_MONTH_AFTER.match(after):
        published = context.published
        if published is None:
            frame.notes.append("“last month” is not resolved: no published date (give --published)")
            frame.period_from = "unresolved"
            return
        frame.period, frame.period_from = month_before(published), "stated"
        return
    if frame.role == "figure" and not attached and not relative and context.published \
            and (flow := _flow_last_month(sentence, figure)):
        # "exports last month jumped 10.7 percent", "the trade surplus last month rose to $77.7 billion": the month
        # before the text's date, most likely (a cumulative figure may be meant: assumed, never an accusation)
        frame.period, frame.period_from = month_before(context.published), "assumed"
        frame.notes.append(f"“{flow.group(0)}”: {frame.period}, the month before the text's date (assumed)")
        return
    if frame.role != "earlier" and not attached and context.published and _year_to_date(sentence) \
            and not _subannual(sentence, "0000")[0]:
        # "So far this year, imports have dropped 7.6 percent" in a text of 2023-09-07: January to the last month
        # completed before the text (the release it reports, most likely; assumed: never an accusation)
        last = month_before(context.published)
        frame.period, frame.period_from = _from_january(last[:4], int(last[5:])), "assumed"
        frame.notes.append(f"“{_year_to_date(sentence)}”: January to {last}, the last month before the text's date")
        return
    when = None if attached or relative or frame.role == "earlier" else _when_year(sentence, figure.start, years)
    if when:
        # "a strong recovery from 2023, when total trade, exports, and imports contracted by 5.0%, 4.6%, and 5.5%":
        # the year before "when" dates its clause's figures (for the figures before it, it may be a base); where the
        # clause ends is a guess (assumed: never an accusation)
        year, how = when, "assumed"
    elif attached:
        # ("11th place (2024)": a year in brackets dates the figure, assumed: a text may bracket an edition's data year)
        year, how = attached.group(1), "assumed" if "(" in attached.group(0) else "stated"
    elif relative:
        shift = RELATIVE[relative.group(1).lower()]
        # as `_years` resolved it ("up from 4.91 million a year earlier" after 2024: 2023), else from the date
        resolved = next((y for off, y, _, _ in years if off == tail + relative.start(1) and y), None)
        if resolved or context.published:
            year, how = resolved or str(context.published.year + shift), "stated"
        else:
            frame.notes.append(f"“{relative.group(1)}” is not resolved: no published date (give --published)")
            frame.period_from = "unresolved"
            return
    elif (month := _attached_month(after, main_period, context, frame.role, sentence[max(0, figure.start - 20): figure.start])):
        frame.period, frame.period_from = month, "stated"
        return
    elif frame.role == "earlier" and main_period and frame.compared_across:
        # "2.56% of GDP in 2022, compared with 3.46% in the United States": another economy's figure of the same
        # period, most likely (it may be an older one: assumed, never an accusation)
        frame.period, frame.period_from = main_period, "assumed"
        frame.notes.append(f"compared across economies: {main_period}, the period of the figure it is compared with")
        return
    elif frame.role == "earlier" and main_period and main_period[:4].isdigit():
        # "up from 24 last year" most often; a guess all the same ("surged from about 100 to nearly 70,000 by
        # 2023" is 1994's 100): assumed, so never an accusation
        year, how = str(int(main_period[:4]) - 1), "assumed"
    else:
        # the nearest year in the figure's clause first ("In 2019, the country exported 0.7 million cars, but by
        # 2024, that number had risen to 5.5 million": 2019 and 2024), then the nearest in the sentence
        a, b = _clause_of(_clauses(sentence), figure.start)
        whole_year, clause = _full_year_of(sentence, a, figure.start, frame.measure), (a, b)
        candidates = [(off, y, label) for off, y, base, label in years if not base and not (y in earlier_years)
                      and off not in later_clauses_years]
        items = [start for start, _ in numbered_items(sentence)]
        if items and _bracket_of(sentence, figure.start) is None:
            # "top five were 1. Switzerland (1st in 2022) 2. Sweden (3rd)": 2022 is the first item's 1st's, not the
            # next item's number's (the asides "(3rd)" go on with it, below)
            mine = bisect.bisect_right(items, figure.start)
            candidates = [c for c in candidates if c[0] not in attached_years
                          or bisect.bisect_right(items, attached_years[c[0]]) == mine]
        # "12th this year (11th in 2022), ... in the top 30": 2022 is the 11th's, not the top 30's
        every = candidates
        free = [c for c in candidates if attached_years.get(c[0], figure.start) == figure.start]
        borrowed = not free  # only years attached to other figures: one dates this figure too ("$3.38 trillion and
        # imports $2.56 trillion in 2023"), unless a comparison starts between them ("12th ..., up from rank 14 in 2020
        # and rank 17 in 2018": the other figures are the base's; the year a guess for this one)
        borrowed = borrowed and all(COMPARISON_START.search(sentence[figure.end: attached_years.get(off, off)])
                                    for off, _, _ in candidates)
        if borrowed and candidates and frame.role != "earlier" and context.period and context.period[:4].isdigit() \
                and all(attached_years.get(off, off) > figure.end for off, _, _ in candidates):
            # "9.4 patents per 10,000 people, up from 1.9 per 10,000 in 2021" after a paragraph on 2022: the years
            # are the figure's own bases'; it is of the period the text speaks of, not of its base
            frame.period, frame.period_from = context.period, "context"
            frame.notes.append(f"{context.period}: the period of the text so far (the sentence's years are its bases')")
            return
        if borrowed and NOW_BEFORE.search(sentence[a: figure.start]):
            # "China is now the world's 12th most innovative nation, up from rank 14 in 2020": now, not a base's year:
            # left open here, the mapping takes the latest period completed before the text (assumed)
            frame.notes.append("“now”: the latest period before the text, not the year of another figure")
            return
        candidates = free or candidates
        # "economies in 2023 are: 1. Switzerland (1st in 2022); 2. Sweden": a year in an aside's brackets dates
        # only what is in them; a figure in an aside of its own without a year takes the year of the asides before
        # it ("(1st in 2022); 2. Sweden (3rd)": 2022, parallel asides; assumed, never an accusation)
        own = _bracket_of(sentence, figure.start)
        asides = [c for c in every if _bracket_of(sentence, c[0]) not in (None, own) and c[0] < figure.start]
        parallel = bool(own and asides)
        candidates = (asides[-1:] if parallel else
                      [c for c in candidates if _bracket_of(sentence, c[0]) in (None, own)] or candidates)
        usable = [(not (a <= off < b), abs(off - figure.start), y, label) for off, y, label in candidates]
        appositive = APPOSITIVE_GROWTH_BEFORE.search(sentence, 0, figure.start) \
            if frame.transformation == "growth_rate" and frame.role == "figure" else None  # (a growth's only)
        dated = sorted({y for off, y, _ in every if y and y.isdigit() and off < appositive.start()}) if appositive else []
        if len(dated) >= 2 and not [off for off, _, _ in every if off > figure.start
                                    and not COMPARISON_AFTER_GROWTH.search(sentence, figure.end, off)]:
            # "750 GWh in 2022 and 940 GWh in 2023, a 25% jump": the growth from the first level to the last, of the
            # last year said (assumed), not of the year said first (a true figure had been called false on it)
            frame.period, frame.period_from = dated[-1], "assumed"
            frame.notes.append(f"a growth after levels of {dated[0]} to {dated[-1]}: of {dated[-1]} (assumed)")
            return
        own_bases = [y for off, y, base, how in years if base and y and how == "year" and figure.end < off < next_figure]
        if own_bases and all(off > next_figure for off, _, _ in candidates) \
                and _year_after_base(sentence, own_bases, context):
            # "a roughly 7% drop in invention patent grants from 2024 – a reversal from the 13.5% increase in 2024":
            # the figure's own base dates it (the year after), not the year of the figure that follows
            usable, bases = [], own_bases
        if usable:
            _, _, year, label = min(usable, key=lambda t: t[:2])
            if year is None:
                frame.notes.append(f"“{label}” is not resolved: no published date (give --published)")
                frame.period_from = "unresolved"
                return
            how = "assumed" if frame.role == "earlier" or parallel or borrowed else "stated"
            if whole_year and min(usable, key=lambda t: t[:2])[0] and not year.isdigit() and year[:4].isdigit() \
                    and (context.published is None or int(year[:4]) < context.published.year):
                # "the full-year trade surplus reached $1.189 trillion, after ... in November 2025": the whole year
                # of the month another clause names (assumed)
                frame.period, frame.period_from = year[:4], "assumed"
                frame.notes.append(f"the whole year {year[:4]}, not {label} (said in another clause)")
                return
            if borrowed and frame.role != "earlier":
                frame.notes.append(f"{year}: the year of another figure of the sentence (a guess)")
        elif (after_base := _year_after_base(sentence, [y for _, y, base, how in years if base and y and how == "year"],
                                             context)):
            year, how = after_base, "stated"
            frame.notes.append(f"the year after the comparison's base ({bases[0]}): an annual comparison")
        elif _subannual_near(sentence, "0000", figure.start, base_months)[0] and (context.period or context.published):
            # "in the first quarter" with no year: the year of the text so far, else the published year
            year = context.period[:4] if context.period else str(context.published.year)
            how = "context"
        elif context.period and not context.period.isdigit() and context.period[:4].isdigit() \
                and (whole := _full_year(sentence, context.period)):
            # "the annual electro-mechanical product shipments" after a paragraph on December: the year's total
            year, how = context.period[:4], "context"
            frame.notes.append(f"“{whole}”: the whole year, not {context.period}")
        elif context.edition and frame.kind == "rank":
            # "according to the 2025 Global Innovation Index ... With a score of 66.0 in 2024 ... Korea (4th)":
            # a rank is of the index's edition the text named, not of a year carried from a sentence on its data
            frame.period, frame.period_from = context.edition, "context"
            return
        elif frame.kind == "rank" and context.rank_period and context.period and context.period != context.rank_period \
                and frame.subject in (None, context.rank_period_of):
            # "China was in 10th place in the GII ... patent applications in 2024 ... Germany ... its fall to 11th
            # place": a rank without a year is in the edition of the ranking's last rank (or, when that rank had no
            # year either, "-", left open as it was: the edition out by the published date), not of a data year
            # carried from a sentence about another measure
            if context.rank_period != "-":
                frame.period, frame.period_from = context.rank_period, "context"
            return
        elif context.period:
            frame.period, frame.period_from = context.period, "context"
            return
        elif frame.role == "earlier" and bases and bases[0].isdigit():
            # "Compared to last year, Austria slipped two spots: from 17th to 19th place" with no year of the text's
            # yet: the base figure is of the comparison's year (assumed)
            frame.period, frame.period_from = bases[0], "assumed"
            return
    if year is None:
        return
    sub, words, at = _subannual_near(sentence, year, figure.start, base_months)
    month = main_period or context.period or ""
    if not sub and when and year == when and re.fullmatch(r"\d{4}-\d{2}", month) \
            and (same := SAME_MONTH_OF_YEAR.search(sentence, 0, figure.start)) and same.group(1) == year:
        # "a high base for the same month in 2024, when export growth soared more than 12.6%" in a text on October
        # 2025: October 2024 (for the figures of the ", when" clause only, assumed as that clause's year is)
        sub = f"{year}-{month[5:]}"
    published = context.published
    if sub and how == "context" and published and (end := _last_month(sub)) is not None \
            and end >= (published.year, published.month) and not FORWARD.search(sentence):
        # "in December" read in January, "in the first 11 months" read in January 2025, "in the first quarter" read
        # in March: the part of the year completed before the text, not one not yet over
        sub = "/".join(f"{int(p[:4]) - 1}{p[4:]}" for p in sub.split("/"))
    if sub and whole_year and (not clause[0] <= at < clause[1] or SUBORDINATE_BETWEEN.search(sentence, figure.end, at)) \
            and (published is None or int(sub[:4]) < published.year):
        # "China's full-year trade surplus reached $1.189 trillion, after surpassing $1 trillion in November":
        # November is another clause's, or one that "after" opens; this figure's own words say its whole year (assumed;
        # not "Full-year exports rose 10.7% and imports 1% in December": the month both figures share)
        frame.notes.append(f"full-year words of its own measure: the whole year {sub[:4]}, not “{words}”, said of "
                           "another figure")
        year, how, sub = sub[:4], "assumed", None
    # a period below the year applies to the figures near its words, not to one with its own "in 2023"
    if sub and (attached or relative) and not re.search(r"(?i)\bof\s+$", sentence[tail: tail + 30][: (attached or relative).start(1)]):
        sub = None
    if sub and any(m.start() <= at + len(words) and at <= m.end() for m in YEAR_TO_MONTH.finditer(sentence)):
        if re.fullmatch(r"\d{4}-\d{2}", sub) and frame.kind not in ("percent", "percentage_points"):
            sub = _from_january(sub[:4], int(sub[5:]))  # "$11.5 billion in the year to June 2025": not June's alone
        if how in DETERMINED:
            how = "assumed"  # "in the year to June": January to June, the twelve months to June, or June on a year
            # before (a rate: "exports rose 5.8% in the year to June 2025")
        frame.notes.append("“the year to” a month: January to it, the twelve months to it, or its change on a year "
                           "before (assumed)")
    frame.period, frame.period_from = (sub or year), how


APPOSITIVE_GROWTH_BEFORE = re.compile(r"(?i),\s*(?:an?|up|down|rising|growing|increasing|an?\s+(?:increase|rise|"
                                      r"growth|jump|gain)\s+of)\s+(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+)?$")
"""A growth rate opening an appositive after the sentence's levels ("940 GWh in 2023, a 25% jump", ", up 25%")."""
COMPARISON_AFTER_GROWTH = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|versus|vs\.?|against|than|while|whereas)\b")
"""After a growth rate, words comparing it with another's ("a 130% jump, compared with 25% in 2023"): that year is the
other figure's."""


FORWARD = re.compile(r"(?i)\b(?:is|are)\s+(?:expected|projected|forecast|predicted|likely|set|poised|estimated)\s+to\b|"
                     r"\bon\s+track\s+(?:to|for)\b|\bwill\s+(?:rise|grow|fall|reach|exceed|hit|slow|increase|decline)\b")
"""A forecast's words ("are expected to rise", "on track for", "will reach"; not "beating forecasts", a fact): a part
of the year not yet over is then the one to come, not the year before's (`_period`)."""


def _last_month(code: str) -> tuple[int, int] | None:
    """(year, month) of the last month of a period below a year ("2025-03", "2025-Q1", "2025-H2", "2025-01/2025-11"),
    else None."""
    m = re.fullmatch(r"(?:\d{4}-\S+/)?(\d{4})-(?:(\d{2})|Q([1-4])|H([12]))", code)
    if m is None:
        return None
    month = int(m.group(2)) if m.group(2) else 3 * int(m.group(3)) if m.group(3) else 6 * int(m.group(4))
    return int(m.group(1)), month


def _flow_last_month(sentence: str, figure: Figure) -> re.Match | None:
    """"<flow> last month <verb>" right before the figure (FLOW_LAST_MONTH), in a sentence that names no other time (a
    year, a month, a part of a year, the full year, the year so far) and no base after the figure."""
    if YEAR.search(sentence) or _subannual_words(sentence, "0000")[0] or MONTH_NAMED.search(sentence) \
            or _full_year(sentence) or _year_to_date(sentence) \
            or re.search(r"(?i)\bfull[- ]year\b|\b(?:whole|entire)\s+year\b|\bfor\s+the\s+year\b", sentence) \
            or re.search(r"(?i)\b(?:from|than|versus|since)\b", sentence[figure.end:]):
        return None
    flow = FLOW_LAST_MONTH.search(sentence, max(0, figure.start - 60), figure.start)
    if flow is None or re.search(rf"\d|[;:]|\b(?:{COMPARISON_WORDS}|since|through|by|as\s+of)\b",
                                 sentence[flow.end(): figure.said_from], re.I):
        return None
    return flow


PREVIOUS_RECORD_BEFORE = re.compile(rf"(?i){PREVIOUS_RECORD_OF}$")
"""Before a record a figure beat ("the previous record of $877.6 billion")."""
RECORD_SET_IN = re.compile(r"(?:\s*,)?[^,;.()]{0,40}?\b(?:in|of)\s+((?:19|20)\d{2})\b")
"""After a previous record, the year it was set in ("set by the United States in 2021")."""
RECORD_SET_RELATIVE = re.compile(r"(?i)\s*,?\s*(?:[\w-]+\s+){0,3}?(?:last\s+year|a\s+year\s+(?:earlier|before|ago)|"
                                 r"the\s+(?:previous|prior)\s+year)\b")
"""After a previous record, a year it was set in counted back ("set a year earlier", "set last year")."""
SINCE_BEFORE = re.compile(rf"(?i)\bsince\s+(?:(?:{MONTHS})\s*,?\s*|(?:[\w'-]+\s+){{0,6}}?(?:joined|entered|began|started|"
                          rf"launched|opened|took\s+office)\s+[^,;.()]{{0,40}}?\b(?:in|of)\s+)?$")
"""Before a year a run started in ("since 2018", "since September, 2022", "since China joined the WTO in 2001", "since
records began in 1950"); not a "since" of cause ("Since the surplus in 2022 hit a record, ...")."""
SINCE_YEAR = re.compile(r"(?i)\bsince\s+((?:19|20)\d{2})\b")
FROM_RIGHT_BEFORE = re.compile(r"(?i)\bfrom\s+(?:about\s+|around\s+|nearly\s+|almost\s+|under\s+|over\s+|"
                               r"less\s+than\s+|more\s+than\s+|just\s+)?$")
OWNED_FIGURE = re.compile(r"['’]s\s+(?:(?:record|total|tally|level|figure|high|low|peak)\s+(?:of\s+)?)?$")
"""Between a year and the figure it owns: "last year's nearly $1 trillion", "2023's 1.2 million", "the previous year's
record 6.8%"."""


N_MONTH_PERIOD = re.compile(r"(?i)\bthe\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})-month\s+"
                            r"period\b(?!\s+(?:to|through|ending|ended|from|between|since|of|before|after)\b)")
"""A span of months the text has spoken of ("the seven-month period" after July's figures, "the two-month period"
after September and October)."""


def _months_ending_at(sentence: str, period: str | None) -> str | None:
    """"Exports totaled CNY6.13 trillion in the three-month period" after March's figures: the months of that span
    ending at the month the text speaks of (the first quarter), as the tidy frame's code; None without one."""
    said = N_MONTH_PERIOD.search(sentence)
    if not said or not period or not re.fullmatch(r"\d{4}-(?:\d{2}|Q[1-4]|H[12])|\d{4}-\d{2}/\d{4}-\d{2}", period):
        return None
    count = said.group(1).lower()
    n = int(count) if count.isdigit() else MONTH_COUNTS[count]
    end = _ends(period)
    if not 2 <= n <= 12:
        return None
    start, month = months_back(end, n - 1), int(end[5:7])
    if n == 3 and month % 3 == 0:
        return f"{end[:4]}-Q{month // 3}"
    if n == 6 and month in (6, 12):
        return f"{end[:4]}-H{month // 6}"
    if n == 12 and month == 12:
        return end[:4]
    return f"{start}/{end}"


def _owning_year(sentence: str, figure: Figure, years) -> str | None:
    """The year a figure is said to be of before it, with a possessive ("even bigger than last year's nearly $1
    trillion", "vs 2023's 1.2 million"): its year, though it may be a comparison's base (it is the base's figure)."""
    start = figure.said_from
    owned = OWNED_FIGURE.search(sentence, max(0, start - 30), start)
    if owned is None:
        return None
    return next((year for offset, year, _, how in years
                 if year and offset + (4 if how == "year" else len(how)) == owned.start()), None)


YEAR_RIGHT_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:(?:in|for|of|by(?:\s+the\s+end\s+of)?)\s+|\(\s*(?=\d{4}\s*\)))"
                              r"(19\d{2}|20\d{2})\b")
"""A year attached right after a figure ("in 2022", "rose 5% in 2023", "by the end of 2024", "11th place (2024)"): the
figure's own."""


def _since_year_of_a_start(sentence: str, figure: Figure, after: str) -> str | None:
    """The year a level moved from, when the sentence counts "since" a year and the figure, with no year of its own,
    follows "from" and a "to" follows it ("Since 2018, China's R&D intensity rose from 2.14 per cent to 2.65 per
    cent by 2023": 2018); else None."""
    since = SINCE_YEAR.search(sentence)
    if since is None or not FROM_RIGHT_BEFORE.search(sentence, 0, figure.start) or YEAR_RIGHT_AFTER.match(after) \
            or not re.match(r"[^;.]{0,30}?\bto\b", after):
        return None
    return since.group(1)


LEVEL_AFTER_RATE = re.compile(r"(?i)\s*(?:year[\s-]on[\s-]year\s+|y/y\s+|YoY\s+)?to\s+(?:(?:about|around|nearly|almost|some|"
                              r"over|more\s+than|a\s+record(?:\s+high\s+of)?)\s+)?")
"""The words between a growth rate and the level it grew to ("rose 1.5 percent to USD 292.5 billion", "up 7.1 percent
year-on-year to a record 3.6 trillion")."""

LEVEL_AFTER_RATE_DATED = re.compile(r"(?i)\s*(?:year[\s-]on[\s-]year\s+|y/y\s+|YoY\s+)?(?:in|for|during|last|this)\b")
"""A rate dated before its level's "to" ("rose 5 percent in May to ..."): its own words date it."""


def _level_of_the_rate(sentence: str, figure: Figure, others: list, at: int) -> Figure | None:
    """The level right after a rate's "to" (`others`: the sentence's figures in order, the rate at `at`), else None."""
    if figure.unit != "percent" or at + 1 >= len(others):
        return None
    level = others[at + 1]
    start = level.said_from
    return level if level.unit not in (None, "percent") and LEVEL_AFTER_RATE.fullmatch(sentence, figure.end, start) \
        else None


SAME_MONTH_OF_YEAR = re.compile(r"(?i)\bthe\s+same\s+month\s+(?:of|in|a\s+year\s+earlier,?\s+in)\s+((?:19|20)\d{2})\b")
"""The month a text speaks of, in another year ("the same month in 2024")."""

WHEN_AFTER = re.compile(r",?\s+when\b", re.I)


def _when_year(sentence: str, start: int, years) -> str | None:
    """The year right before ", when" that opens the clause holding the figure at `start` ("from 2023, when exports
    contracted by 4.6%", "a high base from the previous year, when March exports surged by 14.8%"), with no other
    year, stop or semicolon between; else None."""
    found = None
    for off, y, _, label in years:
        if off >= start or not y or not (label == "year" or label.lower() in RELATIVE):
            continue
        when = WHEN_AFTER.match(sentence, off + (len(y) if label == "year" else len(label)))
        since = re.search(r"(?i)\bsince\s+$", sentence[max(0, off - 10): off])  # "since 2020, when ...": a base
        found = y if when and not since and not re.search(r"[;:]|\d{4}", sentence[when.end(): start]) else None
    return found


ASIDES = re.compile(r"\([^()]*\)|\s[—–]\s[^—–()]{3,200}?\s[—–]\s|\s--\s[^()]{3,200}?\s--\s")
"""An aside: round brackets, or a pair of spaced dashes ("plug-in hybrids — electric vehicles with ... — reached")."""


@cache.memo("spot: asides", 64)
def _asides(sentence: str) -> tuple[tuple[int, int], ...]:
    """Every aside of a sentence as (start, end), in order: found once per sentence (a figure looks up many words)."""
    return tuple((m.start(), m.end()) for m in ASIDES.finditer(sentence))


def _span_around(spans: tuple[tuple[int, int], ...], offset: int) -> tuple[int, int] | None:
    """The span of `spans` (in order, not overlapping) around `offset`, else None."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return spans[i] if i >= 0 and spans[i][0] < offset < spans[i][1] else None


def _bracket_of(sentence: str, offset: int) -> tuple[int, int] | None:
    """The (start, end) of the round brackets around `offset`, else None."""
    start = sentence.rfind("(", 0, offset)
    if start < 0 or sentence.rfind(")", start, offset) >= 0:
        return None
    end = sentence.find(")", offset)
    return (start, end) if end >= 0 else None


FULL_YEAR = re.compile(r"(?i)\b(?:annual|full[- ]year|(?:the\s+)?(?:whole|entire)\s+year|year\s+as\s+a\s+whole)\b"
                       r"(?!\s+(?:average|rate|growth|pace)\b)")
"""Words that make a figure the whole year's when the period carried from earlier sentences is a part of it
("the annual electro-mechanical product shipments", "full-year exports", "for the whole year"); "an annual
average", "an annual rate" of a month are not."""
ANNUAL_CHANGE = re.compile(rf"(?i)\bannual\s+{CHANGE_NOUNS}s?\b")
"""A year-on-year change said "annual" ("the annual fall in imports eased to 7.3 percent"): in a text on August, the
month's change; in a text on December, whose release gives the year too, the year's ("The annual rise in exports came
to 5.9%")."""


OWN_FULL_YEAR = re.compile(r"(?i)\b(?:full[- ]year|(?:whole|entire)[- ]year|year\s+as\s+a\s+whole)(?:['’]s)?\s+"
                           r"(?:[\w-]+\s+){0,2}?(exports?|imports?|trade\s+(?:surplus|deficit|balance)|surplus|deficit|"
                           r"trade(?!\s+data)|sales|output|production)\b")
"""Words of a whole year before a measure ("China's full-year trade surplus", "full-year exports"): not "annual" (an
annual basis, fair, review, rate), nor "full-year trade data"."""
FULL_YEAR_MEASURES = {"export": "exports", "import": "imports", "surplu": "trade_balance", "deficit": "trade_balance",
                      "balance": "trade_balance", "trade": "trade", "sales": "sales", "output": "production",
                      "production": "production"}
"""The measure a word after full-year words names (by its stem)."""
SUBORDINATE_BETWEEN = re.compile(r"(?i)\b(?:after|before|since|having|when|until|following|as|while|whereas|with)\b")
"""Between a figure and a month, a word opening a clause of its own ("..., after it passed $900 billion ... in
November"): the month is that clause's."""


def _full_year_of(sentence: str, start: int, end: int, measure: str | None) -> bool:
    """The figure's own words say its whole year: full-year words naming the figure's measure, the last before it in
    its clause, with no other figure between ("Full-year exports beat forecasts as the surplus hit $104.8 billion": not
    the surplus's)."""
    last = None
    for last in OWN_FULL_YEAR.finditer(sentence, start, end):
        pass
    if last is None or re.search(r"\d", sentence[last.end(): end]):
        return False
    word = last.group(1).lower().split()[-1]
    return next((m for stem, m in FULL_YEAR_MEASURES.items() if word.startswith(stem)), None) == measure


def _full_year(sentence: str, period: str | None = None) -> str:
    """The sentence's full-year words ("annual", "full-year"), '' when none (read once per sentence); not a change said
    "annual" alone in a text on a month before December (`period`, the text's)."""
    m = FULL_YEAR.search(sentence)
    if m and period and period[5:7] not in ("", "12") and ANNUAL_CHANGE.match(sentence, m.start()) \
            and not FULL_YEAR.search(sentence, m.end()):
        return ""
    return m.group(0) if m else ""


MONTHS_RECORD_AFTER = re.compile(r"(?i)\b(?:first|highest|fastest|strongest|biggest|sharpest|lowest|slowest|weakest|"
                                 r"smallest)\b[^.;]{0,40}?\b(?:in|for)\s+(?:(?:more\s+than|over|almost|nearly)\s+)?"
                                 r"(?:the\s+(?:past|last)\s+)?(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|"
                                 r"eleven|twelve|\w+teen)\s+months\b|\b\d{1,2}-month\s+(?:high|low|peak|trough)\b")
"""A record over months said after a figure ("marking the first increase in three months", "the fastest pace in six
months", "a 19-month high"): the figure is a month's."""


def _month_of_a_record(frame: Frame, figure: Figure, sentence: str, context: Context) -> None:
    """"Imports grew by 1.1%, ... marking the first increase in three months" in a text of 13 January 2025 on 2024:
    a growth rate with a record over months is a month's, not the year the text carried or assumed; the last month
    before the text's date when it falls in that year (assumed: never an accusation)."""
    if frame.kind != "percent" or frame.transformation != "growth_rate" or frame.role != "figure" \
            or frame.period_from not in ("context", "assumed") or not (frame.period or "").isdigit() \
            or not context.published or not MONTHS_RECORD_AFTER.search(sentence, figure.end):
        return
    last = month_before(context.published)
    if last[:4] == frame.period:
        frame.period, frame.period_from = last, "assumed"
        frame.notes.append(f"a record over months said of it: a month's rate, {last} (the last before the text)")


AIM_OR_ESTIMATE = re.compile(r"(?i)\b(?:aims?|aimed|aiming|targets?|targeted|plans?|planned|expects?|expected|forecasts?|"
                             r"projects?|projected|estimates?|estimated|could|would|will|may|might|should|predicts?)\b")
"""Words of an aim, a forecast or an estimate ("it aims to export 5.5 million in 2024", "could reach 260 GW, Ember
estimates"): a year named with them is the whole year aimed at or foreseen, not its months so far."""
MONTHLY_MEASURES = (*FLOWS, "production", "sales", "domestic_sales")
"""Measures counted month by month (customs' flows, industry output and sales): a year of them not over is its months
so far."""


def _year_not_over(frame: Frame, sentence: str, context: Context) -> None:
    """"In 2023, the bloc imported 17 GW of modules from China, 77% more than in the same period last year" in a text of
    28 March 2023: a flow of a year not over when the text came out is of its months so far (January to the last month
    before the text's date: January-February here), not the whole year (assumed: the release's last month may be
    earlier, never an accusation); only where the sentence says the year ("in 2023", "this year"), not a forecast."""
    published = context.published
    if published is None or frame.period != str(published.year) or published.month == 1 \
            or frame.period_from != "stated" \
            or not re.search(rf"(?i)\b(?:(?:in|during|for|through|so\s+far\s+in)\s+{published.year}|this\s+year)\b",
                             sentence) \
            or frame.role == "conversion" or frame.measure not in MONTHLY_MEASURES or FORWARD.search(sentence) \
            or AIM_OR_ESTIMATE.search(sentence) \
            or not (frame.kind in ("money", "count", "power", "energy") and frame.transformation in (None, "level")
                    or frame.kind == "percent" and frame.transformation == "growth_rate"):
        return
    if _subannual_words(sentence, str(published.year))[0]:
        return  # ("imports fell 7.9% in April to $205.21 billion ..., than in March this year": the sentence's month)
    last = month_before(published)
    frame.period, frame.period_from = _from_january(last[:4], int(last[5:])), "assumed"
    frame.notes.append(f"{published.year} was not over when the text came out: its months to {last} (assumed)")


def month_before(day: date) -> str:
    """The month before the one of `day`, as a period ("2025-06-09" -> "2025-05"; January -> the December before)."""
    return f"{day.year}-{day.month - 1:02d}" if day.month > 1 else f"{day.year - 1}-12"


MONTH_YEAR_OWNER_BEFORE = re.compile(rf"\b({MONTHS})\s+((?:19|20)\d{{2}})['’]s\s+(?:about\s+|around\s+)?"
                                     r"(?:US\$|[$€¥£])?$")
"""Right before a base figure, the month and year it is of ("up on July 2024's $84.65bn")."""
MONTH_OWNER_BEFORE = re.compile(rf"\b({MONTHS})(?:['’]s\s+(?:about\s+|around\s+)?|\s*:\s*)(?:US\$|[$€¥£])?$")
"""Right before a base figure, the month it is of ("slowing from October's 12.7 per cent", "(August: 1.3%)")."""
MONTH_AFTER = re.compile(rf"\s*(?:[\w-]+\s+){{0,2}}?(?:in|for|during)\s+({MONTHS})\b(?!,?\s*(?:19|20)\d{{2}})"
                         rf"(?!\s*(?:to|-|–|through|thru|and|&)\s*(?:{MONTHS})\b)", re.I)
MONTH_YEAR_AFTER = re.compile(rf"\s*(?:[\w-]+\s+){{0,2}}?(?:in|for|during)\s+({MONTHS}),?\s*((?:19|20)\d{{2}})\b"
                              rf"(?!\s*(?:to|-|–|through|thru|and|&)\s*(?:{MONTHS})\b)", re.I)
"""A month and its year right after a base figure ("up from 21.2 GW in February 2024"): the base's own month."""


def _attached_month(after: str, main_period: str | None, context: Context, role: str, before: str = "") -> str | None:
    """A month attached to the figure without a year ("accelerating from 4.4% in August", "slowing from October's
    12.7 per cent"), as a period. Beside the sentence's own month ("Exports in September rose 8.3% ... from 4.4% in
    August") it is the latest such month not after it (a base figure in the same month is a year earlier); otherwise
    it is in the year of the text so far (or the published year), never after the published date. None when no month
    is attached or nothing dates it."""
    if role == "earlier" and (dated := MONTH_YEAR_AFTER.match(after)):
        return f"{dated.group(2)}-{MONTH_NUMBERS[dated.group(1).lower()]:02d}"
    m = MONTH_AFTER.match(after) or (MONTH_OWNER_BEFORE.search(before) if role == "earlier" else None)
    if not m:
        return None
    month = MONTH_NUMBERS[m.group(1).lower()]
    if main_period and re.fullmatch(r"\d{4}-\d{2}", main_period):
        year, last = int(main_period[:4]), int(main_period[5:])
        same_year = month < last or (month == last and role != "earlier")
        return f"{year if same_year else year - 1}-{month:02d}"
    year = _year_of_month(month, context)
    return f"{year}-{month:02d}" if year else None


def _year_of_month(month: int, context: Context) -> int | None:
    """The year of a month named without one: the year of the text so far (or the published year), never after the
    published date. None when nothing dates it."""
    published = context.published
    if context.period and context.period[:4].isdigit():
        year = int(context.period[:4])
    elif published:
        year = published.year
    else:
        return None
    if published and (year, month) >= (published.year, published.month):
        year = published.year - 1  # a month not yet over when the text was published: the year before
    return year


RECORD_SINCE = re.compile(r"(?i)\b(?:[a-z]+est|first|highest|most|least)\b[^.;]{0,30}?\bsince\b")
"""A record over the time since a date ("its fastest pace since April 2024", "the first rise since 2023")."""


def _year_after_base(sentence: str, bases: list[str], context: Context) -> str | None:
    """"Exports amounted to USD 3.58 trillion (5.9% higher than in 2023)": a sentence whose only year is an
    annual comparison's base gives the figure the next year, when the text so far is about that year (its
    period, or its published date a year or two later) and the sentence names no part of a year."""
    if not bases or not bases[0] or not bases[0].isdigit() or _subannual(sentence, "0000")[0]:
        return None
    if re.search(r"(?i)\b(?:same|corresponding|comparable)\s+(?:period|month|quarter|half)\b", sentence):
        return None  # "from the same period in 2023": the comparison is of a part of a year, not of years
    if RECORD_SINCE.search(sentence):
        return None  # "its fastest pace since April 2024": a record's window, not an annual comparison
    year = str(int(bases[0]) + 1)
    if context.period:
        return year if context.period[:4] == year else None
    if context.published and context.published.year - int(year) in (0, 1):
        return year
    return None


def _heading_economy(sentence: str, places) -> str | None:
    """The economy a line without figures consists of ("Sweden", "United Kingdom", "4. Singapore:"), else None."""
    economies = catalogue.economies()
    if len(places) != 1 or places[0].value not in economies:
        return None
    rest = sentence[: places[0].start] + sentence[places[0].end:]
    return places[0].value if re.fullmatch(r"[\s#*\d.:)(–-]*(?:the\s*)?[\s.:*]*", rest, re.I) else None


def _note_release(context: Context, sentence: str) -> None:
    """The day the sentence says the text's source came out, when on or before the text's date ("the latest ...
    study released by WIPO on September 1"): kept in the context for this sentence's figures and the next."""
    released = RELEASED_ON.search(sentence)
    if released and context.published:
        try:
            day = date(int(released.group(3) or context.published.year), MONTH_NUMBERS[released.group(1).lower()],
                       int(released.group(2)))
        except ValueError:  # "on February 30": no such day
            return
        if day <= context.published:
            context.released_on = day.isoformat()


LIST_OPENER = re.compile(r"(?i)\b(?:as\s+follows|following|below|are|were|include|included|including)\s*:\s*$")
"""A sentence that introduces a list after it ("... were as follows:", "The top five are:")."""


def _list_introduction(context: Context, sentence: str, paragraph: int) -> None:
    """A sentence ending in a colon that introduces a list and says what its percentages are ("followed by their
    respective percentage share of all filings, were as follows:"): the list after it, to the end of its paragraph,
    takes that transformation for its percentages that have no word of their own."""
    if context.list_paragraph is not None and paragraph != context.list_paragraph:
        context.list_transformation = context.list_paragraph = None
    if not LIST_OPENER.search(sentence.rstrip()):
        if context.list_transformation and context.list_paragraph is None:
            context.list_paragraph = paragraph  # the first sentence after the introduction: the list
        return
    vocab = vocabulary()["_compiled"]
    shared = _window_has(sentence, vocab["share_before"], True) or any(
        re.search(rf"(?i)(?<!\w){re.escape(w)}(?!\w)", sentence) for w in ("share", "percentage share", "proportion"))
    growth = re.search(r"(?i)\b(?:growth|growth rates?|year-on-year|change)\b", sentence)
    if bool(shared) != bool(growth):
        context.list_transformation, context.list_paragraph = ("share" if shared else "growth_rate"), None


CHINAS_EXPORT_DATA = re.compile(
    r"(?i)\b(?:China['’]s|Chinese)\s+(?:[\w-]+\s+){0,3}?(?:customs|exports?)\s+(?:data|figures|statistics|records)\b"
    r"|\b(?:data|figures|statistics|records)\s+(?:on|of)\s+(?:China['’]s|Chinese)\s+(?:[\w-]+\s+){0,3}?exports\b"
    r"|\bimport\w*\s+(?:[\w-]+\s+){0,8}?from\s+China\b")
"""Words saying a text's figures are read from China's export records ("an analysis of China's export data", "data on
China's solar panel exports", "China's solar export figures") or are imports from China ("African countries are
importing a record volume of solar panels from China")."""
OPENING_MONTH = re.compile(rf"(?i)^\s*(?:and\s+|but\s+)?in\s+({MONTHS})\s*,")
"""A month without a year opening a sentence ("In May, trade growth accelerated")."""
LOOKING_BACK = re.compile(r"(?i)\b(?:in\s+contrast|contrasts?|contrasted|had\s+(?:been\s+)?\w+ed|had\s+(?:grown|risen|"
                          r"fallen|shrunk|seen|hit)|compared\s+(?:with|to)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,7}?"
                          + CHANGE_NOUNS + r"|deviating\s+from|(?:high|peak|record|low)\s+(?:set|hit|reached|seen)\s+"
                          r"in|"
                          r"nowhere\s+near|previously|compared\s+(?:with|to)\s+(?:the\s+)?(?:GII|Global\s+Innovation\s+"
                          r"Index|index|ranking|edition|list)\s+(?:of\s+)?(?:19|20)\d{2}|"
                          r"(?:exceed|surpass|beat|top|outpac|outstrip)\w*\s+(?:both\s+)?"
                          r"[^;]{0,90}?" + CHANGE_NOUNS + r"\s+(?:(?:seen|recorded|posted)\s+)?(?:in|for|of)\s+"
                          r"(?:" + MONTHS + r"))\b")
"""Words setting a figure against an earlier one ("In contrast, exports had grown just 2.3% during the January-February
period", "nowhere near the high set in March 2023", "They compared with July's better-than-expected 7.2 per cent
increase", "exports in June exceeded ... the 4.8% increase in May"): that period is not the text's."""


EDITION_PUBLISHED = re.compile(r"(?i)\b(?:published|released|issued|out)\s+in\s+((?:19|20)\d{2}),?\s+the\s+"
                               r"(?:GII|Global\s+Innovation\s+Index)\b|\b(?:GII|Global\s+Innovation\s+Index),?\s+"
                               r"(?:(?:which|that)\s+was\s+)?(?:published|released|issued)\s+in\s+((?:19|20)\d{2})\b")
"""An edition named by the year it came out ("Published in 2025, the Global Innovation Index ranked China 10th in
2024", "the GII, released in 2025"): that year's edition."""


def _edition_named(sentence: str) -> str:
    """The year of an index's edition the sentence names as its own ("the 2025 Global Innovation Index", "Published
    in 2025, the Global Innovation Index"), '' when none (not "compared to the GII 2022": the edition compared with,
    not the one the text's ranks are in)."""
    edition = EDITION.search(sentence)
    if edition and not re.search(r"(?i)\b(?:compared\s+(?:with|to)|versus|vs\.?|from)\s+(?:the\s+)?$",
                                 sentence[max(0, edition.start() - 20): edition.start()]):
        return edition.group(1) or edition.group(2)
    published = EDITION_PUBLISHED.search(sentence)
    return (published.group(1) or published.group(2)) if published else ""


def _update(context: Context, sentence: str, subjects, measures, places, years, reads: list[Read], paragraph: int,
            bases: list[Mention] = ()) -> None:
    context.edition = _edition_named(sentence) or context.edition
    # a clause looking back ("a strong recovery from 2023, when exports contracted by 4.6%") does not move the text's
    # period: the next sentences are still about the year it recovered in
    stated = [r.frame.period for r in reads if r.frame.period_from == "stated" and r.frame.role == "figure"
              and not _when_year(sentence, r.figure.start, years)]
    # a month or quarter the sentence names, its year from the text or the published date ("Exports in
    # September rose 8.3%"), dates the next sentences too
    dated = [r.frame.period for r in reads if r.frame.role == "figure" and r.frame.period_from == "context"
             and r.frame.period and not r.frame.period.isdigit() and r.frame.period != context.period]
    named_month = MONTH_NAMED.search(sentence)
    if named_month and named_month.group(4):
        dated = []  # "December imports hit a 21-month high": the month qualifies its own measure, not the next sentences
    period = context.period
    of_bases = {m.start(1) for r in reads if r.frame.role == "earlier"
                and (m := YEAR_RIGHT_AFTER.match(sentence, r.figure.end))}  # ("the previous record of $992 billion in
    # 2024": the base's year)
    own_years = [y for off, y, base, _ in years if y and not base and off not in of_bases
                 and not SINCE_BEFORE.search(sentence, max(0, off - 70), off)]  # ("falling since September, 2022",
    # "since China joined the World Trade Organization in 2001": the start of a run, not the period the next sentences
    # speak of)
    said = stated or dated or own_years
    # (not "previously" right after a figure: "$96.18 billion previously" is the release before's, the sentence's
    # own period stays the text's)
    back_words = [m for m in LOOKING_BACK.finditer(sentence) if not (
        m.group(0).lower() == "previously" and any(0 <= m.start() - r.figure.end <= 12 for r in reads))]
    looking_back = bool(said) and bool(back_words) \
        and (not context.period or _ends(said[0]) < _ends(context.period)) \
        or _rolling_window(context.period) and not YEAR.search(sentence) and not _subannual_words(sentence, "0000")[0]
    # (in a text on a twelve-month window, "compared to 15 countries a year earlier" speaks of the window before: the
    # text stays on its window)
    # "In contrast, exports had grown just 2.3% during the January-February period", "This decrease sharply contrasts
    # the 7.1% growth observed in the first two months": an earlier period set against the text's, not the one its
    # next sentences speak of
    listed = sorted(set(stated or own_years))
    if len(listed) > 1 and re.search(r"(?i)\brespectively\b", sentence):
        # each year of a "respectively" list is one figure's: the next sentences speak of the latest ("In 2023 and
        # 2024, exports rose 0.6 percent and 7.1 percent, respectively. Imports rose 2.3 percent"), unless the list
        # looks back from the text's year ("In 2024, GDP exceeded 130 trillion yuan. This followed milestones in 2020,
        # 2021 and 2022, ... respectively")
        back = bool(context.period) and all(_ends(y) < _ends(context.period) for y in listed)
        stated, looking_back = ([], True) if back else ([listed[-1]], False)
    if stated and not looking_back:
        context.period = stated[0]
    elif not looking_back:
        own = own_years
        if own and not reads and len(set(own)) > 1 and all(y.isdigit() for y in own):
            # "The low season late last year was estimated to continue into the beginning of this year": a sentence
            # without figures moving through years leaves the text at the latest
            own = [max(own)]
        if own:
            sub, _ = _subannual(sentence, own[0])
            context.period = sub or own[0]
        elif dated:
            context.period = dated[0]
        elif (opening := OPENING_MONTH.match(sentence)) and context.period and context.period[:4].isdigit():
            # "In May, trade growth accelerated notably ... Despite that, foreign trade advanced 2.7 percent": a
            # month opening a sentence without figures dates the next ones (in the year the text speaks of)
            context.period = f"{context.period[:4]}-{MONTH_NUMBERS[opening.group(1).lower()]:02d}"
    if context.period != period or stated and not looking_back:
        context.period_paragraph = paragraph
        # (none the catalogue knows: "The manufacturing purchasing managers index dropped to 49.5 in May" is about
        # something else too, never the period of a later paragraph's accusation)
        context.period_subjects = tuple(dict.fromkeys(m.value for m in subjects if not m.value.startswith("other:"))) \
            or ("other:unnamed",)

    economies = _national_others(places, sentence)
    named = [r.frame.entity for r in reads if r.frame.entity_from == "stated" and r.frame.role == "figure"]
    carried = {r.frame.entity for r in reads if r.frame.role == "figure"}
    if named or reads:
        # ("China's exports jumped 12.4% ... U.S. tariffs imposed by U.S. President ... Imports fell 4.3% ... It said
        # exports rose 5.8%": figures carrying China, or a province of it, keep it the economy the next sentences
        # carry; another economy carried may be a destination misread, "exports to the EU ... Germany 12.3%")
        context.last_entity = named[-1] if named else (
            context.last_entity if carried == {context.last_entity} and str(context.last_entity).split("-")[0] == "CHN"
            and not set(economies) - {context.last_entity} else None)
    elif _heading_economy(sentence, places):
        # a sub-heading that is an economy's name alone ("Sweden", "3. Republic of Korea") is what "This country
        # ranked second", "It scored 58.1" in the next sentence point back to (not a sentence that merely names
        # one: "The report covers Japan too. It ranked sixth" may mean the report)
        context.last_entity = _heading_economy(sentence, places)
    elif set(economies) - {context.last_entity}:
        context.last_entity = None  # another economy named since: "it" no longer points back to one
    context.economies_before = economies
    said = [r.frame.measure for r in reads if r.frame.measure_from == "stated" and r.frame.measure]
    if said or measures:
        context.measure = said[-1] if said else measures[-1].value
    # (not a list's size said of no economy: "highlighting the top 100 science and technology clusters" names what
    # the report ranks, not the ranking the next places are in)
    # (nor an indicator's place: "first in 11 indicators" leaves the next "led at 32nd globally" in the index)
    ranked = [r.frame.subject for r in reads if r.frame.kind == "rank" and r.frame.subject_from == "stated"
              and r.frame.subject and not r.frame.subject.startswith("other:") and r.frame.entity != "WLD"
              and r.frame.subject != "index_indicators"]
    if ranked:
        context.rank_subject = ranked[-1]
    editions = [(r.frame.period or "-", r.frame.subject) for r in reads if r.frame.kind == "rank"
                and r.frame.role == "figure" and r.frame.subject and not r.frame.subject.startswith("other:")
                and (r.frame.period is None or r.frame.period.isdigit())]
    if editions:
        # (the edition of the index's places does not date the cluster ranking's: "Malaysia ... 33rd in the GII 2024"
        # then "Beijing and Shanghai-Suzhou ... ranking fourth and sixth" in the 2025 cluster ranking)
        context.rank_period, context.rank_period_of = editions[-1]
    elif all(r.frame.role == "streak" for r in reads) and any(m.value == "innovation_index" for m in subjects):
        # "On the 16th local time, WIPO released the 2025 Global Innovation Index Report": the ranking the text's
        # ranks are in, named in a sentence without figures (or with only a streak's length: "most innovative
        # country for the 14th time in a row in its Global Innovation Index")
        context.rank_subject = "innovation_index"
    elif context.rank_subject is None and (named := [m.value for m in subjects if m.value in _ranked_subjects()
                                                     and m.value != "index_indicators"]):
        # "The change at the top of the world's 100 leading innovation clusters ...": the first ranking a text names
        # is the one its later places are in until it names another (assumed, never an accusation)
        context.rank_subject = named[0]
    # (a trade figure's stated goods too: "Overall, Chinese goods imports and exports grew 6.1%" after a sentence on
    # battery exports: the next "exports increased by 8.6%" are of goods)
    exported = [r.frame.subject for r in reads if r.frame.measure in ("exports", "trade") and r.frame.entity == "CHN"
                and r.frame.subject_from == "stated" and r.frame.subject and not r.frame.stand_in
                and not r.frame.subject.startswith("other:")]
    if exported:
        context.exports_of = exported[-1]
    if reads:
        context.counted = next((r.frame for r in reversed(reads) if _counts_a_subject(r.frame)), None)
        context.rate = next((r.frame for r in reversed(reads) if r.frame.role == "figure"
                             and r.frame.transformation == "growth_rate" and r.frame.kind == "percent"), None)
        context.intensity = next((r.frame for r in reversed(reads) if r.frame.kind == "percent_of_gdp"
                                  and r.frame.subject == "rd"), None)
        context.intensity_paragraph = paragraph
        context.partner_flow = any(r.frame.counterpart for r in reads)
        context.mirror_flow = any(r.frame.counterpart and r.frame.measure == "exports" and r.frame.measure_from == "assumed"
                                  and not any(n.startswith(MIRROR_CARRIED) for n in r.frame.notes) for r in reads)
        partners = {r.frame.counterpart: r.frame.counterpart_words for r in reads if r.frame.counterpart}
        context.partner, context.partner_words = next(iter(partners.items())) if len(partners) == 1 else (None, None)
    for r in reads:  # what a later "the 8.3 percent growth" names again
        if r.frame.role == "figure" and r.frame.measure_from in DETERMINED:
            context.said[(r.figure.value, r.unit)] = r.frame
    if any(m.value in PV_PARTS for m in subjects):
        context.pv_parts_paragraph = paragraph
    framed = [r.frame.subject for r in reads if r.frame.subject_from == "stated" and r.frame.subject not in NOT_CARRIED]
    if framed:
        context.subject = framed[-1]
    # ("a positive contribution from net trade to economic growth": words naming only a rate's subject carry only
    # where a rate read them)
    elif named := [m for m in subjects if m.value not in NOT_CARRIED and m.words.lower() not in _rate_only_words()]:
        context.subject = _listed_parent(named, sentence) or named[-1].value
    # what the text is about: the economy it names most often so far (China on a tie); a place after
    # "to", "from", "with" is a counterpart ("exports to the US") and is not counted
    economies = catalogue.economies()
    context.named_any = context.named_any or any(p.value in economies and p.value != "WLD" for p in places)
    named_subjects = tuple(dict.fromkeys(m.value for m in subjects if not m.value.startswith("other:")))
    regions = [p.value for p in places if _is_region(p.value)]
    if regions:
        context.last_region = (regions[-1], paragraph)
    named_here: set = set()
    for p in places:  # regions ("Latin America", "Africa") are counterparts, never what a text is about
        if p.value in economies and not _partner(sentence, p) \
                and not (p.words[-2:] not in ("'s", "’s") and _policy_patterns().match(sentence, p.end)):
            context.counts[p.value] = context.counts.get(p.value, 0) + 1
            context.named_in[p.value] = (paragraph, named_subjects)
            if p.value not in named_here or p.words.lower() in city_names():
                context.named_as[p.value] = p.words  # ("Beijing, the Chinese capital, ...": Beijing)
            named_here.add(p.value)
            if p.words.lower() not in COUNTRY_WORDS and p.value != "WLD" and "-" not in p.value:
                context.last_named = p.value
    if context.counts:
        top = max(context.counts.values())
        context.place = "CHN" if context.counts.get("CHN") == top else max(context.counts, key=context.counts.get)
    context.bases_named.update(b.value for b in bases)
    if bases:
        context.basis = bases[-1].value
    elif paragraph != context.paragraph:
        context.basis = None
    context.paragraph = paragraph
