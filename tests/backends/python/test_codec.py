"""The generated codec: typed decoding, path-naming errors, version tolerance."""

from __future__ import annotations

from types import ModuleType

import pytest


def test_struct_decodes_to_dataclass_with_pythonic_names(kitchen: ModuleType) -> None:
    value = {"node-name": "n0", "if": 3, "camelCase": True, "str": "s", "unknown-members": 1}
    awkward = kitchen.codec.decode_Awkward(value, "v")
    assert awkward.node_name == "n0" and awkward.if_ == 3 and awkward.camel_case is True
    assert awkward.colour is kitchen.ABSENT
    assert kitchen.encode(awkward) == value


def test_error_names_the_path_of_the_bad_value(kitchen: ModuleType) -> None:
    tree = {"label": "root", "children": [{"label": "a"}, {"label": "b"}, {"label": 7}]}
    with pytest.raises(kitchen.DecodeError) as error:
        kitchen.codec.decode_Tree(tree, "draw: return")
    assert str(error.value) == "draw: return.children[2].label: expected string, got 7"


def test_error_quotes_the_offending_json(kitchen: ModuleType) -> None:
    value = {"value": True, "measures": [], "name": "red", "maybe": "yes"}
    with pytest.raises(kitchen.DecodeError) as error:
        kitchen.codec.decode_Holder(value, "q: return[2]")
    expected = "expected number or boolean or null or object"
    assert str(error.value) == f'q: return[2].maybe: {expected}, got "yes"'


def test_missing_mandatory_member_is_a_clear_error(kitchen: ModuleType) -> None:
    with pytest.raises(kitchen.DecodeError) as error:
        kitchen.codec.decode_Rect({"width": 1}, "r")
    assert str(error.value) == "r: missing mandatory member 'height'"


def test_integer_ranges_are_checked(kitchen: ModuleType) -> None:
    with pytest.raises(kitchen.DecodeError, match="v: 300 is out of range for int8"):
        kitchen.codec.decode_Value(300, "v")


def test_unsigned_member_rejects_negative_numbers(kitchen: ModuleType) -> None:
    with pytest.raises(kitchen.DecodeError, match=r"r\.width: -1 is out of range for uint32"):
        kitchen.codec.decode_Rect({"width": -1, "height": 1}, "r")


def test_unknown_enum_value_is_kept_and_encodes_back(kitchen: ModuleType) -> None:
    colour = kitchen.codec.DECODERS["Colour"]("ultraviolet", "c")
    assert isinstance(colour, kitchen.types.Colour)
    assert colour == "ultraviolet" and not colour.is_known
    assert kitchen.types.Colour.RED.is_known
    assert kitchen.encode(colour) == "ultraviolet"


def test_unknown_members_are_kept_aside_and_encoded_back(kitchen: ModuleType) -> None:
    value = {"width": 2, "height": 3, "depth": {"new": [1]}}
    rect = kitchen.codec.decode_Rect(value, "r")
    assert rect.unknown_members == {"depth": {"new": [1]}}
    assert kitchen.encode(rect) == value


def test_union_branch_is_chosen_by_the_tag(kitchen: ModuleType) -> None:
    shape = kitchen.codec.decode_Shape({"kind": "circle", "name": "c", "radius": 2}, "s")
    assert isinstance(shape, kitchen.types.ShapeCircleBranch)
    assert shape.kind is kitchen.types.ShapeKind.CIRCLE and shape.radius == 2.0
    assert isinstance(shape.radius, float)


def test_union_tag_without_branch_decodes_to_the_base_class(kitchen: ModuleType) -> None:
    shape = kitchen.codec.decode_Shape({"kind": "dot", "name": "d"}, "s")
    assert type(shape) is kitchen.types.Shape
    assert kitchen.encode(shape) == {"kind": "dot", "name": "d"}


def test_union_with_unknown_tag_keeps_its_members(kitchen: ModuleType) -> None:
    value = {"kind": "hexagon", "name": "h", "sides": 6}
    shape = kitchen.codec.decode_Shape(value, "s")
    assert type(shape) is kitchen.types.Shape and not shape.kind.is_known
    assert shape.unknown_members == {"sides": 6}
    assert kitchen.encode(shape) == value


def test_branch_subclass_fixes_its_tag(kitchen: ModuleType) -> None:
    rect = kitchen.types.ShapeRectBranch(name="r", width=1, height=2)
    assert kitchen.encode(rect) == {"kind": "rect", "name": "r", "width": 1, "height": 2}


def test_alternate_is_decoded_by_json_type(kitchen: ModuleType) -> None:
    decode = kitchen.codec.decode_Value
    assert decode(5, "v") == 5
    assert decode(True, "v") is True
    assert decode(None, "v") is None
    assert isinstance(decode({"kind": "dot", "name": "d"}, "v"), kitchen.types.Shape)
    with pytest.raises(kitchen.DecodeError, match=r"v: expected int8, got 1\.5"):
        decode(1.5, "v")


def test_number_branch_accepts_integers_as_qemu_does(kitchen: ModuleType) -> None:
    measure = kitchen.codec.decode_Measure(3, "m")
    assert measure == 3.0 and isinstance(measure, float)
    assert kitchen.codec.decode_Measure([{"label": "x"}], "m")[0].label == "x"


def test_absent_is_not_null(kitchen: ModuleType) -> None:
    base = {"value": None, "measures": [], "name": "red"}
    absent = kitchen.codec.decode_Holder(base, "h")
    null = kitchen.codec.decode_Holder({**base, "maybe": None}, "h")
    assert absent.maybe is kitchen.ABSENT and null.maybe is None
    assert "maybe" not in kitchen.encode(absent)
    assert kitchen.encode(null)["maybe"] is None


def test_decode_by_class_checks_union_branches(kitchen: ModuleType) -> None:
    value = {"kind": "circle", "name": "c", "radius": 1}
    assert isinstance(kitchen.decode(kitchen.types.Shape, value), kitchen.types.ShapeCircleBranch)
    with pytest.raises(kitchen.DecodeError, match="expected ShapeRectBranch"):
        kitchen.decode(kitchen.types.ShapeRectBranch, value)


def test_unknown_event_is_kept_as_json(kitchen: ModuleType) -> None:
    message = {"event": "NEW", "data": {"x": 1}, "timestamp": {"seconds": 1, "microseconds": 2}}
    event = kitchen.decode_event(message)
    assert isinstance(event, kitchen.UnknownEvent) and event.data == {"x": 1}
    assert kitchen.encode(event) == message


def test_event_without_data_encodes_without_data(kitchen: ModuleType) -> None:
    message = {"event": "TICK", "timestamp": {"seconds": 1, "microseconds": 2}}
    event = kitchen.decode_event(message)
    assert isinstance(event, kitchen.events.TickEvent)
    assert kitchen.encode(event) == message
    unknown = {"event": "NEW", "timestamp": {"seconds": 1, "microseconds": 2}}
    assert kitchen.encode(kitchen.decode_event(unknown)) == unknown


def test_boxed_event_holds_its_data_object(kitchen: ModuleType) -> None:
    data = {"kind": "circle", "name": "c", "radius": 1.0}
    stamp = {"seconds": 1, "microseconds": 0}
    message = {"event": "SHAPE_CHANGED", "data": data, "timestamp": stamp}
    event = kitchen.decode_event(message)
    assert isinstance(event, kitchen.events.ShapeChangedEvent)
    assert isinstance(event.data, kitchen.types.ShapeCircleBranch)
    assert kitchen.encode(event) == message
