"""The flag table: a flag added as one row flows through every part of qapi-build."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from qapi_backends.c import CBackend
from qapi_backends.dump import DumpBackend
from qapi_backends.introspect import IntrospectBackend
from qapi_ir import flags, ir, ir_jsonschema, snapshot
from qapi_ir.diff.compare import compare
from qapi_ir.diff.from_introspection import from_introspection
from qapi_ir.diff.from_ir import from_ir
from qapi_ir.diff.rules import rule as diff_rule
from qapi_ir.flags import Flag, FlagDiff, FlagRule, Severity
from qapi_ir.frontend import load_schema
from qapi_ir.frontend.errors import QAPIError
from qapi_ir.plugin_api import Backend, Output

X_REPLAY = Flag(
    "x-replay", default=False, incompatible=("allow-oob",), c_option="QCO_X_REPLAY",
    introspected=True,
    diff=FlagDiff(FlagRule("x-replay-added", Severity.COMPATIBLE, "replay is now possible"),
                  FlagRule("x-replay-removed", Severity.BREAKING, "replaying clients fail")))

REPLAYED = "{ 'command': 'replay', 'x-replay': true }\n"
PLAIN = "{ 'command': 'replay' }\n"


@pytest.fixture
def x_replay(monkeypatch: pytest.MonkeyPatch) -> Iterator[Flag]:
    """The flag table with one more row, as a maintainer would add it."""
    monkeypatch.setattr(flags, "FLAGS", (*flags.FLAGS, X_REPLAY))
    yield X_REPLAY


def _load(tmp_path: Path, text: str, name: str = "s.json") -> ir.Schema:
    path = tmp_path / name
    path.write_text(text)
    return load_schema(str(path))


def _generate(backend: Backend, schema: ir.Schema) -> dict[str, str]:
    output = Output()
    backend.generate(schema, output, {o.name: o.default for o in backend.options})
    return output.files


def test_without_its_row_the_front_end_refuses_the_flag(tmp_path: Path) -> None:
    with pytest.raises(QAPIError, match="unknown key 'x-replay'"):
        _load(tmp_path, REPLAYED)


@pytest.mark.usefixtures("x_replay")
@pytest.mark.parametrize(("text", "message"), [
    ("{ 'command': 'c', 'x-replay': false }", "flag 'x-replay' may only use true value"),
    ("{ 'command': 'c', 'x-replay': true, 'allow-oob': true }",
     "flags 'x-replay' and 'allow-oob' are incompatible"),
    ("{ 'event': 'E', 'x-replay': true }", "unknown key 'x-replay'"),
])
def test_the_front_end_checks_a_new_flag_by_its_row(
        tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(QAPIError, match=message):
        _load(tmp_path, text)


@pytest.mark.usefixtures("x_replay")
def test_a_new_flag_reaches_the_ir_and_survives_a_snapshot(tmp_path: Path) -> None:
    schema = _load(tmp_path, REPLAYED)
    command = schema.lookup("replay")
    assert isinstance(command, ir.Command)
    assert command.flag("x-replay")
    assert command.flags == ("gen", "success-response", "x-replay")
    document = snapshot.to_document(schema)
    jsonschema.validate(document, ir_jsonschema.snapshot_json_schema())
    assert snapshot.from_document(json.loads(json.dumps(document))) == schema


@pytest.mark.usefixtures("x_replay")
def test_backends_show_a_new_flag_by_its_columns(tmp_path: Path) -> None:
    schema = _load(tmp_path, REPLAYED)
    dump = _generate(DumpBackend(), schema)["dump.txt"]
    assert "    gen=True success_response=True boxed=False oob=False preconfig=False" \
        " x_replay=True\n" in dump
    c_files = _generate(CBackend(), schema)
    assert "qmp_marshal_replay, QCO_X_REPLAY, 0);" in c_files["qapi-init-commands.c"]
    introspection = _generate(IntrospectBackend(), schema)["qapi-introspect.json"]
    replay = next(i for i in json.loads(introspection) if i["name"] == "replay")
    assert replay["x-replay"] is True


@pytest.mark.usefixtures("x_replay")
def test_the_diff_classifies_a_change_of_a_new_flag_by_its_rules(tmp_path: Path) -> None:
    plain = from_ir(_load(tmp_path, PLAIN, "old.json"), docs=False)
    replayed = from_ir(_load(tmp_path, REPLAYED, "new.json"), docs=False)
    added = compare(plain, replayed).changes
    removed = compare(replayed, plain).changes
    assert [(c.rule.id, c.severity, c.detail) for c in added + removed] == [
        ("x-replay-added", Severity.COMPATIBLE, "'x-replay' false -> true"),
        ("x-replay-removed", Severity.BREAKING, "'x-replay' true -> false"),
    ]
    reply = [{"name": "replay", "meta-type": "command", "arg-type": "0", "ret-type": "0",
              "x-replay": True},
             {"name": "0", "meta-type": "object", "members": []}]
    assert from_introspection(reply, "reply").commands["replay"].flags == {
        "allow-oob": False, "x-replay": True}


def test_every_rule_of_the_flag_table_is_a_diff_rule() -> None:
    for flag in flags.FLAGS:
        if flag.diff is not None:
            for rule in (flag.diff.to_other, flag.diff.to_default):
                assert diff_rule(rule.id).into == rule.severity
