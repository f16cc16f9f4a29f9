"""Matching by dimensions: a figure's frame against the series the store holds, described by the catalogue.

`series_index(store)` lists every series the store holds (source, indicator, product, unit, with
its entities, the span of periods of each entity and frequency, and the latest values) joined with
its catalogue dimensions (measure, subject, basis, kind, transformation): `Store.catalogue()`, one
grouped SQL query (never a read of the observations), cached per store version. A period counts as
held when it lies within an entity's first and last period of its frequency (a gap inside the span
is found by the engine, which then says the row is missing).

`match(frame, ...)` keeps the series that agree with every dimension the frame determines or
assumes; a dimension left open is not filtered on. The subject must be the stated one; a series of
a narrower subject (passenger cars for "vehicles") is kept only as an alternative, marked narrower.
When no series measures the figure directly, a derivation may: growth from two stored levels, a
USD figure from a CNY series at the period's rate (derive.py).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass, field

from indicators import cache, catalogue, derive, numbers
from indicators.spot.frames import UNNAMED_IMPORTER, Frame, months_back, overlapping
from indicators.spot.text import numbered_items
from indicators.spot.vocabulary import alternatives, measures_agree, measures_related, vocabulary
from indicators.store import Store

# Whose estimate is preferred when the text names none (official first)
BASIS_ORDER = ("customs", "statistics_office", "industry_association", "ministry", "ip_office", "index_publisher",
               "international_reestimate", "central_bank", "research_firm", "think_tank", "news_report")


def basis_penalty(entry) -> float:
    """How far down BASIS_ORDER a series' compiler stands (0.01 a step; 0.1 for one not in it): a score's share
    of the preference for official estimates."""
    return 0.01 * BASIS_ORDER.index(entry.basis) if entry.basis in BASIS_ORDER else 0.1


SKIP_PRODUCTS = ("indicator:",)  # per-name rows of an indicator: not matched
NAMED_PRODUCTS = ("cluster:",)  # per-name rows (a cluster): matched by name (`named_rank`), not by dimensions
SKIP_INDICATORS = ("pillar_score:",)
CONVERTIBLE = {"CNY", "USD"}
COUNT_UNITS = {unit for unit, kind in derive.UNIT_KINDS.items() if kind == "count"}  # one home: derive.py


@dataclass
class Entry:
    source: str
    indicator: str
    product: str | None
    unit: str
    measure: str
    subject: str
    basis: str
    kind: str
    transformation: str
    name: str
    definition: str
    entities: set
    spans: set  # (entity, freq, first period, last period)
    values: list  # the latest value of each entity (magnitudes for a plausibility check)
    rows: int
    partners: int = 0  # how many counterparts (partners) its rows have: more than one for a series kept per partner
    member: str = ""  # a per-name row's name ("Beijing" for cluster:Beijing): matched by name (`named_rank`), never by dimensions
    released: dict = field(default_factory=dict)  # (entity, freq) -> release date of its last period's row (ISO text)

    def holds(self, entity: str | None, period: str | None) -> str | None:
        """The frequency under which the series holds the period for the entity (None when it does not)."""
        freq = freq_of(period)
        for e, f, first, last in self.spans:
            if e == entity and f == freq and first <= period <= last:
                return f
        return None

    def covers(self, entity: str | None, period: str | None) -> bool:
        """The series has monthly rows spanning every month of a longer period (a year, half, quarter,
        January to a month): the period's total is a sum the store does not hold as a row."""
        months = months_of(period)
        return bool(months) and any(e == entity and f == "M" and first <= months[0] and months[1] <= last
                                    for e, f, first, last in self.spans)


@dataclass
class Option:
    entry: Entry
    score: float
    narrower: bool = False
    derivation: str = ""  # "", "convert" (the figure's currency from the series'), "growth" (from two levels),
    # "difference" (a change: the period's row less the year before's),
    # "sum" (the period's total from monthly rows: not derived, needs review), "unit" (another unit of the same kind),
    # "partner_share" (a partner's share of a flow kept per partner: its rows over the world's), "product_sum" (a
    # total kept only as its products: the sum of every product of the series)
    holds_period: bool = False
    base: str = ""  # for a difference: the period it is taken from
    whole: "Entry | None" = None  # for a share of two levels: the whole's series
    other_basis: bool = False  # the text names another compiler than the series' (never judged as stated)


SERIES_INDEXES_KEPT = 8
"""Series indexes kept (one per store and data version)."""


def series_index(store: Store) -> list[Entry]:
    """Every series the store holds with its catalogue dimensions (from `Store.catalogue()`, one query);
    series no source.yaml describes are left out."""
    return cache.named("series index", SERIES_INDEXES_KEPT, scope="store").get(
        store, ("series index",), lambda: _series_index(store))


def item_index(store: Store) -> list[Entry]:
    """The per-name rows of an index's items (product "indicator:<name>": the GII indicators an economy ranks first
    in), each an Entry with its name as `member`: matched only by name (`named_first`), never by dimensions."""
    return cache.named("item index", SERIES_INDEXES_KEPT, scope="store").get(
        store, ("item index",), lambda: _series_index(store, items=True))


def in_dollars(entry: Entry) -> bool:
    """Whether the series is the dollar-basis twin of a growth published on a yuan and a dollar basis (customs'
    `..._usd_...` indicators)."""
    return "_usd_" in entry.indicator


def named_first(sentence: str, opened: int, frame: Frame, items: list[Entry]) -> Option | None:
    """"It holds top positions for its Researchers (1st)": first place in an item the store names (gii
    ranked_first_named [indicator:Researchers]) for the economy of the figure, the item's whole name right before the
    bracket (case aside); None when the store holds no such row for that economy and year (its absence is no evidence)."""
    before = sentence[max(0, opened - 80): opened].rstrip().lower()
    found = []
    for entry in items:
        name = entry.member.lower()
        if not before.endswith(name) or (len(before) > len(name) and before[-len(name) - 1].isalnum()):
            continue
        if frame.entity and frame.period and entry.holds(frame.entity, frame.period):
            found.append((len(name), entry))
    if not found:
        return None
    return Option(max(found, key=lambda f: f[0])[1], 0.8, False, "", True)


