"""Where things live: the bundled snapshot, the store URL, network settings. Read from the environment."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent.parent
# The wheel carries the repository's top-level data/ as the package data `indicators/bundled_data/`
# (pyproject: [tool.setuptools.package-dir]); a source checkout reads data/ itself.
BUNDLED_DATA = "bundled_data"


def data_dir() -> Path:
    """The bundled snapshot folder: `INDICATORS_DATA_DIR`, else the installed package data, else the
    source checkout's `data/` (running from the repository or an editable install)."""
    override = os.environ.get("INDICATORS_DATA_DIR")
    if override:
        return Path(override)
    packaged = resources.files("indicators") / BUNDLED_DATA
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return PROJECT_ROOT / "data"


def database_url() -> str:
    """The store: `INDICATORS_DB` (any SQLAlchemy URL), else SQLite in the user data directory."""
    url = os.environ.get("INDICATORS_DB")
    if url:
        return url
    folder = Path(platformdirs.user_data_dir("factcheck-indicators"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'indicators.db'}"


def http_timeout() -> float:
    """Seconds per HTTP try (`INDICATORS_HTTP_TIMEOUT`, default 20)."""
    return float(os.environ.get("INDICATORS_HTTP_TIMEOUT", "20"))


def http_retries() -> int:
    """Retries after the first try for transient failures (`INDICATORS_HTTP_RETRIES`, default 2)."""
    return int(os.environ.get("INDICATORS_HTTP_RETRIES", "2"))


def http_backoff() -> float:
    """Seconds before the first retry, doubled each time (`INDICATORS_HTTP_BACKOFF`, default 1)."""
    return float(os.environ.get("INDICATORS_HTTP_BACKOFF", "1"))
