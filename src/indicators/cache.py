"""The one home of the project's caches: named, bounded (least recently used out), with one key
scheme, counted, and cleared together.

Two kinds, both registered by name (`stats()` and `clear_all()` see every one):

- `named(name, size)`: results computed from a store. `get(store, key, build)` keys a result on
  the store's URL, the caller's key, the data versions of the sources the build read (the store
  records them: `Store.recording_reads`) and, for a cache made with `files=`, the version of the
  files the result also depends on (the articles and their claims files). A load of one source
  makes stale only the results that read it; a refresh that writes no vintage makes none stale.
  Each key is built once at a time (a thread asking for a key another thread is building waits
  for that build), and each entry keeps its build: `rebuild_stale(store)` builds again, once,
  the recently used entries a new vintage made stale, so a background thread (see `Rebuilder`,
  started by dashboard.app.create_app) takes the cold builds off the request path. While a
  Rebuilder runs, a request whose entry is stale gets the result last built (from the data as it
  was a moment ago, whole) and wakes the thread to build the new one, instead of building it
  itself: no request waits on a cold build that an earlier result can stand in for.
- `memo(name, size)`: a decorator for a pure function of its (hashable) arguments, such as the
  spotter's sentence parsers, or a loader whose arguments carry the version of what it reads.

Files shipped inside the package (constant for the life of the process) are read by plain
load-once functions (`functools.cache`), not here.

This module imports nothing of the project: it talks to a store through `url`, `versions()`,
`state()`, `recording_reads()` and `_note_read()` only, so every layer may use it.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from dataclasses import dataclass
from typing import Callable

import cachetools
import cachetools.keys

RECENT_S = 900.0
"""An entry used within this many seconds counts as recently used: a new vintage rebuilds it."""
REBUILD_EVERY_S = 5.0
"""How often the rebuilding thread asks the store for its versions (one grouped query)."""
SCOPES = ("reads", "store", "state")
"""What a result's key holds of the store: the versions of the sources the build read ("reads",
the default), every source's version ("store": for results whose reads are not all recorded, such
as a whole page), or Store.state() ("state": also refresh events and revision reports)."""

log = logging.getLogger(__name__)

_SERVE_STALE = threading.Event()
"""Set while a Rebuilder runs (a serving process): a stale entry is answered with its last result."""
_REBUILDERS: set = set()  # the Rebuilders running: _SERVE_STALE is set while there is one
_WAKE = threading.Event()
"""Set by a request that answered with a stale result: the Rebuilder's next pass starts at once."""


@dataclass
class _Entry:
    """What a key's latest build read, under which versioned key it is kept, and how to build it again
    (`build`, with `store`: the store object whose reads it records, the one the build reads)."""

    store: object
    reads: frozenset
    scope: str
    versioned: tuple
    build: Callable
    used: float  # time.monotonic() of the last get


class _Now:
    """The store's versions (and state, files' version) as read once for one get or rebuild pass."""

    def __init__(self, store, files: Callable | None, versions: dict | None = None):
        self._store = store
        # before building: a load during the build makes the next call rebuild
        self.versions = store.versions() if versions is None else versions
        self._state = None
        self.files = files() if files is not None else None

    def state(self) -> tuple:
        if self._state is None:
            self._state = tuple(self._store.state())
        return self._state

    def versioned(self, key: tuple, reads: frozenset, scope: str) -> tuple:
        """The one key scheme: (store URL, *key, data versions, files' version)."""
        if scope == "state":
            data = self.state()
        elif scope == "store":
            data = tuple(sorted(self.versions.items()))
        elif None in reads:  # read every source: any load makes it stale
            data = max(self.versions.values(), default=0)
        else:
            data = tuple(sorted((source, self.versions.get(source, 0)) for source in reads))
        return (*key, data, self.files)


