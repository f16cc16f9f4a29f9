"""Figures written as words that the number reader leaves out and no stored series measures (word forms).

The corpus counts them as figures (benchmarks/corpus/README.md, "What counts as a figure"); the spotter reads
each as a figure of its `form`, which frames.py matches to nothing (subject "other:<form>": unverifiable, never an
accusation), so that it is found and shown, never judged against a neighbouring series:

- streak: "the second consecutive month", "the 33th straight month", "the second year in a row", "for a second
  year", "three months in a row", "a six-quarter high" (its length);
- duration: "more than a decade" (10 years), "nearly five decades" (50), "three months", "six quarters", "a
  seven-year credit", "over the past decade", "over the last ten years", "decade-long", "its lowest in a year", "in
  three years and five months" (41 months); not a time reference ("a decade ago", "three years earlier") nor a
  period ("the first two months", "the three months ended March 31", "the seven-month period");
- multiple: "twice", "doubling", "more than double what ...", "triple the credit", "two and a half fold";
- rank: "number one", "the world's No. 1", "(#2)", "took first place", "the top spot", "the third-placed", "the
  second-most innovative", "joint seventh", "Russia ranked first and Mexico second", "placing second overall",
  "Nigeria second (1.7 GW)", "fell from second to third";
- magnitude: "tens of thousands", "millions of", "billion-dollar", "double-digit" (lower bounds);
- share: "every third car" (33.3 percent);
- count: a number word the reader read but that carries no unit ("seven pillars", "occupying three"), unless it is
  in a name ("World War Two", the "new three" products) or counts periods (a duration's or a period's).

The words are the vocabulary's (vocabulary.yaml `word_forms`); number words and their values are the number
reader's (`indicators.numbers`), which reads every number phrase found here.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from indicators import numbers
from indicators.spot.text import Taken, at_clause_start
from indicators.spot.vocabulary import alternatives, mentions, vocabulary


@dataclass(frozen=True)
class WordFigure:
    start: int
    end: int
    value: float  # unscaled ("millions": 1e6)
    unit: str
    form: str  # streak, duration, multiple, rank, magnitude, share, count
    comparator: str = "~="
    lead: int | None = None  # where the comparator's words start


_CARDINALS = [w for w in (*numbers.UNIT_WORDS, *numbers.TEENS, *numbers.TENS) if w not in ("zero",)]
CARDINAL = rf"(?:(?:{alternatives(numbers.TENS)})[-\s](?:{alternatives(numbers.UNIT_WORDS)})|{alternatives(_CARDINALS)})"
"""A cardinal in words ("seven", "twenty-one"), its value read by the number reader."""
WORD_ORDINAL = rf"(?:{alternatives(w for w, n in numbers.ORDINAL_WORDS.items() if n <= 20)})"
"""An ordinal in words up to the twentieth ("second", "eighth"): a place said bare."""
MONTHS = alternatives(numbers.MONTHS)
ORDINAL = rf"(?:(?:{alternatives(numbers.TENS)})[-\s](?:{alternatives(numbers.UNIT_ORDINALS)})|" \
          rf"{alternatives(numbers.ORDINAL_WORDS)}|\d{{1,3}}(?:st|nd|rd|th))"
"""An ordinal ("second", "twenty-first", "4th", and "33th" as typed)."""


def _cardinal_value(text: str) -> float | None:
    """The number reader's value of a number phrase read whole ("two and a half": 2.5; "one", which it leaves alone
    as mostly a pronoun, from its table), else None."""
    if text.lower() == "one":
        return 1.0
    read = numbers.read_figures(text)
    return read[0].value if len(read) == 1 and read[0].start == 0 and read[0].end == len(text) else None


def _ordinal_value(text: str) -> int:
    low = text.lower()
    if low[:1].isdigit():
        return int(re.match(r"\d+", low).group(0))
    tens, _, unit = re.sub(r"\s+", "-", low).rpartition("-")
    return numbers.TENS.get(tens, 0) + (numbers.ORDINAL_WORDS.get(unit) or numbers.UNIT_ORDINALS[unit])


@functools.cache  # compiled once from the vocabulary shipped in the package
def _patterns() -> dict[str, re.Pattern]:
    forms = vocabulary()["word_forms"]
    period = alternatives(forms["periods"])
    periods = f"(?:{alternatives(_period_nouns())})"
    comparators = alternatives([w for w, _ in vocabulary()["_comparators"]])
    comparator = rf"(?:(?P<cmp>(?:(?:{alternatives(forms['comparator_hedges'])})\s+)?(?P<said>{comparators}))\s+)?"
    place_end = rf"(?=\s*(?:[,.;:)(]|$)|\s+(?:{alternatives(forms['place_ends'])})\b)"
    not_after = rf"(?!\s+(?:{alternatives(forms['not_place_after'])})\b)"
    return {
        "streak": re.compile(
            rf"(?i)\b(?P<n>{ORDINAL})\s+(?:(?:{alternatives(forms['streak_before'])})\s+(?P<p1>{periods})\b"
            rf"|(?P<p2>{period})\s+(?:{alternatives(forms['streak_after'])})\b)"
            rf"|\b(?P<c>{CARDINAL}|\d{{1,3}})\s+(?:{alternatives(forms['streak_before'])})\s+(?P<p3>{periods})\b"
            rf"|\b(?P<h>{CARDINAL}|\d{{1,3}})-(?P<p4>{period})\s+(?:{alternatives(forms['records'])})\b"
            rf"|\b(?P<r>{CARDINAL}|\d{{1,3}})\s+(?P<p6>{periods})\s+(?:{alternatives(forms['streak_after'])})\b"
            rf"|(?:(?<=\bfor a )|(?<=\bfor the ))(?!first\b)(?P<f>{ORDINAL})\s+(?P<p5>{period})\b(?!\s+of\b|-)"),
        "duration": re.compile(
            rf"(?i){comparator}\b(?P<n>{CARDINAL}(?:\s+and\s+a\s+half)?|an?|one)(?:\s+|-)(?P<p>{periods})\b(?!-)"),
        "multiple": re.compile(
            rf"(?i){comparator}\b(?:(?P<w>{alternatives(forms['multiples'])})\b(?!\s+down\b)"
            rf"|(?P<v>{alternatives(forms['multiple_verbs'])})\b(?!-)"
            rf"|(?P<n>{CARDINAL}(?:\s+and\s+a\s+(?:half|quarter))?)[\s-]+fold\b)"),
        "rank": re.compile(
            rf"(?i)(?:\bnumber[-\s]+(?P<nw>{CARDINAL})\b(?!\s+(?:of|hundred|{alternatives(numbers.SCALES)})\b)"
            rf"|(?<=\s)number\s+(?P<nd>\d{{1,3}})\b(?![.,]\d)"
            rf"|\bNo\.\s*(?P<nn>\d{{1,3}})\b(?![.,]\d)"
            rf"|(?:(?<=\()|(?<=\s)|^)#(?P<hn>\d{{1,3}})\b"
            rf"|\b(?P<o>first|second)(?:\s+(?:{alternatives(forms['rank_after'])})\b"
            rf"|[-\s](?:{alternatives(forms['superlatives'])}|[a-z]{{2,}}est)\b)"
            rf"|\b(?:{alternatives(forms['rank_shared'])})[-\s]+(?P<j>{ORDINAL})\b"
            rf"|\b(?P<pl>{ORDINAL})-placed\b"
            # "the top spot in 11 indicators": a count's words, not a place
            rf"|\b(?:the|its|their)\s+(?:global\s+|overall\s+|world['’]s\s+)?(?P<tp>top\s+(?:spot|position|place|rank|slot))"
            rf"\b(?!s)(?!\s+in\s+(?:\d|(?:{CARDINAL})\b))"
            # "was ranked on top of the Global Innovation Index 2025 top 100 ... clusters", "came out on top of the
            # index": first place in the ranking named right after (not "on top in venture capital deals", "remained
            # on top of the government's agenda")
            rf"|\b(?:ranked|ranks|rank|ranking|placed|came\s+out|comes\s+out|come\s+out|stays|stayed|remained|remains)"
            rf"\s+(?P<ot>on\s+top)(?=\s+of\s+(?:the\s+|its\s+|WIPO['’]s\s+)?(?:[\w'’&-]+\s+){{0,5}}?"
            rf"(?:index|ranking|rankings|GII|list|league\s+table|clusters)\b))"),
        # "Russia ranked first and Mexico second", "from third position in 2021 to second in 2022": after a place
        # in a ranking, an ordinal after "and <Name>" or "to" that ends its phrase (within 100 characters, a name of
        # at most five words: bounded backtracking, linear in the sentence)
        "elided": re.compile(
            rf"(?i)\b(?:rank\w*|plac\w*|came|finished|from\s+(?:the\s+)?{ORDINAL}\s+(?:{alternatives(forms['rank_after'])}))"
            rf"[^.;]{{0,100}}?(?:\band\s+(?-i:[A-Z][\w'’-]{{0,30}}(?:\s+[A-Z][\w'’-]{{0,30}}){{0,4}})\s+|\bto\s+)"
            rf"(?P<e>{ORDINAL})"
            rf"(?=\s*(?:[,.;)]|$|\s(?:in|from|with|for|place|position)\b))"),
        # "South Korea is now sixth in WIPO's Global Innovation Index": a place said with a verb of being, before
        # the ranking's name (within five words)
        "placed_in": re.compile(
            rf"(?i)\b(?:is|was|are|were|remains?|remained|stays?|stayed|sits?|sat|stands?|stood)\s+"
            rf"(?:now\s+|still\s+|currently\s+)?(?P<e>{ORDINAL})\s+(?=(?:in|on|among)\s+(?:[\w'’.-]+\s+){{0,4}}?"
            rf"(?:index|ranking|rankings|GII|list|league\s+table)\b)"),
        # "moved to the first place from the second last year", "ranked fifth, up from the seventh in 2024": the
        # place a ranking's member came from, in a sentence that has just placed it (within 60 characters)
        "from_place": re.compile(
            rf"(?i)\b(?:rank\w*|plac\w*|positions?|spots?)\b[^.;]{{0,60}}?"
            rf"\b(?:up\s+|down\s+)?from\s+(?:the\s+)?(?P<e>{ORDINAL})"
            rf"(?:\s+(?:place|position|spot|rank))?(?=\s*(?:[,.;)]|$|\s(?:in|last|a|the|year)\b))"),
        # a place in words said bare after a verb that places ("placing second overall", "ranking it second
        # globally", "rising to third (1.2 GW)"), after a name before its figure ("Nigeria second (1.7 GW)", "Japan
        # fourth at $184bn"), as a move ("fell from second to third in 2010"), or listed after one ("first globally for
        # X, sixth for Y, and eighth for Z"): a rank of the ranking the text speaks of, read as a word form (never
        # judged false: which ranking is a guess)
        "bare_place": re.compile(
            rf"(?i)\b(?:{alternatives(forms['place_verbs'])})\s+(?:(?:it|them|(?-i:[A-Z][\w'’.-]*))\s+)?"
            rf"(?:(?:{alternatives(forms['place_qualifiers'])})\s+)?(?P<e>{WORD_ORDINAL}){place_end}{not_after}"
            # (a name, not a month's: "March third (Xinhua)"; nor a possessive: "Xi's second at the summit"; "first"
            # after a name is mostly an adverb: "Xi Jinping first (in 2015)")
            rf"|(?-i:\b(?!(?:{MONTHS})\b)[A-Z][\w.-]*[\w.])\s+(?:(?:was|is|were|are)\s+)?(?:(?:in\s+)?a\s+distant\s+)?"
            rf"(?P<n>(?-i:(?!first\b){WORD_ORDINAL}))(?=\s*\(|\s+(?:at|with)\b)"
            rf"|\bfrom\s+(?:the\s+)?(?P<a>{WORD_ORDINAL})(?:\s+(?:place|position|spot))?(?:\s+last\s+year)?"
            rf"\s+to\s+(?:the\s+)?(?P<b>{WORD_ORDINAL}){place_end}"),
        # (ending in a field or a bracket, not a comma: "ranked 11th; first, it led ...; second, ..." enumerates)
        "listed_place": re.compile(rf"(?i)(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?P<e>{WORD_ORDINAL})"
                                   rf"(?=\s*\(|\s+(?:{alternatives(forms['place_ends'])})\b){not_after}"),
        "place_said": re.compile(r"(?i)\b(?:\d{1,3}(?:st|nd|rd|th)|rank\w*|plac\w*|positions?)\b"),
        "magnitude": re.compile(
            rf"(?i)\b(?:(?P<m>{alternatives(forms['magnitudes'])})|(?P<s>{alternatives(numbers.SCALES)})-"
            rf"(?P<cur>{alternatives(numbers.CURRENCY_WORDS)}))\b(?!-)"),
        "share": re.compile(rf"(?i){comparator}\bevery\s+(?P<o>{alternatives(w for w, n in numbers.ORDINAL_WORDS.items() if n > 2)})\b"
                            rf"(?!\s+(?:{periods}|time|place)\b)"),
        "after": re.compile(rf"(?i)\s*(?:{alternatives(forms['not_duration_after'])})(?!\w)|-on-"),
        "before": re.compile(rf"(?i)\b(?:{alternatives(forms['not_duration_before'])})\s+(?:the\s+)?$"),
        "span_back": re.compile(rf"(?i)\b(?:{alternatives(forms['span_back_before'])})\s+$"),
        "numberless": re.compile(
            rf"(?i)\b(?:(?:the\s+)?(?:past|last)\s+(?=\w+\b(?!\s+of\b))|(?<=\bin )a\s+|(?<=\bof )a\s+|(?<=\bfor )a\s+"
            rf"|a\s+(?={alternatives(forms['numberless_spans'])}\s+of\b))"
            rf"(?P<p>{alternatives(forms['numberless_spans'])})\b(?![-\w])"
            rf"|\b(?P<l>{alternatives(forms['long_compounds'])})-long\b"
            # ("its lowest in a year"; not "the most in a year on record", "the largest ever recorded in a year", "the
            # latest in a year of records": a single year's amount)
            rf"|(?:\b[a-z]{{3,}}est|\b(?:best|worst))\b(?:(?!\bever\b)[^.;,]){{0,40}}?\bin\s+(?P<s>a)\s+"
            rf"(?P<sp>year|month|decade)\b(?![-\w])(?!\s+(?:of|on\s+record|ever)\b)"),
        "and_more": re.compile(rf"(?i)\s+and\s+(?:(?P<h>a\s+half)\b|(?P<m>{CARDINAL}|\d{{1,2}})\s+months?\b)"),
        "rank_before": re.compile(rf"(?i)(?:\b|(?<=['’]))(?:{alternatives(forms['rank_before'])})\s+$"),
        "multiplied": re.compile(rf"(?i)\s+(?:{alternatives(forms['multiplied'])})\b"),
        "multiplying": re.compile(rf"(?i)\b(?:{alternatives(forms['multiplying'])})\s+(?:{comparators}\s+)?$"),
        "rate_after": re.compile(rf"(?i)\s+(?:[a-z-]+\s+)?(?:{alternatives(forms['rate_nouns'])})\b"),
        "period_after": re.compile(rf"(?i)[-\s]+{periods}\b"),
        "idioms": re.compile(rf"(?i)(?:{alternatives(forms['not_durations'])})"),
        "names": re.compile(rf"(?i)\b(?:{alternatives(forms['names'])})\b"),
    }


def _comparator(m: re.Match) -> tuple[str, int]:
    """The comparator its wording gives ("more than": ">", "nearly": "<", "well over": ">") and where that wording
    starts (its hedge's start: "just over a decade")."""
    if not m.groupdict().get("cmp"):
        return "~=", m.start()
    given = {w.lower(): c for w, c in vocabulary()["_comparators"]}
    return given[re.sub(r"\s+", " ", m.group("said").lower())], m.start("cmp")


@functools.cache  # derived once from the vocabulary shipped in the package
def _period_nouns() -> dict[str, tuple[str, float]]:
    """Every period noun, singular and plural ("decade", "decades", "century", "centuries") -> (unit, size)."""
    nouns = {}
    for noun, (unit, size) in vocabulary()["word_forms"]["periods"].items():
        plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2] not in "aeiou" else noun + "s"
        nouns[noun] = nouns[plural] = (unit, float(size))
    return nouns


