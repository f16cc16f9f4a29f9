"""Drafting and judging: candidates as claims (docs/claims.md), judged by the claims engine in one batch.

`judge(candidates, store, as_of)` writes every candidate that has a series and a period (and, for
each, up to two alternatives that measure the same thing) into one claims file and judges it with
`claims.check_all`: one call for the whole text. Then abstention: `contradicted` or `misleading` stay
only when the frame is fully determined, the series agrees on every dimension, and no alternative
measuring the same thing supports the figure; otherwise the verdict is `needs-review`, with the
alternatives listed. Figures judged through a derivation (a USD figure against a yuan series, growth
from two levels) are judged here with derive.py and never called contradicted.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import decimal
import operator
import re
import textwrap
from datetime import date, timedelta

import yaml

from indicators import catalogue
from indicators import claims as engine
from indicators import derive
from indicators.claims import schema
from indicators.claims.engine import own_source
from indicators.spot.frames import CHANGE_SUBJECT, COUNTRY_WORDS, EPITHET, FLOWS, TOTAL_WORDS, Frame, overlapping
from indicators.spot.matching import (NAMED_PRODUCTS, freq_of, in_dollars, months_of, previous_period, related,
                                       same_dimensions, span_periods)
from indicators.spot.vocabulary import (actor_group, city_names, measured_otherwise, measures_agree, mentions,
                                        narrowing_modifier, scope_qualifier, sector_qualifier, vocabulary)

ACCUSING = ("contradicted", "misleading")
SUPPORTING = ("supported", "supported-rounded")


def to_claim(candidate, claim_id: str, option=None) -> dict:
    """The candidate as a claim in the claims schema (docs/claims.md), the sentence as `quote`; with
    `option`, against that series instead of the candidate's match."""
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
    if option is None:
        series = {"source": match.source, "indicator": match.indicator}
        for key in ("entity", "counterpart", "product", "period", "freq"):
            if getattr(match, key) and not (key == "freq" and match.freq not in ("A", "Q", "M")):
                series[key] = getattr(match, key)
        series["unit"] = match.unit
    else:
        series = {"source": option.entry.source, "indicator": option.entry.indicator}
        if candidate.check != "leader" and match.entity:
            series["entity"] = match.entity
        if match.counterpart:
            series["counterpart"] = match.counterpart
        if option.entry.product:
            series["product"] = option.entry.product
        if match.period:
            series["period"] = match.period
        if match.freq in ("A", "Q", "M"):
            series["freq"] = match.freq
        series["unit"] = option.entry.unit
    claim.update(stated=stated, series=series, loader=f"indicators refresh --source {series['source']}")
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


_ARTICLE: contextvars.ContextVar[dict] = contextvars.ContextVar("spotted_article", default={})
"""The text being judged, as the claims engine's independence rule sees it: its `url` and `copies`."""


def own_article(meta: dict) -> dict:
    """From a text's front matter, what the claims engine's independence rule needs: its `url` and `copies` (rows
    typed from that page are never evidence for it); {} when it gives none."""
    return {key: meta[key] if key == "copies" else str(meta[key]) for key in ("url", "copies") if meta.get(key)}


@contextlib.contextmanager
def judging(meta: dict):
    """While the figures of a text are judged: its own URL and copies (own_article), whose rows in the store
    (typed from that very page) are never evidence for it, as for `indicators check`."""
    token = _ARTICLE.set(own_article(meta))
    try:
        yield
    finally:
        _ARTICLE.reset(token)


def _evidence(store, as_of: str | None):
    """The store's rows as evidence for the text being judged (its own page's rows left out)."""
    return engine.Evidence(store, as_of, own_source(_ARTICLE.get()))


def _check(batch: list[dict], store, as_of: str | None) -> dict:
    """One claims document, as the downloaded claims file holds it, one call of the engine (validated as a file is,
    not written and read back: the round trip cost a long text a tenth of its time; quotes shortened as written)."""
    batch = [{**claim, "quote": _short(claim["quote"])} for claim in batch]
    article = {"title": "spotted text", "as_of": as_of, **_ARTICLE.get()}
    return {r.id: r for r in engine.check_all(store=store, as_of=as_of, compare=False,
                                              document={"article": article, "claims": batch})}


def _with_period(candidate, period: str):
    """The candidate with its match on another period (a lede's other latest period)."""
    import copy

    other = copy.copy(candidate)
    other.match = copy.copy(candidate.match)
    other.match.period = period
    other.match.freq = freq_of(period)
    return other


def _short(text: str) -> str:
    return text if len(text) <= 300 else text[:297] + "…"


class _Alt:
    def __init__(self, entry):
        self.entry = entry


def judge(candidates: list, store, as_of: str | None, index: list | None = None, published=None) -> None:
    """Judge every candidate that can be judged, in one batch through the claims engine. `published`
    (a date, or None) is the text's date: a figure the store holds only from a later release is never
    called contradicted (the text may quote an earlier estimate). A figure the text gives from another compiler
    than the series' is then needs-review, whatever the engine said (`_other_compiler`); so is a figure held up only
    on the economy's series when the sentence names the economy as a city ("Beijing's exports rose 7.1%")."""
    _judge(candidates, store, as_of, index, published)
    for c in candidates:
        city = _named_as_city(c, carried=False) if c.match is not None and c.verdict in SUPPORTING else ""
        if city:  # the economy is not determined: the city's own figure may be meant, which the series does not hold
            # (carried from a sentence naming it so, "Beijing" was mostly the government: only an accusation's reason)
            c.explanation = (f"Needs review: the sentence names its economy only as \"{city}\", which also names a "
                             f"city; on {c.match.entity}'s series: {c.explanation}")
            c.verdict = "needs-review"
        if c.match is not None and c.match.stated_basis and c.verdict in (*SUPPORTING, *ACCUSING, "needs-review"):
            _other_compiler(c)


def _other_compiler(c) -> None:
    """"according to PV InfoLink, module exports reached 235.93 GW" against Ember's series of the same measure:
    two compilers count the same thing their own way, so the store's figure neither supports nor contradicts the
    text's; needs review, naming both bases and what the engine found."""
    m = c.match
    c.explanation = (f"Needs review: the text gives the figure from {m.stated_basis}; the store's series of the same "
                     f"measure, {m.source}/{m.indicator}" + (f" [{m.product}]" if m.product else "")
                     + f", is compiled on another basis ({m.basis}): against it, {c.verdict}: "
                     f"{c.explanation.removeprefix('Needs review: ')}")
    c.verdict = "needs-review"


