"""The claims file's typed schema: one pydantic model per `check` kind, validated when a file is loaded.

Units, the same in every model:
- `stated.value × stated.scale` is the stated figure in `stated.unit` (1.06 with scale 1.0e+12 and
  unit CNY is 1.06 trillion yuan).
- `step` is in the units of `value` (before `scale`): `value: 5.22, scale: 1.0e+6, step: 0.01` means
  "5.22 million, stated to the nearest 0.01 million", i.e. the band [5.215, 5.225) million.
  `value` must be a whole multiple of `step`, or the step does not describe the wording.

A series names a source and an indicator. When the caller passes a catalogue (source name ->
indicators the store holds; an empty set accepts any indicator), both are checked against it
through pydantic's validation context: this module never imports the source registry.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import (BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, ValidationInfo, field_validator,
                      model_validator)

COMPARATORS: dict[str, set[str]] = {
    "threshold": {">", ">=", "<", "<="},
    "rounded": {"~="},
    "exact": {"=="},
    "leader": {"rank==1"},
    "count": {"count=="},  # count==N, where N is the stated value
    "rank_trend": {"improving"},
}
CHECK_KINDS = ["threshold", "rounded", "exact", "leader", "count", "rank_trend", "opinion"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Series(Strict):
    """Which rows of the store are the evidence: source and indicator, narrowed by the other keys."""

    source: str
    indicator: str
    unit: str | None = None
    dataset: str | None = None
    entity: str | None = None
    counterpart: str | None = None
    product: str | None = None
    period: str | None = None
    freq: Literal["A", "Q", "M"] | None = None
    catalogue_checked: ClassVar[bool] = True

    @field_validator("period", mode="before")
    @classmethod
    def _period_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

    @model_validator(mode="after")
    def _known_to_the_catalogue(self, info: ValidationInfo) -> Series:
        catalogue = (info.context or {}).get("catalogue")
        if catalogue is None or not self.catalogue_checked:
            return self
        if self.source not in catalogue:
            raise ValueError(f"unknown source {self.source!r} (known: {', '.join(sorted(catalogue))})")
        known = catalogue[self.source]
        if known and self.indicator not in known:
            raise ValueError(f"unknown indicator {self.indicator!r} for source {self.source!r}")
        return self


class EvidenceSeries(Series):
    unit: str  # the claim's evidence must say its unit


class ViewSeries(Series):
    """A series shown beside a claim (a breakdown): not evidence, so not checked against the catalogue
    (a view whose data are not in the store says so)."""

    catalogue_checked: ClassVar[bool] = False


class Stated(Strict):
    """What the sentence states: the figure, its unit and the comparison its wording makes."""

    value: float | None
    scale: float = 1.0
    unit: str
    comparator: str
    text: str = ""

    @field_validator("value", mode="before")
    @classmethod
    def _a_number(cls, value: Any) -> Any:
        if isinstance(value, bool) or (value is not None and not isinstance(value, (int, float))):
            raise ValueError("must be a number")
        return value

    @field_validator("scale", mode="before")
    @classmethod
    def _scale_number(cls, value: Any) -> Any:
        if value is None:
            return 1.0
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ValueError("must be a positive number (1, 1.0e+6, 1.0e+12 ...)")
        return value


class UsdView(Strict):
    """A second view in the other currency (CNY <-> USD) at the period's average rate (derive.Rates).

    A level is converted; a growth rate is converted from growth in the local currency and the two
    years' average rates (never from levels)."""

    fx: str = "AEXCHUS"  # the annual rate series (local currency per USD), FRED's AEXCHUS
    level: str | None = None  # the level series, to derive the previous year's total from growth
    currency: str | None = None  # the local currency; default: read from the rate's unit ("CNY per USD")
    note: str = ""  # publisher-specific context shown with the converted figure


class MonthlySum(Strict):
    """An annual total summed from monthly (or quarterly) rows, only when every period is present
    (derive.annual_total); `measure: growth` compares `year` with the year before."""

    source: str
    indicator: str
    unit: str
    entity: str | None = None
    counterpart: str | None = None
    dataset: str | None = None
    freq: Literal["M", "Q"] = "M"
    products: list[str] = []  # summed together; empty: every product the rows hold
    year: str
    measure: Literal["level", "growth"] = "level"

    @field_validator("year", mode="before")
    @classmethod
    def _year_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

    def spec(self) -> dict:
        return {k: v for k, v in self.model_dump().items()
                if k not in ("products", "year", "measure") and v is not None}


