"""Claim spotting: find the figures in an article's text, read what each measures, map it to a series, judge it.

`spot(text, store=..., published=...)` returns one `Candidate` per figure: the exact sentence, the
figure's words (`span`), value, scale and unit, the comparator its wording implies, the period and
entity, its frame (measure, subject, basis, transformation, and where each came from), the series
that agrees with every dimension the text determines (with alternatives and a mapping confidence),
and the verdict. It abstains rather than accuses: `contradicted`/`misleading` only on a fully
determined frame; otherwise `needs-review` with the alternatives; `unverifiable` (flag `no-series`)
when the store holds nothing that measures the figure.

The package follows its seams: `text` (input, sentences, dates), `figures` (the numbers seam:
`read_figures(sentence)`), `vocabulary` (words -> dimension values, data in vocabulary.yaml),
`frames` (each figure read in its sentence and the article's context), `matching` (the store's
series described by the catalogue, matched by dimensions), `drafting` (claims, judging in one
batch, draft files). Layering: store, catalogue, derive and claims only.

Cost is linear in the text: each sentence is scanned once per dimension; a text past the budget
(`MAX_FIGURES` figures, `MAX_SENTENCE_FIGURES` in one sentence) is cut with one note in `.notes`.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import asdict, dataclass, field
from datetime import date

from indicators import cache, catalogue, numbers
from indicators.spot import drafting, frames, matching
from indicators.spot.drafting import (draft_claims, draft_entries, draft_header, draft_yaml, format_table, own_article,
                                      to_claim, yaml_text)
from indicators.spot.figures import (Figure, aliases, check_and_step, comparator_for, find_figures, places_listed,
                                     read_figures)
from indicators.spot.text import (MAX_BYTES, SpotError, as_date, front_matter_problem, read_input, sentences,
                                  split_front_matter)
from indicators.spot import vocabulary
from indicators.spot.vocabulary import mentions
from indicators.store import Store

__all__ = ["spot", "read_input", "SpotError", "MAX_BYTES", "Candidate", "Match", "Spotted", "draft_entries",
           "draft_claims", "draft_header", "draft_yaml", "yaml_text", "format_table", "to_claim", "split_front_matter",
           "own_article",
           "sentences", "find_figures", "read_figures", "FLAGS", "VERDICTS"]

FLAGS = ("implausible-magnitude", "prediction", "no-series", "unit-mismatch", "period-unresolved", "derived",
         "narrower-series", "conversion", "period-from-published", "other-basis")
VERDICTS = ("supported", "supported-rounded", "misleading", "inconclusive", "contradicted", "needs-review",
            "unverifiable", "opinion", "error")
MAX_FIGURES = 2_000  # per text: past it the rest of the text is not read (one note)
MAX_SENTENCE_FIGURES = 200  # per sentence: a "sentence" with more is a table or a hostile paste (one note)
LEADER_TOTALS = {"st_clusters": 100}


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
    derivation: str = ""  # "convert", "growth", "difference": judged through derive.py
    base_period: str = ""  # for a difference, ratio or growth: the period it is taken from ("since 2013"), else the year before
    whole: dict | None = None  # for a share of two levels: the whole's series (source, indicator, product, unit)
    narrower: bool = False
    measure: str = ""
    subject: str = ""
    basis: str = ""
    counterpart: str = ""  # the partner of a flow in the series' codes ("exports to Europe": region:Europe)
    stated_basis: str = ""  # the compiler the text names when it is not the series' (words, basis): never judged as stated


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
    role: str = "figure"  # "figure", "earlier" (a base figure), "conversion", "leader"
    match: Match | None = None
    verdict: str = ""
    explanation: str = ""
    loader: str = ""
    flags: list[str] = field(default_factory=list)
    coverage: str = "all"
    definition: str = ""
    precision: str = ""
    total: int | None = None
    near: float | None = None  # "nearly X": how far from X it reaches (spot._nearly_edge), scaled; past it, no "nearly"
    frame: dict = field(default_factory=dict)
    confidence: float = 0.0  # how sure the mapping is (0-1)
    open: list[str] = field(default_factory=list)  # dimensions the text leaves open
    _options: list = field(default_factory=list, repr=False)

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("_options", None)
        return data


APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
"""Curly apostrophes and single quotes read as the straight one ("China’s" as "China's"): one character for one, so
every offset holds."""


DOLLAR_COUNTRY_AFTER = re.compile(r"\$(" + "|".join(sorted((k.upper() for k in numbers.DOLLAR_PREFIX), key=len,
                                                            reverse=True)) + r")(?=\d)")
""""$US77.7 billion" (Australian usage) read as "US$77.7 billion" is: the same characters, swapped (the dollars the
number reader knows, numbers.DOLLAR_PREFIX)."""


class Spotted(list):
    """The candidates, with `notes`: lines about the whole text (a budget reached, dates not resolved)."""

    notes: list[str]

    def __init__(self, items=(), notes=None):
        super().__init__(items)
        self.notes = list(notes or [])


def spot(text: str, *, store: Store, published: str | date | None = None, as_of: str | None = None) -> Spotted:
    """Every figure in `text` (plain text or Markdown, front matter allowed) as a judged Candidate."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise SpotError(f"text: more than the {MAX_BYTES:,} bytes the spotter reads")
    meta, body_start = split_front_matter(text)
    published_date = as_date(published or meta.get("published"))
    found = Spotted()
    if problem := front_matter_problem(text):
        found.notes.append(problem)
    if not text[body_start:].strip():
        return found
    index = matching.series_index(store)
    items = matching.item_index(store)
    context = frames.Context(published=published_date)
    if isinstance(meta.get("title"), str):
        # the headline ("Thailand remains 43rd in Global Innovation Index 2023 ranking") names the ranking and edition
        # the body's places are in ("Singapore (5th) and Malaysia (36th)"); nothing else of it is carried (a headline's
        # year or economy may be a forecast's or a comparison's)
        headline = frames.Context(published=published_date)
        frames.frames_of(meta["title"], headline, 0, limit=MAX_SENTENCE_FIGURES)
        if any(m.value == headline.rank_subject and m.words[:1].isupper() for m in mentions("subject", meta["title"])):
            # a ranking named by its name ("Global Innovation Index"), not a description ("top 10 global innovative
            # nations" may be another publisher's ranking)
            context.rank_subject, context.rank_period = headline.rank_subject, headline.rank_period
            context.edition = headline.edition
    context.lede_ranking = frames.ranking_named_early(text[body_start:])
    count, previous = 0, None
    earlier: list[Candidate] = []  # the candidates of the last sentence with figures (a streak's figure may be there)
    narrowed: dict = {}  # a subject the text stated -> the narrower subject its figure was read as (patents: PCT)
    bases: set[bool] = set()  # the currency bases the text stated before the sentence (True: dollars)
    unsaid_first = False  # growth of both bases read before the text stated any basis
    original = text  # read with one apostrophe and "US$" for "$US" (one character for one); shown as written (below)
    text = DOLLAR_COUNTRY_AFTER.sub(lambda m: f"{m.group(1)}$", text.translate(APOSTROPHES))
    spans = sentences(text, body_start)
    context.listed_places = places_listed(text)
    # paragraph number -> its text so far (a basis stated once for the paragraph: "In US dollar terms, ..."; not a
    # basis stated after the sentence: "Exports went up 5.7 percent. In U.S. dollar terms, exports rose 5.9 percent"
    # sets the dollars against the figures before, `_basis_said_later`)
    paragraphs: dict = {}
    for s0, s1, paragraph in spans:
        sentence = text[s0:s1]
        paragraphs[paragraph] = paragraphs.get(paragraph, "") + " " + sentence
        if sentence.lstrip().startswith("#") and not re.search(r"\d", sentence):
            continue
        if count >= MAX_FIGURES:
            found.notes.append(f"Budget reached: the first {MAX_FIGURES:,} figures were read; the text after "
                               f"character {s0:,} was not (split it into articles).")
            break
        reads = frames.frames_of(sentence, context, paragraph, limit=min(MAX_SENTENCE_FIGURES, MAX_FIGURES - count),
                                 at=s0)
        text_basis = next(iter(bases)) if len(bases) == 1 and not unsaid_first else None
        if frames.frames_of.last_count > len(reads):
            found.notes.append(f"Budget reached: a sentence at character {s0:,} holds {frames.frames_of.last_count:,} "
                               f"figures (more than {MAX_SENTENCE_FIGURES}): it is a table or not prose; only its first "
                               f"{len(reads)} were read.")
        here = [_candidate(r, sentence, s0) for r in reads]
        here += _leaders(sentence, s0, context, paragraph)
        _streaks(here)
        for candidate in sorted(here, key=lambda c: c.start):
            _points_back(candidate, sentence, previous)
            _carried_reading(candidate, narrowed, index)
            _map(candidate, sentence, index, published_date, s0, paragraphs[paragraph], items, text_basis)
            _note_reading(candidate, narrowed, index)
            found.append(candidate)
        for candidate in _streaks(here):  # a lead whose period only the mapping gave (the latest before the text)
            candidate.match, candidate.verdict, candidate.explanation, candidate.loader = None, "", "", ""
            candidate.flags = []
            _map(candidate, sentence, index, published_date, s0, paragraphs[paragraph], items, text_basis)
        for candidate in _held_streaks(here, sentence, s0, context, index, published_date, earlier):
            here.append(candidate)
            found.append(candidate)
        _records(here, sentence, s0, earlier,
                 functools.partial(_map, index=index, published=published_date, offset=s0,
                                   paragraph=paragraphs[paragraph], items=items, text_basis=text_basis))
        earlier = here if here else earlier
        count += len(here)
        if not bases and not stated_bases(sentence) and any("currency-unsaid" in c.flags for c in here):
            # "China's exports rose 7.2% in July ... In yuan terms, exports climbed 8.0%": growth read before any
            # basis was said sets the text's habit; a basis said later is that sentence's aside, not the text's
            unsaid_first = True
        bases |= stated_bases(sentence)
        mapped = [c for c in here if c.role == "figure" and c.match and c.frame.get("transformation") == "level"]
        previous = mapped[-1] if mapped else (None if [c for c in here if not c.frame.get("form")]
                                              or not here and mentions("measure", sentence) else previous)
        # ("falling 0.6 percent to $224 billion. Chinese exports have been in decline since last October. They slumped
        # 6.4 percent": "They" are the exports the sentence before names, not the level two sentences back)
    if published_date is None and any("period-unresolved" in c.flags for c in found):
        found.notes.append("Relative years (“this year”, “last year”) are not resolved: no published date "
                           "(front matter `published:` or --published).")
    with drafting.judging(meta):  # the text's own page is never evidence for it
        drafting.judge(found, store, as_of, index, published_date)
        _follow_readings(found, store, as_of, index, published_date)
        _basis_said_later(found, store, as_of, index, published_date)
    for candidate in found:
        if "period-from-published" in candidate.flags and candidate.explanation:
            candidate.explanation += (f" (The text names no period: read as {candidate.period}, the latest period of "
                                      f"this series completed before the text's date, {published_date}; an assumption.)")
    for candidate in found:
        # never an accusation: a figure written in words ("second-most", "twice"), read by wording alone; one rate said
        # of two figures ("both up about 35 percent"), which may be rounded for both or true of one
        unsure = ""
        if candidate.frame.get("form"):
            unsure = f"a {candidate.frame['form']} written in words is never judged false automatically"
        elif candidate.frame.get("said_of_both"):
            unsure = "one rate said of two figures, “both”: it may be rounded for both, or true of one"
        elif candidate.frame.get("sign_unsure"):
            unsure = ("a rate said after “to” or “from” beside a word of decline: it may be the rate it slowed "
                      "to or from, or the size of a fall; its sign is a guess")
        if unsure and candidate.verdict in ("contradicted", "misleading"):
            candidate.explanation = f"Needs review: {candidate.explanation} ({unsure})"
            candidate.verdict = "needs-review"
        if candidate.frame.get("stand_in") and candidate.verdict not in ("needs-review", "unverifiable", "opinion"):
            # a series standing in for what the text measures ("Pakistan imported 17 GW of solar panels"): evidence
            # to look at, never a verdict either way
            candidate.explanation = (f"Needs review: {candidate.frame['stand_in']}. Against that series: "
                                     f"{candidate.explanation}")
            candidate.verdict = "needs-review"
        if not candidate.verdict:
            candidate.verdict = "needs-review"
            candidate.explanation = candidate.explanation or "Needs review: the figure could not be judged as read."
    starts = [s0 for s0, _, _ in spans]
    for candidate in found:  # the text as written: "China’s" was read as "China's" (one character for one)
        s0, s1, _ = spans[max(0, bisect.bisect_right(starts, candidate.start) - 1)]
        if text[s0:s1] == candidate.sentence:
            candidate.sentence = original[s0:s1]
        candidate.span = original[candidate.start: candidate.end].strip() if candidate.span == \
            text[candidate.start: candidate.end].strip() else candidate.span
    return found


