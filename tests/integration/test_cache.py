"""indicators.cache: results kept per data version of what they read, rebuilt off the request path."""

from __future__ import annotations

import threading

import pytest

from indicators import cache, frame
from indicators.store import Store


def obs(value, released=""):
    return dict(indicator="exports", entity="CHN", counterpart="WLD", period="2023", freq="A",
                value=value, unit="CNY", released=released)


def load(store, source, value, released=""):
    store.write_vintage(source, frame.build([obs(value, released)], source=source, dataset="test"))


class Counted:
    """A build that reads one source's value and counts its calls."""

    def __init__(self, store, source):
        self.store, self.source, self.calls = store, source, 0

    def __call__(self):
        self.calls += 1
        return float(self.store.frame(source=self.source)["value"].iloc[0])


@pytest.fixture
def store():
    store = Store()
    load(store, "customs", 1.0)
    load(store, "fx", 7.0)
    return store


def test_a_hit_does_not_build_and_a_new_vintage_of_what_it_read_does(store):
    kept = cache.Cache("test hits", 8)
    customs, fx = Counted(store, "customs"), Counted(store, "fx")
    assert kept.get(store, ("c",), customs) == kept.get(store, ("c",), customs) == 1.0
    assert kept.get(store, ("f",), fx) == 7.0
    load(store, "customs", 2.0, released="2030-01-01")
    assert kept.get(store, ("c",), customs) == 2.0 and kept.get(store, ("f",), fx) == 7.0
    assert (customs.calls, fx.calls) == (2, 1)
    assert kept.stats() == {"entries": 2, "size": 8, "hits": 2, "misses": 3, "builds": 3, "rebuilds": 0,
                            "stale": 0}


def test_one_rebuild_pass_rebuilds_what_a_new_vintage_made_stale_and_nothing_else(store):
    kept = cache.Cache("test rebuild", 8)
    customs, fx = Counted(store, "customs"), Counted(store, "fx")
    kept.get(store, ("c",), customs)
    kept.get(store, ("f",), fx)
    assert kept.rebuild_stale(store) == 0  # nothing changed
    load(store, "customs", 2.0, released="2030-01-01")
    assert kept.rebuild_stale(store) == 1
    assert (customs.calls, fx.calls) == (2, 1)  # fx was not read by the customs entry: left alone
    assert kept.get(store, ("c",), customs) == 2.0 and customs.calls == 2  # the request finds it built
    assert kept.rebuild_stale(store) == 0 and kept.stats()["rebuilds"] == 1
    assert len(kept) == 2  # the outdated result was dropped, not kept beside the new one


def test_a_request_during_a_rebuild_waits_for_it_instead_of_building_again(store):
    kept = cache.Cache("test single flight", 8)
    started, release = threading.Event(), threading.Event()
    calls = []

    def build():
        calls.append(threading.current_thread().name)
        if len(calls) == 2:  # the rebuild: hold it until the request has been sent
            started.set()
            release.wait(30)
        return float(store.frame(source="customs")["value"].iloc[0])

    kept.get(store, ("c",), build)
    load(store, "customs", 2.0, released="2030-01-01")
    rebuilder = threading.Thread(target=kept.rebuild_stale, args=(store,), name="rebuilder")
    rebuilder.start()
    assert started.wait(30)
    answers = []
    request = threading.Thread(target=lambda: answers.append(kept.get(store, ("c",), build)), name="request")
    request.start()
    release.set()
    request.join(30)
    rebuilder.join(30)
    assert answers == [2.0]
    assert calls == ["MainThread", "rebuilder"]  # built once by the rebuild, never by the request


def test_a_changed_file_version_makes_results_stale(store):
    version = [1]
    kept = cache.Cache("test files", 8, files=lambda: version[0])
    customs = Counted(store, "customs")
    kept.get(store, ("c",), customs)
    version[0] = 2
    assert kept.rebuild_stale(store) == 1 and customs.calls == 2
    kept.get(store, ("c",), customs)
    assert customs.calls == 2


