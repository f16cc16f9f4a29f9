"""Shared test setup: network blocked (pytest-socket, see pyproject), a fresh store per test."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path, monkeypatch):
    """Every test gets its own SQLite store and no retry sleeps; no key leaks in from the machine."""
    monkeypatch.setenv("INDICATORS_DB", f"sqlite:///{tmp_path / 'store.db'}")
    monkeypatch.setenv("INDICATORS_HTTP_BACKOFF", "0")
    monkeypatch.setenv("INDICATORS_HTTP_TIMEOUT", "2")
    monkeypatch.delenv("COMTRADE_API_KEY", raising=False)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
