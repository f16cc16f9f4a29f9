"""Experiment (issue 20): would a series guessed by a model from the words around a figure map the store-held figures
the rules leave with no series? Not part of the product, not run by CI; needs scikit-learn, which the project does not
depend on (`pip install scikit-learn`).

For every annotated figure the spotter finds, the words of its sentence (and the six before and after it), its unit and
the frame's reading are features; the label is the annotated series (without its product), or "none" when the store
does not hold it. A logistic regression is trained on the development splits only and applied to the figures the rules
left with no series. It prints, for development (five folds grouped by split) and for the unseen splits (trained on all
of development), aggregates only: store-held figures given their annotated series, of those with the frame's period and
entity right, store-held figures given another series, and figures the store does not hold given a series. Usage:

    PYTHONPATH=src:. python benchmarks/experiments/learned_mapping.py --db sqlite:////tmp/spotstore.db \
        --development dev,test,dev2,... --unseen holdout,dev24,...
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

import benchmarks.spot as bench  # noqa: E402
from indicators import spot  # noqa: E402
from indicators.store import Store  # noqa: E402

WORDS = re.compile(r"[a-z]+")


def figures_of(split: str, store: Store) -> list[dict]:
    """Each annotated figure of a split the spotter finds: its candidate's words and reading, and the annotation."""
    rows = []
    for path in bench.corpus_files(ROOT / "benchmarks" / "corpus", split):
        text = path.read_text(encoding="utf-8")
        meta, body = spot.split_front_matter(text)
        found = spot.spot(text, store=store, published=str(meta.get("published") or "") or None)
        paragraph, used = bench.paragraph_of(text, body), set()
        for figure in meta.get("figures") or []:
            if figure.get("value") is None:
                continue
            words, value = bench._norm(str(figure["text"])), float(figure["value"])
            hits = [c for c in found if id(c) not in used and (words in bench._norm(c.span) or bench._norm(c.span) in words)
                    and bench._close(abs(c.value_unscaled or 0), abs(value))]
            hits = [c for c in hits if paragraph(c.start) == figure.get("sentence")] or hits
            if not hits:
                continue
            used.add(id(hits[0]))
            series = str(figure.get("series") or "none")
            held = series != "none" and str(figure.get("expected")) != "unverifiable"
            rows.append({"split": split, "candidate": hits[0], "held": held,
                         "label": series.partition("[")[0] if held else "none",
                         "period": str(figure.get("period")), "entity": str(figure.get("entity"))})
    return rows


def features(row: dict) -> dict:
    c = row["candidate"]
    at = max(c.sentence.find(c.span), 0)
    before, after = WORDS.findall(c.sentence[:at].lower()), WORDS.findall(c.sentence[at + len(c.span):].lower())
    found = dict.fromkeys(WORDS.findall(c.sentence.lower()), 1)
    found.update({f"b:{w}": 1 for w in before[-6:]} | {f"a:{w}": 1 for w in after[:6]} | {f"u:{c.unit}": 1})
    found.update({f"{k}:{c.frame[k]}": 1 for k in ("measure", "subject", "kind", "transformation") if c.frame.get(k)})
    return found


def score(train: list[dict], test: list[dict], threshold: float) -> tuple[int, int, int, int]:
    vectors = DictVectorizer()
    model = LogisticRegression(C=1.0, max_iter=2000).fit(vectors.fit_transform([features(r) for r in train]),
                                                         [r["label"] for r in train])
    unmapped = [r for r in test if r["candidate"].match is None]
    if not unmapped:
        return 0, 0, 0, 0
    right = right_pe = other = not_held = 0
    for row, p in zip(unmapped, model.predict_proba(vectors.transform([features(r) for r in unmapped]))):
        label = model.classes_[p.argmax()]
        if label == "none" or p.max() < threshold:
            continue
        c = row["candidate"]
        if not row["held"]:
            not_held += 1
        elif label == row["label"]:
            right += 1
            right_pe += str(c.period) == row["period"] and c.entity == row["entity"]
        else:
            other += 1
    return right, right_pe, other, not_held


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--development", required=True)
    parser.add_argument("--unseen", required=True)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    store = Store(args.db)
    development = [r for s in args.development.split(",") for r in figures_of(s, store)]
    unseen = [r for s in args.unseen.split(",") for r in figures_of(s, store)]
    splits = sorted({r["split"] for r in development})
    folds = [score([r for r in development if splits.index(r["split"]) % 5 != k],
                   [r for r in development if splits.index(r["split"]) % 5 == k], args.threshold) for k in range(5)]
    for name, rows, (right, right_pe, other, not_held) in (
            ("development (5 folds by split)", development, tuple(map(sum, zip(*folds)))),
            ("unseen (trained on development)", unseen, score(development, unseen, args.threshold))):
        no_series = sum(1 for r in rows if r["held"] and r["candidate"].match is None)
        print(f"{name}: store-held figures with no series {no_series}; given their series {right} (with period and "
              f"entity {right_pe}); given another series {other}; figures not held given a series {not_held}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
