"""``types`` and ``codec`` hold a module per schema module, imported when first used."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from qapi_ir.frontend import load_schema
from tests.backends.python.conftest import generate
from tests.backends.python.test_package import lint

#: A schema in three files whose names are awkward as Python modules; types refer across them.
SCHEMA = {
    "main.json": """
        { 'include': 't.json' }
        { 'include': 'class.json' }
        { 'struct': 'Holder', 'data': { 'item': 'Item', 'where': 'Point' } }
        { 'command': 'hold', 'returns': 'Holder' }
    """,
    "t.json": """
        { 'enum': 'Kind', 'data': [ 'point', 'none' ] }
        { 'struct': 'Point', 'data': { 'x': 'int', '*mark': 'Kind' } }
    """,
    "class.json": """
        { 'include': 't.json' }
        { 'struct': 'ItemBase', 'data': { 'kind': 'Kind', 'label': 'str' } }
        { 'union': 'Item', 'base': 'ItemBase', 'discriminator': 'kind',
          'data': { 'point': 'Point' } }
    """,
}


@pytest.fixture
def split(tmp_path: Path) -> Iterator[ModuleType]:
    """The package generated from :data:`SCHEMA`, imported (under a name of its own)."""
    for name, text in SCHEMA.items():
        (tmp_path / name).write_text(text)
    package = generate(load_schema(str(tmp_path / "main.json")), "split_client", tmp_path / "out")
    sys.path.insert(0, str(package.parent))
    importlib.invalidate_caches()
    yield importlib.import_module(package.name)
    sys.path.remove(str(package.parent))
    for name in [m for m in sys.modules if m.split(".")[0] == package.name]:
        del sys.modules[name]


def test_each_schema_module_has_a_module_named_safely(split: ModuleType) -> None:
    directory = Path(split.__file__ or "").parent
    for package in ("types", "codec"):
        modules = {p.name for p in (directory / package).glob("*.py")}
        # ``_t`` is the package's own alias of ``types``, ``class`` a keyword
        assert modules == {"__init__.py", "_builtin.py", "_main.py", "_t_.py", "_class_.py"}


def test_a_module_is_imported_when_one_of_its_names_is_first_used(split: ModuleType) -> None:
    loaded = [name for name in sys.modules if name.startswith("split_client.types._")]
    assert loaded == []
    assert "Point" in dir(split.types)
    point = split.types.Point(x=1)
    assert "split_client.types._t_" in sys.modules
    assert "split_client.types._class_" not in sys.modules
    assert point.__module__ == "split_client.types._t_" and vars(split.types)["Kind"] is not None
    with pytest.raises(AttributeError, match="has no attribute 'Nothing'"):
        split.types.Nothing  # noqa: B018


def test_classes_and_decoders_refer_across_modules(split: ModuleType) -> None:
    types = split.types
    wire = {"item": {"kind": "point", "label": "p", "x": 2}, "where": {"x": 3, "mark": "none"}}
    holder = split.codec.decode_Holder(wire, "h")
    assert isinstance(holder.item, types.ItemPointBranch) and holder.item.kind is types.Kind.POINT
    assert holder.where == types.Point(x=3, mark=types.Kind.NONE)
    assert split.encode(holder) == wire
    assert split.decode(types.Item, wire["item"]) == holder.item
    assert split.codec.DECODERS["Kind"]("new", "k").is_known is False
    assert set(split.codec.DECODERS) == {"Kind", "Point", "ItemBase", "Item", "Holder", "QType"}


def test_star_import_gives_every_name(split: ModuleType) -> None:
    names: dict[str, object] = {}
    exec("from split_client.types import *", names)
    assert {"Kind", "Point", "ItemBase", "Item", "ItemPointBranch", "Holder"} <= names.keys()


def test_split_package_passes_mypy_strict_and_ruff(split: ModuleType) -> None:
    lint(Path(split.__file__ or "").parent)