def _candidate(read: frames.Read, sentence: str, s0: int) -> Candidate:
    figure, frame = read.figure, read.frame
    span_start = figure.start - len(read.wording)
    precision = ""
    comparator = read.comparator
    if read.value is not None and read.value < 0 < figure.value and comparator in ("<", "<=", ">", ">=") \
            and not re.search(r"(?i)\bto\s+$", sentence[:span_start]):  # (not "fell to below 5%": a level reached)
        # "fell more than 4%", "declined by nearly 5%": the bound is on the size of the fall, so on the signed
        # growth it points the other way (below -4%, above -5%)
        comparator = numbers.FLIP[comparator]
    if read.comparator == ">=" and frame.form == "multiple" and frames.NEARLY.search(read.wording):
        precision = (f"“{read.wording.strip()}” reads as {figure.value - 0.5:g} to {figure.value:g} times the level "
                     f"a year before; the engine checks the lower side (a growth of at least {read.value:+g}%)")
    near = None
    if read.comparator == "<" and re.match(rf"\s*(?:{frames.NEARLY_WORDS})\b", read.wording, re.I) \
            and not precision and read.value is not None and figure.value > 0 and not frame.form \
            and round(figure.value, figure.decimals) == figure.value:  # (not "nearly halved": a word form)
        fall = comparator == ">"  # "fell nearly 5%": a fall smaller than 5, close to it
        edge = _nearly_edge(figure.value, figure.decimals)
        near = float(f"{(-1 if fall else 1) * edge * figure.scale:.12g}")  # (no float dust)
        precision = (f"“{read.wording.strip()}” reads as {'a fall ' if fall else ''}below {figure.value:g} and close to it "
                     f"(from {edge:g}, × {figure.scale:g}: one step of its last non-zero digit, or a tenth of it, "
                     f"whichever reaches further): supported only there")
    return Candidate(
        sentence=sentence, span=sentence[span_start: figure.end].strip(), start=s0 + span_start, end=s0 + figure.end,
        value=read.value, scale=figure.scale, value_unscaled=read.value * figure.scale, unit=read.unit,
        comparator=comparator, check=read.check, step=read.step, period=frame.period, entity=frame.entity,
        role=frame.role, precision=precision, frame=frame.to_dict(), open=frame.open_dimensions(),
        total=LEADER_TOTALS.get(frame.subject) if frame.role == "leader" else None, near=near,
    )


def _nearly_edge(value: float, decimals: int) -> float:
    """How far below a positive figure stated with `decimals` "nearly" reaches (numbers.nearly_reach): the step of
    its last non-zero digit as written ("nearly 70,000": 10,000; "nearly 3.09 trillion": 0.01)."""
    digits = f"{value:.{decimals}f}".replace(".", "").rstrip("0")
    step = 10.0 ** (len(f"{value:.{decimals}f}".replace(".", "")) - len(digits) - decimals) if digits else 1.0
    return numbers.nearly_reach(value, step)


def _points_back(candidate: Candidate, sentence: str, previous: Candidate | None) -> None:
    """"A total of 2.53 million cars were sold abroad last year. That is almost 57 percent more than in the
    previous year.": a growth rate in a sentence that points back ("That", "This", "It") and names no subject of
    its own is the growth of the previous sentence's level figure, as that figure was read (passenger cars for
    "cars"): its series' measure and subject, assumed (never an accusation on it)."""
    frame = candidate.frame
    if previous is None or previous.match is None or frame.get("transformation") != "growth_rate" \
            or frame.get("subject_from") not in ("assumed", "context", "") or not frames.POINTING_BACK.search(sentence):
        return
    m = previous.match
    if frame.get("measure_from") == "stated" and frame.get("measure") != m.measure:
        return  # "a higher base of comparison with March 2023, when exports jumped 14.8%": its own measure, said
    candidate.frame = {**frame, "measure": m.measure, "measures": (m.measure,), "measure_from": "assumed",
                       "subject": m.subject, "subject_from": "assumed",
                       "notes": [*frame.get("notes", []), f"the growth of “{previous.span}” in the sentence before"]}
    candidate.open = frames.Frame(**candidate.frame).open_dimensions()
    candidate._previous = previous


def _rank_of_levels(candidate: Candidate, frame: frames.Frame, index: list) -> list:
    """"The United States came in second with 55,678 applications", "Japan, the third-largest filer": a place (2nd to
    20th) in a measure the store holds as levels, not as ranks, is the economy's place among the economies a count
    series holds (at least three besides the world), judged by derivation "rank" (drafting._judge_rank; never an
    accusation). First place is a leader claim (frames._leads_and_streaks); a partner's place, first included, is
    ranked among the partners of a flow (`_rank_of_partner`)."""
    value = candidate.value
    if frame.kind != "rank" or frame.transformation != "level" or candidate.role != "figure" or not value \
            or value != int(value) or not (1 if frame.counterpart else 2) <= value <= 20 or not frame.subject \
            or frame.subject.startswith("other:"):
        return []
    if frame.counterpart:
        return _rank_of_partner(candidate, frame, index)
    if not frame.entity or "/" in (frame.period or ""):
        return []
    counted = frames.Frame(**{**candidate.frame, "kind": "count", "measure": None, "measures": (), "measure_from": "",
                              "role": "leader"})  # any count the subject is measured by
    options, _ = matching.match(counted, "count", None, index)
    found = [dataclasses.replace(o, derivation="rank") for o in options
             if len(set(o.entry.entities) - {"WLD"}) >= 3
             and (o.entry.holds(frame.entity, frame.period) if frame.period else frame.entity in o.entry.entities)]
    if found:
        candidate.total = LEADER_TOTALS.get(frame.subject)  # a list's size bounds the economies not held (top 100)
    return found


def _rank_of_partner(candidate: Candidate, frame: frames.Frame, index: list) -> list:
    """"Pakistan, the third-largest importer of Chinese solar panels in 2024": a partner's place (1st to 20th) among
    the economies a flow kept per partner reaches (Ember's exports to each economy), judged by derivation
    "partner_rank" (drafting._judge_partner_rank; never an accusation). The flow's levels in its headline unit
    first: a flow of power (GW of panels) before its value and mass. Called by `_rank_of_levels`, which checks the
    place itself."""
    code = vocabulary.counterpart_code(frame.counterpart, frame.counterpart_words)
    if not frame.period or not code or code == "WLD" or ":" in code:
        return []  # a region's place ("Africa, the third-largest market") is not ranked among economies
    shared = frames.Frame(**{**candidate.frame, "kind": "percent", "transformation": "share"})
    options, _ = matching.match(shared, "percent", None, index)  # the levels a partner's share is taken of
    found = [dataclasses.replace(o, derivation="partner_rank") for o in options if o.derivation == "partner_share"]
    # a subject the series keeps as products ("solar exports": panels, cells, wafers) is ranked on the products'
    # summed value (spot._map: no product); watts of wafers, cells and panels do not add up
    headline = "money" if found and all(o.narrower for o in found) else "power"
    return sorted(found, key=lambda o: (o.entry.kind != headline, -o.score))


def _count_of_partners(frame: frames.Frame, index: list) -> list:
    """"25 African countries imported more than 100 MW of Chinese solar panels": the economies (of a region) a flow
    kept per partner reaches past a threshold, counted from their totals over the period (derivation
    "partner_count", drafting._judge_partner_count; never an accusation); the flow's series in the threshold's unit."""
    value, unit, _ = frame.threshold
    partner = frame.counterpart or "WLD"
    level = dataclasses.replace(frame, kind=vocabulary.unit_kind(unit), transformation="level", threshold=(),
                                counterpart=partner, counterpart_words=frame.partner_scope or "the world")
    options, _ = matching.match(level, unit, value, index)
    return [dataclasses.replace(o, derivation="partner_count") for o in options if o.entry.partners > 1]


def _held_for_others(subject: str, measure: str, entity: str | None, index: list) -> bool:
    """A series of the subject itself (and measure) holds other economies but not this one: the narrower reading was
    this economy's fallback ("the United States exported $2.02 trillion" of goods, read on the World Bank's high-tech
    exports), not how the subject reads in the text."""
    same = [e for e in index if e.subject == subject and e.measure == measure]
    return bool(same) and entity is not None and not any(entity in e.entities for e in same)


