"""Lowering: what the IR of a small valid schema looks like."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir import ir
from qapi_ir.frontend import load_schema
from qapi_ir.frontend.lower import lower_condition


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run every test in its own directory, so module names are relative to it."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def load(text: str, name: str = "s.json") -> ir.Schema:
    Path(name).write_text(text)
    return load_schema(name)


def user_entities(schema: ir.Schema) -> list[ir.Entity]:
    return [e for e in schema.entities if e.module != ir.BUILTIN_MODULE]


def test_builtin_module_holds_scalars_their_arrays_q_empty_and_qtype() -> None:
    schema = load("")
    builtin = schema.module_entities(ir.BUILTIN_MODULE)
    names = [e.name for e in builtin if not isinstance(e, ir.Include)]
    assert names[:4] == ["str", "strList", "number", "numberList"]
    assert names[-2:] == ["q_empty", "QType"]
    assert schema.type("int") == ir.BuiltinType("int", "int")
    assert schema.type("anyList") == ir.ArrayType("anyList", None, ir.BUILTIN_MODULE, "any")
    qtype = schema.type("QType")
    assert isinstance(qtype, ir.EnumType)
    assert [v.name for v in qtype.values][:2] == ["none", "qnull"]


def test_command_data_becomes_an_implicit_argument_type_defined_first() -> None:
    schema = load("{ 'command': 'do-it', 'data': { 'a': 'int', '*b': ['str'] },\n"
                  "  'returns': 'Res', 'if': 'CONFIG_X' }\n"
                  "{ 'struct': 'Res', 'data': {} }")
    assert [e.name for e in user_entities(schema)] == [  # type: ignore[union-attr]
        "q_obj_do-it-arg", "do-it", "Res"]
    arg = schema.object_type("q_obj_do-it-arg")
    assert arg.is_implicit
    assert arg.condition == ir.IfName("CONFIG_X")
    assert arg.members == (ir.Member("a", "int"), ir.Member("b", "strList", optional=True))
    command = schema.lookup("do-it")
    assert isinstance(command, ir.Command)
    assert (command.arg_type, command.ret_type) == ("q_obj_do-it-arg", "Res")
    assert command.location == ir.Location("s.json", 1)


def test_empty_command_data_gives_no_argument_type() -> None:
    command = load("{ 'command': 'nop', 'data': {} }").lookup("nop")
    assert isinstance(command, ir.Command)
    assert command.arg_type is None


def test_union_gets_implicit_base_and_q_empty_branches_for_unlisted_values() -> None:
    schema = load("{ 'enum': 'Kind', 'data': ['a', { 'name': 'b', 'if': 'B' }, 'c'] }\n"
                  "{ 'struct': 'Sa', 'data': { 'x': 'int' } }\n"
                  "{ 'union': 'Uni', 'base': { 'kind': 'Kind' }, 'discriminator': 'kind',\n"
                  "  'data': { 'c': 'Sa' } }")
    union = schema.object_type("Uni")
    assert union.base == "q_obj_Uni-base"
    assert union.members == ()
    assert union.variants == ir.Variants("kind", (
        ir.Branch("c", "Sa"),
        ir.Branch("a", "q_empty"),
        ir.Branch("b", "q_empty", ir.IfName("B")),
    ))
    assert [m.name for m in schema.all_members(union)] == ["kind"]


def test_arrays_are_defined_at_first_use_in_the_element_types_module() -> None:
    Path("sub.json").write_text("{ 'struct': 'Elem', 'data': {} }\n")
    schema = load("{ 'include': 'sub.json' }\n"
                  "{ 'struct': 'Holder', 'data': { 'e': ['Elem'], 'n': ['int'] } }")
    array = schema.type("ElemList")
    assert isinstance(array, ir.ArrayType)
    assert array.module == "sub.json"
    assert array.location == ir.Location("s.json", 2)
    assert [m.name for m in schema.modules] == [ir.BUILTIN_MODULE, "s.json", "sub.json"]
    assert [getattr(e, "name", None) for e in schema.module_entities("sub.json")] == [
        "Elem", "ElemList"]


def test_includes_are_entities_naming_their_target_module() -> None:
    Path("inc").mkdir()
    Path("inc/sub.json").write_text("{ 'enum': 'Status', 'data': ['good'] }\n")
    schema = load("{ 'include': 'inc/sub.json' }\n{ 'include': 'inc/sub.json' }")
    includes = [e for e in schema.entities if isinstance(e, ir.Include)]
    assert includes == [
        ir.Include("s.json", "inc/sub.json", ir.Location("s.json", 1)),
        ir.Include("s.json", "inc/sub.json", ir.Location("s.json", 2)),
    ]
    status = schema.lookup("Status")
    assert isinstance(status, ir.EnumType)
    assert status.location == ir.Location("inc/sub.json", 1)


def test_module_names_are_relative_to_the_main_schema_directory() -> None:
    Path("dir").mkdir()
    Path("dir/main.json").write_text("{ 'include': 'sub.json' }\n")
    Path("dir/sub.json").write_text("{ 'enum': 'Status', 'data': ['good'] }\n")
    schema = load_schema("dir/main.json")
    assert [m.name for m in schema.modules] == [ir.BUILTIN_MODULE, "main.json", "sub.json"]
    status = schema.module_entities("sub.json")[0]
    assert isinstance(status, ir.EnumType)
    assert status.location == ir.Location("dir/sub.json", 1)


@pytest.mark.parametrize(
    ("raw", "tree"),
    [
        ("A", ir.IfName("A")),
        ({"not": "A"}, ir.IfNot(ir.IfName("A"))),
        ({"all": ["A", {"any": ["B", "C"]}]},
         ir.IfAll((ir.IfName("A"), ir.IfAny((ir.IfName("B"), ir.IfName("C")))))),
        (None, None),
    ],
)
def test_conditions_become_trees(raw: object, tree: ir.Condition | None) -> None:
    assert lower_condition(raw) == tree


def test_features_keep_their_conditions_and_flags_are_lowered() -> None:
    schema = load("{ 'command': 'cmd', 'features': ['deprecated', { 'name': 'f', 'if': 'X' }],\n"
                  "  'allow-preconfig': true, 'coroutine': true, 'gen': false }")
    command = schema.lookup("cmd")
    assert isinstance(command, ir.Command)
    assert command.features == (ir.Feature("deprecated"), ir.Feature("f", ir.IfName("X")))
    assert command.flags == ("success-response", "allow-preconfig", "coroutine")
    assert [command.flag(name) for name in ("gen", "allow-preconfig", "coroutine", "allow-oob")] \
        == [False, True, True, False]


def test_enum_values_and_members_keep_conditions_and_features() -> None:
    schema = load("{ 'enum': 'Enu', 'prefix': 'PFX', 'data': [\n"
                  "  { 'name': 'one', 'if': { 'not': 'A' }, 'features': ['unstable'] } ] }\n"
                  "{ 'event': 'EVT',\n"
                  "  'data': { 'v': { 'type': 'Enu', 'features': ['deprecated'] } } }")
    enum = schema.type("Enu")
    assert isinstance(enum, ir.EnumType)
    assert enum.prefix == "PFX"
    assert enum.values == (ir.EnumValue("one", ir.IfNot(ir.IfName("A")),
                                        (ir.Feature("unstable"),)),)
    arg = schema.object_type("q_obj_EVT-arg")
    assert arg.members[0].features == (ir.Feature("deprecated"),)


DOC_SCHEMA = """\
##
# = Title
##