def _series_index(store: Store, items: bool = False) -> list[Entry]:
    data = store.catalogue()
    data = data.assign(product=data["product"].fillna(""))
    products = data.groupby(["source", "indicator"])["product"].nunique().to_dict()
    entries: list[Entry] = []
    for (source, indicator, product, unit), rows in data.groupby(["source", "indicator", "product", "unit"], sort=False):
        if items != product.startswith(SKIP_PRODUCTS) or indicator.startswith(SKIP_INDICATORS):
            continue
        member = next((product[len(p):] for p in (*NAMED_PRODUCTS, *SKIP_PRODUCTS) if product.startswith(p)), "")
        described = catalogue.describe(source, indicator, product or None, unit)
        if described is None:
            continue
        values = sorted(float(v) for v in rows["latest_value"] if math.isfinite(v) and v != 0)
        narrowing = product if products.get((source, indicator), 1) > 1 else None  # one product needs no narrowing
        spans = set(zip(rows["entity"], rows["freq"], rows["first_period"].astype(str), rows["last_period"].astype(str)))
        # when the series' rows come from two datasets, the release of the newest period (the one spans end on)
        newest_last = rows.sort_values("last_period", kind="stable")
        released = dict(zip(zip(newest_last["entity"], newest_last["freq"]),
                            newest_last["latest_released"].astype(str).str[:10]))
        entries.append(Entry(source, indicator, narrowing or None, unit, described.measure, described.subject,
                             described.basis, described.kind, described.transformation, described.name,
                             described.definition, set(rows["entity"]), spans, values, int(rows["observations"].sum()),
                             int(rows["counterparts"].max()) if "counterparts" in rows else 0, member, released))
    return entries


def months_of(period: str | None) -> tuple[str, str] | None:
    """The first and last month of a period longer than a month ("2023-H1" -> ("2023-01", "2023-06"))."""
    freq = freq_of(period)
    if freq == "A":
        return f"{period}-01", f"{period}-12"
    if freq == "YTD":
        first, last = period.split("/")
        return first, last
    if freq in ("H", "Q"):
        n = int(period[-1])
        size = 6 if freq == "H" else 3
        return f"{period[:4]}-{(n - 1) * size + 1:02d}", f"{period[:4]}-{n * size:02d}"
    return None


def freq_of(period: str | None) -> str | None:
    """The tidy frame's frequency of a period code: 2023 A, 2023-Q1 Q, 2023-H1 H, 2023-01/2023-10 YTD, 2023-01 M."""
    if not period:
        return None
    if period.isdigit():
        return "A"
    if "/" in period:
        return "YTD"
    if "-Q" in period:
        return "Q"
    if "-H" in period:
        return "H"
    return "M"


def _units_agree(unit: str, kind: str, entry: Entry) -> str | None:
    """'' when the figure's unit is the series', 'convert' for CNY<->USD, None when not comparable."""
    if unit == entry.unit:
        return ""
    if kind == "money" and entry.kind == "money":
        return "convert" if {unit, entry.unit} <= CONVERTIBLE else None
    if kind == entry.kind and kind in ("rank", "score", "percent_of_gdp"):
        return ""
    if kind == entry.kind == "count" and "count" in (unit, entry.unit) and {unit, entry.unit} <= COUNT_UNITS:
        return ""  # "9 million" (count) and a series of vehicles
    if kind == entry.kind and kind in ("power", "energy"):
        # GW against a MW series: the same quantity in units of another size, rescaled by the engine
        # (derive.check_units); a unit of no known size stays "unit" (not judged as stated)
        return "" if {unit, entry.unit} <= set(derive.UNIT_SIZES) else "unit"
    return None


def _plausible(value: float | None, values: list[float], unit: str = "", series_unit: str = "") -> bool:
    """The value is within a factor of ten of a latest value of the series (a GW figure rescaled to MW rows first; a
    dollar figure against yuan rows at any rate the yuan has stood at: "321.3 billion U.S. dollars" is of the 2.2
    trillion yuan R&D total, not of its 134 billion yuan of basic research)."""
    if value is not None and unit != series_unit and {unit, series_unit} <= set(derive.UNIT_SIZES):
        value = derive.rescale(value, unit, series_unit)
    if value is None or not values:
        return True
    low = high = abs(value)
    if unit != series_unit and {unit, series_unit} == derive.CONVERTIBLE:
        cheapest, dearest = derive.CNY_PER_USD_BOUNDS
        low, high = (low * cheapest, high * dearest) if unit == "USD" else (low / dearest, high / cheapest)
    return any(abs(v) / 10 <= high and low <= abs(v) * 10 for v in values)


def previous_period(period: str) -> str | None:
    """The same period a year earlier (what a year-on-year growth compares with)."""
    if not period[:4].isdigit():
        return None
    return "/".join(f"{int(part[:4]) - 1}{part[4:]}" for part in period.split("/"))  # "2024-07/2025-06" too


def span_periods(span: str) -> list[str]:
    """Every year or month of a span, in order ("2022/2024" -> 2022, 2023, 2024; "2024-11/2025-01" -> three months)."""
    first, last = span.split("/")
    if len(first) == 4:
        return [str(y) for y in range(int(first), int(last) + 1)]
    count = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7])
    return [months_back(last, n) for n in range(count, -1, -1)]


def _counted_as(frame: Frame) -> str | None:
    """"among the total number of 272,600" PCT filings: a bare number ("number of") of a stated subject that names
    what is counted (the vocabulary's `counted_as`: PCT filings are applications) is a count of that; None for any
    other subject ("the number of electric vehicles owned by households" is no count of their exports)."""
    if frame.measures != ("count",) or frame.subject_from != "stated":
        return None
    return (vocabulary().get("counted_as") or {}).get(frame.subject)


