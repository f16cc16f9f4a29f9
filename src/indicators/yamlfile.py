"""Reading a YAML file a user writes (claims files, article.yaml, source.yaml), with errors people can act on.

PyYAML's own message is several lines and leads with its parser's state ("while scanning a quoted
scalar"); the callers kept only that first line, so a user learnt neither where nor what. `load`
raises `YamlFileError` with one line: the file, the line and column to look at, the problem in plain
words, and the text of that line. A neutral module: YAML only, nothing of the project.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml's parser where PyYAML was built with it: the same documents for ~10x less CPU (every CLI start
# reads the sources' metadata). An error is described from the pure-Python parser's account of it.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlFileError(ValueError):
    """A YAML file that cannot be parsed (or is not UTF-8): the message names file, line and column."""


# (PyYAML's context, its problem, as they start) -> what to tell the person who wrote the file; "" matches any.
_PLAIN = [
    ("", "found unknown escape character",
     "an unknown backslash escape inside double quotes: use single quotes, or write the backslash twice"),
    ("", "found character '\\t' that cannot start any token", "a tab character: YAML indents with spaces only"),
    ("while scanning a quoted scalar", "", "a quoted value is never closed (its closing quote is missing)"),
    ("", "mapping values are not allowed here",
     "a ':' where no key can start: check this line's indentation, or quote a value that contains ': '"),
    ("while scanning a simple key", "", "a key without its ':' (or a line that continues the one above)"),
    ("", "found undefined alias", "an alias (*name) with no anchor (&name) before it"),
    ("while parsing a flow sequence", "", "a '[' list is not closed by ']' (or an item lacks its ',')"),
    ("while parsing a flow mapping", "", "a '{' mapping is not closed by '}' (or an item lacks its ',')"),
    ("while parsing a block", "expected <block end>, but found '<scalar>'",
     "more text after a complete value: quote the whole value (a quoted value cannot go on after its closing quote)"),
    ("while parsing a block collection", "", "an item is not indented like the items above it"),
    ("while parsing a block mapping", "", "a line is not indented like the keys above it"),
]


def load(path: str | Path) -> Any:
    """The YAML document in `path` (safe_load). OSError when the file cannot be read; YamlFileError,
    one readable line, when it is not UTF-8 or not valid YAML."""
    path = Path(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise YamlFileError(f"{path}, line {line}: not UTF-8 text (byte {exc.start} of the file is "
                            f"0x{raw[exc.start]:02x}): save the file as UTF-8") from None
    return loads(text, str(path))


def loads(text: str, name: str) -> Any:
    """The YAML document in `text`, read from `name` (named in the error)."""
    try:
        return yaml.load(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        pass
    try:
        return yaml.safe_load(text)  # the same error again, with the marks and words `describe` reads
    except yaml.YAMLError as exc:
        raise YamlFileError(describe(exc, name, text)) from None


def describe(exc: yaml.YAMLError, name: str, text: str = "") -> str:
    """One line for a PyYAML error: 'claims.yaml, line 4, column 9: YAML syntax error: <the problem in plain
    words>; the line reads: <that line>'.

    The place is where the problem starts (the opening quote of an unclosed string, not the end of
    the file where PyYAML noticed). PyYAML's own words stand where no plainer ones are known."""
    context = getattr(exc, "context", None) or ""
    problem = getattr(exc, "problem", None) or ""
    problem_mark, context_mark = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    plain = next((meaning for in_context, in_problem, meaning in _PLAIN
                  if context.startswith(in_context) and problem.startswith(in_problem)), "")
    # An unclosed quote, or a key missing its ':': PyYAML notices further on; the fix is where it started.
    starts_earlier = "end of stream" in problem or context.startswith(("while scanning a quoted", "while scanning a simple"))
    mark = (context_mark if starts_earlier else problem_mark) or problem_mark or context_mark
    if not plain:
        plain = ", ".join(part for part in (context, problem) if part) or str(exc).splitlines()[0]
    if context.startswith("while parsing a flow") and context_mark is not None and mark is not None \
            and context_mark.line < mark.line:
        plain += f" (the bracket opens at line {context_mark.line + 1})"
    if mark is None:
        return f"{name}: YAML syntax error: {plain}"
    lines = text.splitlines()
    source = lines[mark.line].strip() if 0 <= mark.line < len(lines) else ""
    reads = f"; the line reads: {source[:80]}" if source else ""
    return f"{name}, line {mark.line + 1}, column {mark.column + 1}: YAML syntax error: {plain}{reads}"
