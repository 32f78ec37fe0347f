"""QEMU's C naming rules: identifiers, enum constants, C types, file names, conditions."""

from __future__ import annotations

import pytest

from qapi_backends.c.cond import cgen_ifcond, wrap_if
from qapi_backends.c.modules import ModuleNames, guard_name
from qapi_backends.c.naming import (
    c_decl,
    c_enum_const,
    c_name,
    c_param_type,
    c_type,
    c_unboxed_type,
    camel_to_upper,
    visit_type_fn,
)
from qapi_ir.ir import (
    AlternateType,
    ArrayType,
    Branch,
    BuiltinType,
    EnumType,
    EnumValue,
    IfAll,
    IfAny,
    IfName,
    IfNot,
    Member,
    ObjectType,
    Schema,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("foo-bar.baz", "foo_bar_baz"),
        ("if", "q_if"),
        ("unix", "q_unix"),
        ("and_eq", "q_and_eq"),
        ("0day", "q_0day"),
        ("__org.qemu_x-Enum", "__org_qemu_x_Enum"),
    ],
)
def test_c_name_replaces_punctuation_and_protects_reserved_words(name: str, expected: str) -> None:
    assert c_name(name) == expected


def test_c_name_without_protection_keeps_reserved_words() -> None:
    assert c_name("if", protect=False) == "if"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ENUMName", "ENUM_NAME"),
        ("EnumName1", "ENUM_NAME1"),
        ("ENUM_NAME", "ENUM_NAME"),
        ("ENUM_Name2", "ENUM_NAME2"),
        ("ENUM24_Name", "ENUM24_NAME"),
        ("QCryptoTLSCredsEndpoint", "QCRYPTO_TLS_CREDS_ENDPOINT"),
        ("__org.qemu_x-Enum", "ORG_QEMU_X_ENUM"),
    ],
)
def test_camel_to_upper_inserts_underscores_at_case_changes(value: str, expected: str) -> None:
    assert camel_to_upper(value) == expected


def test_enum_constant_uses_type_name_or_explicit_prefix() -> None:
    assert c_enum_const("QEnumTwo", "value-1") == "QENUM_TWO_VALUE_1"
    assert c_enum_const("QType", "qnull", "QTYPE") == "QTYPE_QNULL"
    assert c_enum_const("MyEnum", "_MAX") == "MY_ENUM__MAX"


def _schema() -> Schema:
    return Schema(
        modules=(),
        entities=(
            BuiltinType("str", "string"),
            BuiltinType("int", "int"),
            EnumType("Colour", None, "m.json", (EnumValue("red"),)),
            ObjectType("Point", None, "m.json", (Member("x", "int"),)),
            ArrayType("PointList", None, "m.json", "Point"),
            AlternateType("Alt", None, "m.json", (Branch("i", "int"),)),
        ),
    )


@pytest.mark.parametrize(
    ("name", "ctype", "param", "unboxed"),
    [
        ("str", "char *", "const char *", "char *"),
        ("int", "int64_t", "int64_t", "int64_t"),
        ("Colour", "Colour", "Colour", "Colour"),
        ("Point", "Point *", "Point *", "Point"),
        ("PointList", "PointList *", "PointList *", "PointList *"),
        ("Alt", "Alt *", "Alt *", "Alt *"),
    ],
)
def test_c_types_of_each_kind_of_type(name: str, ctype: str, param: str, unboxed: str) -> None:
    schema = _schema()
    assert (c_type(schema, name), c_param_type(schema, name)) == (ctype, param)
    assert c_unboxed_type(schema, name) == unboxed


def test_c_decl_eats_the_space_after_a_pointer() -> None:
    assert c_decl("char *", "name") == "char *name"
    assert c_decl("int64_t", "count") == "int64_t count"


def test_visitor_function_keeps_builtin_names() -> None:
    assert visit_type_fn(_schema(), "str") == "visit_type_str"
    assert visit_type_fn(_schema(), "PointList") == "visit_type_PointList"


def test_conditions_render_as_c_with_parentheses_only_where_nested() -> None:
    cond = IfAll((IfName("A"), IfNot(IfAny((IfName("B"), IfName("C"))))))
    assert cgen_ifcond(cond) == "defined(A) && !(defined(B) || defined(C))"
    assert cgen_ifcond(IfNot(IfName("X"))) == "!defined(X)"
    assert cgen_ifcond(None) == ""


def test_wrap_if_keeps_a_leading_blank_line_outside_and_skips_empty_text() -> None:
    cond = IfName("CONFIG_X")
    wrapped = wrap_if(cond, "\nint x;\n")
    assert wrapped == "\n#if defined(CONFIG_X)\nint x;\n#endif /* defined(CONFIG_X) */\n"
    assert wrap_if(cond, "") == ""


NAMES = ModuleNames("test-", "schema.json")


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("schema.json", "test-qapi-types"),
        ("sub/other.json", "sub/test-qapi-types-other"),
        ("./builtin", "qapi-builtin-types"),
    ],
)
def test_module_file_names(module: str, expected: str) -> None:
    assert NAMES.filename("qapi-types", module) == expected


def test_system_modules_splice_their_name_into_the_kind() -> None:
    assert NAMES.filename("qapi-commands", "./init") == "test-qapi-init-commands"
    assert NAMES.filename("qapi-events", "./emit") == "test-qapi-emit-events"


def test_includes_are_relative_to_the_including_header() -> None:
    assert NAMES.include("qapi-types", "sub/other.json", "third.json") == (
        "../test-qapi-types-third"
    )
    assert NAMES.include("qapi-types", "schema.json", "sub/other.json") == (
        "sub/test-qapi-types-other"
    )


def test_guard_name_upper_cases_the_path() -> None:
    assert guard_name("sub/test-qapi-types-other.h") == "SUB_TEST_QAPI_TYPES_OTHER_H"
