"""What the connected QEMU has, from a ``query-qmp-schema`` reply written for the test."""

from __future__ import annotations

import json
from types import ModuleType

from tests.conftest import REPO_ROOT

#: A reply shaped as QEMU's: masked type names, a union whose branch holds an alternate
#: of the union itself, enums, an array (the Go backend's tests read it too).
REPLY = json.loads((REPO_ROOT / "tests" / "fixtures" / "capabilities-reply.json").read_text())


def test_commands_and_events_are_told_apart(kitchen: ModuleType) -> None:
    capabilities = kitchen.Capabilities(REPLY)
    assert capabilities.has_command("blockdev-add") and not capabilities.has_command("SHUTDOWN")
    assert capabilities.has_event("SHUTDOWN") and not capabilities.has_event("blockdev-add")
    assert not capabilities.has_command("query-nothing")


def test_argument_path_goes_through_union_branches_and_alternates(kitchen: ModuleType) -> None:
    capabilities = kitchen.Capabilities(REPLY)
    assert capabilities.has_argument("blockdev-add", "driver")
    assert capabilities.has_argument("blockdev-add", "aio")
    assert capabilities.has_argument("blockdev-add", "file.aio")
    assert capabilities.has_argument("blockdev-add", "file.file.filename")
    assert capabilities.has_argument("blockdev-add", "ids.slot")
    assert not capabilities.has_argument("blockdev-add", "file.slot")
    assert not capabilities.has_argument("blockdev-add", "node-name.aio")
    assert not capabilities.has_argument("query-names", "driver")
    assert not capabilities.has_argument("SHUTDOWN", "guest")


def test_enum_value_is_found_at_its_argument(kitchen: ModuleType) -> None:
    capabilities = kitchen.Capabilities(REPLY)
    assert capabilities.has_enum_value("blockdev-add", "file.aio", "native")
    assert not capabilities.has_enum_value("blockdev-add", "file.aio", "io_uring")
    assert capabilities.has_enum_value("blockdev-add", "driver", "qcow2")
    assert not capabilities.has_enum_value("blockdev-add", "node-name", "qcow2")


def test_a_reply_that_is_not_a_list_has_nothing(kitchen: ModuleType) -> None:
    capabilities = kitchen.Capabilities({"oops": 1})
    assert not capabilities.has_command("blockdev-add")
