"""The vocabulary (vocabulary.yaml beside this module): words -> the catalogue's dimension values.

`vocabulary()` loads it once and compiles one alternation per dimension, so that a sentence is
scanned once per dimension (`mentions`), whatever the number of figures in it. `validate()` checks
every value against the catalogue's dimensions (tests/integration/test_spot.py runs it).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from indicators import cache, catalogue, numbers, yamlfile

PATH = Path(__file__).with_name("vocabulary.yaml")
DIMENSIONS = ("measure", "subject", "basis")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    value: str  # the dimension value (a measure, subject, basis, place code)
    words: str


SPACE = r"[\s“”\"]+"
"""Between the words of a phrase: spaces, and quote marks set around some of them ("new “three major” products")."""


def _phrase_key(text: str) -> str:
    """A matched phrase as the vocabulary spells it (lower case, quote marks and runs of spaces as one space)."""
    return re.sub(SPACE, " ", text).strip().lower()


def alternatives(words) -> str:
    """Words as a regular expression's alternatives, escaped, the longest first ("lithium-ion batteries" is tried
    before "batteries"); "" for none."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _alternation(pairs: list[tuple[str, str]]) -> tuple[re.Pattern, dict[str, str]]:
    """One regex for every phrase (longest first), and phrase (lower case) -> value; a phrase
    starting with a capital letter and written in capitals ("EV", "PCT", "GAC") matches case-sensitively."""
    pairs = sorted(pairs, key=lambda p: -len(p[0]))
    lookup: dict[str, str] = {}
    parts = []
    for words, value in pairs:
        key = _phrase_key(words)
        if key in lookup:
            continue
        lookup[key] = value
        body = re.escape(words).replace(r"\ ", SPACE)  # "the new “three major” products": quotes between words
        exact = len(words) > 1 and words.replace("&", "").replace(" ", "").isupper() and words.isascii()
        parts.append(body if exact else f"(?i:{body})")
    pattern = re.compile(r"(?<![\w&$])(?:" + "|".join(parts) + r")(?![\w&])") if parts else re.compile(r"(?!x)x")
    return pattern, lookup


