"""One module per publisher; `SOURCES` maps a source name to its module."""

from __future__ import annotations

import importlib
from types import ModuleType

NAMES = ["customs", "ember", "fx", "worldbank", "comtrade", "gii", "caam", "nbs", "cnipa", "wipo_ip", "gacc", "miit"]


def get(name: str) -> ModuleType:
    """The source module called `name` (ValueError for an unknown name)."""
    if name not in NAMES:
        raise ValueError(f"unknown source {name!r}; known: {', '.join(NAMES)}")
    return importlib.import_module(f"indicators.sources.{name}")


def all_sources() -> dict[str, ModuleType]:
    return {name: get(name) for name in NAMES}
