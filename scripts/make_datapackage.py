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

GH = "https://github.com/"
COPIES = {
    "ember/china_solar_exports_monthly.csv":
        GH + "ChemmZz/Static-Visualization-Project/blob/35390b4e934554c37ea920ae948b9135bac5bee4/data/mart_solar_exports_full_release_monthly.csv",
    "fx/fred_EXCHUS_monthly.csv":
        GH + "Harty13/project-archimedes/blob/a7b293b7ee7682654bdeb583f4b8c2049e48a414/data/exchange_rates/EXCHUS_cny_to_usd.csv",
    "fx/fred_AEXCHUS_annual.csv":
        GH + "JRGumbaz/China-Currency-GDP-Analysis/blob/07d1d9adbdab5d9d1fa3c1af8e900e371f0b0843/AEXCHUS.csv",
    "caam/china_nev_sales_production_exports_millions.csv":
        GH + "jhelvy/us-china-pev-policy-2025/blob/9b053dea92bee523951b7ea3a2571e0f8bd9f67f/data/china-sales-exports.csv",
    "gii/g20_scores_2013_2022.csv":
        GH + "NassarX/innovation-econ-analysis/blob/1530da1172e7b8ca5ebd55bc73be4d7f1990affa/data/GII_dataset.csv",
    "wdi/API_GB.XPD.RSDV.GD.ZS_DS2_en_csv_v2_232__8countries.csv":
        GH + "Zavvnr/Zavier-ISS-Presentation-Data/tree/ba3917147a39b2c30f1509519a364a2c41f86085",
    "wdi/API_SP.POP.SCIE.RD.P6_DS2_en_csv_v2_37695__8countries.csv":
        GH + "Zavvnr/Zavier-ISS-Presentation-Data/tree/ba3917147a39b2c30f1509519a364a2c41f86085",
    "wdi/API_IP.PAT.RESD_DS2_en_csv_v2_226__8countries.csv":
        GH + "Wei-Seng/group30_week4teamassignment/tree/d4032094f4627c465ab792e766ecbeece43b75ac",
    "wdi/API_TX.VAL.TECH.CD_DS2_en_csv_v2_6018__8countries.csv":
        GH + "wiilldii/courseworkHSE/tree/585c4c9c2de93db39f60cdfeb2a1fdfd6a938391",
    "wdi/API_TX.VAL.TECH.MF.ZS_DS2_en_csv_v2_1859__8countries.csv":
        GH + "wiilldii/courseworkHSE/tree/585c4c9c2de93db39f60cdfeb2a1fdfd6a938391",
    "wdi/API_PA.NUS.FCRF_DS2_en_csv_v2_13510__8countries.csv":
        GH + "Skyedge1903/Dashboard/tree/5fa13cc59b26dd4e5a4c300c9602326cd8fbbc9f",
    "wdi/API_PA.NUS.FCRF_DS2_en_csv_v2_404139__CHN.csv":
        GH + "favourdavidemeka/nigeria-market-analysis/tree/338825da02091afd3105d111ef747de9fd0296eb",
    "wdi/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_88__8countries.csv":
        GH + "JRGumbaz/China-Currency-GDP-Analysis/tree/07d1d9adbdab5d9d1fa3c1af8e900e371f0b0843",
    "wdi/WDI_NY.GDP.MKTP.CD_NE.EXP.GNFS.CD_2008_2025_8countries_long.csv":
        GH + "YourFavouriteDataSuperstar/Inteligencia-de-negocios-globales",
    "wdi/API_CHN_DS2_en_csv_v2_2097__10indicators_older_release.csv":
        GH + "Irin1423/sample-dashboard-python/tree/13f82ca08bbd8903b7080697eafda7b85b3a3fe9",
}
"""Bundled files that are copies (or digit-for-digit transcriptions) of the publisher's file found in a
public repository, per PROVENANCE.md: `copied_from` in the descriptor, which the loaders turn into
each row's `read_via` ("github.com (a copy in owner/repo)"). A live refresh reads the publisher."""


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
        **({"copied_from": COPIES[relative]} if relative in COPIES else {}),
        "licenses": [licence],
        "retrieved": ASSEMBLED,
        "description": "See data/PROVENANCE.md for the exact origin (repository, path and commit, or URL per row).",
    }


def main() -> None:
    missing = [path for path in COPIES if not (DATA / path).is_file()]
    if missing:
        raise SystemExit(f"COPIES names files that are not in data/: {missing}")
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
