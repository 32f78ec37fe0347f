"""``qapi-build history``: formats, the JSON Schema, the policy's exit status, the order."""

from __future__ import annotations

import json
from pathlib import Path

import docutils.core
import jsonschema
import pytest

from qapi_ir.diff.history_cli import main
from qapi_ir.diff.history_document import render_schema
from qapi_ir.diff.history_report import title
from qapi_ir.diff.lifecycle import Thing
from qapi_ir.driver import entry
from qapi_ir.driver.releases import release_history
from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import Option
from tests.conftest import REPO_ROOT
from tests.diff.helpers import hostile_reply, write
from tests.diff.test_lifecycle import V1, V2, V3

PUBLISHED = REPO_ROOT / "schema" / "history-report.schema.json"


@pytest.fixture
def releases(tmp_path: Path) -> list[str]:
    return [f"{label}={write(tmp_path, f'{label}.json', text)}"
            for label, text in (("8.2", V3), ("8.0", V1), ("8.1", V2))]


def test_the_published_json_schema_is_up_to_date() -> None:
    assert PUBLISHED.read_text() == render_schema(), (
        "regenerate with: python -m qapi_ir.diff.history_document"
        " > schema/history-report.schema.json")


def test_the_json_history_satisfies_the_published_schema_in_release_order(
    releases: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*releases, "--format", "json", "--policy", "qemu", "--fail-on", "none"]) == 0
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, json.loads(PUBLISHED.read_text()))
    assert [r["label"] for r in document["releases"]] == ["8.0", "8.1", "8.2"]
    assert {f["verdict"] for f in document["findings"]} == {
        "removed-never-deprecated", "removed-too-soon", "added-deprecated"}


def test_a_policy_violation_fails_and_text_lists_it(
    releases: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*releases, "--policy", "qemu"]) == 1
    out = capsys.readouterr().out
    assert "member   set.arguments.c: deprecated in 8.1, removed in 8.2\n" in out
    assert "violation     8.2    member set.arguments.c: removed too soon" in out


def test_one_release_gives_a_changelog(
    releases: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*releases, "--release", "8.2", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "## 8.2\n" in out and "## 8.1\n" not in out
    assert "| removed | member | `set.arguments.c` | optional member removed |" in out


def test_restructured_text_names_removals_as_qemus_record_does(
    releases: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*releases, "--format", "rst"]) == 0
    out = capsys.readouterr().out
    assert "``set`` argument ``c`` (removed in 8.2)\n" in out
    assert "``query-new`` (since 8.1)\n" in out
    document = docutils.core.publish_doctree(out, settings_overrides={"report_level": 2,
                                                                       "halt_level": 2})
    assert document.astext().startswith("Removed features")


@pytest.mark.parametrize(("arguments", "message"), [
    (["1.0=a.json"], "give at least two releases"),
    (["1.0=a.json", "b.json"], "'b.json' is not LABEL=PATH"),
    (["1.0=a.json", "1.0=b.json"], "release '1.0' given twice"),
])
def test_a_bad_command_line_is_one_line(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(arguments) == 2
    assert capsys.readouterr().err == f"qapi-build history: error: {message}\n"


def test_an_unknown_release_is_one_line(
    releases: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*releases, "--release", "9.9"]) == 2
    assert capsys.readouterr().err == (
        "qapi-build history: error: --release 9.9: not one of the releases given\n")


def test_a_schema_error_reads_as_the_build_words_it_as_in_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.json", "{ 'command': 'c', 'data': { 'a': 'Nope' } }\n")
    assert main([f"1.0={bad}", f"2.0={bad}"]) == 2
    assert capsys.readouterr().err == (
        f"{bad}: In command 'c':\n{bad}:1: parameter 'a' uses unknown type 'Nope'\n")


def test_the_python_compat_history_is_in_release_order(tmp_path: Path) -> None:
    schema = load_schema(str(write(tmp_path, "new.json", V3)))
    values = tuple(f"{label}={write(tmp_path, f'{label}.json', V1)}"
                   for label in ("7.2", "10.0", "8.0"))
    history = release_history("python", Option(name="compat", kind="releases", default=(), help=""),
                              values, schema)
    assert history.labels() == ("7.2", "8.0", "10.0")


def test_qapi_build_runs_history_as_a_subcommand(
    releases: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert entry.main(["history", *releases, "--no-cache", "--policy", "qemu"]) == 1
    from_entry = capsys.readouterr().out
    assert main([*releases, "--policy", "qemu"]) == 1
    assert capsys.readouterr().out == from_entry
    assert "removed-too-soon" not in from_entry and "removed too soon" in from_entry


@pytest.mark.parametrize(("thing", "expected"), [
    (Thing("member", "type", "MigrationStats", "skipped", None,
           ("command query-migrate returns",), ()),
     "``query-migrate`` return value member ``skipped``"),
    (Thing("member", "type", "SecretProperties", "loaded", None,
           ("command object-add arguments", "command object-add-2 arguments"), ()),
     "``SecretProperties`` member ``loaded``"),
    (Thing("value", "type", "MigrationCapability", "block", None,
           ("command migrate-set-capabilities arguments",), ()),
     "``MigrationCapability`` value ``block``"),
    (Thing("event", "event", "MEM_UNPLUG_ERROR", "", None, (), ()), "``MEM_UNPLUG_ERROR``"),
    (Thing("feature", "command", "blockdev-add", "", "dynamic-auto-read-only", (), ()),
     "``blockdev-add`` feature ``dynamic-auto-read-only``"),
])
def test_things_are_named_as_qemus_record_names_them(thing: Thing, expected: str) -> None:
    assert title(thing) == expected


@pytest.mark.parametrize("form", ["text", "markdown", "rst"])
def test_names_with_line_breaks_and_controls_cannot_forge_history_lines(
    form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = hostile_reply(tmp_path, ["gone\nforged line", "\x1b[2Jclear", "ok"])
    new = hostile_reply(tmp_path, ["ok"])
    assert main([f"1.0={old}", f"2.0={new}", "--format", form, "--policy", "qemu"]) == 1
    out = capsys.readouterr().out
    assert not any(ord(c) < 32 and c != "\n" for c in out), repr(out)
    assert not [line for line in out.splitlines() if line.startswith("forged line")]
    assert "gone\\nforged line" in out
