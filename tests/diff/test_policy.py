"""Stability rules, the [diff] settings (classes and ignores), locations and annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qapi_ir.diff.cli import main
from qapi_ir.diff.rules import Severity
from qapi_ir.diff.settings import Settings
from qapi_ir.driver.config import load_config
from tests.diff.helpers import diff_texts, summarise, write

KEPT = "{ 'command': 'keep' }\n"


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param(KEPT + "{ 'command': 'x-debug' }", KEPT,
                 ("command x-debug", "", "unstable-changed", "notice"), id="x-command-removed"),
    pytest.param(KEPT + "{ 'command': 'dbg', 'features': ['unstable'] }", KEPT,
                 ("command dbg", "", "unstable-changed", "notice"), id="unstable-command-removed"),
    pytest.param("{ 'command': 'c', 'data': { 'x-a': 'int' } }",
                 "{ 'command': 'c', 'data': { 'x-a': 'str' } }",
                 ("command c", "arguments.x-a", "unstable-changed", "notice"),
                 id="x-member-changed"),
    pytest.param("{ 'struct': 'St', 'data': { 'a': 'int' } }\n"
                 "{ 'command': 'x-c', 'data': { 's': 'St' } }",
                 "{ 'struct': 'St', 'data': { 'a': 'str' } }\n"
                 "{ 'command': 'x-c', 'data': { 's': 'St' } }",
                 ("type St", "a", "unstable-changed", "notice"),
                 id="type-reached-only-from-unstable-command"),
    pytest.param("{ 'command': 'c', 'data': { '*a': { 'type': 'int',"
                 " 'features': ['deprecated'] } } }",
                 "{ 'command': 'c' }",
                 ("command c", "arguments.a", "announced-removal", "notice"),
                 id="deprecated-member-removed"),
    pytest.param(KEPT + "{ 'command': 'old', 'features': ['deprecated'] }", KEPT,
                 ("command old", "", "announced-removal", "notice"),
                 id="deprecated-command-removed"),
    pytest.param("{ 'enum': 'En', 'data': ['a', { 'name': 'b', 'features': ['deprecated'] }] }"
                 "\n{ 'command': 'c', 'data': { 'e': 'En' } }",
                 "{ 'enum': 'En', 'data': ['a'] }\n{ 'command': 'c', 'data': { 'e': 'En' } }",
                 ("type En", "", "announced-removal", "notice"),
                 id="deprecated-enum-value-removed"),
])
def test_changes_to_unstable_things_and_announced_removals_are_notices(
    tmp_path: Path, old: str, new: str, expected: tuple[str, str, str, str]
) -> None:
    assert summarise(diff_texts(tmp_path, old, new)) == [expected]


def test_a_type_also_reached_from_a_stable_command_keeps_its_class(tmp_path: Path) -> None:
    users = "{ 'command': 'x-c', 'data': { 's': 'St' } }\n{ 'command': 'c', 'data': { 's': 'St' } }"
    old = "{ 'struct': 'St', 'data': { 'a': 'int' } }\n" + users
    new = "{ 'struct': 'St', 'data': { 'a': 'str' } }\n" + users
    assert summarise(diff_texts(tmp_path, old, new)) == [
        ("type St", "a", "type-changed", "breaking")]


def test_a_compatible_change_to_an_unstable_thing_stays_compatible(tmp_path: Path) -> None:
    old, new = "{ 'command': 'x-c' }", "{ 'command': 'x-c', 'data': { '*a': 'int' } }"
    assert summarise(diff_texts(tmp_path, old, new)) == [
        ("command x-c", "arguments.a", "member-added-optional", "compatible")]


def test_both_stability_rules_take_a_class_from_the_settings(tmp_path: Path) -> None:
    settings = Settings({"unstable-changed": Severity.BREAKING,
                         "announced-removal": Severity.BREAKING})
    old = KEPT + "{ 'command': 'x-debug' }\n{ 'command': 'old', 'features': ['deprecated'] }"
    assert summarise(diff_texts(tmp_path, old, KEPT, settings=settings)) == [
        ("command old", "", "announced-removal", "breaking"),
        ("command x-debug", "", "command-removed", "breaking")]


OLD = "{ 'command': 'c', 'data': { 'a': 'int', '*b': 'int' } }\n{ 'command': 'd' }\n"
NEW = "\n{ 'command': 'c', 'data': { 'a': 'int' }, 'if': 'CONFIG_X' }\n"


@pytest.fixture
def paths(tmp_path: Path) -> tuple[str, str]:
    return str(write(tmp_path, "old.json", OLD)), str(write(tmp_path, "new.json", NEW))


def _config(tmp_path: Path, text: str, name: str = "diff.toml") -> str:
    return str(write(tmp_path, name, text))


IGNORE_B = """
[diff.severity]
condition-narrowed = "breaking"