def match(frame: Frame, unit: str, value: float | None, index: list[Entry]) -> tuple[list[Option], str]:
    """The series that agree with the frame, best first, and a reason when there is none."""
    if frame.subject is None and frame.measure is None:
        return [], "the text names nothing the catalogue describes (no measure, no subject)"
    if frame.subject is None:
        return [], f"the text gives a measure ({frame.measure}) but no subject the catalogue knows"
    if frame.partner_unknown and not frame.counterpart:  # before any derivation from a total's levels
        return [], _unknown_partner(frame)
    if frame.kind == "ratio" and frame.period and frame.base_period and not frame.counterpart:
        options = _ratio_options(frame, index)
        if options:
            return options, ""
    if over_years(frame):  # "up 393% from 2020": the growth from the base year's level, never a year-on-year rate
        if frame.over_years == "average":
            return [], f"an average yearly growth over {frame.base_period}–{frame.period}: no series measures it"
        options = [dataclasses.replace(o, derivation="growth") for o in _ratio_options(frame, index)]
        return options, ("" if options else f"a growth over {frame.base_period}–{frame.period} needs two stored levels "
                         "of its series, which the store does not hold")
    options: list[Option] = []
    levels: list[Entry] = []
    elsewhere: list[Option] = []  # series that agree on everything but the basis the text states
    stated_basis = frame.basis if frame.basis and frame.basis_from in ("stated", "context") else None
    counted_as = _counted_as(frame)
    for entry in index:
        if entry.member:
            continue  # a named member's row ("cluster:Beijing"): only by its name (`named_rank`)
        if frame.counterpart and entry.partners <= 1:
            continue  # "exports to Europe": only a series kept per partner holds them (never the total)
        if frame.measures and not any(measures_agree(m, entry.measure) for m in frame.measures):
            if not (entry.measure == "share" and frame.transformation == "share") \
                    and not (frame.kind == "ratio" and frame.measures == ("count",) and entry.kind == "ratio") \
                    and not (entry.kind == "count" and entry.measure == counted_as):
                # "the number of high-value patents per 10,000 people": a count per head is the ratio's numerator;
                # "among the total number of 272,600" PCT filings: a number of the stated subject counts what its
                # series counts (its applications)
                continue
        if entry.subject != frame.subject:
            if frame.subject_from != "stated" or not catalogue.within(entry.subject, frame.subject) \
                    or catalogue.compiler_defined(frame.subject) \
                    or frame.subject == "goods" and frame.counterpart and frame.transformation != "share":
                # (a member of a group its compilers define, "the new trio", is never read for the group: lithium-ion
                # batteries' growth is not the trio's; all goods to a partner are no product: "China's exports to that
                # country were $500 billion" is no solar series', while a share of all goods is its part's)
                continue
            narrower = True
        else:
            narrower = False
        if frame.entity and frame.entity not in entry.entities:
            continue
        if frame.counterpart and frame.transformation == "share":
            # "58% of the modules exported went to Europe": the partner's rows over the world's (derivation
            # "partner_share"), of a flow kept per partner (the loop kept only those)
            if entry.transformation == "level" and entry.kind not in ("percent", "percent_of_gdp"):
                holds = bool(frame.period and (entry.holds(frame.entity, frame.period)
                                               or entry.covers(frame.entity, frame.period)))
                score = 0.55 + (0.2 if holds else 0) - (0.1 if narrower else 0) + min(entry.rows, 50) * 1e-4
                options.append(Option(entry, round(score, 4), narrower, "partner_share", holds))
            continue
        if frame.transformation == "change":
            option = change_option(frame, unit, entry, narrower)
            if option is not None:
                options.append(option)
            continue
        if frame.kind == "percent_of_gdp":
            if entry.kind != "percent_of_gdp":
                continue
        elif frame.transformation and entry.transformation != frame.transformation:
            if frame.transformation == "growth_rate" and entry.transformation == "level" and frame.kind == "percent" \
                    and entry.kind not in ("percent", "percent_of_gdp"):  # a ratio's change is not the growth of a level
                levels.append(entry)
            continue
        elif frame.kind == "percent" and entry.transformation == "level" and entry.kind != "percent":
            continue
        other_basis = bool(stated_basis) and entry.basis != stated_basis
        how = _units_agree(unit, frame.kind, entry)
        if how is None:
            continue
        holds = bool(frame.period and entry.holds(frame.entity, frame.period))
        if not holds and frame.period and how in ("", "unit") and entry.covers(frame.entity, frame.period):
            how = "sum"  # monthly rows cover the period: its total is a sum (not derived here: needs review)
        score = 0.5 + (0.2 if holds else 0) + (0.0 if how else 0.1) - (0.2 if how == "unit" else 0) + (0.0 if narrower else 0.1)
        score += 0.05 if _plausible(value, entry.values, unit, entry.unit) else -0.2
        score -= basis_penalty(entry)
        score += 0.05 if frame.text_basis and entry.basis == frame.text_basis else 0
        score += min(entry.rows, 50) * 1e-4
        option = Option(entry, round(score, 4), narrower, how, holds, other_basis=other_basis)
        (elsewhere if other_basis else options).append(option)
    # growth from two stored levels when no growth series holds the period ("when exports fell 7.7% in 2016":
    # GACC's growth series starts in 2023, the World Bank's export levels hold 2015 and 2016): first, as the
    # only series that can judge the figure (a derived figure is never an accusation)
    direct_holds = any(o.holds_period for o in options)
    if not direct_holds and levels and frame.period and previous_period(frame.period):
        prev = previous_period(frame.period)
        none_direct = not options  # every level series may be summed, not only the first (capacity, value, mass)
        for entry in levels:
            if entry.subject != frame.subject:
                continue
            other_basis = bool(stated_basis) and entry.basis != stated_basis
            found = elsewhere if other_basis else options
            if freq_of(frame.period) in ("A", "Q", "M") and entry.holds(frame.entity, frame.period) \
                    and entry.holds(frame.entity, prev):
                found.append(Option(entry, 0.9 if options else 0.55, False, "growth", True, other_basis=other_basis))
            elif none_direct and entry.covers(frame.entity, frame.period) and entry.covers(frame.entity, prev):
                found.append(Option(entry, 0.5, False, "sum", False, other_basis=other_basis))
    if not options and frame.whole_subject and frame.whole_measure and not frame.counterpart:
        options = _share_options(frame, index) or _product_share_options(frame, index)
    if not options and frame.kind == "percent_of_gdp" and not frame.counterpart:
        options = _gdp_share_options(frame, index)
    if frame.transformation in ("level", "growth_rate") \
            and (frame.subject_from == "stated" or frame.subject_from and frame.kind in ("power", "energy")) \
            and not any(o.holds_period and not o.narrower for o in options):
        # (a narrower series holding the period is a part: "46,000 MW of solar products" are not the cells alone;
        # a subject the unit gives, "46,000 megawatts ... shipped abroad", is summed as a stated one is)
        options = _product_sum_options(frame, index, unit) + options
    if frame.transformation == "share" and frame.kind == "percent" and not frame.counterpart and frame.whole_world \
            and frame.whole_subject in (None, frame.subject) and frame.entity and frame.entity != "WLD" \
            and (not frame.entity_others or frame.alone) and not any(o.holds_period for o in options):
        options = _world_share_options(frame, index) + options
    if options and all(o.narrower for o in options) and not (frame.subject or "").startswith("other:"):
        # "The Ministry of Commerce reported that China's merchandise exports reached $3.38 trillion": the series of
        # the subject stated, from another compiler (needs review, both bases named), before a narrower series
        # (lithium-ion batteries) that only shares the compiler named
        same = [o for o in elsewhere if not o.narrower and o.holds_period]
        options = same or options
    if frame.role == "conversion" and options and all(o.derivation == "convert" for o in options):
        # "134.91 trillion yuan ($18.77 trillion)" after NBS is named: the compiler named publishes the yuan figure;
        # its bracketed dollar conversion is measured in dollars by the series of another compiler (World Bank
        # GDP in current USD), named beside it (needs review: a conversion is never judged as stated)
        own_unit = [o for o in elsewhere if not o.derivation and not o.narrower and o.holds_period]
        options = own_unit or options
    if not options and elsewhere and not (frame.subject or "").startswith("other:"):
        # "according to PV InfoLink, module exports reached 235.93 GW": another compiler's count of a measure the
        # store holds from its own publisher: that series, never judged as stated (needs review, both bases named)
        options = [o for o in elsewhere if not o.narrower] or elsewhere
    elif options and all(o.derivation in ("convert", "unit") and not o.holds_period for o in options) \
            and (held := [o for o in elsewhere if o.holds_period and not o.derivation and not o.narrower]):
        # "lithium-ion battery exports fell 9.2 percent to 350.2 billion yuan in the first ten months, customs data
        # showed": the compiler named holds the measure only in another currency and for other periods; another's
        # series holds this one in the text's own unit (needs review, both bases named), rather than nothing
        options = held
    options.sort(key=lambda o: -o.score)
    if not options:
        subject = str(frame.subject)
        if subject.startswith("other:"):  # a subject the vocabulary names so that nothing else is matched to it
            subject = subject.removeprefix("other:").replace("_", " ") + " (a subject no series holds)"
        what = f"{' and '.join(frame.measures) or 'any measure'} of {subject}"
        where = f" for {frame.entity}" if frame.entity else ""
        return [], f"no series in the store measures {what}{where} in {unit}"
    return options, ""


