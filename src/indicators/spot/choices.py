"""A reviewer's choices for one spotted figure: another series, period or place, and the verdict they give.

The Check-a-text page lets the user correct what the spotter read. This module holds that logic so
the page only calls it:

- `choices_for(candidate, index, ...)` lists what the user can pick: the spotted series, its
  alternatives and the catalogue's series that measure the same kind of thing in the figure's unit
  (`matching.related`); the places that series holds; the periods it holds for that place.
- `claim_for(candidate, claim_id, series=..., period=..., entity=...)` rebuilds the candidate's claim
  (drafting.to_claim, the format of docs/claims.md) with the user's choices.
- `judge(claims, store, as_of)` writes those claims as the page's claims.yaml and judges the file with
  `claims.check_all`: the code path of `indicators check --claims FILE`, so the verdict the page shows
  is the one the downloaded file gets. No verdict is computed here.

A candidate arrives as `Candidate.to_dict()` (the page keeps it in the browser), so every field is
checked before use: a bad choice raises `ChoiceError` with a sentence saying what is wrong.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from indicators import catalogue
from indicators import claims as engine
from indicators.spot import drafting, frames, matching
from indicators.spot.text import MAX_BYTES

MAX_SERIES = 25  # series offered per figure: the spotted ones first, then related ones


class ChoiceError(ValueError):
    """A choice the claims engine cannot be asked about (an unknown series, a figure with no value)."""


@dataclass
class Choices:
    """What the user can pick for one figure; `series` values are `series_key`s, labels are for readers."""

    series: list[dict] = field(default_factory=list)  # {"value": key, "label": text}
    entities: list[dict] = field(default_factory=list)
    periods: list[dict] = field(default_factory=list)
    series_value: str | None = None
    entity_value: str | None = None
    period_value: str | None = None


def series_key(source: str, indicator: str, product: str | None, unit: str) -> str:
    """One string naming a stored series (what a dropdown holds): source/indicator[product] unit."""
    return f"{source}/{indicator}" + (f"[{product}]" if product else "") + f" {unit}"


def _entry_key(entry: matching.Entry) -> str:
    return series_key(entry.source, entry.indicator, entry.product, entry.unit)


def _label(entry: matching.Entry) -> str:
    """What a reader sees for a series: its catalogue name first, then where it is from."""
    product = f" [{entry.product}]" if entry.product else ""
    return (f"{entry.name}: {entry.source}/{entry.indicator}{product}, {entry.unit}, "
            f"{entry.basis.replace('_', ' ')} estimate")


def _place(code: str) -> str:
    name = catalogue.economy_name(code)
    return code if name == code else f"{name} ({code})"


def checkable(candidate: dict) -> bool:
    """Whether the figure can be put to the claims engine against a series at all (a projection cannot)."""
    return candidate.get("check") != "opinion" and candidate.get("value") is not None


def _offered(candidate: dict, index: list[matching.Entry]) -> list[matching.Entry]:
    """The series offered for a figure, in order: the spotted series and its alternatives (those the engine
    can judge in the figure's unit), then series measuring the same kind of thing (related measure,
    overlapping subject, same transformation, same unit)."""
    by_key = {_entry_key(e): e for e in index}
    wanted = []
    match = candidate.get("match")
    if match:
        wanted.append(series_key(match["source"], match["indicator"], match.get("product"), match["unit"]))
        if match.get("derivation"):  # judged through a derivation: that series is not offered as such
            wanted.pop()
        wanted += [series_key(a["source"], a["indicator"], a.get("product"), a["unit"]) for a in match.get("alternatives", [])]
    frame = frames.Frame(**candidate["frame"]) if candidate.get("frame") else None
    unit = candidate.get("unit") or ""
    if candidate.get("check") == "leader":
        unit = "count"
    related = matching.related(frame, unit, index) if frame else []
    wanted += [_entry_key(e) for e in related]
    offered, seen = [], set()
    for key in wanted:
        entry = by_key.get(key)
        if entry is None or key in seen:
            continue
        if candidate.get("check") != "leader" and matching._units_agree(unit, frame.kind if frame else "", entry) != "" \
                and entry.unit != unit:
            continue  # the engine compares in the series' unit only (no conversion in a claims file)
        seen.add(key)
        offered.append(entry)
    return offered[:MAX_SERIES]


def choices_for(candidate: dict, index: list[matching.Entry], series: str | None = None,
                entity: str | None = None, period: str | None = None) -> Choices:
    """The series, places and periods the user can pick for `candidate`, with the current picks (the
    given ones, else what the spotter read). Empty when the figure cannot be checked against a series."""
    _validate(candidate)
    try:
        return _choices_for(candidate, index, series, entity, period)
    except (TypeError, KeyError, AttributeError, IndexError) as exc:  # a dict that is not Candidate.to_dict()
        raise ChoiceError(f"candidate: not a spotted figure ({type(exc).__name__}: {exc})") from None


def _choices_for(candidate: dict, index: list[matching.Entry], series: str | None, entity: str | None,
                 period: str | None) -> Choices:
    if not checkable(candidate):
        return Choices()
    offered = _offered(candidate, index)
    if not offered:
        return Choices()
    match = candidate.get("match") or {}
    spotted = series_key(match["source"], match["indicator"], match.get("product"), match["unit"]) if match else None
    keys = [_entry_key(e) for e in offered]
    series = series or (spotted if spotted in keys else keys[0])
    if series not in keys:
        raise ChoiceError(f"series {series!r}: not one of the series offered for “{candidate.get('span')}”")
    entry = offered[keys.index(series)]
    entity = entity or match.get("entity") or candidate.get("entity")
    if entity not in entry.entities:
        entity = "CHN" if "CHN" in entry.entities else sorted(entry.entities)[0]
    period = period or match.get("period") or candidate.get("period")
    held = sorted({p for e, p, _ in _periods(entry) if e == entity}, reverse=True)
    periods = held if period in held or not period else [period, *held]
    return Choices(
        series=[{"value": k, "label": _label(e)} for k, e in zip(keys, offered)],
        entities=[{"value": code, "label": _place(code)} for code in
                  sorted(entry.entities, key=lambda c: (c != entity, catalogue.economy_name(c)))],
        periods=[{"value": p, "label": p + ("" if p in held else " (not in the store)")} for p in periods],
        series_value=series, entity_value=entity, period_value=period,
    )


def _validate(candidate: dict) -> None:
    """A candidate as the page sends it back: a dict with its sentence, within the spotter's bound."""
    if not isinstance(candidate, dict) or not isinstance(candidate.get("sentence"), str):
        raise ChoiceError("candidate: not a spotted figure (no sentence)")
    if len(candidate["sentence"].encode("utf-8")) > MAX_BYTES:
        raise ChoiceError(f"candidate: a sentence longer than the {MAX_BYTES:,} bytes the spotter reads")


