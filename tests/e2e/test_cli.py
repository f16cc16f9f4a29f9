"""The `indicators` command's messages: YAML errors with file, line and column; load advice that matches
what each source's refresh does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from repo_paths import ROOT

from indicators import articles, catalogue, cli, config, sources, yamlfile

UNCLOSED = 'claims:\n  - id: "gdp-2023\n    check: level\n'


def error_of(text: str | bytes, tmp_path, name: str = "claims.yaml") -> str:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(yamlfile.YamlFileError) as caught:
        yamlfile.load(path)
    return str(caught.value)


# -- YAML errors --------------------------------------------------------------------------------


def test_unclosed_quote_names_where_it_opens_in_plain_words(tmp_path):
    message = error_of(UNCLOSED, tmp_path)
    # PyYAML notices at the end of the file (line 4); the quote to close is on line 2, column 9.
    assert message.startswith(f"{tmp_path / 'claims.yaml'}, line 2, column 9: YAML syntax error: ")
    assert "closing quote is missing" in message and message.endswith('the line reads: - id: "gdp-2023')
    assert "\n" not in message and "while scanning" not in message


@pytest.mark.parametrize("text, where, words", [
    ("a:\n\t- 1\n", "line 2, column 1", "a tab character"),
    ("a: 1\n  b: 2\n", "line 2, column 4", "a ':' where no key can start"),
    ("a: [1, 2\nb: 3\n", "line 2, column 2", "the bracket opens at line 1"),
    ("title: \"A\" and B\n", "line 1, column 12", "more text after a complete value"),
    ("a: \"\\q\"\n", "line 1, column 6", "unknown backslash escape"),
    ("a: *missing\n", "line 1, column 4", "no anchor"),
    ("a: b\nc\nd: e\n", "line 2, column 1", "a key without its ':'"),
])
def test_common_mistakes_get_their_place_and_plain_words(tmp_path, text, where, words):
    message = error_of(text, tmp_path)
    assert f", {where}: YAML syntax error: " in message and words in message, message


def test_a_rare_error_keeps_pyyaml_words_with_the_place(tmp_path):
    message = error_of("a: !!python/name:os.system x\n", tmp_path)
    assert ", line 1, column 4: YAML syntax error: " in message and "constructor" in message


def test_not_utf8_names_the_byte(tmp_path):
    message = error_of(b"a: 1\ntitle: caf\xe9\n", tmp_path)
    assert message.endswith("claims.yaml, line 2: not UTF-8 text (byte 15 of the file is 0xe9): save the file as UTF-8")


def test_valid_yaml_and_a_byte_order_mark_load(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_bytes(b"\xef\xbb\xbfclaims: []\n")
    assert yamlfile.load(path) == {"claims": []}


def test_check_with_a_broken_claims_file_prints_one_line_with_the_place(snapshot_store, tmp_path, capsys):
    path = tmp_path / "mine.yaml"
    path.write_text(UNCLOSED, encoding="utf-8")
    assert cli.main(["check", "--claims", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == (f"indicators check: error: {path}, line 2, column 9: YAML syntax error: a quoted value is never "
                   'closed (its closing quote is missing); the line reads: - id: "gdp-2023\n')


def test_article_yaml_error_names_its_place(tmp_path):
    folder = tmp_path / "op-ed"
    shutil.copytree(config.data_dir() / "articles" / "op-ed", folder)
    meta = folder / "article.yaml"
    lines = meta.read_text(encoding="utf-8").splitlines() + ['url_note: "a copy of']
    meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(articles.ArticleError, match=rf"article\.yaml, line {len(lines)}, column 11: YAML syntax error: "
                                                    r"a quoted value is never closed"):
        articles.read_article(folder)


def test_source_yaml_error_names_its_place(tmp_path):
    path = tmp_path / "fx" / "source.yaml"
    path.parent.mkdir()
    path.write_text("name: fx\ntitle: FX\n\tpublisher: FRED\n", encoding="utf-8")
    with pytest.raises(catalogue.CatalogueError, match=r"source\.yaml, line 3, column 1: YAML syntax error: a tab"):
        catalogue.load_file(path)


# -- indicators sources -------------------------------------------------------------------------


def test_load_advice_matches_what_each_refresh_does():
    """`--offline` is advised exactly where the bundled snapshot holds something (refresh --offline
    skips the others, Comtrade among them); a live refresh exactly where source.yaml has an endpoint."""
    for name in sources.NAMES:
        module = sources.get(name)
        advice = cli.load_advice(name)
        offline = [line for line in advice if line.startswith(f"indicators refresh --source {name} --offline ")]
        live = [line for line in advice if line.startswith(f"indicators refresh --source {name} ")
                and "--offline" not in line.split("(")[0]]
        assert bool(offline) == bool(module.snapshot()), (name, advice)
        assert bool(live) == module.METADATA.live, (name, advice)
    assert cli.load_advice("comtrade") == [
        "indicators refresh --source comtrade   (live from the publisher; nothing is bundled: --offline skips it)"]


def test_sources_on_an_empty_store_prints_each_sources_own_advice(capsys):
    assert cli.main(["sources"]) == 0
    out = capsys.readouterr().out
    comtrade = out.split("comtrade: ", 1)[1].split("\ngii: ", 1)[0]
    assert "latest vintage: none" in comtrade
    assert "refresh --source comtrade --offline" not in comtrade and "refresh --offline" not in comtrade
    assert "  load:      indicators refresh --source comtrade   (live" in comtrade
    customs = out.split("customs: ", 1)[1].split("\nember: ", 1)[0]
    assert "  load:      indicators refresh --source customs --offline   (the bundled files; no live endpoint)" in customs


# -- report: its HTML embeds ClaimReview JSON-LD ------------------------------------------------


def test_report_warns_of_local_claim_links_only_where_it_embeds_them(tmp_path, monkeypatch, capsys):
    from indicators import report

    written = []
    monkeypatch.setattr(report, "write_report", lambda out, **kwargs: written.append((out, kwargs)) or out)
    for name in ("INDICATORS_BASE_URL", "INDICATORS_ORG_NAME"):
        monkeypatch.delenv(name, raising=False)
    assert cli.main(["report", "--out", str(tmp_path / "r.html")]) == 0
    err = capsys.readouterr().err
    assert "indicators report: warning: the reviews' URLs point at http://127.0.0.1:8050" in err
    assert "INDICATORS_ORG_NAME" in err
    assert cli.main(["report", "--out", str(tmp_path / "r.md")]) == 0  # Markdown has no ClaimReview
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("INDICATORS_ORG_NAME", "Example Fact Desk")
    assert cli.main(["report", "--out", str(tmp_path / "r.html"), "--base-url", "https://desk.example.org"]) == 0
    assert capsys.readouterr().err == ""
    assert written[-1][1]["base_url"] == "https://desk.example.org"


def test_a_brief_command_gives_the_caller_its_garbage_collector_back(capsys):
    """status runs without the cyclic collector (start-up CPU, issue 22); a caller in the same process keeps it."""
    import gc

    assert gc.isenabled()
    assert cli.main(["status"]) == 0
    assert "empty: run `indicators refresh --offline`" in capsys.readouterr().out
    assert gc.isenabled()


@pytest.mark.subprocess
def test_the_program_ends_a_brief_command_with_all_its_output(snapshot_template, tmp_path, monkeypatch, capsys):
    """`python -m indicators.cli` (and the console script) ends a brief command without tearing the interpreter
    down (start-up CPU, issue 22): its output, flushed first into a pipe, and its exit status are main()'s."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    env.pop("PYTHONUNBUFFERED", None)  # output into a pipe stays in Python's buffer until flushed
    for name, command in [("empty.db", ["check"]), ("store.db", ["check"]), ("store.db", ["status"])]:
        if name == "store.db" and not (tmp_path / name).exists():
            shutil.copyfile(snapshot_template, tmp_path / name)
        env["INDICATORS_DB"] = f"sqlite:///{tmp_path / name}"
        monkeypatch.setenv("INDICATORS_DB", env["INDICATORS_DB"])
        code = cli.main(command)
        expected = capsys.readouterr()
        proc = subprocess.run([sys.executable, "-m", "indicators.cli", *command], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
        assert (proc.returncode, proc.stdout, proc.stderr) == (code, expected.out, expected.err), (name, command)
        assert expected.out or expected.err


HEAVY = ("dash", "dashboard", "plotly", "flask", "requests", "kaleido", "indicators.figures", "indicators.spot",
         "indicators.sources.", "indicators.refresh", "indicators.http", "indicators.export")
"""What `check` and `status` never use: the views, the spotter, the publishers' fetchers and HTTP."""


@pytest.mark.subprocess
@pytest.mark.parametrize("command, used", [("check", "indicators.claims.engine"), ("status", "indicators.store")])
def test_check_and_status_load_neither_the_views_nor_the_publishers(snapshot_template, tmp_path, monkeypatch,
                                                                    command, used):
    """The command runs to the end in a fresh interpreter on a loaded store; then no heavy module is in
    sys.modules (each would cost every run of the command its import; issue 22). `used` shows the
    probe sees what the command did load."""
    store = tmp_path / "store.db"
    store.write_bytes(snapshot_template.read_bytes())
    monkeypatch.setenv("INDICATORS_DB", f"sqlite:///{store}")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    code = ("import contextlib, io, sys\nfrom indicators import cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    code = cli.main([sys.argv[1]])\n"
            "print(code, sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[2:]))))\n"
            f"print({used!r} in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code, command, *HEAVY], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split("\n")[:2] == ["0 []", "True"], proc.stdout
