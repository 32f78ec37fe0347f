"""A small hand-built IR covering what the C types and visitors generators handle."""

from __future__ import annotations

from qapi_ir.ir import (
    AlternateType,
    ArrayType,
    Branch,
    BuiltinType,
    EnumType,
    EnumValue,
    Feature,
    IfName,
    Include,
    Location,
    Member,
    Module,
    ObjectType,
    Schema,
    Variants,
)

MAIN = "shapes.json"
SUB = "sub/extra.json"
_AT = Location(MAIN, 1)


def sample_schema() -> Schema:
    """Built-ins, an enum, structs (with a base), a union, an alternate, an array,
    a command argument type and an include of a sub-directory module."""
    builtin = (
        BuiltinType("str", "string"),
        ArrayType("strList", None, "./builtin", "str"),
        BuiltinType("int", "int"),
        ArrayType("intList", None, "./builtin", "int"),
        BuiltinType("bool", "boolean"),
        ObjectType("q_empty", None, "./builtin"),
        EnumType(
            "QType",
            None,
            "./builtin",
            tuple(EnumValue(n) for n in ("none", "qnull", "qnum", "qstring", "qdict")),
            prefix="QTYPE",
        ),
    )
    green = IfName("CONFIG_GREEN")
    main = (
        Include(MAIN, SUB, _AT),
        EnumType(
            "Colour",
            _AT,
            MAIN,
            (
                EnumValue("red"),
                EnumValue("green", green),
                EnumValue("blue", features=(Feature("deprecated"),)),
            ),
        ),
        ObjectType(
            "Point",
            _AT,
            MAIN,
            (
                Member("x", "int"),
                Member("label", "str", optional=True),
                Member("tags", "strList", optional=True),
                Member("n", "int", optional=True, features=(Feature("unstable"),)),
            ),
        ),
        ObjectType("Point3", _AT, MAIN, (Member("z", "int", condition=green),), base="Point"),
        ObjectType("Empty", _AT, MAIN),
        ObjectType("q_obj_Shape-base", _AT, MAIN, (Member("kind", "Colour"),)),
        ObjectType(
            "Shape",
            _AT,
            MAIN,
            base="q_obj_Shape-base",
            variants=Variants(
                "kind",
                (
                    Branch("red", "Point"),
                    Branch("green", "q_empty", green),
                    Branch("blue", "Extra"),
                ),
            ),
            condition=IfName("CONFIG_SHAPES"),
        ),
        AlternateType("Alt", _AT, MAIN, (Branch("i", "int"), Branch("p", "Point"))),
        ArrayType("PointList", _AT, MAIN, "Point"),
        ObjectType(
            "q_obj_draw-arg", _AT, MAIN, (Member("shape", "Shape"), Member("at", "Point", True))
        ),
    )
    sub = (ObjectType("Extra", Location(SUB, 1), SUB, (Member("flag", "bool"),)),)
    return Schema(
        modules=(Module("./builtin"), Module(MAIN), Module(SUB)),
        entities=builtin + main + sub,
    )