def _periods(entry: matching.Entry) -> list[tuple[str, str, str]]:
    """(entity, period, freq) for every period from the first to the last the series holds per place and
    frequency (the catalogue's spans: a period missing inside a span is judged unverifiable by the engine)."""
    out = []
    for entity, freq, first, last in entry.spans:
        per_year = {"A": 1, "Q": 4, "M": 12}.get(freq)
        if per_year is None or not (first[:4].isdigit() and last[:4].isdigit()):
            out += [(entity, first, freq), (entity, last, freq)]
            continue
        for i in range(_ordinal(first, per_year), _ordinal(last, per_year) + 1):
            year, n = divmod(i, per_year)
            period = str(year) if freq == "A" else f"{year}-Q{n + 1}" if freq == "Q" else f"{year}-{n + 1:02d}"
            out.append((entity, period, freq))
    return out


def _ordinal(period: str, per_year: int) -> int:
    """A period's place in a count of periods from year 0: 2023 (A), 2023-Q2 (Q), 2023-05 (M)."""
    within = 0 if per_year == 1 else int(period[-1]) - 1 if per_year == 4 else int(period[5:7]) - 1
    return int(period[:4]) * per_year + within


def claim_for(candidate: dict, index: list[matching.Entry], series: str | None = None, period: str | None = None,
              entity: str | None = None, claim_id: str | None = None, suffix: str = "") -> dict:
    """The candidate's claim (docs/claims.md) against the chosen series, period and place; what is not
    chosen stays as spotted. Its id is `claim_id`, else the drafts' slug plus `suffix`. Raises
    ChoiceError when the figure cannot be claimed against a series."""
    picked = choices_for(candidate, index, series, entity, period)
    try:
        return _claim_for(candidate, index, picked, claim_id, suffix)
    except (TypeError, KeyError, AttributeError) as exc:  # a dict that is not Candidate.to_dict()
        raise ChoiceError(f"candidate: not a spotted figure ({type(exc).__name__}: {exc})") from None


def _claim_for(candidate: dict, index: list[matching.Entry], picked: Choices, claim_id: str | None, suffix: str) -> dict:
    from indicators.spot import Candidate, Match, part_coverage  # defined in the package's __init__

    if not checkable(candidate):
        raise ChoiceError(f"“{candidate.get('span')}”: a projection or a figure without a value is not checked")
    if not picked.series_value:
        raise ChoiceError(f"“{candidate.get('span')}”: no series in the store can judge this figure")
    entry = next(e for e in _offered(candidate, index) if _entry_key(e) == picked.series_value)
    period = picked.period_value
    if not period:
        raise ChoiceError(f"“{candidate.get('span')}”: pick a period")
    freqs = sorted({f for e, p, f in _periods(entry) if e == picked.entity_value and p == period})
    freq = freqs[0] if freqs else matching.freq_of(period)
    leader = candidate.get("check") == "leader"
    match = Match(source=entry.source, indicator=entry.indicator, entity=None if leader else picked.entity_value,
                  period=period, unit=entry.unit, score=1.0, product=entry.product, freq=freq)
    fields = {k: v for k, v in candidate.items() if k in Candidate.__dataclass_fields__ and k != "_options"}
    definition = part_coverage(candidate["sentence"], entry.source, entry.indicator)  # of the chosen series
    chosen = Candidate(**{**fields, "match": match, "period": period, "entity": picked.entity_value,
                          "flags": list(candidate.get("flags") or []), "coverage": "part" if definition else "all",
                          "definition": definition})
    return drafting.to_claim(chosen, claim_id or drafting._slug(chosen) + suffix)


def claims_yaml(claims: list[dict], header: str = "", article: dict | None = None) -> str:
    """The claims as the page's claims.yaml (a header of comments, the text's `article:` when it gave its own
    URL, then `claims:`)."""
    return header + drafting.yaml_text({**({"article": article} if article else {}), "claims": claims})


def judge(claims: list[dict], store, as_of: str | None = None, article: dict | None = None) -> dict:
    """Claim id -> the claims engine's result, from a claims.yaml holding `claims` (and the text's own
    `article`, drafting.own_article) judged by `claims.check_all` (what `indicators check --claims` runs). One file,
    one call."""
    if not claims:
        return {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.yaml"
        path.write_text(claims_yaml(claims, article=article), encoding="utf-8")
        return {r.id: r for r in engine.check_all(store=store, as_of=as_of, path=path, compare=False)}