def _judge(candidates: list, store, as_of: str | None, index: list | None, published) -> None:
    batch, owners = [], []
    for i, c in enumerate(candidates):
        if c.verdict:  # already decided (no series, unresolved period, prediction handled below)
            continue
        if c.match is None:
            continue
        if c.match.derivation:
            _judge_derived(c, store, as_of)
            _derived_alternatives(c, store, as_of)
            continue
        ids = [f"c{i}"]
        batch.append(to_claim(c, f"c{i}"))
        for j, option in enumerate(c._options[1:3], start=1):
            if option.derivation or option.narrower or not same_dimensions(option.entry, c._options[0].entry):
                continue
            batch.append(to_claim(c, f"c{i}-{j}", option))
            ids.append(f"c{i}-{j}")
        for k, period in enumerate(getattr(c, "_periods", [])[1:], start=1):  # a lede's other latest period
            batch.append(to_claim(_with_period(c, period), f"c{i}-p{k}"))
        owners.append((c, ids))
    if not batch:
        return
    results = _check(batch, store, as_of)
    accused = []
    for c, ids in owners:
        readings = [results[f"{ids[0]}-p{k}"] for k in range(1, len(getattr(c, "_periods", [])))]
        said_both_ways = bool(c.frame.get("period_readings"))  # else the other periods are a lede's latest ones
        # the period is open only between readings the words allow: when each of them accuses, so may the figure
        c._every_reading_accuses = said_both_ways and all(r.verdict in ACCUSING for r in [results[ids[0]], *readings])
        if said_both_ways and results[ids[0]].verdict not in SUPPORTING \
                and any(r.verdict in SUPPORTING for r in readings):
            # it holds on one reading and not on the other: which the text means is not certain
            holding = next(p for p, r in zip(c._periods[1:], readings) if r.verdict in SUPPORTING)
            first_verdict = results[ids[0]].verdict
            results[ids[0]] = dataclasses.replace(
                results[ids[0]], verdict="needs-review",
                explanation=(f"Needs review: the period is {c.period}, or the {holding} edition (its data year "
                             f"{c.period}); on the {holding} edition the figure holds, on {c.period} the engine says "
                             f"{results[ids[0]].verdict} ({results[ids[0]].explanation})"))
            if first_verdict in ACCUSING:
                # the year said disagrees and the edition holds: the series' period is the edition's, so the reading
                # that holds is shown (and charted), still for review
                c.period = c.match.period = holding
        elif results[ids[0]].verdict not in SUPPORTING:
            for k, period in enumerate(getattr(c, "_periods", [])[1:], start=1):
                if results[f"{ids[0]}-p{k}"].verdict in SUPPORTING:  # the lede's figure is the other period's
                    held = results[f"{ids[0]}-p{k}"]
                    results[ids[0]] = dataclasses.replace(held, explanation=(
                        f"{held.explanation} (Read as {period}, which holds the figure, rather than {c.period}, which "
                        f"does not; the text does not name one of them: an assumption.)"))
                    c.period = c.match.period = period
                    break
        first = results[ids[0]]
        chosen, chosen_index = first, 0
        for claim_id in ids[1:]:
            other = results[claim_id]
            if first.verdict not in SUPPORTING and other.verdict in SUPPORTING:
                chosen, chosen_index = other, int(claim_id.rsplit("-", 1)[1])
                break
        basis_changed = bool(chosen_index) and (in_dollars(c._options[0].entry)
                                                != in_dollars(c._options[chosen_index].entry))
        if basis_changed and "currency-unsaid" in c.flags:
            # the text names no currency basis anywhere: the basis that holds the figure is as much the text's
            first_option, first_verdict = c._options[0].entry, first.verdict
            switch_series(c, c._options[chosen_index])
            c.verdict, c.loader = chosen.verdict, chosen.loader
            c.explanation = (f"{chosen.explanation} The text names no currency basis: read on the "
                             f"{'dollar' if in_dollars(c._options[chosen_index].entry) else 'yuan'} basis, where it "
                             f"holds; on the other ({first_option.source}/{first_option.indicator}) the engine says "
                             f"{first_verdict}.")
            _wording_checks(c, chosen)  # ("fell by almost 1%" holds no rise of 0.6% on the yuan basis either)
            continue
        if chosen_index and not basis_changed:  # on another currency basis the text's own series stays the match
            switch_series(c, c._options[chosen_index])
        c.verdict, c.explanation, c.loader = chosen.verdict, chosen.explanation, chosen.loader
        _wording_checks(c, chosen)
        if basis_changed:
            other = c._options[chosen_index].entry
            c.explanation = (f"Needs review: the figure holds on another currency basis than the text's "
                             f"({other.source}/{other.indicator}: {chosen.explanation}), not on the one its sentence uses "
                             f"({c._options[0].entry.source}/{c._options[0].entry.indicator}: {first.explanation})")
            c.verdict = "needs-review"
        if c.verdict in ACCUSING:
            disagreeing = [claim_id for claim_id in ids if results[claim_id].verdict not in ACCUSING]
            accused.append((c, chosen, disagreeing))
    if not accused:
        return
    # Before an accusation: does a series measuring something close (a related measure, a narrower or
    # wider subject, another basis) hold the figure? Then the text may mean that one: needs review.
    second, asked = [], {}
    for k, (c, _, _) in enumerate(accused):
        frame = Frame(**c.frame)
        for j, entry in enumerate(related(frame, c.unit, index or [])[:8]):
            if (entry.source, entry.indicator, entry.product, entry.unit) == (c.match.source, c.match.indicator, c.match.product, c.match.unit):
                continue
            claim_id = f"r{k}-{j}"
            second.append(to_claim(c, claim_id, _Alt(entry)))
            asked.setdefault(k, []).append((claim_id, entry))
    others = _check(second, store, as_of) if second else {}
    held_before = _held_before_revisions(accused, store, as_of)  # one check of the store before each revision day
    for k, (c, chosen, disagreeing) in enumerate(accused):
        holding = [entry for claim_id, entry in asked.get(k, []) if others[claim_id].verdict in SUPPORTING]
        if _market_sales_held(c, asked.get(k, []), others):
            continue
        # a series of the same subject its words may mean (another measure or basis) that neither confirms nor
        # contradicts the figure ("sales rose 6.5%" against domestic sales' "nearly 7%"): the text may mean that one,
        # where it may be true (a narrower or wider subject's undecided verdict says nothing of the figure's own)
        undecided = [entry for claim_id, entry in asked.get(k, []) if others[claim_id].verdict == "inconclusive"
                     and entry.subject == c.match.subject]
        reasons = []
        still_open = [d for d in c.open if not (d == "period" and getattr(c, "_every_reading_accuses", False))]
        if still_open:
            reasons.append(f"open: {', '.join(still_open)}")
        if c.match.narrower:
            reasons.append("the series counts a narrower subject")
        if disagreeing:
            reasons.append("another series measuring the same thing does not disagree")
        place_named = c.frame.get("entity_from") == "stated" and not _economy_named_only_as(c.sentence, COUNTRY_WORDS)
        city = _named_as_city(c)
        if c.frame.get("entity_from") == "stated" and (epithet := EPITHET.search(c.sentence)) \
                and not [p for p in mentions("place", c.sentence) if p.value != "WLD"]:
            reasons.append(f"the sentence names its economy only by an epithet (\"{epithet.group(0)}\")")
        region = _region_of_economy(c.sentence, vocabulary().get("region_words") or ())
        if region:
            reasons.append(f"the sentence names a region of the economy (\"{region}\"): the series counts all of it")
        if city:
            reasons.append(f"the sentence names its economy only as \"{city}\", which also names a city: the figure may "
                           "be the city's")
        if c.frame.get("period_from") != "stated" and not place_named:
            reasons.append("neither the period nor the place is named in the sentence (both carried from earlier text)")
        for what, key in ((f"period ({c.period})", "period_carried_from"), (f"economy ({c.entity})", "entity_carried_from")):
            carried = c.frame.get(key) or ()
            if carried and not any(overlapping(s, c.match.subject) for s in carried):
                about = ", ".join(s.removeprefix("other:") for s in carried[:2]).replace("_", " ")
                about = "something no series counts" if about == "unnamed" else about
                reasons.append(f"the {what} is carried from an earlier paragraph about {about}, not about what the "
                               "figure counts")
        named = ([e for e in _other_economies(c.sentence, c.match.entity)
                  if e not in (c.frame.get("counterpart"), c.match.counterpart)]  # a partner is not another economy's figure
                 if c.frame.get("entity_from") != "stated" else [])
        if named:
            reasons.append(f"the sentence names {', '.join(named[:3])}{' and others' if len(named) > 3 else ''} but "
                           f"not {c.match.entity}, the economy carried from earlier text: the figure may be theirs")
        narrowed = scope_qualifier(c.sentence)
        if narrowed:
            reasons.append(f"the sentence narrows what it counts (\"{narrowed}\"): the series may count more")
        otherwise = _measured_otherwise(c, index or [])
        if otherwise:
            reasons.append(f"the sentence measures the figure another way (\"{otherwise}\") than the series may")
        partner = _partner_of_another(c, candidates)
        if partner:
            reasons.append(f"the sentence names {partner} as a partner of a flow: this figure may be with it too")
        head = c.sentence[: max(0, c.sentence.find(c.span))]  # the sentence's words before the figure
        rd_part = _rd_narrowed(c.sentence) if c.match.subject == "rd" else None
        if rd_part:
            reasons.append(f"the sentence narrows R&D (\"{rd_part}\"): the figure may count only that part, or more")
        narrower = _narrower_named_before(head, c.match.subject)
        if narrower:
            reasons.append(f"the sentence names {narrower.replace('_', ' ')} before the figure, a part of what the "
                           "series counts: the figure may count only that part")
        group = actor_group(head)
        if group:
            reasons.append(f"the sentence speaks of a group (\"{group}\") before the figure: it may count only "
                           "their part of what the series counts")
        modifier = (narrowing_modifier(head, c.frame.get("subject"))
                    if c.frame.get("subject_from") == "stated" else None)
        if modifier:
            reasons.append(f"a word the spotter does not know qualifies the subject (\"{modifier}\"): the figure may "
                           "count a part of what the series counts")
        sector = sector_qualifier(head, c.frame.get("subject")) if c.frame.get("subject") else None
        if sector:
            reasons.append(f"a sector qualifies the subject (\"{sector}\"): the figure may count that sector's part of "
                           "what the series counts")
        if c.role == "conversion":
            reasons.append("the figure is the text's own conversion of the previous one, at a rate it does not give")
        if holding:
            reasons.append("the figure matches " + ", ".join(_series_words(e) for e in holding[:3])
                           + ": the text may mean that")
        if undecided:
            reasons.append("the text may mean " + ", ".join(_series_words(e) for e in undecided[:3])
                           + ", which neither confirms nor contradicts the figure")
        if c.confidence < 0.5:
            reasons.append("the mapping is uncertain")
        twins = _same_series_other_value(c, candidates)
        if twins:
            reasons.append(f"the sentence gives {', '.join(twins)} too for the same series, period and place: "
                           "one of them is about something else")
        apart = _orders_apart(c, chosen)
        if apart:
            reasons.append(apart)
        change = _change_word_before(c.frame, head)
        if change:
            reasons.append(f"the sentence speaks of a change (\"{change}\") before the figure: it may be the change, "
                           "not the level")
        if catalogue.compiler_defined(c.match.subject) and c.frame.get("basis") != c.match.basis:
            reasons.append(f"each compiler chooses what its {c.match.subject.replace('_', ' ')} holds, and the "
                           f"text does not name the series' ({c.match.basis.replace('_', ' ')})")
        unknown = _another_basis_unknown(c, index or [], asked.get(k, []), others)
        if unknown:
            reasons.append(unknown)
        if chosen.observed and chosen.observed.get("derivation"):
            reasons.append(f"the engine derived the figure ({chosen.observed['derivation']}); a derivation "
                           "differs from the publisher's own figure (revisions, coverage), so it does not contradict the text")
        tens = _rounded_to_tens(c, chosen)
        if tens:
            reasons.append(tens)
        held = held_before[k]
        earlier = _earlier_release(held, published)
        if earlier:
            reasons.append(earlier)
        revised = _revised_since(c, chosen, published) or _undated_reestimate(c, chosen, published)
        if revised:
            reasons.append(revised)
        later = released_after(chosen, published)
        if later:
            reasons.append(f"the store's figure was released on {later}, after the text (published {published}): "
                           "the text may quote an earlier, preliminary estimate")
        economies = [code for code in c.frame.get("entity_others") or () if code != c.entity]
        if economies and c.frame.get("entity_bound") != "strong":
            where = "sentence" if c.frame.get("entity_from") == "stated" else "text (the sentence names none)"
            reasons.append(f"the {where} names other economies too ({', '.join(economies)}): which one the figure "
                           "belongs to is not certain")
        reading = next((e for e in holding if _another_reading(c, e, bool(apart))), None)
        if reading is not None:
            accused_on = f"{c.match.source}/{c.match.indicator}" + (f" [{c.match.product}]" if c.match.product else "")
            claim_id = next(i for i, e in asked[k] if e is reading)
            switch_series(c, _Alt(reading))
            c.verdict, c.loader = others[claim_id].verdict, others[claim_id].loader
            c.explanation = (f"{others[claim_id].explanation} Read as {reading.measure} of {reading.subject}, which its "
                             f"words allow; read as {accused_on} the engine would say {chosen.verdict} "
                             f"({chosen.explanation}).")
            continue
        if reasons:
            c.explanation = (f"Needs review: against {c.match.source}/{c.match.indicator} the engine says "
                             f"{c.verdict} ({chosen.explanation}) but {'; '.join(reasons)}; "
                             f"alternatives: {_alternatives_text(c)}.")
            c.verdict = "needs-review"
        elif c.verdict == "contradicted":
            c.explanation += _superseded_note(held)
            if getattr(c, "_every_reading_accuses", False):
                c.explanation += (f" The period is {c.period}, or the {', '.join(c._periods[1:])} edition (its data "
                                  f"year {c.period}): the figure disagrees with each.")