def test_store_scope_keys_on_every_source_and_results_of_another_store_are_apart(store, tmp_path):
    kept = cache.Cache("test scope", 8, scope="store")
    customs = Counted(store, "customs")
    kept.get(store, ("c",), customs)
    load(store, "fx", 7.5, released="2030-01-01")  # not read by the build, but the scope is the whole store
    kept.get(store, ("c",), customs)
    assert customs.calls == 2
    other = Store(f"sqlite:///{tmp_path / 'other.db'}")
    load(other, "customs", 3.0)
    assert kept.get(other, ("c",), Counted(other, "customs")) == 3.0
    with pytest.raises(ValueError, match="unknown cache scope"):
        cache.Cache("bad", 8, scope="everything")


def test_named_caches_are_registered_resized_counted_and_cleared_together(store):
    kept = cache.named("test named", 4)
    assert cache.named("test named", 4) is kept
    for n in range(4):
        kept.get(store, ("n", n), lambda n=n: n)
    kept.get(store, ("n", 0), lambda: 0)  # the most recently used
    cache.named("test named", 2)
    assert len(kept) == 2 and kept.get(store, ("n", 0), lambda: -1) == 0

    calls = []

    @cache.memo("test memo", 2)
    def double(x):
        calls.append(x)
        return 2 * x

    assert double(2) == double(2) == 4 and calls == [2]
    stats = cache.stats()
    assert stats["test memo"]["hits"] == 1 and stats["test memo"]["misses"] == 1
    assert stats["test named"]["entries"] == 2
    cache.clear_all()
    assert len(kept) == 0 and cache.stats()["test memo"]["entries"] == 0
    with pytest.raises(ValueError, match="store cache"):
        cache.memo("test named", 2)(double)


def test_the_rebuilder_rebuilds_only_after_the_versions_change(store):
    kept = cache.named("test rebuilder", 4)
    customs = Counted(store, "customs")
    kept.get(store, ("c",), customs)
    rebuilder = cache.Rebuilder(lambda: store)  # not started: its passes are run here
    assert rebuilder.poll() == 0  # the first pass only notes the versions
    assert rebuilder.poll() == 0 and customs.calls == 1
    load(store, "customs", 2.0, released="2030-01-01")
    assert rebuilder.poll() >= 1 and customs.calls == 2
    assert kept.get(store, ("c",), customs) == 2.0 and customs.calls == 2


def test_a_rebuild_asked_through_another_store_object_records_what_the_build_reads(store):
    """The rebuilding thread may hold another Store object of the same URL than the build reads:
    the reads are recorded on the build's own, so the rebuilt entry still goes stale."""
    kept = cache.Cache("test other store object", 8)
    customs = Counted(store, "customs")
    kept.get(store, ("c",), customs)
    load(store, "customs", 2.0, released="2030-01-01")
    assert kept.rebuild_stale(Store(store.url)) == 1
    load(store, "customs", 3.0, released="2030-02-01")
    assert kept.rebuild_stale(Store(store.url)) == 1 and customs.calls == 3
    assert kept.get(store, ("c",), customs) == 3.0 and customs.calls == 3


def test_while_a_rebuilder_runs_a_stale_entry_answers_with_its_last_result_and_wakes_it(store):
    """A serving process (a Rebuilder running): the request after a new vintage does not build; it
    gets the result built a moment ago, whole, and the rebuilder builds the new one at once."""
    kept = cache.named("test stale", 8)  # registered: the rebuilder rebuilds the named caches
    customs = Counted(store, "customs")
    assert kept.get(store, ("c",), customs) == 1.0
    rebuilder = cache.Rebuilder(lambda: store, every_s=3600)  # woken only by the stale answer
    rebuilder.start()
    try:
        load(store, "customs", 2.0, released="2030-01-01")
        assert kept.get(store, ("c",), customs) == 1.0 and customs.calls == 1  # the last result, no build
        assert kept.stats()["stale"] == 1
        for _ in range(600):  # the rebuilder was woken: it builds the new result (bounded wait, not a timing)
            if customs.calls == 2:
                break
            threading.Event().wait(0.05)
        assert customs.calls == 2
        assert kept.get(store, ("c",), customs) == 2.0 and customs.calls == 2
    finally:
        rebuilder.stop()
    load(store, "customs", 3.0, released="2030-02-01")
    assert kept.get(store, ("c",), customs) == 3.0 and customs.calls == 3  # no rebuilder: the request builds