@functools.cache  # built once from the economies table shipped in the package
def _in_economy() -> re.Pattern:
    """ "in South Korea", "cluster in the United States" right after a member's name (lower case, as `_name_key`
    leaves it); the word "cluster" is kept (group 1)."""
    names = {_name_key(n) for name, aliases in catalogue.economies().values() for n in (name, *aliases) if n}
    return re.compile(r"^(\s+clusters?)?\s+in\s+(?:the\s+)?(?:" + alternatives(names) + r")\b")


def _name_key(text: str) -> str:
    return re.sub(r"\s*[–—-]\s*", "-", text.lower())


STATE_AFTER = re.compile(r", [a-z]{2}$")
"""After a member's name key, a US state ("san jose-san francisco, ca"), which texts often leave out."""


NAME_TO_RANK = re.compile(r"(?i)^[\s,(“”\"]*(?:(?:was|is|came|ranked|ranks|ranking|rank|placed|stood|finished|took|remained|"
                          r"grabbed|claimed|secured|won|captured|occupied|maintained|"
                          r"remains|retained|kept|held|at|in|as|the|world'?s|world|global|globe'?s|most|innovative|"
                          r"sci-tech|science|and|technology|S&T|cluster|clusters|top|position|spot|place|"
                          r"continues|continued|continue|to|still|again|once|more|which|who|fell|dropped|slipped|slid|"
                          r"declined|rose|climbed|jumped|moved|advanced|edged|went|up|down|back|finish|finished|"
                          r"finishing|one|two|three|positions?|places?|spots?|a|an|has|have|shot|selected|named|rated|"
                          # the place it moved from ("London has shot up from 21st to eighth place")
                          r"from\s+(?:the\s+)?(?:\d{1,3}(?:st|nd|rd|th)|" + alternatives(numbers.ORDINAL_WORDS) + r"))"
                          r"[\s,'’(“”\"-]*)*$")
"""What may stand between a member's name and its rank ("Beijing in third place", "Shenzhen-Hong Kong-Guangzhou was
the world's second", "grabbed second place", "Beijing (3rd)", "cluster (ranked 2nd globally)", "Seoul moved up a spot
to third place", "London has shot up from 21st to eighth place", "“Tokyo-Yokohama” was selected as the number
one"): a closed list, so that a rank is never given to a name further back in a list."""


APPOSITIVE = re.compile(r"(?i)^[”\"]?\s*[,(]\s*(?:also\s+|often\s+)?(?:known\s+as|dubbed|called|nicknamed|home\s+to)\s+"
                        r"[^,;()]{1,60}[,)]")
