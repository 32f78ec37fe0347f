"""Property: any mutated snapshot either builds into code that works or changes nothing.

A valid snapshot's JSON is mutated (names, kinds, references, numbers, removed
or repeated entries).  A run from it either succeeds, and then its IR passes
the invariant checker again, the Python package imports and a sample of the C
compiles; or it fails with one line, and the output directory is byte for byte
what it was.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from qapi_ir import snapshot
from qapi_ir.driver import cli
from qapi_ir.frontend import load_schema
from tests.backends.c.test_compile import GCC, RUNTIME
from tests.cli.helpers import EXAMPLE

#: Odd values a string may become: names of other kinds, and code.
_ODD_STRINGS = (
    "", "int", "str", "q_empty", "QType", "./builtin", "x", "a-b", "a_b", "Has-x", "u",
    "X) || 1", 'a"b', "../escape.json", "all", "not", "name", "object", "9lives",
)
_ODD_NUMBERS = (0, -1, 1, 2, 2**31, 10**30)


@functools.cache
def _base_text() -> str:
    return snapshot.dumps(load_schema(str(EXAMPLE)))


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value inside ``value``."""
    children = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in children:
        yield (*path, key)
        if isinstance(child, dict | list):
            yield from _nodes(child, (*path, key))


def _replacement(old: Any, names: list[str]) -> st.SearchStrategy[Any]:
    if isinstance(old, bool):
        return st.sampled_from([not old, 1, "true", None])
    if isinstance(old, int):
        return st.sampled_from([*_ODD_NUMBERS, True])
    if isinstance(old, str):
        return st.sampled_from(names) | st.sampled_from(_ODD_STRINGS) | st.text(max_size=6)
    return st.sampled_from([None, {}, [], "x", 1])


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """The example's snapshot with one to three mutations."""
    document: dict[str, Any] = json.loads(_base_text())
    names = sorted({e["name"] for e in document["schema"]["entities"] if "name" in e})
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_nodes(document))))
        parent = functools.reduce(lambda value, key: value[key], path[:-1], document)
        key = path[-1]
        action = draw(st.sampled_from(["replace", "replace", "delete", "repeat"]))
        if action == "delete":
            del parent[key]
        elif action == "repeat" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        else:
            parent[key] = draw(_replacement(parent[key], names))
    return document


def _run(output: Path, arguments: list[str]) -> tuple[int, str]:
    config = output.parent / "empty.toml"
    config.write_text("")
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        status = cli.main(["--no-cache", "--config", str(config), "-b", "--suppress-tracing",
                           "--backend", "c", "--backend", "python", "--backend", "ir",
                           "-o", str(output), *arguments])
    return status, errors.getvalue()


@functools.cache
def _baseline() -> Path:
    """The output of the unmutated snapshot, made once."""
    root = Path(tempfile.mkdtemp(prefix="qapi-build-baseline-"))
    status, errors = _run(root / "qapi", ["--from-ir", str(_write(root, _base_text()))])
    assert status == 0, errors
    return root / "qapi"


def _write(directory: Path, text: str) -> Path:
    path = directory / "mutated.json"
    path.write_text(text)
    return path


def _state(directory: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(directory)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(directory.rglob("*")) if p.is_file()
    }


def _check_works(root: Path, output: Path) -> None:
    """The IR written passes the checks again, Python imports, a sample of C compiles."""
    snapshot.load(output / "ir.json")
    package = next(p.parent for p in output.glob("*/__init__.py"))
    imported = subprocess.run([sys.executable, "-c", f"import {package.name}"], cwd=output,
                              capture_output=True, text=True, check=False)
    assert imported.returncode == 0, imported.stderr
    if GCC is None:  # tests/backends/c/test_compile.py reports (or fails on) a missing gcc
        return
    for sample in sorted(output.glob("qapi-types*.c"))[:2]:
        compiled = subprocess.run(
            [GCC, "-std=gnu11", "-fsyntax-only", f"-I{RUNTIME}", f"-I{root}", f"-I{output}",
             str(sample)], capture_output=True, text=True, check=False,
        )
        assert compiled.returncode == 0, compiled.stderr


@settings(max_examples=min(30, settings().max_examples))
@given(mutated_documents())
def test_a_mutated_snapshot_builds_working_code_or_changes_nothing(
    document: dict[str, Any],
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        output = root / "qapi"
        shutil.copytree(_baseline(), output)
        before = _state(output)
        status, errors = _run(output, ["--from-ir", str(_write(root, json.dumps(document)))])
        if status == 0:
            _check_works(root, output)
        else:
            assert status == 1
            assert errors.count("\n") == 1 and "internal error" not in errors, errors
            assert _state(output) == before