def _market_sales_held(c, asked: list, others: dict) -> bool:
    """"Vehicle sales in China grew almost 7% to 27.3 million units in 2025": sales said "in China" are CAAM's total
    (with exports) or the sales at home, and the figure is read on whichever of the two holds it (the other, which
    disagrees, is named); True when it was so read."""
    if not c.frame.get("sales_in_market"):
        return False
    for claim_id, entry in asked:
        if others[claim_id].verdict in SUPPORTING and entry.measure in ("sales", "domestic_sales") \
                and entry.measure != c.match.measure \
                and overlapping(entry.subject, c.match.subject):
            before = f"{c.match.source}/{c.match.indicator}"
            switch_series(c, _Alt(entry))
            c.match.measure, c.match.subject = entry.measure, entry.subject
            result = others[claim_id]
            c.verdict, c.loader = result.verdict, result.loader
            c.explanation = (f"{result.explanation} (“in China”: read as {_series_words(entry)}, where the figure "
                             f"holds; on {before} the engine says contradicted.)")
            return True
    return False


FLOW_PARTNER_BEFORE = re.compile(r"(?i)\b(?:to|from|into)\s+(?:the\s+)?$")
"""Before a flow's partner ("shipped $500 billion of goods to the European Union", "imports from Japan")."""


def _partner_of_another(c, candidates: list) -> str | None:
    """Another economy the sentence names when this flow figure names no partner and no total ("China exported $462
    billion worth of goods to the U.S., while importing $143 billion": the imports are from the U.S. too, not China's
    total, which had been called false): the partner of another figure, or a place named."""
    if c.frame.get("counterpart") or c.frame.get("measure") not in FLOWS or c.frame.get("entity") == "WLD" \
            or TOTAL_WORDS.search(c.sentence[: c.sentence.find(c.span)]):
        return None  # ("exports to the US rose 5%, while total exports grew 10%": the total, said)
    for other in candidates:
        partner = other.frame.get("counterpart")
        if other is not c and other.sentence == c.sentence and partner and partner != "WLD" \
                and other.frame.get("measure") in FLOWS:
            return other.frame.get("counterpart_words") or partner
    named = [p for p in mentions("place", c.sentence) if p.value not in (c.entity, "WLD")
             and FLOW_PARTNER_BEFORE.search(c.sentence, 0, p.start)]  # "to the European Union", "from Japan"
    return named[0].words if named else None


def _measured_otherwise(c, index: list) -> str | None:
    """Words measuring the figure another way than its series (`vocabulary.measured_otherwise`): "by value" beside a
    series of units or of their growth (what the series' subject is counted in at its level), "retail sales", "in
    rural areas"."""
    entry = next((e for e in index if (e.source, e.indicator, e.product) == (c.match.source, c.match.indicator,
                                                                             c.match.product)), None)
    if entry is None:
        return None
    kinds = {entry.kind} | {e.kind for e in index if (e.measure, e.subject, e.transformation)
                            == (entry.measure, entry.subject, "level")}
    return measured_otherwise(c.sentence, kinds, f"{entry.name} {entry.definition}".lower())


def _series_words(entry) -> str:
    """A series as the reasons name it: "caam/vehicle_domestic_sales_yoy_pct [all] (domestic_sales of vehicles)"."""
    return (f"{entry.source}/{entry.indicator}" + (f" [{entry.product}]" if entry.product else "")
            + f" ({entry.measure} of {entry.subject})")


def _observed_in_its_units(c, result) -> float | None:
    """The published figure the verdict rests on, when it is in the candidate's own unit (else None): what the checks
    on bounds and "nearly" below compare the stated figure with."""
    observed = (result.observed or {}).get("value")
    return None if observed is None or result.observed.get("unit") != c.unit else observed


def _in_text_units(c, value: float) -> str:
    """A published figure in the candidate's own unit, written at the text's scale (1.203e6 as "1.203" for "1.2
    million"): how the checks below quote it."""
    return f"{value / (c.scale or 1.0):g}"


def _wording_checks(c, result) -> None:
    """What the engine's range check leaves to the wording: how far "nearly" reaches, a bound far past, a bound
    within its own digits, a base since revised."""
    _past_near(c, result)
    _loose_bound(c, result)
    _bound_within_its_digits(c, result)
    _revised_base(c, result)


def _past_near(c, result) -> None:
    """"rose nearly 30%" supported by any growth below 30% (-4.6% too) on the "<" side the engine checks: past how far
    "nearly" reaches (Candidate.near: one step of the figure's last non-zero digit or a tenth of it, whichever reaches
    further), needs review instead."""
    observed = _observed_in_its_units(c, result)
    if c.near is None or c.verdict not in SUPPORTING or observed is None:
        return
    if (c.comparator == "<" and observed < c.near) or (c.comparator == ">" and observed > c.near):
        c.verdict = "needs-review"
        c.explanation = (f"Needs review: “{c.span}” says close to the figure, and the published figure, "
                         f"{_in_text_units(c, observed)} in the text's units, is further from it than “nearly” "
                         f"reaches ({_in_text_units(c, c.near)}): {result.explanation}")


LOOSE_BOUND = 3
"""A bound's published figure this many times past it ("over $3.2 trillion" against $18.7 trillion) holds the bound
only as a mapping to something else would: it says the series likely measures another thing."""


def _loose_bound(c, result) -> None:
    """A sum or count given as a bound ("over $3.2 trillion", "under 100,000") that the published figure holds by
    more than LOOSE_BOUND times: needs review instead of supported (the words of a bound stay near what they bound)."""
    observed = _observed_in_its_units(c, result)
    if c.verdict not in SUPPORTING or observed is None or c.frame.get("kind") not in ("money", "count") \
            or not c.value_unscaled:
        return
    ratio = abs(float(observed) / float(c.value_unscaled))
    if (c.comparator in (">", ">=") and ratio > LOOSE_BOUND) or (c.comparator in ("<", "<=") and ratio < 1 / LOOSE_BOUND):
        c.verdict = "needs-review"
        c.explanation = (f"Needs review: “{c.span}” is a bound, and the published figure, "
                         f"{_in_text_units(c, observed)} in the text's units, lies more than {LOOSE_BOUND} times "
                         f"past it: the series more likely measures something else than the figure "
                         f"({result.explanation})")


def _bound_within_its_digits(c, result) -> None:
    """"China's NEV exports were up to 1.2 million units in 2023" against 1.203 million: a bound written with the
    stated digits that the published figure passes by less than half a unit of its last digit (1.203 rounds to the
    stated 1.2) is no proof the bound is false ("up to" is also "rose to"): needs review, never contradicted."""
    observed = _observed_in_its_units(c, result)
    if c.verdict != "contradicted" or c.comparator not in (">", ">=", "<", "<=") or observed is None \
            or c.value is None or not c.value_unscaled:
        return
    exponent = int(decimal.Decimal(repr(float(c.value))).normalize().as_tuple().exponent)
    half = 0.5 * 10 ** exponent * (c.scale or 1.0)  # (only a figure written with decimals: "1.2 million", not "1 million")
    if exponent < 0 and abs(float(observed) - float(c.value_unscaled)) < half * (1 - 1e-9):  # (2.65 is no 2.6)
        c.verdict = "needs-review"
        c.explanation = (f"Needs review: “{c.span}” is a bound, and the published figure, "
                         f"{_in_text_units(c, observed)} in the text's units, passes it by less than its stated "
                         f"digits show (it rounds to {c.value:g}): {result.explanation}")


REVISION_ROOM = 0.05
"""How far, relative to the published figure, a figure the text compares with may lie from it and still be the same
period's as a later release revised it."""


def _revised_base(c, result) -> None:
    """"up from 2.58 per cent in 2023" in a text of 2025, against the store's 2.65 (NBS's R&D intensities were revised
    after the economic census): a figure the text compares with is the earlier period's as the release it quotes gives
    it, and releases revise the periods before; within REVISION_ROOM of the published figure it needs review, never
    contradicted (a base far from it, "lower than the $95.0 billion in July" against 80.6, still is)."""
    observed = _observed_in_its_units(c, result)
    if c.role != "earlier" or c.verdict not in ACCUSING or observed is None or not observed or c.value_unscaled is None:
        return
    if abs(float(c.value_unscaled) - float(observed)) <= REVISION_ROOM * abs(float(observed)):
        c.verdict = "needs-review"
        c.explanation = (f"Needs review: {result.explanation} (a figure the text compares with, within "
                         f"{REVISION_ROOM:.0%} of the published one: the release the text quotes may have revised it)")


