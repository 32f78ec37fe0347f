"""What the connected QEMU has, from a ``query-qmp-schema`` reply written for the test."""

from __future__ import annotations

from types import ModuleType

#: A reply shaped as QEMU's: masked type names, a union whose branch holds an
#: alternate of the union itself, enums, an array.
REPLY = [
    {"name": "blockdev-add", "meta-type": "command", "arg-type": "0", "ret-type": "1"},
    {"name": "query-names", "meta-type": "command", "arg-type": "1", "ret-type": "[str]"},
    {"name": "SHUTDOWN", "meta-type": "event", "arg-type": "2"},
    {
        "name": "0",
        "meta-type": "object",
        "members": [{"name": "driver", "type": "3"}, {"name": "node-name", "type": "str"}],
        "tag": "driver",
        "variants": [{"case": "file", "type": "4"}, {"case": "qcow2", "type": "5"}],
    },
    {"name": "3", "meta-type": "enum", "values": ["file", "qcow2"]},
    {
        "name": "4",
        "meta-type": "object",
        "members": [{"name": "filename", "type": "str"}, {"name": "aio", "type": "6"}],
    },
    {"name": "6", "meta-type": "enum", "values": ["threads", "native"]},
    {
        "name": "5",
        "meta-type": "object",
        "members": [{"name": "file", "type": "7"}, {"name": "ids", "type": "[8]"}],
    },
    {"name": "7", "meta-type": "alternate", "members": [{"type": "0"}, {"type": "str"}]},
    {"name": "[8]", "meta-type": "array", "element-type": "8"},
    {"name": "8", "meta-type": "object", "members": [{"name": "slot", "type": "int"}]},
    {"name": "[str]", "meta-type": "array", "element-type": "str"},
    {"name": "str", "meta-type": "builtin", "json-type": "string"},
    {"name": "int", "meta-type": "builtin", "json-type": "int"},
    {"name": "1", "meta-type": "object", "members": []},
    {"name": "2", "meta-type": "object", "members": [{"name": "guest", "type": "bool"}]},
]


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
