"""The built wheel carries what `indicators refresh --offline / check / serve` need outside the checkout.

Builds the wheel from a copy of the tree in a temp dir without build isolation (setuptools>=77 is in
the test extra), so no network is needed; scripts/wheel_smoke.sh installs and runs it in CI.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from indicators import config
from repo_paths import ROOT

PACKAGED_DATA = f"indicators/{config.BUNDLED_DATA}/"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    """A wheel built from a copy of this checkout, and what the build printed."""
    tree = tmp_path_factory.mktemp("tree")
    for name in ["pyproject.toml", "README.md", "LICENSE"]:
        shutil.copy2(ROOT / name, tree / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for folder in ["src", "dashboard", "data"]:
        shutil.copytree(ROOT / folder, tree / folder, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    # Not -q: setuptools' warnings are part of what is checked.
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                          "--wheel-dir", str(out), str(tree)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    (built_wheel,) = out.glob("factcheck_indicators-*.whl")
    return built_wheel, run.stdout + run.stderr


@pytest.fixture(scope="module")
def wheel(built) -> Path:
    return built[0]


def test_the_build_is_quiet_every_shipped_folder_is_a_listed_package(built):
    """setuptools prints a warning box for each folder whose files ship but that `packages` in
    pyproject.toml does not list (about 400 lines on a first install): list the folder there."""
    output = built[1]
    ignored = sorted(set(re.findall(r"Package '([\w.]+)' is absent from the `packages` configuration", output)))
    assert ignored == [] and "would be ignored" not in output, f"add to packages in pyproject.toml: {ignored}"


@pytest.fixture(scope="module")
def wheel_names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.mark.subprocess
def test_wheel_ships_every_file_of_the_data_folder(wheel_names):
    on_disk = {p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    shipped = {name[len(PACKAGED_DATA):] for name in wheel_names if name.startswith(PACKAGED_DATA)}
    assert {"articles/op-ed/claims.yaml", "articles/op-ed/article.yaml", "datapackage.json", "PROVENANCE.md"} <= on_disk
    assert on_disk - shipped == set()


@pytest.mark.subprocess
def test_wheel_ships_the_dashboard_assets_and_the_code(wheel, wheel_names):
    assets = {f"dashboard/assets/{p.name}" for p in (ROOT / "dashboard" / "assets").iterdir() if p.is_file()}
    assert assets and assets <= wheel_names
    assert {"indicators/cli.py", "indicators/sources/__init__.py", "dashboard/wsgi.py",
            "dashboard/pages/__init__.py"} <= wheel_names
    entry_points = next(name for name in wheel_names if name.endswith(".dist-info/entry_points.txt"))
    with zipfile.ZipFile(wheel) as archive:
        assert "indicators = indicators.cli:console" in archive.read(entry_points).decode()


@pytest.mark.subprocess
def test_wheel_ships_no_tests_or_build_leftovers(wheel_names):
    assert not [name for name in wheel_names if name.startswith("tests/") or ".egg-info/" in name
                or "__pycache__" in name]


def test_data_dir_prefers_the_environment_override(tmp_path, monkeypatch):
    monkeypatch.setenv("INDICATORS_DATA_DIR", str(tmp_path))
    assert config.data_dir() == tmp_path


def test_data_dir_in_a_checkout_is_the_top_level_data_folder(monkeypatch):
    monkeypatch.delenv("INDICATORS_DATA_DIR", raising=False)
    assert (config.data_dir() / "articles" / "op-ed" / "claims.yaml").is_file()
    if not (config.PACKAGE_DIR / config.BUNDLED_DATA).is_dir():  # running from the source tree
        assert config.data_dir() == ROOT / "data"
