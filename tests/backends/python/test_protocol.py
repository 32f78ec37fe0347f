"""Which protocol the generated client speaks: from the schema's shape, or ``python.protocol``."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_backends.python import PythonBackend
from qapi_ir.frontend import load_schema
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import BackendError, Output
from tests.backends.python.conftest import FIXTURES, generate, history
from tests.backends.python.test_package import lint
from tests.cli.helpers import run_cli

AGENT_FILES = {"agent_base.py", "agent_protocol.py", "agent_capabilities.py"}
QMP_FILES = {"client_base.py", "capabilities.py", "events.py"}

#: A guest agent's schema whose guest-sync-delimited takes a string: it cannot resync.
BAD_SYNC = """
{ 'pragma': { 'command-returns-exceptions': [ 'guest-sync', 'guest-sync-delimited' ] } }
{ 'command': 'guest-sync', 'data': { 'id': 'int' }, 'returns': 'int' }
{ 'command': 'guest-sync-delimited', 'data': { 'id': 'str' }, 'returns': 'int' }
"""


def top_files(schema: Schema, **options: str) -> set[str]:
    """The names of the files the backend writes at the package's top level."""
    output = Output()
    PythonBackend().generate(schema, output, {"package": "q", **options})
    return {name.removeprefix("q/") for name in output.files if name.count("/") == 1}


def test_a_schema_with_guest_sync_and_no_events_gets_a_guest_agent_client() -> None:
    files = top_files(load_schema(str(FIXTURES / "agent.json")))
    assert files >= AGENT_FILES and not QMP_FILES & files
    assert "connection.py" in files


def test_a_schema_with_events_gets_a_qmp_client() -> None:
    files = top_files(load_schema(str(FIXTURES / "live.json")))
    assert files >= QMP_FILES and not AGENT_FILES & files


def test_protocol_qmp_overrides_the_shape_of_the_schema() -> None:
    files = top_files(load_schema(str(FIXTURES / "agent.json")), protocol="qmp")
    assert files >= QMP_FILES and not AGENT_FILES & files


def test_protocol_qga_for_a_schema_without_guest_sync_delimited_is_refused() -> None:
    with pytest.raises(BackendError) as refused:
        top_files(load_schema(str(FIXTURES / "live.json")), protocol="qga")
    assert str(refused.value) == (
        "python.protocol: the guest agent protocol (asked for) needs 'guest-sync-delimited'"
        " with an 'id': 'int' argument that returns 'int':"
        " the schema has no command 'guest-sync-delimited'"
    )


def test_a_guest_agent_schema_whose_sync_cannot_resync_is_refused(tmp_path: Path) -> None:
    schema_file = tmp_path / "bad.json"
    schema_file.write_text(BAD_SYNC)
    with pytest.raises(BackendError, match="chosen for a schema with 'guest-sync' and no events"
                       r".*: 'guest-sync-delimited' does not take just 'id': 'int'$"):
        top_files(load_schema(str(schema_file)))


def test_an_unknown_protocol_is_refused() -> None:
    with pytest.raises(BackendError, match=r"^python.protocol: 'qga2' is not a protocol \("):
        top_files(load_schema(str(FIXTURES / "agent.json")), protocol="qga2")


def test_the_command_line_refusal_is_one_line(tmp_path: Path) -> None:
    result = run_cli("--no-cache", "--backend", "python", "-O", "python.protocol=qga",
                     "-o", tmp_path, FIXTURES / "live.json")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "backend 'python': python.protocol: the guest agent protocol (asked for) needs"
    )
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "qmp_client").exists()


def test_guest_agent_client_docstrings_name_the_protocol_and_no_reply_commands() -> None:
    output = Output()
    PythonBackend().generate(load_schema(str(FIXTURES / "agent.json")), output, {"package": "q"})
    client = output.files["q/client.py"]
    assert "class Client(AgentClientBase):" in client and "def events" not in client
    assert client.startswith('"""The asynchronous guest agent client of the schema')
    assert "Returns: None, as soon as the request is written (no reply comes on success)." in client
    assert 'await self.execute_no_reply(\n            "guest-shutdown",' in client


def test_guest_agent_packages_pass_mypy_strict_and_ruff(
    corpus_dir: Path, tmp_path: Path
) -> None:
    agent = load_schema(str(FIXTURES / "agent.json"))
    lint(generate(agent, "agent_pkg", tmp_path / "fixture"))
    schema = load_schema(str(corpus_dir / "qemu-10.2/codegen/schemas/qga/qapi-schema.json"))
    releases = [f"{v}={corpus_dir}/history/qemu-{v}/qga/qapi-schema.json" for v in ("7.2", "10.0")]
    compat = history(schema, *releases)
    assert "guest-get-load" in compat.releases[0].absent_commands  # new in 9.1
    lint(generate(schema, "qga_client", tmp_path / "qemu", compat))


@pytest.mark.parametrize(
    ("schema", "expected"),
    [("qga", AGENT_FILES), ("storage-daemon/qapi", QMP_FILES), ("qapi", QMP_FILES)],
)
def test_each_schema_qemu_ships_gets_its_own_protocol(
    corpus_dir: Path, schema: str, expected: set[str]
) -> None:
    path = corpus_dir / "qemu-10.2/codegen/schemas" / schema / "qapi-schema.json"
    assert top_files(load_schema(str(path))) >= expected
