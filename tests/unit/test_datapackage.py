"""The bundled snapshot's provenance: every data file is described by a source.yaml (or an article.yaml),
and datapackage.json and PROVENANCE.md are exactly what scripts/make_datapackage.py generates from them."""

from __future__ import annotations

import hashlib
import importlib.util
import json

from indicators import config

SCRIPT = config.PROJECT_ROOT / "scripts" / "make_datapackage.py"


def generator():
    spec = importlib.util.spec_from_file_location("make_datapackage", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_datapackage_and_provenance_match_the_metadata_they_are_generated_from():
    make = generator()
    for path, text in make.outputs().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale or hand-edited: run python scripts/make_datapackage.py"


def test_every_bundled_file_is_described_with_its_current_hash():
    data = config.data_dir()
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in package["resources"]}
    on_disk = {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()
               and p.name not in {"datapackage.json", "PROVENANCE.md", "source.yaml"}}
    assert set(described) == on_disk
    for path, resource in described.items():
        digest = hashlib.sha256((data / path).read_bytes()).hexdigest()
        assert resource["hash"] == f"sha256:{digest}", f"{path} changed: run scripts/make_datapackage.py"
        assert resource["licenses"] and resource["licenses"][0]["name"] and resource["sources"][0]["title"]
        if not path.startswith("articles/") or resource["sources"][0].get("path"):  # articles are quoted, not downloaded
            assert resource["sources"][0]["path"].startswith("http")


def test_a_file_no_source_yaml_lists_stops_the_generator(tmp_path, monkeypatch):
    import shutil

    import pytest

    make = generator()
    (tmp_path / "articles").mkdir()
    (tmp_path / "fx").mkdir()
    shutil.copy(make.DATA / "fx" / "source.yaml", tmp_path / "fx" / "source.yaml")
    for resource in ("fred_EXCHUS_monthly.csv", "fred_AEXCHUS_annual.csv"):
        shutil.copy(make.DATA / "fx" / resource, tmp_path / "fx" / resource)
    (tmp_path / "fx" / "unlisted.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(make, "DATA", tmp_path)
    with pytest.raises(SystemExit, match="fx/unlisted.csv: no source.yaml lists it"):
        make.descriptor()
    (tmp_path / "fx" / "unlisted.csv").unlink()
    (tmp_path / "fx" / "fred_AEXCHUS_annual.csv").unlink()
    with pytest.raises(SystemExit, match="fx/fred_AEXCHUS_annual.csv: listed in a source.yaml but not in data/"):
        make.descriptor()


def test_provenance_names_every_bundled_folder():
    text = (config.data_dir() / "PROVENANCE.md").read_text(encoding="utf-8")
    for name in ["official/", "ember/", "fx/", "caam/", "gii/", "wdi/", "articles/"]:
        assert f"## {name}" in text
