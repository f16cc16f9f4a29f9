"""Trust probes: accusations the corpus articles draw when pasted the way users paste them.

- pairs: a pasted text is often several pieces, and what the spotter carries from earlier text (a year, an economy,
  what "the country" is) must not turn a figure it leaves alone into an accusation. For random pairs of articles
  (A, B) this spots B alone and A then B (B's published date), and lists B's figures judged contradicted or
  misleading only in the pair.
- undated: each article spotted without its published date (a paste with no date given), listing the accusations
  on figures its annotation does not call contradicted or misleading.

Development splits only by default: the lines name articles and figures (an unseen split's text must not be read).

    PYTHONPATH=src:. python benchmarks/trust_probes.py --db sqlite:////tmp/store.db --pairs 120 --seed 1
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from spot import ACCUSING, SPLITS  # noqa: E402

from indicators import spot  # noqa: E402
from indicators.store import Store  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus"
DEVELOPMENT_WORDS = ("development", "tuned on", "no longer held out")


def development_splits() -> list[str]:
    """The splits SPLITS says were used for development (their per-figure results may be read)."""
    return [name for name, said in SPLITS.items() if any(w in said for w in DEVELOPMENT_WORDS)]


def body(path: Path) -> tuple[str | None, str]:
    text = path.read_text(encoding="utf-8")
    meta, start = spot.split_front_matter(text)
    return (str(meta["published"]) if meta.get("published") else None), text[start:]


def leaks(first: Path, second: Path, store: Store) -> list[str]:
    """The second article's figures accused only after the first article's text."""
    published, text = body(second)
    _, before = body(first)
    alone = {(c.start, c.span): c.verdict for c in spot.spot(text, store=store, published=published)}
    offset = len(before) + 2
    found = []
    for c in spot.spot(before + "\n\n" + text, store=store, published=published):
        if c.start >= offset and c.verdict in ACCUSING and alone.get((c.start - offset, c.span)) not in ACCUSING:
            found.append(f"{first.stem} + {second.stem}: “{c.span}” {c.verdict} ({c.match.indicator if c.match else '-'} "
                         f"{c.period} {c.entity}; alone: {alone.get((c.start - offset, c.span))})")
    return found


def undated(path: Path, store: Store) -> list[str]:
    """The article's accusations without its date, on figures annotated as neither contradicted nor misleading."""
    text = path.read_text(encoding="utf-8")
    meta, start = spot.split_front_matter(text)
    accused = {str(f["text"]) for f in meta.get("figures") or [] if f.get("expected") in ACCUSING}
    return [f"{path.stem}: “{c.span}” {c.verdict} ({c.match.indicator if c.match else '-'} {c.period} {c.entity})"
            for c in spot.spot(text[start:], store=store, published=None)
            if c.verdict in ACCUSING and not any(a in c.span or c.span in a for a in accused)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="store URL (sqlite:///... or postgresql://...)")
    parser.add_argument("--splits", default=",".join(development_splits()), help="comma-separated corpus splits")
    parser.add_argument("--pairs", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--undated", action="store_true", help="also spot every article without its date")
    args = parser.parse_args()
    store = Store(args.db)
    files = [f for s in args.splits.split(",") for f in sorted((CORPUS / s).glob("*.md"))]
    rng = random.Random(args.seed)
    started, found, pairs = time.process_time(), [], 0
    for _ in range(args.pairs):
        first, second = rng.sample(files, 2)
        found += leaks(first, second, store)
        pairs += 1
    print(f"pairs {pairs} (seed {args.seed}, {len(files)} articles); accusations only in the pair: {len(found)}; "
          f"CPU {time.process_time() - started:.1f} s")
    for line in found:
        print("  " + line)
    if args.undated:
        started, found = time.process_time(), [f for path in files for f in undated(path, store)]
        print(f"undated: {len(files)} articles spotted without their date; accusations not annotated: {len(found)}; "
              f"CPU {time.process_time() - started:.1f} s")
        for line in found:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
