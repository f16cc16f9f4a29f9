"""Every source.yaml against the catalogue's schema: a missing licence or an unknown dimension fails, naming file and field."""

from __future__ import annotations

import pytest
import yaml

from indicators import catalogue, sources


def test_every_source_is_described_and_every_description_is_valid():
    described = catalogue.sources()
    assert set(described) == set(sources.NAMES)
    for name, source in described.items():
        assert source.licence and source.publisher and source.url.startswith("http")
        assert sources.get(name).METADATA.publisher == source.publisher  # the module's METADATA is read from it


def test_every_stored_series_of_the_bundled_snapshot_is_in_the_catalogue(snapshot_store):
    data = snapshot_store.frame()
    keys = data[["source", "indicator", "product", "unit"]].drop_duplicates()
    missing = [tuple(k) for k in keys.itertuples(index=False)
               if catalogue.describe(k.source, k.indicator, None if k.product.startswith("cluster:") else k.product, k.unit) is None]
    assert missing == []


def write(tmp_path, **changes) -> catalogue.Source:
    fx = next(p for p in catalogue.source_files() if p.parent.name == "fx")
    document = yaml.safe_load(fx.read_text(encoding="utf-8"))
    document.update(changes)
    folder = tmp_path / "thing"
    folder.mkdir(exist_ok=True)
    (folder / "source.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    return catalogue.load_file(folder / "source.yaml")


def test_a_missing_licence_is_an_error_naming_file_and_field(tmp_path):
    with pytest.raises(catalogue.CatalogueError, match=r"thing/source.yaml: licence"):
        write(tmp_path, licence="")


def test_an_unknown_dimension_value_is_an_error_naming_the_series(tmp_path):
    series = [{"indicator": "x_exports", "name": "X exports", "measure": "exports", "subject": "spaceships",
               "basis": "customs", "unit": "USD", "kind": "money", "transformation": "level"}]
    with pytest.raises(catalogue.CatalogueError, match=r"series\[0\] x_exports: subject: Value error, unknown subject 'spaceships'"):
        write(tmp_path, series=series)


def test_subjects_form_a_hierarchy():
    assert catalogue.within("pv_cells", "new_trio") and catalogue.within("bev", "nev") and catalogue.within("bev", "ev")
    assert not catalogue.within("passenger_cars", "nev")
    for subject, parents in catalogue.dimensions()["subject"].items():
        assert all(p in catalogue.dimensions()["subject"] for p in parents), subject


def test_one_economies_table_names_every_source_s_economies():
    """indicators/economies.csv is the one table of names <-> ISO3 the sources read (GII's and Ember's names included)."""
    names = catalogue.economy_iso3()
    assert names["China"] == "CHN" and catalogue.economy_name("KOR")
    from indicators.sources import ember, gii

    assert gii.economy_iso3() is not None and set(gii.economy_iso3().values()) <= set(catalogue.economies())
    assert set(ember.ISO3.values()) <= set(catalogue.economies())


def test_every_compiler_defined_subject_is_a_subject():
    from indicators import catalogue

    listed = catalogue.dimensions()["compiler_defined_subjects"]
    assert listed and set(listed) <= set(catalogue.dimensions()["subject"])
    assert catalogue.compiler_defined("new_trio") and not catalogue.compiler_defined("vehicles")
