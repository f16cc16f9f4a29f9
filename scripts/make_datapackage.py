"""Write data/datapackage.json: a Frictionless descriptor of the bundled snapshot with sha256 per file.

Run after changing a file in data/: `python scripts/make_datapackage.py`. tests/test_datapackage.py
fails when a file's hash no longer matches, so provenance cannot drift silently.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
ASSEMBLED = "2026-11-29"  # when the snapshot was assembled (see PROVENANCE.md)

CC_BY = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
PUBLIC = {"name": "public-domain", "path": "https://fred.stlouisfed.org/legal/"}
OP_ED = {"name": "quotation", "title": "Short quotations with attribution; the op-ed is not republished"}

FOLDERS = {
    "official": ("GACC, MIIT and other publishers (typed from the pages in each row's source_url)",
                 "https://english.customs.gov.cn/", {"name": "factual-figures", "title": "Published official figures, cited per row"}),
    "ember": ("Ember, China solar PV exports (from GACC customs data)",
              "https://ember-energy.org/data/china-solar-exports-data/", CC_BY),
    "fx": ("Board of Governors of the Federal Reserve System via FRED (EXCHUS, AEXCHUS)",
           "https://fred.stlouisfed.org/series/EXCHUS", PUBLIC),
    "caam": ("China Association of Automobile Manufacturers (compiled from MarkLines pages)",
             "https://github.com/jhelvy/us-china-pev-policy-2025", {"name": "factual-figures", "title": "CAAM figures as compiled"}),
    "gii": ("World Intellectual Property Organization, Global Innovation Index",
            "https://www.wipo.int/global_innovation_index/en/", CC_BY),
    "wdi": ("World Bank, World Development Indicators", "https://databank.worldbank.org/source/world-development-indicators", CC_BY),
}


def article_source(folder: Path) -> tuple[str, str | None, dict]:
    """An article folder's citation, from its article.yaml: the text is quoted, not downloaded data."""
    import yaml

    meta = yaml.safe_load((folder / "article.yaml").read_text(encoding="utf-8"))
    title = f"{meta['author']}, '{meta['title']}', {meta['outlet']}, {meta['published']} (sentences quoted exactly)"
    return title, meta.get("url"), OP_ED


def resource(path: Path) -> dict:
    relative = path.relative_to(DATA).as_posix()
    folder = relative.split("/")[0]
    raw = path.read_bytes()
    if folder == "articles":
        publisher, url, licence = article_source(DATA / "articles" / relative.split("/")[1])
    else:
        publisher, url, licence = FOLDERS[folder]
    return {
        "name": relative.replace("/", "-").rsplit(".", 1)[0].lower().replace("_", "-").replace(".", "-"),
        "path": relative,
        "format": path.suffix.lstrip("."),
        "bytes": len(raw),
        "hash": "sha256:" + hashlib.sha256(raw).hexdigest(),
        "sources": [{"title": publisher, **({"path": url} if url else {})}],
        "licenses": [licence],
        "retrieved": ASSEMBLED,
        "description": "See data/PROVENANCE.md for the exact origin (repository, path and commit, or URL per row).",
    }


def main() -> None:
    files = sorted(p for p in DATA.rglob("*") if p.is_file() and p.name not in {"datapackage.json", "PROVENANCE.md"})
    package = {
        "name": "factcheck-indicators-snapshot",
        "title": "Bundled snapshot of real public data behind the op-ed's claims",
        "created": ASSEMBLED,
        "resources": [resource(p) for p in files],
    }
    (DATA / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(files)} resources to {DATA / 'datapackage.json'}")


if __name__ == "__main__":
    main()
