"""Crafted snapshots: each breaks one rule the front end enforces, and is refused in one line.

A snapshot is untrusted input.  Names that would smuggle code into generated
files, structures a backend cannot handle and values of the wrong type must
all be refused with a message naming the place in the document.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import pytest

from qapi_ir import snapshot
from qapi_ir.frontend import load_schema
from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "service.json"

Document = dict[str, Any]

#: Stands for a number of 5000 digits (which Python's int() refuses to make).
_LONG_NUMBER = "<5000 digits>"


@functools.cache
def _example_text() -> str:
    return snapshot.dumps(load_schema(str(EXAMPLE)))


def _document() -> Document:
    document: Document = json.loads(_example_text())
    return document


def _entity(document: Document, name: str) -> dict[str, Any]:
    entity: dict[str, Any] = next(
        e for e in document["schema"]["entities"] if e.get("name") == name
    )
    return entity


def _first(document: Document, kind: str, has: str = "") -> dict[str, Any]:
    entity: dict[str, Any] = next(
        e for e in document["schema"]["entities"]
        if e["kind"] == kind and (not has or e.get(has)) and e.get("module") != "./builtin"
    )
    return entity


def _member_name(doc: Document) -> None:
    _first(doc, "object", "members")["members"][0]["name"] = (
        'a"+__import__("os").system("touch X")+"'
    )


def _condition_name(doc: Document) -> None:
    _first(doc, "command")["condition"] = {"kind": "name", "name": "X) || 1 /* */\n#error"}


def _duplicate_member(doc: Document) -> None:
    members = _first(doc, "object", "members")["members"]
    members.append(dict(members[0]))


def _duplicate_branch(doc: Document) -> None:
    branches = _first(doc, "object", "variants")["variants"]["branches"]
    branches.append(dict(branches[0]))


def _empty_alternate(doc: Document) -> None:
    _first(doc, "alternate")["branches"] = []


def _union_as_base(doc: Document) -> None:
    union = _first(doc, "object", "variants")
    struct = next(
        e for e in doc["schema"]["entities"]
        if e["kind"] == "object" and not e.get("variants") and not e.get("base")
        and not e["name"].startswith("q_")
    )
    struct["base"] = union["name"]


def _include_cycle(doc: Document) -> None:
    include = _first(doc, "include")
    doc["schema"]["entities"].append(
        {"kind": "include", "module": include["target"], "target": include["module"],
         "location": include["location"]}
    )


def _dangling_base(doc: Document) -> None:
    _first(doc, "object", "members")["base"] = "Nowhere"


def _deep_condition(doc: Document) -> None:
    condition: dict[str, Any] = {"kind": "name", "name": "CONFIG_X"}
    for _ in range(350):
        condition = {"kind": "not", "operand": condition}
    _first(doc, "command")["condition"] = condition


def _boolean_version(doc: Document) -> None:
    doc["version"] = True


def _boolean_line(doc: Document) -> None:
    _first(doc, "command")["location"]["line"] = True


def _absurd_line(doc: Document) -> None:
    _first(doc, "command")["location"]["line"] = 10**17


def _long_number(doc: Document) -> None:
    _first(doc, "command")["location"]["line"] = _LONG_NUMBER


def _enum_prefix(doc: Document) -> None:
    _first(doc, "enum")["prefix"] = "X = 1; int y"


def _module_name(doc: Document) -> None:
    doc["schema"]["modules"][1]["name"] = 'm.json"\n#include "/etc/passwd'


def _doc_member_name(doc: Document) -> None:
    symbol_doc = next(d for d in doc["schema"]["docs"] if d.get("args"))
    symbol_doc["args"][0]["name"] = '"><script>alert(1)</script>'


def _unknown_builtin(doc: Document) -> None:
    _entity(doc, "int")["name"] = "integer"


def _alternate_of_alternate(doc: Document) -> None:
    alternate = _first(doc, "alternate")
    alternate["branches"][0]["type"] = alternate["name"]


def _self_containing_union(doc: Document) -> None:
    union = _first(doc, "object", "variants")
    union["variants"]["branches"][0]["type"] = union["name"]


def _empty_operands(doc: Document) -> None:
    _first(doc, "command")["condition"] = {"kind": "all", "operands": []}


def _array_name(doc: Document) -> None:
    array = next(
        e for e in doc["schema"]["entities"] if e["kind"] == "array" and e["module"] != "./builtin"
    )
    array["name"] = "Other" + array["name"]


CASES: dict[str, tuple[Callable[[Document], None], str]] = {
    "code in a member name": (_member_name, ".members[0].name: 'a\"+__import__"),
    "code in a condition": (_condition_name, ".condition.name: 'X) || 1"),
    "duplicate member": (_duplicate_member, "collides with"),
    "duplicate branch": (_duplicate_branch, ".variants.branches["),
    "empty alternate": (_empty_alternate, ".branches: an alternate needs at least one branch"),
    "union as a base": (_union_as_base, ".base: "),
    "include cycle": (_include_cycle, "includes itself"),
    "dangling base": (_dangling_base, ".base: unknown type 'Nowhere'"),
    "deep condition": (_deep_condition, "values nest deeper than 100 at $.schema.entities["),
    "boolean version": (_boolean_version, "IR format version True is not supported"),
    "boolean line": (_boolean_line, "expected int, got bool @ $.schema.entities["),
    "absurd line": (_absurd_line, ".location.line: 100000000000000000 is not a line number"),
    "5000-digit number": (_long_number, "a number of 5000 digits is out of range @ $.schema"),
    "code in an enum prefix": (_enum_prefix, ".prefix: 'X = 1; int y' is not a C identifier"),
    "code in a module name": (_module_name, "$.schema.modules[1].name: "),
    "markup in a doc member name": (_doc_member_name, "$.schema.docs["),
    "unknown built-in type": (_unknown_builtin, "'integer' is not a valid name for a built-in"),
    "alternate of an alternate": (_alternate_of_alternate, "cannot be of type"),
    "union containing itself": (_self_containing_union, "contains itself"),
    "condition without operands": (_empty_operands, ".condition.operands: "),
    "array not named after its element": (_array_name, "is not a valid name for an array"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_crafted_snapshot_is_refused_in_one_line_naming_the_place(case: str) -> None:
    change, expected = CASES[case]
    document = _document()
    change(document)
    with pytest.raises(snapshot.SnapshotError) as info:
        snapshot.loads(json.dumps(document).replace(f'"{_LONG_NUMBER}"', "9" * 5000), "ir.json")
    message = str(info.value)
    assert message.startswith("ir.json: ")
    assert expected in message
    assert "\n" not in message


def test_nesting_deeper_than_the_json_parser_recurses_is_one_line() -> None:
    text = '{"format": "qapi-build-ir", "version": 1, "schema": ' + "[" * 100000
    with pytest.raises(snapshot.SnapshotError, match="nest deeper than 100"):
        snapshot.loads(text + "]" * 100000 + "}", "ir.json")


def test_the_example_snapshot_passes_every_check() -> None:
    assert snapshot.dumps(snapshot.loads(_example_text())) == _example_text()
