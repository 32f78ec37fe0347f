"""SchemaInfo as QEMU's introspect.py computes it: order, masking, folding, conditions."""

from __future__ import annotations

from typing import Any

import pytest

from qapi_backends.introspect import introspection
from qapi_backends.introspect.schema_info import Annotated, evaluate, schema_info
from qapi_ir.ir import IfAll, IfAny, IfName, IfNot
from tests.backends.introspect.schemas import demo_schema

ALL = ("HAVE_NET", "A", "B", "TINY")
FULL = ("HAVE_NET", "A")


def _infos(defines: tuple[str, ...]) -> list[Any]:
    return introspection(demo_schema(), defines)


def _by_name(infos: list[Any]) -> dict[str, Any]:
    return {info["name"]: info for info in infos}


def test_commands_and_events_come_first_in_definition_order() -> None:
    infos = _infos(FULL)
    heads = [(i["meta-type"], i["name"]) for i in infos[:6]]
    assert heads == [
        ("command", "device-add"), ("command", "list-sizes"), ("command", "old-reset"),
        ("command", "list-devices"), ("event", "DEVICE_ADDED"), ("event", "PING"),
    ]  # fmt: skip


def test_types_are_masked_in_order_of_first_use_and_listed_once() -> None:
    infos = _infos(FULL)
    names = [i["name"] for i in infos[6:]]
    assert len(names) == len(set(names))
    masked = [n for n in names if n.isdigit()]
    assert masked == sorted(masked, key=int) == [str(n) for n in range(len(masked))]
    assert _by_name(infos)["device-add"]["arg-type"] == "0"


def test_masked_numbers_do_not_depend_on_defines() -> None:
    full = _by_name(introspection(demo_schema(), FULL))
    bare = _by_name(introspection(demo_schema(), ()))
    assert set(bare) < set(full)
    for name, info in bare.items():
        assert info["meta-type"] == full[name]["meta-type"]
    assert bare["list-devices"]["ret-type"] == full["list-devices"]["ret-type"] == "[2]"


def test_integer_types_fold_into_int_and_their_arrays_into_int_list() -> None:
    infos = _by_name(introspection(demo_schema(), FULL))
    assert infos["list-sizes"]["ret-type"] == "[int]"
    assert infos["[int]"] == {"name": "[int]", "meta-type": "array", "element-type": "int"}
    assert infos["3"]["members"] == [{"type": "int"}, {"type": "str"}]
    assert not {"int8", "uint64", "size"} & set(infos)


def test_optional_members_have_a_null_default() -> None:
    members = _by_name(introspection(demo_schema(), ALL))["0"]["members"]
    assert members[0] == {"name": "device", "type": "2"}
    assert members[1] == {"name": "hint", "type": "3", "default": None}


def test_union_lists_base_members_tag_and_variants() -> None:
    device = _by_name(introspection(demo_schema(), ALL))["2"]
    assert [m["name"] for m in device["members"]] == ["kind", "id"]
    assert device["tag"] == "kind"
    assert [v["case"] for v in device["variants"]] == ["disk", "net", "old"]
    assert device["features"] == ["unstable"]


def test_false_conditions_remove_entities_members_values_and_features() -> None:
    infos = _by_name(introspection(demo_schema(), ()))
    assert "old-reset" not in infos
    assert [v["case"] for v in infos["2"]["variants"]] == ["disk", "old"]
    assert infos["4"]["values"] == ["disk", "old"]
    assert [m["name"] for m in infos["0"]["members"]] == ["device", "hint"]
    assert "features" in infos["PING"] and infos["PING"]["features"] == []
    assert "old-reset" not in _by_name(introspection(demo_schema(), ("A", "B")))


def test_unmask_keeps_type_names_and_drops_comments() -> None:
    infos = _by_name(introspection(demo_schema(), ALL, unmask=True))
    assert infos["device-add"]["arg-type"] == "q_obj_device-add-arg"
    assert infos["list-devices"]["ret-type"] == "[Device]"
    assert all(e.comment is None for e in schema_info(demo_schema(), unmask=True))


def test_masked_entries_carry_a_comment_naming_the_type() -> None:
    comments = [e.comment for e in schema_info(demo_schema()) if e.comment]
    assert comments[:2] == ['"0" = q_obj_device-add-arg', '"1" = q_empty']


def test_entries_keep_their_ir_condition() -> None:
    entries = schema_info(demo_schema())
    old_reset = next(e for e in entries if isinstance(e.value, dict)
                     and e.value["name"] == "old-reset")
    assert old_reset == Annotated(old_reset.value, IfAll((IfName("A"), IfNot(IfName("B")))))


@pytest.mark.parametrize(
    ("defines", "expected"),
    [((), False), (("A",), True), (("A", "B"), False), (("C",), True), (("B", "C"), True)],
)
def test_conditions_evaluate_like_the_preprocessor(
    defines: tuple[str, ...], expected: bool
) -> None:
    cond = IfAny((IfAll((IfName("A"), IfNot(IfName("B")))), IfName("C")))
    assert evaluate(cond, defines) is expected
