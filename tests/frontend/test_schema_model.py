"""The schema model's entities: C-name clashes, descriptions, arrays, union branches."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir.frontend.errors import QAPISemError
from qapi_ir.frontend.model_parts import c_name
from qapi_ir.frontend.model_types import QAPISchemaArrayType, QAPISchemaObjectType
from qapi_ir.frontend.schema_model import QAPISchema


def _schema(tmp_path: Path, text: str) -> QAPISchema:
    path = tmp_path / "s.json"
    path.write_text(text)
    return QAPISchema(str(path))


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(QAPISemError) as exc:
        _schema(tmp_path, text)
    return exc.value.msg


def test_c_name_mangles_punctuation_and_protects_keywords_and_digits() -> None:
    assert c_name("a-b.c") == "a_b_c"
    assert c_name("if") == "q_if"
    assert c_name("unix") == "q_unix"
    assert c_name("9lives") == "q_9lives"
    assert c_name("iffy") == "iffy"


def test_enum_values_that_mangle_alike_collide(tmp_path: Path) -> None:
    text = ("{ 'pragma': { 'member-name-exceptions': [ 'Enu' ] } }\n"
            "{ 'enum': 'Enu', 'data': [ 'a-b', 'a_b' ] }")
    assert _error(tmp_path, text) == "value 'a_b' collides with value 'a-b'"


def test_command_parameters_are_described_as_parameters(tmp_path: Path) -> None:
    text = "{ 'command': 'go', 'data': { 'x': 'Nope' } }"
    assert _error(tmp_path, text) == "parameter 'x' uses unknown type 'Nope'"


def test_implicit_base_members_are_described_as_base_members(tmp_path: Path) -> None:
    text = """
{ 'enum': 'Key', 'data': [ 'a' ] }
{ 'struct': 'Alpha', 'data': { 'k': 'str' } }
{ 'union': 'Uni', 'base': { 'k': 'Key' }, 'discriminator': 'k', 'data': { 'a': 'Alpha' } }
"""
    assert _error(tmp_path, text) == (
        "member 'k' of type 'Alpha' collides with base member 'k'")


def test_arrays_live_in_their_element_module_under_its_condition(tmp_path: Path) -> None:
    (tmp_path / "sub.json").write_text("{ 'struct': 'Pt', 'data': {}, 'if': 'HAVE_P' }\n")
    schema = _schema(tmp_path, "{ 'include': 'sub.json' }\n"
                               "{ 'struct': 'Stru', 'data': { 'ps': ['Pt'] } }\n")
    array = schema.lookup_type("PtList")
    assert isinstance(array, QAPISchemaArrayType)
    assert array.module is not None and array.module.name == "sub.json"
    assert array.ifcond.ifcond == "HAVE_P"
    assert array.describe() == "array type ['Pt']"


def test_values_without_a_branch_get_q_empty_after_the_listed_ones(tmp_path: Path) -> None:
    schema = _schema(tmp_path, """
{ 'enum': 'Key', 'data': [ 'a', { 'name': 'b', 'if': 'HAVE_B' }, 'c' ] }
{ 'struct': 'Cee', 'data': {} }
{ 'union': 'Uni', 'base': { 'k': 'Key' }, 'discriminator': 'k', 'data': { 'c': 'Cee' } }
""")
    union = schema.lookup_type("Uni")
    assert isinstance(union, QAPISchemaObjectType) and union.branches
    assert [(v.name, v.type.name, v.ifcond.ifcond) for v in union.branches.variants] == [
        ("c", "Cee", None), ("a", "q_empty", None), ("b", "q_empty", "HAVE_B")]


def test_a_union_over_an_empty_enum_has_no_branches(tmp_path: Path) -> None:
    text = """
{ 'enum': 'Key', 'data': [] }
{ 'union': 'Uni', 'base': { 'k': 'Key' }, 'discriminator': 'k', 'data': {} }
"""
    assert _error(tmp_path, text) == "union has no branches"


def test_an_enum_with_on_off_values_is_confused_with_bool(tmp_path: Path) -> None:
    text = """
{ 'enum': 'Switch', 'data': [ 'on', 'off' ] }
{ 'alternate': 'Alt', 'data': { 'b': 'bool', 's': 'Switch' } }
"""
    assert _error(tmp_path, text) == "branch 's' can't be distinguished from 'b'"


def test_an_enum_without_numeric_values_is_told_apart_from_numbers(tmp_path: Path) -> None:
    schema = _schema(tmp_path, """
{ 'enum': 'Word', 'data': [ 'yes', 'no' ] }
{ 'alternate': 'Alt', 'data': { 'n': 'number', 'w': 'Word', 'l': ['int'] } }
""")
    assert schema.lookup_type("Alt") is not None