def _period(word: str) -> tuple[str, float]:
    """(unit, size) of a period noun, singular or plural ("decades": years, 10)."""
    return _period_nouns()[word.lower()]


def _streaks(sentence: str) -> list[WordFigure]:
    found = []
    for m in _patterns()["streak"].finditer(sentence):
        if m.group("n") or m.group("f"):
            value, noun = _ordinal_value(m.group("n") or m.group("f")), m.group("p1") or m.group("p2") or m.group("p5")
        else:
            number = m.group("c") or m.group("h") or m.group("r")
            value = int(number) if number.isdigit() else _cardinal_value(number)
            noun = m.group("p3") or m.group("p4") or m.group("p6")
        if value:
            found.append(WordFigure(m.start(), m.end(), float(value), _period(noun)[0], "streak"))
    for m in PAST_PERIODS.finditer(sentence):
        # "has consistently been in the top 10 for the past five years": what held over the past N years, said
        # with a verb of holding before it in its clause, is a streak of N (else a span: "grew 50% over the past
        # five years")
        clause = re.split(r"[;.:]|,\s+(?:while|but|whereas)\b", sentence[: m.start()])[-1]
        value = int(m.group("n")) if m.group("n").isdigit() else _cardinal_value(m.group("n"))
        if value and value > 1 and HELD_OVER.search(clause):
            found.append(WordFigure(m.start("n"), m.end(), float(value), _period(m.group("p"))[0], "streak"))
    return found


