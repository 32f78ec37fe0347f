"""One rule, one place: the front end and the snapshot checks refuse the same names.

Both read the rules of :mod:`qapi_ir.language`; these tests give each side the
names the second round of hostile input found accepted by the snapshot checks
alone (a final newline, non-ASCII letters that case folding takes for ASCII).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import pytest

from qapi_ir import language, snapshot
from qapi_ir.frontend import exprs
from qapi_ir.frontend.errors import QAPISemError
from qapi_ir.frontend.source import QAPISourceInfo
from tests.cli.helpers import EXAMPLE

#: Names that look valid to ``re.match(...$)`` with ``re.IGNORECASE``, in lower case
#: (commands, members, values) and in upper case (events): each passes the case
#: rule of its kind, so only the character is wrong.
HOSTILE = {
    "final newline": ("spec\n", "SPEC\n"),
    "KELVIN SIGN": ("\u212aelvin", "\u212aELVIN"),
    "LATIN SMALL LETTER LONG S": ("\u017fpec", "\u017fPEC"),
    "CAPITAL I WITH DOT ABOVE": ("\u0130d", "\u0130D"),
}
LOWER = [lower for lower, _ in HOSTILE.values()]

Document = dict[str, Any]


@functools.cache
def _example_text() -> str:
    from qapi_ir.frontend import load_schema

    return snapshot.dumps(load_schema(str(EXAMPLE)))


def _entity(document: Document, kind: str, has: str = "") -> dict[str, Any]:
    entity: dict[str, Any] = next(
        e for e in document["schema"]["entities"]
        if e["kind"] == kind and e.get("module") != "./builtin" and (not has or e.get(has)))
    return entity


def _rename_definition(kind: str, name: str) -> Callable[[Document], None]:
    def rename(document: Document) -> None:
        _entity(document, kind)["name"] = name
    return rename


#: Where a name sits in a snapshot -> how to put ``name`` (lower, upper case) there.
PLACES: dict[str, Callable[[tuple[str, str]], Callable[[Document], None]]] = {
    "command": lambda name: _rename_definition("command", "x" + name[0]),
    "event": lambda name: _rename_definition("event", "X" + name[1]),
    "type": lambda name: _rename_definition("enum", "Ab" + name[0]),
    "member": lambda name: lambda doc: _entity(doc, "object", "members")["members"][0]
    .update(name=name[0]),
    "enum value": lambda name: lambda doc: _entity(doc, "enum")["values"][0]
    .update(name=name[0]),
    "alternate branch": lambda name: lambda doc: _entity(doc, "alternate")["branches"][0]
    .update(name=name[0]),
}


@pytest.mark.parametrize("name", [n for pair in HOSTILE.values() for n in pair])
def test_the_language_refuses_the_name(name: str) -> None:
    assert language.name_stem(name) is None
    assert not language.is_value_name(name)


@pytest.mark.parametrize("name", LOWER, ids=HOSTILE.keys())
def test_the_front_end_refuses_the_name(name: str) -> None:
    with pytest.raises(QAPISemError, match="'data' member has an invalid name"):
        exprs.check_name_str(name, QAPISourceInfo("s.json", None), "'data' member")


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("name", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_snapshot_checks_refuse_the_name(name: tuple[str, str], place: str) -> None:
    document: Document = json.loads(_example_text())
    PLACES[place](name)(document)
    with pytest.raises(snapshot.SnapshotError) as refused:
        snapshot.from_document(document, "ir.json")
    problems = str(refused.value).removeprefix("ir.json: IR invariant violated: ").split("; ")
    assert len(problems) == 1, problems
    assert any(f"{repr(n)[1:-1]}" in problems[0] for n in name), problems
    assert "is not a valid name" in problems[0]


@pytest.mark.parametrize(("name", "valid"), [
    ("__org.qemu_x-foo", True), ("__ORG.QEMU_X-EVENT", True), ("x-foo", True),
    ("q_obj", False), ("-x", False), ("a b", False), ("", False),
])
def test_the_prefixes_keep_their_meaning(name: str, valid: bool) -> None:
    assert (language.name_stem(name) is not None) is valid


@pytest.mark.parametrize(("kind", "name"), [
    ("command", "Query-Jobs"), ("event", "job-done"), ("enum", "jobstate"),
    ("object", "JobInfoList"),
])
def test_a_snapshot_definition_named_against_its_kind_s_case_rule_is_refused(
        kind: str, name: str) -> None:
    document: Document = json.loads(_example_text())
    _entity(document, kind, "members" if kind == "object" else "")["name"] = name
    with pytest.raises(snapshot.SnapshotError, match=f"'{name}' is not a valid name for a"):
        snapshot.from_document(document, "ir.json")