class Cache:
    """Results computed from a store (see the module's docstring): `get(store, key, build)`."""

    def __init__(self, name: str, size: int, files: Callable | None = None, scope: str = "reads"):
        if scope not in SCOPES:
            raise ValueError(f"unknown cache scope {scope!r}; known: {', '.join(SCOPES)}")
        self.name, self.scope, self._files = name, scope, files
        self._items = cachetools.LRUCache(size)  # versioned key -> (result, reads)
        self._latest = cachetools.LRUCache(4 * size)  # key -> _Entry of its latest build
        self._building: dict[tuple, threading.Lock] = {}
        self._lock = threading.Lock()
        self.hits = self.misses = self.builds = self.rebuilds = self.stale = 0

    @property
    def size(self) -> int:
        return int(self._items.maxsize)

    def __len__(self) -> int:
        return len(self._items)

    def get(self, store, key: tuple, build: Callable, scope: str | None = None, versions: dict | None = None):
        """The result for `key` as of the store's current versions, built by `build()` on a miss.
        A hit replays the result's reads into any recording around it, so a cache of results built
        from cached results stays exact. `scope` overrides the cache's own for this key; `versions`:
        store.versions() if the caller just read them (once per request), else they are read here."""
        key = (store.url, *key)
        now = _Now(store, self._files, versions)
        with self._lock:
            hit = self._lookup(key, now)
            if hit is None and _SERVE_STALE.is_set():
                hit = self._last_built(key)
                if hit is not None:  # the Rebuilder builds the new one; this request does not wait for it
                    self.stale += 1
                    _WAKE.set()
            if hit is None:
                self.misses += 1
            else:
                self.hits += 1
        if hit is None:
            hit = self._build(store, key, build, scope or self.scope, now)
        for source in hit[1]:
            store._note_read(source)
        return hit[0]

    def rebuild_stale(self, store, within: float = RECENT_S) -> int:
        """Build again, once, each entry of this store used within `within` seconds whose reads a
        new vintage changed (or whose files changed) while its last build is still kept. Returns
        how many were rebuilt. A request for such a key meanwhile waits for this build."""
        now = _Now(store, self._files)
        moment = time.monotonic()
        with self._lock:
            stale = [(key, entry) for key, entry in self._latest.items()
                     if key[0] == store.url and moment - entry.used <= within and entry.versioned in self._items
                     and now.versioned(key, entry.reads, entry.scope) != entry.versioned]
        rebuilt = 0
        for key, entry in stale:
            try:
                self._build(entry.store, key, entry.build, entry.scope, now, rebuild=True)
                rebuilt += 1
            except Exception:  # the request that needs it builds it and reports the error
                log.warning("cache %s: rebuilding %r failed", self.name, key[1:], exc_info=True)
        return rebuilt

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._latest.clear()

    def forget(self, url: str) -> None:
        """Drop every result of the store at `url` (its file was replaced: versions may repeat)."""
        with self._lock:
            for mapping in (self._items, self._latest):
                for key in [key for key in mapping if key[0] == url]:
                    del mapping[key]

    def resize(self, size: int) -> None:
        """Keep at most `size` results from now on (the most recently used stay)."""
        with self._lock:
            if size == self.size:
                return
            items, latest = cachetools.LRUCache(size), cachetools.LRUCache(4 * size)
            for old, new in ((self._items, items), (self._latest, latest)):
                kept = [old.popitem() for _ in range(len(old))]  # least recently used first
                for key, value in kept[-new.maxsize:]:
                    new[key] = value
            self._items, self._latest = items, latest

    def stats(self) -> dict:
        with self._lock:
            return {"entries": len(self._items), "size": self.size, "hits": self.hits, "misses": self.misses,
                    "builds": self.builds, "rebuilds": self.rebuilds, "stale": self.stale}

    def _lookup(self, key: tuple, now: _Now):
        entry = self._latest.get(key)
        if entry is None:
            return None
        hit = self._items.get(now.versioned(key, entry.reads, entry.scope))
        if hit is not None:
            entry.used = time.monotonic()
        return hit

    def _last_built(self, key: tuple):
        """The result of the key's latest build, whatever versions it was built from (None when it
        is no longer kept). Called with the lock held."""
        entry = self._latest.get(key)
        hit = self._items.get(entry.versioned) if entry is not None else None
        if hit is not None:
            entry.used = time.monotonic()
        return hit

    def _build(self, store, key: tuple, build: Callable, scope: str, now: _Now, rebuild: bool = False):
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:
            try:
                with self._lock:
                    hit = self._lookup(key, now)  # built while this thread waited
                if hit is not None:
                    return hit
                # the previous result stays kept while this builds (it stands in for it: _SERVE_STALE)
                with store.recording_reads() as reads:
                    result = build()
                hit = (result, frozenset(reads))
                with self._lock:
                    versioned = now.versioned(key, hit[1], scope)
                    previous = self._latest.get(key)
                    if previous is not None and previous.versioned != versioned:
                        self._items.pop(previous.versioned, None)  # versions only grow: never asked again
                    self._items[versioned] = hit
                    self._latest[key] = _Entry(store, hit[1], scope, versioned, build, time.monotonic())
                    self.builds += 1
                    self.rebuilds += rebuild
                return hit
            finally:
                with self._lock:
                    self._building.pop(key, None)


class Memo:
    """The storage of one `memo` function: its results by arguments, counted."""

    def __init__(self, name: str, size: int):
        self.name = name
        self._items = cachetools.LRUCache(size)
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._items)

    def call(self, function: Callable, args: tuple, kwargs: dict):
        key = cachetools.keys.hashkey(*args, **kwargs)
        with self._lock:
            try:
                value = self._items[key]
            except KeyError:
                self.misses += 1
            else:
                self.hits += 1
                return value
        value = function(*args, **kwargs)
        with self._lock:
            self._items[key] = value
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def rebuild_stale(self, store, within: float = RECENT_S) -> int:
        return 0  # a function of its arguments: never stale

    def stats(self) -> dict:
        with self._lock:
            return {"entries": len(self._items), "size": int(self._items.maxsize), "hits": self.hits,
                    "misses": self.misses, "builds": self.misses, "rebuilds": 0, "stale": 0}


