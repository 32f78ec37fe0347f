"""The C backend through the command line: snapshots, banner option, failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