PAST_PERIODS = re.compile(rf"(?i)\bfor\s+the\s+(?:past|last)\s+(?P<n>{CARDINAL}|\d{{1,2}})\s+(?P<p>years|months)\b")
HELD_OVER = re.compile(r"(?i)\b(?:consistently|continuously|remained|remains|has\s+been|have\s+been|stayed|stays|kept|"
                       r"keeps|maintained|maintains|held|holds)\b")


def _durations(sentence: str) -> list[WordFigure]:
    """A number of periods: "more than a decade", "three months", "a seven-year credit"; "a"/"an" only after a
    comparator ("more than a year", not "10% a year")."""
    p, found = _patterns(), []
    for m in p["duration"].finditer(sentence):
        number, start = m.group("n"), m.start("n")
        if number.lower() in ("a", "an") and not m.group("cmp"):
            continue
        unit, size = _period(m.group("p"))
        span_back = unit == "years" and p["span_back"].search(sentence[max(0, start - 30): start]) \
            and not re.match(r"\s+of\b", sentence[m.end():])  # "over the last ten years"
        if p["after"].match(sentence, m.end()) or p["idioms"].fullmatch(sentence, start, m.end()) \
                or p["before"].search(sentence[max(0, start - 30): start]) and not span_back:
            continue
        value = 1.0 if number.lower() in ("a", "an", "one") else _cardinal_value(number)
        if not value or (number[:1].isupper() and not at_clause_start(sentence, start, ".!?:\"“")):
            continue  # "Five-Year Plan": a name
        end = m.end()
        more = p["and_more"].match(sentence, end) if unit == "years" and size == 1 else None
        if more and more.group("m") and (months := _cardinal_value(more.group("m"))):
            # "the biggest drop in three years and five months": one duration, in months
            value, size, unit, end = value * 12 + months, 1.0, "months", more.end()
        comparator, lead = _comparator(m)
        found.append(WordFigure(start if not m.group("cmp") else m.start(), end, value * size, unit, "duration",
                                comparator, lead))
    for m in p["numberless"].finditer(sentence):
        # "over the past decade", "a decade-long climb", "its lowest in a year": one period, said without a number
        if p["after"].match(sentence, m.end()) or any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        noun = m.group("p") or m.group("l") or m.group("sp")
        unit, size = _period(noun)
        start, end, value = (m.start("s") if m.group("s") else m.start()), m.end(), size
        more = p["and_more"].match(sentence, end) if m.group("sp") else None
        if more and unit == "years" and size == 1:  # "the steepest drop in a year and a half" ("... and five months")
            half = more.group("h") is not None
            value, unit = (1.5, "years") if half else (12 + (_cardinal_value(more.group("m")) or 0), "months")
            end = more.end()
            found = [f for f in found if not (m.end() <= f.start and f.end <= end)]  # ("eight months": its part)
        found.append(WordFigure(start, end, value, unit, "duration"))
    return found