def _note_reading(candidate: Candidate, narrowed: dict, index: list | None = None) -> None:
    """A figure whose stated subject was read as a narrower series' ("a 1.8% decline in patent filings" reported by
    WIPO: its PCT filings) sets how that subject reads when later sentences carry it; a figure read as the subject
    itself undoes it."""
    frame, m = candidate.frame, candidate.match
    said = frame.get("subject")
    if frame.get("subject_from") != "stated" or not said or m is None or not m.subject or candidate.role != "figure":
        return
    if m.subject != said and catalogue.within(m.subject, said) and not m.derivation \
            and not {"other-basis", "derived", "conversion"} & set(candidate.flags) \
            and not (index is not None and _held_for_others(said, m.measure, m.entity, index)):
        narrowed[said] = (m.subject, m.measure)  # read directly as the narrower series (no conversion, no other compiler)
    elif m.subject == said or said in narrowed:
        narrowed.pop(said, None)


def _carried_reading(candidate: Candidate, narrowed: dict, index: list) -> None:
    """"WIPO reports a 1.8% decline in patent filings in 2023 ... China (69,610) and the US (55,678) both record fewer
    filings": a subject carried from an earlier sentence (context) is read as that sentence's figure was (PCT filings,
    not all patent applications), assumed (never an accusation on it)."""
    frame = candidate.frame
    said = frame.get("subject")
    if frame.get("subject_from") not in ("context", "assumed") or said not in narrowed:
        return
    subject, measure = narrowed[said]
    if tuple(frame.get("measures") or ()) != (measure,) and not (frame.get("kind") == "rank"
                                                                and tuple(frame.get("measures") or ()) in ((), ("rank",))):
        return  # "exports ... 14.2 percent of world exports" read as a share series says nothing of the imports after it
        # (a place in a ranking of the carried subject is a place among that reading's levels: "South Korea which is
        # ranked fourth" after PCT filings read as such, `_rank_of_levels`)
    if frame.get("kind") == "rank" and any(e.subject == said and e.kind == "rank" for e in index):
        return  # a ranking's own places ("the GII ... Switzerland holds the first place") stay the ranking's, whatever
        # a count of it was read as before ("16" clusters)
    candidate.frame = {**frame, "subject": subject, "subject_from": "assumed",
                       "notes": [*frame.get("notes", []), f"{said} read as {subject}, as the figure before"]}
    candidate.open = frames.Frame(**candidate.frame).open_dimensions()


def _follow_readings(found: list[Candidate], store: Store, as_of: str | None, index: list, published) -> None:
    """After judging: a growth rate that points back to a level read as a narrower product of its series when
    judged ("cars" read as CAAM's passenger cars) follows that reading (the same series' growth for that product)
    and is judged again."""
    again = []
    for c in found:
        previous = getattr(c, "_previous", None)
        if previous is None or previous.match is None or c.match is None or c.match.derivation:
            continue
        p, m = previous.match, c.match
        if p.product == m.product or (m.source, m.indicator) != (p.source, f"{p.indicator}_yoy_pct"):
            continue
        entry = next((e for e in index if (e.source, e.indicator, e.product) == (m.source, m.indicator, p.product)), None)
        if entry is None:
            continue
        m.alternatives.insert(0, {"source": m.source, "indicator": m.indicator, "unit": m.unit, "product": m.product,
                                  "score": m.score})
        m.product, m.unit = entry.product, entry.unit
        c._options = [o for o in c._options if o.entry is entry] or c._options[:0]
        c.verdict, c.explanation = "", ""
        c.frame = {**c.frame, "notes": [*c.frame.get("notes", []), f"read as {p.product}, as the figure before"]}
        again.append(c)
    if again:
        drafting.judge(again, store, as_of, index, published)


def _basis_said_later(found: list[Candidate], store: Store, as_of: str | None, index: list, published) -> None:
    """After judging: "China's foreign trade rose 4.1 percent ... Exports went up 5.7 percent ... In U.S. dollar
    terms, exports rose 5.9 percent": growth rates given before the text states any basis, when a later sentence
    gives the same measure's growth for the same period in dollars outright, are on the other basis (yuan; a wire's
    custom). Their yuan series first, judged again; the basis stays open (never an accusation on it)."""
    said: dict[str, set] = {}  # a sentence -> the bases it states (read once: a sentence may hold 200 figures)

    def stated(c: Candidate) -> set:
        if c.sentence not in said:
            said[c.sentence] = stated_bases(c.sentence)
        return said[c.sentence]

    first_stated = next((i for i, c in enumerate(found) if stated(c)), None)
    if first_stated is None or stated(found[first_stated]) != {True}:
        return  # the text states the yuan first, or both in one sentence: nothing to infer
    later = {(c.match.measure, c.period) for c in found[first_stated:] if c.match and c._options and stated(c) == {True}
             and matching.in_dollars(c._options[0].entry) and c.frame.get("transformation") == "growth_rate"}
    if not later:
        return
    again = []
    for c in found[:first_stated]:
        if c.match is None or c.match.derivation or not c._options or "currency" not in c.open \
                or c.frame.get("transformation") != "growth_rate" or (c.match.measure, c.period) not in later \
                or not matching.in_dollars(c._options[0].entry):
            continue
        yuan = next((o for o in c._options if not matching.in_dollars(o.entry)
                     and matching.same_dimensions(o.entry, c._options[0].entry)), None)
        if yuan is None:
            continue
        drafting.switch_series(c, yuan)
        c._options = [yuan] + [o for o in c._options if o is not yuan]
        c.verdict, c.explanation = "", ""
        c.frame = {**c.frame, "notes": [*c.frame.get("notes", []), "the text gives the dollar basis only later, for "
                                        "the same figures: read on the yuan basis (open)"]}
        again.append(c)
    if again:
        drafting.judge(again, store, as_of, index, published)


def _streaks(here: list[Candidate]) -> list[Candidate]:
    """"ranking first in the world for five consecutive years", "For the third consecutive year, China hosts the
    highest number of ... clusters": a streak's length N beside a leader claim of the same sentence is that
    claim over the N years ending with its year (period "2019/2023"), judged year by year (drafting: derivation
    "streak"). A streak with no leader beside it, or no year, stays about nothing the store holds. Returns the streaks it tied (run again after mapping: a lead's period may
    come from it, the latest before the text's date)."""
    leaders = [c for c in here if c.role == "leader" and c.period and c.period[:4].isdigit()]
    tied = []
    for c in here:
        if not leaders or _streak_unit(c) != "years":
            continue
        leader = min(leaders, key=lambda l: abs(l.start - c.start))
        last = int(leader.period[:4])
        period = f"{last - int(c.value) + 1}/{last}"
        frame = {**leader.frame, "role": "streak", "period": period, "form": "",
                 "notes": [*leader.frame.get("notes", []), f"a lead held for {int(c.value)} years running ({period})"]}
        c.frame, c.period, c.entity, c.total = frame, period, leader.entity, leader.total
        c.check, c.comparator, c.step, c.open, c.role = "leader", "rank==1", None, list(leader.open), "streak"
        tied.append(c)
    return tied


LEAD_BETWEEN = re.compile(r"(?i)\b(?:largest|biggest|top|leading|No\.\s*1|number\s+one)\b")
"""Words of a lead between a growth figure and a streak: the streak is the lead's, not the growth's."""
PLACE_LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s*")
"""Between two places of a list ("2nd and 3rd", "1st, 2nd and 3rd")."""


def _held_streaks(here: list[Candidate], sentence: str, s0: int, context: frames.Context, index: list,
                  published: date | None, earlier: list[Candidate] = ()) -> list[Candidate]:
    """A streak of years or months beside what held in each of them (period "2011/2024", "2024-04/2024-07"),
    judged period by period (drafting: derivation "streak"), never an accusation:

    - a place in a ranking: "Switzerland ranks 1st in the GII for the 14th consecutive year", "continued to rank
      second globally for the fifth consecutive year", "has topped the global innovation rankings for the 15th
      consecutive year" (comparator "rank==K"): a rank figure of the sentence mapped to a series of ranks, or,
      with none, first place in words (vocabulary `first_place_words`) in a ranking the sentence names;
    - a growth rate's sign: "exports rose 7.1%, growing for the eighth consecutive year", "up 3.2% year on year,
      the fourth consecutive month of growth" (comparator ">0", or "<0" for a fall): a growth figure of the sentence
      mapped to a growth series of the streak's frequency.

    The figure is the sentence's nearest before the streak, else after; in a sentence with no other figure, the
    last growth figure of the sentence before ("Exports fell 14.5% in July. They fell for three months in a row"),
    when the streak's sentence names no other measure and no direction against that figure's sign. A streak tied
    to nothing stays about nothing the store holds. Returns the candidates added (a streak of each place of a
    list: one more candidate for each place before the anchor)."""
    streaks = [(c, unit) for c in here if (unit := _streak_unit(c))]
    added: list[Candidate] = []
    if not streaks:
        return added
    held = [c for c in here if c.role == "figure" and c.match and not c.match.derivation and c.value
            and (_place(c) or _growth(c) or _bound_level(c))]
    for c, unit in streaks:
        if _ended(sentence, c.start - s0):
            continue
        fits = [h for h in held if h.match.period  # a period left unresolved (no published date) fits no streak
            and re.fullmatch(r"\d{4}" if unit == "years" else r"\d{4}-\d{2}", h.match.period)]
        before = [h for h in fits if h.end <= c.start]
        after = [h for h in fits if h.start >= c.end]
        anchor = before[-1] if before else next(iter(after), None)
        if before and after and mentions("measure", sentence[before[-1].end - s0: c.start - s0]) \
                and not mentions("measure", sentence[c.end - s0: after[0].start - s0]):
            # "imports increasing by 3 percent, while exports continued their decline for the sixth consecutive
            # month, falling by 6.4 percent": the streak's own measure is the figure's after it, not the one before
            anchor = after[0]
        if anchor is None and all(h.frame.get("form") for h in here):
            anchor = _streak_of_the_sentence_before(earlier, unit, sentence[: c.start - s0])
        if anchor is None and unit == "years":
            anchor = _first_place(sentence, s0, context, index, published)
        if anchor is None:
            continue
        n = int(c.value)
        last = anchor.match.period
        first = str(int(last) - n + 1) if unit == "years" else matching.months_back(last, n - 1)
        period = f"{first}/{last}"
        if _place(anchor) and anchor.comparator in ("<", "<="):
            # "has been in the top 10 for five years running": within the threshold each year
            comparator, what = f"{anchor.comparator}{anchor.value:g}", f"a place within the top {anchor.value:g}"
        elif _place(anchor):
            comparator, what = f"rank=={int(anchor.value)}", f"place {int(anchor.value)}"
        elif _bound_level(anchor):
            # "remaining above 6 percent for four consecutive years": the bound held each year
            comparator, what = f"{anchor.comparator}{anchor.value:g}", f"{anchor.comparator} {anchor.value:g}"
        else:
            between = sentence[min(anchor.end, c.end) - s0: max(anchor.start, c.start) - s0] \
                if anchor in here else ""  # the sentence before's: its measure was checked there
            if mentions("measure", between) or _sign_words(sentence[c.end - s0: c.end - s0 + 40]) not in (
                    0, 1 if anchor.value > 0 else -1) or LEAD_BETWEEN.search(between):
                continue  # another measure between them ("imports fell 2%, while exports grew for ..."), the
                # streak's words give the other sign ("rose 1%, the fifth consecutive month of decline": a misreading),
                # or a lead is what held ("grew 19.3% to 5.86 million, making China the world's largest car exporter
                # for the second year in a row": a lead the sentence gives no figure of)
            bound = anchor.start >= c.end and anchor.comparator in (">", ">=", "<", "<=")
            comparator = f"{anchor.comparator}{anchor.value:g}" if bound else (">0" if anchor.value > 0 else "<0")
            what = "growth" if anchor.value > 0 else "a fall"
            what += f" {anchor.comparator} {anchor.value:g}%" if bound else ""
        # "Sweden and the United States retain their 2nd and 3rd positions for the third year in a row": the streak
        # of each place of the list that ends at the anchor (one candidate each, the same words)
        listed = [anchor]
        while _place(anchor) and (h := next((h for h in held if _place(h) and h.end <= listed[0].start
                                             and h.entity not in {x.entity for x in listed}
                                             and h.match.indicator == anchor.match.indicator
                                             and PLACE_LIST_GAP.fullmatch(sentence, h.end - s0, listed[0].start - s0)),
                                            None)):
            listed.insert(0, h)
        for place in listed:
            one = c if place is anchor else dataclasses.replace(c, flags=list(c.flags), open=list(c.open))
            if place is not anchor:
                added.append(one)
            if _place(place) and place.comparator not in ("<", "<="):
                comparator, what = f"rank=={int(place.value)}", f"place {int(place.value)}"
            _as_streak(one, place, period, comparator, f"{what} held for {n} {unit} running ({period})",
                       "A" if unit == "years" else "M")
    return added


