"""Reading a schema with a parse cache: unchanged files come from it, with the same result."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from qapi_ir.driver.cache_store import CacheStore
from qapi_ir.driver.ir_cache import from_schema_file
from qapi_ir.frontend import load_schema
from qapi_ir.frontend.errors import QAPIError
from qapi_ir.frontend.parse_cache import Writable
from qapi_ir.frontend.parser import QAPISchemaParser

MAIN = """\
{ 'pragma': { 'doc-required': true } }
{ 'include': 'sub/shapes.json' }
##
# @paint:
#
# Paint a shape.
#
# @shape: which one
##
{ 'command': 'paint', 'data': { 'shape': 'Shape' } }
"""
SHAPES = """\
##
# @Shape:
#
# @circle: round
#
# @square: not round
##
{ 'enum': 'Shape', 'data': [ 'circle', 'square' ], 'if': 'CONFIG_SHAPES' }
"""


class DictCache:
    """A parse cache in a dict, counting what it was asked."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str, bool], bytes] = {}
        self.hits = 0

    def get(self, fname: str, text: str, lenient_docs: bool) -> bytes | None:
        data = self.entries.get((fname, text, lenient_docs))
        self.hits += data is not None
        return data

    def put(self, fname: str, text: str, lenient_docs: bool,
            write: Callable[[Writable], object]) -> None:
        stream = io.BytesIO()
        write(stream)
        self.entries[fname, text, lenient_docs] = stream.getvalue()


def _schema(directory: Path) -> str:
    (directory / "sub").mkdir()
    (directory / "sub" / "shapes.json").write_text(SHAPES)
    (directory / "main.json").write_text(MAIN)
    return str(directory / "main.json")


def _summary(parser: QAPISchemaParser) -> list[object]:
    exprs = [(dict(e), str(e.info), e.doc and e.doc.symbol) for e in parser.exprs]
    docs = [(str(d.info), d.symbol, list(d.args)) for d in parser.docs]
    return [exprs, docs]


def test_cached_files_give_what_parsing_gives(tmp_path: Path) -> None:
    path = _schema(tmp_path)
    cache = DictCache()
    parsed = QAPISchemaParser(path, cache=cache)
    assert len(cache.entries) == 2 and cache.hits == 0
    cached = QAPISchemaParser(path, cache=cache)
    assert cache.hits == 2
    assert _summary(cached) == _summary(parsed) == _summary(QAPISchemaParser(path))


def test_a_cached_file_shares_the_includers_pragmas_and_location(tmp_path: Path) -> None:
    path = _schema(tmp_path)
    cache = DictCache()
    QAPISchemaParser(path, cache=cache)
    parser = QAPISchemaParser(path, cache=cache)
    include, shape, paint = parser.exprs
    assert shape.info.parent is include.info
    assert shape.info.pragma is paint.info.pragma
    assert shape.info.pragma.doc_required
    assert str(shape.info).startswith(f"In file included from {path}:2:\n")


def test_an_error_in_a_changed_file_is_reported_as_without_cache(tmp_path: Path) -> None:
    path = _schema(tmp_path)
    cache = DictCache()
    QAPISchemaParser(path, cache=cache)
    (tmp_path / "sub" / "shapes.json").write_text(SHAPES.replace("'square' ]", "'square' "))
    with pytest.raises(QAPIError) as uncached:
        QAPISchemaParser(path)
    with pytest.raises(QAPIError) as cached:
        QAPISchemaParser(path, cache=cache)
    assert cache.hits == 1
    assert str(cached.value) == str(uncached.value)


def test_an_unreadable_entry_is_parsed_again(tmp_path: Path) -> None:
    path = _schema(tmp_path)
    cache = DictCache()
    parsed = QAPISchemaParser(path, cache=cache)
    cache.entries = {key: b"garbage" for key in cache.entries}
    assert _summary(QAPISchemaParser(path, cache=cache)) == _summary(parsed)


def test_parses_are_written_by_a_rebuild_after_a_change_and_read_by_the_next(
    tmp_path: Path,
) -> None:
    path = _schema(tmp_path)
    store = CacheStore(tmp_path / "cache")
    from_schema_file(path, store)
    assert len(_entries(tmp_path / "cache")) == 1  # the manifest: a first build keeps no parse
    for number in range(2):
        (tmp_path / "main.json").write_text(MAIN.replace("Paint", f"Paint {number}"))
        assert from_schema_file(path, store).schema() == load_schema(path)
    assert len(_entries(tmp_path / "cache")) == 4  # and both versions of main.json, shapes.json


def _entries(cache: Path) -> list[Path]:
    return [p for p in (cache / "entries").rglob("*") if p.is_file()]
