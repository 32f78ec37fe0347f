"""Small IR schemas built by hand for the introspection tests."""

from __future__ import annotations

from qapi_ir.ir import (
    BUILTIN_MODULE,
    AlternateType,
    ArrayType,
    Branch,
    BuiltinType,
    Command,
    EnumType,
    EnumValue,
    Event,
    Feature,
    IfAll,
    IfAny,
    IfName,
    IfNot,
    Location,
    Member,
    Module,
    ObjectType,
    Schema,
    Variants,
)

MAIN = "demo.json"
_BUILTINS = (
    ("str", "string"), ("number", "number"), ("int", "int"), ("int8", "int"),
    ("uint64", "int"), ("size", "int"), ("bool", "boolean"), ("any", "value"),
    ("null", "null"),
)  # fmt: skip


def _at(line: int) -> Location:
    return Location(MAIN, line)


def builtins() -> tuple[BuiltinType | ArrayType | ObjectType, ...]:
    """The built-in types, their arrays and ``q_empty``, as the front end defines them."""
    scalars = tuple(BuiltinType(name, json_type) for name, json_type in _BUILTINS)
    arrays = tuple(ArrayType(f"{t.name}List", None, BUILTIN_MODULE, t.name) for t in scalars)
    return (ObjectType("q_empty", None, BUILTIN_MODULE), *scalars, *arrays)


def demo_schema() -> Schema:
    """A schema touching every kind of SchemaInfo, with conditions and special features."""
    deprecated = Feature("deprecated")
    kind = EnumType(
        "Kind", _at(1), MAIN,
        (EnumValue("disk"), EnumValue("net", IfName("HAVE_NET"), (Feature("unstable"),)),
         EnumValue("old", None, (deprecated,))),
    )  # fmt: skip
    base = ObjectType(
        "q_obj_Device-base", None, MAIN,
        (Member("kind", "Kind"), Member("id", "str", optional=True)),
    )
    disk = ObjectType(
        "DiskDevice", _at(5), MAIN,
        (Member("size", "size"), Member("ro", "bool", optional=True, features=(deprecated,))),
    )
    net = ObjectType(
        "NetDevice", _at(8), MAIN, (Member("mac", "str"),), condition=IfName("HAVE_NET")
    )
    device = ObjectType(
        "Device", _at(10), MAIN, (), base="q_obj_Device-base",
        variants=Variants("kind", (
            Branch("disk", "DiskDevice"),
            Branch("net", "NetDevice", IfName("HAVE_NET")),
            Branch("old", "q_empty"),
        )),
        features=(Feature("unstable"),),
    )  # fmt: skip
    size_or_name = AlternateType(
        "SizeOrName", _at(14), MAIN,
        (Branch("size", "int8"), Branch("name", "str", IfNot(IfName("TINY")))),
    )
    add_args = ObjectType(
        "q_obj_device-add-arg", None, MAIN,
        (Member("device", "Device"), Member("hint", "SizeOrName", optional=True),
         Member("tags", "strList", optional=True, condition=IfAny((IfName("A"), IfName("B"))))),
    )  # fmt: skip
    return Schema(
        modules=(Module(BUILTIN_MODULE), Module(MAIN)),
        entities=(
            *builtins(),
            kind,
            base,
            disk,
            net,
            device,
            ArrayType("DeviceList", None, MAIN, "Device"),
            size_or_name,
            add_args,
            Command("device-add", _at(20), MAIN, arg_type="q_obj_device-add-arg"),
            Command("list-sizes", _at(22), MAIN, ret_type="uint64List",
                    flags=("gen", "success-response", "allow-oob")),
            Command(
                "old-reset", _at(24), MAIN, features=(deprecated,),
                condition=IfAll((IfName("A"), IfNot(IfName("B")))),
            ),
            Command("list-devices", _at(26), MAIN, ret_type="DeviceList"),
            Event("DEVICE_ADDED", _at(28), MAIN, arg_type="Device", flags=("boxed",)),
            Event("PING", _at(30), MAIN, features=(Feature("ping-feature", IfName("A")),)),
        ),
    )
