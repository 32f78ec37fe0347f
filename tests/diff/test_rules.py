"""Each compatibility rule, on a pair of schemas written for it, in each direction."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir.diff.changes import Group
from qapi_ir.diff.compare import compare
from qapi_ir.diff.inputs import read_input
from tests.diff.helpers import diff_texts, summarise, write

# A struct used only as a return value, and an event, so that "out" cases have a place.
OUT = "{ 'command': 'query-p', 'returns': 'Pt' }\n"
# Lets command 'c' return something other than an object.
RETURNS_ANY = "{ 'pragma': { 'command-returns-exceptions': ['c'] } }\n"
OBJ = "{ 'struct': 'Obj', 'data': { 'o': 'int' } }\n"
ALT = OBJ + "{ 'alternate': 'Alt', 'data': { 'n': 'int', 'o': 'Obj' } }\n"
ALT3 = OBJ + "{ 'alternate': 'Alt', 'data': { 'n': 'int', 'o': 'Obj', 'z': 'null' } }\n"


def _case(name: str, old: str, new: str, *expected: tuple[str, str, str, str]) -> object:
    return pytest.param(old, new, list(expected), id=name)


CASES = [
    _case("command-added", "{ 'command': 'a' }",
          "{ 'command': 'a' }\n{ 'command': 'b' }",
          ("command b", "", "command-added", "compatible")),
    _case("command-removed", "{ 'command': 'a' }\n{ 'command': 'b' }",
          "{ 'command': 'a' }",
          ("command b", "", "command-removed", "breaking")),
    _case("event-added", "{ 'command': 'a' }", "{ 'command': 'a' }\n{ 'event': 'E' }",
          ("event E", "", "event-added", "compatible")),
    _case("event-removed", "{ 'command': 'a' }\n{ 'event': 'E' }", "{ 'command': 'a' }",
          ("event E", "", "event-removed", "notice")),
    _case("optional-argument-added",
          "{ 'command': 'c', 'data': { 'a': 'int' } }",
          "{ 'command': 'c', 'data': { 'a': 'int', '*b': 'str' } }",
          ("command c", "arguments.b", "member-added-optional", "compatible")),
    _case("mandatory-argument-added",
          "{ 'command': 'c', 'data': { 'a': 'int' } }",
          "{ 'command': 'c', 'data': { 'a': 'int', 'b': 'str' } }",
          ("command c", "arguments.b", "member-added-mandatory", "breaking")),
    _case("mandatory-event-member-added",
          "{ 'event': 'E', 'data': { 'a': 'int' } }",
          "{ 'event': 'E', 'data': { 'a': 'int', 'b': 'str' } }",
          ("event E", "data.b", "member-added-mandatory", "compatible")),
    _case("return-member-added",
          "{ 'struct': 'Pt', 'data': { 'a': 'int' } }\n" + OUT,
          "{ 'struct': 'Pt', 'data': { 'a': 'int', 'b': 'int' } }\n" + OUT,
          ("type Pt", "b", "member-added-mandatory", "compatible")),
    _case("optional-argument-removed",
          "{ 'command': 'c', 'data': { '*a': 'int' } }", "{ 'command': 'c' }",
          ("command c", "arguments.a", "member-removed-optional", "breaking")),
    _case("optional-return-member-removed",
          "{ 'struct': 'Pt', 'data': { 'a': 'int', '*b': 'int' } }\n" + OUT,
          "{ 'struct': 'Pt', 'data': { 'a': 'int' } }\n" + OUT,
          ("type Pt", "b", "member-removed-optional", "notice")),
    _case("mandatory-return-member-removed",
          "{ 'struct': 'Pt', 'data': { 'a': 'int', 'b': 'int' } }\n" + OUT,
          "{ 'struct': 'Pt', 'data': { 'a': 'int' } }\n" + OUT,
          ("type Pt", "b", "member-removed-mandatory", "breaking")),
    _case("argument-made-optional",
          "{ 'command': 'c', 'data': { 'a': 'int' } }",
          "{ 'command': 'c', 'data': { '*a': 'int' } }",
          ("command c", "arguments.a", "member-made-optional", "compatible")),
    _case("argument-made-mandatory",
          "{ 'command': 'c', 'data': { '*a': 'int' } }",
          "{ 'command': 'c', 'data': { 'a': 'int' } }",
          ("command c", "arguments.a", "member-made-mandatory", "breaking")),
    _case("return-member-made-optional",
          "{ 'struct': 'Pt', 'data': { 'a': 'int' } }\n" + OUT,
          "{ 'struct': 'Pt', 'data': { '*a': 'int' } }\n" + OUT,
          ("type Pt", "a", "member-made-optional", "breaking")),
    _case("event-member-made-mandatory",
          "{ 'event': 'E', 'data': { '*a': 'int' } }",
          "{ 'event': 'E', 'data': { 'a': 'int' } }",
          ("event E", "data.a", "member-made-mandatory", "compatible")),
    _case("argument-type-changed",
          "{ 'command': 'c', 'data': { 'a': 'str' } }",
          "{ 'command': 'c', 'data': { 'a': 'int' } }",
          ("command c", "arguments.a", "type-changed", "breaking")),
    _case("return-type-changed", RETURNS_ANY + "{ 'command': 'c', 'returns': ['str'] }",
          RETURNS_ANY + "{ 'command': 'c', 'returns': ['int'] }",
          ("command c", "returns[]", "type-changed", "breaking")),
    _case("argument-widened-to-alternate",
          "{ 'command': 'c', 'data': { 'a': 'int' } }",
          ALT + "{ 'command': 'c', 'data': { 'a': 'Alt' } }",
          ("command c", "arguments.a", "type-widened-to-alternate", "compatible")),
    _case("event-member-widened-to-alternate",
          "{ 'event': 'E', 'data': { 'a': 'int' } }",
          ALT + "{ 'event': 'E', 'data': { 'a': 'Alt' } }",
          ("event E", "data.a", "type-widened-to-alternate", "breaking")),
    _case("argument-narrowed-from-alternate",
          ALT + "{ 'command': 'c', 'data': { 'a': 'Alt' } }",
          "{ 'command': 'c', 'data': { 'a': 'int' } }",
          ("command c", "arguments.a", "type-narrowed-from-alternate", "breaking")),
    _case("argument-enum-widened-to-str",
          "{ 'enum': 'En', 'data': ['x'] }\n{ 'command': 'c', 'data': { 'a': 'En' } }",
          "{ 'command': 'c', 'data': { 'a': 'str' } }",
          ("command c", "arguments.a", "enum-widened-to-str", "compatible")),
    _case("argument-str-narrowed-to-enum",
          "{ 'command': 'c', 'data': { 'a': 'str' } }",
          "{ 'enum': 'En', 'data': ['x'] }\n{ 'command': 'c', 'data': { 'a': 'En' } }",
          ("command c", "arguments.a", "str-narrowed-to-enum", "notice")),
    _case("integer-type-changed",
          "{ 'command': 'c', 'data': { 'a': 'int8' } }",
          "{ 'command': 'c', 'data': { 'a': 'uint64' } }",
          ("command c", "arguments.a", "integer-type-changed", "notice")),
    _case("argument-enum-value-added",
          "{ 'enum': 'En', 'data': ['x'] }\n{ 'command': 'c', 'data': { 'a': 'En' } }",
          "{ 'enum': 'En', 'data': ['x', 'y'] }\n{ 'command': 'c', 'data': { 'a': 'En' } }",
          ("type En", "", "enum-value-added", "compatible")),
    _case("argument-enum-value-removed",
          "{ 'enum': 'En', 'data': ['x', 'y'] }\n{ 'command': 'c', 'data': { 'a': 'En' } }",
          "{ 'enum': 'En', 'data': ['x'] }\n{ 'command': 'c', 'data': { 'a': 'En' } }",
          ("type En", "", "enum-value-removed", "breaking")),
    _case("return-enum-value-added",
          RETURNS_ANY + "{ 'enum': 'En', 'data': ['x'] }\n{ 'command': 'c', 'returns': ['En'] }",
          RETURNS_ANY
          + "{ 'enum': 'En', 'data': ['x', 'y'] }\n{ 'command': 'c', 'returns': ['En'] }",
          ("type En", "", "enum-value-added", "notice")),
    _case("return-enum-value-removed",
          RETURNS_ANY
          + "{ 'enum': 'En', 'data': ['x', 'y'] }\n{ 'command': 'c', 'returns': ['En'] }",
          RETURNS_ANY + "{ 'enum': 'En', 'data': ['x'] }\n{ 'command': 'c', 'returns': ['En'] }",
          ("type En", "", "enum-value-removed", "notice")),
    _case("enum-in-both-directions-takes-the-worse-class",
          RETURNS_ANY + "{ 'enum': 'En', 'data': ['x', 'y'] }\n"
          "{ 'command': 'c', 'data': { 'a': 'En' }, 'returns': ['En'] }",
          RETURNS_ANY + "{ 'enum': 'En', 'data': ['x'] }\n"
          "{ 'command': 'c', 'data': { 'a': 'En' }, 'returns': ['En'] }",
          ("type En", "", "enum-value-removed", "breaking")),
    _case("alternate-branch-added-to-argument",
          ALT + "{ 'command': 'c', 'data': { 'a': 'Alt' } }",
          ALT3 + "{ 'command': 'c', 'data': { 'a': 'Alt' } }",
          ("type Alt", "{null}", "alternate-branch-added", "compatible")),
    _case("alternate-branch-added-to-event",
          ALT + "{ 'event': 'E', 'data': { 'a': 'Alt' } }",
          ALT3 + "{ 'event': 'E', 'data': { 'a': 'Alt' } }",
          ("type Alt", "{null}", "alternate-branch-added", "breaking")),
    _case("alternate-branch-removed-from-argument",
          ALT3 + "{ 'command': 'c', 'data': { 'a': 'Alt' } }",
          ALT + "{ 'command': 'c', 'data': { 'a': 'Alt' } }",
          ("type Alt", "{null}", "alternate-branch-removed", "breaking")),
    _case("deprecated-added", "{ 'command': 'c' }",
          "{ 'command': 'c', 'features': ['deprecated'] }",
          ("command c", "", "deprecated-added", "notice")),
    _case("deprecated-removed", "{ 'command': 'c', 'features': ['deprecated'] }",
          "{ 'command': 'c' }",
          ("command c", "", "deprecated-removed", "compatible")),
    _case("unstable-member-feature-added",
          "{ 'command': 'c', 'data': { 'a': 'int' } }",
          "{ 'command': 'c', 'data': { 'a': { 'type': 'int', 'features': ['unstable'] } } }",
          ("command c", "arguments.a", "unstable-added", "notice")),
    _case("other-feature-added", "{ 'event': 'E' }",
          "{ 'event': 'E', 'features': ['fancy'] }",
          ("event E", "", "feature-added", "compatible")),
    _case("other-feature-removed", "{ 'event': 'E', 'features': ['fancy'] }",
          "{ 'event': 'E' }",
          ("event E", "", "feature-removed", "notice")),
    _case("allow-oob-added", "{ 'command': 'c' }", "{ 'command': 'c', 'allow-oob': true }",
          ("command c", "", "allow-oob-added", "compatible")),
    _case("allow-oob-removed", "{ 'command': 'c', 'allow-oob': true }", "{ 'command': 'c' }",
          ("command c", "", "allow-oob-removed", "breaking")),
    _case("allow-preconfig-removed", "{ 'command': 'c', 'allow-preconfig': true }",
          "{ 'command': 'c' }",
          ("command c", "", "allow-preconfig-removed", "breaking")),
    _case("success-response-changed", "{ 'command': 'c' }",
          "{ 'command': 'c', 'success-response': false }",
          ("command c", "", "success-response-changed", "breaking")),
    _case("coroutine-changed", "{ 'command': 'c' }", "{ 'command': 'c', 'coroutine': true }",
          ("command c", "", "coroutine-changed", "notice")),
    _case("command-condition-added-narrows", "{ 'command': 'c' }",
          "{ 'command': 'c', 'if': 'CONFIG_C' }",
          ("command c", "", "condition-narrowed", "notice")),
    _case("command-condition-removed-widens", "{ 'command': 'c', 'if': 'CONFIG_C' }",
          "{ 'command': 'c' }",
          ("command c", "", "condition-widened", "compatible")),
    _case("command-condition-made-stricter-narrows",
          "{ 'command': 'c', 'if': 'CONFIG_A' }",
          "{ 'command': 'c', 'if': { 'all': ['CONFIG_A', 'CONFIG_B'] } }",
          ("command c", "", "condition-narrowed", "notice")),
    _case("command-condition-made-looser-widens",
          "{ 'command': 'c', 'if': 'CONFIG_A' }",
          "{ 'command': 'c', 'if': { 'any': ['CONFIG_A', 'CONFIG_B'] } }",
          ("command c", "", "condition-widened", "compatible")),
    _case("command-condition-rewritten-equivalently-is-no-change",
          "{ 'command': 'c', 'if': { 'not': { 'any': ['CONFIG_A', 'CONFIG_B'] } } }",
          "{ 'command': 'c', 'if': { 'all': [ { 'not': 'CONFIG_B' }, { 'not': 'CONFIG_A' } ] } }"),
    _case("member-condition-changed",
          "{ 'struct': 'Pt', 'data': { 'a': { 'type': 'int', 'if': 'CONFIG_A' } } }\n" + OUT,
          "{ 'struct': 'Pt', 'data': { 'a': { 'type': 'int', 'if': 'CONFIG_B' } } }\n" + OUT,
          ("type Pt", "a", "condition-changed", "notice")),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_each_rule_reports_its_change_with_its_class(
    tmp_path: Path, old: str, new: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert summarise(diff_texts(tmp_path, old, new)) == expected


UNION_OLD = """
{ 'enum': 'Kind', 'data': ['a', 'b'] }
{ 'struct': 'Aa', 'data': { 'x': 'int' } }
{ 'struct': 'Bb', 'data': { 'y': 'int' } }
{ 'union': 'Un', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind',
  'data': { 'a': 'Aa', 'b': 'Bb' } }
{ 'command': 'c', 'data': 'Un', 'boxed': true }
"""


def test_removing_a_union_branch_and_its_tag_value_from_arguments_breaks(
    tmp_path: Path,
) -> None:
    new = UNION_OLD.replace(", 'b': 'Bb' }", " }").replace("['a', 'b']", "['a']")
    assert summarise(diff_texts(tmp_path, UNION_OLD, new)) == [
        ("type Kind", "", "enum-value-removed", "breaking"),
        ("type Un", "{b}", "union-branch-removed", "breaking")]


def test_a_tag_value_left_without_branch_loses_the_branch_members(tmp_path: Path) -> None:
    new = UNION_OLD.replace(", 'b': 'Bb' }", " }")
    assert summarise(diff_texts(tmp_path, UNION_OLD, new)) == [
        ("type Bb", "y", "member-removed-mandatory", "breaking")]


def test_adding_a_union_branch_reports_the_branch_and_the_tag_value(tmp_path: Path) -> None:
    new = UNION_OLD.replace("['a', 'b']", "['a', 'b', 'c']").replace(
        "'b': 'Bb' }", "'b': 'Bb', 'c': 'Bb' }")
    assert summarise(diff_texts(tmp_path, UNION_OLD, new)) == [
        ("type Kind", "", "enum-value-added", "compatible"),
        ("type Un", "{c}", "union-branch-added", "compatible")]


def test_changing_the_union_tag_breaks(tmp_path: Path) -> None:
    new = UNION_OLD.replace("'kind'", "'type'")
    assert ("type Un", "", "union-tag-changed", "breaking") in summarise(
        diff_texts(tmp_path, UNION_OLD, new))


def test_renaming_types_and_moving_members_to_a_base_is_no_change(tmp_path: Path) -> None:
    old = """
{ 'struct': 'Point', 'data': { 'x': 'int', 'y': 'int' } }
{ 'command': 'move', 'data': { 'to': 'Point' }, 'returns': 'Point' }
"""
    new = """
{ 'struct': 'Base', 'data': { 'x': 'int' } }
{ 'struct': 'Position', 'base': 'Base', 'data': { 'y': 'int' } }
{ 'struct': 'MoveArgs', 'data': { 'to': 'Position' } }
{ 'command': 'move', 'data': 'MoveArgs', 'returns': 'Position' }
"""
    assert diff_texts(tmp_path, old, new) == []


def test_a_renamed_type_is_reported_under_its_new_name_with_the_old_one(tmp_path: Path) -> None:
    old = "{ 'struct': 'Point', 'data': { 'x': 'int' } }\n{ 'event': 'E', 'data': 'Point' }"
    new = "{ 'struct': 'Pos', 'data': { 'x': 'str' } }\n{ 'event': 'E', 'data': 'Pos' }"
    old_path, new_path = write(tmp_path, "old.json", old), write(tmp_path, "new.json", new)
    result = compare(read_input(str(old_path), docs=False), read_input(str(new_path), docs=False))
    [change] = result.changes
    assert (change.group.name, change.rule.id) == ("Pos", "type-changed")
    assert result.renamed == {Group("type", "Pos"): ("Point",)}


def test_types_are_matched_by_place_even_when_names_are_swapped(tmp_path: Path) -> None:
    template = """
{{ 'struct': '{0}', 'data': {{ 'a': 'int' }} }}
{{ 'struct': '{1}', 'data': {{ 'b': 'int' }} }}
{{ 'command': 'c', 'data': {{ 'one': '{0}', 'two': '{1}' }} }}
"""
    old, new = template.format("Aa", "Bb"), template.format("Bb", "Aa")
    assert diff_texts(tmp_path, old, new) == []


def test_doc_changes_are_reported_only_with_docs(tmp_path: Path) -> None:
    old = "##\n# @c:\n#\n# Does a thing.\n##\n{ 'command': 'c' }\n"
    new = old.replace("a thing", "another thing")
    assert diff_texts(tmp_path, old, new) == []
    assert summarise(diff_texts(tmp_path, old, new, docs=True)) == [
        ("command c", "", "doc-changed", "notice")]


def test_doc_changes_of_a_type_member_are_reported_under_the_type(tmp_path: Path) -> None:
    old = ("##\n# @Pt:\n#\n# A point.\n#\n# @a: the first\n##\n"
           "{ 'struct': 'Pt', 'data': { 'a': 'int' } }\n"
           "##\n# @query-p:\n#\n# Query.\n##\n" + OUT)
    new = old.replace("the first", "the one")
    [change] = diff_texts(tmp_path, old, new, docs=True)
    assert (change.group.name, change.rule.id, change.detail) == (
        "Pt", "doc-changed", "doc member a changed")
