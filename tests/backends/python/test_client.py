"""The generated client, driven through a stand-in for ``qemu.qmp.QMPClient``."""

from __future__ import annotations

import asyncio
import inspect
import logging
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


def test_undecodable_and_unknown_events_stay_in_the_stream(
    kitchen: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    stamp = {"seconds": 5, "microseconds": 6}
    bad = {"event": "DRAWN", "data": {"shape": 3}, "timestamp": stamp}
    messages = (
        {"event": "TICK", "timestamp": stamp},
        bad,
        {"event": "FUTURE", "data": {"x": 1}, "timestamp": stamp},
        bad,
        {"event": "TICK", "timestamp": stamp},
    )
    client = kitchen.Client(qmp=FakeQMP(events=messages))

    async def collect() -> list[object]:
        return [event async for event in client.events()]

    with caplog.at_level(logging.WARNING):
        tick, drawn, future, again, last = asyncio.run(collect())
    assert isinstance(tick, kitchen.events.TickEvent) and isinstance(last, type(tick))
    assert isinstance(drawn, kitchen.UndecodedEvent) and drawn == again
    assert drawn.event == "DRAWN" and drawn.data == {"shape": 3}
    assert drawn.timestamp == kitchen.runtime.Timestamp(5, 6)
    assert drawn.error.path == "DRAWN: data.shape"
    assert isinstance(future, kitchen.UnknownEvent) and future.data == {"x": 1}
    assert kitchen.encode(drawn) == bad
    warned = [record.getMessage() for record in caplog.records]
    assert len(warned) == 2
    assert warned[0].startswith("QMP event DRAWN kept undecoded: DRAWN: data.shape: expected")
    assert warned[1].startswith("QMP event FUTURE kept undecoded")


def test_greeting_is_typed(kitchen: ModuleType) -> None:
    greeting = kitchen.Client(qmp=FakeQMP(version="10.2.1")).greeting
    assert greeting == kitchen.Greeting(kitchen.QEMUVersion(10, 2, 1, ""), ("oob",))
    assert str(greeting.version) == "10.2.1"


def test_capabilities_are_asked_once_per_connection(kitchen: ModuleType) -> None:
    fake = FakeQMP([{"name": "draw", "meta-type": "command"}], {"label": "t"})
    client = kitchen.Client(qmp=fake)

    async def session() -> None:
        assert (await client.capabilities()).has_command("draw")
        assert not (await client.capabilities()).has_command("old-draw")
        await client.draw(shape=kitchen.types.Shape(kind="dot", name="d"))
        with pytest.raises(kitchen.CommandNotAvailable, match="old-draw: CommandNotFound"):
            await client.old_draw()

    with pytest.warns(DeprecationWarning):
        asyncio.run(session())
    assert [command for command, _ in fake.sent] == ["query-qmp-schema", "draw"]


def test_connecting_without_an_address_is_refused(kitchen: ModuleType) -> None:
    with pytest.raises(ValueError, match="no address"):
        asyncio.run(kitchen.Client().connect())