def _multiples(sentence: str) -> list[WordFigure]:
    p, forms, found = _patterns(), vocabulary()["word_forms"], []
    for m in p["multiple"].finditer(sentence):
        if m.group("w"):
            value = float(forms["multiples"][m.group("w").lower()])
        elif m.group("v"):
            before = sentence[max(0, m.start("v") - 30): m.start("v")]
            if not (p["multiplied"].match(sentence, m.end()) or m.group("cmp") or p["multiplying"].search(before)):
                continue  # "double standards", "a triple win"
            value = float(forms["multiple_verbs"][m.group("v").lower()])
        else:
            value = _cardinal_value(m.group("n"))
        if value:
            comparator, lead = _comparator(m)
            found.append(WordFigure(m.start(), m.end(), value, "ratio", "multiple", comparator, lead))
    return found


NUMBER_PLACED_BEFORE = re.compile(r"(?i)\b(?:at|to|from|is|was|are|were|ranked|ranks|ranking|placed|remains|"
                                  r"remained|stays|stayed|climbed|rose|fell|slipped|moved\s+up|moved\s+down)\s+$")
"""Before "number 11", a word that places it ("at number 11", "rose to number 4"): a place in a ranking (the reader's
"11" is then no figure of its own: figures._not_a_claim)."""