@cache.memo("spot: vocabulary", 2)
def vocabulary(path: str = str(PATH)) -> dict:
    data = yamlfile.load(path)
    compiled = {}
    for dimension in DIMENSIONS:
        compiled[dimension] = _alternation([(w, value) for value, words in data[dimension].items() for w in words])
    places = {code: list(words) for code, words in data["places"].items()}
    for code, (name, aliases) in catalogue.economies().items():
        places.setdefault(code, [])
        places[code] += [name, *aliases]
    known = {w.lower() for words in places.values() for w in words}
    for code, words in (data.get("counterparts") or {}).items():  # regions named only as partners ("Middle East")
        places.setdefault(code, []).extend(w for w in words if w.lower() not in known)
    data["_places"] = places
    dropped = set(data.get("not_places") or [])
    compiled["place"] = _alternation([(w, code) for code, words in places.items() for w in words
                                      if len(w) > 1 and w not in dropped])
    declines = decline_words()
    extra = {("growth_rate", "before"): declines, ("growth_rate", "after"): sorted(numbers.DECLINE_NOUNS)}
    for kind in ("growth_rate", "share"):
        for side in ("before", "after"):
            words = sorted({*data["transformation"][kind][side], *extra.get((kind, side), ())}, key=len, reverse=True)
            compiled[f"{kind}_{side}"] = words
    negative = {*data["transformation"]["growth_rate"]["negative"], *declines}
    negative = alternatives(negative)
    compiled["negative"] = re.compile(rf"(?i)(?<![\w])(?:{negative})(?![\w])")
    gerunds = alternatives(data["transformation"]["growth_rate"]["decline_gerunds"])
    compiled["decline_gerund_before"] = re.compile(rf"(?i)(?<![\w])(?:{gerunds})\s+(?:by\s+)?$")
    narrowing = alternatives([*data["exclusions"], *data["scope_qualifiers"]])
    compiled["scope_qualifier"] = re.compile(rf"(?i)(?<![\w])(?:{narrowing})(?![\w])")
    compiled["measured_otherwise"] = {kind: re.compile(rf"(?i)(?<![\w])(?:{alternatives(words)})(?![\w])")
                                      for kind, words in (data.get("measured_otherwise") or {}).items() if words}
    domestic = alternatives(data.get("domestic_market_words") or [])
    compiled["domestic_market_before"] = re.compile(rf"(?i)\b(?:{domestic})\s+$") if domestic else None
    market = alternatives(data.get("market_after_sales") or [])
    compiled["market_after_sales"] = re.compile(rf"(?i)\s+(?:{market})(?![\w])") if market else None
    compiled["market_after_figure"] = re.compile(rf"(?i)(?:\s+[\w-]+){{0,3}}?\s+(?:{market})(?![\w])") if market else None
    groups = alternatives(data.get("actor_groups") or [])
    compiled["actor_group"] = re.compile(rf"(?<![\w])(?:{groups})(?![\w])") if groups else None
    sectors = alternatives(data.get("sector_words") or [])
    compiled["sector"] = re.compile(rf"(?i)(?<![\w])({sectors})(?:['’]s)?\s+(?:(?:spending|expenditures?|investment|"
                                    rf"funding|outlays?|budgets?)\s+(?:on|in|for)\s+)?$") if sectors else None
    # "The US federal government spent 0.7% ...", "Businesses in China invested": a sector as the spender
    compiled["sector_spender"] = re.compile(
        rf"(?i)(?<![\w])({sectors})(?:['’]s)?\s+(?:in\s+(?:the\s+)?(?-i:[A-Z])[\w.]*\s+)?(?:[a-z]+\s+)?"
        rf"(?:spent|spends|spend|invested|invests|invest|devoted|devotes|devote|funded|funds|fund|allocated|allocates|"
        rf"allocate)\s+(?:(?:about|around|roughly|nearly|almost|just|only|some|over|under)\s+)?$") if sectors else None
    after = alternatives(data.get("subject_qualifiers_after") or [])
    compiled["subject_after"] = re.compile(rf"(?i)\s+({after})(?![\w])") if after else None
    world = alternatives(data.get("world_cues") or [])
    compiled["world_cue"] = re.compile(rf"(?<![\w])(?:{world})(?![\w])") if world else None
    idle = alternatives(data.get("idle_phrases") or [])
    compiled["idle"] = re.compile(rf"(?i)(?<![\w])(?:{idle})(?![\w])") if idle else None
    compiled["organisation"], compiled["attribution"] = _organisation_patterns(data["organisations"])
    data["_compiled"] = compiled
    data["_unit_words"] = sorted(((w.lower(), unit) for unit, words in data["units"].items() for w in words),
                                 key=lambda pair: -len(pair[0]))
    data["_comparators"] = sorted(((w, c) for c, words in data["comparators"].items() for w in words),
                                  key=lambda pair: -len(pair[0]))
    data["_equivalent"] = {m: set(v) for m, v in (data.get("measure_equivalent") or {}).items()}
    data["_related"] = {m: set(v) for m, v in (data.get("measure_related") or {}).items()}
    return data


def _organisation_patterns(words: dict) -> tuple[re.Pattern, re.Pattern]:
    """A capitalised name ending in an organisation word ("Mitsubishi Electric Corporation", "Tsinghua
    University") or one starting with it ("University of Texas System"), or a role ("the top applicant"); and the
    attribution words that, right before a name, make it the source."""
    kinds = alternatives(words["words"])
    word = r"[A-Z][\w&'-]*\.?"  # a capitalised word; joined by "of", "and", "for", "&" within a name
    ending = rf"\b{word}(?:\s+(?:(?:of|and|for|&)\s+)?{word}){{0,5}}\s+(?:{kinds})\b\.?"  # the longest name
    starting = rf"\b(?:{kinds}) of (?:[A-Z][\w&'-]*)(?:\s+[A-Z][\w&'-]*){{0,3}}"
    roles = alternatives(words["roles"])
    nouns, saying = alternatives(words["anaphora_nouns"]), alternatives(words["saying"])
    anaphor = (rf"\bthe\s+(?:{nouns})(?=\s*,|\s+(?:{alternatives(words['anaphora_next'])})\b)"
               rf"|\bthe\s+(?:{nouns}|group)(?=\s+(?:{saying})\s+(?:that\s+)?(?:{alternatives(words['own_after_saying'])})\b)"
               rf"|\bthe\s+group(?=\s+(?:{alternatives(words['group_next'])})\b)")
    organisation = re.compile(rf"{starting}|{ending}|(?i:\b(?:{roles})\b|{anaphor})")
    sources = alternatives(words["attributions"])
    attribution = re.compile(rf"(?i)\b(?:{sources})\s+(?:the\s+)?(?:[A-Z][\w&'-]*\s+){{0,3}}$")
    return organisation, attribution


def decline_words() -> list[str]:
    """The words that make a change a fall ("fell", "a decline of"): their one home is the number reader's
    `numbers.DECLINE_VERBS` and `DECLINE_NOUNS`; the vocabulary's `growth_rate.negative` adds phrases the reader
    does not sign a number with ("lower than")."""
    return sorted(numbers.DECLINE_VERBS | numbers.DECLINE_NOUNS)