"""Right after a member's name, a name or description of it between commas ("San Jose-San Francisco, also known as
Silicon Valley, was ranked in sixth"): stands between name and rank as if it were not there."""


CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|whereas)\s+(?=its\b|the\b|[A-Z])")
INDEX_NAMED = re.compile(r"(?i)\bGlobal\s+Innovation\s+Index\b|\bGII\b")


AMONG_CLUSTERS = re.compile(r"(?i)\b(?:among|of)\s+(?:the\s+)?(?:world['’]s\s+)?(?:top\s+\d+\s+)?(?:leading\s+)?"
                            r"(?:science\s+and\s+technology\s+|S&T\s+|innovation\s+|technology\s+|sci-tech\s+)?"
                            r"clusters\b")
"""A place said to be among clusters ("Beijing ranked fourth among the world's science and technology clusters in the
GII 2023"): the ranking is the clusters', even with the index named in the clause."""


RANKING_SCOPE = re.compile(
    r"(?i)\bamong\s+(?:the\s+)?(?!S&T\b|Sci|WIPO|GII|Global)(?:(?-i:[A-Z])[\w-]*(?:['’]s)?|domestic|national|regional|"
    r"local)\s+(?:[\w-]+\s+)?clusters\b"  # "among Chinese clusters", "among China's clusters", "among US clusters"
    r"|\bclusters?\s+(?:located\s+|based\s+)?in\s+(?-i:[A-Z])"  # "of the clusters located in China", "cluster in Asia"
    r"|\b(?:within|inside)\s+(?-i:[A-Z])"  # "Within China, Beijing was the second-largest cluster"
    r"|\b(?:places?|positions?|spots?)\s+(?:in|within)\s+(?!WIPO|GII|Global|Science|S&T|Sci|Innovation|Cluster)(?-i:[A-Z])"
    r"|\bpillars?\b|\bsub-?index\b|\bper\s+capita\b|\bby\s+population\b|\bintensity\b|\bin\s+terms\s+of\b"
    r"|\bby\s+(?:PCT\s+filings|patents?|publications|scientific\s+\w+)\s+(?:alone|only)\b")
"""A part or a view of the cluster ranking the sentence's places are in ("among Chinese clusters", "places in Japan",
"Within China", "By PCT filings alone", "in terms of scientific output", "per capita", the S&T intensity ranking):
not the world ranking the store holds. ("in WIPO's 2025 ranking", "among the world's clusters", "among clusters in
the 2025 ranking" are the world ranking.)"""


def named_rank(sentence: str, start: int, period: str | None, index: list[Entry], clusters: bool = False) -> Option | None:
    """A rank of a member the store ranks by name: "with Beijing in third place", "Shanghai-Suzhou in sixth" among the
    GII's science and technology clusters (product cluster:<name>). Only in a sentence about clusters, the name right
    before the rank with nothing but ranking words between (`NAME_TO_RANK`), or in a "respectively" list
    (`_respective_member`); of names ending at the same place (Shanghai, Shanghai–Suzhou) the longest that holds the
    period."""
    if not (clusters or re.search(r"(?i)\bclusters?\b", sentence)):
        return None  # `clusters`: the sentence's ranks are in the cluster ranking the text named before
    if RANKING_SCOPE.search(sentence):
        return None  # ("kept their respective first and second places among Chinese clusters"): not the world's
    if re.search(r"(?i)\brespective(?:ly)?\b", sentence):
        return _respective_member(sentence, start, period, index)
    item = next((mark for at, mark in numbered_items(sentence) if at == start), None)
    if item is not None:  # "clusters: 1. Tokyo-Yokohama 2. Shenzhen-Hong Kong-Guangzhou": the name after the number
        return _member_after(sentence, item, period, index)
    # the rank's clause: "Singapore ranked fourth in the Global Innovation Index" is the economy's rank, not its
    # cluster's (a member named like an economy is its cluster only when the clause says "cluster")
    bounds = [m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, start)]
    after = CLAUSE_BREAK.search(sentence, start)
    clause = sentence[bounds[-1] if bounds else 0: after.start() if after else len(sentence)]
    indexed = bool(INDEX_NAMED.search(clause))
    economies = _economy_names()
    in_cluster = re.search(r"(?i)\bclusters?\b", clause)
    before = _name_key(sentence[max(0, start - 120): start])
    found = []
    for entry in index:
        if not entry.member or entry.kind != "rank":
            continue
        key = _name_key(entry.member)
        if not in_cluster and entry.member.lower() in economies:
            continue
        at = before.rfind(key)
        if at < 0 and key.count("-") == 1:  # "the Suzhou-Shanghai cluster": the two cities in the other order
            key = "-".join(reversed(key.split("-")))
            at = before.rfind(key)
        if at < 0 and STATE_AFTER.search(key):  # "San Jose–San Francisco, CA" written without its state
            key = STATE_AFTER.sub("", key)
            at = before.rfind(key)
        between = before[at + len(key):]
        # "Seoul in South Korea was third": the member's economy named after it stands between name and rank
        between = _in_economy().sub(lambda m: (m.group(1) or "") + " ", between, count=1)
        between = APPOSITIVE.sub(" ", between, count=1)  # "San Jose-San Francisco, also known as Silicon Valley, was"
        overtaking = bool(OVERTOOK_TO.match(between))  # "Beijing overtook Seoul to grab third place": Beijing's
        if at < 0 or (at and before[at - 1].isalnum()) or not (NAME_TO_RANK.match(between) or overtaking):
            continue
        if indexed and not re.match(r"\s*clusters?\b", before[at + len(key):]) and not AMONG_CLUSTERS.search(clause):
            continue  # the index named in the clause: its economy's rank, unless the text calls the name a cluster
            # ("The Shenzhen-Hong Kong-Guangzhou cluster continues to rank second ... in the Global Innovation Index")
        entity = sorted(entry.entities)[0]
        holds = bool(period and entry.holds(entity, period))
        latest = max((last for _, _, _, last in entry.spans), default="")  # no period said: today's name first
        found.append((overtaking, holds, at + len(key), latest if not period else "", len(key), entry))
    if not found:
        return None
    _, holds, _, _, _, entry = max(found, key=lambda f: f[:5])  # the overtaker before the one overtaken
    return Option(entry, 0.8 if holds else 0.6, False, "", holds)


