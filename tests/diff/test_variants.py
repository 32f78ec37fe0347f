"""Regressions: structs that became unions, empty branches, and groups fed by several types."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qapi_ir.diff.cli import main
from tests.diff.helpers import diff_texts, summarise, write

KIND = "{ 'enum': 'Kind', 'data': ['a', 'b'] }\n"
A_STRUCT = "{ 'struct': 'Aa', 'data': { 'y': 'int' } }\n"
B_STRUCT = "{ 'struct': 'Bb', 'data': { 'z': 'int' } }\n"


def _query(returns: str) -> str:
    return f"{{ 'command': 'query-t', 'returns': '{returns}' }}\n"


def _set(data: str) -> str:
    return f"{{ 'command': 'set-t', 'data': {{ 't': '{data}' }} }}\n"


STRUCT = KIND + "{ 'struct': 'Tt', 'data': { 'kind': 'Kind', 'x': 'int' } }\n"
UNION_SAME_WIRE = KIND + (
    "{ 'union': 'Tt', 'base': { 'kind': 'Kind', 'x': 'int' }, 'discriminator': 'kind',"
    " 'data': {} }\n")
UNION_MOVED = KIND + "{ 'struct': 'Xx', 'data': { 'x': 'int' } }\n" + (
    "{ 'union': 'Tt', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind',"
    " 'data': { 'a': 'Xx', 'b': 'Xx' } }\n")
UNION_MOVED_ONCE = KIND + "{ 'struct': 'Xx', 'data': { 'x': 'int' } }\n" + (
    "{ 'union': 'Tt', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind',"
    " 'data': { 'a': 'Xx' } }\n")


@pytest.mark.parametrize("use", [_query, _set], ids=["output", "input"])
def test_a_struct_turned_into_a_union_with_the_same_wire_is_no_change(
    tmp_path: Path, use: object
) -> None:
    assert callable(use)
    assert diff_texts(tmp_path, STRUCT + use("Tt"), UNION_SAME_WIRE + use("Tt")) == []
    assert diff_texts(tmp_path, UNION_SAME_WIRE + use("Tt"), STRUCT + use("Tt")) == []


def test_a_member_moved_into_every_branch_of_a_new_union_is_not_removed(
    tmp_path: Path,
) -> None:
    assert diff_texts(tmp_path, STRUCT + _set("Tt"), UNION_MOVED + _set("Tt")) == []
    assert diff_texts(tmp_path, UNION_MOVED + _set("Tt"), STRUCT + _set("Tt")) == []


def test_a_member_moved_into_some_branches_is_removed_from_the_others(tmp_path: Path) -> None:
    assert summarise(diff_texts(tmp_path, STRUCT + _query("Tt"),
                                UNION_MOVED_ONCE + _query("Tt"))) == [
        ("type Tt", "{b}.x", "member-removed-mandatory", "breaking")]


def test_a_tag_added_to_an_output_only_union_breaks_no_reader(tmp_path: Path) -> None:
    old = A_STRUCT + "{ 'struct': 'Tt', 'data': { 'x': 'int' } }\n" + _query("Tt")
    new = KIND + A_STRUCT + B_STRUCT + (
        "{ 'union': 'Tt', 'base': { 'kind': 'Kind', 'x': 'int' }, 'discriminator': 'kind',"
        " 'data': { 'a': 'Aa', 'b': 'Bb' } }\n") + _query("Tt")
    assert summarise(diff_texts(tmp_path, old, new)) == [
        ("type Tt", "kind", "member-added-mandatory", "compatible"),
        ("type Tt", "{a}.y", "member-added-mandatory", "compatible"),
        ("type Tt", "{b}.z", "member-added-mandatory", "compatible")]


UNION = ("{ 'union': 'Un', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind',"
         " 'data': { 'a': 'Aa' } }\n" + A_STRUCT + _set("Un"))


def test_an_empty_branch_added_with_its_tag_value_is_only_the_tag_value(tmp_path: Path) -> None:
    old = "{ 'enum': 'Kind', 'data': ['a'] }\n" + UNION
    assert summarise(diff_texts(tmp_path, old, KIND + UNION)) == [
        ("type Kind", "", "enum-value-added", "compatible")]
    assert summarise(diff_texts(tmp_path, KIND + UNION, old)) == [
        ("type Kind", "", "enum-value-removed", "breaking")]


TWO_TYPES = """
{ 'struct': 'Left', 'data': { 'x': 'int' } }
{ 'struct': 'Right', 'data': { 'x': 'int' } }
{ 'command': 'c', 'data': { 'l': 'Left', 'r': 'Right' } }
"""
ONE_TYPE = """
{ 'struct': 'Both', 'data': { 'x': 'int', '*y': 'int' } }
{ 'command': 'c', 'data': { 'l': 'Both', 'r': 'Both' } }
"""


def test_two_old_types_becoming_one_give_one_group_in_text_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = str(write(tmp_path, "old.json", TWO_TYPES)), str(write(tmp_path, "new.json",
                                                                     ONE_TYPE))
    assert main([old, new]) == 0
    text = capsys.readouterr().out
    assert text.count("type Both (was Left, Right)") == 1
    assert main([old, new, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [t["old_names"] for t in document["types"]] == [["Left", "Right"]]
    assert main([new, old, "--format", "json"]) == 1  # y removed from arguments
    assert {t["name"] for t in json.loads(capsys.readouterr().out)["types"]} == {"Left", "Right"}


def test_types_renamed_without_wire_change_are_listed_once_as_renames(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write(tmp_path, "old.json", A_STRUCT + _query("Aa") + _set("Aa"))
    new = write(tmp_path, "new.json", A_STRUCT.replace("Aa", "Cc") + _query("Cc") + _set("Cc"))
    assert main([str(old), str(new), "--fail-on", "any"]) == 0
    out = capsys.readouterr().out
    assert out == "== Renamed without wire change ==\n\ntype Cc (was Aa)\n\nno changes\n"
