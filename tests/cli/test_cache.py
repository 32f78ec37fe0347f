"""The build cache: what it reuses, what invalidates it, and how it survives damage."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from qapi_backends.c import CBackend
from qapi_ir import templating
from qapi_ir.driver.cache_store import CacheStore
from qapi_ir.driver.ir_cache import from_schema_file
from qapi_ir.driver.options import resolve
from qapi_ir.driver.output_cache import generate_cached
from qapi_ir.plugin_api import Backend, Output
from tests.cli.helpers import files_below, run_cli
from tests.conftest import REPO_ROOT

MAIN = """\
{ 'include': 'colours.json' }
{ 'include': 'shapes.json' }
{ 'command': 'paint', 'data': { 'colour': 'Colour', 'shape': 'Shape' } }
"""
COLOURS = "{ 'enum': 'Colour', 'data': [ 'red', 'green' ] }\n"
SHAPES = "{ 'enum': 'Shape', 'data': [ 'circle', 'square' ] }\n"


def _write_schema(directory: Path) -> Path:
    (directory / "colours.json").write_text(COLOURS)
    (directory / "shapes.json").write_text(SHAPES)
    main = directory / "main.json"
    main.write_text(MAIN)
    return main


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "entries").rglob("*") if p.is_file())


def _build(schema: Path, out: Path, *extra: str) -> None:
    result = run_cli(schema, "-o", out, "--backend", "c", *extra, cwd=schema.parent)
    assert result.returncode == 0, result.stderr


def test_build_fills_the_cache_dir_and_no_cache_leaves_it_empty(tmp_path: Path) -> None:
    schema = _write_schema(tmp_path)
    _build(schema, tmp_path / "a", "--cache-dir", str(tmp_path / "cache"))
    _build(schema, tmp_path / "b", "--no-cache", "--cache-dir", str(tmp_path / "unused"))
    assert _entries(tmp_path / "cache")
    assert not (tmp_path / "unused").exists()
    assert files_below(tmp_path / "a") == files_below(tmp_path / "b")


def test_changing_an_included_file_invalidates_the_cached_ir(tmp_path: Path) -> None:
    schema = _write_schema(tmp_path)
    cache = str(tmp_path / "cache")
    _build(schema, tmp_path / "out", "--cache-dir", cache)
    (tmp_path / "shapes.json").write_text(SHAPES.replace("'square'", "'square', 'hexagon'"))
    _build(schema, tmp_path / "out", "--cache-dir", cache)
    assert "SHAPE_HEXAGON" in (tmp_path / "out" / "qapi-types-shapes.h").read_text()


def test_corrupt_entries_are_ignored_and_rebuilt(tmp_path: Path) -> None:
    schema = _write_schema(tmp_path)
    cache = tmp_path / "cache"
    _build(schema, tmp_path / "good", "--no-cache")
    _build(schema, tmp_path / "out", "--cache-dir", str(cache))
    for number, entry in enumerate(_entries(cache)):
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] if number % 2 else data[:-1] + b"!")
    _build(schema, tmp_path / "out2", "--cache-dir", str(cache))
    good = tmp_path / "good"
    for name in files_below(good):
        assert (tmp_path / "out2" / name).read_text() == (good / name).read_text()
    rebuilt = CacheStore(cache)
    assert all(rebuilt.get(e.parent.name + e.name) is not None for e in _entries(cache))


def test_a_truncated_or_foreign_entry_reads_as_missing(tmp_path: Path) -> None:
    store = CacheStore(tmp_path)
    store.put_object("ab" * 32, {"x": 1})
    assert store.get_object("ab" * 32) == {"x": 1}
    (entry,) = _entries(tmp_path)
    entry.write_bytes(entry.read_bytes()[:-3])
    assert store.get_object("ab" * 32) is None
    entry.write_bytes(b"not a cache entry")
    assert store.get("ab" * 32) is None


def test_writing_an_entry_leaves_no_temporary_file(tmp_path: Path) -> None:
    store = CacheStore(tmp_path)
    for number in range(3):
        store.put_object(f"{number:02d}" * 32, b"payload")
    assert [p.name.startswith(".tmp-") for p in _entries(tmp_path)] == [False] * 3


def test_pruning_keeps_the_most_recently_used_entries_within_the_limit(tmp_path: Path) -> None:
    store = CacheStore(tmp_path)
    keys = [f"{number:02d}" * 32 for number in range(4)]
    for key in keys:
        store.put_object(key, bytes(1000))
    for age, entry in enumerate(reversed(_entries(tmp_path))):
        os.utime(entry, (1000 + age, 1000 + age))
    assert store.get_object(keys[0]) is not None  # used now: the most recent
    store.prune(max_bytes=2500)
    assert [store.get_object(key) is not None for key in keys] == [True, True, False, False]


@pytest.fixture
def render_count(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The files rendered (not taken from the memo) while the test runs."""
    rendered: list[str] = []
    real = templating.Renderer._render

    def counting(
        self: templating.Renderer, template_dir: Path, name: str, context: dict[str, Any]
    ) -> str:
        rendered.append(str(context.get("fname", name)))
        return real(self, template_dir, name, context)

    monkeypatch.setattr(templating.Renderer, "_render", counting)
    yield rendered


