"""The catalogue: every source's metadata and the series it provides, described by what they measure.

Data, not code: each publisher has one `source.yaml` beside its bundled files (`data/<folder>/`):
title, publisher, licence, URL, cadence, live endpoint and its environment variable, the bundled
resources with where each was read, and the series with their dimensions (measure, subject, basis,
unit and kind, transformation, frequency, entities). The allowed values of each dimension, and the
subject hierarchy, are in `dimensions.yaml` beside this module. Loading validates everything: a
missing licence or an unknown dimension value is a `CatalogueError` naming the file and the field.

Everything else reads source metadata from here: the source modules (their `METADATA`), the
datapackage and PROVENANCE generator, the claims engine and spotter (what a series measures), the
CLI's and dashboard's catalogue. Layering: a neutral module (config and YAML only).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from indicators import cache, config, yamlfile

DIMENSIONS_PATH = Path(__file__).with_name("dimensions.yaml")
SOURCE_FILE = "source.yaml"
FREQS = ("A", "H", "Q", "M", "YTD")  # as the tidy frame has them (H: half-year; YTD: year to date)


class CatalogueError(ValueError):
    """A source.yaml breaks the schema: the message names the file and the field."""


@functools.cache  # load once: a file shipped in the package
def dimensions() -> dict[str, dict]:
    """The allowed values of each dimension (measure, subject, basis, kind, transformation)."""
    return yamlfile.load(DIMENSIONS_PATH)


def compiler_defined(subject: str | None) -> bool:
    """True for a subject whose members each compiler chooses (dimensions.yaml `compiler_defined_subjects`)."""
    return subject in dimensions().get("compiler_defined_subjects", ())


def _allowed(dimension: str, value: str) -> str:
    if value not in dimensions()[dimension]:
        raise ValueError(f"unknown {dimension} {value!r} (allowed: {', '.join(sorted(dimensions()[dimension]))})")
    return value


class Series(BaseModel):
    """One series a source provides, described by its dimensions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    indicator: str = Field(min_length=1)
    product: str | None = None
    dataset: str | None = None
    name: str = Field(min_length=1)  # as people name it: "R&D expenditure", "Passenger car exports"
    measure: str
    subject: str
    basis: str
    unit: str = Field(min_length=1)
    kind: str
    transformation: str
    freq: tuple[Literal["A", "H", "Q", "M", "YTD"], ...] = ("A",)
    entities: tuple[str, ...] = ("CHN",)
    definition: str = ""
    # how the publisher revises a period's first-release figure in its later releases ("" when it does not, or
    # the store keeps every revision): a text published after a later release may quote the revised figure
    revised: str = ""

    _measure = field_validator("measure")(lambda cls, v: _allowed("measure", v))
    _subject = field_validator("subject")(lambda cls, v: _allowed("subject", v))
    _basis = field_validator("basis")(lambda cls, v: _allowed("basis", v))
    _kind = field_validator("kind")(lambda cls, v: _allowed("kind", v))
    _transformation = field_validator("transformation")(lambda cls, v: _allowed("transformation", v))

    @field_validator("entities")
    @classmethod
    def _iso3(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [v for v in value if v != "*" and not (len(v) == 3 and v.isalpha() and v.isupper())]
        if bad:
            raise ValueError(f"entities are ISO3 codes (or '*' for any): {bad}")
        return value

    def matches(self, indicator: str, product: str | None = None, unit: str | None = None) -> bool:
        return (self.indicator == indicator and (self.product is None or product is None or self.product == product)
                and (unit is None or self.unit == unit))


class Resource(BaseModel):
    """A bundled file and where it came from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str = Field(min_length=1)  # relative to the data folder: "official/....csv"
    title: str = Field(min_length=1)
    url: str = ""  # the publisher's page or file, when not the source's url
    retrieved: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    copied_from: str = ""  # a repository copy's URL, when the file is one
    licence: str = ""  # when it differs from the source's
    release_date: str = ""  # the publisher's release date of the whole file, when one applies
    provenance: str = ""  # the origin in prose (PROVENANCE.md is written from these)
    layout: str = ""  # "release_table": a table in the layout of docs/release-tables.md (read by sources.releases)


class Source(BaseModel):
    """One publisher's metadata (a `source.yaml`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    licence: str = Field(min_length=1)
    url: str = Field(pattern=r"^https?://")
    description: str = Field(min_length=1)
    cadence: str = Field(min_length=1)
    live: bool = False
    live_endpoint: str = ""
    url_env: str = ""
    max_bytes: int = 0
    row_allowance: int = 0
    folder: str = ""  # set on load: the data folder holding this source.yaml
    definitions: dict[str, str] = Field(default_factory=dict)
    resources: tuple[Resource, ...] = ()
    series: tuple[Series, ...] = ()
    notes: str = ""  # prose for PROVENANCE.md that belongs to the source, not one file

    @model_validator(mode="after")
    def _live_has_endpoint(self):
        if self.live and not self.live_endpoint:
            raise ValueError("live: true needs a live_endpoint")
        return self

    def series_for(self, indicator: str, product: str | None = None, unit: str | None = None) -> Series | None:
        """The catalogue entry describing a stored series (indicator; product and unit where the entry names them:
        one indicator may be published in yuan and in dollars, two entries)."""
        exact = [s for s in self.series if s.matches(indicator, None, unit) and s.product == product]
        if exact:
            return exact[0]
        return next((s for s in self.series if s.matches(indicator, product, unit)), None)


def load_file(path: Path) -> Source:
    """One source.yaml, validated; CatalogueError names the file and each bad field."""
    try:
        document = yamlfile.load(path)
    except yamlfile.YamlFileError as exc:
        raise CatalogueError(str(exc)) from None
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot read: {str(exc).splitlines()[0]}") from None
    if not isinstance(document, dict):
        raise CatalogueError(f"{path}: expected a mapping")
    try:
        return Source(**{**document, "folder": path.parent.name})
    except ValidationError as exc:
        problems = "; ".join(f"{_where(document, e['loc'])}: {e['msg']}" for e in exc.errors())
        raise CatalogueError(f"{path}: {problems}") from None


def _where(document: dict, loc: tuple) -> str:
    """A field's place, with the series' indicator or the resource's path: "series[12] liion_exports_value: freq"."""
    if len(loc) >= 2 and loc[0] in ("series", "resources") and isinstance(loc[1], int):
        entries = document.get(loc[0]) or []
        entry = entries[loc[1]] if loc[1] < len(entries) and isinstance(entries[loc[1]], dict) else {}
        label = entry.get("indicator") or entry.get("path") or ""
        rest = ".".join(str(p) for p in loc[2:]) or "(entry)"
        return f"{loc[0]}[{loc[1]}] {label}: {rest}".replace("  ", " ")
    return ".".join(str(p) for p in loc) or "(top)"


def source_files(data_dir: Path | None = None) -> list[Path]:
    """Every data/<folder>/source.yaml, in folder order."""
    folder = Path(data_dir) if data_dir else config.data_dir()
    return sorted(folder.glob(f"*/{SOURCE_FILE}"))


@cache.memo("catalogue sources", 8)
def _load(folder: str, stamp: tuple) -> dict[str, Source]:
    found: dict[str, Source] = {}
    for path in source_files(Path(folder)):
        source = load_file(path)
        if source.name in found:
            raise CatalogueError(f"{path}: source {source.name!r} is also described in {found[source.name].folder}/")
        found[source.name] = source
    return found


def sources(data_dir: Path | None = None) -> dict[str, Source]:
    """Every source described in the data folder, by name (re-read when a source.yaml changes)."""
    folder = Path(data_dir) if data_dir else config.data_dir()
    stamp = tuple((str(p), p.stat().st_mtime_ns) for p in source_files(folder))
    return _load(str(folder), stamp)


def source(name: str, data_dir: Path | None = None) -> Source:
    """One source's metadata; CatalogueError when no source.yaml describes it."""
    found = sources(data_dir)
    if name not in found and data_dir is None and config.data_dir() != config.bundled_data_dir():
        found = sources(config.bundled_data_dir())  # another snapshot folder may carry only some sources' files
    if name not in found:
        raise CatalogueError(f"no {SOURCE_FILE} describes source {name!r} (found: {', '.join(found) or 'none'})")
    return found[name]


def describe(source_name: str, indicator: str, product: str | None = None, unit: str | None = None) -> Series | None:
    """What a stored series measures (its catalogue entry), or None when no source.yaml describes it."""
    try:
        found = source(source_name)
    except CatalogueError:
        return None
    return found.series_for(indicator, product, unit) if found else None


ECONOMIES_PATH = Path(__file__).with_name("economies.csv")


@functools.cache  # load once: a file shipped in the package
def economies() -> dict[str, tuple[str, tuple[str, ...]]]:
    """ISO3 -> (name as WIPO and the World Bank write it, aliases), from economies.csv beside this module."""
    import csv

    with ECONOMIES_PATH.open(encoding="utf-8", newline="") as handle:
        return {row["iso3"]: (row["name"], tuple(a for a in row["aliases"].split("|") if a))
                for row in csv.DictReader(handle)}


ECONOMY_REGIONS_PATH = Path(__file__).with_name("economy_regions.csv")


@functools.cache  # load once: a file shipped in the package
def economy_regions() -> dict[str, str]:
    """ISO3 -> the world region Ember files the economy under (Africa, Asia, Europe, Latin America and Caribbean,
    Middle East, North America, Oceania), from economy_regions.csv: the `Region` column of Ember's China solar
    exports file (data/ember), where each region's own rows are its members' sums. What "the second-largest
    importer in Africa" ranks among."""
    import csv

    with ECONOMY_REGIONS_PATH.open(encoding="utf-8", newline="") as handle:
        return {row["iso3"]: row["region"] for row in csv.DictReader(handle)}


def economy_iso3() -> dict[str, str]:
    """Every name and alias of an economy -> its ISO3 code: the one table every source reads names with."""
    return {name: iso3 for iso3, (first, aliases) in economies().items() for name in (first, *aliases)}


FREQUENCIES = {"A": ("annual", "Year"), "Q": ("quarterly", "Quarter"), "H": ("half-yearly", "Half-year"),
               "M": ("monthly", "Month"), "YTD": ("year to date", "Year to date (months)")}
"""Frequency code -> (how a reader says it, the title of a time axis): the one table the pages and charts read."""


def frequency_word(freq: str) -> str:
    """"A" -> "annual" (the code itself when unknown)."""
    return FREQUENCIES.get(freq, (freq, ""))[0]


def period_axis(freq: str | None) -> str:
    """The title of a time axis for a frequency ("A" -> "Year"), never the column name "period"."""
    return FREQUENCIES.get(freq or "A", ("", "Date"))[1]


OTHER_NAMES = {"WLD": "World"}
"""Entity codes that are not economies (economies.csv lists economies only)."""


def economy_name(iso3: str) -> str:
    """An entity's name for readers ("KOR" -> "Republic of Korea", "WLD" -> "World", "region:Asia" ->
    "Asia"), from economies.csv: the one table of names. The code itself when no name is known."""
    try:
        names = economies()
    except OSError:
        names = {}
    if iso3 in names:
        return names[iso3][0]
    if iso3.startswith("region:"):
        return iso3.split(":", 1)[1]
    return OTHER_NAMES.get(iso3, iso3)


def ancestors(subject: str) -> set[str]:
    """A subject and every subject above it in the hierarchy (bev -> {bev, ev, nev, new_trio, vehicles, goods})."""
    parents = dimensions()["subject"]
    seen, todo = set(), [subject]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        todo.extend(parents.get(current) or [])
    return seen


def within(subject: str, other: str) -> bool:
    """True when `subject` is `other` or falls under it (pv_cells within new_trio)."""
    return other in ancestors(subject)
