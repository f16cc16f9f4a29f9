"""Texts the spotting tests read: long prose built from the bundled articles, and frames of sentences; and
the candidate of a span, and the verdicts that accuse."""

from __future__ import annotations

ACCUSING = ("contradicted", "misleading")


def by_span(found, words):
    """The one candidate whose span holds `words` (fails when none or several do)."""
    [c] = [c for c in found if words in c.span]
    return c


def exact(found, span: str):
    """The one candidate whose span is exactly `span` ("3" is also inside "61.73"; fails when none or several are)."""
    [c] = [c for c in found if c.span == span]
    return c


def long_prose(limit: int = 195_000) -> str:
    """The bundled articles' texts repeated to `limit` bytes (195,000: prose near the page's 200,000-byte limit)."""
    from indicators import articles

    texts = [a.text.split("---", 2)[-1] if a.text.startswith("---") else a.text for a in articles.load_articles()]
    text, i = "", 0
    while len(text.encode()) < limit:
        text += texts[i % len(texts)] + "\n\n"
        i += 1
    return text.encode()[:limit].decode(errors="ignore")


def frames_of_sentences(sentences: list[str], published: str | None = None):
    """Frames of consecutive sentences read with one context (no store): the last sentence's reads."""
    from indicators import spot
    from indicators.spot import frames

    context = frames.Context(published=spot.as_date(published) if published else None)
    reads = []
    for i, sentence in enumerate(sentences):
        reads = frames.frames_of(sentence, context, i)
    return reads