def placed_number(sentence: str, at: int) -> bool:
    """Whether the word "number" at `at` follows a word that places it (NUMBER_PLACED_BEFORE)."""
    return bool(NUMBER_PLACED_BEFORE.search(sentence, max(0, at - 30), at))


WHEN_AFTER = re.compile(r"(?i)\s+(?:a\s+year\s+(?:earlier|before|ago)|last\s+year|in\s+(?:19|20)\d{2}|in\s+the\s+world|"
                        r"to\s+number\s+\d)\b")
"""After a place, when or where it held, or the place it moved to ("from number 12 a year earlier", "at number 14 in
2022", "number 3 in the world", "from number 7 to number 9")."""
PLACE_NOUN_AFTER = re.compile(r"(?i)\s+(?:position|place|spot|rank|ranking)\b")
"""After "#1", a place's noun ("retained its #1 position"): a place in a ranking, not a label ("(#1)")."""
PLACE_ENDS = re.compile(r"\s*(?:[,.;:)]|$|\s(?i:on|among|behind|after|ahead|for|with|globally|worldwide|overall|"
                        r"out\s+of|of\s+(?:the\s+)?(?:\d+|[a-z]+)\s+(?:economies|countries|nations))\b"
                        r"|\s(?i:in)\s+(?:(?i:the)\s+)?[A-Z]"
                        r"|\s(?i:and|while)\s+(?:(?i:the)\s+)?[“\"]?[A-Z])")
