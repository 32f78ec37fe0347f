"""The guest agent package: the protocol chosen from the schema, and its client against
scripted agents (resync, late replies, no-reply and disabled commands)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import BackendError, Output
from tests.contrib.go.conftest import EXAMPLE, FIXTURES, GO_TESTS, GoBackend, GoTools, generate

AGENT = FIXTURES / "agent.json"


def package_files(schema: Path, protocol: str = "") -> dict[str, str]:
    """The files the backend writes for ``schema``, by name within the package."""
    output = Output()
    options = {"package": "p", "module": "", "protocol": protocol}
    GoBackend().generate(load_schema(str(schema)), output, options)
    return {name.removeprefix("p/"): text for name, text in output.files.items()}


def test_schema_without_events_and_with_guest_sync_gets_the_agent_client() -> None:
    files = package_files(AGENT)
    assert sorted(files) == [
        "agent.go", "commands.go", "go.mod", "objects.go", "types.go", "values.go"
    ]
    assert "guest-sync-delimited" in files["agent.go"]
    assert "func (c *Client) GuestInfo(ctx context.Context) (AgentInfo, error)" in files[
        "commands.go"
    ]


def test_schema_with_events_gets_the_qmp_client() -> None:
    files = package_files(EXAMPLE)
    assert sorted(files) == [
        "capabilities.go", "commands.go", "events.go", "go.mod", "objects.go", "runtime.go",
        "types.go", "values.go",
    ]
    assert "qmp_capabilities" in files["runtime.go"]


def test_protocol_option_overrides_the_schema(tmp_path: Path) -> None:
    with_event = tmp_path / "with-event.json"
    with_event.write_text(AGENT.read_text() + "\n{ 'event': 'AGENT_UP' }\n")
    assert "runtime.go" in package_files(AGENT, "qmp")
    assert "agent.go" in package_files(with_event, "qga")


def test_protocol_qga_for_a_schema_without_guest_sync_delimited_is_refused() -> None:
    with pytest.raises(BackendError) as refused:
        package_files(EXAMPLE, "qga")
    assert str(refused.value) == (
        "go.protocol: the guest agent protocol (asked for) needs 'guest-sync-delimited'"
        " with an 'id': 'int' argument that returns 'int':"
        " the schema has no command 'guest-sync-delimited'"
    )


def test_unknown_protocol_is_one_clear_error() -> None:
    message = r"^go.protocol: 'qapi' is not a protocol \(qmp or qga\)$"
    with pytest.raises(BackendError, match=message):
        package_files(AGENT, "qapi")


def test_no_reply_command_is_written_without_waiting_in_the_agent_package_only() -> None:
    agent = package_files(AGENT)["commands.go"]
    method = re.search(r"func \(c \*Client\) GuestShutdown\(.*?\n}\n", agent, re.DOTALL)
    assert method and 'c.callNoReply(ctx, "guest-shutdown", args)' in method.group(0)
    assert "// GuestShutdown runs the guest agent command guest-shutdown." in agent
    assert "GuestShutdown(" not in package_files(AGENT, "qmp")["commands.go"]


def test_agent_package_is_gofmt_and_vet_clean(go_tools: GoTools, tmp_path: Path) -> None:
    go_tools.assert_clean(generate(AGENT, tmp_path, "qga"))


def test_agent_client_against_scripted_agents(go_tools: GoTools, tmp_path: Path) -> None:
    package = generate(AGENT, tmp_path, "qga")
    shutil.copy(GO_TESTS / "agent_test.go", package)
    result = go_tools.run(package, "test", "-count=1", "-v", "./...")
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    passed = set(re.findall(r"^--- PASS: (\w+)", result.stdout, re.MULTILINE))
    declared = set(re.findall(r"^func (Test\w+)", (GO_TESTS / "agent_test.go").read_text(),
                              re.MULTILINE))
    assert len(declared) == 11 and passed == declared, result.stdout
