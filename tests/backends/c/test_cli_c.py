"""The C backend through the command line: snapshots, banner option, failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qapi_ir.driver import cli
from tests.cli.helpers import EXAMPLE, files_below, run_cli


def _tree(directory: Path) -> dict[str, bytes]:
    return {name: (directory / name).read_bytes() for name in files_below(directory)}


def _corpus_cases(corpus: Path) -> list[dict[str, object]]:
    cases: list[dict[str, object]] = json.loads(
        (corpus / "qemu-10.2" / "codegen" / "cases.json").read_text()
    )
    return cases


@pytest.mark.parametrize("case_name", ["test", "doc-good", "full"])
def test_corpus_schema_from_ir_snapshot_gives_identical_c(
    corpus_dir: Path, tmp_path: Path, case_name: str
) -> None:
    case = next(c for c in _corpus_cases(corpus_dir) if c["name"] == case_name)
    schemas = corpus_dir / "qemu-10.2" / "codegen" / "schemas"
    args = [str(a) for a in case["args"]]  # type: ignore[attr-defined]
    direct, snapshot_dir, via_ir = tmp_path / "direct", tmp_path / "snap", tmp_path / "via"
    c_run = ("--no-cache", "--backend", "c", *args)
    first = run_cli(*c_run, "-o", direct, str(case["schema"]), cwd=schemas)
    assert first.returncode == 0, first.stderr
    snap = run_cli("--backend", "ir", "-o", snapshot_dir, str(case["schema"]), cwd=schemas)
    assert snap.returncode == 0, snap.stderr
    again = run_cli(*c_run, "-o", via_ir, "--from-ir", snapshot_dir / "ir.json", cwd=schemas)
    assert again.returncode == 0, again.stderr
    assert _tree(via_ir) == _tree(direct)
    assert len(_tree(direct)) > 10


def test_banner_option_sets_the_first_line_of_every_file(tmp_path: Path) -> None:
    result = run_cli("--backend", "c", "-O", "c.banner=Made for {schema} by CI",
                     "-o", tmp_path, EXAMPLE)
    assert result.returncode == 0, result.stderr
    c_files = [n for n in files_below(tmp_path) if n.endswith((".c", ".h"))]
    assert c_files
    for name in c_files:
        first = (tmp_path / name).read_text().splitlines()[0]
        assert first == "/* Made for service.json by CI */", name


def test_banner_that_would_end_the_comment_is_refused(tmp_path: Path) -> None:
    result = run_cli("--backend", "c", "-O", "c.banner=oops */ int x;", "-o", tmp_path, EXAMPLE)
    assert result.returncode == 1
    assert result.stderr == "backend 'c': c.banner must be one line and may not contain '*/'\n"
    assert files_below(tmp_path) == []


def test_schema_error_writes_no_c_file(tmp_path: Path) -> None:
    schema = tmp_path / "bad.json"
    schema.write_text("{ 'command': 'x', 'allow-oob': true, 'coroutine': true }\n")
    result = run_cli("--backend", "c", "-o", tmp_path / "out", schema.name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("bad.json: In command 'x':\nbad.json:1: ")
    assert files_below(tmp_path / "out") == []


@pytest.mark.parametrize(
    ("banner", "message"),
    [
        ("{schema:>5000000}", "c.banner: bad placeholder in '{schema:>5000000}': the only one"),
        ("{schema:>900000000}", "c.banner: bad placeholder in '{schema:>900000000}'"),
        ("{schema!r}", "c.banner: bad placeholder in '{schema!r}'"),
        ("{schema.__class__}", "c.banner: bad placeholder in '{schema.__class__}'"),
        ("{schema}" * 50, "c.banner is 600 characters long with {schema} filled in; at most 500"),
    ],
)
def test_a_banner_that_formatting_would_amplify_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], banner: str, message: str
) -> None:
    (tmp_path / "plugins.toml").write_text(f"[options.c]\nbanner = {json.dumps(banner)}\n")
    status = cli.main(["--no-cache", "--config", str(tmp_path / "plugins.toml"), "--backend",
                       "c", "-o", str(tmp_path / "out"), str(EXAMPLE)])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith(f"backend 'c': {message}") and err.count("\n") == 1, err
    assert len(err) < 400
    assert files_below(tmp_path / "out") == []


@pytest.mark.parametrize("given", [["-p", "x" * 5000], ["-O", "c.prefix=" + "x" * 5000]])
def test_an_option_value_that_every_name_would_repeat_is_bounded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: list[str]
) -> None:
    status = cli.main(["--no-cache", "--backend", "c", *given, "-o", str(tmp_path / "out"),
                       str(EXAMPLE)])
    assert status == 1
    assert capsys.readouterr().err == "option c.prefix is 5000 characters long; at most 4096\n"
    assert files_below(tmp_path / "out") == []