class BreakdownItem(Strict):
    """A per-product or other-publisher figure shown beside the claim with its basis, never summed into it."""

    label: str
    basis: str  # what the figure counts and on whose estimate: shown with it
    level: ViewSeries | None = None
    growth: ViewSeries | None = None
    monthly_sum: MonthlySum | None = None


Coverage = Literal["all", "part", "superset"]


class Reading(Strict):
    """Another reading of the wording: the same stated figure judged on another series. When the
    reading the wording implies (the claim's `series`) fails and this one holds, the claim is misleading."""

    label: str
    series: EvidenceSeries
    coverage: Coverage = "all"
    definition: str = ""


class Tolerance(Strict):
    """The usual difference between two bases: absolute (in the claim's unit) or relative (0.03 = 3%)."""

    abs: float | None = Field(default=None, ge=0)
    rel: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _one(self) -> Tolerance:
        if (self.abs is None) == (self.rel is None):
            raise ValueError("give exactly one of abs (in the claim's unit) or rel (a fraction: 0.03 = 3%)")
        return self

    def allows(self, observed: float, stated: float) -> bool:
        gap = abs(observed - stated)
        if self.abs is not None:
            return gap <= self.abs + 1e-12 * max(1.0, abs(stated))
        return stated != 0 and gap / abs(stated) <= (self.rel or 0) + 1e-12

    def text(self, unit: str) -> str:
        if self.abs is not None:
            return self.gap_text(self.abs, unit)
        return f"{(self.rel or 0) * 100:g}%"

    @staticmethod
    def gap_text(gap: float, unit: str) -> str:
        """A difference in the claim's unit: percentages differ in percentage points."""
        return f"{gap:.3g} {'percentage points' if 'percent' in unit else unit}".strip()


class Basis(Strict):
    """The claim and its series state the same statistic on different bases (a national statistics
    office's figure vs an international re-estimate, customs vs an industry association): a gap within
    `tolerance` is inconclusive with both figures shown, never contradicted."""

    claim: str  # whose estimate the claim states, e.g. "statistics_office" or "NBS"
    series: str  # whose estimate the series holds, e.g. "international_reestimate"
    tolerance: Tolerance
    note: str = ""


class IndependentEvidence(Strict):
    """Evidence to judge the claim on when the series' row was typed from the article itself."""

    label: str = ""
    series: EvidenceSeries | None = None
    monthly_sum: MonthlySum | None = None

    @model_validator(mode="after")
    def _one(self) -> IndependentEvidence:
        if (self.series is None) == (self.monthly_sum is None):
            raise ValueError("give exactly one of series or monthly_sum")
        return self


class Window(Strict):
    first: str
    last: str

    @field_validator("first", "last", mode="before")
    @classmethod
    def _year_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class ClaimBase(Strict):
    id: Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    quote: Annotated[str, Field(min_length=1)]
    claim: str = ""
    precision: str = ""
    definition: str = ""
    loader: str = ""
    caveats: list[str] = []
    same_as: str | None = None  # "<article slug>#<claim id>" (or "#<claim id>" in the same article)
    # "part": the series counts only part of what the claim counts; "superset": it counts more
    coverage: Coverage = "all"
    # Why a person must confirm the mapping before the claim can be called false (a drafted claim whose
    # series, period or place the spotter could not determine): the engine then never returns
    # `contradicted` or `misleading` for it, but `needs-review` with this reason.
    review: str = ""

    def comparator_allowed(self) -> None:
        stated = getattr(self, "stated", None)
        allowed = COMPARATORS.get(self.check)  # type: ignore[attr-defined]
        if stated is None or allowed is None:
            return
        comparator = stated.comparator
        if self.check == "count":  # type: ignore[attr-defined]
            match = re.fullmatch(r"count==(\d+)", comparator)
            if not match or (stated.value is not None and float(match.group(1)) != stated.value):
                raise ValueError(f"stated.comparator: {comparator!r} does not fit check 'count' "
                                 f"(expected 'count==N' with N the stated value)")
            return
        if comparator not in allowed:
            raise ValueError(f"stated.comparator: {comparator!r} does not fit check {self.check!r} "  # type: ignore[attr-defined]
                             f"(expected one of {sorted(allowed)})")


class FigureClaim(ClaimBase):
    stated: Stated
    series: EvidenceSeries

    def stated_value(self) -> float:
        return float(self.stated.value or 0) * float(self.stated.scale)

    @model_validator(mode="after")
    def _comparator(self) -> FigureClaim:
        self.comparator_allowed()
        if self.stated.value is None and self.check != "rank_trend":  # type: ignore[attr-defined]
            raise ValueError("stated.value: a number is required for this check")
        return self