ORDERS_APART = 20
"""A stored level this many times the text's (or a this-many-th of it) says the mapping is wrong, not the text."""


def _orders_apart(candidate, result) -> str:
    """A sum or count read against a series whose figure is over ORDERS_APART times larger or smaller (1.28 million
    vehicles against 3.91 billion battery cells): the text is about something else; the reason to say so, or ""."""
    observed = (result.observed or {}).get("value")
    if candidate.frame.get("kind") not in ("money", "count") or not observed or not candidate.value_unscaled:
        return ""
    ratio = abs(float(observed) / float(candidate.value_unscaled))
    if 1 / ORDERS_APART <= ratio <= ORDERS_APART:
        return ""
    size = f"about {ratio:,.0f} times the text's" if ratio > 1 else f"about 1/{1 / ratio:,.0f} of the text's"
    return f"the store's figure is {size}: the series more likely measures something else than the figure"


def _change_word_before(frame: dict, head: str) -> str:
    """A change noun in `head` (the words before the figure) when the figure is a sum or count read as a level
    ("growth in exports hit a record 4 trillion yuan"): the word, else ""."""
    if frame.get("kind") not in ("money", "count") or frame.get("transformation") not in (None, "", "level"):
        return ""
    found = CHANGE_SUBJECT.search(head)
    return found.group(0) if found else ""


def _another_basis_unknown(candidate, index: list, asked: list, results: dict) -> str:
    """The text names no compiler, and the store has a series measuring the same thing on another basis (customs'
    count of car exports beside CAAM's) that holds no figure to compare: the text may quote that compiler, so the
    accusation rests on a guessed basis. The reason to say so, or ""."""
    if candidate.frame.get("basis_from") in ("stated", "context"):
        return ""
    m = candidate.match
    own = next((e for e in index if (e.source, e.indicator, e.product, e.unit) == (m.source, m.indicator, m.product,
                                                                                     m.unit)), None)
    if own is None:
        return ""
    for claim_id, entry in asked:
        verdict = results[claim_id].verdict
        if entry.basis != own.basis and same_dimensions(entry, own) and verdict not in (*SUPPORTING, *ACCUSING):
            return (f"the text names no compiler, and {entry.source}/{entry.indicator} counts the same thing on "
                    f"another basis ({entry.basis.replace('_', ' ')}) with nothing to compare ({verdict}): the text "
                    "may quote that compiler")
    return ""


def _same_series_other_value(candidate, candidates: list) -> list[str]:
    """The spans of other figures of the candidate's sentence mapped to the same series, period and place with
    another value ("11th place, with innovation outputs (ranked 7th) and inputs (ranked 23rd)"): they cannot
    all be that series' figure, so none of them is an accusation."""
    m = candidate.match
    return [c.span for c in candidates if c is not candidate and c.sentence == candidate.sentence and c.match
            and c.role == candidate.role and c.unit == candidate.unit and c.value != candidate.value
            and (c.match.source, c.match.indicator, c.match.product, c.match.period, c.match.entity)
            == (m.source, m.indicator, m.product, m.period, m.entity)]


def _another_reading(candidate, entry, apart: bool = False) -> bool:
    """The words allow reading the figure as this series: the same measure, a subject the stated one holds or
    shares members with ("cars": passenger cars; "electric vehicles": NEVs), the stated basis if any. An assumed
    subject allows no other, unless its series' figure is orders of magnitude apart from the text's (`apart`)."""
    frame = candidate.frame
    if not frame.get("measures") or not any(measures_agree(m, entry.measure) for m in frame["measures"]):
        return False
    if candidate.match and (candidate.match.product or "").startswith(NAMED_PRODUCTS) and not entry.member:
        return False  # "San Jose-San Francisco ... grab the third place": a named cluster's place, never its economy's
    if frame.get("basis") and frame.get("basis_from") in ("stated", "context") and entry.basis != frame["basis"]:
        return False
    if frame.get("subject_from") != "stated" and entry.subject != frame.get("subject") and not apart:
        # "In 2024, export growth soared more than 12.6%": goods assumed, not any good that supports it (but "Chinese
        # exports jumped 28% to $65 billion" after a sentence on batteries, all goods orders of magnitude apart: may be)
        return False
    return bool(frame.get("subject")) and overlapping(entry.subject, frame["subject"])


def _release_dates(result) -> list[str]:
    """The release day (ISO, "" when unknown) of each row the engine used."""
    return [str(source.get("released") or "")[:10] for source in result.sources]


def released_after(result, published) -> str:
    """The release date of the evidence when every row the engine used was released after the text's
    published date ('' when the text's date is unknown or a row was out by then)."""
    if published is None:
        return ""
    dates = _release_dates(result)
    if not dates or any(not d or d <= str(published) for d in dates):
        return ""
    return min(dates)


REVISION_MARGIN = 0.03
"""A first-release count and its revision in a later release differ by this share or less (WIPO's 2022 PCT counts:
the USA 59,056 -> 58,823, 0.4%); a text further from the store's first release is not excused by a revision."""
NEXT_RELEASE_DAYS = 300
"""A yearly publisher's next release (which may revise a period's first figure) comes this many days or more after
the first one."""


def _within_revision(candidate, result) -> bool:
    """The text's figure is within REVISION_MARGIN of the store's (the one home of that test)."""
    observed = (result.observed or {}).get("value")
    if not observed or candidate.value is None:
        return False
    return abs(candidate.value * candidate.scale - float(observed)) <= REVISION_MARGIN * abs(float(observed))


def _undated_reestimate(candidate, result, published) -> str:
    """A text with no date, a figure within REVISION_MARGIN of a series an international compiler re-estimates
    (basis international_reestimate: the World Bank's R&D intensity, 2.77% of the UK's GDP in 2022 against 2.75 in its
    2026 release): with no date to tell which release or which national estimate the text quotes, the difference
    is no contradiction. The reason to say so, or ""."""
    m = candidate.match
    if published is not None or m is None or m.basis != "international_reestimate" \
            or not _within_revision(candidate, result):
        return ""
    return ("the text gives no date and the series is an international re-estimate, revised from release to release: "
            "it may quote an earlier release or the national estimate")


def _revised_since(candidate, result, published) -> str:
    """The store holds a publisher's first release of the figure, the publisher revises such figures in its later
    releases (the series' `revised` in its source.yaml), the text came out after a later release could have (or
    gives no date) and its figure is within REVISION_MARGIN of the store's: it may quote the revised figure (WIPO's
    5,367 Swiss PCT applications of 2022 at first, 5,430 in a text of 2024). The reason to say so, or ""."""
    m = candidate.match
    series = catalogue.describe(m.source, m.indicator, m.product, m.unit) if m else None
    if series is None or not series.revised or not _within_revision(candidate, result):
        return ""
    dates = _release_dates(result)
    try:
        released = date.fromisoformat(max(dates)) if dates and all(dates) else None
        lag = None if published is None else (date.fromisoformat(str(published)[:10]) - released).days
    except (TypeError, ValueError):
        return ""
    if released is None or lag is not None and lag < NEXT_RELEASE_DAYS:
        return ""
    when = "the text gives no date" if lag is None else f"the text came out {lag} days after it"
    return (f"the store holds the first release of this figure ({released}) and {series.revised}; {when}: "
            "it may quote a revised figure")


REVISION_LAG_DAYS = 31
"""A text published this many days or fewer after a revision may have been written before it."""


def _earlier_release(held, published) -> str:
    """The figure holds on the store's earlier release of the same series and period (a preliminary estimate
    since revised: NBS's 3.613 trillion yuan of R&D for 2024, final 3.633 on 2025-09-29), and the text came out
    within REVISION_LAG_DAYS of the revision, or gives no date: it may have been written on the earlier figure.
    (Later, quoting a revised figure stays an accusation.) `held`: `_held_before_revisions`' answer. The reason to say
    so, or ""."""
    if held is None:
        return ""
    released, then = held
    try:
        lag = None if published is None else (date.fromisoformat(str(published)[:10]) - date.fromisoformat(released)).days
    except ValueError:
        return ""
    if lag is not None and not 0 <= lag <= REVISION_LAG_DAYS:
        return ""
    when = "and the text gives no date" if lag is None else f"{lag} days before the text"
    return (f"the figure matches the release before {released} ({then.explanation}), {when}: "
            "the text may quote that earlier estimate, since revised")


RD_GOES_ON = re.compile(r"(?i)(?:[,.;:)]|$|\s*\(|\s+(?:spending|spend|expenditures?|expenses?|investments?|intensity|"
                        r"funding|outlays?|budgets?|inputs?|ratio|share|to|as|in|of|at|for|from|with|over|during|"
                        r"last|this|that|which|while|compared|against|was|is|were|are|has|have|had|rose|grew|reached|"
                        r"hit|stood|amounted|accounted|totalled|totaled|increased|climbed|jumped|surged|fell|dropped|"
                        r"declined|came|remained|stayed|equalled|equaled|equal|equivalent|rising|growing|reaching|"
                        r"hitting|up|down|(?:19|20)\d{2})\b|\s*[\d$€¥£])")