def _as_streak(c: Candidate, anchor: Candidate, period: str, comparator: str, note: str, freq: str,
               **frame: object) -> None:
    """Make `c` (a streak's or a record's words) the claim that `anchor`'s series held `comparator` in each period of
    `period` (derivation "streak", judged period by period by drafting._judge_streak); `frame`: more frame fields."""
    c.match = dataclasses.replace(anchor.match, period=period, derivation="streak", freq=freq, alternatives=[])
    c.frame = {**anchor.frame, "role": "streak", "period": period, "form": "", **frame,
               "notes": [*anchor.frame.get("notes", []), note]}
    c.period, c.entity, c.comparator, c.check, c.step = period, anchor.entity, comparator, "streak", None
    c.open, c.flags = list(anchor.open), [f for f in c.flags if f != "no-series"]
    c.confidence, c.verdict, c.explanation, c.loader = anchor.confidence, "", "", ""


RECORD_BEFORE = re.compile(r"(?i)\b(?P<word>highest|fastest|strongest|biggest|largest|quickest|sharpest|lowest|slowest|"
                           r"weakest|smallest|softest)\b[^.;,]{0,40}?\b(?:in|for)\s+(?:(?:more\s+than|over|almost|nearly)"
                           r"\s+)?(?:the\s+(?:past|last)\s+)?$")
"""Before a number of months, the words of a record over them ("the highest rate of growth in six months", "the
slowest pace in six months")."""
FIRST_IN_BEFORE = re.compile(r"(?i)\bfirst\s+(?:(?P<move>rise|increase|gain|growth|expansion|rebound|decline|fall|drop|"
                             r"contraction|decrease)\s+|time\s+)?(?:in|for)\s+(?:(?:more\s+than|over|almost|nearly)\s+)?"
                             r"(?:the\s+(?:past|last)\s+)?$")
"""Before a number of months, a first change in them ("for the first time in seven months", "the first increase in
three months"): the months before the figure's own moved the other way."""
MONTHS_AFTER = re.compile(r"(?i)\s+months\b")
"""After a number in digits, the months it counts ("in 7 months")."""
N_MONTH_RECORD_AFTER = re.compile(r"(?i)[-\s]month\s+(?P<word>high|low|peak|trough)\b")
"""After a number, the record it names ("a 19-month high")."""
RECORD_LOW = ("lowest", "slowest", "weakest", "smallest", "softest", "low", "trough")
FALL_WORDS = ("decline", "fall", "drop", "contraction", "decrease")
FORECAST_WORDS = re.compile(r"(?i)\b(?:estimates?|forecasts?|expected|expectations|consensus|polls?)\b")


def _records(here: list[Candidate], sentence: str, s0: int, earlier: list[Candidate], remap=None) -> None:
    """A record over the N months ending with a monthly figure's own: "export growth picked up to 8.3% ... the highest
    rate of growth in six months" (each month before it below the stated figure; "the slowest": above), "for the first
    time in seven months", "the first increase in three months" (each month before it of the other sign), "a 19-month
    high of 7.4%". The figure is the sentence's nearest before the record's words, else the one right after, else the
    last growth of the sentence before when this one gives only forecasts; with no figure at all ("Chinese exports fell
    for the first time in three months in May"), the growth series of the flow, economy and month the duration's own
    words give (`remap`: spot._map for a candidate of this sentence; the month itself then judged too). Judged month
    by month (derivation "streak", drafting._judge_streak): never an accusation."""
    def forecast(h: Candidate) -> bool:  # "the 6% estimate": a forecast's figure, not what the record is said of
        return bool(FORECAST_WORDS.search(sentence[h.end - s0: h.end - s0 + 25]))

    for c in here:
        if not c.value or c.value != int(c.value) or not 2 <= c.value <= 36:
            continue
        before = sentence[: c.start - s0]
        months = c.frame.get("form") == "duration" and c.unit == "months" \
            or c.unit == "count" and bool(MONTHS_AFTER.match(sentence, c.end - s0))  # "for the first time in 7 months"
        record = (RECORD_BEFORE.search(before) or FIRST_IN_BEFORE.search(before)) if months \
            else N_MONTH_RECORD_AFTER.match(sentence, c.end - s0) if c.unit == "count" else None
        if record is None:
            continue
        fits = [h for h in here if h.role == "figure" and h.match and not h.match.derivation and h is not c
                and h.match.period and re.fullmatch(r"\d{4}-\d{2}", h.match.period) and h.value is not None
                and h.frame.get("kind") in ("percent", "money") and not forecast(h)]
        fits = [h for h in fits if h.end <= c.start] or [h for h in fits if h.start >= c.end][:1]  # "a 19-month high of"
        if not fits and not [h for h in here if h.role == "figure" and h.end <= c.start and h is not c
                             and not forecast(h)]:
            fits = [h for h in earlier if h.role == "figure" and h.match and not h.match.derivation and _growth(h)
                    and h.match.period and re.fullmatch(r"\d{4}-\d{2}", h.match.period) and h.value is not None]
        if not fits and remap is not None and "move" in record.groupdict() \
                and (turned := _turn_of_a_flow(c, before, record, sentence, remap)):
            last = turned.match.period
            period = f"{matching.months_back(last, int(c.value) - 1)}/{last}"
            fell = turned.value < 0
            _as_streak(c, turned, period, ">0" if fell else "<0",
                       f"the first {'fall' if fell else 'rise'} in {int(c.value)} months ({period}): each month before "
                       f"{last} {'rose' if fell else 'fell'}, {last} itself {'fell' if fell else 'rose'}", "M", turn=True)
            continue
        if not fits:
            continue
        anchor = fits[-1]
        last = anchor.match.period
        period = f"{matching.months_back(last, int(c.value) - 1)}/{last}"
        word = (record.groupdict().get("word") or record.groupdict().get("move") or "").lower()
        if "move" in record.groupdict():  # a first rise (fall): the months before fell (rose)
            fell = word in FALL_WORDS or not word and anchor.value < 0
            comparator, what = (">0" if fell else "<0"), f"the first {'fall' if fell else 'rise'} in {int(c.value)} months"
        else:  # each month before the figure's own below (above) it
            low = word in RECORD_LOW
            comparator, what = f"{'>' if low else '<'}{anchor.value:g}", f"the {word} of {int(c.value)} months"
        _as_streak(c, anchor, period, comparator, f"{anchor.span} {what} ({period})", "M", record=True)


TURN_DOWN = re.compile(r"(?i)\b(?:lower|" + "|".join(sorted(numbers.DECLINE_VERBS)) + r")\b")
TURN_UP = re.compile(r"(?i)\b(?:higher|returned\s+to\s+growth)\b")
"""A flow's direction in words besides a move's (frames.RANK_UP, RANK_DOWN) and a rise's (frames.RISE_WORDS): the
reader's decline verbs, "edged lower"; "edged higher", "returned to growth"."""


def _turn_of_a_flow(c: Candidate, before: str, record: re.Match, sentence: str, remap) -> Candidate | None:
    """The month a first rise or fall is said of, with no growth figure ("Chinese exports fell for the first time in
    three months in May", "exports rose in November for the first time in seven months"): a candidate on the flow's
    monthly growth series (the duration's measure, economy and month; its value standing for the direction only:
    -1 for a fall, +1 for a rise), else None (no flow named, no month, no single direction, or no monthly growth series)."""
    frame = c.frame
    month = str(frame.get("period") or "")
    if not re.fullmatch(r"\d{4}-\d{2}", month) or tuple(frame.get("measures") or ()) not in (("exports",), ("imports",)) \
            or not frame.get("entity") or frame.get("entity") == "WLD":
        return None
    word = (record.group("move") or "").lower()
    clause = before[frames.clause_around(before, len(before))[0]:]
    up = bool(frames.RANK_UP.search(clause) or frames.RISE_WORDS.search(clause) or TURN_UP.search(clause))
    down = bool(frames.RANK_DOWN.search(clause) or TURN_DOWN.search(clause))
    if word:
        up, down = word not in FALL_WORDS, word in FALL_WORDS
    if up == down:
        return None
    turned = dataclasses.replace(
        c, value=-1.0 if down else 1.0, value_unscaled=-1.0 if down else 1.0, unit="percent", flags=[], open=[],
        frame={**frame, "kind": "percent", "subject": "goods", "subject_from": "assumed", "form": "",
               "transformation": "growth_rate", "transformation_from": "assumed", "role": "figure",
               "notes": [f"the direction of {month}'s growth, said in words"]})
    remap(turned, sentence)
    m = turned.match
    if m is None or m.derivation or m.period != month or not m.indicator.endswith("_yoy_pct"):
        return None
    return turned


