"""The checking half of the front end: every invalid schema gets QEMU's exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir.frontend import load_schema
from qapi_ir.frontend.errors import QAPIError
from qapi_ir.ir import AlternateType, Schema


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run every test in its own directory, so messages name files relative to it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def load(text: str, name: str = "s.json") -> Schema:
    Path(name).write_text(text)
    return load_schema(name)


def error(text: str) -> str:
    with pytest.raises(QAPIError) as exc:
        load(text)
    return str(exc.value)


# ---------------------------------------------------------------- expressions


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ("{ 'struct': 'Foo', 'enum': 'Bar', 'data': {} }",
         "s.json:1: expression must have exactly one key"
         " 'enum', 'struct', 'union', 'alternate', 'command', 'event'"),
        ("{ 'command': ['x'] }", "s.json:1: 'command' requires a string name"),
        ("{ 'struct': 'not-camel', 'data': {} }",
         "s.json: In struct 'not-camel':\ns.json:1: name of struct must use CamelCase"),
        ("{ 'event': 'lower' }",
         "s.json: In event 'lower':\ns.json:1: name of event must not use lowercase or '-'"),
        ("{ 'command': 'Upper' }",
         "s.json: In command 'Upper':\n"
         "s.json:1: name of command must not use uppercase or '_'"),
        ("{ 'command': 'q-reserved' }",
         "s.json: In command 'q-reserved':\ns.json:1: command has an invalid name"),
        ("{ 'struct': 'FooList', 'data': {} }",
         "s.json: In struct 'FooList':\ns.json:1: struct name should not end in 'List'"),
    ],
)
def test_definition_names_are_checked_by_kind(schema: str, message: str) -> None:
    assert error(schema) == message


def test_unknown_keys_are_listed_with_the_valid_ones() -> None:
    assert error("{ 'struct': 'Foo', 'data': {}, 'zzz': 'z', 'aaa': 'a' }") == (
        "s.json: In struct 'Foo':\n"
        "s.json:1: struct has unknown keys 'aaa', 'zzz'\n"
        "Valid keys are 'base', 'data', 'features', 'if', 'struct'.")


def test_a_missing_key_is_named() -> None:
    assert error("{ 'enum': 'Foo' }") == (
        "s.json: In enum 'Foo':\ns.json:1: enum misses key 'data'")


@pytest.mark.parametrize(
    ("cond", "message"),
    [
        ("'lower'", "'if' condition 'lower' of struct is not a valid identifier"),
        ("['A']", "'if' condition of struct must be a string or an object"),
        ("{ 'all': 'A' }", "'all' condition of struct must be an array"),
        ("{ 'any': [] }", "'if' condition [] of struct is useless"),
        ("{ 'all': ['A'], 'not': 'B' }", "'if' condition of struct has conflicting keys"),
        ("{ 'nope': 'A' }",
         "'if' condition of struct has unknown key 'nope'\nValid keys are 'all', 'any', 'not'."),
    ],
)
def test_bad_conditions_are_rejected(cond: str, message: str) -> None:
    assert error(f"{{ 'struct': 'Foo', 'data': {{}}, 'if': {cond} }}") == (
        f"s.json: In struct 'Foo':\ns.json:1: {message}")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{ 'has-x': 'int' }", "'data' member 'has-x' uses reserved name"),
        ("{ '*u': 'int' }", "'data' member '*u' uses reserved name"),
        ("{ 'a': { 'if': 'X' } }", "'data' member 'a' misses key 'type'"),
        ("{ 'a': [] }", "'data' member 'a': array type must contain single type name"),
        ("{ 'a': { 'type': { 'b': 'int' } } }",
         "'data' member 'a' should be a type name or array"),
        ("'Foo'", "'data' should be an object or type name"),
    ],
)
def test_struct_members_are_checked(data: str, message: str) -> None:
    assert error(f"{{ 'struct': 'Foo', 'data': {data} }}") == (
        f"s.json: In struct 'Foo':\ns.json:1: {message}")


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        ("'gen': true", "flag 'gen' may only use false value"),
        ("'boxed': false", "flag 'boxed' may only use true value"),
        ("'allow-oob': true, 'coroutine': true",
         "flags 'allow-oob' and 'coroutine' are incompatible"),
    ],
)
def test_command_flags_are_checked(flags: str, message: str) -> None:
    assert error(f"{{ 'command': 'cmd', {flags} }}") == (
        f"s.json: In command 'cmd':\ns.json:1: {message}")


def test_a_documented_definition_must_match_its_doc_comment() -> None:
    assert error("##\n# @Other:\n##\n{ 'enum': 'Foo', 'data': [] }") == (
        "s.json: In enum 'Foo':\ns.json:4: documentation comment is for 'Other'")


# ---------------------------------------------------------------- semantics


def test_a_redefinition_points_at_the_previous_definition() -> None:
    assert error("{ 'enum': 'Foo', 'data': [] }\n{ 'struct': 'Foo', 'data': {} }") == (
        "s.json: In struct 'Foo':\ns.json:2: 'Foo' is already defined\n"
        "s.json: In enum 'Foo':\ns.json:1: previous definition")


def test_redefining_a_predefined_type_names_it() -> None:
    assert error("{ 'struct': 'QType', 'data': {} }") == (
        "s.json: In struct 'QType':\ns.json:1: enum type 'QType' is already defined")


def test_unknown_types_are_reported_with_their_user() -> None:
    assert error("{ 'command': 'cmd', 'data': { 'a': 'Nope' } }") == (
        "s.json: In command 'cmd':\ns.json:1: parameter 'a' uses unknown type 'Nope'")


def test_names_clashing_after_c_mangling_collide() -> None:
    assert error("{ 'pragma': { 'member-name-exceptions': ['Foo'] } }\n"
                 "{ 'struct': 'Foo', 'data': { 'a-b': 'int', 'a_b': 'str' } }") == (
        "s.json: In struct 'Foo':\ns.json:2: member 'a_b' collides with member 'a-b'")


def test_a_member_clashing_with_a_base_member_names_the_base() -> None:
    assert error("{ 'struct': 'Base', 'data': { 'x': 'int' } }\n"
                 "{ 'struct': 'Sub', 'base': 'Base', 'data': { 'x': 'str' } }") == (
        "s.json: In struct 'Sub':\n"
        "s.json:2: member 'x' collides with member 'x' of type 'Base'")


def test_a_struct_containing_itself_is_rejected() -> None:
    assert error("{ 'struct': 'Aa', 'base': 'Bb', 'data': {} }\n"
                 "{ 'struct': 'Bb', 'base': 'Aa', 'data': {} }") == (
        "s.json: In struct 'Aa':\ns.json:1: object Aa contains itself")


UNION_PRELUDE = "{ 'enum': 'Enu', 'data': ['a', 'b'] }\n"


@pytest.mark.parametrize(
    ("union", "message"),
    [
        ("'base': { 'kind': 'Enu' }, 'discriminator': 'type', 'data': {}",
         "discriminator 'type' is not a member of 'base'"),
        ("'base': { 'type': 'int' }, 'discriminator': 'type', 'data': {}",
         "discriminator member 'type' of 'base' must be of enum type"),
        ("'base': { '*type': 'Enu' }, 'discriminator': 'type', 'data': {}",
         "discriminator member 'type' of 'base' must not be optional"),
        ("'base': { 'type': 'Enu' }, 'discriminator': 'type', 'data': { 'c': 'Sx' }",
         "branch 'c' is not a value of enum type 'Enu'"),
        ("'base': { 'type': 'Enu' }, 'discriminator': 'type', 'data': { 'a': 'int' }",
         "branch 'a' cannot use built-in type 'int'"),
        ("'base': 'int', 'discriminator': 'type', 'data': {}",
         "'base' requires a struct type, built-in type 'int' isn't"),
    ],
)
def test_union_discriminators_and_branches_are_checked(union: str, message: str) -> None:
    schema = UNION_PRELUDE + "{ 'struct': 'Sx', 'data': {} }\n" + f"{{ 'union': 'Uni', {union} }}"
    assert error(schema) == f"s.json: In union 'Uni':\ns.json:3: {message}"


@pytest.mark.parametrize(
    ("branches", "message"),
    [
        ("'a': 'str', 'b': 'Enu'", "branch 'b' can't be distinguished from 'a'"),
        ("'a': 'int', 'b': 'number'", "branch 'b' can't be distinguished from 'a'"),
        ("'a': ['int'], 'b': ['str']", "branch 'b' can't be distinguished from 'a'"),
        ("'a': 'any'", "branch 'a' cannot use built-in type 'any'"),
    ],
)
def test_alternate_branches_must_be_distinguishable(branches: str, message: str) -> None:
    schema = ("{ 'enum': 'Enu', 'data': ['x'] }\n"
              f"{{ 'alternate': 'Alt', 'data': {{ {branches} }} }}")
    assert error(schema) == f"s.json: In alternate 'Alt':\ns.json:2: {message}"


def test_alternates_may_have_one_array_branch_beside_scalars() -> None:
    schema = load("{ 'alternate': 'Alt', 'data': { 'a': ['int'], 'b': 'number' } }")
    alternate = schema.lookup("Alt")
    assert isinstance(alternate, AlternateType)
    assert [b.type for b in alternate.branches] == ["intList", "number"]


def test_special_features_are_not_supported_on_types() -> None:
    assert error("{ 'struct': 'Foo', 'data': {}, 'features': ['unstable'] }") == (
        "s.json: In struct 'Foo':\ns.json:1: feature 'unstable' is not supported for types")


def test_at_most_64_feature_names_including_the_special_ones() -> None:
    names = ", ".join(f"'f{i}'" for i in range(62))
    load(f"{{ 'command': 'ok', 'features': [{names}] }}")
    with_one_more = names + ", 'extra'"
    assert error(f"{{ 'command': 'cmd', 'features': [{with_one_more}] }}") == (
        "s.json: In command 'cmd':\ns.json:1: Maximum of 64 schema features is permitted")


def test_conditional_arguments_need_boxed() -> None:
    assert error("{ 'command': 'cmd', 'data': { 'a': { 'type': 'int', 'if': 'X' } } }") == (
        "s.json: In command 'cmd':\n"
        "s.json:1: conditional command arguments require 'boxed': true")


def test_returns_must_be_an_object_unless_excepted_by_pragma() -> None:
    assert error("{ 'command': 'cmd', 'returns': 'int' }") == (
        "s.json: In command 'cmd':\ns.json:1: command's 'returns' cannot take built-in type 'int'")
    schema = load("{ 'pragma': { 'command-returns-exceptions': ['cmd'] } }\n"
                  "{ 'command': 'cmd', 'returns': 'int' }")
    assert schema.lookup("cmd") is not None


def test_undocumented_members_are_errors_when_the_definition_is_documented() -> None:
    assert error("##\n# @Foo:\n##\n{ 'struct': 'Foo', 'data': { 'a': 'int' } }") == (
        "s.json: In struct 'Foo':\ns.json:4: member 'a' lacks documentation")


def test_documenting_a_member_that_does_not_exist_is_an_error() -> None:
    assert error("##\n# @Foo:\n#\n# @nope: text\n##\n{ 'struct': 'Foo', 'data': {} }") == (
        "s.json:4: documented member 'nope' does not exist")


def test_errors_in_included_files_show_the_include_chain() -> None:
    Path("sub.json").write_text("{ 'struct': 'Bad', 'data': { 'x': 'Nope' } }\n")
    assert error("{ 'include': 'sub.json' }") == (
        "In file included from s.json:1:\n"
        "sub.json: In struct 'Bad':\nsub.json:1: member 'x' uses unknown type 'Nope'")
