"""``qapi-build diff``: inputs of three kinds, output formats, exit status and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qapi_backends.introspect import introspection
from qapi_ir import snapshot
from qapi_ir.diff.cli import main
from qapi_ir.frontend import load_schema
from qapi_ir.frontend.errors import QAPIError
from tests.diff.helpers import write

OLD = """
{ 'enum': 'Mode', 'data': ['fast', 'slow'] }
{ 'struct': 'Status', 'data': { 'mode': 'Mode', '*detail': 'str' } }
{ 'command': 'query-status', 'returns': 'Status' }
{ 'command': 'set-mode', 'data': { 'mode': 'Mode' } }
"""
# slow removed (breaking for set-mode), detail removed (notice out), reset added
NEW = """
{ 'enum': 'Mode', 'data': ['fast'] }
{ 'struct': 'Status', 'data': { 'mode': 'Mode' } }
{ 'command': 'query-status', 'returns': 'Status' }
{ 'command': 'set-mode', 'data': { 'mode': 'Mode' } }
{ 'command': 'reset' }
"""
COMPATIBLE = OLD + "{ 'command': 'reset' }\n"


@pytest.fixture
def paths(tmp_path: Path) -> tuple[str, str]:
    return str(write(tmp_path, "old.json", OLD)), str(write(tmp_path, "new.json", NEW))


def test_a_breaking_change_exits_1_and_the_report_reads_breaking_first(
    paths: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(list(paths)) == 1
    out = capsys.readouterr().out
    assert out.index("== Breaking ==") < out.index("type Mode") < out.index("== Notices ==") \
        < out.index("type Status") < out.index("== Compatible ==") < out.index("command reset")
    assert "breaking   value 'slow' removed [enum-value-removed, into+out]" in out
    assert out.rstrip().endswith("1 breaking, 1 notice, 1 compatible")
    assert "\033[" not in out


def test_fail_on_none_exits_0_and_fail_on_any_exits_1(
    tmp_path: Path, paths: tuple[str, str]
) -> None:
    assert main([*paths, "--fail-on", "none"]) == 0
    compatible = str(write(tmp_path, "compatible.json", COMPATIBLE))
    assert main([paths[0], compatible]) == 0
    assert main([paths[0], compatible, "--fail-on", "any"]) == 1
    assert main([paths[0], paths[0], "--fail-on", "any"]) == 0


def test_json_output_lists_every_change_with_rule_class_and_directions(
    paths: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    main([*paths, "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert (document["format"], document["version"]) == ("qapi-build-diff", 2)
    assert document["summary"] == {"breaking": 1, "notice": 1, "compatible": 1, "ignored": 0,
                                   "not_affecting_client": 0}
    removed = document["changes"][1]
    assert {k: removed[k] for k in ("kind", "name", "path", "rule", "severity", "directions")} \
        == {"kind": "type", "name": "Mode", "path": "", "rule": "enum-value-removed",
            "severity": "breaking", "directions": ["into", "out"]}
    assert removed["location"] == {"file": paths[1], "line": 2}
    assert removed["old_location"] == {"file": paths[0], "line": 2}
    assert {"name": "Mode", "old_names": [], "wire_changed": True,
            "used_by": ["command query-status returns", "command set-mode arguments"]
            } in document["types"]


def test_markdown_output_has_one_table_per_group(
    paths: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    main([*paths, "--format", "markdown"])
    out = capsys.readouterr().out
    assert "### type `Status`" in out
    assert "| notice | `detail` | optional member removed | `member-removed-optional` | out |" \
        in out


def test_unreadable_input_is_one_line_on_stderr_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "missing.json"), str(tmp_path / "missing.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "can't read" in err and "missing.json" in err


def test_a_schema_error_reads_as_the_build_words_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.json", "{ 'command': 'c', 'data': { 'a': 'Nope' } }\n")
    assert main([str(bad), str(bad)]) == 2
    assert capsys.readouterr().err == (
        f"{bad}: In command 'c':\n{bad}:1: parameter 'a' uses unknown type 'Nope'\n")


def test_a_bad_option_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["a", "b", "--format", "yaml"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_a_snapshot_diffed_against_its_schema_is_empty(
    tmp_path: Path, paths: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    snap = write(tmp_path, "ir.json", snapshot.dumps(load_schema(paths[1])))
    assert main([str(snap), paths[1], "--fail-on", "any", "--docs"]) == 0
    assert capsys.readouterr().out == "no changes\n"


def test_a_saved_introspection_reply_is_read_with_or_without_the_qmp_wrapper(
    tmp_path: Path, paths: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    infos = introspection(load_schema(paths[1]))
    bare = write(tmp_path, "bare.json", json.dumps(infos))
    reply = write(tmp_path, "reply.json", json.dumps({"return": infos}))
    assert main([str(bare), paths[1], "--fail-on", "any"]) == 0
    assert main([str(bare), paths[1], "--docs"]) == 0
    assert "a query-qmp-schema reply has none" in capsys.readouterr().err
    assert main([str(reply), paths[1], "--fail-on", "any"]) == 0
    assert main([paths[0], str(reply)]) == 1
    assert "value 'slow' removed" in capsys.readouterr().out


def test_a_malformed_introspection_reply_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.json", '[{"name": "c", "meta-type": "command"}]')
    assert main([str(bad), str(bad)]) == 2
    assert "$[0]: 'arg-type' must be a string" in capsys.readouterr().err


_EMPTY = '{"name": "0", "meta-type": "object", "members": []}'
_COMMAND = '{"name": "c", "meta-type": "command", "arg-type": "0", "ret-type": "1"}'


@pytest.mark.parametrize(("entry", "message"), [
    ('{"name": "1", "meta-type": "object", "members": ["a"]}',
     "$[2]: 'members' must be a list of objects"),
    ('{"name": "1", "meta-type": "enum", "members": ["a"]}',
     "$[2]: 'members' must be a list of objects"),
    ('{"name": "1", "meta-type": "enum", "values": [1]}',
     "$[2]: 'values' must be a list of strings"),
    ('{"name": "1", "meta-type": "array", "element-type": "1"}',
     "array type '1' contains itself"),
])
def test_a_reply_with_a_badly_shaped_type_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entry: str, message: str
) -> None:
    bad = write(tmp_path, "bad.json", f"[{_COMMAND}, {_EMPTY}, {entry}]")
    assert main([str(bad), str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


OLD_STYLE_DOCS = """
##
# @reset:
#
# Resets.
#
# Example:
#
# -> { "execute": "reset" }
##
{ 'command': 'reset' }
"""


def test_old_doc_comment_rules_do_not_stop_diff_but_stop_strict_loading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write(tmp_path, "old.json", OLD_STYLE_DOCS)
    with pytest.raises(QAPIError, match="'Example' section is no longer supported"):
        load_schema(str(old))
    assert main([str(old), str(old), "--fail-on", "any"]) == 0
    assert main([str(old), str(old), "--docs"]) == 0
    captured = capsys.readouterr()
    assert f"{old}: warning: accepted older doc comment rules: 'Example:' sections" \
        in captured.err


def test_old_doc_comments_are_kept_and_compared_by_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write(tmp_path, "old.json", OLD_STYLE_DOCS)
    new = write(tmp_path, "new.json", OLD_STYLE_DOCS.replace("Resets.", "Resets it."))
    assert main([str(old), str(new), "--docs", "--legacy-docs", "--fail-on", "any"]) == 1
    assert "reset" in capsys.readouterr().out