"""After a place in words, the end of its phrase ("at number four, behind", "second position in the Global Innovation
Index", "in second place and Beijing in third place"): a place in a ranking, not the first word of a noun it ranks
("number one trading partner"), nor a place in a field ("first place in scientific services") or in a list the
sentence does not name ("in the list")."""


def _ranks(sentence: str) -> list[WordFigure]:
    p, found = _patterns(), []
    for m in p["rank"].finditer(sentence):
        if m.group("nw"):
            value = _cardinal_value(m.group("nw"))
        elif m.group("nd"):
            # "China is at number 11 in the Global Innovation Index", "rose to number 4, behind": a place in the
            # ranking, said after a placing word and ending its phrase; never a label ("the number 5 bus")
            if not placed_number(sentence, m.start()) \
                    or not (PLACE_ENDS.match(sentence, m.end()) or WHEN_AFTER.match(sentence, m.end())):
                continue
            found.append(WordFigure(m.start(), m.end(), float(m.group("nd")), "rank", ""))
            continue
        elif m.group("nn"):
            placed = p["rank_before"].search(sentence[max(0, m.start() - 30): m.start()])
            if not placed or placed.group(0).split()[0].lower() in ("at", "from", "to") \
                    and re.match(r"\s+(?-i:[A-Z])", sentence[m.end():]):
                continue  # "press release No. 231", "Decree No. 5": numbering; "at No. 10 Downing Street": an address
            value = float(m.group("nn"))
        elif m.group("hn"):
            value = float(m.group("hn"))
        elif m.group("j"):
            value = float(_ordinal_value(m.group("j")))
        elif m.group("tp") or m.group("ot"):  # "Switzerland retained the top spot", "ranked on top": first place
            group = "tp" if m.group("tp") else "ot"
            found.append(WordFigure(m.start(group), m.end(group), 1.0, "rank", ""))
            continue
        elif m.group("pl"):  # "ahead of the third-placed United States": a place
            found.append(WordFigure(m.start(), m.end(), float(_ordinal_value(m.group("pl"))), "rank", ""))
            continue
        else:
            if re.search(r"(?i)\bin\s+the\s+$", sentence[max(0, m.start() - 8): m.start()]) \
                    and re.match(r"(?i)(?:first|second)\s+place\b", m.group(0)):
                continue  # "in the first place", "in the second place": idioms
            if re.search(r"\b[a-z]+s\s+in\s+$", sentence[max(0, m.start() - 30): m.start()]):
                continue  # "the number of indicators in first place": what is counted, not a rank
            value = float(numbers.ORDINAL_WORDS[m.group("o").lower()])
        if value:
            # "retains its spot at number four, behind ...", "overtook the US for second position": a place said
            # with nothing after it that it ranks is a place in the ranking the text is about, as "fourth" is;
            # "the number one trading partner", "the second-largest economy" rank something else (no series);
            # "No. 1", "(#1)" stay labels
            superlative = m.group("o") and not re.match(
                rf"(?i)(?:first|second)\s+(?:{alternatives(vocabulary()['word_forms']['rank_after'])})\b", m.group(0))
            own = not superlative and (not m.group("nn") and not m.group("hn") and PLACE_ENDS.match(sentence, m.end())
                                       or bool(m.group("hn")) and bool(PLACE_NOUN_AFTER.match(sentence, m.end())))
            found.append(WordFigure(m.start(), m.end(), value, "rank", "" if own else "rank"))
    for m in (*p["elided"].finditer(sentence), *p["placed_in"].finditer(sentence), *p["from_place"].finditer(sentence)):
        # a place in the ranking the sentence has just placed something in: read as that ranking's, as "12th" is
        found.append(WordFigure(m.start("e"), m.end("e"), float(_ordinal_value(m.group("e"))), "rank", ""))
    bare = [WordFigure(m.start(g), m.end(g), float(_ordinal_value(m.group(g))), "rank", "rank")
            for m in p["bare_place"].finditer(sentence) for g in ("e", "n", "a", "b") if m.group(g)]
    places = sorted(found + bare, key=lambda f: f.start)
    for m in p["listed_place"].finditer(sentence):
        # "ranked first globally for X, sixth for Y, and eighth for Z": a place listed after a place (within 120
        # characters)
        if any(0 < m.start("e") - f.end <= 120 for f in places) \
                or p["place_said"].search(sentence, max(0, m.start() - 120), m.start()):
            bare.append(WordFigure(m.start("e"), m.end("e"), float(_ordinal_value(m.group("e"))), "rank", "rank"))
    return found + bare