"""What may follow R&D's name without narrowing it (its spending, a verb, a preposition, the figure)."""
RD_AFTER = re.compile(r"(?i)(?:^|\(\s*|\b(?:on|in|into|of|the|its|their|our|total|overall|national|gross|domestic|for|"
                      r"and|to|that|whose|with|spent|spend|spends|spending|invested|invests|devoted|devotes|"
                      r"[\w.-]+['’]s)\s+)$")
"""What may stand before R&D's name without narrowing it ("spent on R&D", "China's R&D"; not "AI R&D", "military
R&D")."""


def _rd_narrowed(sentence: str) -> str | None:
    """"China spent 0.4% of GDP on R&D equipment", "6.4% of its economy on R&D and education", "the share of GDP spent
    on R&D by businesses", "spent on AI R&D": words right after or before R&D's name that make it a part of R&D, or
    more than R&D, or someone's (a noun the spotter does not know, a second item, "by" a spender, a word before it
    that narrows it): the figure may not be R&D intensity."""
    for m in mentions("subject", sentence):
        if m.value == "rd" and not RD_GOES_ON.match(sentence, m.end):
            words = re.match(r"\s+(?:(?:and|or|by|&)\s+)?[\w'’-]+", sentence[m.end:])
            return sentence[m.start: m.end] + (words.group(0) if words else "")
        if m.value == "rd" and not RD_AFTER.search(sentence, 0, m.start):
            return sentence[max(0, m.start - 30): m.end].split()[-2] + " " + m.words
    return None


def _narrower_named_before(head: str, subject: str | None) -> str | None:
    """"The sale of commercial vehicles has seen a sharp increase, with 5.13 million vehicles sold": a subject narrower
    than the series' (commercial vehicles within vehicles) named before the figure, which may count only it."""
    if not subject:
        return None
    return next((m.value for m in mentions("subject", head) if m.value != subject and not m.value.startswith("other:")
                 and catalogue.within(m.value, subject)), None)


def _rounded_to_tens(c, chosen) -> str:
    """"NEV sales surged 160 percent" for CAAM's 157.5% (which CAAM said as "1.6 times"): a percentage from 100 to 990
    ending in a zero may be rounded to tens (its zero need not be significant). The engine checks it to the unit; a
    published figure within five of it is no proof it is false (needs review, never supported either)."""
    observed = (chosen.observed or {}).get("value")
    stated = c.value
    if c.unit != "percent" or c.comparator not in ("==", "~=") or observed is None or stated is None \
            or not float(stated).is_integer() or not 100 <= abs(stated) < 1000 or stated % 10:
        return ""
    if abs(float(observed) - stated) >= 5:
        return ""
    return (f"the stated {stated:g}% may be rounded to tens ({float(observed):g}% is {stated:g}% so rounded): the "
            "engine checks it to the unit")


def _held_before_revisions(accused: list, store, as_of: str | None) -> list:
    """For each accused (candidate, result, ...): (the release day of the rows the engine used, the engine's result on
    the store as it stood the day before) when the figure holds on that earlier release of the same series and period;
    None otherwise. One engine call per release day, whatever the number of figures (a long text accuses many)."""
    asked: dict[str, list] = {}  # the day before a release -> [(index, release day)]
    for k, (candidate, result, *_) in enumerate(accused):
        dates = _release_dates(result)
        if not dates or not all(dates):
            continue
        released = min(dates)
        try:
            before = (date.fromisoformat(released) - timedelta(days=1)).isoformat()
        except ValueError:
            continue
        if as_of and str(as_of) < released:
            continue
        asked.setdefault(before, []).append((k, released))
    held: list = [None] * len(accused)
    for before, items in asked.items():
        results = _check([to_claim(accused[k][0], f"earlier-{k}") for k, _ in items], store, before)
        for k, released in items:
            then = results.get(f"earlier-{k}")
            held[k] = (released, then) if then is not None and then.verdict in SUPPORTING else None
    return held


def _superseded_note(held) -> str:
    """For a figure judged contradicted long after a revision: that it matches the release before (NBS's preliminary
    8.1% growth of 2023's R&D spending, final 8.4%), said in the explanation so a reader sees a superseded estimate,
    not an invented figure. The verdict stays (quoting a figure revised long before the text is still wrong).
    `held`: `_held_before_revisions`' answer."""
    if held is None:
        return ""
    released, then = held
    return (f" The figure matches the release before {released} ({then.explanation}): the text quotes that earlier "
            "estimate, since revised.")


SAID_THERE_BEFORE = re.compile(r"(?i)\b(?:said|says|told|announced|reported|stated|conference|briefing|statement|"
                               r"forum|meeting|summit)\b[^.;]*?\b(?:in|at)\s+$")
"""Before a place, where something was said ("the customs office said in Beijing", "a news conference in Beijing")."""
SPEAKER_AFTER = re.compile(r"(?i)-based\b|\s+(?:has\s+|had\s+)?(?:said|says|announced|reported|stated|insisted|"
                           r"insists|claimed|claims|officials?)\b")
"""After a place, words making it a speaker or an address ("Beijing said", "Beijing officials", "Beijing-based")."""


def _economy_named_only_as(sentence: str, words, where_said: bool = True) -> str:
    """The words naming the sentence's economies when every one is among `words` (else ""): "the country" (resolved
    from earlier text, which may have been about another economy: "Germany's automakers ... Sales in China ... The
    country produced"), or a city's name standing for the economy ("Beijing"). Unless `where_said`, a place where
    something was said ("said in Beijing"), a speaker ("Beijing said") or an address ("Beijing-based analysts")
    names no economy of a figure."""
    wanted = {w.lower() for w in words}
    places = [p for p in mentions("place", sentence) if p.value != "WLD"
              and (where_said or not (SAID_THERE_BEFORE.search(sentence, max(0, p.start - 60), p.start)
                                      or SPEAKER_AFTER.match(sentence, p.end)))]
    if places and all(p.words.lower() in wanted for p in places):
        return places[0].words
    return ""


def _named_as_city(c, carried: bool = True) -> str:
    """The city's name the candidate's economy goes by in its sentence ("Beijing's exports rose 5.9%") or, when
    `carried`, in the earlier sentence it was carried from (and where something was said: "said in Beijing"), when
    the match is not a cluster's series (a city's by nature): the figure may be the city's. Else ""."""
    named_as = c.frame.get("entity_named_as") or ""
    city = _economy_named_only_as(c.sentence, city_names(), where_said=carried) or (
        named_as if carried and c.frame.get("entity_from") == "context" and named_as.lower() in city_names() else "")
    return city if city and not (c.match.product or "").startswith("cluster:") else ""


def _other_economies(sentence: str, entity: str) -> list[str]:
    """The economies the sentence names other than `entity`, in order ("the top 10: Switzerland, Sweden, ..."
    carries no figure of India's, whatever the text was about before)."""
    named = []
    for place in mentions("place", sentence):
        if place.value not in ("WLD", entity) and place.value.isalpha() and place.value.isupper() \
                and place.value not in named:
            named.append(place.value)
    return named


def _region_of_economy(sentence: str, words) -> str:
    """A region word right before an economy's name ("Northeast China", "coastal China"): the words, else ""."""
    wanted = {w.lower() for w in words}
    for place in mentions("place", sentence):
        before = re.search(r"([A-Za-z][\w-]*)\s+$", sentence[: place.start])
        if before and before.group(1).lower() in wanted:
            return f"{before.group(1)} {place.words}"
    return ""


def switch_series(candidate, option) -> None:
    """Judge the candidate on the option's series from now on: the series it had goes first among its alternatives."""
    m = candidate.match
    m.alternatives = [a for a in m.alternatives if not (a["source"] == option.entry.source
                                                        and a["indicator"] == option.entry.indicator)]
    m.alternatives.insert(0, {"source": m.source, "indicator": m.indicator, "unit": m.unit, "product": m.product,
                              "score": m.score})
    m.source, m.indicator, m.unit, m.product = option.entry.source, option.entry.indicator, option.entry.unit, option.entry.product


def _alternatives_text(candidate) -> str:
    alts = candidate.match.alternatives if candidate.match else []
    return ", ".join(f"{a['source']}/{a['indicator']}" + (f" [{a['product']}]" if a.get("product") else "")
                     + f" ({a['unit']})" for a in alts[:4]) or "none"


def _share_of(evidence, spec: dict, m, period: str):
    """The part's share of the whole (both stored levels of one series) for one period."""
    part = evidence.one({**spec, "period": period})
    whole = evidence.one({**spec, **m.whole, "period": period})
    if part is None or whole is None:
        raise derive.DerivationError(f"no {m.indicator} for {period} in the store")
    return derive.share(float(part["value"]), float(whole["value"]), m.unit,
                        f"{m.product or m.indicator} of {m.whole['product'] or m.whole['indicator']}, {period}")


def _period_total(evidence, spec: dict, period: str, what: str) -> float:
    """A series' level for a period: a month's row, or the sum of the period's monthly rows."""
    if freq_of(period) == "M":
        row = evidence.one({**spec, "period": period})
        if row is None:
            raise derive.DerivationError(f"no {what} for {period} in the store")
        return float(row["value"])
    return _months_total(evidence, spec, period)[0]


def _partner_share(evidence, spec: dict, m, period: str):
    """A partner's share of a flow kept per partner ("58% of the modules exported in H1 2023 went to Europe"): the
    partner's rows over the world's, each a month's row or the sum of the period's months."""
    def total(counterpart: str) -> float:
        return _period_total(evidence, {**spec, "counterpart": counterpart}, period, f"{m.indicator} to {counterpart}")
    return derive.share(total(m.counterpart), total("WLD"), m.unit,
                        f"exports to {m.counterpart} of exports to the world, {m.product or m.indicator}, {period}")


