"""The bundled snapshot's provenance: every data file is listed with a matching sha256 and a licence."""

from __future__ import annotations

import hashlib
import json

from indicators import config


def test_every_bundled_file_is_described_with_its_current_hash():
    data = config.data_dir()
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in package["resources"]}
    on_disk = {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()} - {"datapackage.json", "PROVENANCE.md"}
    assert set(described) == on_disk
    for path, resource in described.items():
        digest = hashlib.sha256((data / path).read_bytes()).hexdigest()
        assert resource["hash"] == f"sha256:{digest}", f"{path} changed: run scripts/make_datapackage.py and update PROVENANCE.md"
        assert resource["licenses"] and resource["sources"][0]["title"]
        if not path.startswith("articles/") or resource["sources"][0].get("path"):  # articles are quoted, not downloaded
            assert resource["sources"][0]["path"].startswith("http")


def test_provenance_names_every_bundled_folder():
    text = (config.data_dir() / "PROVENANCE.md").read_text(encoding="utf-8")
    for name in ["official/", "ember/", "fx/", "caam/", "gii/", "wdi/", "articles/"]:
        assert name in text
