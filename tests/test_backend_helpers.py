"""The contract's helpers for client backends: plan by kind, member texts, names, notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir.backend_helpers import (
    CompatNotes,
    DefinitionPlan,
    Namer,
    is_guest_agent_schema,
    member_descriptions,
    protocol_name,
)
from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import BackendError, Release, ReleaseHistory

SCHEMA = """\
##
# @Base:
#
# @id: the identifier
##
{ 'struct': 'Base', 'data': { 'id': 'str' } }

##
# @Thing:
#
# @size: how big
##
{ 'struct': 'Thing', 'base': 'Base', 'data': { 'size': 'int' } }

##
# @Colour:
#
# @red: a colour
##
{ 'enum': 'Colour', 'data': [ 'red' ] }

##
# @Choice:
#
# @n: a number
#
# @s: a thing
##
{ 'alternate': 'Choice', 'data': { 'n': 'int', 's': 'Thing' } }

##
# @make:
#
# @name: the name
##
{ 'command': 'make', 'data': { 'name': 'str' }, 'returns': 'Thing' }

##
# @fire:
##
{ 'command': 'fire', 'success-response': false }

##
# @MADE:
##
{ 'event': 'MADE', 'data': 'Base' }
"""



def test_plan_sorts_definitions_by_kind_and_leaves_out_what_clients_skip(
    tmp_path: Path,
) -> None:
    schema = load_schema(str(_write(tmp_path)))
    plan = DefinitionPlan.of(schema)
    assert [o.name for o in plan.objects] == ["Base", "Thing"]
    assert [e.name for e in plan.enums] == ["QType", "Colour"]  # QType is built in
    assert [a.name for a in plan.alternates] == ["Choice"]
    assert [c.name for c in plan.commands] == ["make"]
    assert [e.name for e in plan.events] == ["MADE"]
    assert [t.name for t in plan.named_types][1:] == ["Base", "Thing", "Colour", "Choice"]


def test_member_descriptions_take_the_own_doc_then_the_type_then_its_bases(tmp_path: Path) -> None:
    schema = load_schema(str(_write(tmp_path)))
    assert member_descriptions(schema, "Thing") == {"size": "how big", "id": "the identifier"}
    command = schema.doc_for("make")
    texts = member_descriptions(schema, "Base", command)
    assert texts == {"name": "the name", "id": "the identifier"}


def test_namer_keeps_names_distinct_and_tries_fallbacks_first() -> None:
    namer = Namer({"reserved"})
    assert [namer.claim(n) for n in ("a", "a", "reserved")] == ["a", "a_", "reserved_"]
    assert namer.claim("a", "b") == "b"
    assert namer.claim("a", "b") == "a__"


def test_notes_name_only_the_releases_given() -> None:
    history = ReleaseHistory((
        Release("7.2", absent_commands=("new",), absent_members=(("T", "m"),)),
        Release("10.0", optional_members=(("T", "m"),), absent_enum_values=(("E", "v"),)),
    ))
    notes = CompatNotes.from_option(history)
    assert notes.command("new") == "absent in 7.2"
    assert notes.member("T", "m") == "absent in 7.2; optional in 10.0"
    assert notes.enum_value("E", "v") == "absent in 10.0"
    assert notes.varying_commands() == ("new",)
    assert CompatNotes.from_option(()).member("T", "m") == ""


AGENT_SCHEMA = """\
{ 'pragma': { 'command-returns-exceptions': [ 'guest-sync-delimited' ] } }
{ 'command': 'guest-sync', 'data': { 'id': 'int' } }
{ 'command': 'guest-sync-delimited', 'data': { 'id': 'int' }, 'returns': 'int' }
"""


def test_protocol_is_the_guest_agents_for_guest_sync_and_no_events(tmp_path: Path) -> None:
    agent = load_schema(str(_write(tmp_path, AGENT_SCHEMA, "agent.json")))
    with_event = load_schema(str(_write(tmp_path, AGENT_SCHEMA + "{ 'event': 'UP' }\n", "e.json")))
    without_sync = load_schema(str(_write(tmp_path, "{ 'command': 'guest-ping' }\n", "p.json")))
    assert is_guest_agent_schema(agent)
    assert not is_guest_agent_schema(with_event)
    assert not is_guest_agent_schema(without_sync)
    assert [protocol_name(s, "", "x.protocol") for s in (agent, with_event, without_sync)] == [
        "qga", "qmp", "qmp"
    ]
    assert protocol_name(agent, "qmp", "x.protocol") == "qmp"
    assert protocol_name(with_event, "qga", "x.protocol") == "qga"


@pytest.mark.parametrize(
    ("sync", "problem"),
    [
        ("", "the schema has no command 'guest-sync-delimited'"),
        ("'data': { 'id': 'str' }, 'returns': 'int'", "does not take just 'id': 'int'"),
        ("'data': { 'id': 'int' }, 'returns': 'str'", "does not reply with an 'int'"),
    ],
)
def test_the_guest_agent_protocol_needs_a_sync_that_resyncs(
    tmp_path: Path, sync: str, problem: str
) -> None:
    text = "{ 'command': 'guest-sync', 'data': { 'id': 'int' } }\n"
    if sync:
        text += "{ 'pragma': { 'command-returns-exceptions': [ 'guest-sync-delimited' ] } }\n"
        text += f"{{ 'command': 'guest-sync-delimited', {sync} }}\n"
    schema = load_schema(str(_write(tmp_path, text, "agent.json")))
    with pytest.raises(BackendError) as refused:
        protocol_name(schema, "", "x.protocol")
    assert str(refused.value).startswith(
        "x.protocol: the guest agent protocol (chosen for a schema with 'guest-sync' and no"
        " events) needs 'guest-sync-delimited' with an 'id': 'int' argument that returns 'int': "
    )
    assert str(refused.value).endswith(problem)


def test_an_unknown_protocol_is_refused_naming_the_option(tmp_path: Path) -> None:
    schema = load_schema(str(_write(tmp_path, AGENT_SCHEMA, "agent.json")))
    message = r"^x.protocol: 'qapi' is not a protocol \(qmp or qga\)$"
    with pytest.raises(BackendError, match=message):
        protocol_name(schema, "qapi", "x.protocol")


def _write(tmp_path: Path, text: str = SCHEMA, name: str = "s.json") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path