def _product_share(evidence, spec: dict, m, period: str):
    """A product's rows over the sum of every product of its series for one period (a month's rows, or the sums of
    the period's months): "cells were 22% of China's solar exports" on Ember's panels, cells and wafers."""
    def total(product: str) -> float:
        return _period_total(evidence, {**spec, "product": product}, period, f"{m.indicator} [{product}]")
    products = _series_products(evidence, spec)
    if m.product not in products or len(products) < 2:
        raise derive.DerivationError(f"{m.indicator} keeps no products to sum")
    part, whole = total(m.product), sum(total(p) for p in products)
    return derive.share(part, whole, m.unit, f"{m.product} of {' + '.join(products)}, {period}")


def _series_products(evidence, spec: dict) -> list[str]:
    """The products a series keeps (Ember's pv_cells, pv_panels, pv_wafers), in order."""
    rows = evidence.rows({k: v for k, v in spec.items() if k not in ("product", "period")})
    return sorted(set(rows["product"].dropna()) - {""}) if len(rows) else []


def _product_sum(evidence, spec: dict, m, c) -> derive.Derived:
    """The sum of every product of a series for one period (a month's rows, or the sums of the period's months), or
    for a growth rate the growth of that sum over the same period a year earlier: "PV products worth $6.71 billion"
    on Ember's panels, cells and wafers."""
    products = _series_products(evidence, spec)
    if len(products) < 2:
        raise derive.DerivationError(f"{m.indicator} keeps no products to sum")

    def total(period: str) -> float:
        return sum(_period_total(evidence, {**spec, "product": p}, period, f"{m.indicator} [{p}]") for p in products)
    what = f"{' + '.join(products)} of {m.source}/{m.indicator}"
    if c.frame.get("transformation") == "growth_rate":
        base = previous_period(str(m.period))
        return derive.growth(total(str(m.period)), total(base), m.unit, f"{m.period} ({what})", base)
    value, unit = total(str(m.period)), m.unit
    if derive.check_units(c.unit, m.unit) == "rescale":  # MW rows for a GW figure
        value, unit = derive.rescale(value, unit, c.unit), c.unit
    return derive.Derived(value, unit, f"the sum of {what} for {m.period} = {derive.human(value, unit)}")


def _world_share(evidence, spec: dict, m, period: str):
    """An economy's row over the same series' world row for one period ("25.4% of all PCT applications")."""
    own = evidence.one({**spec, "period": period})
    world = evidence.one({**spec, "entity": "WLD", "period": period})
    if own is None or world is None:
        raise derive.DerivationError(f"no {m.indicator} for {m.entity} and the world in {period} in the store")
    return derive.share(float(own["value"]), float(world["value"]), m.unit,
                        f"{m.entity} of the world's {m.product or m.indicator}, {period}")


def _months_total(evidence, spec: dict, period: str) -> tuple[float, int]:
    """The sum of a series' monthly rows over a period longer than a month (a half, a quarter, January to a
    month), with the number of months; every month must be held. A series kept per partner (Ember: exports
    to each country) is summed on its world row. DerivationError names what is missing."""
    first, last = months_of(period) or (None, None)
    if first is None:
        raise derive.DerivationError(f"{period} is not a span of months")
    months = [f"{y}-{mo:02d}" for y in range(int(first[:4]), int(last[:4]) + 1) for mo in range(1, 13)
              if first <= f"{y}-{mo:02d}" <= last]
    total, missing = 0.0, []
    for month in months:
        rows = evidence.rows({**spec, "period": month, "freq": "M"})
        partners = set(rows["counterpart"]) if len(rows) and "counterpart" in rows else set()
        if len(partners) > 1:
            if "WLD" not in partners:
                raise derive.DerivationError(f"{spec['indicator']} is kept per partner without a world total")
            row = evidence.one({**spec, "period": month, "freq": "M", "counterpart": "WLD"})
        else:
            row = evidence.one({**spec, "period": month, "freq": "M"})
        if row is None:
            missing.append(month)
        else:
            total += float(row["value"])
    if missing:
        raise derive.DerivationError(f"{len(missing)} of {len(months)} months missing ({', '.join(missing[:4])}"
                                     f"{'…' if len(missing) > 4 else ''})")
    return total, len(months)


def _sum_judged(evidence, spec: dict, m, c) -> derive.Derived:
    """A period's total from monthly rows ("114 GW shipped in the first half of 2023"), or its growth from the
    totals of the period and the same period a year earlier ("up 34%"); in the figure's unit when the series
    counts the same kind in another (MW rows for GW)."""
    if c.frame.get("transformation") == "growth_rate":
        if "_pct" in m.indicator:
            raise derive.DerivationError("monthly growth rates do not add up to a period's growth")
        base = previous_period(str(m.period))
        now, n = _months_total(evidence, spec, str(m.period))
        before, _ = _months_total(evidence, spec, base)
        return derive.growth(now, before, m.unit, f"{m.period} ({n} months summed)", base)
    total, n = _months_total(evidence, spec, str(m.period))
    unit, how = m.unit, derive.check_units(c.unit, m.unit)
    if how == "rescale":  # MW rows for a GW figure
        total, unit = derive.rescale(total, unit, c.unit), c.unit
    elif how != "same":  # vehicles beside a count are the same
        raise derive.DerivationError(f"the figure is in {c.unit}, the monthly rows in {unit}: not converted month by month")
    return derive.Derived(total, unit, f"sum of {n} monthly figures for {m.period} = {derive.human(total, unit)}")


def _derived_alternatives(c, store, as_of: str | None) -> None:
    """A derived figure that does not hold on its series is tried on the other series of the same dimensions
    derived the same way (World Bank merchandise exports and BoP goods exports for "exports fell 7.7% in 2016"):
    the first that holds it becomes the match, as for direct series."""
    import copy

    if c.verdict in SUPPORTING or not c._options:
        return
    for option in c._options[1:4]:
        if option.derivation != c.match.derivation or option.narrower \
                or not same_dimensions(option.entry, c._options[0].entry):
            continue
        trial = copy.copy(c)
        trial.match = copy.copy(c.match)
        trial.match.alternatives = list(c.match.alternatives)
        switch_series(trial, option)
        _judge_derived(trial, store, as_of)
        if trial.verdict in SUPPORTING:
            c.match, c.verdict, c.explanation, c.loader = trial.match, trial.verdict, trial.explanation, trial.loader
            return


def _judge_streak(c, store, as_of: str | None) -> None:
    """What held for N periods running, checked by the engine for each period (spot._held_streaks): a lead among
    the economies a count series holds ("first in the world for five consecutive years": the leader check); a
    place in a series of ranks ("ranks 1st in the GII for the 14th consecutive year": the exact check); a growth
    rate's sign ("growing for the eighth consecutive year": the threshold check, above or below 0); a record over
    the months ending with a figure's own ("the highest rate of growth in six months": each month before it below the
    figure, spot._records); a flow's first rise or fall in N months ("exports fell for the first time in three months":
    the month itself the other way from each month before it, spot._turn_of_a_flow). Supported
    when every period is; unverifiable when the store lacks some periods and none contradicts (a lead: needs-review);
    otherwise needs-review with each period's verdict, never contradicted (a streak's first period is the text's
    count, which it may date differently)."""
    m = c.match
    periods = span_periods(str(m.period))
    if c.frame.get("record"):  # "the highest in six months": the months before the figure's own (judged as itself)
        periods = periods[:-1]
    first, last = periods[0], periods[-1]
    lead = c.check == "leader"  # a lead among economies; else a place in a series of ranks, or a growth's sign
    series = {"source": m.source, "indicator": m.indicator, "unit": m.unit,
              **({"product": m.product} if m.product else {})}
    if lead:
        what, check, stated = (f"leads {m.source}/{m.indicator}", "leader",
                               {"value": 1, "unit": "rank", "comparator": "rank==1"})
    elif c.comparator.startswith("rank=="):
        place = int(c.comparator.split("==")[1])
        what, check, stated = (f"is number {place} in {m.source}/{m.indicator}", "exact",
                               {"value": place, "unit": "rank", "comparator": "=="})
        series["entity"] = c.entity
    else:  # ">0", "<0", or a bound the text gave (">5": "the fourth consecutive month of over 5-percent growth")
        sign, bound = re.match(r"([<>]=?)(-?[\d.]+)$", c.comparator).groups()
        what, check, stated = (f"has {m.source}/{m.indicator} {sign} {bound}", "threshold",
                               {"value": float(bound), "unit": m.unit, "comparator": sign})
        series["entity"] = c.entity
    turned = {**stated, "comparator": {">": "<", "<": ">"}.get(stated["comparator"], stated["comparator"])}
    if c.frame.get("turn"):  # a first fall in N months with no figure: the months before rose, the month itself fell
        what = f"{what} before {last} and {turned['comparator']} {stated['value']:g} in {last}"
    batch = [{"id": f"p{period}", "quote": _short(c.sentence.strip()), "check": check,
              **({"entity": c.entity, **({"total": c.total} if c.total else {})} if lead else {}),
              "stated": {**(turned if c.frame.get("turn") and period == last else stated), "scale": 1, "text": c.span},
              "series": {**series, "period": period}}
             for period in periods]
    results = _check(batch, store, as_of)
    verdicts = {period: results[f"p{period}"].verdict for period in periods}
    each = "; ".join(f"{period}: {verdict}" for period, verdict in verdicts.items())
    c.loader = f"indicators refresh --source {m.source}"
    if all(verdict in SUPPORTING for verdict in verdicts.values()):
        c.verdict = "supported"
        c.explanation = f"Supported period by period: {c.entity} {what} in each of {first}–{last} ({each})."
    elif not lead and all(v in SUPPORTING or v == "unverifiable" for v in verdicts.values()):
        confirmed = sum(verdict in SUPPORTING for verdict in verdicts.values())
        c.verdict = "unverifiable"
        c.explanation = (f"Unverifiable with the bundled data: a streak over {first}–{last}, checked period by period "
                         f"against {m.source}/{m.indicator} ({each}); the store does not hold every period"
                         + (f" (it confirms {confirmed} of the {len(periods)})" if confirmed else "") + ".")
    else:
        c.verdict = "needs-review"
        c.explanation = (f"Needs review: a streak over {first}–{last} ({c.entity} {what}) checked period by period "
                         f"({each}); a streak is not accused on (its periods may be counted differently).")