##
# @cmd:
#
# Does things.
#
# @a: the first
#
# Features:
# @unstable: not yet
#
# Returns: nothing much
#
# Since: 1.0
##
{ 'command': 'cmd', 'data': { 'a': 'int', 'b': 'str' }, 'returns': 'Res',
  'features': ['unstable'] }
{ 'struct': 'Res', 'data': {} }
"""


def test_docs_are_lowered_with_connected_members_and_stub_sections() -> None:
    Path("s.json").write_text(
        "{ 'pragma': { 'documentation-exceptions': ['cmd', 'Res'] } }\n" + DOC_SCHEMA)
    schema = load_schema("s.json")
    freeform, doc = schema.docs
    assert freeform.symbol is None
    assert freeform.body.text == "= Title"
    assert doc is schema.doc_for("cmd")
    assert doc.body == ir.DocSection("Plain", "Does things.", ir.Location("s.json", 9))
    assert [(s.kind, s.name, s.text) for s in doc.args] == [
        ("Member", "a", "the first"), ("Member", "b", "")]
    assert [(s.kind, s.name, s.text) for s in doc.features] == [
        ("Feature", "unstable", "not yet")]
    assert [(s.kind, s.text) for s in doc.sections] == [
        ("Returns", "nothing much"), ("Since", "1.0")]


FEATURES = "'features': [ 'feat-plain', { 'name': 'feat-cond', 'if': 'CONFIG_F' } ]"
LOWERED_FEATURES = (ir.Feature("feat-plain"), ir.Feature("feat-cond", ir.IfName("CONFIG_F")))
DEFINITIONS = {
    "enum": "{ 'enum': 'Def', 'data': [ 'a' ], %s, 'if': 'CONFIG_D' }",
    "struct": "{ 'struct': 'Def', 'data': { 'm': 'int' }, %s, 'if': 'CONFIG_D' }",
    "union": "{ 'enum': 'Tag', 'data': [ 'a' ] }\n"
             "{ 'struct': 'Branch', 'data': { 'b': 'int' } }\n"
             "{ 'union': 'Def', 'base': { 'tag': 'Tag' }, 'discriminator': 'tag',"
             " 'data': { 'a': 'Branch' }, %s, 'if': 'CONFIG_D' }",
    "alternate": "{ 'alternate': 'Def', 'data': { 'i': 'int', 'b': 'bool' }, %s,"
                 " 'if': 'CONFIG_D' }",
    "command": "{ 'command': 'def', 'data': { 'm': 'int' }, %s, 'if': 'CONFIG_D' }",
    "boxed command": "{ 'struct': 'Args', 'data': { 'm': 'int' } }\n"
                     "{ 'command': 'def', 'data': 'Args', 'boxed': true, %s, 'if': 'CONFIG_D' }",
    "event": "{ 'event': 'DEF', 'data': { 'm': 'int' }, %s, 'if': 'CONFIG_D' }",
}


@pytest.mark.parametrize("kind", DEFINITIONS)
def test_features_and_condition_of_every_kind_of_definition_are_lowered(kind: str) -> None:
    name = {"command": "def", "boxed command": "def", "event": "DEF"}.get(kind, "Def")
    definition = load(DEFINITIONS[kind] % FEATURES).lookup(name)
    assert isinstance(definition, ir.EnumType | ir.ObjectType | ir.AlternateType
                      | ir.Command | ir.Event)
    assert definition.features == LOWERED_FEATURES
    assert definition.condition == ir.IfName("CONFIG_D")


@pytest.mark.parametrize("kind", ["struct", "command", "event"])
def test_features_and_conditions_of_members_are_lowered(kind: str) -> None:
    name = {"struct": "Def", "command": "def", "event": "DEF"}[kind]
    # conditional arguments of a command or an event need 'boxed': true
    condition = "'if': 'CONFIG_M', " if kind == "struct" else ""
    member = f"{{ 'type': 'int', {condition}{FEATURES} }}"
    schema = load(f"{{ '{kind}': '{name}', 'data': {{ 'm': {member} }} }}")
    definition = schema.lookup(name)
    assert definition is not None
    holder = (schema.object_type(definition.arg_type)
              if isinstance(definition, ir.Command | ir.Event) and definition.arg_type
              else definition)
    assert isinstance(holder, ir.ObjectType)
    [member] = holder.members
    assert (member.features, member.condition) == (
        LOWERED_FEATURES, ir.IfName("CONFIG_M") if condition else None)


def test_features_and_conditions_of_enum_values_and_branches_are_lowered() -> None:
    schema = load(
        f"{{ 'enum': 'Tag', 'data': [ {{ 'name': 'a', 'if': 'CONFIG_V', {FEATURES} }} ] }}\n"
        "{ 'struct': 'Branch', 'data': { 'b': 'int' } }\n"
        "{ 'union': 'Union', 'base': { 'tag': 'Tag' }, 'discriminator': 'tag',"
        " 'data': { 'a': { 'type': 'Branch', 'if': 'CONFIG_V' } } }\n"
        "{ 'alternate': 'Alt', 'data': { 'i': { 'type': 'int', 'if': 'CONFIG_A' } } }")
    tag = schema.type("Tag")
    union = schema.object_type("Union")
    alternate = schema.type("Alt")
    assert isinstance(tag, ir.EnumType) and isinstance(alternate, ir.AlternateType)
    assert (tag.values[0].features, tag.values[0].condition) == (
        LOWERED_FEATURES, ir.IfName("CONFIG_V"))
    assert union.variants is not None
    assert union.variants.branches[0].condition == ir.IfName("CONFIG_V")
    assert alternate.branches[0].condition == ir.IfName("CONFIG_A")


def test_a_struct_base_keeps_its_features_and_the_derived_struct_its_own() -> None:
    schema = load(f"{{ 'struct': 'Base', 'data': {{ 'b': 'int' }}, {FEATURES} }}\n"
                  "{ 'struct': 'Derived', 'base': 'Base', 'data': { 'd': 'int' },"
                  " 'features': [ 'feat-derived' ] }")
    assert schema.object_type("Base").features == LOWERED_FEATURES
    derived = schema.object_type("Derived")
    assert (derived.base, derived.features) == ("Base", (ir.Feature("feat-derived"),))