def _magnitudes(sentence: str) -> list[WordFigure]:
    p, forms, found = _patterns(), vocabulary()["word_forms"], []
    for m in p["magnitude"].finditer(sentence):
        if m.group("m"):
            words = re.sub(r"\s+", " ", m.group("m").lower())
            value, unit = float(forms["magnitudes"][words]), "count"
            if "digit" in words and p["rate_after"].match(sentence, m.end()):
                unit = "percent"  # "double-digit growth"
        else:
            value, unit = numbers.SCALES[m.group("s").lower()], numbers.CURRENCY_WORDS[m.group("cur").lower()]
        found.append(WordFigure(m.start(), m.end(), value, unit, "magnitude", ">="))
    return found


def _shares(sentence: str) -> list[WordFigure]:
    found = []
    for m in _patterns()["share"].finditer(sentence):
        comparator, lead = _comparator(m)
        value = float(f"{100 / numbers.ORDINAL_WORDS[m.group('o').lower()]:.3g}")
        found.append(WordFigure(m.start() if not m.group("cmp") else m.start("cmp"), m.end(), value, "percent", "share",
                                comparator, lead))
    return found


def word_figures(sentence: str) -> list[WordFigure]:
    """The word forms of a sentence, in order, none overlapping another (the earlier kind in this order wins:
    "six-quarter high" is a streak, not a duration; "double-digit" a magnitude, not a multiple)."""
    found: list[WordFigure] = []
    taken = Taken(sentence)
    for reader in (_streaks, _magnitudes, _durations, _multiples, _ranks, _shares):
        for figure in reader(sentence):
            if taken.free(figure.start, figure.end):
                found.append(figure)
                taken.take(figure.start, figure.end)
    return sorted(found, key=lambda f: f.start)


def counted(sentence: str, start: int, end: int) -> bool:
    """A number word the reader read without a unit ("seven pillars", "occupying three") is a count, unless it is in
    a name ("World War Two", "the two sessions", the "new three" products), or counts periods (a duration or a
    period: "the first two months", "the seven-month period", read as durations or left out)."""
    p = _patterns()
    if sentence[start: start + 1].isupper() and not at_clause_start(sentence, start):
        return False
    if p["period_after"].match(sentence, end):
        return False
    return not any(a <= start and end <= b for a, b in _named_spans(sentence))


@functools.lru_cache(maxsize=4)  # asked once per number word of a sentence: scan the sentence once
def _named_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence names something whose words hold a number (the vocabulary's names and subjects)."""
    names = [(m.start(), m.end()) for m in _patterns()["names"].finditer(sentence)]
    return tuple(names + [(m.start, m.end) for m in mentions("subject", sentence)])