class JudgedFigure(FigureClaim):
    """A stated figure judged against one observed figure (threshold, rounded, exact)."""

    readings: list[Reading] = []  # other readings of the wording (a narrower series, say)
    basis: Basis | None = None  # the series estimates the same statistic on another basis
    independent: list[IndependentEvidence] = []  # used when the series' row came from the article itself


class ThresholdClaim(JudgedFigure):
    check: Literal["threshold"]
    usd_view: UsdView | None = None
    breakdown: list[BreakdownItem] = []


class RoundedClaim(JudgedFigure):
    check: Literal["rounded"]
    step: float = Field(gt=0)
    usd_view: UsdView | None = None
    breakdown: list[BreakdownItem] = []

    @model_validator(mode="after")
    def _step_fits_value(self) -> RoundedClaim:
        ratio = (self.stated.value or 0) / self.step
        if not math.isclose(ratio, round(ratio), rel_tol=1e-9, abs_tol=1e-9):
            raise ValueError(f"step: {self.step:g} does not fit the stated value {self.stated.value:g} "
                             f"(the value is not a whole number of steps; step is in the units of value, before scale)")
        return self


class ExactClaim(JudgedFigure):
    check: Literal["exact"]

    @model_validator(mode="after")
    def _whole(self) -> ExactClaim:
        if self.stated.value is not None and self.stated.value * self.stated.scale != round(self.stated.value * self.stated.scale):
            raise ValueError("stated.value: an exact check is for counts and ranks (a whole number)")
        return self


class LeaderClaim(FigureClaim):
    check: Literal["leader"]
    entity: str
    total: int | None = None


class CountClaim(FigureClaim):
    check: Literal["count"]
    per_indicator: EvidenceSeries | None = None
    context_periods: list[str] = []


class RankTrendClaim(FigureClaim):
    check: Literal["rank_trend"]
    window: Window
    max_setback: float = 0


class OpinionClaim(ClaimBase):
    check: Literal["opinion"]
    reason: Annotated[str, Field(min_length=1)]


Claim = Annotated[
    Union[ThresholdClaim, RoundedClaim, ExactClaim, LeaderClaim, CountClaim, RankTrendClaim, OpinionClaim],
    Field(discriminator="check"),
]
MODELS = {"threshold": ThresholdClaim, "rounded": RoundedClaim, "exact": ExactClaim, "leader": LeaderClaim,
          "count": CountClaim, "rank_trend": RankTrendClaim, "opinion": OpinionClaim}


def json_schema() -> dict:
    """The JSON Schema of one claim (any check kind), for editors and other tools."""
    return TypeAdapter(Claim).json_schema()


class ClaimProblem(ValueError):
    """One claim that does not fit the schema: names the claim and the field."""

    def __init__(self, claim_id: str, field: str, message: str):
        self.claim_id, self.field, self.message = claim_id, field, message
        super().__init__(f"claim {claim_id!r}: field {field!r}: {message}")


def validate(raw: Any, index: int, catalogue: dict | None = None) -> BaseModel:
    """One raw claim mapping as its typed model; ClaimProblem naming the claim id and field otherwise."""
    claim_id = str(raw.get("id")) if isinstance(raw, dict) and raw.get("id") else f"#{index + 1}"
    if not isinstance(raw, dict):
        raise ClaimProblem(claim_id, "(claim)", "is not a mapping")
    check = raw.get("check")
    if not check:
        raise ClaimProblem(claim_id, "check", "missing (one of: " + ", ".join(CHECK_KINDS) + ")")
    if check not in MODELS:
        raise ClaimProblem(claim_id, "check", f"unknown check kind {check!r} (known: {', '.join(CHECK_KINDS)})")
    try:
        return MODELS[check].model_validate(raw, context={"catalogue": catalogue})
    except ValidationError as exc:
        error = exc.errors()[0]
        raise ClaimProblem(claim_id, *describe(error)) from None


def describe(error: dict) -> tuple[str, str]:
    """(field, message) for a pydantic error; a model-level message may start with 'field: '."""
    field = ".".join(str(part) for part in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "missing":
        message = "missing"
    elif error["type"] == "extra_forbidden":
        message = "unknown key (a typo? see docs/claims.md for the keys of each check kind)"
    match = re.match(r"^([a-z_]+(?:\.[a-z_]+)*): (.*)$", message)
    if match and match.group(1).split(".")[0] in {"stated", "step", "series", "window", "entity", "value"}:
        field = ".".join(p for p in (field, match.group(1)) if p)
        message = match.group(2)
    return field or "(claim)", message
