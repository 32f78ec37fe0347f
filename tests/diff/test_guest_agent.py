"""diff on two releases of QEMU's guest agent schema (``qga/``), from the conformance corpus."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from qapi_ir.diff.cli import main
from tests.conftest import REPO_ROOT
from tests.diff.helpers import write

SCHEMA = Path("qga/qapi-schema.json")


@pytest.fixture
def releases(corpus_dir: Path) -> tuple[Path, Path]:
    """The guest agent schema of QEMU 7.2 and of 10.2."""
    return (corpus_dir / "history" / "qemu-7.2" / SCHEMA,
            corpus_dir / "qemu-10.2" / "codegen" / "schemas" / SCHEMA)


def report(
    capsys: pytest.CaptureFixture[str], *arguments: str | Path
) -> tuple[int, dict[str, object]]:
    """diff's exit status and JSON report for ``arguments``."""
    status = main([*map(str, arguments), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    published = json.loads((REPO_ROOT / "schema" / "diff-report.schema.json").read_text())
    jsonschema.Draft202012Validator(published).validate(document)
    return status, document


def changes(document: dict[str, object], severity: str) -> set[tuple[str, str, str]]:
    """(name, path, rule) of each change of ``severity`` that affects the client."""
    found = document["changes"]
    assert isinstance(found, list)
    return {
        (c["name"], c["path"], c["rule"])
        for c in found
        if c["severity"] == severity and c["affects_client"]
    }


def test_the_guest_agent_from_7_2_to_10_2_only_adds(
    releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = releases
    status, document = report(capsys, old, new, "--fail-on", "breaking")
    assert status == 0
    assert changes(document, "breaking") == set()
    assert {
        ("guest-get-load", "", "command-added"),
        ("guest-network-get-route", "", "command-added"),
        ("guest-exec", "arguments.capture-output", "type-widened-to-alternate"),
        ("GuestFilesystemInfo", "total-bytes-privileged", "member-added-optional"),
    } <= changes(document, "compatible")
    narrowed = {name for name, _, rule in changes(document, "notice")
                if rule == "condition-narrowed"}
    assert {"guest-get-vcpus", "guest-suspend-ram", "guest-fsfreeze-freeze"} <= narrowed


def test_the_guest_agent_from_10_2_back_to_7_2_breaks_its_clients(
    releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = releases
    status, document = report(capsys, new, old, "--fail-on", "breaking")
    assert status == 1
    assert changes(document, "breaking") == {
        ("guest-get-load", "", "command-removed"),
        ("guest-network-get-route", "", "command-removed"),
        ("guest-exec", "arguments.capture-output", "type-narrowed-from-alternate"),
    }


def test_a_guest_agent_client_log_counts_only_what_it_sends(
    releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = releases
    messages = [{"execute": "guest-info"}, {"execute": "guest-get-load"}]
    log = write(tmp_path, "agent.log", "\n".join(map(json.dumps, messages)) + "\n")
    status, document = report(capsys, new, old, "--used-by", log, "--fail-on", "breaking")
    assert status == 1
    assert changes(document, "breaking") == {("guest-get-load", "", "command-removed")}
    summary = document["summary"]
    assert isinstance(summary, dict) and summary["breaking"] == 1