def _streak_of_the_sentence_before(earlier: list[Candidate], unit: str, before: str) -> Candidate | None:
    """The last growth figure of the sentence before, of the streak's frequency, that a streak with no figure of its
    own continues: the streak's words before it name its measure or none, and no direction against its sign."""
    fits = [h for h in earlier if h.role == "figure" and h.match and not h.match.derivation and h.value and _growth(h)
            and h.match.period and re.fullmatch(r"\d{4}" if unit == "years" else r"\d{4}-\d{2}", h.match.period)]
    if not fits:
        return None
    anchor = fits[-1]
    named = {m.value for m in mentions("measure", before)}
    up, down = frames.RANK_UP.search(before), frames.RANK_DOWN.search(before)
    if (named and named != {anchor.frame.get("measure")}) or (up and down) or not (up or down) \
            or (up and anchor.value < 0) or (down and anchor.value > 0):
        return None
    return anchor


def _streak_unit(c: Candidate) -> str:
    """What a candidate counts when it is the length of a streak not tied yet (a whole number from 2 to 50): "years"
    ("for five consecutive years", "the 14th consecutive year"), "months" ("the fourth consecutive month"); else ""."""
    if c.check in ("leader", "streak") or not c.value or c.value != int(c.value) or not 1 < c.value <= 50:
        return ""
    if c.role == "streak":  # "for five consecutive years" after a number (frames._leads_and_streaks)
        return "years"
    return c.unit if c.frame.get("form") == "streak" and c.unit in ("years", "months") else ""


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _streak_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The vocabulary's streak words as patterns: first place in words (`first_place_words`), a streak that ended
    (`streak_ended`, right before it), what a streak is of (`streak_signs`, right after it)."""
    vocab = vocabulary.vocabulary()
    first = re.compile(rf"(?i)(?<![\w-])(?:{vocabulary.alternatives(vocab['first_place_words'])})(?![\w-])")
    ended = re.compile(rf"(?i)\b(?:{vocabulary.alternatives(vocab['streak_ended'])})\b"
                       r"(?:\s+(?:a|an|the|its|their|of|with|nearly|almost|over|more|than))*\s*$")
    signs = vocab["streak_signs"]
    of = re.compile(rf"(?i)\s*of\s+(?:[\w-]+\s+){{0,3}}?({vocabulary.alternatives([*signs['up'], *signs['down']])})\b")
    return first, ended, of


def _ended(sentence: str, at: int) -> bool:
    """A streak the words before it end or put before the figure ("ending six consecutive months of decline")."""
    return bool(_streak_patterns()[1].search(sentence[max(0, at - 40): at]))


def _sign_words(after: str) -> int:
    """The sign the words after a streak give it: 1 ("of growth", "of gains"), -1 ("of decline"), 0 (none), from
    the vocabulary's `streak_signs`."""
    m = _streak_patterns()[2].match(after)
    if not m:
        return 0
    return -1 if m.group(1).lower() in vocabulary.vocabulary()["streak_signs"]["down"] else 1


def _place(c: Candidate) -> bool:
    """A place in a series of ranks (a whole number)."""
    return c.match.unit == "rank" and c.value == int(c.value)


def _bound_level(c: Candidate) -> bool:
    """A bound on a percentage level ("remaining above 6 percent", "over 2% of GDP"): a threshold a streak may say
    held each period (a scaled amount stays out: its rows' units are not the figure's)."""
    return c.comparator in (">", ">=", "<", "<=") and c.scale == 1 and c.match.unit in ("percent", "percent of GDP") \
        and c.frame.get("transformation") not in ("growth_rate", "change")


def _growth(c: Candidate) -> bool:
    """A year-on-year growth rate on a growth series."""
    return c.frame.get("transformation") == "growth_rate" and c.match.indicator.endswith("_yoy_pct")


def _first_place(sentence: str, s0: int, context: frames.Context, index: list,
                 published: date | None) -> Candidate | None:
    """First place in words ("has topped the global innovation rankings", "the world's most innovative country")
    in a ranking the sentence names, for the one economy it names: a rank-1 candidate mapped to that ranking's
    series, on the sentence's year, else the year of the edition or period the text named, else the latest the
    series completed before the text's date. None when any of these is missing or ambiguous."""
    if not _streak_patterns()[0].search(sentence):
        return None
    places = {p.value for p in frames._resolve_country(frames._places(sentence), context.country) if p.value != "WLD"}
    rankings = [m for m in mentions("subject", sentence) if not m.value.startswith("other:")]
    if len(places) != 1 or not rankings:
        return None
    entity = places.pop()
    years = [y for _, y, base, _ in frames._years(sentence, context.published) if y and not base]
    period = years[0] if years else (context.edition or (context.period or "")[:4] or None)
    frame = frames.Frame(kind="rank", measure="rank", measure_from="stated", measures=("rank",),
                         subject=rankings[0].value, subject_from="stated", entity=entity, entity_from="stated",
                         period=period, period_from="stated" if years else ("context" if period else ""),
                         transformation="level", transformation_from="stated", role="figure")
    options, _ = matching.match(frame, "rank", 1.0, index)
    options = [o for o in options if o.entry.unit == "rank" and not o.derivation and entity in o.entry.entities]
    if not options:
        return None
    entry = options[0].entry
    if not period and published:
        latest = [p for p in latest_periods(entry, entity, published) if re.fullmatch(r"\d{4}", p)]
        period = latest[0] if latest else None
    if not period or not re.fullmatch(r"\d{4}", period):
        return None
    frame.period = period
    at = rankings[0]
    return Candidate(sentence=sentence, span=at.words, start=s0 + at.start, end=s0 + at.end, value=1.0, scale=1.0,
                     value_unscaled=1.0, unit="rank", comparator="==", check="exact", step=None, period=period,
                     entity=entity, frame=frame.to_dict(), confidence=0.6,
                     match=Match(source=entry.source, indicator=entry.indicator, entity=entity, period=period,
                                 unit=entry.unit, score=round(min(options[0].score, 1.0), 2), product=entry.product,
                                 freq="A", measure=entry.measure, subject=entry.subject, basis=entry.basis))


def _leaders(sentence: str, s0: int, context: frames.Context, paragraph: int = 0) -> list[Candidate]:
    """"topped the list of countries with the most X", "hosts most X": a claim of rank 1 without a figure;
    the span runs to the end of the first subject named after the wording. A year carried from an earlier paragraph
    is assumed: a lead may hold in one edition and not in the next, and the text may speak of the latest."""
    low = sentence.lower()
    for words in vocabulary.vocabulary()["leader_words"]:
        at = low.find(words)
        if at < 0 or (at and low[at - 1].isalnum()):
            continue
        after = [m for m in mentions("subject", sentence) if m.start >= at + len(words) and m.start - at < 90]
        if not after or after[0].value not in LEADER_TOTALS:
            continue
        stop = after[0].end
        places = [p for p in frames._resolve_country(frames._places(sentence), context.country) if p.end <= at and p.value != "WLD"]
        # "China overtook the United States ... to top the list of countries with the highest number of clusters":
        # the one overtaken does not lead
        places = [p for p in places if not frames.RIVAL_BEFORE.search(sentence[max(0, p.start - 30): p.start])] or places
        entity = places[-1].value if places else (context.place or "CHN")
        years = [y for _, y, base, _ in frames._years(sentence, context.published) if y and not base]
        period = years[0] if years else context.period
        carried = not years and period and context.period_paragraph != paragraph
        frame = frames.Frame(kind="rank", measure="count", measure_from="stated", measures=("count",),
                             subject=after[0].value, subject_from="stated", entity=entity,
                             entity_from="stated" if places else "context", period=period,
                             period_from="stated" if years else ("assumed" if carried else "context" if period else ""),
                             transformation="level", transformation_from="stated", role="leader")
        if carried:  # "with China emerging as the country with the greatest number of clusters" after a paragraph on 2022
            frame.notes.append(f"{period}: the year of an earlier paragraph, assumed")
        return [Candidate(sentence=sentence, span=sentence[at:stop].strip(), start=s0 + at, end=s0 + stop, value=1.0,
                          scale=1.0, value_unscaled=None, unit="rank", comparator="rank==1", check="leader", step=None,
                          period=period, entity=entity, role="leader", total=LEADER_TOTALS[after[0].value],
                          frame=frame.to_dict(), open=[d for d in ("entity", "period") if frame.__dict__[f"{d}_from"] not in frames.DETERMINED])]
    return []


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _compared_with_expectations() -> re.Pattern:
    """"beating forecasts", "below market expectations", "0.6 percentage points higher than the median forecast of
    economists in a recent poll": an expectation named only to compare a figure with it (not "forecasts of 7.3%")."""
    vocab = vocabulary.vocabulary()
    verbs = vocabulary.alternatives(vocab.get("expectation_compared") or ())
    nouns = "|".join(re.escape(w) for w in vocab["expectation_words"])
    return re.compile(rf"(?i)\b(?:{verbs})\s+(?:[\w'’-]+\s+){{0,3}}?(?:{nouns})\b(?!\s+(?:of|for|at)\s+[-+$€£¥\d])"
                      r"(?:\s+of\s+(?:[\w'’-]+\s+){0,2}?(?:economists|analysts|forecasters))?"
                      r"(?:\s+in\s+an?\s+(?:[\w'’–-]+\s+){0,3}?(?:poll|survey))?")


@cache.memo("spot: prediction words", 64)
def _predicts(sentence: str) -> bool:
    low = f" {sentence.lower()} "
    for words in vocabulary.vocabulary().get("not_predictions") or ():  # "preliminary estimates ... showed"
        low = low.replace(words.lower(), " ")
    low = _compared_with_expectations().sub(" ", low)  # "rose 8.3%, beating forecasts": a fact
    return any(words in low for words in vocabulary.vocabulary()["prediction_words"]) \
        or bool(_prediction_verbs().search(low))


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _prediction_verbs() -> re.Pattern:
    """A verb of expecting with "that" right after it or "to" later in its sentence ("analysts expect exports to grow",
    "The association expects a slowdown in sales growth for new energy vehicles ... to 24.4 per cent")."""
    verbs = vocabulary.alternatives(vocabulary.vocabulary().get("prediction_verbs") or ())
    return re.compile(rf"(?i)\b(?:{verbs})\s+(?:that\b|[^.;:]{{0,160}}?\bto\s+[a-z\d])")


