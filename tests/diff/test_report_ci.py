"""JUnit XML and SARIF reports of a diff."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

from qapi_ir.diff.cli import main
from tests.diff.helpers import write

OLD = """
{ 'command': 'gone' }
{ 'command': 'set', 'data': { 'a': 'int', '*b': 'int' } }
{ 'event': 'EV' }
"""
NEW = """
{ 'command': 'set', 'data': { 'a': 'int', '*c': 'int' } }
"""
IGNORE = """
[[diff.ignore]]
rule = "member-removed-optional"
path = "set.arguments.b"
reason = "b was never used"
"""

#: The basic structure of a SARIF 2.1.0 log (written for this test from the standard's
#: description of the required properties).
SARIF_SHAPE = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "required": ["tool", "results"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {
                    "driver": {"type": "object", "required": ["name"], "properties": {
                        "rules": {"type": "array", "items": {
                            "type": "object", "required": ["id"]}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object",
                    "required": ["message", "ruleId"],
                    "properties": {
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": {"type": "object", "required": ["text"]},
                        "locations": {"type": "array", "items": {"type": "object"}}}}}}}},
    },
}


@pytest.fixture
def arguments(tmp_path: Path) -> list[str]:
    return [str(write(tmp_path, "old.json", OLD)), str(write(tmp_path, "new.json", NEW)),
            "--config", str(write(tmp_path, "diff.toml", IGNORE))]


def test_junit_has_a_case_per_change_failing_the_breaking_and_skipping_the_ignored(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*arguments, "--format", "junit"]) == 1
    suite = ElementTree.fromstring(capsys.readouterr().out)
    cases = {(c.get("classname"), c.get("name")): c for c in suite.iter("testcase")}
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("4", "1", "1")
    failure = cases[("command gone", "(whole) [command-removed]")].find("failure")
    assert failure is not None and failure.get("type") == "breaking"
    skipped = cases[("command set", "arguments.b [member-removed-optional]")].find("skipped")
    assert skipped is not None and skipped.get("message") == "b was never used"
    assert list(cases[("event EV", "(whole) [event-removed]")]) == []


def test_junit_fails_every_change_with_fail_on_any(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*arguments, "--format", "junit", "--fail-on", "any"]) == 1
    suite = ElementTree.fromstring(capsys.readouterr().out)
    assert suite.get("failures") == "3"


def test_sarif_has_the_basic_structure_a_result_per_change_and_the_rules_used(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*arguments, "--format", "sarif"]) == 1
    log = json.loads(capsys.readouterr().out)
    jsonschema.validate(log, SARIF_SHAPE)
    [run] = log["runs"]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    levels = {(r["ruleId"], r["level"]) for r in run["results"]}
    assert levels == {("command-removed", "error"), ("event-removed", "warning"),
                      ("member-added-optional", "note"), ("member-removed-optional", "error")}
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in run["results"])
    [ignored] = [r for r in run["results"] if "suppressions" in r]
    assert ignored["suppressions"] == [{"kind": "external",
                                        "justification": "b was never used"}]
    [gone] = [r for r in run["results"] if r["ruleId"] == "command-removed"]
    region = gone["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"].endswith("old.json") and region["region"] == {
        "startLine": 2}
