"""Claim spotting: find the figures in an article's text, map each to a series in the store, and judge it.

`spot(text, store=...)` returns one `Candidate` per figure: the exact sentence, the figure's words
(`span`), its value, scale and unit, the comparator its wording implies, the period and entity,
the best-matching series from the store's own catalogue (with alternatives), and the verdict the
claims engine gives. Flags say what a reviewer must look at: `implausible-magnitude`,
`prediction`, `no-series`, `unit-mismatch`.

What the text calls each series, the unit words, comparator words and place names are data
(`catalogue_aliases.yaml` beside this module); number words and scales ("one trillion", "nine")
are read by the number-parser library. Layering: uses the store and the claims engine only.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from number_parser import parse_number as _library_number
from number_parser import parse_ordinal as _library_ordinal

from indicators import claims as engine
from indicators.claims import schema
from indicators.store import Store

MAX_BYTES = 200_000
ALIASES_PATH = Path(__file__).with_name("catalogue_aliases.yaml")
FLAGS = ("implausible-magnitude", "prediction", "no-series", "unit-mismatch")
UNIT_KINDS = {"CNY": "money", "USD": "money", "EUR": "money", "GBP": "money", "GW": "power", "MW": "power"}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
YEAR = re.compile(r"(?<![\d.,\-])(19\d{2}|20\d{2})(?![\d\-]|\.\d|st|nd|rd|th)")
DIGITS = re.compile(r"(?<![\w.,/#])(?P<sign>[+\-−])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                    r"(?:(?P<ord>st|nd|rd|th)|(?P<abbr>tn|trn|bn|mn))?(?![\w/])")
URL = re.compile(r"\b(?:https?://|www\.)\S+")
WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
BASE_BEFORE = re.compile(r"(that of|those of|from|since|than|compared with|compared to|versus|vs\.?)\s+$", re.I)
EARLIER_BEFORE = re.compile(r"\b(up|down|rising|falling|increased|decreased|grew|rose|fell)\s+from\s+$", re.I)


@lru_cache(maxsize=20_000)
def parse_number(words: str) -> int | None:
    """number-parser's reading of number words ("one trillion", "twenty-one"), memoised: the library
    rebuilds its language tables on every call (milliseconds), and an article repeats its words."""
    return _library_number(words, language="en")


@lru_cache(maxsize=20_000)
def parse_ordinal(word: str) -> int | None:
    """number-parser's reading of an ordinal word ("twelfth"), memoised; words not ending like one are skipped."""
    if not word.endswith(("st", "nd", "rd", "th")):
        return None
    return _library_ordinal(word, language="en")


class SpotError(ValueError):
    """The input cannot be spotted (too large, binary); the message says why in one line."""


@dataclass
class Match:
    source: str
    indicator: str
    entity: str | None
    period: str | None
    unit: str
    score: float
    product: str | None = None
    freq: str | None = None
    alternatives: list[dict] = field(default_factory=list)


@dataclass
class Candidate:
    sentence: str
    span: str
    start: int  # character offsets of the span in the input text
    end: int
    value: float | None
    scale: float
    value_unscaled: float | None
    unit: str
    comparator: str
    check: str
    step: float | None
    period: str | None
    entity: str | None
    role: str = "figure"  # "figure", "earlier" (an "up from" figure), "leader"
    match: Match | None = None
    verdict: str = ""
    explanation: str = ""
    loader: str = ""
    flags: list[str] = field(default_factory=list)
    coverage: str = "all"
    definition: str = ""
    precision: str = ""  # how the wording reads ("nearly 5.3 million": below it, within its last digit)
    total: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


# -- input -----------------------------------------------------------------------------------


def read_input(data: bytes | str, name: str = "input") -> str:
    """The text of a file or paste: SpotError past MAX_BYTES, for binary data or text that is not UTF-8."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_BYTES:
        raise SpotError(f"{name}: {len(raw):,} bytes is more than the {MAX_BYTES:,} bytes the spotter reads "
                        f"(an article is a few KB; split the text)")
    if b"\x00" in raw[:8192]:
        raise SpotError(f"{name}: binary data (NUL bytes): give plain text or Markdown")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpotError(f"{name}: not UTF-8 text (byte {exc.start}): give plain text or Markdown") from None


def split_front_matter(text: str) -> tuple[dict, int]:
    """YAML front matter (`---` ... `---` at the top) as a dict, and where the body starts."""
    match = re.match(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", text, re.S)
    if not match:
        return {}, 0
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, 0
    return (meta if isinstance(meta, dict) else {}), match.end()


def sentences(text: str, start: int = 0) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence of text[start:]: split at . ! ? before a capital and at blank lines."""
    found, paragraph = [], 0
    for block in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*", text[start:]):
        b0 = start + block.start()
        body = block.group(0)
        cut = 0
        for end in re.finditer(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])", body):
            piece = body[cut:end.start()]
            if _not_abbreviation(piece):
                found.append((b0 + cut, b0 + end.start(), paragraph))
                cut = end.end()
        found.append((b0 + cut, b0 + len(body.rstrip()), paragraph))
        paragraph += 1
    return [(s, e, p) for s, e, p in found if text[s:e].strip()]


