"""python.compat: a client of compat-new.json that also serves its older release 1.0."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path
from types import ModuleType

import pytest

from qapi_backends.python import PythonBackend
from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import Output, ReleaseHistory
from tests.backends.python.conftest import FIXTURES, FakeQMP, history
from tests.backends.python.test_package import lint

NEW = FIXTURES / "compat-new.json"
OLD = FIXTURES / "compat-old.json"

#: What release 1.0 has of the new schema, as its query-qmp-schema would say.
OLD_COMMANDS = [
    {"name": name, "meta-type": "command", "arg-type": "0", "ret-type": "0"}
    for name in ("query-machines", "set-mode")
]


def test_member_an_older_release_lacks_may_be_absent(compat: ModuleType) -> None:
    client = compat.Client(qmp=FakeQMP([{"id": 1, "name": "m", "alias": "a"}]))
    machine = asyncio.run(client.query_machines())[0]
    assert machine.acpi is compat.ABSENT and machine.mode is compat.ABSENT
    assert machine.label is compat.ABSENT
    assert compat.encode(machine) == {"id": 1, "name": "m", "alias": "a"}


def test_newest_reply_still_decodes_every_member(compat: ModuleType) -> None:
    reply = {"id": 1, "label": "l", "name": "m", "acpi": True, "mode": "eco"}
    machine = asyncio.run(compat.Client(qmp=FakeQMP([reply])).query_machines())[0]
    assert machine.acpi is True and machine.mode is compat.types.Mode.ECO
    assert compat.encode(machine) == reply


def test_member_that_may_be_absent_has_no_default(compat: ModuleType) -> None:
    with pytest.raises(TypeError, match="acpi"):
        compat.types.Machine(id=1, label="l", name="m", mode=compat.types.Mode.FAST)
    force = inspect.signature(compat.Client.set_mode).parameters["force"]
    assert force.default is inspect.Parameter.empty
    assert force.annotation == "bool | Absent"
    assert compat.types.Machine.__annotations__["acpi"] == "bool | Absent"


def test_docstrings_say_which_release_lacks_what(compat: ModuleType) -> None:
    machine = inspect.getdoc(compat.types.Machine) or ""
    assert "acpi: whether it has ACPI (absent in 1.0)" in machine
    assert "mode: its mode (optional in 1.0)" in machine
    assert machine.endswith("alias: another name")
    assert "Compatibility: absent in 1.0" in (inspect.getdoc(compat.Client.query_base) or "")
    assert "Compatibility: absent in 1.0" in (inspect.getdoc(compat.events.WokenEvent) or "")
    assert "Compatibility" not in (inspect.getdoc(compat.Client.query_machines) or "")
    assert "reason: why (absent in 1.0)" in (inspect.getdoc(compat.events.ResetEvent) or "")
    mode = inspect.getdoc(compat.types.Mode) or ""
    assert "ECO: saving power (absent in 1.0)" in mode and "FAST: quickly\n" in mode


def test_member_documented_in_a_base_keeps_its_description(compat: ModuleType) -> None:
    machine = inspect.getdoc(compat.types.Machine) or ""
    assert "id: the machine's number\n" in machine
    assert "label: a name for people (absent in 1.0)" in machine


def test_command_an_older_release_lacks_is_refused_before_sending(compat: ModuleType) -> None:
    fake = FakeQMP(OLD_COMMANDS, [{"id": 1, "name": "m"}], version="1.0.3")
    client = compat.Client(qmp=fake)
    with pytest.raises(compat.CommandNotAvailable) as error:
        asyncio.run(client.query_base())
    assert error.value.command == "query-base" and error.value.version == "1.0.3"
    assert "QEMU 1.0.3" in str(error.value)
    assert isinstance(error.value, compat.CommandError)
    asyncio.run(client.query_machines())
    assert fake.sent == [("query-qmp-schema", None), ("query-machines", None)]


def test_command_every_release_has_is_sent_without_asking(compat: ModuleType) -> None:
    fake = FakeQMP([{"id": 1, "name": "m"}])
    asyncio.run(compat.Client(qmp=fake).query_machines())
    assert fake.sent == [("query-machines", None)]
    assert compat.Client.varying_commands == frozenset({"query-base"})


def _files(compat: ReleaseHistory | None) -> dict[str, str]:
    output = Output()
    options: dict[str, object] = {"package": "q"}
    if compat is not None:
        options["compat"] = compat
    PythonBackend().generate(load_schema(str(NEW)), output, options)  # type: ignore[arg-type]
    return output.files


def test_without_history_the_output_is_unchanged() -> None:
    plain = _files(None)
    assert _files(ReleaseHistory()) == plain
    assert _files(history(load_schema(str(NEW)), f"same={NEW}")) == plain
    assert _files(history(load_schema(str(NEW)), f"1.0={OLD}")) != plain


def test_compat_package_passes_mypy_strict_and_ruff(tmp_path: Path, packages_dir: Path) -> None:
    lint(packages_dir / "compat_client")


def test_union_whose_tag_an_older_release_lacks_decodes_as_its_base(compat: ModuleType) -> None:
    old, new = {"enabled": True, "handle": 7}, {"enabled": True, "kind": "sev", "handle": 7}
    client = compat.Client(qmp=FakeQMP(old, new))
    secure = asyncio.run(client.query_secure())
    assert type(secure) is compat.types.Secure and secure.kind is compat.ABSENT
    assert secure.unknown_members == {"handle": 7} and compat.encode(secure) == old
    branch = asyncio.run(client.query_secure())
    assert isinstance(branch, compat.types.SecureSevBranch) and branch.handle == 7
    assert compat.encode(branch) == new