_REGISTRY: dict[str, Cache | Memo] = {}
_REGISTRY_LOCK = threading.Lock()


def named(name: str, size: int, files: Callable | None = None, scope: str = "reads") -> Cache:
    """The store-keyed cache called `name`, made on first use. `files`: a function returning the
    version of the files its results also depend on (e.g. indicators.articles.fingerprint). A later
    call with another `size` resizes it (a module's bound can be changed at run time)."""
    with _REGISTRY_LOCK:
        found = _REGISTRY.get(name)
        if found is None:
            found = _REGISTRY[name] = Cache(name, size, files=files, scope=scope)
    if not isinstance(found, Cache):
        raise ValueError(f"cache {name!r} is a memo, not a store cache")
    if found.size != size:
        found.resize(size)
    return found


def memo(name: str, size: int) -> Callable:
    """Decorator: keep the last `size` results of a pure function by its arguments (hashable)."""

    def decorate(function: Callable) -> Callable:
        with _REGISTRY_LOCK:  # a module imported again (importlib.reload) replaces its memo
            if isinstance(_REGISTRY.get(name), Cache):
                raise ValueError(f"cache {name!r} is a store cache, not a memo")
            storage = _REGISTRY[name] = Memo(name, size)

        @functools.wraps(function)
        def memoised(*args, **kwargs):
            return storage.call(function, args, kwargs)

        memoised.cache = storage
        return memoised

    return decorate


def clear_all() -> None:
    """Empty every cache (the counts stay)."""
    for found in list(_REGISTRY.values()):
        found.clear()


def stats() -> dict[str, dict]:
    """Per cache name: entries, size (the bound), hits, misses, builds, rebuilds."""
    return {name: found.stats() for name, found in sorted(_REGISTRY.items())}


def rebuild_stale(store, within: float = RECENT_S) -> int:
    """`Cache.rebuild_stale` over every cache, in the order they were made (figures before the
    pages that show them; a page that needs a figure not yet rebuilt builds it, once)."""
    return sum(found.rebuild_stale(store, within) for found in list(_REGISTRY.values()))


class Rebuilder:
    """A daemon thread that asks the store for its versions every `every_s` seconds and, when they
    changed, rebuilds the stale entries (rebuild_stale); a request that answered with a stale result
    wakes it at once (and that pass rebuilds whatever is stale, also after an event or an edited
    article file, which change no data version). While it runs, stale results are served
    (_SERVE_STALE). `open_store` is called each time (the store may not be open yet, or unreadable
    for a while: that pass is skipped)."""

    def __init__(self, open_store: Callable, every_s: float = REBUILD_EVERY_S):
        self._open_store = open_store
        self._every_s = every_s
        self._seen: dict | None = None
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True, name="cache-rebuilder")

    def start(self) -> Rebuilder:
        with _REGISTRY_LOCK:
            _REBUILDERS.add(self)
            _SERVE_STALE.set()
        self.thread.start()
        return self

    def stop(self) -> None:
        with _REGISTRY_LOCK:
            _REBUILDERS.discard(self)
            if not _REBUILDERS:
                _SERVE_STALE.clear()
        self._stop.set()
        _WAKE.set()

    def poll(self, woken: bool = False) -> int:
        """One pass: rebuild if the versions changed since the last pass, or if a request found a
        stale entry (`woken`). Returns how many were rebuilt."""
        store = self._open_store()
        versions = store.versions()
        changed = self._seen is not None and versions != self._seen
        self._seen = versions
        return rebuild_stale(store) if changed or woken else 0

    def _run(self) -> None:
        while not self._stop.is_set():
            woken = _WAKE.wait(self._every_s)
            _WAKE.clear()
            if self._stop.is_set():
                return
            try:
                self.poll(woken)
            except Exception:  # an unreadable store: the pages say so; try again on the next pass
                log.debug("cache rebuilder: pass skipped", exc_info=True)


def _after_fork_in_child() -> None:
    """A forked process (the dashboard's jobs launcher, dashboard.jobs) has only the thread that forked. A lock another
    thread held at the fork (a build in progress, a rebuilding pass) would never be released there: every
    cache gets fresh locks, one whose lock was held drops its entries (an update may have been cut
    short), and no Rebuilder runs there, so nothing stale is served."""
    global _REGISTRY_LOCK, _SERVE_STALE, _WAKE
    _REGISTRY_LOCK = threading.Lock()
    _SERVE_STALE, _WAKE = threading.Event(), threading.Event()
    _REBUILDERS.clear()
    for found in _REGISTRY.values():
        if found._lock.locked():
            found._items = cachetools.LRUCache(found._items.maxsize)
            if isinstance(found, Cache):
                found._latest = cachetools.LRUCache(found._latest.maxsize)
        found._lock = threading.Lock()
        if isinstance(found, Cache):
            found._building = {}


os.register_at_fork(after_in_child=_after_fork_in_child)