@functools.cache  # load once: derived from the vocabulary shipped in the package
def _expectation_patterns() -> tuple[re.Pattern, re.Pattern]:
    words = "|".join(re.escape(w) for w in vocabulary.vocabulary()["expectation_words"])
    before = re.compile(rf"(?i)(?:\b(?:{words})\s+(?:[a-z]+\s+)?(?:of|for|at)\s+(?:an?\s+|the\s+)?|\b(?:a|an|the)\s+(?:{words})\s+)"
                        r"(?:about\s+|around\s+)?[$+\-]?\s*$")
    after = re.compile(rf"(?i)\s*(?:[\w-]+\s+)?(?:market\s+)?(?:{words})\b")
    return before, after


def expected_figure(sentence: str, start: int, end: int) -> bool:
    """The figure at sentence[start:end] is what was expected, not what happened: "exceeding forecasts of
    7.3%", "surpassing forecasts of a 1.5% drop", "the 1.8% market consensus", "a forecast $76.2 billion"."""
    before, after = _expectation_patterns()
    return bool(before.search(sentence[max(0, start - 40): start]) or after.match(sentence, end))


def _only_expectations(sentence: str) -> bool:
    """The sentence's prediction words are all nouns for what was expected, each attached to a figure:
    its other figures are facts ("exports grew 10.7%, exceeding forecasts of 7.3%")."""
    low = f" {sentence.lower()} "
    said = [w for w in vocabulary.vocabulary()["prediction_words"] if w in low]
    nouns = {w.lower() for w in vocabulary.vocabulary()["expectation_words"]}
    if not said or not all(w.strip() in nouns for w in said):
        return False
    before, _ = _expectation_patterns()
    return bool(re.search(before.pattern.rstrip("$") + r"\d", sentence) or re.search(
        r"(?i)\d\s*(?:%|per ?cent)?\s+(?:[\w-]+\s+)?(?:market\s+)?(?:" + "|".join(nouns) + r")\b", sentence))


PAST_EXPECTATION = re.compile(r"(?i)\b(?:had|were|was)\s+(?:been\s+)?(?:expected|expecting|predicted|predicting|"
                              r"projected|projecting|forecast|forecasting|anticipated|anticipating)\b")
"""What analysts had expected, before a figure of its clause ("had expected exports to grow 2%", "had predicted a
smaller surplus of USD78.6 billion"): the figure is the expectation (not "more than analysts had expected" after it,
nor a fact in a clause after it: "after dropping 9.9 per cent in December")."""


def _is_prediction(sentence: str, candidate: Candidate, published: date | None, offset: int = 0) -> bool:
    at, end = candidate.start - offset, candidate.end - offset
    if 0 <= at <= end <= len(sentence) and expected_figure(sentence, at, end):
        return True
    if candidate.role == "earlier" and _over(candidate, published):
        return False  # "forecast to rise to 6.0 percent from 4.4 percent in August": where the forecast starts, a fact
    clause = frames.clause_around(sentence, at) if 0 <= at <= len(sentence) else (0, len(sentence))
    said = list(PAST_EXPECTATION.finditer(sentence, clause[0], max(clause[0], at)))
    if said and not re.search(r"[,;(]", sentence[said[-1].end(): at]):
        return True  # "Analysts polled by Reuters had expected exports to grow 2%": what was expected, not a fact
    # "exports surged 57.9 percent to 4.91 million in 2023, and China is expected to become the No. 1 exporter": a
    # prediction in a clause after the figure's is that clause's, not the figure's
    upto = clause[1]
    if _predicts(sentence[:upto]) and not _will_on_a_past_year(sentence, candidate, published) \
            and not _only_expectations(sentence):
        return True
    year_now = published.year if published else date.today().year
    return bool(candidate.period and candidate.period[:4].isdigit() and int(candidate.period[:4]) > year_now)


def _over(candidate: Candidate, published: date | None) -> bool:
    """The figure's stated period was over when the text was published (a month or year before its date)."""
    period = (candidate.period or "").split("/")[-1]
    if published is None or candidate.frame.get("period_from") != "stated" or not re.fullmatch(r"\d{4}(?:-\d{2})?", period):
        return False
    return period < (f"{published.year}-{published.month:02d}" if len(period) == 7 else str(published.year))


def _will_on_a_past_year(sentence: str, candidate: Candidate, published: date | None) -> bool:
    """"In 2023, exports of X will increase by 29.9%" in a text published in 2024: a machine translation's
    tense on a figure of a year already over, not a forecast. Only a bare "will" qualifies (never
    "forecast", "expected", "projected", which are forecasts whatever their year)."""
    if published is None or not candidate.period or not candidate.period[:4].isdigit():
        return False
    if candidate.frame.get("period_from") != "stated" or int(candidate.period[:4]) >= published.year:
        return False
    low = f" {sentence.lower()} "
    words = [w for w in vocabulary.vocabulary()["prediction_words"] if w in low]
    return bool(words) and all(w.strip().startswith("will") for w in words)


def _map(candidate: Candidate, sentence: str, index: list, published: date | None, offset: int = 0,
         paragraph: str = "", items: list | None = None, text_basis: bool | None = None) -> None:
    """Match the candidate's frame to the store's series; set flags, confidence and the verdicts decided here
    (`offset`: where the sentence starts in the text; `text_basis`: the one currency basis stated before it)."""
    frame = frames.Frame(**{k: v for k, v in candidate.frame.items()})
    if _is_prediction(sentence, candidate, published, offset):
        candidate.flags.append("prediction")
    if frame.role == "conversion":
        candidate.flags.append("conversion")
    if frame.period_from == "unresolved":
        candidate.flags.append("period-unresolved")
    if candidate.role in ("leader", "streak") and candidate.check == "leader":
        last = (frame.period or "").split("/")[-1] or None  # a streak's series is found by its last year
        frame_unit, kind_frame = "count", frames.Frame(**{**candidate.frame, "kind": "count", "role": "leader",
                                                          "period": last})
        options, reason = matching.match(kind_frame, frame_unit, None, index)
    else:
        named = None
        if frame.kind == "rank" and frame.transformation in ("level", "change") and candidate.role == "figure":
            named = matching.named_rank(sentence, candidate.start - offset, frame.period, index,
                                        clusters=frame.subject == "st_clusters")
        if named is not None and frame.transformation == "change":
            # "Shanghai-Suzhou edged up one position": the member's rank now less its rank the year before
            member = dataclasses.replace(frame, entity=sorted(named.entry.entities)[0])
            named = matching.change_option(member, candidate.unit, named.entry, False)
        if named is None and frame.subject == "other:named_item" and candidate.value == 1 and items:
            # "its Researchers (1st)": first in an item the store names, for the figure's economy
            opened = sentence.rfind("(", 0, candidate.start - offset + 1)
            named = matching.named_first(sentence, opened, frame, items) if opened >= 0 else None
            if named is not None:
                frame.entity = candidate.entity
        if named is not None:  # "Beijing in third place" among the S&T clusters: that cluster's rank
            options, reason = [named], ""
            frame.entity = frame.entity if frame.entity in named.entry.entities else sorted(named.entry.entities)[0]
            candidate.frame = {**candidate.frame, "subject": named.entry.subject, "subject_from": "stated",
                               "measure": "rank", "measures": ("rank",), "measure_from": "stated",
                               "entity": frame.entity, "entity_from": (candidate.frame.get("entity_from") if
                                                                       frame.subject == "other:named_item" else "stated"),
                               "notes": [*candidate.frame.get("notes", []), f"the rank of {named.entry.member}"]}
            candidate.entity = frame.entity
            candidate.open = frames.Frame(**candidate.frame).open_dimensions()
        elif frame.threshold:
            options = _count_of_partners(frame, index)
            reason = "no flow kept per partner measures what the counted economies pass"
        else:
            options, reason = matching.match(frame, candidate.unit, candidate.value_unscaled, index)
            if not options and _change_from_published(candidate, frame, index, published):
                options, reason = matching.match(frame, candidate.unit, candidate.value_unscaled, index)
            if not options:
                options = _rank_of_levels(candidate, frame, index) or options
    if frame.entity == "WLD" and frame.entity_from == "assumed" and (not options or options[0].derivation):
        # the world spoken of, but no series holds the figure's world row as stated (none, or only converted from
        # another currency: a world total in yuan): China's, as for any unnamed economy, where that holds it
        china = dataclasses.replace(frame, entity="CHN")
        found, why = matching.match(china, candidate.unit, candidate.value_unscaled, index)
        if found and (not options or not found[0].derivation):
            frame, options, reason = china, found, why
            candidate.entity = "CHN"
            candidate.frame = {**candidate.frame, "entity": "CHN"}
    if candidate.check == "leader" and options:
        # a lead among economies is checked only on a series that holds others (CAAM's sales are China's alone)
        options = [o for o in options if len(set(o.entry.entities) - {"WLD"}) >= 2]
        reason = reason if options else "no series in the store holds this figure for other economies (a lead needs them)"
    if not options:
        candidate.flags.append("no-series")
        candidate.verdict = "opinion" if "prediction" in candidate.flags else "unverifiable"
        candidate.check = "opinion" if "prediction" in candidate.flags else candidate.check
        candidate.loader = "none known"
        candidate.explanation = (f"Unverifiable with the bundled data: no series in the store measures this figure: "
                                 f"{reason} (“{candidate.span}”). "
                                 "The loader that would fetch it: none known.")
        return
    options, currency_stated = _currency_basis(options, sentence, frame, candidate.end - offset, paragraph, text_basis)
    options = _growth_of_stated_level(options, sentence, candidate.start - offset, index)
    if currency_stated is None:  # no basis said or leaned on anywhere: either basis is the text's (drafting)
        candidate.flags.append("currency-unsaid")
    if not currency_stated:
        candidate.open.append("currency")
    best = options[0]
    entry = best.entry
    entity = frame.entity if frame.entity in entry.entities else ("CHN" if "CHN" in entry.entities else sorted(entry.entities)[0])
    if not frame.period and published and frame.period_from != "unresolved" and candidate.role in ("figure", "leader"):
        latest = latest_periods(entry, entity, published, frame.released_on)
        if latest:  # a lede without any period: the latest the series completed before the text (assumed)
            frame.period, frame.period_from = latest[0], "assumed"
            candidate.period, candidate._periods = latest[0], latest
            candidate.frame = {**candidate.frame, "period": latest[0], "period_from": "assumed"}
            candidate.open = frame.open_dimensions()
            candidate.flags.append("period-from-published")
    elif frame.period and frame.period_readings:
        # "10th in 2024, according to the GII released on Tuesday": the year said, or the edition the words name;
        # judged on each (drafting: an accusation only when every reading disagrees)
        candidate._periods = [frame.period, *frame.period_readings]
    elif (whole := _whole_year_reading(candidate, frame, best, entity, sentence, published)):
        candidate._periods = [frame.period, whole]
    freq = entry.holds(entity, frame.period.split("/")[-1] if frame.period else None) or matching.freq_of(frame.period)
    same = [o for o in options if matching.same_dimensions(o.entry, entry) and not o.narrower]
    confidence = 0.9 if len(same) == len(options) else 0.6
    confidence -= 0.15 * len(candidate.open)
    if best.narrower:
        confidence -= 0.2
        candidate.flags.append("narrower-series")
    if best.derivation == "unit":
        candidate.flags.append("unit-mismatch")
    elif best.derivation:
        candidate.flags.append("derived")
        if best.derivation == "sum" and candidate.unit != entry.unit:
            candidate.flags.append("unit-mismatch")  # a total over months, and in another unit (GW, MW rows)
        confidence -= 0.1
    candidate.confidence = round(max(0.05, min(confidence, 1.0)), 2)
    candidate._options = options
    since = best.derivation == "ratio" or (best.derivation in ("difference", "growth") and best.base
                                           and best.base != matching.previous_period(frame.period or ""))
    candidate.match = Match(
        source=entry.source, indicator=entry.indicator, entity=None if candidate.check == "leader" else entity,
        period=f"{best.base}/{frame.period}" if since else frame.period,  # "25 places since 2013": the span 2013/2025
        unit=entry.unit, score=round(min(best.score, 1.0), 2),
        product=None if best.derivation == "product_sum" or best.derivation == "partner_rank" and best.narrower
        else entry.product,  # a sum: every product of the series
        freq="A" if candidate.role == "streak" else freq,
        alternatives=[{"source": o.entry.source, "indicator": o.entry.indicator, "unit": o.entry.unit,
                       "product": o.entry.product, "score": round(min(o.score, 1.0), 2),
                       "measure": o.entry.measure, "subject": o.entry.subject, "basis": o.entry.basis}
                      for o in options[1:5]],
        derivation="streak" if candidate.role == "streak" else best.derivation, narrower=best.narrower,
        measure=entry.measure, subject=frame.subject if best.derivation == "product_sum" else entry.subject,
        base_period=best.base,
        whole=({"source": best.whole.source, "indicator": best.whole.indicator, "product": best.whole.product,
                "unit": best.whole.unit} if best.whole else None),
        basis=entry.basis,
        stated_basis=_stated_basis(sentence, frame) if best.other_basis else "",
        counterpart=vocabulary.counterpart_code(frame.counterpart, frame.counterpart_words) if frame.counterpart else "",
    )
    if best.other_basis:
        candidate.flags.append("other-basis")
    definition = part_coverage(sentence, entry.source, entry.indicator)
    if definition:
        candidate.coverage, candidate.definition = "part", definition
    if candidate.entity is None and candidate.check != "leader":
        candidate.entity = entity
    if entry.values and candidate.value_unscaled is not None and not best.derivation \
            and not matching._plausible(candidate.value_unscaled, entry.values, candidate.unit, entry.unit):
        candidate.flags.append("implausible-magnitude")
    if "prediction" in candidate.flags:
        candidate.check = "opinion"
        candidate.verdict = "opinion"
        candidate.explanation = "A projection about a future period: a forecast is not a checkable fact."
        return
    if best.derivation == "unit":
        candidate.verdict, candidate.loader = "unverifiable", f"indicators refresh --source {entry.source}"
        candidate.explanation = (f"Unverifiable as stated: the text gives {candidate.unit}, the closest series "
                                 f"({entry.source}/{entry.indicator}) is in {entry.unit}.")
        return
    if not frame.period:
        candidate.verdict = "needs-review"
        candidate.explanation = ("Needs review: the text gives no period for this figure"
                                 + (" (relative years are not resolved without a published date)" if "period-unresolved" in candidate.flags else "")
                                 + f"; best series {entry.source}/{entry.indicator}.")
        candidate.loader = f"indicators refresh --source {entry.source}"