def _member_after(sentence: str, end: int, period: str | None, index: list[Entry]) -> Option | None:
    """The member a list item's number (ending at `end`) is the place of: the longest name right after it."""
    after = _name_key(sentence[end: end + 120].lstrip())
    found = [(len(key), entry) for entry in index if entry.member and entry.kind == "rank"
             for key in (_name_key(entry.member), STATE_AFTER.sub("", _name_key(entry.member)))
             if after.startswith(key) and not after[len(key): len(key) + 1].isalnum()]
    if not found:
        return None
    entry = max(found, key=lambda f: f[0])[1]
    holds = bool(period and entry.holds(sorted(entry.entities)[0], period))
    return Option(entry, 0.8 if holds else 0.6, False, "", holds)


OVERTOOK_TO = re.compile(r"(?i)^\s+(?:(?:has|have)\s+(?:now\s+)?)?(?:overtook|overtaken|overtaking|overtakes|passed|"
                         r"surpassed|displaced|leapfrogged|edged\s+out)\s+"
                         r"(?:the\s+)?(?:[\w'’–-]+,?\s+){1,8}?to\s+(?:grab|take|secure|claim|clinch|win|capture|seize|"
                         r"become|rank|reach)\s+(?:the\s+)?$")
"""Between a member and its rank, the ones it overtook ("Beijing overtook Seoul to grab third place", "San Jose-San
Francisco has now overtaken Beijing, Seoul and Shanghai-Suzhou to grab the third place")."""


_RANKS_LISTED = r"(?:(?:\d{1,3}(?:st|nd|rd|th)|" + alternatives(numbers.ORDINAL_WORDS) + r")(?:\s*,\s*|\s*,?\s+and\s+)?)+"
RESPECTIVE_RANKS = re.compile(rf"(?i)(?P<ranks>{_RANKS_LISTED}),?\s+respectively\b|"
                              rf"\b(?:their|the)\s+respective\s+(?P<ranks_after>{_RANKS_LISTED})")
"""The ranks of a "respectively" list: "ranking fourth and sixth, respectively", "5th, 9th and 13th respectively",
"have retained their respective first and second place rankings"."""


@functools.cache  # the catalogue's economies are data shipped with the package
def _economy_names() -> frozenset[str]:
    """Every economy's name and alias, lower case: a ranked member named like one (Singapore) may be the economy."""
    return frozenset(n.lower() for name, aliases in catalogue.economies().values() for n in (name, *aliases))


def _respective_member(sentence: str, start: int, period: str | None, index: list[Entry]) -> Option | None:
    """"Beijing and Shanghai-Suzhou also made it into the top 10, ranking fourth and sixth, respectively": the rank at
    `start` is the member named at the same place in the list of members before the ranks (as many members as ranks,
    joined by "and" or commas, each a member the store ranks by name); else None."""
    respective = RESPECTIVE_RANKS.search(sentence)
    if respective is None:
        return None
    group = "ranks" if respective.group("ranks") else "ranks_after"
    said_from, said_to = respective.span(group)
    if not said_from <= start < said_to:
        return None
    places = [said_from + m.start() for m in re.finditer(r"(?i)\d{1,3}(?:st|nd|rd|th)|[a-z]+", respective.group(group))
              if m.group(0).lower() != "and"]
    low = _name_key(sentence[: respective.start()])
    economies = _economy_names()
    found = []
    for entry in index:  # a member named like an economy (Singapore) may be the economy's own rank: left out
        if entry.member and entry.kind == "rank" and entry.member.lower() not in economies:
            key = _name_key(entry.member)
            found += [(m.start(), m.end(), entry) for m in re.finditer(re.escape(key), low)
                      if not (m.start() and low[m.start() - 1].isalnum()) and not low[m.end(): m.end() + 1].isalnum()]
    found.sort(key=lambda f: (f[0], -f[1]))
    named = [f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and o is not f for o in found)]
    members = named[-1:]  # the list: the last member named and those joined to it by commas or "and"
    for before in reversed(named[:-1]):
        if not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?", low[before[1]: members[0][0]]) \
                or re.search(r"\b(?:besides|apart from|aside from|except|other than|in addition to|beyond)\s+$",
                             low[max(0, before[0] - 20): before[0]]):
            break  # "Besides Shenzhen-Hong Kong-Guangzhou, Beijing and Shanghai-Suzhou ...": not one of the list
        members.insert(0, before)
    if len(members) != len(places) or len({f[2].member for f in members}) != len(members):
        return None
    k = next((i for i, p in enumerate(places) if p == start), None)
    if k is None:
        return None
    entry = members[k][2]
    holds = bool(period and entry.holds(sorted(entry.entities)[0], period))
    return Option(entry, 0.8 if holds else 0.6, False, "", holds)


def _unknown_partner(frame: Frame) -> str:
    """Why a flow to a partner no place resolves ("exports to Middle Earth") or no text names ("Imports from China
    rose 60%") is matched to nothing: it may be held under another name, never by a total nor derived from one."""
    if frame.partner_unknown == UNNAMED_IMPORTER:
        return ("the text does not say who imports from China: China's exports to that partner are not judged on a "
                "total (China's, or a series kept per partner)")
    return (f"the text names the partner “{frame.partner_unknown}”, which no place the spotter knows resolves; a flow "
            f"to it is not judged on a total (the world's, or a series kept per partner)")


def over_years(frame: Frame) -> bool:
    """A growth rate over more than a year ("up 393% from 2020" in 2023, frames._growth_over_years)."""
    return bool(frame.over_years and frame.transformation == "growth_rate" and frame.base_period and frame.period)


