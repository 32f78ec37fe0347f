"""The generated client, driven through a stand-in for ``qemu.qmp.QMPClient``."""

from __future__ import annotations

import asyncio
import inspect
import warnings
from types import ModuleType

import pytest
from qemu.qmp import ExecuteError, Message
from qemu.qmp.models import ErrorResponse

from tests.backends.python.conftest import FakeQMP


def test_arguments_are_keyword_only_and_absent_ones_are_not_sent(kitchen: ModuleType) -> None:
    fake = FakeQMP({"label": "t"})
    client = kitchen.Client(qmp=fake)
    shape = kitchen.types.ShapeCircleBranch(name="c", radius=1.0)
    tree = asyncio.run(client.draw(shape=shape, if_=True))
    assert tree == kitchen.types.Tree(label="t")
    assert fake.sent == [
        ("draw", {"shape": {"kind": "circle", "name": "c", "radius": 1.0}, "if": True})
    ]
    parameters = inspect.signature(client.draw).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    assert inspect.signature(client.draw).parameters["times"].default is kitchen.ABSENT


def test_boxed_command_takes_its_argument_object(kitchen: ModuleType) -> None:
    fake = FakeQMP([{"value": 1, "measures": [2.5], "name": "red"}])
    client = kitchen.Client(qmp=fake)
    holders = asyncio.run(client.draw_boxed(kitchen.types.Shape(kind="dot", name="d")))
    assert fake.sent == [("draw-boxed", {"kind": "dot", "name": "d"})]
    assert holders[0].measures == (2.5,) and holders[0].name is kitchen.types.Colour.RED


def test_reply_errors_name_the_command_and_path(kitchen: ModuleType) -> None:
    good = {"value": 1, "measures": [], "name": "red"}
    fake = FakeQMP([good, good, {**good, "value": "yes"}])
    client = kitchen.Client(qmp=fake)
    with pytest.raises(kitchen.DecodeError) as error:
        asyncio.run(client.draw_boxed(kitchen.types.Shape(kind="dot", name="d")))
    assert str(error.value).startswith("draw-boxed: return[2].value: expected")


def test_qmp_error_becomes_command_error_with_class_and_description(kitchen: ModuleType) -> None:
    reply = Message({"error": {"class": "GenericError", "desc": "no such shape"}})
    failure = ExecuteError(ErrorResponse(reply), Message({"execute": "draw"}), reply)
    client = kitchen.Client(qmp=FakeQMP(failure))
    with pytest.raises(kitchen.CommandError) as error:
        asyncio.run(client.draw(shape=kitchen.types.Shape(kind="dot", name="d")))
    assert error.value.error_class == "GenericError"
    assert error.value.description == "no such shape"
    assert error.value.command == "draw"


def test_deprecated_command_warns_when_called(kitchen: ModuleType) -> None:
    client = kitchen.Client(qmp=FakeQMP({}))
    with pytest.warns(DeprecationWarning, match="'old-draw' is deprecated"):
        asyncio.run(client.old_draw())


def test_unstable_command_warns_when_called(kitchen: ModuleType) -> None:
    client = kitchen.Client(qmp=FakeQMP({}))
    with pytest.warns(kitchen.UnstableWarning, match="'x-new-draw' is unstable"):
        asyncio.run(client.x_new_draw())


def test_plain_command_does_not_warn(kitchen: ModuleType) -> None:
    client = kitchen.Client(qmp=FakeQMP({"label": "t"}))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        asyncio.run(client.draw(shape=kitchen.types.Shape(kind="dot", name="d")))


def test_events_are_yielded_typed(kitchen: ModuleType) -> None:
    stamp = {"seconds": 5, "microseconds": 6}
    messages = (
        {"event": "TICK", "timestamp": stamp},
        {"event": "DRAWN", "data": {"shape": {"kind": "dot", "name": "d"}}, "timestamp": stamp},
    )
    client = kitchen.Client(qmp=FakeQMP(events=messages))

    async def collect() -> list[object]:
        return [event async for event in client.events()]

    tick, drawn = asyncio.run(collect())
    assert isinstance(tick, kitchen.events.TickEvent)
    assert tick.timestamp == kitchen.runtime.Timestamp(5, 6)
    assert isinstance(drawn, kitchen.events.DrawnEvent) and drawn.count is kitchen.ABSENT


def test_docstrings_come_from_doc_comments(kitchen: ModuleType) -> None:
    doc = inspect.getdoc(kitchen.Client.draw) or ""
    assert doc.startswith("A command with arguments, some optional.")
    assert "if_: a keyword argument (wire name ``if``)" in doc
    assert "Returns: the drawn tree" in doc
    assert "GenericError if the shape cannot be drawn" in doc
    assert "Since: 1.0" in doc
    unstable = inspect.getdoc(kitchen.Client.x_new_draw) or ""
    assert "Only available if: CONFIG_A and not CONFIG_B" in unstable
    assert "Features: unstable" in unstable
