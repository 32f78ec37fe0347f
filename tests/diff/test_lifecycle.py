"""The life of an API across releases (qapi_ir.diff.lifecycle) and QEMU's deprecation policy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qapi_backends.introspect import introspection
from qapi_ir.diff.deprecation_policy import check_policy
from qapi_ir.diff.inputs import read_input
from qapi_ir.diff.lifecycle import Lifecycle, lifecycle
from qapi_ir.diff.release_order import in_release_order, release_numbers
from qapi_ir.frontend import load_schema
from tests.diff.helpers import write

DEP = "'features': ['deprecated']"
V1 = """
{ 'enum': 'Mode', 'data': ['fast', 'slow'] }
{ 'struct': 'Info', 'data': { 'mode': 'Mode', 'size': 'int' } }
{ 'command': 'query-info', 'returns': 'Info' }
{ 'command': 'set', 'data': { 'a': 'int', '*b': 'int', '*c': 'int' } }
{ 'command': 'old-thing' }
{ 'command': 'x-probe' }
"""
V2 = f"""
{{ 'enum': 'Mode', 'data': ['fast', 'slow', 'eco'] }}
{{ 'struct': 'Info', 'data': {{ 'mode': 'Mode', 'size': 'str' }} }}
{{ 'command': 'query-info', 'returns': 'Info' }}
{{ 'command': 'set', 'data': {{ '*a': 'int', '*b': {{ 'type': 'int', {DEP} }},
                               '*c': {{ 'type': 'int', {DEP} }} }} }}
{{ 'command': 'query-new', {DEP} }}
"""
V3 = f"""
{{ 'enum': 'Mode', 'data': ['fast', 'slow', 'eco'] }}
{{ 'struct': 'Info', 'data': {{ 'mode': 'Mode', 'size': 'str' }} }}
{{ 'command': 'query-info', 'returns': 'Info' }}
{{ 'command': 'set', 'data': {{ '*a': 'int', '*b': {{ 'type': 'int', {DEP} }} }} }}
{{ 'command': 'query-new', {DEP} }}
"""
V4 = """
{ 'enum': 'Mode', 'data': ['fast', 'eco'] }
{ 'struct': 'Info', 'data': { 'mode': 'Mode', 'size': 'str' } }
{ 'command': 'query-info', 'returns': 'Info' }
{ 'command': 'set', 'data': { '*a': 'int' } }
"""


def _history(tmp_path: Path, *releases: tuple[str, str]) -> Lifecycle:
    models = [(label, read_input(str(write(tmp_path, f"{label}.json", text)), docs=False))
              for label, text in releases]
    return lifecycle(models)


def _lives(history: Lifecycle) -> dict[str, list[tuple[str, str]]]:
    return {t.address(): [(s.release, s.event) for s in t.steps] for t in history.things}


def test_each_thing_gets_the_releases_where_it_appeared_changed_and_went(
    tmp_path: Path,
) -> None:
    history = _history(tmp_path, ("8.0", V1), ("8.1", V2), ("8.2", V3), ("9.0", V4))
    lives = _lives(history)
    assert lives["Mode.eco"] == [("8.1", "appeared")]
    assert lives["Mode.slow"] == [("9.0", "removed")]
    assert lives["Info.size"] == [("8.1", "type changed")]
    assert lives["set.arguments.a"] == [("8.1", "made optional")]
    assert lives["set.arguments.b"] == [("8.1", "deprecated"), ("9.0", "removed")]
    assert lives["set.arguments.c"] == [("8.1", "deprecated"), ("8.2", "removed")]
    assert lives["query-new"] == [("8.1", "appeared"), ("8.1", "deprecated"),
                                  ("9.0", "removed")]
    assert lives["old-thing"] == [("8.1", "removed")]
    assert [t.kind for t in history.things if t.address() == "Mode.eco"] == ["value"]


def test_one_release_gives_what_changed_in_it(tmp_path: Path) -> None:
    history = _history(tmp_path, ("8.0", V1), ("8.1", V2), ("8.2", V3))
    assert _lives(history.in_release("8.2")) == {"set.arguments.c": [("8.2", "removed")]}


def test_the_policy_reports_removals_too_soon_or_never_deprecated_and_added_deprecated(
    tmp_path: Path,
) -> None:
    history = _history(tmp_path, ("8.0", V1), ("8.1", V2), ("8.2", V3), ("9.0", V4))
    verdicts = {(f.address, f.release, f.verdict) for f in check_policy(history)}
    assert verdicts == {
        ("old-thing", "8.1", "removed-never-deprecated"),
        ("set.arguments.c", "8.2", "removed-too-soon"),
        ("query-new", "8.1", "added-deprecated"),
        ("Mode.slow", "9.0", "removed-never-deprecated"),
    }


def test_a_gap_between_releases_makes_a_removal_not_checkable_never_a_violation(
    tmp_path: Path,
) -> None:
    history = _history(tmp_path, ("7.2", V1), ("10.0", V2))
    findings = check_policy(history)
    assert {(f.address, f.verdict, f.violation) for f in findings} == {
        ("old-thing", "not-checkable", False), ("query-new", "not-checkable", False)}


def test_a_gap_too_short_for_the_policy_to_be_kept_is_still_a_violation(
    tmp_path: Path,
) -> None:
    history = _history(tmp_path, ("8.0", V1), ("8.2", V2))
    assert ("old-thing", "removed-never-deprecated") in {
        (f.address, f.verdict) for f in check_policy(history)}


def test_removing_something_unstable_is_exempt(tmp_path: Path) -> None:
    history = _history(tmp_path, ("8.0", V1), ("8.1", V2))
    assert "x-probe" in _lives(history)
    assert "x-probe" not in {f.address for f in check_policy(history)}


@pytest.mark.parametrize(("given", "ordered"), [
    (["7.2", "10.0", "8.0"], ["7.2", "8.0", "10.0"]),
    (["v9.2.0", "v10.0.0", "v9.1.0"], ["v9.1.0", "v9.2.0", "v10.0.0"]),
    (["old", "new"], ["old", "new"]),
])
def test_labels_are_put_in_release_order(given: list[str], ordered: list[str]) -> None:
    assert in_release_order(given) == ordered


def test_qemu_releases_are_counted_across_the_gaps_between_them() -> None:
    first, second, third = release_numbers(["7.2", "10.0", "10.2"])
    assert (second - first, third - second) == (7, 2)
    assert release_numbers(["2.12", "3.0", "3.1", "4.0"]) == [12, 13, 14, 15]
    assert release_numbers(["alpha", "beta"]) == [0, 1]


def test_what_a_reply_lacks_under_a_condition_is_no_removal(tmp_path: Path) -> None:
    schema = "{ 'command': 'query-win', 'if': 'CONFIG_WIN32' }\n{ 'command': 'query-a' }\n"
    built = load_schema(str(write(tmp_path, "built.json", "{ 'command': 'query-a' }\n")))
    reply = write(tmp_path, "reply.json", json.dumps({"return": introspection(built)}))
    history = lifecycle([
        ("9.0", read_input(str(write(tmp_path, "schema.json", schema)), docs=False)),
        ("9.1", read_input(str(reply), docs=False))])
    assert _lives(history) == {}