def _run_c(schema: Path, store: CacheStore) -> Output:
    backend = cast(Backend, CBackend())
    options = resolve("c", backend.options, {})
    return generate_cached(store, templating.Renderer(store.root, b"s" * 32),
                           from_schema_file(str(schema), store), "c", backend, options)


def test_unchanged_schema_renders_nothing(tmp_path: Path, render_count: list[str]) -> None:
    schema = _write_schema(tmp_path)
    store = CacheStore(tmp_path / "cache")
    first = _run_c(schema, store)
    render_count.clear()
    assert _run_c(schema, store).files == first.files
    assert render_count == []


def test_changed_module_renders_only_what_depends_on_it(
    tmp_path: Path, render_count: list[str]
) -> None:
    schema = _write_schema(tmp_path)
    store = CacheStore(tmp_path / "cache")
    _run_c(schema, store)
    (tmp_path / "colours.json").write_text(COLOURS.replace("'green'", "'green', 'blue'"))
    render_count.clear()
    _run_c(schema, store)  # the first build kept no texts: this one renders all, keeps them
    assert {name for name in render_count if "colours" in name}
    (tmp_path / "shapes.json").write_text(SHAPES.replace("'square'", "'square', 'hexagon'"))
    render_count.clear()
    changed = _run_c(schema, store)
    rendered = set(render_count)
    assert "SHAPE_HEXAGON" in changed.files["qapi-types-shapes.h"]
    assert changed.files == _run_c(schema, CacheStore(tmp_path / "fresh")).files
    assert {"qapi-types-shapes.h", "qapi-introspect.c"} <= rendered
    assert not {name for name in rendered if "colours" in name}


#: Modules a build served from the cache has no use for: the front end, the snapshot
#: reader and the invariants (named only for their errors), the templates' engine, and
#: what writes a file (no file changes) or compiles a template.
_NOT_NEEDED = ("qapi_ir.frontend", "qapi_ir.snapshot", "qapi_ir.invariants", "mako",
               "tempfile", "py_compile", "difflib")
_IMPORTS_PROBE = f"""\
import sys
from qapi_ir.driver.entry import main
status = main(sys.argv[1:])
print(sorted(m for m in {_NOT_NEEDED!r} if m in sys.modules))
sys.exit(status)
"""


def test_a_build_served_from_the_cache_imports_only_what_it_needs(tmp_path: Path) -> None:
    schema = _write_schema(tmp_path)
    argv = [sys.executable, "-c", _IMPORTS_PROBE, str(schema), "-q", "-o", str(tmp_path / "out"),
            "--backend", "c", "--cache-dir", str(tmp_path / "cache")]
    runs = [subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=300,
                           env={**os.environ, "PYTHONPATH": str(REPO_ROOT)}, check=False)
            for _ in range(2)]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr
    assert "'qapi_ir.frontend'" in runs[0].stdout  # the first one reads and writes
    assert runs[1].stdout == "[]\n", runs[1].stderr
