"""The one-way flow is enforced: the import-linter contracts in `.importlinter` hold (run as CI runs
them: `PYTHONPATH=src:. lint-imports`), and the CLI loads the dashboard only to serve."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from repo_paths import ROOT

pytestmark = pytest.mark.subprocess  # every test runs a fresh interpreter

LINT = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def run(code: str, *args: str) -> subprocess.CompletedProcess:
    """Python code in a fresh interpreter with this checkout (not an installed copy) on the path."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_import_contracts_are_kept():
    assert importlib.util.find_spec("importlinter"), "import-linter is missing: pip install '.[test]'"
    proc = run(LINT, "--no-cache")
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout


def test_the_linter_sees_this_checkout(tmp_path):
    """Not a vacuous pass: a contract that this code breaks (the CLI uses the store) is reported."""
    assert importlib.util.find_spec("importlinter"), "import-linter is missing: pip install '.[test]'"
    config = tmp_path / "broken.ini"
    config.write_text("[importlinter]\nroot_packages =\n    indicators\n    dashboard\n\n"
                      "[importlinter:contract:x]\nname = cli never uses the store\ntype = forbidden\n"
                      "source_modules =\n    indicators.cli\nforbidden_modules =\n    indicators.store\n")
    proc = run(LINT, "--no-cache", "--config", str(config))
    assert proc.returncode != 0 and "indicators.cli -> indicators.store" in proc.stdout, proc.stdout[-2000:]


def test_the_cli_does_not_load_the_dashboard_at_import():
    proc = run("import sys, indicators.cli as cli\ncli.build_parser()\n"
               "print(sorted({m.split('.')[0] for m in sys.modules} & {'dashboard', 'dash', 'flask', 'plotly'}))")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