def _not_abbreviation(piece: str) -> bool:
    return not re.search(r"\b(U\.S|No|Mr|Ms|Dr|St|vs|e\.g|i\.e)\.$", piece.rstrip("\"”’) "))


# -- aliases (data) --------------------------------------------------------------------------


@lru_cache(maxsize=4)
def aliases(path: str = str(ALIASES_PATH)) -> dict:
    """The alias file, with phrase lists compiled once."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    data["_unit_words"] = sorted(((w.lower(), unit) for unit, words in data["units"].items() for w in words),
                                 key=lambda pair: -len(pair[0]))
    data["_entity_words"] = [(re.compile(rf"(?<![\w]){re.escape(w)}(?![\w])", 0 if w[:1].isupper() else re.I), code)
                             for code, words in data["entities"].items() for w in sorted(words, key=len, reverse=True)]
    names = sorted({n for entry in data["series"] for n in entry.get("names", [])}, key=len, reverse=True)
    data["_series_names"] = re.compile("|".join(rf"(?<![\w]){re.escape(n)}(?![\w])" for n in names), re.I)
    data["_comparators"] = sorted(((w, c) for c, words in data["comparators"].items() for w in words),
                                  key=lambda pair: -len(pair[0]))
    return data


# -- the store's catalogue -------------------------------------------------------------------


_CATALOGUES: dict[tuple, list[dict]] = {}


def catalogue(store: Store) -> list[dict]:
    """One entry per series the store holds (source, indicator, unit, product where it narrows),
    with its entities, periods and values, and the names articles use for it (aliases, else the
    indicator's own name). Cached per version of the store."""
    key = (store.url, tuple(sorted(store.versions().items())))
    if key in _CATALOGUES:
        return _CATALOGUES[key]
    data = store.frame()
    named = aliases()["series"]
    entries = []
    for (source, indicator, unit), rows in data.groupby(["source", "indicator", "unit"], sort=False):
        products = sorted(set(rows["product"]))
        specs = [e for e in named if e["source"] == source and e["indicator"] == indicator]
        for spec in specs or [{"source": source, "indicator": indicator}]:
            product = spec.get("product")  # a series of one product needs no narrowing
            part = rows[rows["product"] == product] if product else rows
            if part.empty:
                continue
            names = spec.get("names") or [indicator.replace("_", " ").replace(".", " ").lower()]
            entries.append({
                "source": source, "indicator": indicator, "unit": unit, "product": product,
                "names": [n.lower() for n in names], "words": [w.lower() for w in spec.get("words", [])],
                "entities": set(part["entity"]), "periods": set(zip(part["entity"], part["period"], part["freq"])),
                "values": sorted(float(v) for v in part["value"] if math.isfinite(v) and v != 0),
                "part_unless": spec.get("part_unless"), "definition": spec.get("definition", ""),
                "leader_total": spec.get("leader_total"), "order": named.index(spec) if spec in named else len(named),
            })
    if len(_CATALOGUES) > 8:
        _CATALOGUES.clear()
    _CATALOGUES[key] = entries
    return entries


# -- figures in a sentence -------------------------------------------------------------------


@dataclass
class Figure:
    start: int  # offsets in the sentence
    end: int
    value: float
    scale: float
    unit: str | None
    decimals: int
    ordinal: bool = False
    words: bool = False  # written in words


def _scale_after(rest: str) -> tuple[float, int]:
    """(scale, characters used) for a scale word right after a number: million (the library), bn."""
    match = re.match(r"\s*([A-Za-z]+)\b", rest)
    if not match:
        return 1.0, 0
    word = match.group(1).lower()
    number = parse_number(word) if word in ("thousand", "million", "billion", "trillion") else None
    if number:
        return float(number), match.end()
    abbreviation = aliases()["scale_abbreviations"].get(word)
    if abbreviation:
        return float(abbreviation), match.end()
    return 1.0, 0


def _unit_after(rest: str) -> tuple[str | None, int]:
    """(unit, characters used) for a unit word right after the figure or within two words of it
    ("1.59 million patent applications", "six specific indicators"); "%" and "-percent" only right after."""
    low = rest.lower()
    for skipped in range(3):
        prefix = re.match(r"\s*" + r"(?:[a-z][a-z-]*\s+)" * skipped, low)
        if not prefix or (skipped and re.search(r"\b(and|or|of|in|to|from|for|that|than)\s", prefix.group(0))):
            break
        after = low[prefix.end():]
        for word, unit in aliases()["_unit_words"]:
            glued = word in ("%", "-percent", "-fold")
            if glued and skipped:
                continue
            if after.startswith(word) and (glued or not after[len(word):len(word) + 1].isalpha()):
                return unit, prefix.end() + len(word)
    return None, 0


def find_figures(sentence: str) -> list[Figure]:
    """The figures of one sentence (years, dates and identifiers left out), in order."""
    figures: list[Figure] = []
    sentence = URL.sub(lambda m: " " * len(m.group(0)), sentence)  # numbers in links are not figures
    for m in DIGITS.finditer(sentence):
        before, number = sentence[: m.start()], m.group("num")
        if re.search(r"\d-$", before) or re.match(r"-\d", sentence[m.end():]):
            continue  # a date or a range code like 2024-03-12
        if re.search(rf"\b({'|'.join(MONTHS)})\.?\s+$", before, re.I) or re.search(r"\bNo\.\s*$", before):
            continue  # "March 12", "No. 1"
        value = float(number.replace(",", ""))
        if m.group("sign") in ("-", "−"):
            value = -value
        scale, used = _scale_after(sentence[m.end():])
        if m.group("abbr"):
            scale, used = float(aliases()["scale_abbreviations"][m.group("abbr")]), 0
        unit, unit_used = _unit_after(sentence[m.end() + used:])
        sign = re.search(r"(US\$|[$¥€£])\s*$", before)
        if sign:
            unit = aliases()["currency_signs"][sign.group(1)]
        elif re.search(r"\b(RMB|CNY|yuan)\s*$", before):
            unit = "CNY"
        ordinal = bool(m.group("ord"))
        if ordinal or (unit is None and re.search(r"\btop[\s-]+$", before, re.I)):
            unit, unit_used = "rank", 0
        is_year = (YEAR.fullmatch(number) and not sign and scale == 1 and not ordinal and unit is None
                   and not m.group("sign"))
        if is_year or (unit == "rank" and not ordinal and re.search(r"\bof the top[\s-]+$", before, re.I)):
            continue  # a year is a period; "26 of the top 100 clusters" describes the series
        start = sign.start() if sign else m.start()
        decimals = len(number.split(".")[1]) if "." in number else 0
        figures.append(Figure(start, m.end() + used + unit_used, value, scale, unit, decimals, ordinal))
    figures += _word_figures(sentence, [(f.start, f.end) for f in figures])
    figures.sort(key=lambda f: f.start)
    _share_units(sentence, figures)
    for figure in figures:
        figure.unit = figure.unit or "count"
    return figures


def _word_figures(sentence: str, taken: list[tuple[int, int]]) -> list[Figure]:
    """Figures written in words: a run of number words (read by number-parser), with its scale word
    and unit; an ordinal word only after "ranked"/"ranks" (and not "ranks first in <n>")."""
    words = [w for w in WORD.finditer(sentence) if not any(a <= w.start() < b for a, b in taken)]
    found, index = [], 0
    while index < len(words):
        w = words[index]
        low = w.group(0).lower()
        if parse_number(low) is None:
            ordinal = parse_ordinal(low)
            before = sentence[: w.start()]
            if ordinal and re.search(r"\b(ranked|ranks|ranking|placed|came)\s+$", before, re.I) \
                    and not re.match(r"\s+in\s+(\w+)", sentence[w.end():]) :
                found.append(Figure(w.start(), w.end(), float(ordinal), 1.0, "rank", 0, True, True))
            index += 1
            continue
        run = [w]
        while index + len(run) < len(words):
            nxt = words[index + len(run)]
            gap = sentence[run[-1].end(): nxt.start()]
            token = nxt.group(0).lower()
            if gap.strip() not in ("", "-") or (token != "and" and parse_number(token) is None):
                break
            run.append(nxt)
        while run and run[-1].group(0).lower() == "and":
            run.pop()
        index += len(run)
        texts = [r.group(0).lower() for r in run]
        scale = 1.0
        if texts[-1] in ("million", "billion", "trillion", "thousand") and len(texts) > 1:
            scale = float(parse_number(texts[-1]))
            value = parse_number(" ".join(texts[:-1]))
        else:
            value = parse_number(" ".join(texts))
        if value is None or (len(texts) == 1 and texts[0] in ("million", "billion", "trillion", "thousand", "hundred")):
            continue
        end = run[-1].end()
        unit, used = _unit_after(sentence[end:])
        if unit is None and scale == 1 and not re.match(r"\s+(in total|times)\b", sentence[end:]):
            if not re.search(r"\b(and|with|having|followed with)\s+$", sentence[: run[0].start()]):
                continue  # "one of", "two sessions": a number word that carries no figure
        found.append(Figure(run[0].start(), end + used, float(value), scale, unit, 0, False, True))
    return found


def _share_units(sentence: str, figures: list[Figure]) -> None:
    """"21 and nine clusters": a figure without a unit takes the next one's across "and"; a scaled
    figure without a unit takes the previous scaled figure's ("1.59 million applications ... 3.4 million")."""
    for here, nxt in zip(reversed(figures[:-1]), reversed(figures[1:])):
        if here.unit is None and re.fullmatch(r"\s*(and|or|,|to)\s*", sentence[here.end: nxt.start]):
            here.unit = nxt.unit
    for index, figure in enumerate(figures):
        if figure.unit is None and figure.scale > 1:
            earlier = [f for f in figures[:index] if f.unit and f.scale > 1]
            if earlier:
                figure.unit = earlier[-1].unit


def comparator_for(before: str, figure: Figure) -> tuple[str, str]:
    """(comparator, the wording that set it) from the words just before the figure."""
    low = before.lower()
    if figure.unit == "rank":
        if re.search(r"\btop[\s-]+$", low):
            return "<=", re.search(r"\btop[\s-]+$", low).group(0)
        return "==", ""
    if re.search(r"\b(ranks?|ranked|ranking)\s+first\s+in\s+$", low):
        return f"count=={figure.value:g}", re.search(r"\b(ranks?|ranked|ranking)\s+first\s+in\s+$", low).group(0)
    for words, comparator in aliases()["_comparators"]:
        hit = re.search(rf"(?<![\w]){re.escape(words)}\s+(?:a total of\s+|the\s+)?$", low)
        if hit:
            return comparator, hit.group(0)
    return "~=", ""


def check_and_step(figure: Figure, comparator: str) -> tuple[str, float | None]:
    """The claims engine's check kind for this comparator and unit, and the step a rounded figure implies."""
    if comparator.startswith("count=="):
        return "count", None
    if comparator in (">", ">=", "<", "<="):
        return "threshold", None
    if comparator in ("==", "~=") and figure.unit in ("rank", "count") and figure.decimals == 0 and figure.scale == 1:
        return "exact", None
    return "rounded", 10.0 ** -figure.decimals if figure.decimals else 1.0


# -- period and entity -----------------------------------------------------------------------


def _years(sentence: str) -> list[tuple[int, str, bool]]:
    """(offset, year, is a comparison base) for each year in the sentence."""
    return [(m.start(), m.group(1), bool(BASE_BEFORE.search(sentence[: m.start()]))) for m in YEAR.finditer(sentence)]


def period_for(sentence: str, figure: Figure, earlier_years: list[str], published: date | None,
               main_period: str | None, role: str) -> str | None:
    """The figure's year: "last year"/"this year" right after it (relative to the published date),
    else the nearest year in the sentence that is not a comparison base ("that of 2022"), else the
    previous sentences' year; an "up from" figure is the year before the main figure's."""
    after = sentence[figure.end: figure.end + 30].lower()
    if published and re.match(r"\s*(last year|a year earlier|the previous year|the year before)", after):
        return str(published.year - 1)
    if published and re.match(r"\s*this year", after):
        return str(published.year)
    attached = re.match(r"\s*(?:in|for)\s+(19\d{2}|20\d{2})\b", after)
    if attached:
        return attached.group(1)
    if role == "earlier" and main_period and main_period.isdigit():
        return str(int(main_period) - 1)
    years = [(abs(offset - figure.start), year) for offset, year, base in _years(sentence) if not base]
    if years:
        return min(years)[1]
    if published and re.search(r"\bthis year\b", sentence, re.I):
        return str(published.year)
    if published and re.search(r"\blast year\b", sentence, re.I):
        return str(published.year - 1)
    return earlier_years[-1] if earlier_years else None


def entities_in(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of each place named in the sentence, longest names first, no overlaps."""
    found: list[tuple[int, int, str]] = []
    masked = aliases()["_series_names"].sub(lambda m: " " * len(m.group(0)), sentence)  # "Global Innovation Index"
    for pattern, code in aliases()["_entity_words"]:
        for m in pattern.finditer(masked):
            if not any(a < m.end() and m.start() < b for a, b, _ in found):
                found.append((m.start(), m.end(), code))
    return sorted(found)


def entity_for(sentence: str, figure: Figure, index: int, figures: list[Figure], earlier: list[str]) -> str | None:
    """The place a figure is about: "respectively" pairs the k-th figure with the k-th place; else a
    place named right after the figure ("3.4 million filed worldwide"), else the nearest one before."""
    places = entities_in(sentence)
    if re.search(r"\brespectively\b", sentence):
        before = [p for p in places if p[0] < figures[0].start]
        if len(before) >= len(figures):
            return before[index][2]
    following = [p for p in places if figure.end <= p[0] <= figure.end + 30
                 and (index + 1 >= len(figures) or p[0] < figures[index + 1].start)]
    if following:
        return following[0][2]
    preceding = [p for p in places if p[1] <= figure.start]
    same_clause = [p for p in preceding if not re.search(r"[,;:(]", sentence[p[1]: figure.start])]
    national = [p for p in preceding if p[2] != "WLD"]
    for group in ([p for p in same_clause if p[2] != "WLD"], same_clause, national, preceding):
        if group:
            return group[-1][2]
    return earlier[-1] if earlier else None


# -- matching --------------------------------------------------------------------------------


def _contains(text: str, phrase: str) -> int:
    """Offset of a phrase in the text as whole words (case-insensitive), or -1."""
    m = re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text)
    return m.start() if m else -1


def rank_series(candidate: Candidate, sentence: str, offset: int, entries: list[dict]) -> list[tuple[float, dict]]:
    """Every catalogue entry named in the sentence, scored: a name (more if near the figure), words
    near the figure, and whether the store holds the entity, the period and values of that size."""
    low = sentence.lower()
    spans = {id(entry): [(pos, pos + len(name)) for name in entry["names"] for pos in [_contains(low, name)] if pos >= 0]
             for entry in entries}
    longest = [span for found in spans.values() for span in found]
    scored = []
    for entry in entries:
        hits = [a for a, b in spans[id(entry)] if not any(x <= a and b <= y and (y - x) > (b - a) for x, y in longest)]
        if not hits:
            continue
        if candidate.entity and candidate.role != "leader" and candidate.entity not in entry["entities"]:
            continue
        distance = min(abs(pos - offset) for pos in hits)
        score = 0.5 + 0.15 * max(0.0, 1 - distance / 120)
        window = low[max(0, offset - 60): offset + 60]
        score += min(0.05, 0.02 * sum(1 for w in entry["words"] if _contains(window, w) >= 0))
        entity = candidate.entity if candidate.entity in entry["entities"] else None
        if candidate.role == "leader":
            entity = candidate.entity
        score += 0.1 if entity else 0.0
        if any(p == candidate.period for _, p, _ in entry["periods"]):
            score += 0.1
        if candidate.value_unscaled is not None and entry["values"] and _plausible(candidate.value_unscaled, entry["values"]):
            score += 0.1
        scored.append((round(score - entry["order"] * 1e-4, 4), entry))
    return sorted(scored, key=lambda pair: -pair[0])


def _plausible(value: float, values: list[float]) -> bool:
    """Within 10x of some stored value of the series."""
    return any(abs(v) / 10 <= abs(value) <= abs(v) * 10 for v in values)


def _match_of(entry: dict, candidate: Candidate, score: float) -> Match:
    entity = candidate.entity if candidate.entity in entry["entities"] else (
        "CHN" if "CHN" in entry["entities"] else sorted(entry["entities"])[0])
    freqs = {f for e, p, f in entry["periods"] if e == entity and p == candidate.period}
    return Match(source=entry["source"], indicator=entry["indicator"], entity=None if candidate.role == "leader" else entity,
                 period=candidate.period, unit=entry["unit"], score=round(min(score, 1.0), 2), product=entry["product"],
                 freq=sorted(freqs)[0] if freqs else ("A" if candidate.period and candidate.period.isdigit() else None))


# -- the API ---------------------------------------------------------------------------------


def spot(text: str, *, store: Store, published: str | date | None = None, as_of: str | None = None) -> list[Candidate]:
    """Every figure in `text` (plain text or Markdown, front matter allowed) as a judged Candidate."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise SpotError(f"text: more than the {MAX_BYTES:,} bytes the spotter reads")
    meta, body_start = split_front_matter(text)
    published = published or meta.get("published")
    published_date = _as_date(published)
    entries = catalogue(store)
    evidence = engine.Evidence(store, as_of)
    found: list[Candidate] = []
    paragraph_years: dict[int, list[str]] = {}
    paragraph_places: dict[int, list[str]] = {}
    for s0, s1, paragraph in sentences(text, body_start):
        sentence = text[s0:s1]
        if sentence.lstrip().startswith("#") and not DIGITS.search(sentence):
            continue
        earlier_years = paragraph_years.setdefault(paragraph, [])
        earlier_places = paragraph_places.setdefault(paragraph, [])
        figures = find_figures(sentence)
        main_period = None
        here: list[Candidate] = []
        for index, figure in enumerate(figures):
            before = sentence[: figure.start]
            role = "earlier" if EARLIER_BEFORE.search(before) else "figure"
            comparator, wording = comparator_for(before, figure)
            check, step = check_and_step(figure, comparator)
            comparator = "==" if check == "exact" else comparator
            period = period_for(sentence, figure, earlier_years, published_date, main_period, role)
            if role == "figure" and main_period is None:
                main_period = period
            span_start = figure.start - len(wording)
            precision = ""
            if comparator == "<" and re.match(r"\s*(nearly|almost|close to|just under)\b", wording, re.I):
                unit_step = 10.0 ** -figure.decimals if figure.decimals else 1.0
                precision = (f"“{wording.strip()}” reads as below {figure.value:g} and within one step of the last digit "
                             f"([{figure.value - unit_step:g}, {figure.value:g}) × {figure.scale:g}); the engine checks the “<” side")
            candidate = Candidate(
                sentence=sentence, span=sentence[span_start: figure.end].strip(), start=s0 + span_start, end=s0 + figure.end,
                value=figure.value, scale=figure.scale, value_unscaled=figure.value * figure.scale,
                unit=figure.unit or "count", comparator=comparator, check=check, step=step, period=period,
                entity=entity_for(sentence, figure, index, figures, earlier_places), role=role, precision=precision,
            )
            here.append(candidate)
        here += _leaders(sentence, s0, earlier_years, earlier_places, entries)
        for candidate in sorted(here, key=lambda c: c.start):
            _judge(candidate, sentence, candidate.start - s0, entries, evidence, published_date)
            found.append(candidate)
        earlier_years += [y for _, y, base in _years(sentence) if not base]
        earlier_places += [code for _, _, code in entities_in(sentence)]
    return found


def _leaders(sentence: str, s0: int, years: list[str], places: list[str], entries: list[dict]) -> list[Candidate]:
    """"topped the list of countries with the most X", "hosts most X": a claim of rank 1 without a figure;
    the span runs to the end of the first series name after the wording."""
    low = sentence.lower()
    names = sorted({name for entry in entries for name in entry["names"]}, key=len, reverse=True)
    for words in aliases()["leader_words"]:
        at = _contains(low, words)
        if at < 0:
            continue
        tail = low[at + len(words):]
        ends = [pos + len(name) for name in names for pos in [_contains(tail, name)] if 0 <= pos <= 60]
        stop = at + len(words) + (min(ends) if ends else (re.search(r"[,.;:(]|$", tail).start()))
        figure = Figure(at, stop, 1.0, 1.0, "rank", 0)
        preceding = [p for p in entities_in(sentence) if p[1] <= at and p[2] != "WLD"]
        entity = preceding[-1][2] if preceding else next((p for p in reversed(places) if p != "WLD"), None)
        here_years = [y for _, y, base in _years(sentence) if not base]
        period = here_years[0] if here_years else (years[-1] if years else None)
        return [Candidate(sentence=sentence, span=sentence[at:stop].strip(), start=s0 + at, end=s0 + stop, value=1.0,
                          scale=1.0, value_unscaled=None, unit="rank", comparator="rank==1", check="leader", step=None,
                          period=period, entity=entity or "CHN", role="leader")]
    return []


def _judge(candidate: Candidate, sentence: str, offset: int, entries: list[dict], evidence: engine.Evidence,
           published: date | None) -> None:
    """Match the candidate to a series, set its flags, and judge it with the claims engine."""
    if _is_prediction(sentence, candidate, published):
        candidate.flags.append("prediction")
    unit = "count" if candidate.role == "leader" else candidate.unit
    ranked = rank_series(candidate, sentence, offset, entries)
    same_unit = [(s, e) for s, e in ranked if e["unit"] == unit]
    if same_unit:
        score, best = same_unit[0]
        candidate.match = _match_of(best, candidate, score)
        if candidate.entity is None and candidate.role != "leader":
            candidate.entity = candidate.match.entity
        candidate.match.alternatives = [_alternative(e, s) for s, e in same_unit[1:4]]
        if best["part_unless"] and not any(_contains(sentence.lower(), w) >= 0 for w in best["part_unless"]):
            candidate.coverage, candidate.definition = "part", best["definition"]
        if best["leader_total"] and candidate.role == "leader":
            candidate.total = int(best["leader_total"])
        if candidate.value_unscaled is not None and best["values"] and not _plausible(candidate.value_unscaled, best["values"]):
            candidate.flags.append("implausible-magnitude")
    else:
        related = [(s, e) for s, e in ranked if UNIT_KINDS.get(e["unit"]) and UNIT_KINDS.get(e["unit"]) == UNIT_KINDS.get(unit)]
        if related:
            score, best = related[0]
            candidate.match = _match_of(best, candidate, score)
            candidate.flags.append("unit-mismatch")
        else:
            candidate.flags.append("no-series")
    if "prediction" in candidate.flags:
        candidate.check = "opinion"
        result = engine.check_one(to_claim(candidate, "c"), evidence)
    elif "no-series" in candidate.flags:
        candidate.verdict = "unverifiable"
        candidate.loader = "none known"
        candidate.explanation = ("Unverifiable with the bundled data: no series in the store measures this figure "
                                 f"(“{candidate.span}”, unit {candidate.unit}). The loader that would fetch it: none known.")
        return
    elif "unit-mismatch" in candidate.flags:
        candidate.verdict = "unverifiable"
        candidate.loader = f"indicators refresh --source {candidate.match.source}"
        candidate.explanation = (f"Unverifiable as stated: the text gives {candidate.unit}, the closest series "
                                 f"({candidate.match.source}/{candidate.match.indicator}) is in {candidate.match.unit}.")
        return
    else:
        result = engine.check_one(to_claim(candidate, "c"), evidence)
    candidate.verdict, candidate.explanation, candidate.loader = result.verdict, result.explanation, result.loader


def _alternative(entry: dict, score: float) -> dict:
    return {"source": entry["source"], "indicator": entry["indicator"], "unit": entry["unit"],
            "product": entry["product"], "score": round(min(score, 1.0), 2)}


def _is_prediction(sentence: str, candidate: Candidate, published: date | None) -> bool:
    low = f" {sentence.lower()} "
    if any(words in low for words in aliases()["prediction_words"]):
        return True
    year_now = published.year if published else date.today().year
    return bool(candidate.period and candidate.period[:4].isdigit() and int(candidate.period[:4]) > year_now)


def _as_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    for candidate in (text, f"{text}-01" if len(text) == 7 else None, f"{text}-01-01" if len(text) == 4 else None):
        try:
            return date.fromisoformat(candidate) if candidate else None
        except ValueError:
            continue
    raise SpotError(f"published date {value!r} is not a date (YYYY-MM-DD)")


# -- claims files ----------------------------------------------------------------------------


def to_claim(candidate: Candidate, claim_id: str) -> dict:
    """The candidate as a claim in the claims schema (docs/claims.md), the sentence as `quote`."""
    claim = {"id": claim_id, "quote": candidate.sentence.strip(), "check": candidate.check}
    if candidate.check == "opinion":
        reason = ("A projection about a future period: a forecast is not a checkable fact."
                  if "prediction" in candidate.flags else "Not checked.")
        return {**claim, "claim": candidate.span, "reason": reason}
    match = candidate.match
    stated = {"value": _number(candidate.value), "scale": _number(candidate.scale), "unit": candidate.unit,
              "comparator": candidate.comparator, "text": candidate.span}
    if candidate.check == "leader":
        stated["unit"] = "rank"
    series = {"source": match.source, "indicator": match.indicator}
    for key in ("entity", "product", "period", "freq"):
        if getattr(match, key):
            series[key] = getattr(match, key)
    series["unit"] = match.unit
    claim.update(stated=stated, series=series, loader=f"indicators refresh --source {match.source}")
    if candidate.check == "rounded":
        claim["step"] = _number(candidate.step)
    if candidate.check == "leader":
        claim["entity"] = candidate.entity
        if candidate.total:
            claim["total"] = candidate.total
    if candidate.coverage == "part":
        claim.update(coverage="part", definition=candidate.definition)
    if candidate.precision:
        claim["precision"] = candidate.precision
    return claim


def draft_entries(candidates: list[Candidate]) -> tuple[list[dict | None], list[str]]:
    """Per candidate, its claim for a draft claims file (None when it cannot be drafted: no series in
    the store, a unit the series does not use, or a second projection in one sentence), with unique
    ids; and the comment lines naming those left out."""
    used, entries, left_out, opinions = set(), [], [], set()
    for candidate in candidates:
        if candidate.check == "opinion":
            if candidate.sentence in opinions:
                entries.append(None)  # one opinion claim per sentence
                continue
            opinions.add(candidate.sentence)
        elif "no-series" in candidate.flags or "unit-mismatch" in candidate.flags:
            left_out.append(f"not drafted ({', '.join(candidate.flags)}): “{candidate.span}” in “{candidate.sentence.strip()[:120]}”")
            entries.append(None)
            continue
        base = _slug(candidate)
        claim_id, n = base, 2
        while claim_id in used:
            claim_id, n = f"{base}-{n}", n + 1
        used.add(claim_id)
        claim = to_claim(candidate, claim_id)
        schema.validate(claim, len(entries))
        entries.append(claim)
    return entries, left_out


def draft_claims(candidates: list[Candidate], meta: dict | None = None) -> tuple[dict, list[str]]:
    """A draft claims file (a mapping with `claims`) from the candidates that can be judged, and the
    comment lines naming those left out."""
    entries, left_out = draft_entries(candidates)
    document = {"claims": [claim for claim in entries if claim]}
    if meta:
        document = {"article": meta, **document}
    return document, left_out


def draft_header(source_name: str = "", left_out: list[str] = ()) -> str:
    """The comment lines at the top of a draft: it is a draft to review, and what was left out."""
    lines = [f"# Draft claims spotted by `indicators spot` from {source_name or 'a text'}: review every claim",
             "# (wording, comparator, step, series) before relying on it; check with `indicators check --claims FILE`."]
    return "\n".join(lines + [f"# {line}" for line in left_out]) + "\n"


def draft_yaml(candidates: list[Candidate], source_name: str = "", meta: dict | None = None) -> str:
    """The draft claims file as YAML text, with a header saying it is a draft to review."""
    document, left_out = draft_claims(candidates, meta)
    return draft_header(source_name, left_out) + yaml_text(document)


def yaml_text(data) -> str:
    """YAML as the drafts write it: keys in order, Unicode kept, lines up to 120 characters."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


def _slug(candidate: Candidate) -> str:
    indicator = candidate.match.indicator if candidate.match else ("projection" if candidate.check == "opinion" else "figure")
    words = re.sub(r"[^a-z0-9]+", "-", f"{indicator} {candidate.period or ''} {candidate.entity or ''}".lower()).strip("-")
    return words[:60].strip("-") or "claim"


def _number(value):
    return int(value) if value is not None and float(value).is_integer() and abs(value) < 1e15 else value


def format_table(candidates: list[Candidate]) -> str:
    """A readable listing: verdict, figure, series, flags, explanation."""
    if not candidates:
        return "no figures found in the text"
    lines = []
    for c in candidates:
        series = (f"{c.match.source}/{c.match.indicator} {c.match.entity or ''} {c.match.period or ''} "
                  f"(score {c.match.score:.2f})" if c.match else "none")
        lines.append(f"[{c.verdict.upper()}] {c.span}")
        lines.append(f"  sentence: {c.sentence.strip()}")
        lines.append(f"  figure:   {c.value:g} × {c.scale:g} {c.unit} {c.comparator} ({c.check})  period {c.period or '?'}  "
                     f"entity {c.entity or '?'}" + (f"  [{c.role}]" if c.role != "figure" else ""))
        lines.append(f"  series:   {series.strip()}")
        if c.flags:
            lines.append(f"  flags:    {', '.join(c.flags)}")
        lines.append(f"  why:      {c.explanation}")
        lines.append("")
    counts: dict[str, int] = {}
    for c in candidates:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    lines.append(f"{len(candidates)} candidate(s): " + ", ".join(f"{v} {n}" for v, n in counts.items()))
    return "\n".join(lines)