[[diff.ignore]]
rule = "member-removed-optional"
path = "c.arguments.*"
reason = "b was never used"
"""


def test_settings_reclassify_and_ignore_and_the_report_counts_what_was_ignored(
    tmp_path: Path, paths: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*paths, "--format", "json"]) == 1
    counts = json.loads(capsys.readouterr().out)["summary"]
    assert (counts["breaking"], counts["notice"], counts["ignored"]) == (2, 1, 0)
    config = _config(tmp_path, IGNORE_B)
    assert main([*paths, "--config", config, "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert (document["summary"]["breaking"], document["summary"]["ignored"]) == (2, 1)
    [ignored] = [c for c in document["changes"] if c["ignored"]]
    assert (ignored["path"], ignored["ignored"]) == ("arguments.b", "b was never used")
    assert main([*paths, "--config", config]) == 1
    out = capsys.readouterr().out
    assert "ignored: 1\n" in out
    ignored_part = out[out.index("== Ignored =="):]
    assert "arguments.b: optional member removed (ignored: b was never used)" in ignored_part
    assert main([*paths, "--config", config, "--format", "markdown"]) == 1
    assert "| `arguments.b` | optional member removed (ignored: b was never used) |" \
        in capsys.readouterr().out


def test_an_ignore_entry_that_matches_nothing_is_a_warning(
    tmp_path: Path, paths: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, IGNORE_B.replace("c.arguments.*", "gone.*"))
    assert main([*paths, "--config", config, "--format", "json"]) == 1
    assert capsys.readouterr().err == (
        "qapi-build diff: warning: ignore entry for member-removed-optional at 'gone.*'"
        " matched no change (b was never used)\n")


def test_the_diff_table_of_plugins_toml_in_the_current_directory_is_read(
    tmp_path: Path, paths: tuple[str, str], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    plugins = _config(tmp_path, "schema = 'old.json'\n" + IGNORE_B.replace(
        '"breaking"', '"compatible"').replace("c.arguments.*", "*"), "plugins.toml")
    assert load_config(Path(plugins)).schema is not None  # the build accepts the table
    monkeypatch.chdir(tmp_path)
    assert main([*paths, "--fail-on", "any"]) == 1
    assert "ignored: 1" in capsys.readouterr().out
    bare = dict(zip(("old", "new"), paths, strict=True))
    assert main([bare["old"], bare["old"], "--fail-on", "any"]) == 0


@pytest.mark.parametrize(("text", "message"), [
    ("[[diff.ignore]]\nrule = 'command-removed'\npath = '*'\n", "needs exactly the keys"),
    ("[[diff.ignore]]\nrule = 'command-removed'\npath = '*'\nreason = ' '\n",
     "must be non-empty strings"),
    ("[diff.severity]\nno-such-rule = 'notice'\n", "unknown rule 'no-such-rule'"),
    ("[diff.severity]\ncommand-removed = 'fatal'\n", "must be one of compatible, notice, breaking"),
    ("[diff]\nsevere = 1\n", "unknown key 'severe' in [diff]"),
    ("[diff\n", "diff.toml"),
])
def test_bad_settings_are_one_line_and_exit_2(
    tmp_path: Path, paths: tuple[str, str], capsys: pytest.CaptureFixture[str], text: str,
    message: str
) -> None:
    assert main([*paths, "--config", _config(tmp_path, text)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_a_missing_config_file_is_one_line_and_exit_2(
    tmp_path: Path, paths: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*paths, "--config", str(tmp_path / "none.toml")]) == 2
    assert "can't read configuration file" in capsys.readouterr().err


def test_github_annotations_point_at_the_new_line_or_the_old_one_for_removals(
    paths: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*paths, "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (f"::error file={paths[1]},line=2,title=breaking%3A "
                        "member-removed-optional::command c arguments.b: optional member "
                        "removed (clients sending the argument fail; clients cope with an "
                        "absent optional member)")
    assert lines[1].startswith(f"::error file={paths[0]},line=2,title=breaking%3A "
                               "command-removed::command d: command removed")
    assert lines[2].startswith(f"::warning file={paths[1]},line=2,title=notice%3A "
                               "condition-narrowed::command c: condition: none -> CONFIG_X")
    assert lines[3:] == ["2 breaking, 1 notice, 0 compatible"]