PART_OF_A_YEAR = re.compile(r"(\d{4})-(?:\d{2}|Q[1-4])")
"""A month or a quarter ("2025-12", "2025-Q4"): a level of a twelfth or a quarter of its year's. (Not a half or the
months so far: "$1 trillion" in January to November is also "$1 trillion" in the year.)"""
PART_OF_A_YEAR_SAID = re.compile(rf"\b(?:{frames.MONTHS}|{frames.MONTH_ABBREVIATIONS})\b|(?i:\b(?:"
                                 r"quarter|half|months?|monthly|year[- ]to[- ]date|so\s+far|Q[1-4]|H[12])\b)")
"""Words naming a part of a year in a sentence: its figure's part is said there, not only carried."""


def _whole_year_reading(candidate: Candidate, frame: frames.Frame, best, entity: str, sentence: str,
                        published: date | None) -> str:
    """"The trade surplus rose to a record nearly $1.2 trillion" after a paragraph on December: a sum or count whose
    part of a year was carried or assumed, not said, may be the year's total the release gives beside the month's;
    the year is judged too, and taken only when it holds the figure and the part does not (drafting._judge; a month's
    level is about a twelfth of the year's, so both cannot hold one figure as stated or "nearly"; "more than" a month's
    figure any year holds). '' when the year is no reading: the sentence names a part of a year itself, or the year
    was not over by the text's date ("Exports rose 8.7% in August. The surplus was 7.06 trillion yuan": not 2024's)."""
    found = PART_OF_A_YEAR.fullmatch(frame.period or "")
    if not found or frame.period_from not in ("context", "assumed") or candidate.role != "figure" \
            or candidate.comparator not in ("~=", "<") \
            or frame.kind not in ("money", "count") or frame.transformation not in (None, "", "level") \
            or best.derivation or not best.entry.holds(entity, found.group(1)) or PART_OF_A_YEAR_SAID.search(sentence) \
            or published is None or int(found.group(1)) >= published.year:
        return ""
    return found.group(1)


def _stated_basis(sentence: str, frame: frames.Frame) -> str:
    """The words naming the compiler the text gives ("PV InfoLink", "customs data"), with its basis."""
    words = [m.words for m in mentions("basis", sentence) if m.value == frame.basis]
    kind = "" if str(frame.basis).startswith("other:") else f" ({frame.basis})"  # "other:" names no catalogue basis
    return f"{words[0]}{kind}" if words else str(frame.basis)


def _change_from_published(candidate: Candidate, frame: frames.Frame, index: list, published: date | None) -> bool:
    """A change with no period ("South Korea, which has moved up two places"): the year of the level's series
    that a lede would read (`latest_periods`, assumed, never an accusation), so that the change is the difference
    of that year's row and the year before's. Sets the period on the frame; False when nothing gives one."""
    if frame.transformation != "change" or frame.period or not published or frame.period_from == "unresolved" \
            or candidate.role != "figure":
        return False
    level = frames.Frame(**{**asdict(frame), "transformation": "level", "change_of": ""})
    options, _ = matching.match(level, candidate.unit, None, index)
    entity = frame.entity or "CHN"
    latest = [p for p in (latest_periods(options[0].entry, entity, published, frame.released_on) if options else [])
              if p.isdigit()]
    if not latest:
        return False
    frame.period, frame.period_from = latest[0], "assumed"
    candidate.period = latest[0]
    candidate.frame = {**candidate.frame, "period": latest[0], "period_from": "assumed"}
    candidate.open = frame.open_dimensions()
    candidate.flags.append("period-from-published")
    return True


def latest_periods(entry, entity: str, published: date, released_on: str = "") -> list[str]:
    """The periods a text published on `published` most likely reports when it names none (a lede: "China's
    exports grew by 10.7 percent year-on-year"): for each frequency the series holds for the entity, the last
    period completed before that date, if the series holds it; those ending latest, the finest first (a release
    reports its newest month first: December 2024 and the year 2024 both end on 31 December), then the others, the
    newest first (the year 2023 after February 2024, for a text of March 2024). A year whose row
    came out within it and before the date (an index's edition: GII 2025, released in September 2025) is the
    latest year; so is the published year when the text says its source came out that year (`released_on`: "the
    latest ... study released by WIPO on September 1") and the series is an edition's. [] when none."""
    edition = any(e == entity and f == "A" and (_edition_out(entry.released.get((e, f), ""), stop, published) or (
        released_on[:4] == str(published.year) and entry.released.get((e, f), "")[:4] == stop >= released_on[:4]))
        for e, f, _, stop in entry.spans)
    last = {"A": str(published.year - (0 if edition else 1)), "M": frames.month_before(published),
            "Q": f"{(published.year * 4 + (published.month - 1) // 3 - 1) // 4}-Q{(published.month - 1) // 3 or 4}"}
    ends = {"A": lambda p: f"{p}-12", "M": lambda p: p, "Q": lambda p: f"{p[:4]}-{int(p[-1]) * 3:02d}"}
    held = sorted({(ends[f](last[f]), "MQA".index(f), last[f]) for e, f, first, stop in entry.spans
                   if e == entity and f in last and first <= last[f] <= stop})
    if not held:
        return []
    newest = max(end for end, _, _ in held)
    # the others after (a lede's total of the year, published after the last month's: judged on them when the
    # newest does not hold the figure, drafting._judge)
    return [p for end, _, p in held if end == newest] + [p for end, _, p in sorted(held, reverse=True) if end != newest]


def _edition_out(released: str, stop: str, published: date) -> bool:
    """The row of the published year was out by the published date: the series' last year came out within that
    year (an index's edition: GII 2025 on 2025-09-16) and, for the published year, on or before the date; for a
    published year before the last, the store knows only the last release: its edition is taken to come out on
    the same day of the year (GII 2024 by 2024-09-16: a text of 2024-10-07 reads the 2024 edition; assumed)."""
    year = str(published.year)
    if not released or released[:4] != stop or stop < year:
        return False
    return (released if stop == year else f"{year}{released[4:10]}") <= published.isoformat()


def part_coverage(sentence: str, source: str, indicator: str) -> str:
    """The vocabulary's definition when the series counts only a part of what the sentence counts
    (World Bank resident patent applications for "applications received"), else ''."""
    for part in vocabulary.vocabulary().get("part_coverage", []):
        if part["series"] == f"{source}/{indicator}" and not any(
                re.search(rf"(?i)\b{re.escape(w)}\b", sentence) for w in part["unless"]):
            return part["definition"]
    return ""


