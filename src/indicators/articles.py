"""Articles as data: each folder `data/articles/<slug>/` holds one article the product checks.

A folder has `article.yaml` (title, author, outlet, url, copies, published, as_of, excerpt, source),
`text.md` (the article's text or an excerpt, quoted exactly) and `claims.yaml` (its claims).
Adding an article means adding a folder; no Python changes. The default article (the op-ed)
is the landing article and is listed first.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from indicators import cache, config, yamlfile

ARTICLES_FOLDER = "articles"
REQUIRED = ("title", "author", "outlet", "published", "as_of")


class ArticleError(ValueError):
    """An article folder is malformed or an unknown slug was asked for; the message names which."""


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    author: str
    outlet: str
    url: str | None
    published: str
    as_of: str
    excerpt: bool
    text: str
    claims_path: Path
    default: bool = False
    source: str = ""
    url_note: str = ""
    copies: tuple[str, ...] = ()  # other places the same text was published (`copies:` or `also_at:`)

    @property
    def label(self) -> str:
        """How the article is named in lists: "China Daily 2024-03-12"."""
        return f"{self.outlet} {self.published}"


def articles_dir(data_dir: Path | None = None) -> Path:
    return (data_dir or config.data_dir()) / ARTICLES_FOLDER


def read_article(folder: Path) -> Article:
    """One article folder as an Article; ArticleError naming the file and field when malformed."""
    meta_path = folder / "article.yaml"
    try:
        meta = yamlfile.load(meta_path)
    except yamlfile.YamlFileError as exc:
        raise ArticleError(str(exc)) from None
    except OSError as exc:
        raise ArticleError(f"{meta_path}: cannot read: {str(exc).splitlines()[0]}") from None
    if not isinstance(meta, dict):
        raise ArticleError(f"{meta_path}: expected a mapping of article metadata")
    for key in REQUIRED:
        if not meta.get(key):
            raise ArticleError(f"{meta_path}: missing {key!r}")
    slug = str(meta.get("slug") or folder.name)
    if slug != folder.name:
        raise ArticleError(f"{meta_path}: slug {slug!r} differs from its folder name {folder.name!r}")
    text_path, claims_file = folder / "text.md", folder / "claims.yaml"
    for path in (text_path, claims_file):
        if not path.is_file():
            raise ArticleError(f"{folder}: missing {path.name}")
    return Article(
        slug=slug, title=str(meta["title"]), author=str(meta["author"]), outlet=str(meta["outlet"]),
        url=str(meta["url"]) if meta.get("url") else None, published=str(meta["published"]), as_of=str(meta["as_of"]),
        excerpt=bool(meta.get("excerpt", False)), text=text_path.read_text(encoding="utf-8"),
        claims_path=claims_file, default=bool(meta.get("default", False)), source=str(meta.get("source", "")),
        url_note=str(meta.get("url_note", "")), copies=_copies(meta),
    )


def _copies(meta: dict) -> tuple[str, ...]:
    """Other URLs of the same text: `copies:` (a list or one URL) and the older `also_at:`."""
    found = []
    for key in ("copies", "also_at"):
        value = meta.get(key)
        found += [str(v) for v in (value if isinstance(value, list) else [value]) if v]
    return tuple(found)


ARTICLE_FILES = ("article.yaml", "text.md", "claims.yaml")


def fingerprint(data_dir: Path | None = None) -> tuple:
    """What the articles folder holds now: each article file's name, size, modification time and inode.
    A few stat calls, so what is read from the folder can be cached on it (pages, claim results)."""
    folder = str(articles_dir(data_dir))
    try:
        stat = os.stat(folder)
        # its modification time and link count: each changes when an article folder comes or goes
        files = _article_files(folder, (stat.st_mtime_ns, stat.st_nlink))
    except OSError:
        return (folder, None)
    stamps = []
    for article, name, path in files:
        try:
            stat = os.stat(path)
            stamps.append((article, name, stat.st_size, stat.st_mtime_ns, stat.st_ino))
        except OSError:
            stamps.append((article, name, None, None, None))
    return (folder, tuple(stamps))


@cache.memo("article files", 8)
def _article_files(folder: str, listed: tuple) -> list[tuple[str, str, str]]:
    """The article files (folder name, file name, path) of an articles folder as listed when its
    modification time and link count were `listed` (the cache key)."""
    return [(entry.name, name, os.path.join(entry.path, name))
            for entry in sorted(os.scandir(folder), key=lambda e: e.name) if entry.is_dir()
            for name in ARTICLE_FILES]


def load_articles(data_dir: Path | None = None) -> list[Article]:
    """Every bundled article, the default one first, then by published date and slug.

    Read again only when a file in the folder changed (see `fingerprint`): every page asks."""
    folder = articles_dir(data_dir)
    if not folder.is_dir():
        raise ArticleError(f"{folder}: no articles folder")
    return list(_articles(str(folder), fingerprint(data_dir)))


@cache.memo("articles", 8)
def _articles(folder: str, stamp: tuple) -> list[Article]:
    """The articles of the folder as they were at `stamp` (its fingerprint: the cache key)."""
    found = [read_article(path) for path in sorted(Path(folder).iterdir())
             if path.is_dir() and (path / "article.yaml").exists()]
    defaults = [a.slug for a in found if a.default]
    if len(defaults) > 1:
        raise ArticleError(f"{folder}: more than one default article: {', '.join(defaults)}")
    return sorted(found, key=lambda a: (not a.default, a.published, a.slug))


def default_article(data_dir: Path | None = None) -> Article:
    articles = load_articles(data_dir)
    if not articles:
        raise ArticleError(f"{articles_dir(data_dir)}: no articles")
    return articles[0]


def get_article(slug: str, data_dir: Path | None = None) -> Article:
    """The article with this slug; ArticleError listing the known slugs otherwise."""
    articles = load_articles(data_dir)
    for article in articles:
        if article.slug == slug:
            return article
    raise ArticleError(f"unknown article {slug!r}; known: {', '.join(a.slug for a in articles)}")


def article_for_claims(path: Path) -> Article | None:
    """The article whose folder holds this claims file, if it sits in one."""
    path = Path(path).resolve()
    if (path.parent / "article.yaml").is_file():
        try:
            return read_article(path.parent)
        except ArticleError:
            return None
    return None