def _ratio_options(frame: Frame, index: list[Entry]) -> list[Option]:
    """A multiple over a base year ("nearly five times the 2020 level", "tripled between 2021 and 2023"): the level
    series of the frame's measure and subject (never a narrower one) holding both years, judged as the ratio of its
    two rows (derivation "ratio"), official bases first."""
    found, elsewhere = [], []  # elsewhere: another compiler's than the one the text names (never judged as stated)
    for entry in index:
        if entry.member or entry.transformation != "level" or entry.kind not in ("count", "money", "power", "energy") \
                or entry.subject != frame.subject or not any(measures_agree(m, entry.measure) for m in frame.measures):
            continue
        if frame.entity and not (entry.holds(frame.entity, frame.period) and entry.holds(frame.entity, frame.base_period)):
            continue
        other_basis = bool(frame.basis and frame.basis_from in ("stated", "context") and entry.basis != frame.basis)
        score = 0.7 - basis_penalty(entry)
        (elsewhere if other_basis else found).append(Option(entry, round(score + min(entry.rows, 50) * 1e-4, 4), False,
                                                            "ratio", True, frame.base_period, other_basis=other_basis))
    return sorted(found or elsewhere, key=lambda o: -o.score)


def _share_options(frame: Frame, index: list[Entry]) -> list[Option]:
    """A share of two levels ("NEV sales accounted for 40.9 percent of all new car sales"): the part's level
    series (the frame's subject) and the whole's (the whole's subject), of the same measure, source, indicator
    and unit, both holding the period; judged as part / whole (derivation "share"), or for a point change of that
    share ("an increase of 9.3 percentage points") as the difference of the shares of the year and the year before
    (derivation "share_change")."""
    if not frame.period or (frame.transformation == "change" and not frame.period.isdigit()):
        return []
    change = frame.transformation == "change"  # "an increase of 9.3 percentage points": a change of the share
    base = previous_period(frame.period) if change else ""
    found = []
    levels = [e for e in index if e.transformation == "level" and measures_agree(frame.whole_measure, e.measure)
              and (not frame.entity or frame.entity in e.entities) and e.kind in ("count", "money")]
    for part in (e for e in levels if e.subject == frame.subject):
        for whole in (e for e in levels if e.subject == frame.whole_subject):
            if (whole.source, whole.indicator, whole.unit) != (part.source, part.indicator, part.unit):
                continue
            periods = (frame.period, base) if change else (frame.period,)
            holds = all(part.holds(frame.entity, p) and whole.holds(frame.entity, p) for p in periods)
            if holds:
                found.append(Option(part, 0.6 + min(part.rows, 50) * 1e-4, False, "share_change" if change else "share",
                                    True, base, whole=whole))
    return found


def _product_share_options(frame: Frame, index: list[Entry]) -> list[Option]:
    """A product's share of a whole the store keeps only as its products ("cell exports accounted for 22% of China's
    solar exports": Ember keeps panels, cells and wafers, no total): the part's rows over the sum of every product of
    the same series, each holding or covering the period (derivation "product_share", never an accusation). None
    when a product of the series starts later than the period (its sum would be a part, not the whole)."""
    if not frame.period or not frame.whole_subject:
        return []
    found = []
    for part in index:
        if part.subject != frame.subject or not part.product or part.transformation != "level" \
                or not catalogue.within(part.subject, frame.whole_subject) or part.subject == frame.whole_subject \
                or not measures_agree(frame.whole_measure, part.measure):
            continue
        siblings = [e for e in index if (e.source, e.indicator, e.unit) == (part.source, part.indicator, part.unit)]
        if not all(catalogue.within(e.subject, frame.whole_subject) for e in siblings) or len(siblings) < 2:
            continue
        if all(e.holds(frame.entity, frame.period) or e.covers(frame.entity, frame.period) for e in siblings):
            found.append(Option(part, round(0.6 + min(part.rows, 50) * 1e-4, 4), False, "product_share", True))
    return found


def _product_sum_options(frame: Frame, index: list[Entry], unit: str) -> list[Option]:
    """A total of a subject the store keeps only as its products, with no series of the total holding the period
    ("China exported PV products worth $6.71 billion in the first quarter": Ember keeps panels, cells and wafers):
    the sum of every product of one series (each a month's row or the sum of the period's months), or for a growth
    rate the growth of that sum over the same period a year earlier (derivation "product_sum", never an accusation).
    None when a product of the series starts later than the period (its sum would be a part, not the whole)."""
    growth = frame.transformation == "growth_rate"
    periods = (frame.period, previous_period(frame.period) if frame.period else None) if growth else (frame.period,)
    if not all(periods) or not frame.subject or frame.subject.startswith("other:"):
        return []
    found, seen = [], set()
    for part in index:
        key = (part.source, part.indicator, part.unit)
        if key in seen or not part.product or part.transformation != "level" or part.subject == frame.subject \
                or not catalogue.within(part.subject, frame.subject) or part.member \
                or not (frame.measures and any(measures_agree(m, part.measure) for m in frame.measures)) \
                or (not growth and _units_agree(unit, frame.kind, part) != ""):
            continue
        seen.add(key)
        siblings = [e for e in index if (e.source, e.indicator, e.unit) == key]
        # the products are the subject's parts, each once, none the subject itself: panels, cells and wafers of PV
        # (not vehicles' "all" beside "nev", nor goods as the sum of solar products)
        subjects = [e.subject for e in siblings]
        if len(siblings) < 2 or len(set(subjects)) < len(subjects) \
                or not all(frame.subject in (catalogue.dimensions()["subject"].get(e.subject) or ()) for e in siblings):
            continue
        if all(e.holds(frame.entity, p) or e.covers(frame.entity, p) for e in siblings for p in periods):
            # before a series of the total that does not hold the period (as growth from two levels is)
            score = 0.9 - basis_penalty(part) + min(part.rows, 50) * 1e-4
            found.append(Option(part, round(score, 4), False, "product_sum", True))
    return sorted(found, key=lambda o: -o.score)


