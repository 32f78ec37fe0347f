"""What an older release lacks, read off the diff's wire matching (qapi_ir.diff.history)."""

from __future__ import annotations

import json
from pathlib import Path

from qapi_backends.introspect import introspection
from qapi_ir.diff.from_ir import from_ir
from qapi_ir.diff.history import changes, release
from qapi_ir.diff.inputs import read_input
from qapi_ir.diff.lifecycle import lifecycle
from qapi_ir.frontend import load_schema
from tests.diff.helpers import write

OLD = """
{ 'enum': 'Mode', 'data': [ 'fast' ] }
{ 'struct': 'Info', 'data': { 'name': 'str', '*mode': 'Mode' } }
{ 'command': 'query-info', 'returns': [ 'Info' ] }
{ 'command': 'set-mode', 'data': { 'mode': 'Mode' } }
"""

NEW = """
{ 'enum': 'Mode', 'data': [ 'fast', 'eco' ] }
{ 'struct': 'Details', 'data': { 'name': 'str', 'mode': 'Mode', 'size': 'int' } }
{ 'command': 'query-info', 'returns': [ 'Details' ] }
{ 'command': 'set-mode', 'data': { 'mode': 'Mode', '*force': 'bool' } }
{ 'command': 'query-more', 'returns': 'Details' }
{ 'event': 'WOKEN' }
"""


def test_a_renamed_type_is_compared_with_its_older_self_by_place(tmp_path: Path) -> None:
    new = from_ir(load_schema(str(write(tmp_path, "new.json", NEW))), docs=False)
    old = read_input(str(write(tmp_path, "old.json", OLD)), docs=False)
    found = release("1.0", old, new)
    assert found.label == "1.0"
    assert found.absent_commands == ("query-more",)
    assert found.absent_events == ("WOKEN",)
    assert found.absent_members == (("Details", "size"), ("q_obj_set-mode-arg", "force"))
    assert found.optional_members == (("Details", "mode"),)
    assert found.absent_enum_values == (("Mode", "eco"),)


def test_a_saved_query_qmp_schema_reply_tells_the_same(tmp_path: Path) -> None:
    new = from_ir(load_schema(str(write(tmp_path, "new.json", NEW))), docs=False)
    old_schema = load_schema(str(write(tmp_path, "old.json", OLD)))
    reply = write(tmp_path, "old-reply.json", json.dumps({"return": introspection(old_schema)}))
    from_reply = release("1.0", read_input(str(reply), docs=False), new)
    assert from_reply == release("1.0", from_ir(old_schema, docs=False), new)


def test_types_a_release_lacks_and_definitions_it_deprecates_are_named(tmp_path: Path) -> None:
    old_text = OLD + "{ 'command': 'query-old', 'features': ['deprecated'] }\n"
    new_text = NEW + ("{ 'struct': 'Extra', 'data': { 'a': 'int' } }\n"
                      "{ 'command': 'query-extra', 'returns': 'Extra' }\n"
                      "{ 'command': 'query-old', 'features': ['deprecated'] }\n")
    new = from_ir(load_schema(str(write(tmp_path, "new.json", new_text))), docs=False)
    found = release("1.0", read_input(str(write(tmp_path, "old.json", old_text)), docs=False),
                    new)
    assert found.absent_types == ("Extra",)
    assert found.deprecated == ("query-old",)


def test_a_change_is_placed_inside_the_definition_it_is_reported_under(tmp_path: Path) -> None:
    new_text = NEW.replace("{ 'event': 'WOKEN' }", "{ 'event': 'WOKEN', 'features': ['f'] }")
    new_text = new_text.replace("'*force': 'bool' }",
                                "'*force': { 'type': 'bool', 'features': ['g'] } }")
    models = [(label, read_input(str(write(tmp_path, f"{label}.json", text)), docs=False))
              for label, text in (("1.0", NEW), ("2.0", new_text))]
    places = {(c.definition, c.path) for c in changes(lifecycle(models), "2.0")}
    assert places == {("WOKEN", "feature 'f'"), ("set-mode", "arguments.force feature 'g'")}
