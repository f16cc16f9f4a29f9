"""One source contract, checked for every registered source (`indicators.sources.NAMES`).

Each source module satisfies `sources.base.Source`: NAME and METADATA agree with the registry,
`fetch(http=None)`, `snapshot()` returns batches of payloads, `parse()` turns each bundled payload
into the tidy frame and any unreadable payload into a SourceError that names the source. Live
sources declare a size cap and can be pointed at a mirror, documented in the README.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pandas as pd
import pytest

from indicators import frame, sources
from indicators.http import SourceError
from indicators.payload import Batch, Payload
from indicators.sources import base
from indicators.sources.base import Source, SourceMeta
from repo_paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
MIRROR_ENV = {"gii": ["GII_RANKING_URL", "GII_TECH1_URL"]}
"""Live sources whose module reads its own URL variables instead of declaring `METADATA.url_env`."""


@pytest.fixture(scope="module", params=sources.NAMES)
def source(request):
    return request.param, sources.get(request.param)


def test_every_source_satisfies_the_protocol(source):
    name, module = source
    assert isinstance(module, Source)
    assert module.NAME == name == module.METADATA.name
    assert isinstance(module.METADATA, SourceMeta)
    assert "http" in inspect.signature(module.fetch).parameters
    assert inspect.signature(module.fetch).parameters["http"].default is None
    meta = module.METADATA
    for field in ("title", "publisher", "licence", "url", "description", "cadence"):
        assert getattr(meta, field).strip(), (name, field)
    assert meta.url.startswith(("https://", "http://"))
    assert meta.max_bytes >= 0 and meta.row_allowance >= 0


def test_the_snapshot_parses_into_the_tidy_frame(source):
    name, module = source
    batches = module.snapshot()
    assert isinstance(batches, list)
    for batch in batches:
        assert isinstance(batch, Batch) and batch.payloads
        for payload in batch.payloads:
            assert isinstance(payload, Payload) and payload.raw and payload.kind
            data = module.parse(payload)
            assert isinstance(data, pd.DataFrame) and not data.empty
            assert list(data.columns) == frame.COLUMNS
            assert set(data["source"]) == {name}
            assert isinstance(data.attrs.get("warnings"), list)


def test_a_bundled_copy_says_which_copy_it_was_read_from(source):
    """A bundled file taken from a copy (data/datapackage.json `copied_from`, per PROVENANCE.md) is
    never shown as read from the primary source: its rows name the copy's site."""
    name, module = source
    for batch in module.snapshot():
        for payload in batch.payloads:
            copy = base.bundled_copy(payload.name)
            assert payload.read_via == copy
            if copy:
                data = module.parse(payload)
                assert copy.startswith("github.com (a copy in ") and set(data["read_via"]) == {copy}


@pytest.mark.parametrize("raw", [b"", b"<!DOCTYPE html><html><body>Service unavailable</body></html>"],
                         ids=["empty", "html"])
def test_an_unreadable_payload_is_a_source_error_naming_the_source(source, raw):
    name, module = source
    kinds = [p.kind for batch in module.snapshot() for p in batch.payloads] or ["comtrade_json"]
    for kind in sorted(set(kinds)):
        with pytest.raises(SourceError) as info:
            module.parse(Payload(name="bad", raw=raw, url="https://example.org/", kind=kind))
        assert str(info.value).startswith(f"{name}: ") and "\n" not in str(info.value)


LIVE = [name for name in sources.NAMES if sources.get(name).METADATA.live]


@pytest.mark.parametrize("name", LIVE)
def test_live_sources_can_be_pointed_at_a_mirror_and_say_how(name):
    module = sources.get(name)
    names = [module.METADATA.url_env] if module.METADATA.url_env else MIRROR_ENV.get(name, [])
    assert names, f"{name}: a live source declares METADATA.url_env"
    for env in names:
        assert f"`{env}`" in README, f"{env} is missing from the README's configuration table"
