"""The dump backend: QEMU's test-qapi.py text, computed from the IR alone."""

from __future__ import annotations

from pathlib import Path

from qapi_backends.dump import DumpBackend, condition_text, dump
from qapi_ir import ir
from qapi_ir.driver.cli import main
from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import Output
from qapi_ir.snapshot import dumps, loads

SCHEMA = """\
{ 'pragma': { 'documentation-exceptions': [ 'Colour' ] } }
##
# @Colour:
#
# A colour.
#
# @red: warm
#
# Since: 1.0
##
{ 'enum': 'Colour', 'data': [ 'red', { 'name': 'blue', 'if': 'HAVE_BLUE' } ],
  'prefix': 'COL' }
{ 'struct': 'Point', 'data': { 'x': 'int', '*tags': ['str'], 'c': 'Colour' },
  'if': { 'all': [ 'A', { 'not': 'B' } ] }, 'features': [ 'beta' ] }
{ 'union': 'Shape', 'base': { 'kind': 'Colour' }, 'discriminator': 'kind',
  'data': { 'red': 'Point' } }
{ 'alternate': 'PointOrName', 'data': { 'p': 'Point', 'n': 'str' } }
{ 'command': 'draw', 'data': { 'shape': 'Shape' }, 'returns': ['Point'],
  'coroutine': true }
{ 'command': 'clear' }
{ 'event': 'DRAWN', 'data': 'Point', 'boxed': true }
"""


def _schema(tmp_path: Path, text: str = SCHEMA) -> ir.Schema:
    path = tmp_path / "schema.json"
    path.write_text(text)
    return load_schema(str(path))


def test_condition_text_is_bare_name_or_python_repr() -> None:
    assert condition_text(ir.IfName("A")) == "A"
    nested = ir.IfAll((ir.IfName("A"), ir.IfNot(ir.IfAny((ir.IfName("B"), ir.IfName("C"))))))
    assert condition_text(nested) == "{'all': ['A', {'not': {'any': ['B', 'C']}}]}"


def test_builtin_scalars_and_arrays_are_left_out_but_predefineds_shown(tmp_path: Path) -> None:
    lines = dump(_schema(tmp_path)).splitlines()
    assert lines[:3] == ["module ./builtin", "object q_empty", "enum QType"]
    assert not any(line.startswith(("array strList", "builtin", "object str")) for line in lines)
    assert "array strList str" not in lines


def test_entities_print_with_their_detail_lines(tmp_path: Path) -> None:
    text = dump(_schema(tmp_path))
    assert (
        "enum Colour\n    prefix COL\n    member red\n    member blue\n        if HAVE_BLUE\n"
    ) in text
    assert (
        "object Point\n    member x: int optional=False\n"
        "    member tags: strList optional=True\n    member c: Colour optional=False\n"
        "    if {'all': ['A', {'not': 'B'}]}\n    feature beta\n"
    ) in text
    assert (
        "object q_obj_Shape-base\n    member kind: Colour optional=False\n"
        "object Shape\n    base q_obj_Shape-base\n    tag kind\n"
        "    case red: Point\n    case blue: q_empty\n        if HAVE_BLUE\n"
    ) in text
    assert "alternate PointOrName\n    tag type\n    case p: Point\n    case n: str\n" in text
    assert "event DRAWN Point\n    boxed=True\n" in text


def test_coroutine_flag_is_printed_only_when_set(tmp_path: Path) -> None:
    text = dump(_schema(tmp_path))
    assert (
        "command draw q_obj_draw-arg -> PointList\n"
        "    gen=True success_response=True boxed=False oob=False preconfig=False"
        " coroutine=True\n"
    ) in text
    assert (
        "command clear None -> None\n"
        "    gen=True success_response=True boxed=False oob=False preconfig=False\n"
    ) in text


def test_user_array_is_printed_in_element_module(tmp_path: Path) -> None:
    text = dump(_schema(tmp_path))
    assert "array PointList Point\n    if {'all': ['A', {'not': 'B'}]}\n" in text


def test_docs_follow_the_entities_with_args_and_sections(tmp_path: Path) -> None:
    text = dump(_schema(tmp_path))
    assert text.endswith(
        "doc symbol=Colour\n    body=\nA colour.\n    arg=red\nwarm\n    arg=blue\n\n"
        "    section=Since\n1.0\n"
    )


def test_dump_of_a_snapshot_is_byte_identical(tmp_path: Path) -> None:
    schema = _schema(tmp_path)
    assert dump(loads(dumps(schema))) == dump(schema)


def test_cli_from_ir_gives_the_same_dump_file(tmp_path: Path) -> None:
    (tmp_path / "schema.json").write_text(SCHEMA)
    direct, via_ir = tmp_path / "direct", tmp_path / "via"
    schema_path = str(tmp_path / "schema.json")
    assert main(["--backend", "dump", "-o", str(direct), schema_path]) == 0
    assert main(["--backend", "ir", "-o", str(via_ir), schema_path]) == 0
    assert main(["--from-ir", str(via_ir / "ir.json"), "--backend", "dump",
                 "-o", str(via_ir)]) == 0
    assert (via_ir / "dump.txt").read_bytes() == (direct / "dump.txt").read_bytes()


def test_backend_writes_dump_txt_from_a_hand_built_ir() -> None:
    schema = ir.Schema(
        modules=(ir.Module(ir.BUILTIN_MODULE), ir.Module("m.json")),
        entities=(
            ir.BuiltinType("int", "int"),
            ir.Event("PING", ir.Location("m.json", 1), "m.json",
                     condition=ir.IfNot(ir.IfName("X"))),
        ),
    )
    output = Output()
    DumpBackend().generate(schema, output, {})
    assert output.files == {
        "dump.txt": "module ./builtin\nmodule m.json\nevent PING None\n"
                    "    boxed=False\n    if {'not': 'X'}\n",
    }
