"""The one HTTP stack (indicators.http): retry policy, capped Retry-After, proxies, decompression.

Run against the loopback fault server (tests/fault_server.py); sleeps are recorded, not timed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
import urllib3.util.retry

from fault_server import FaultServer
from indicators import config, http
from indicators.http import SourceError
from repo_paths import FIXTURES

CSV = (FIXTURES / "fx" / "fredgraph_EXCHUS.csv").read_bytes()


@pytest.fixture
def server():
    with FaultServer() as running:
        running.body = CSV
        yield running


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """The waits urllib3's Retry asks for, recorded instead of slept."""
    asked: list[float] = []
    monkeypatch.setattr(urllib3.util.retry.time, "sleep", asked.append)
    return asked


class _Answer:
    def __init__(self, retry_after: str):
        self.headers = {"Retry-After": retry_after}


def test_retry_after_is_capped(monkeypatch):
    monkeypatch.setenv("INDICATORS_HTTP_RETRY_AFTER_MAX", "30")
    policy = http.retry_policy()
    assert policy.get_retry_after(_Answer("3600")) == 30
    assert policy.get_retry_after(_Answer("2")) == 2
    monkeypatch.setenv("INDICATORS_HTTP_RETRY_AFTER_MAX", "0.5")
    assert policy.new().get_retry_after(_Answer("3600")) == 0.5  # new() keeps the capping class


def test_the_policy_retries_transient_statuses_and_read_timeouts_not_connection_errors(monkeypatch):
    monkeypatch.setenv("INDICATORS_HTTP_RETRIES", "4")
    policy = http.retry_policy()
    assert (policy.total, policy.read, policy.status, policy.connect) == (4, 4, 4, 0)
    assert set(policy.status_forcelist) == {429, 500, 502, 503, 504}
    assert policy.respect_retry_after_header and not policy.raise_on_status


def test_the_policy_is_mounted_once_on_any_session():
    own = requests.Session()
    assert http.prepared(own) is own
    adapter = own.get_adapter("https://example.org/")
    assert isinstance(adapter.max_retries, http.CappedRetry)
    http.prepared(own)
    assert own.get_adapter("https://example.org/") is adapter
    assert own.headers["User-Agent"] == http.USER_AGENT
    assert own.trust_env is True  # HTTPS_PROXY / NO_PROXY stay honoured


def test_retry_after_is_honoured_up_to_the_cap(server, sleeps, monkeypatch):
    server.mode = "429"  # asks for Retry-After: 1
    with pytest.raises(SourceError, match=r"^demo: HTTP 429 .*gave up after 3 tries"):
        http.get_bytes("demo", server.url + "/x.csv")
    assert sleeps == [1.0, 1.0]
    sleeps.clear()
    monkeypatch.setenv("INDICATORS_HTTP_RETRY_AFTER_MAX", "0.25")
    with pytest.raises(SourceError):
        http.get_bytes("demo", server.url + "/x.csv")
    assert sleeps == [0.25, 0.25]


def test_a_retry_after_past_the_deadline_fails_at_once_naming_status_and_wait(server, sleeps, monkeypatch):
    server.mode = "429-long"
    monkeypatch.setenv("INDICATORS_HTTP_DEADLINE", "20")
    with pytest.raises(SourceError, match=r"^demo: HTTP 429 from .*asks to wait 3600 s \(Retry-After\), past the 20 s deadline; not retried"):
        http.get_bytes("demo", server.url + "/x.csv")
    assert sleeps == []  # no wait at all, capped or not
    assert len(server.requests) == 1


@pytest.mark.parametrize("source, env, path", [
    ("fx", "INDICATORS_FRED_URL", "/fredgraph.csv"),
    ("worldbank", "INDICATORS_WORLDBANK_URL", "/v2"),
])
def test_fred_and_world_bank_honour_retry_after(server, sleeps, monkeypatch, source, env, path):
    """Both go through pandas-datareader, which is handed the same stack (its own loop is off)."""
    from indicators import sources

    monkeypatch.setenv(env, server.url + path)
    server.mode = "500"
    with pytest.raises(SourceError, match=rf"^{source}: .*HTTP 500 .*gave up after 3 tries"):
        sources.get(source).fetch()
    assert sleeps == [1.0, 1.0]
    assert len(server.requests) == 3


def test_a_gzip_body_within_the_cap_is_inflated(server):
    server.mode = "gzip"
    assert http.get_bytes("demo", server.url + "/x.csv") == CSV
    assert "gzip" in server.headers[-1]["Accept-Encoding"]


def test_the_size_cap_is_per_source_and_overridable(server, monkeypatch):
    server.mode = "ok"
    with pytest.raises(SourceError, match=r"^demo: answer larger than the 0.001 MB limit"):
        http.get_bytes("demo", server.url + "/x.csv", max_bytes=1000)
    assert http.get_bytes("demo", server.url + "/x.csv", max_bytes=len(CSV)) == CSV
    monkeypatch.setenv("INDICATORS_HTTP_MAX_MB", "0.0005")
    assert config.http_max_bytes(10_000_000) == 500


def test_https_proxy_is_used(server, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", server.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with pytest.raises(SourceError, match=r"^demo: no connection to mirror\.invalid"):
        http.get_bytes("demo", "https://mirror.invalid/data.csv")
    assert server.requests == ["CONNECT mirror.invalid:443"]


def test_http_proxy_is_used_and_no_proxy_bypasses_it(server, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", server.url)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    assert http.get_bytes("demo", "http://mirror.invalid/data.csv") == CSV
    assert server.requests == ["GET http://mirror.invalid/data.csv"]  # the absolute form: via the proxy
    server.requests.clear()
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert http.get_bytes("demo", server.url + "/direct.csv") == CSV
    assert server.requests == ["GET /direct.csv"]  # the origin form: straight to the server


@pytest.mark.parametrize("env, function, default", [
    ("INDICATORS_FRED_URL", config.fred_url, "https://fred.stlouisfed.org/graph/fredgraph.csv"),
    ("INDICATORS_WORLDBANK_URL", config.worldbank_url, "https://api.worldbank.org/v2"),
    ("INDICATORS_COMTRADE_URL", config.comtrade_url, "https://comtradeapi.un.org"),
    ("INDICATORS_EMBER_URL", config.ember_url, config.EMBER_DEFAULT_URL),
])
def test_base_urls_come_from_the_environment(monkeypatch, env, function, default):
    monkeypatch.delenv(env, raising=False)
    monkeypatch.delenv("EMBER_SOLAR_URL", raising=False)
    assert function() == default
    monkeypatch.setenv(env, "http://mirror.example/base")
    assert function() == "http://mirror.example/base"


def test_comtrade_fetch_uses_the_mirror(server, monkeypatch):
    from indicators.sources import comtrade

    monkeypatch.setenv("INDICATORS_COMTRADE_URL", server.url + "/ct")
    server.mode, server.body = "ok", (FIXTURES / "comtrade_preview_USA_JPN_TOTAL_2023.json").read_bytes()
    [batch] = comtrade.fetch(years=[2023])
    assert server.requests[0].startswith("GET /ct/public/v1/preview/C/A/HS?reporterCode=156")
    assert batch.payloads[0].url.startswith(server.url + "/ct/public/v1/preview/C/A/HS?")