STATED_BASIS = re.compile(r"(?i)\b(?:denominated|measured|calculated|valued|expressed)\s+in\s+(?:U\.?S\.?\s+)?(dollars?|USD|yuan|RMB|"
                          r"renminbi|CNY)\b|\bin\s+(?:U\.?S\.?\s+)?(dollar|USD|yuan|RMB|renminbi|CNY)(?:-denominated)?\s+terms\b")
"""A currency basis said outright ("denominated in USD", "in dollar terms", "in yuan-denominated terms")."""


def _growth_of_stated_level(options: list, sentence: str, at: int, index: list = ()) -> list:
    """"Europe imported 4.1 GW ..., down 16% YoY from 4.87 GW": a growth rate derived from two stored levels follows
    the level the sentence gives in a measure unit (capacity, value: not the mass Ember also keeps): of the series it
    may be derived from, those in that unit's kind first (the level right after its "to", else the nearest such level
    before the rate, else after it). So does a growth published for two levels ("exported 1.55 million battery
    electric vehicles, 64 percent more than in 2022, worth $34 billion": the growth of the units, not of the value)."""
    if len(options) < 2:
        return options
    published = options[0].derivation == "" and options[0].entry.transformation == "growth_rate"
    if published:
        kinds = {id(o): _level_kind(o.entry, index) for o in options if o.derivation == ""}
        if len(set(kinds.values()) - {None}) < 2:
            return options
    elif options[0].derivation not in ("growth", "sum"):
        return options
    figures = read_figures(sentence)
    measured = ("power", "energy", "money", "count") if published else ("power", "energy", "money")
    levels = [f for f in figures if f.unit and vocabulary.unit_kind(f.unit) in measured]
    if not levels:
        return options
    # "rose 13.5% to $830 million, with volumes up 51.1% to 20.1 GW": the level right after "to" is the rate's own
    rate = next((f for f in figures if f.start == at), None)
    own = next((f for f in levels if rate and f.start > rate.end and frames.LEVEL_AFTER_RATE.fullmatch(
        sentence, rate.end, f.said_from)), None)
    level = own or ([f for f in levels if f.end <= at] or levels)[-1 if any(f.end <= at for f in levels) else 0]
    kind = vocabulary.unit_kind(level.unit)
    if published:
        return sorted(options, key=lambda o: kinds.get(id(o)) not in (kind, None))  # (a level not held: as it was)
    return sorted(options, key=lambda o: not (o.derivation == options[0].derivation and o.entry.kind == kind))


def _level_kind(entry, index: list) -> str | None:
    """The kind of the level a published growth series is the growth of (units or value): that of its level in the
    store (same source, subject and product; the growth's name begins with the level's: bev_exports_units for
    bev_exports_units_yoy_pct), None when none is held."""
    twins = [e for e in index if e.source == entry.source and e.transformation == "level" and e.subject == entry.subject
             and e.product == entry.product and entry.indicator.startswith(e.indicator + "_")]
    return max(twins, key=lambda e: len(e.indicator)).kind if twins else None


def _currency_basis(options: list, sentence: str, frame: frames.Frame, at: int = -1, paragraph: str = "",
                    text_basis: bool | None = None) -> tuple[list, bool]:
    """Growth published on a yuan and a dollar basis (two series of the same dimensions): the basis the text uses
    first, and whether the text states one (False: the basis stays open, never an accusation). A growth rate takes
    the currency of the level it qualifies ("rose 5 percent to 43.85 trillion yuan"), else of its sentence's money
    figures or stated basis ("in yuan terms"), else of its paragraph's stated basis (`at`: where the figure starts
    in the sentence: where the figure ends), else leans (open) to `text_basis`, the one basis the text stated
    before the sentence (None: none, or both). The flag is True (stated), False (open, leaning) or None (open, with
    nothing said or leaned on: a growth rate in a text that names no basis)."""
    if len(options) < 2 or len({matching.in_dollars(o.entry) for o in options}) < 2:
        return options, True
    # the basis the figure's own clause states ("with a 5.9% increase in dollar terms"), then the money figure a growth
    # rate qualifies ("rose 7.1% to 25.45 trillion yuan", though another clause says "in dollar terms"), then the
    # sentence's stated basis
    around = _around(sentence, at)
    dollars = _stated_currency(_clause_text(sentence, around)) if at >= 0 else None
    if dollars is None and frame.transformation == "growth_rate":
        dollars = _qualified_currency(around)
    if dollars is None:
        dollars = _stated_currency(sentence)
    if dollars is None and at >= 0 and (own := STATED_BASIS.match(sentence, len(sentence) - len(sentence[at:].lstrip()))):
        dollars = (own.group(1) or own.group(2)).lower() not in YUAN_WORDS  # "fell 4.6 percent in U.S. dollar terms"
    if dollars is None and len(stated_bases(sentence)) == 2 and at >= 0:
        # "the sharp drop in USD terms ... – in RMB terms, exports only fell 3.8% y/y, while imports grew 2.0% y/y":
        # both bases said, the one said last before the figure the likelier (open: never an accusation on it)
        before = [m for m in STATED_BASIS.finditer(sentence) if m.end() <= at]
        if before:
            return _basis_first(options, (before[-1].group(1) or before[-1].group(2)).lower() not in YUAN_WORDS), False
    if dollars is None and frame.transformation == "growth_rate":
        dollars = _stated_currency(paragraph)
    if dollars is None and frame.transformation == "growth_rate":
        leaning = _continued_currency(sentence, around)
        if leaning is None and text_basis is not None:
            # "In yuan terms, total trade rose ... . [a later paragraph] Exports rose 7.2 percent": the one basis
            # the text stated before the figure (an article's basis is said once; none when it stated both): that
            # basis's twin first, the matcher's order kept otherwise (a series with no twin, such as World Bank
            # levels for a year customs' rates lack, stays where it is)
            return _twin_first(options, text_basis), False
        if leaning is not None:  # the likelier basis first, but still open: never an accusation on it
            return _basis_first(options, leaning), False
    if dollars is None:
        return options, (True if frame.transformation != "growth_rate" else None)
    return _basis_first(options, dollars), True


def _twin_first(options: list, dollars: bool) -> list:
    """The options in the matcher's order, but of a yuan and a dollar twin, the one on the given basis first."""
    names = {o.entry.indicator for o in options}

    def other_basis(o) -> bool:
        usd = matching.in_dollars(o.entry)
        twin = o.entry.indicator.replace("_yoy_pct", "_usd_yoy_pct")
        return usd != dollars and (usd or (twin != o.entry.indicator and twin in names))
    return sorted(options, key=other_basis)


def _basis_first(options: list, dollars: bool) -> list:
    """The options on the given currency basis first (True: dollars), each basis by score."""
    return sorted(options, key=lambda o: (matching.in_dollars(o.entry) != dollars, -o.score))


@dataclass(frozen=True)
class _Around:
    """What the currency helpers read around a figure: the sentence's figures, the one ending at the given offset
    (None when none does), the clause holding it, and the sentence's bracketed spans (read once per figure)."""

    figures: list
    own: Figure | None
    clause: tuple[int, int] | None
    bracketed: list[tuple[int, int]]


def _around(sentence: str, at: int) -> _Around:
    figures = read_figures(sentence)
    own = next((f for f in figures if f.end == at), None)
    clause = frames.clause_around(sentence, own.start) if own is not None else None
    return _Around(figures, own, clause, [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", sentence)])


def _clause_text(sentence: str, around: _Around) -> str:
    """The clause of the sentence holding the figure (the whole sentence when no figure ends where it was asked)."""
    if around.clause is None:
        return sentence
    a, b = around.clause
    return sentence[a:b]


def _stated_currency(text: str) -> bool | None:
    """True for dollars, False for yuan when `text` says one basis outright ("denominated in USD", "in yuan
    terms"), else None."""
    stated = stated_bases(text)
    return stated.pop() if len(stated) == 1 else None


def stated_bases(text: str) -> set[bool]:
    """Every currency basis `text` says outright (True for dollars, False for yuan)."""
    return {(m.group(1) or m.group(2)).lower() not in YUAN_WORDS for m in STATED_BASIS.finditer(text)}


YUAN_WORDS = ("yuan", "rmb", "renminbi", "cny")
"""The words of a stated basis (STATED_BASIS) that name the yuan; the others name the dollar."""


WITH_CLAUSE = re.compile(r"(?i)\s*,?\s*(?:with|up|down|representing|marking|an?\s+(?:increase|rise|decrease|decline|"
                         r"growth|jump|drop))\b")


def _continued_currency(sentence: str, around: _Around) -> bool | None:
    """"exports ... totaled US$2052.77 billion, which was the first time to exceed US$2 trillion, with a year-on-year
    increase of 3.6 percent": a growth rate in a clause opening with "with", "up", "an increase of" continues the
    money figure before it (the nearest, no other figure between): its currency is the likelier basis (True for
    dollars). Writers also give the other basis's rate beside a level ("25.45 trillion yuan, up 5.9 percent" in
    dollars), so the basis stays open (never an accusation); None when nothing leans."""
    figures, own, clause, bracketed = around.figures, around.own, around.clause, around.bracketed
    if own is None:
        return None
    before = [f for f in figures if f.end <= own.start and not any(a <= f.start < b for a, b in bracketed)]
    if not WITH_CLAUSE.match(sentence, clause[0]) or not before or before[-1].unit not in ("CNY", "USD") \
            or own.start - before[-1].end > 150:
        return None
    return before[-1].unit == "USD"


def _qualified_currency(around: _Around) -> bool | None:
    """The currency of the money figure the growth rate `around.own` qualifies: the nearest one in its clause with
    no other figure between ("up 7.1 percent to CNY25.45 trillion"), else the one currency of its clause's money
    figures; a conversion in brackets ("25.5 trillion yuan ($3.5 trillion)") is never the basis. None when
    nothing says (another clause's money is another figure's: "..., while the surplus hit $992 billion")."""
    figures, own, clause, bracketed = around.figures, around.own, around.clause, around.bracketed
    if own is None:
        return None
    money = [f for f in figures if f.unit in ("CNY", "USD") and not any(a <= f.start < b for a, b in bracketed)
             and clause[0] <= f.start < clause[1]]
    if not money:
        return None

    def gap(f):
        lo, hi = (f.end, own.start) if f.end <= own.start else (own.end, f.start)
        others = [g for g in figures if lo <= g.start < hi and g is not f]
        return hi - lo if hi - lo <= 60 and not others else None
    near = sorted((gap(f), f.start) for f in money if gap(f) is not None)
    if near:
        return next(f for f in money if f.start == near[0][1]).unit == "USD"
    units = {f.unit for f in money}
    return (units.pop() == "USD") if len(units) == 1 else None