def _place_said(place: int, c) -> bool:
    """Whether a place found is the one the text says: at or above the threshold for "the top two" (comparator "<=",
    "<"), else the very place said."""
    said = int(c.value)
    return place <= said if c.comparator == "<=" else place < said if c.comparator == "<" else place == said


def _judge_rank(c, store, as_of: str | None) -> None:
    """"The United States came in second with 55,678 applications", "Japan, the third-largest filer": an economy's
    place among the economies a count series holds (derivation "rank"). The store lists only some economies, so the
    place is checked as far as the held ones and the world's total allow, and never accused: supported when the held
    economies put it there and the economies not held could not pass it, else needs-review."""
    m = c.match
    evidence = _evidence(store, as_of)
    spec = {"source": m.source, "indicator": m.indicator, "product": m.product, "unit": m.unit, "period": m.period}
    rows = evidence.rows(spec).drop_duplicates("entity", keep="last")
    world = rows[rows["entity"] == "WLD"]
    rows = rows[rows["entity"] != "WLD"].sort_values("value", ascending=False)
    c.loader = f"indicators refresh --source {m.source}"
    mine = rows[rows["entity"] == m.entity]
    if mine.empty:
        c.verdict, c.explanation = "unverifiable", f"Unverifiable: no {m.indicator} for {m.entity} in {m.period}."
        return
    value = float(mine.iloc[0]["value"])
    place = int((rows["value"] > value).sum()) + 1
    listed = ", ".join(f"{r.entity} {float(r.value):,.0f}" for r in rows.head(max(place + 1, 3)).itertuples())
    total = c.total if c.total is not None else (float(world.iloc[0]["value"]) if len(world) else None)
    unlisted = (total - float(rows["value"].sum())) if total is not None else None
    safe = unlisted is not None and unlisted < value
    said = int(c.value)
    at = _place_said(place, c)
    carried = c.comparator in ("<=", "<") and c.frame.get("entity_from") != "stated"  # "a look at the top 10 ..."
    if at and safe and not carried:
        c.verdict = "supported"
        c.explanation = (f"Supported through a derivation (a place among the stored levels of {m.source}/{m.indicator}, "
                         f"{m.period}: {listed}): {m.entity} is number {place}"
                         + (f", within the top {said}" if place != said else "")
                         + f", and the economies not listed hold at most {unlisted:,.0f} between them, fewer than its "
                         f"{value:,.0f}.")
        return
    c.verdict = "needs-review"
    c.explanation = (f"Needs review: among the economies {m.source}/{m.indicator} holds for {m.period} ({listed}), "
                     f"{m.entity} is number {place} (the text says "
                     + (f"within the top {said})" if c.comparator in ("<=", "<") else f"{said})")
                     + ("" if safe else "; the economies the store does not list could change the order")
                     + ("; the sentence names no economy in the top places (read as the one carried from earlier text)"
                        if carried else "")
                     + "; a place derived from stored levels is never an accusation.")


def _partner_totals(evidence, spec: dict, period: str, region: str = ""):
    """Each economy's total of a flow kept per partner over a period (a month's rows, or the sum of its months),
    largest first; regions, groups and the world left out, and with `region` only that region's economies
    (catalogue.economy_regions). DerivationError when the store ends before the period."""
    first, last = months_of(period) or (period, period)
    rows = evidence.rows({k: v for k, v in spec.items() if k not in ("counterpart", "period")})
    months = rows[(rows["freq"] == "M") & (rows["period"].astype(str) >= first) & (rows["period"].astype(str) <= last)]
    held = set(months["period"].astype(str))
    if not held or max(held) < last or min(held) > first:
        raise derive.DerivationError(f"{spec['indicator']} does not hold every month of {period}")
    economies = months[~months["counterpart"].astype(str).str.contains(":") & (months["counterpart"] != "WLD")]
    if region:
        members = {code for code, named in catalogue.economy_regions().items() if named == region}
        economies = economies[economies["counterpart"].isin(members)]
    totals = economies.drop_duplicates(["counterpart", "period", "product"], keep="last") \
        .groupby("counterpart")["value"].sum()  # a series' products summed when the match names none
    return totals.sort_values(ascending=False)


def _summed_partners(c, store, as_of: str | None):
    """Each economy's total of the candidate's flow kept per partner over its period, in the region its frame counts
    in (`_partner_totals`); None, the candidate unverifiable, when the store does not hold every month of it."""
    m = c.match
    spec = {"source": m.source, "indicator": m.indicator, "entity": m.entity, "product": m.product, "unit": m.unit}
    c.loader = f"indicators refresh --source {m.source}"
    try:
        return _partner_totals(_evidence(store, as_of), spec, str(m.period), c.frame.get("partner_scope", ""))
    except derive.DerivationError as exc:
        c.verdict, c.explanation = "unverifiable", f"Unverifiable: {exc}."
        return None


def _holds_bound(got: float, stated: float, comparator: str, otherwise: bool) -> bool:
    """Whether `got` keeps the one-sided bound the text puts on `stated` (">", ">=", "<", "<="); `otherwise` for a
    figure given as equal or rounded."""
    bound = BOUNDS.get(comparator)
    return bound(got, stated) if bound else otherwise


BOUNDS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}


def _judge_partner_rank(c, store, as_of: str | None) -> None:
    """"Pakistan, the third-largest importer of Chinese panels in 2024": the partner's place among the economies
    a flow kept per partner reaches, from their totals over the period (derivation "partner_rank"). The store holds
    every economy of the flow, so the place is determined; still a place derived from summed rows is never an
    accusation (the text may rank by value, by capacity or on the importers' own records): supported, or
    needs-review with the order found."""
    m, region = c.match, c.frame.get("partner_scope", "")
    totals = _summed_partners(c, store, as_of)
    if totals is None:
        return
    if m.counterpart not in totals.index:
        c.verdict, c.explanation = "unverifiable", f"Unverifiable: no {m.indicator} to {m.counterpart} in {m.period}."
        return
    place = int((totals > totals[m.counterpart]).sum()) + 1
    listed = ", ".join(f"{partner} {derive.human(float(value), m.unit)}"
                       for partner, value in totals.head(max(place + 1, 3)).items())
    said = int(c.value)
    at = _place_said(place, c)
    what = ("a place among the economies " + (f"of {region} " if region else "") + f"{m.source}/{m.indicator}"
            + (f" [{m.product}]" if m.product else "") + f" reaches, summed over {m.period}: {listed}")
    if at:
        c.verdict = "supported"
        c.explanation = (f"Supported through a derivation ({what}): {m.counterpart} is number {place}"
                         + (f", within the top {said}" if place != said else "") + ".")
        return
    c.verdict = "needs-review"
    c.explanation = (f"Needs review: {what}; {m.counterpart} is number {place} (the text says "
                     + (f"within the top {said}" if c.comparator in ("<=", "<") else str(said))
                     + "); a place derived from summed rows is never an accusation (the text may rank by another "
                     "measure of the flow).")


def _judge_partner_count(c, store, as_of: str | None) -> None:
    """"25 African countries imported more than 100 MW of Chinese solar panels in the 12 months to June 2025": the
    economies (of the region) a flow kept per partner reaches past the threshold, from their totals over the period
    (derivation "partner_count"). Supported when the count is the one said (or within its bound); else needs-review
    with the count found: a count derived from summed rows is never an accusation (the text may count on the
    importers' records or another definition of the region)."""
    m, region = c.match, c.frame.get("partner_scope", "")
    value, unit, above = c.frame["threshold"]
    totals = _summed_partners(c, store, as_of)
    if totals is None:
        return
    try:
        bar = derive.rescale(float(value), unit, m.unit) if unit != m.unit else float(value)
    except (KeyError, ValueError) as exc:
        c.verdict, c.explanation = "unverifiable", f"Unverifiable: {exc}."
        return
    past = totals[totals > bar] if above == ">" else totals[totals >= bar]
    count, said = len(past), c.value
    what = ("the economies " + (f"of {region} " if region else "") + f"{m.source}/{m.indicator}"
            + (f" [{m.product}]" if m.product else "") + f" reaches past {derive.human(bar, m.unit)}, summed over "
            f"{m.period}: {count}" + (f" ({', '.join(str(p) for p in past.index[:30])})" if count else ""))
    if _holds_bound(count, said, c.comparator, count == said):
        c.verdict, c.explanation = "supported", f"Supported through a derivation ({what})."
        return
    c.verdict = "needs-review"
    c.explanation = (f"Needs review: {what}; the text says {said:g}; a count derived from summed rows is never an "
                     "accusation (the text may count on the importers' records or by another definition).")