def mentions(dimension: str, sentence: str) -> list[Mention]:
    """Every phrase of one dimension ("measure", "subject", "basis", "place") in the sentence, in order; none
    inside an idle phrase ("a number of"). A fresh list each call (the mentions are frozen, kept per sentence)."""
    return list(_mentions(dimension, sentence))


@cache.memo("spot: mentions", 1024)
def _mentions(dimension: str, sentence: str) -> tuple[Mention, ...]:
    """`mentions`, read once per dimension and sentence (a figure's frame asks for the same ones many times)."""
    compiled = vocabulary()["_compiled"]
    pattern, lookup = compiled[dimension]
    idle = [m.span() for m in compiled["idle"].finditer(sentence)] if compiled["idle"] else []
    starts = [a for a, _ in idle]  # idle phrases do not overlap (one finditer): the one before a mention is enough
    return tuple(Mention(m.start(), m.end(), lookup[_phrase_key(m.group(0))], m.group(0))
                 for m in pattern.finditer(sentence) if not idle or not _inside(m.start(), idle, starts))


def _inside(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `position` lies in one of the sorted, non-overlapping `spans` (their `starts`): a binary search."""
    i = bisect.bisect_right(starts, position) - 1
    return i >= 0 and position < spans[i][1]


ECONOMY_ROLE = re.compile(r"(?i),?\s+(?:(?:is|was|remains|remained|became|as)\s+)?(?:the\s+)?"
                          r"(?:world'?s\s+|global\s+|(?:second|third|fourth|fifth)[\s-]+)?")
"""Between an economy and a role it holds ("China, the world's largest filer", "the US remained the top filer")."""


SOURCE_NOUN_AFTER = re.compile(r"(?i)\s+(?:latest\s+|monthly\s+|annual\s+|new\s+)?(?:data|figures|statistics|report|"
                               r"survey|estimates?|numbers|release|tally)\b")
"""After an organisation's name, a noun making it the source of the figures ("The group's data showed")."""


@functools.cache  # load once: derived from the vocabulary shipped in the package
def city_names() -> frozenset[str]:
    """Names of an economy that also name a city in it (vocabulary.yaml `city_names_of_economies`), lower case."""
    return frozenset(name.lower() for name in vocabulary().get("city_names_of_economies") or ())


@functools.lru_cache(maxsize=4)  # asked once per figure of a sentence: read the sentence once
def organisations(sentence: str) -> tuple[Mention, ...]:
    """Organisations named in the sentence as what is counted ("Mitsubishi Electric Corporation", "the University
    of California", "the top applicant"), not as a source ("according to Peking University"), as
    `other:company` mentions (vocabulary.yaml `organisations`)."""
    compiled = vocabulary()["_compiled"]
    found = []
    places = [p for p in mentions("place", sentence) if p.value != "WLD"]
    for match in compiled["organisation"].finditer(sentence):
        if compiled["attribution"].search(sentence[max(0, match.start() - 40): match.start()]):
            continue
        if match.group(0)[:1].islower() and any(ECONOMY_ROLE.fullmatch(sentence, p.end, match.start()) for p in places):
            continue  # "China, the world's largest filer": a role the economy before it holds, not an organisation
        if SOURCE_NOUN_AFTER.match(sentence, match.end()):
            continue  # "The group's data showed vehicle exports rose": the source of the figures, not their owner
        found.append(Mention(match.start(), match.end(), "other:company", match.group(0)))
    return tuple(found)


def scope_qualifier(sentence: str) -> str | None:
    """The words that narrow what the sentence counts ("excluding", "other than"), if any."""
    found = vocabulary()["_compiled"]["scope_qualifier"].search(sentence)
    return found.group(0) if found else None


def measured_otherwise(sentence: str, kinds: set[str], own_words: str) -> str | None:
    """Words of the sentence measuring its figure another way than a series counting `kinds` of things at its level
    ("by value" beside unit sales, "retail", "in rural areas"; vocabulary `measured_otherwise`), if any; never words
    the series' own name or definition (`own_words`, lower case) says."""
    for kind, pattern in vocabulary()["_compiled"]["measured_otherwise"].items():
        if kind == "any" or kind in kinds:
            for found in pattern.finditer(sentence):
                if found.group(0).lower() not in own_words:
                    return found.group(0)
    return None


def actor_group(words: str) -> str | None:
    """A group of actors named in the words (lowercase: "foreign brands", "foreign applicants"; not "Automobile
    Manufacturers" in a compiler's name), if any: a figure after it may count only that group's part."""
    pattern = vocabulary()["_compiled"]["actor_group"]
    found = pattern.search(words) if pattern else None
    return found.group(0) if found else None


def sector_qualifier(words: str, subject: str) -> str | None:
    """The sector right before the last mention of `subject` in the words, or before a spending word and "on" it
    ("Corporate spending on R&D", "business R&D"), if any (`sector_words`): the figure may be that sector's part."""
    pattern = vocabulary()["_compiled"]["sector"]
    found = [m for m in mentions("subject", words) if m.value == subject]
    sector = pattern.search(words[: found[-1].start]) if pattern and found else None
    if sector is None and not found and pattern:  # "The US federal government spent 0.7% of GDP on R&D": the spender
        sector = vocabulary()["_compiled"]["sector_spender"].search(words)
    return sector.group(1) if sector else None


MODIFIER = re.compile(r"([A-Za-z][\w'-]*)\s+$")


def narrowing_modifier(words: str, subject: str) -> str | None:
    """The word right before the last mention of `subject` in the words when it may narrow it ("luxury" in
    "luxury car sales"): not a neutral modifier (vocabulary.yaml), not part of another known phrase; or a
    qualifier right after it ("cars priced above 300,000 yuan"); else None."""
    found = [m for m in mentions("subject", words) if m.value == subject]
    if not found:
        return None
    after = vocabulary()["_compiled"]["subject_after"]
    following = after.match(words, found[-1].end) if after else None
    if following:
        return following.group(1)
    before = MODIFIER.search(words[: found[-1].start])
    if before is None:
        return None
    word = before.group(1)
    if word.lower() in {w.lower() for w in vocabulary().get("neutral_modifiers") or ()} or word.isupper():
        return None
    known = [m for d in ("subject", "place", "measure", "basis") for m in mentions(d, words)]
    if any(m.start <= before.start(1) < m.end for m in known):
        return None
    return word


def world_cue(sentence: str) -> str | None:
    """Words that speak of the world's total without naming a place ("in total", "WIPO reports"), if any."""
    pattern = vocabulary()["_compiled"]["world_cue"]
    found = pattern.search(sentence) if pattern else None
    return found.group(0) if found else None


def counterpart_code(place: str, words: str) -> str:
    """The partner code a series kept per partner uses for a place ("Europe" -> region:Europe, "Pakistan" -> PAK):
    the vocabulary's `counterparts` for a region's words, else the place's own code."""
    for code, names in (vocabulary().get("counterparts") or {}).items():
        if words.lower() in (n.lower() for n in names):
            return code
    return place


def unit_kind(unit: str | None) -> str | None:
    return vocabulary()["unit_kinds"].get(unit) if unit else None


def measures_agree(stated: str, series: str) -> bool:
    """A stated measure and a series' measure agree: equal, or equivalent (output is production)."""
    return stated == series or series in vocabulary()["_equivalent"].get(stated, set())


def measures_related(stated: str, series: str) -> bool:
    return measures_agree(stated, series) or series in vocabulary()["_related"].get(stated, set())


def validate(path: str = str(PATH)) -> list[str]:
    """Problems of the vocabulary file: values that are not the catalogue's dimension values."""
    data = yamlfile.load(path)
    dims = catalogue.dimensions()
    problems = []
    for dimension in DIMENSIONS:
        for value, words in data[dimension].items():
            if str(value).startswith("other:"):
                continue  # named so that it is not matched: not a catalogue value
            if value not in dims[dimension]:
                problems.append(f"{dimension}: {value!r} is not in dimensions.yaml")
            if not words:
                problems.append(f"{dimension}: {value!r} has no words")
    for measure, equal in [*(data.get("measure_equivalent") or {}).items(), *(data.get("measure_related") or {}).items()]:
        problems += [f"measure_equivalent: {v!r} is not a measure" for v in [measure, *equal] if v not in dims["measure"]]
    for subject, measure in (data.get("counted_as") or {}).items():
        problems += [f"counted_as: {subject!r} is not a subject"] if subject not in dims["subject"] else []
        problems += [f"counted_as: {measure!r} is not a measure"] if measure not in dims["measure"] else []
    for kind in data["transformation"]:
        if kind not in dims["transformation"]:
            problems.append(f"transformation: {kind!r} is not in dimensions.yaml")
    for unit, kind in data["unit_kinds"].items():
        if kind not in dims["kind"]:
            problems.append(f"unit_kinds: {unit}: {kind!r} is not a kind in dimensions.yaml")
    return problems
