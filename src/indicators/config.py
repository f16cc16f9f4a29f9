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
    return bundled_data_dir()


def bundled_data_dir() -> Path:
    """The snapshot that ships with the package (whatever `INDICATORS_DATA_DIR` says): the installed
    package data, else the source checkout's `data/`. Source metadata falls back to it."""
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


def http_deadline() -> float:
    """Seconds one fetch may take in total, retries and body included (`INDICATORS_HTTP_DEADLINE`,
    default 120): a server trickling bytes is cut here, whatever the per-read timeout."""
    return float(os.environ.get("INDICATORS_HTTP_DEADLINE", "120"))


def http_retry_after_max() -> float:
    """Longest wait a server's Retry-After may impose before a retry (`INDICATORS_HTTP_RETRY_AFTER_MAX`,
    default 30 s)."""
    return float(os.environ.get("INDICATORS_HTTP_RETRY_AFTER_MAX", "30"))


DEFAULT_MAX_BYTES = 8_000_000


def http_max_bytes(source_cap: int | None = None) -> int:
    """Largest body one fetch may return, counted after decompression: `INDICATORS_HTTP_MAX_MB`
    (megabytes, for every source) if set, else the source's own cap, else 8 MB."""
    override = os.environ.get("INDICATORS_HTTP_MAX_MB")
    if override:
        return int(float(override) * 1_000_000)
    return int(source_cap or DEFAULT_MAX_BYTES)


# -- where the live sources are (mirrors) ------------------------------------------------------


def fred_url() -> str:
    """FRED's fredgraph CSV endpoint (`INDICATORS_FRED_URL`); the series id goes in `?id=`."""
    return os.environ.get("INDICATORS_FRED_URL") or "https://fred.stlouisfed.org/graph/fredgraph.csv"


def worldbank_url() -> str:
    """World Bank API v2 root (`INDICATORS_WORLDBANK_URL`), no trailing slash."""
    return (os.environ.get("INDICATORS_WORLDBANK_URL") or "https://api.worldbank.org/v2").rstrip("/")


def comtrade_url() -> str:
    """UN Comtrade API root (`INDICATORS_COMTRADE_URL`); the preview and final paths are added."""
    return (os.environ.get("INDICATORS_COMTRADE_URL") or "https://comtradeapi.un.org").rstrip("/")


EMBER_DEFAULT_URL = (
    "https://storage.googleapis.com/emb-prod-bkt-publicdata/dagster/solar_exports/published/"
    "mart_solar_exports_full_release_monthly.csv"
)


def ember_url() -> str:
    """Ember's solar-exports CSV (`INDICATORS_EMBER_URL`, or the older `EMBER_SOLAR_URL`)."""
    return os.environ.get("INDICATORS_EMBER_URL") or os.environ.get("EMBER_SOLAR_URL") or EMBER_DEFAULT_URL
