"""``--depfile``: every schema file read and qapi-build's own files, in the syntax ninja reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from qapi_ir.driver.depfile import escape, rule
from qapi_ir.driver.output_dir import OutputError
from tests.cli.helpers import QAPI_GEN, files_below, run_cli, run_qapi_gen
from tests.conftest import REPO_ROOT, need

MAIN = "{ 'include': 'sub/inc.json' }\n{ 'struct': 'Point', 'data': { 'x': 'Inner' } }\n"
INCLUDED = "{ 'struct': 'Inner', 'data': { 'y': 'int' } }\n"


def _schemas(directory: Path) -> str:
    """The main schema, in a directory whose name has a space, and the file it includes;
    the main schema's path relative to ``directory``."""
    (directory / "my schemas" / "sub").mkdir(parents=True)
    (directory / "my schemas" / "sub" / "inc.json").write_text(INCLUDED)
    (directory / "my schemas" / "main.json").write_text(MAIN)
    return "my schemas/main.json"


def _rule(path: Path) -> tuple[list[str], list[str]]:
    """The targets and prerequisites of the depfile at ``path`` (one name per line)."""
    text = path.read_text()
    heads, colon, tails = text.partition(": \\\n")
    assert colon, text
    unescape = lambda word: word.strip(" \\\n").replace("\\ ", " ")  # noqa: E731
    return ([unescape(w) for w in heads.split(" \\\n")],
            [unescape(w) for w in tails.split(" \\\n")])


def test_names_are_escaped_as_ninja_and_make_read_them() -> None:
    assert escape("a b/c$d#e") == "a\\ b/c$$d\\#e"
    assert escape("trailing\\ space") == "trailing\\\\\\ space"
    assert rule(["out/a.c", "out/a.h"], ["s.json", "s.json", "i.json"]) == (
        "out/a.c \\\nout/a.h: \\\n  s.json \\\n  i.json\n")


@pytest.mark.parametrize("name", ["line\nbreak.json", "tab\there.json"])
def test_a_name_a_depfile_cannot_hold_is_an_error(name: str) -> None:
    with pytest.raises(OutputError, match=r"can't name .* in a depfile"):
        escape(name)


def test_qapi_gen_lists_what_it_wrote_and_everything_it_read(tmp_path: Path) -> None:
    main = _schemas(tmp_path)
    result = run_qapi_gen("-o", "out", "--depfile", "gen.d", main, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    targets, prerequisites = _rule(tmp_path / "gen.d")
    assert sorted(targets) == ["out/" + name for name in files_below(tmp_path / "out")]
    assert prerequisites[:2] == ["my schemas/main.json", "my schemas/sub/inc.json"]
    code = {Path(p).relative_to(REPO_ROOT).as_posix() for p in prerequisites[2:]}
    assert {"qapi_ir/driver/qapi_gen.py", "qapi_ir/frontend/parser.py",
            "backends/c/templates/types.h.mako"} <= code
    assert all((tmp_path / p).is_file() for p in prerequisites)


def test_qapi_build_writes_one_for_its_backends_too(tmp_path: Path) -> None:
    main = _schemas(tmp_path)
    result = run_cli("--backend", "dump", "-o", "out", "--depfile", "dump.d", main,
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    targets, prerequisites = _rule(tmp_path / "dump.d")
    assert targets == ["out/dump.txt"]
    assert prerequisites[:2] == ["my schemas/main.json", "my schemas/sub/inc.json"]


def test_a_snapshot_read_is_what_the_files_depend_on(tmp_path: Path) -> None:
    main = _schemas(tmp_path)
    snapshot = run_cli("--backend", "ir", "-o", "ir", main, cwd=tmp_path)
    assert snapshot.returncode == 0, snapshot.stderr
    result = run_cli("--backend", "dump", "-o", "out", "--depfile", "dump.d",
                     "--from-ir", "ir/ir.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    targets, prerequisites = _rule(tmp_path / "dump.d")
    assert (targets, prerequisites[0]) == (["out/dump.txt"], "ir/ir.json")
    assert main not in prerequisites  # the snapshot stands for the schema


def test_a_failed_run_leaves_the_depfile_alone(tmp_path: Path) -> None:
    main = _schemas(tmp_path)
    (tmp_path / "gen.d").write_text("old: rule\n")
    (tmp_path / "my schemas" / "sub" / "inc.json").write_text("{ 'struct': 'I', 'data': 1 }\n")
    result = run_qapi_gen("-o", "out", "--depfile", "gen.d", main, cwd=tmp_path)
    assert result.returncode == 1
    assert (tmp_path / "gen.d").read_text() == "old: rule\n"
    assert not (tmp_path / "out").exists()


#: A build file as meson writes one for ``custom_target(depfile: ...)`` (its rule
#: ``CUSTOM_COMMAND_DEP``: ``deps = gcc``, ninja keeps the dependencies in its log).
_BUILD_NINJA = """\
rule qapi_gen
  command = {python} -c "{code}" -o out --depfile $DEPFILE "../my schemas/main.json"
  deps = gcc
  depfile = $DEPFILE
  restat = 1

build out/qapi-types.h out/qapi-types.c: qapi_gen ../my$ schemas/main.json
  DEPFILE = qapi.d
"""


def test_ninja_runs_the_generator_again_when_an_included_file_changes(tmp_path: Path) -> None:
    ninja = shutil.which("ninja")
    need(ninja is not None, "ninja not found (Debian: ninja-build)")
    _schemas(tmp_path)
    build = tmp_path / "build"
    build.mkdir()
    (build / "build.ninja").write_text(_BUILD_NINJA.format(
        python=sys.executable, code=QAPI_GEN[1]))

    def ninja_run(*args: str) -> str:
        result = subprocess.run([str(ninja), *args], cwd=build, capture_output=True, text=True,
                                timeout=300, check=False,
                                env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin"})
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    ninja_run()
    assert "no work to do" in ninja_run("-n")
    deps = ninja_run("-t", "deps", "out/qapi-types.h")
    assert "../my schemas/sub/inc.json" in deps
    assert str(REPO_ROOT / "qapi_ir" / "driver" / "qapi_gen.py") in deps
    included = tmp_path / "my schemas" / "sub" / "inc.json"
    included.write_text(INCLUDED + "# edited\n")
    later = (build / "out" / "qapi-types.h").stat().st_mtime_ns + 10**9
    os.utime(included, ns=(later, later))
    assert "no work to do" not in ninja_run("-n")