def _judge_derived(c, store, as_of: str | None) -> None:
    """A USD figure against a yuan series (converted at the period's average rate), growth or a change (a
    difference) from two levels."""
    m = c.match
    if m.derivation == "streak":
        _judge_streak(c, store, as_of)
        return
    if m.derivation == "rank":
        _judge_rank(c, store, as_of)
        return
    if m.derivation == "partner_rank":
        _judge_partner_rank(c, store, as_of)
        return
    if m.derivation == "partner_count":
        _judge_partner_count(c, store, as_of)
        return
    evidence = _evidence(store, as_of)
    # a change over a stated base year is matched on the span "2013/2025": its row is the last year's
    period = str(m.period).split("/")[-1] if m.derivation in ("difference", "ratio", "growth") else m.period
    spec = {"source": m.source, "indicator": m.indicator, "entity": m.entity, "product": m.product, "unit": m.unit,
            "period": period, **({"counterpart": m.counterpart} if m.counterpart else {})}
    try:
        summed = m.derivation in ("sum", "partner_share", "world_share", "product_share", "product_sum")  # rows over
        # months, economies
        # or products, not one row
        row = None if summed else evidence.one(spec)
        if row is None and not summed:
            raise derive.DerivationError(f"no {m.indicator} for {period} in the store")
        if m.derivation == "sum":
            got = _sum_judged(evidence, spec, m, c)
        elif m.derivation == "partner_share":
            got = _partner_share(evidence, spec, m, str(m.period))
        elif m.derivation == "world_share":
            got = _world_share(evidence, spec, m, str(m.period))
        elif m.derivation == "product_share":
            got = _product_share(evidence, spec, m, str(m.period))
        elif m.derivation == "product_sum":
            got = _product_sum(evidence, spec, m, c)
        elif m.derivation in ("share", "share_change"):
            got = _share_of(evidence, spec, m, str(m.period))
            if m.derivation == "share_change":
                before = _share_of(evidence, spec, m, m.base_period)
                got = derive.difference(got.value, before.value, "percent", str(m.period), m.base_period)
        elif m.derivation == "convert":
            rates = derive.Rates(store, as_of)
            got = rates.convert(float(row["value"]), m.unit, c.unit, str(m.period), "A")
        else:
            base = (m.base_period if m.derivation in ("difference", "ratio", "growth") and m.base_period
                    else previous_period(str(period)) or str(int(str(period)[:4]) - 1))  # a month's: a year before
            previous = evidence.one({**spec, "period": base})
            if previous is None:
                raise derive.DerivationError(f"no {m.indicator} for {base} in the store")
            how = {"difference": derive.difference, "ratio": derive.ratio}.get(m.derivation, derive.growth)
            got = how(float(row["value"]), float(previous["value"]), m.unit, str(period), base)
    except (derive.DerivationError, ValueError, KeyError) as exc:
        if m.derivation == "sum":  # a month missing, rates that do not add: the total is not derived here
            c.verdict, c.loader = "needs-review", f"indicators refresh --source {m.source}"
            c.explanation = (f"Needs review: {m.source}/{m.indicator}" + (f" [{m.product}]" if m.product else "")
                             + f" holds monthly rows ({m.unit}); the figure is about {m.period}, a total (or its growth) "
                             f"over several months, not derived: {exc}.")
            return
        c.verdict, c.loader = "unverifiable", f"indicators refresh --source {m.source}"
        c.explanation = f"Unverifiable: {exc}."
        return
    stated = c.value * c.scale
    step = (c.step or 0) * c.scale
    low, high = stated - step / 2, stated + step / 2
    ok = _holds_bound(got.value, stated, c.comparator, low <= got.value < high if step else got.value == stated)
    partner = f", exports to {m.counterpart}" if m.counterpart else ""
    what = {"convert": "converted", "difference": "a difference of two stored rows", "ratio": "a ratio of two stored rows", "sum": "a sum of monthly rows",
            "share": "a share of two stored levels", "share_change": "a change of a share of stored levels",
            "partner_share": "a partner's share of a flow", "world_share": "an economy's share of the world's total",
            "product_share": "a product's share of the sum of the series' products",
            "product_sum": "a total summed over the series' products"}.get(
        m.derivation, "growth computed from two stored levels") + partner
    if ok:
        c.verdict = "supported-rounded" if c.check == "rounded" else "supported"
        c.explanation = f"Supported through a derivation ({what}): {got.text}."
    else:
        c.verdict = "needs-review"
        c.explanation = (f"Needs review: the derived figure ({what}: {got.text}) is not within the range the wording "
                         f"allows; a derivation differs from the publisher's own figure (rates, revisions), so it does "
                         f"not contradict the text.")
    c.loader = f"indicators refresh --source {m.source}"


# -- claims files ----------------------------------------------------------------------------


def draft_entries(candidates: list) -> tuple[list[dict | None], list[str]]:
    """Per candidate, its claim for a draft claims file (None when it cannot be drafted: no series in
    the store, a unit the series does not use, a derivation the engine does not make, or a second
    projection in one sentence), with unique ids; and the comment lines naming those left out."""
    used, entries, left_out, opinions = set(), [], [], set()
    for candidate in candidates:
        if candidate.check == "opinion":
            if candidate.sentence in opinions:
                entries.append(None)  # one opinion claim per sentence
                continue
            opinions.add(candidate.sentence)
        elif candidate.match is None or candidate.match.derivation or not candidate.match.period \
                or "no-series" in candidate.flags or "unit-mismatch" in candidate.flags:
            reason = ", ".join(candidate.flags) or ("derived: " + candidate.match.derivation if candidate.match
                                                    and candidate.match.derivation else "period not determined")
            left_out.append(f"not drafted ({reason}): “{candidate.span}” in “{' '.join(candidate.sentence.split())}”")
            entries.append(None)
            continue
        base = _slug(candidate)
        claim_id, n = base, 2
        while claim_id in used:
            claim_id, n = f"{base}-{n}", n + 1
        used.add(claim_id)
        claim = to_claim(candidate, claim_id)
        if candidate.verdict == "needs-review":  # the spotter abstained: the file must not accuse either
            claim["review"] = " ".join(candidate.explanation.removeprefix("Needs review:").split()) or \
                "the spotter could not determine the mapping."
        schema.validate(claim, len(entries))
        entries.append(claim)
    return entries, left_out


def draft_claims(candidates: list, meta: dict | None = None) -> tuple[dict, list[str]]:
    entries, left_out = draft_entries(candidates)
    document = {"claims": [claim for claim in entries if claim]}
    if meta:
        document = {"article": meta, **document}
    return document, left_out


def draft_header(source_name: str = "", left_out: list[str] = ()) -> str:
    """The draft's opening comment; each line left out is quoted whole (its sentence is never cut),
    wrapped at word boundaries onto comment lines of at most 120 characters."""
    lines = [f"# Draft claims spotted by `indicators spot` from {source_name or 'a text'}: review every claim",
             "# (wording, comparator, step, series) before relying on it; check with `indicators check --claims FILE`.",
             "# A claim with `review:` is one the spotter could not map for certain: it is never judged false until you",
             "# confirm its series, period and place and delete that line (docs/claims.md)."]
    for line in left_out:
        wrapped = textwrap.wrap(" ".join(line.split()), width=116, break_long_words=False, break_on_hyphens=False)
        lines += [f"# {wrapped[0]}"] + [f"#   {part}" for part in wrapped[1:]]
    return "\n".join(lines) + "\n"


def draft_yaml(candidates: list, source_name: str = "", meta: dict | None = None) -> str:
    document, left_out = draft_claims(candidates, meta)
    return draft_header(source_name, left_out) + yaml_text(document)


def yaml_text(data) -> str:
    """YAML as the drafts write it: keys in order, Unicode kept, lines up to 120 characters."""
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False, allow_unicode=True,
                     width=120)  # libyaml's emitter where PyYAML has it: a long text's claims file in a tenth of the CPU


def _slug(candidate) -> str:
    indicator = candidate.match.indicator if candidate.match else ("projection" if candidate.check == "opinion" else "figure")
    words = re.sub(r"[^a-z0-9]+", "-", f"{indicator} {candidate.period or ''} {candidate.entity or ''}".lower()).strip("-")
    return words[:60].strip("-") or "claim"


def _number(value):
    return int(value) if value is not None and float(value).is_integer() and abs(value) < 1e15 else value


def format_table(candidates: list) -> str:
    """A readable listing: verdict, figure, series, flags, explanation."""
    if not candidates:
        return "no figures found in the text"
    lines = []
    for c in candidates:
        series = (f"{c.match.source}/{c.match.indicator} {c.match.product or ''} {c.match.entity or ''} "
                  f"{c.match.period or ''} (confidence {c.confidence:.2f})" if c.match else "none")
        lines.append(f"[{c.verdict.upper()}] {c.span}")
        lines.append(f"  sentence: {c.sentence.strip()}")
        lines.append(f"  figure:   {c.value:g} × {c.scale:g} {c.unit} {c.comparator} ({c.check})  period {c.period or '?'}  "
                     f"entity {c.entity or '?'}" + (f"  [{c.role}]" if c.role != "figure" else ""))
        frame = c.frame or {}
        lines.append(f"  frame:    measure {frame.get('measure') or '?'} subject {frame.get('subject') or '?'} "
                     f"transformation {frame.get('transformation') or '?'}" + (f"  open: {', '.join(c.open)}" if c.open else ""))
        lines.append(f"  series:   {' '.join(series.split())}")
        if c.match and c.match.alternatives:
            lines.append(f"  also:     {_alternatives_text(c)}")
        if c.flags:
            lines.append(f"  flags:    {', '.join(c.flags)}")
        lines.append(f"  why:      {c.explanation}")
        lines.append("")
    counts: dict[str, int] = {}
    for c in candidates:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    lines.append(f"{len(candidates)} candidate(s): " + ", ".join(f"{v} {n}" for v, n in counts.items()))
    return "\n".join(lines)
