"""The flag table: a flag added as one row flows through every part of qapi-build."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import jsonschema
import pytest

from qapi_backends.c import CBackend
from qapi_backends.dump import DumpBackend
from qapi_backends.introspect import IntrospectBackend
from qapi_ir import flags, ir, ir_jsonschema, regenerate, snapshot
from qapi_ir.diff.compare import compare
from qapi_ir.diff.from_introspection import from_introspection
from qapi_ir.diff.from_ir import from_ir
from qapi_ir.diff.rules import rule as diff_rule
from qapi_ir.flags import Flag, FlagDiff, FlagRule, Severity
from qapi_ir.frontend import load_schema
from qapi_ir.frontend.errors import QAPIError
from qapi_ir.language import name_stem
from qapi_ir.plugin_api import Backend, Output
from tests.conftest import REPO_ROOT

#: A pretend flag.  Its name is one the name rules refuse (the ``q_`` prefix is the
#: generator's), so no real flag, which a schema must be able to name, can ever take it.
PRETEND = Flag(
    "q-pretend", default=False, incompatible=("allow-oob",), c_option="QCO_Q_PRETEND",
    c_bit=4, introspected=True,
    diff=FlagDiff(FlagRule("q-pretend-added", Severity.COMPATIBLE, "pretending is possible"),
                  FlagRule("q-pretend-removed", Severity.BREAKING, "pretending clients fail")))

REPLAYED = "{ 'command': 'replay', 'q-pretend': true }\n"
PLAIN = "{ 'command': 'replay' }\n"


@pytest.fixture
def pretend(monkeypatch: pytest.MonkeyPatch) -> Iterator[Flag]:
    """The flag table with one more row, as a maintainer would add it."""
    assert name_stem(PRETEND.name) is None
    monkeypatch.setattr(flags, "FLAGS", (*flags.FLAGS, PRETEND))
    yield PRETEND


def _load(tmp_path: Path, text: str, name: str = "s.json") -> ir.Schema:
    path = tmp_path / name
    path.write_text(text)
    return load_schema(str(path))


def _generate(backend: Backend, schema: ir.Schema) -> dict[str, str]:
    output = Output()
    backend.generate(schema, output, {o.name: o.default for o in backend.options})
    return output.files


def test_without_its_row_the_front_end_refuses_the_flag(tmp_path: Path) -> None:
    with pytest.raises(QAPIError, match="unknown key 'q-pretend'"):
        _load(tmp_path, REPLAYED)


@pytest.mark.usefixtures("pretend")
@pytest.mark.parametrize(("text", "message"), [
    ("{ 'command': 'c', 'q-pretend': false }", "flag 'q-pretend' may only use true value"),
    ("{ 'command': 'c', 'q-pretend': true, 'allow-oob': true }",
     "flags 'q-pretend' and 'allow-oob' are incompatible"),
    ("{ 'event': 'E', 'q-pretend': true }", "unknown key 'q-pretend'"),
])
def test_the_front_end_checks_a_new_flag_by_its_row(
        tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(QAPIError, match=message):
        _load(tmp_path, text)


@pytest.mark.usefixtures("pretend")
def test_a_new_flag_reaches_the_ir_and_survives_a_snapshot(tmp_path: Path) -> None:
    schema = _load(tmp_path, REPLAYED)
    command = schema.lookup("replay")
    assert isinstance(command, ir.Command)
    assert command.flag("q-pretend")
    assert command.flags == ("gen", "success-response", "q-pretend")
    document = snapshot.to_document(schema)
    jsonschema.validate(document, ir_jsonschema.snapshot_json_schema())
    assert snapshot.from_document(json.loads(json.dumps(document))) == schema


@pytest.mark.usefixtures("pretend")
def test_backends_show_a_new_flag_by_its_columns(tmp_path: Path) -> None:
    schema = _load(tmp_path, REPLAYED)
    dump = _generate(DumpBackend(), schema)["dump.txt"]
    assert "    gen=True success_response=True boxed=False oob=False preconfig=False" \
        " q_pretend=True\n" in dump
    c_files = _generate(CBackend(), schema)
    assert "qmp_marshal_replay, QCO_Q_PRETEND, 0);" in c_files["qapi-init-commands.c"]
    introspection = _generate(IntrospectBackend(), schema)["qapi-introspect.json"]
    replay = next(i for i in json.loads(introspection) if i["name"] == "replay")
    assert replay["q-pretend"] is True


@pytest.mark.usefixtures("pretend")
def test_the_diff_classifies_a_change_of_a_new_flag_by_its_rules(tmp_path: Path) -> None:
    plain = from_ir(_load(tmp_path, PLAIN, "old.json"), docs=False)
    replayed = from_ir(_load(tmp_path, REPLAYED, "new.json"), docs=False)
    added = compare(plain, replayed).changes
    removed = compare(replayed, plain).changes
    assert [(c.rule.id, c.severity, c.detail) for c in added + removed] == [
        ("q-pretend-added", Severity.COMPATIBLE, "'q-pretend' false -> true"),
        ("q-pretend-removed", Severity.BREAKING, "'q-pretend' true -> false"),
    ]
    reply = [{"name": "replay", "meta-type": "command", "arg-type": "0", "ret-type": "0",
              "q-pretend": True},
             {"name": "0", "meta-type": "object", "members": []}]
    compared = [f.name for f in flags.flags_of("command") if f.introspected and f.diff]
    assert "allow-oob" in compared
    assert from_introspection(reply, "reply").commands["replay"].flags == {
        **dict.fromkeys(compared, False), "q-pretend": True}


def test_every_rule_of_the_flag_table_is_a_diff_rule() -> None:
    for flag in flags.FLAGS:
        if flag.diff is not None:
            for rule in (flag.diff.to_other, flag.diff.to_default):
                assert diff_rule(rule.id).into == rule.severity


@pytest.mark.usefixtures("pretend")
def test_the_dump_spells_flags_by_the_table(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spelt = attrs.evolve(PRETEND, dump_name="pretending", dump_always=True)
    monkeypatch.setattr(flags, "FLAGS", (*flags.FLAGS[:-1], spelt))
    schema = _load(tmp_path, PLAIN)
    dump = _generate(DumpBackend(), schema)["dump.txt"]
    assert "    gen=True success_response=True boxed=False oob=False preconfig=False" \
        " pretending=False\n" in dump


def test_the_c_header_stand_in_has_every_c_option_of_the_table_with_its_bit() -> None:
    header = (REPO_ROOT / "tests/backends/c/runtime/qapi/qmp-registry.h").read_text()
    declared = dict(re.findall(r"^    (QCO_\w+) = \(1U << (\d+)\),$", header, re.MULTILINE))
    assert declared == {name: str(bit) for name, bit in flags.c_options()}
    assert len(set(declared.values())) == len(declared)


@pytest.mark.usefixtures("pretend")
def test_the_c_header_values_follow_a_new_row() -> None:
    assert regenerate.c_option_values().endswith("    QCO_Q_PRETEND = (1U << 4),\n")


@pytest.mark.parametrize(("c_option", "c_bit"), [("QCO_X", None), (None, 3)])
def test_a_c_option_and_its_bit_go_together(c_option: str | None, c_bit: int | None) -> None:
    with pytest.raises(ValueError, match="flag 'q-x': c_option and c_bit go together"):
        Flag("q-x", default=False, c_option=c_option, c_bit=c_bit)