def _world_share_options(frame: Frame, index: list[Entry]) -> list[Option]:
    """An economy's share of the world's total with no share series holding the period ("China accounted for 25.4%
    of all PCT applications filed in 2023", "China's share of world GDP"): the economy's row of a level series over
    that series' world row, both holding the period (derivation "world_share", never an accusation); only for a
    text naming one economy (three "together" are a sum)."""
    if not frame.period:
        return []
    found = []
    for entry in index:
        narrower = entry.subject != frame.subject
        if entry.member or entry.transformation != "level" or entry.kind not in ("count", "money") \
                or narrower and not (frame.subject_from == "stated" and catalogue.within(entry.subject, frame.subject)
                                     and frame.subject not in FLOW_SUBJECTS) \
                or entry.partners > 1:
            continue
        if entry.holds(frame.entity, frame.period) and entry.holds("WLD", frame.period):
            # before a share series that does not hold the period (WIPO's share rows stop at 2022); a narrower
            # subject's ("25% of all global patent filings" on PCT filings) after the subject's own, and said so
            score = 0.85 - (0.1 if narrower else 0) + min(entry.rows, 50) * 1e-4
            score -= basis_penalty(entry)
            found.append(Option(entry, round(score, 4), narrower, "world_share", True))
    return sorted(found, key=lambda o: -o.score)


FLOW_SUBJECTS = ("goods", "goods_services")
"""What a flow "of GDP" counts when the text names no goods ("exports accounted for 20 percent of China's GDP")."""


def _gdp_share_options(frame: Frame, index: list[Entry]) -> list[Option]:
    """A level as a share of GDP with no series of that ratio ("exports were equivalent to 19.7% of GDP in 2023",
    "a trade surplus of 3.5% of GDP"): the level's series (the frame's measure and subject) over a GDP series in
    the same currency, both holding the entity's period; judged as part / whole (derivation "share"), the same
    publisher's GDP first (World Bank exports over World Bank GDP)."""
    if not frame.period or not frame.entity:
        return []
    unnamed = frame.subject in (None, "gdp") or (frame.subject == "goods" and frame.subject_from != "stated")
    subjects = FLOW_SUBJECTS if unnamed else (frame.subject,)
    levels = [e for e in index if e.transformation == "level" and e.kind == "money" and not e.member
              and e.holds(frame.entity, frame.period)]
    wholes = [e for e in levels if e.subject == "gdp"]
    found = []
    for part in levels:
        if part.subject not in subjects or part.subject == "gdp" \
                or not (frame.measures and any(measures_agree(m, part.measure) for m in frame.measures)):
            continue
        for whole in (w for w in wholes if w.unit == part.unit):
            score = 0.55 + (0.05 if whole.source == part.source else 0) + min(part.rows, 50) * 1e-4
            # no goods named ("exports were 20% of GDP"): the national accounts' exports of goods and services first
            score += 0.02 if frame.subject_from != "stated" and part.subject == "goods_services" else 0
            score -= basis_penalty(part)
            found.append(Option(part, round(score, 4), False, "share", True, whole=whole))
    return sorted(found, key=lambda o: -o.score)


def change_option(frame: Frame, unit: str, entry: Entry, narrower: bool) -> Option | None:
    """A change of a level ("an increase of 257.42 billion yuan", "up 0.09 percentage point") against the series
    of that level: the difference of its rows for the period and the year before (derivation "difference");
    only for a year, the same subject (never a narrower one), a level series in the figure's unit, or a
    percentage series for a point change; a point change of a growth rate ("2.2 percentage points faster") on a
    growth series, as narrow as the rate's own ("the economy grew": GDP)."""
    rate_change = frame.change_of == "growth_rate"  # "2.5 percentage points faster than in 2023"
    if (narrower and not rate_change) or not frame.period or not frame.period.isdigit() \
            or (entry.transformation == "growth_rate") != (rate_change and frame.kind == "percentage_points"):
        return None
    if rate_change:
        if entry.kind != "percent":
            return None
    elif frame.kind == "percentage_points":
        if entry.kind not in ((frame.change_of,) if frame.change_of else ("percent", "percent_of_gdp")):
            return None
    elif frame.kind == "rank":
        if entry.kind != "rank":
            return None
    elif entry.transformation != "level" or _units_agree(unit, frame.kind, entry) != "":
        return None
    base = previous_period(frame.period)
    if frame.base_period and frame.base_period.isdigit() and int(frame.base_period) < int(base):
        base = frame.base_period  # "advanced a total of 25 places since 2013": the change since that year
    holds = bool(entry.holds(frame.entity, frame.period) and entry.holds(frame.entity, base))
    score = 0.5 + (0.2 if holds else 0) - basis_penalty(entry)
    score -= 0.1 if narrower else 0  # a rate's change on a narrower series, as the rate itself ("the economy": GDP)
    return Option(entry, round(score + min(entry.rows, 50) * 1e-4, 4), narrower, "difference", holds, base)


def same_dimensions(a: Entry, b: Entry) -> bool:
    """Two series measure the same thing (they may differ in basis or publisher)."""
    return (a.measure, a.subject, a.kind, a.transformation) == (b.measure, b.subject, b.kind, b.transformation)


def related(frame: Frame, unit: str, index: list[Entry]) -> list[Entry]:
    """Series that might hold the figure under a nearby reading: a related measure (sales / domestic sales),
    a narrower or wider subject (passenger cars / vehicles), any basis. Checked before an accusation:
    if one of them supports the figure, the figure is not called contradicted."""
    if not frame.subject or frame.subject.startswith("other:"):
        return []
    found = []
    for entry in index:
        if entry.member:
            continue  # a named member's row is related to nothing but its name
        if frame.measures and not any(measures_related(m, entry.measure) for m in frame.measures):
            continue
        if not overlapping(entry.subject, frame.subject):
            continue
        if frame.entity and frame.entity not in entry.entities:
            continue
        if frame.transformation and entry.transformation != frame.transformation and frame.kind != "percent_of_gdp":
            continue
        if _units_agree(unit, frame.kind, entry) != "":
            continue
        found.append(entry)
    return found
