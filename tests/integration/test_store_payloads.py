"""Payloads stored by content and compressed (issue 22, item 5): once per sha256, zlib or the lines
changed against the previous payload of the same name; rows from before compression still read."""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa

from indicators import frame
from indicators.sources.base import Payload
from indicators.store import PAYLOAD_DELTA, PAYLOAD_RAW, PAYLOAD_ZLIB, Store, payloads


def csv_of(rng_seed: int = 7, rows: int = 40_000) -> list[bytes]:
    """A CSV like Ember's (dates, places, numbers that compress about 3:1), as its lines."""
    rng = random.Random(rng_seed)
    lines = [b"Area,Date,Commodity,Amount (USD),Capacity (MW)\n"]
    for i in range(rows):
        lines.append(f"Place{i % 211},20{17 + i % 8}-{1 + i % 12:02d}-01,Panels,{rng.uniform(1e3, 1e8):.1f},"
                     f"{rng.uniform(0, 500):.2f}\n".encode())
    return lines


def one_row(value: float):
    return frame.build([dict(indicator="exports", entity="CHN", counterpart="WLD", period="2023", freq="A",
                             value=value, unit="USD", released="")], source="ember", dataset="test")


def sqlite_size(store: Store) -> int:
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
        free = conn.exec_driver_sql("PRAGMA freelist_count").scalar_one()
        page = conn.exec_driver_sql("PRAGMA page_size").scalar_one()
    return (pages - free) * page


@pytest.mark.slow
def test_thirty_refreshes_each_revising_three_values_grow_the_store_by_at_most_a_fifth():
    """30 vintages of a ~1.8 MB CSV, each changing 3 values: the store grows at most 1.2x (whole
    copies, even compressed, would be ~10x); every payload reads back byte for byte."""
    store = Store()
    rng = random.Random(1)
    lines = csv_of()
    written = []
    for step in range(30):
        if step:
            for _ in range(3):
                row = rng.randrange(1, len(lines))
                lines[row] = lines[row].replace(b",Panels,", b",Panels,9")
        raw = b"".join(lines)
        payload = Payload("china_solar_exports_monthly.csv", raw, "https://ember-energy.org/", "ember_csv")
        store.write_vintage("ember", one_row(float(step)), [payload])
        written.append(payload)
        if step == 0:
            day_one = sqlite_size(store)
    growth = sqlite_size(store) / day_one
    assert growth <= 1.2, f"store grew {growth:.2f}x over 30 revisions of 3 values"
    assert len(written[0].raw) > 1_500_000
    for payload in written:
        assert store.payload(payload.sha256) == payload.raw
    with store.engine.connect() as conn:
        encodings = [row.encoding for row in conn.execute(sa.select(payloads.c.encoding))]
    assert encodings[0] == PAYLOAD_ZLIB and set(encodings[1:]) == {PAYLOAD_DELTA}


def test_a_delta_applies_to_a_full_payload_never_to_another_delta():
    store = Store()
    lines = csv_of(rows=3000)
    shas = []
    for step in range(4):
        lines[10 + step] = b"changed,%d\n" % step
        payload = Payload("same.csv", b"".join(lines), "u", "k")
        store.write_vintage("ember", one_row(float(step)), [payload])
        shas.append(payload.sha256)
    with store.engine.connect() as conn:
        rows = {r.sha256: r for r in conn.execute(sa.select(payloads.c.sha256, payloads.c.encoding, payloads.c.base))}
    assert rows[shas[0]].encoding == PAYLOAD_ZLIB
    assert {rows[sha].base for sha in shas[1:]} == {shas[0]}


def test_the_same_bytes_are_stored_once_and_small_or_other_payloads_whole():
    store = Store()
    small = Payload("tiny.csv", b"a,b\n1,2\n", "u", "k")
    store.write_vintage("ember", one_row(1.0), [small])
    store.write_vintage("ember", one_row(2.0), [small])
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(payloads.c.sha256, payloads.c.encoding, payloads.c.size)).all()
    assert len(rows) == 1 and rows[0].size == len(small.raw)
    assert rows[0].encoding in (PAYLOAD_RAW, PAYLOAD_ZLIB)
    assert store.payload(small.sha256) == small.raw


def test_a_payload_stored_uncompressed_before_the_upgrade_still_reads():
    store = Store()
    raw = b"".join(csv_of(rows=200))
    payload = Payload("old.csv", raw, "u", "k")
    with store.engine.begin() as conn:  # as the code before compression wrote it
        conn.execute(payloads.insert().values(sha256=payload.sha256, name="old.csv", url="u", kind="k", size=len(raw),
                                              raw=raw))
    assert store.payload(payload.sha256) == raw
    # and a new payload of the same name may use it as its base
    store.write_vintage("ember", one_row(1.0), [payload])
    changed = Payload("old.csv", raw.replace(b"Place1,", b"Place1x,", 1) + b"".join(csv_of(rows=20000)[1:]), "u", "k")
    store.write_vintage("ember", one_row(2.0), [changed])
    assert store.payload(changed.sha256) == changed.raw
