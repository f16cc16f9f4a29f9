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


HEAVY = ("dash", "dashboard", "plotly", "flask", "requests", "kaleido", "indicators.figures", "indicators.spot",
         "indicators.sources.", "indicators.refresh", "indicators.http", "indicators.export")
"""What `check` and `status` never use: the views, the spotter, the publishers' fetchers and HTTP."""


@pytest.mark.parametrize("command, used", [("check", "indicators.claims.engine"), ("status", "indicators.store")])
def test_check_and_status_load_neither_the_views_nor_the_publishers(snapshot_template, tmp_path, monkeypatch,
                                                                    command, used):
    """The command runs to the end in a fresh interpreter on a loaded store; then no heavy module is in
    sys.modules (each would cost every run of the command its import; issue 22). `used` shows the
    probe sees what the command did load."""
    store = tmp_path / "store.db"
    store.write_bytes(snapshot_template.read_bytes())
    monkeypatch.setenv("INDICATORS_DB", f"sqlite:///{store}")
    proc = run("import contextlib, io, sys\nfrom indicators import cli\n"
               "with contextlib.redirect_stdout(io.StringIO()):\n    code = cli.main([sys.argv[1]])\n"
               "print(code, sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[2:]))))\n"
               f"print({used!r} in sys.modules)", command, *HEAVY)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split("\n")[:2] == ["0 []", "True"], proc.stdout
