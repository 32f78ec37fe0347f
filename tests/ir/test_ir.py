"""The IR's own helpers: condition words and the schema's lookups."""

from __future__ import annotations

import pytest

from qapi_ir import ir

LOC = ir.Location("m.json", 1)


def _schema() -> ir.Schema:
    return ir.Schema(
        modules=(ir.Module(ir.BUILTIN_MODULE), ir.Module("m.json"), ir.Module("sub.json")),
        entities=(
            ir.BuiltinType("int", "int"),
            ir.ObjectType("Base", LOC, "sub.json", (ir.Member("a", "int"),)),
            ir.ObjectType("Mid", LOC, "m.json", (ir.Member("b", "int"),), base="Base"),
            ir.ObjectType("Top", LOC, "m.json", (ir.Member("c", "int", True),), base="Mid"),
            ir.Include("m.json", "sub.json", LOC),
            ir.Command("go", LOC, "m.json", arg_type="Top"),
        ),
        docs=(ir.Doc(LOC, "go", ir.DocSection("Plain", "Go.", LOC)),
              ir.Doc(LOC, None, ir.DocSection("Plain", "= Title", LOC))),
    )


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        (ir.IfName("A"), "A"),
        (ir.IfNot(ir.IfName("A")), "not A"),
        (ir.IfAll((ir.IfName("A"), ir.IfNot(ir.IfName("B")))), "A and not B"),
        (ir.IfAll((ir.IfName("A"), ir.IfAny((ir.IfName("B"), ir.IfName("C"))))),
         "A and (B or C)"),
        (ir.IfNot(ir.IfAny((ir.IfName("B"), ir.IfName("C")))), "not (B or C)"),
        (ir.IfAny((ir.IfAll((ir.IfName("A"),)), ir.IfName("B"))), "A or B"),
    ],
)
def test_condition_text_brackets_only_nested_groups(condition: ir.Condition, words: str) -> None:
    assert ir.condition_text(condition) == words


def test_all_members_puts_base_members_first_recursively() -> None:
    schema = _schema()
    assert [m.name for m in schema.all_members(schema.object_type("Top"))] == ["a", "b", "c"]


def test_lookup_distinguishes_types_from_commands() -> None:
    schema = _schema()
    assert isinstance(schema.lookup("go"), ir.Command)
    assert schema.lookup_type("go") is None
    assert schema.lookup_type("Base") is schema.type("Base")
    with pytest.raises(KeyError):
        schema.type("go")


def test_module_entities_keep_definition_order_and_includes() -> None:
    kinds = [type(e).__name__ for e in _schema().module_entities("m.json")]
    assert kinds == ["ObjectType", "ObjectType", "Include", "Command"]


def test_main_module_is_the_first_that_is_not_builtin() -> None:
    main = _schema().main_module
    assert main is not None and main.name == "m.json"


def test_doc_for_finds_definition_docs_only() -> None:
    schema = _schema()
    doc = schema.doc_for("go")
    assert doc is not None and doc.body.text == "Go."
    assert schema.doc_for("Top") is None
