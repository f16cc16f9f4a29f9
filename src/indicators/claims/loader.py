"""Reading a claims file: each claim validated against its check kind's model (claims/schema.py)."""

from __future__ import annotations

from pathlib import Path

from indicators import articles as articles_mod
from indicators import yamlfile
from indicators.claims import schema


class ClaimsFileError(ValueError):
    """The claims file is malformed; the message names the claim."""


def claims_path() -> Path:
    """The default article's claims file (the op-ed's: data/articles/op-ed/claims.yaml)."""
    return articles_mod.default_article().claims_path


def load_claims(path: Path | str | None = None, catalogue: dict | None = None, strict: bool = True) -> dict:
    """Read the claims file and validate each claim against its check kind's schema (claims/schema.py).

    Returns the document with `claims` (each claim as written, with `_index`, its position in the file),
    `models` (the validated claims, in the same order: what the engine judges), `errors` and `article`.
    `catalogue` maps each known source name to the indicators it holds (an empty set: any); when
    given, a series naming another source or indicator is an error. The caller supplies it (the
    claims engine does not import the source registry). With `strict`, the first bad claim raises
    ClaimsFileError naming the file, the claim id and the field; otherwise bad claims are left out
    of `claims` and listed in `errors` (each with index, id, field and message), so the rest are judged."""
    path = Path(path) if path else claims_path()
    try:
        document = yamlfile.load(path)
    except yamlfile.YamlFileError as exc:
        raise ClaimsFileError(str(exc)) from None
    except OSError as exc:
        raise ClaimsFileError(f"{path}: cannot read claims file: {str(exc).splitlines()[0]}") from None
    document = validated(document, str(path), catalogue, strict)
    article = articles_mod.article_for_claims(path)
    if not document.get("article"):
        document["article"] = {"title": article.title, "author": article.author, "published": article.published,
                               "as_of": article.as_of, "slug": article.slug} if article else {}
    if article is not None:
        document["article"].setdefault("url", article.url)
        document["article"].setdefault("copies", list(article.copies))
    return document


def validated(document, name: str, catalogue: dict | None = None, strict: bool = True) -> dict:
    """A claims document as read from a file named `name` (or drafted in memory: the spotter's), each claim
    validated as `load_claims` says; the document is returned with `claims`, `models` and `errors` set."""
    if not isinstance(document, dict) or not isinstance(document.get("claims"), list):
        raise ClaimsFileError(f"{name}: expected a mapping with a 'claims' list")
    valid, models, errors, seen = [], [], [], set()
    for index, raw in enumerate(document["claims"]):
        try:
            model = schema.validate(raw, index, catalogue)
            if raw["id"] in seen:
                raise schema.ClaimProblem(raw["id"], "id", "duplicate id (another claim in this file has it)")
        except schema.ClaimProblem as problem:
            message = f"{name}: {problem}"
            if strict:
                raise ClaimsFileError(message) from None
            errors.append({"index": index, "id": problem.claim_id, "field": problem.field, "message": message,
                           "quote": raw.get("quote", "") if isinstance(raw, dict) else "",
                           "check": raw.get("check", "") if isinstance(raw, dict) else ""})
            continue
        seen.add(raw["id"])
        valid.append({**raw, "_index": index})
        models.append(model)
    document["claims"], document["models"], document["errors"] = valid, models, errors
    return document


def article_claims(data_dir: Path | None = None) -> list[tuple[articles_mod.Article, list[dict]]]:
    """Every bundled article with its valid claims (bad claims are left out here; `check` reports them)."""
    return [(article, load_claims(article.claims_path, strict=False)["claims"])
            for article in articles_mod.load_articles(data_dir)]
