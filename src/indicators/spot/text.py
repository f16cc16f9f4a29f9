"""Text and its context: reading the input, front matter, sentences and paragraphs, the published date.

Everything here is one pass over the text: `sentences` splits it once, and the context that is
carried across sentences (the published date, the last year stated, the last subject) lives in
`frames.Context`, never in a rescan of the text.
"""

from __future__ import annotations

import re
from datetime import date

from indicators import cache, yamlfile

MAX_BYTES = 200_000


class SpotError(ValueError):
    """The input cannot be spotted (too large, binary); the message says why in one line."""


def read_input(data: bytes | str, name: str = "input") -> str:
    """The text of a file or paste: SpotError past MAX_BYTES, for binary data or text that is not UTF-8."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_BYTES:
        raise SpotError(f"{name}: {len(raw):,} bytes is more than the {MAX_BYTES:,} bytes the spotter reads "
                        f"(an article is a few KB; split the text)")
    if b"\x00" in raw[:8192]:
        raise SpotError(f"{name}: binary data (NUL bytes): give plain text or Markdown")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpotError(f"{name}: not UTF-8 text (byte {exc.start}): give plain text or Markdown") from None


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict, int]:
    """YAML front matter (`---` ... `---` at the top) as a dict, and where the body starts; front matter
    that is not valid YAML is read as text ({}, 0): `front_matter_problem` says why."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        meta = yamlfile.loads(match.group(1), "front matter")
    except yamlfile.YamlFileError:
        return {}, 0
    return (meta if isinstance(meta, dict) else {}), match.end()


def front_matter_problem(text: str) -> str:
    """Why the text's front matter could not be read, in one line ("" when it could, or there is none): its
    published date and title are then not used, which the reader must be told."""
    match = FRONT_MATTER.match(text)
    if not match:
        return ""
    try:
        yamlfile.loads(match.group(1), "front matter")
    except yamlfile.YamlFileError as exc:
        return f"{exc} (lines counted from the line after the first ---): the front matter was read as text, " \
               "so its published date is not used."
    return ""


_BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")
_END = re.compile(r"(?<=[.!?])[\"”’)]*(?:\[\d{1,3}\])*\s+(?=[\"“‘(]?[A-Z0-9])"  # a footnote mark after the stop: ".[4] China"
                  r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")  # a space lost between sentences: "Wood Mackenzie.China's"
_ABBREVIATION = re.compile(r"\b(U\.S|No|Mr|Ms|Dr|St|vs|e\.g|i\.e|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.$"
                           r"|(?:^|\n|[;,]\s|\band\s|[\d%]\s)\s*\d{1,3}\.$|:\s*1\.$")  # a list item's number: "are: 1.
# Switzerland; 2. Sweden" (after a colon only the first: "China's rank: 11. Israel's rank is 15" are two sentences),
# and in a list joined into one paragraph, after the previous item's figure: "1. China 70,015 25.1% 2. United States"


_ITEM = re.compile(r"(?:(?<=^)|(?<=[\s:;,]))(\d{1,3})([.)])[ \t\n]+(?=[\"“‘(]?(?:the\s+)?[A-Z])")
"""A numbered item's number: "1. Switzerland", "2) Sweden", "3. the United States" (before a capital)."""
_WORD_BEFORE = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*\s+$")
"""A word in lower case right before a number ("ranked 3."): the number ends its sentence, it opens no list item."""
ITEMS_IN_RUN = 3
"""Numbered items, numbered one after another, that make a list joined into one paragraph (two when the first opens
the paragraph or follows a colon: "are: 1. Switzerland 2. Sweden")."""


@cache.memo("spot: numbered items", 512)  # asked per figure of a sentence: read the sentence once
def numbered_items(body: str) -> tuple[tuple[int, int], ...]:
    """Where the numbers of a list's items joined into one paragraph start and where their marks end ("The top five:
    1. Switzerland 2. Sweden 3. United States ..."): runs of items with the same mark numbered one after another (k,
    k+1, k+2 ...). "2." there ends no sentence: the list stays one sentence with its lead-in, whose words say what its
    numbers are (places in the index, in a pillar, among partners). Sentences ending in numbers one after another
    ("Sweden ranked 2. The United States ranked 3. Singapore ranked 4.") are no list."""
    found, run = [], []

    def close() -> None:
        if not run:
            return
        opening = not body[: run[0].start()].strip(" \t\n\"“") or body[: run[0].start()].rstrip().endswith(":")
        # a list's later items follow a name, a figure or a bracket, never a word in lower case ("ranked 3."); its
        # first opens it, follows a colon or is numbered 1
        said = any(_WORD_BEFORE.search(body, 0, m.start()) for m in run[1:]) \
            or (not opening and int(run[0].group(1)) != 1 and _WORD_BEFORE.search(body, 0, run[0].start()))
        if (len(run) >= ITEMS_IN_RUN or (len(run) == 2 and opening)) and not said:
            found.extend((m.start(1), m.end(2)) for m in run)
        run.clear()

    for item in _ITEM.finditer(body):
        if run and (int(item.group(1)) != int(run[-1].group(1)) + 1 or item.group(2) != run[-1].group(2)):
            close()
        run.append(item)
    close()
    return tuple(found)


def sentences(text: str, start: int = 0) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence of text[start:]: split at . ! ? before a capital and at blank lines,
    never after the number of an item in a numbered list joined into one paragraph (`numbered_items`)."""
    found, paragraph = [], 0
    for block in _BLOCK.finditer(text, start):
        b0 = block.start()
        body = block.group(0)
        marks = {mark for _, mark in numbered_items(body)}
        cut = 0
        for end in _END.finditer(body):
            piece = body[cut:end.start()]
            if end.start() not in marks and not _ABBREVIATION.search(piece.rstrip("\"”’) ")):
                found.append((b0 + cut, b0 + end.start(), paragraph))
                cut = end.end()
        found.append((b0 + cut, b0 + len(body.rstrip()), paragraph))
        paragraph += 1
    return [(s, e, p) for s, e, p in found if text[s:e].strip()]


def as_date(value) -> date | None:
    """A published date from front matter or an option ("2024-06-01", "2024-06", "2024"); SpotError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for candidate in (text, f"{text}-01" if len(text) == 7 else None, f"{text}-01-01" if len(text) == 4 else None):
        try:
            return date.fromisoformat(candidate) if candidate else None
        except ValueError:
            continue
    raise SpotError(f"published date {value!r} is not a date (YYYY-MM-DD)")


class Taken:
    """The characters of a sentence already read as part of a figure: whether a span is free, in time proportional
    to the span (not to the figures read so far: a sentence of thousands of figures stays linear)."""

    def __init__(self, sentence: str, spans=()):
        self._used = bytearray(len(sentence) + 1)
        for start, end in spans:
            self.take(start, end)

    def free(self, start: int, end: int) -> bool:
        return self._used.find(1, start, end) == -1

    def take(self, start: int, end: int) -> None:
        self._used[start:end] = b"\x01" * (end - start)


def at_clause_start(sentence: str, start: int, marks: str = ".!?:;\"“(") -> bool:
    """Whether only spaces stand between `start` and the sentence's start or one of `marks` (a capital there does not
    make a name: "Five pillars ..." at the start, but "the Five-Year Plan" inside). Looks back over the spaces only."""
    i = start
    while i > 0 and sentence[i - 1].isspace():
        i -= 1
    return i == 0 or sentence[i - 1] in marks or sentence[max(0, i - 2):i] == "--" or sentence[i - 1] == "—"
