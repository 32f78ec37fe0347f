"""``--used-by``: only changes touching what a client's QMP messages use count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qapi_ir.diff.cli import main
from tests.diff.helpers import write

OLD = """
{ 'enum': 'Mode', 'data': ['fast', 'slow'] }
{ 'struct': 'Opts', 'data': { 'mode': 'Mode', '*level': 'int', '*extra': 'str' } }
{ 'command': 'set-opts', 'data': { 'opts': ['Opts'], '*force': 'bool' } }
{ 'struct': 'Stat', 'data': { 'n': 'int', 'm': 'int' } }
{ 'command': 'query-stat', 'returns': 'Stat' }
{ 'command': 'reset' }
{ 'event': 'DONE', 'data': { 'n': 'int', 'm': 'int' } }
"""
# extra removed (breaking for senders), force removed (breaking), m removed from Stat and
# DONE (breaking for readers), reset removed (breaking)
NEW = """
{ 'enum': 'Mode', 'data': ['fast', 'slow'] }
{ 'struct': 'Opts', 'data': { 'mode': 'Mode', '*level': 'int' } }
{ 'command': 'set-opts', 'data': { 'opts': ['Opts'] } }
{ 'struct': 'Stat', 'data': { 'n': 'int' } }
{ 'command': 'query-stat', 'returns': 'Stat' }
{ 'event': 'DONE', 'data': { 'n': 'int' } }
"""


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *messages: object) -> tuple[
        int, dict[str, object]]:
    old, new = write(tmp_path, "old.json", OLD), write(tmp_path, "new.json", NEW)
    log = write(tmp_path, "client.log", "\n".join(json.dumps(m) for m in messages) + "\n")
    status = main([str(old), str(new), "--used-by", str(log), "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    touched = sorted(f"{c['name']} {c['path']}".strip() for c in document["changes"]
                     if c["affects_client"])
    return status, {"touched": touched, "summary": document["summary"]}


def test_a_client_sending_only_unchanged_arguments_is_not_affected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, seen = _run(tmp_path, capsys,
                        {"execute": "set-opts", "arguments": {"opts": [{"mode": "fast",
                                                                        "level": 1}]}},
                        {"return": {}})
    assert (status, seen["touched"]) == (0, [])
    summary = seen["summary"]
    assert isinstance(summary, dict) and summary["not_affecting_client"] == 5


def test_a_client_sending_a_removed_argument_is_affected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, seen = _run(tmp_path, capsys,
                        {"execute": "set-opts", "arguments": {"opts": [{"mode": "fast",
                                                                        "extra": "x"}]}})
    assert (status, seen["touched"]) == (1, ["Opts extra"])


def test_returns_and_events_a_client_reads_count_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, seen = _run(tmp_path, capsys, {"exec-oob": "query-stat"},
                        {"event": "DONE", "data": {"n": 1, "m": 2}})
    assert (status, seen["touched"]) == (1, ["DONE data.m", "Stat m"])


def test_a_removed_command_counts_only_for_a_client_that_ran_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(tmp_path, capsys, {"execute": "reset"})[1]["touched"] == ["reset"]
    assert _run(tmp_path, capsys, {"execute": "query-stat"})[1]["touched"] == ["Stat m"]


def test_a_new_mandatory_member_of_an_object_the_client_sends_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write(tmp_path, "old.json", "{ 'command': 'c', 'data': { 'a': 'int' } }\n")
    new = write(tmp_path, "new.json", "{ 'command': 'c', 'data': { 'a': 'int', 'b': 'int' } }\n")
    log = write(tmp_path, "client.log", '{"execute": "c", "arguments": {"a": 1}}\n')
    assert main([str(old), str(new), "--used-by", str(log)]) == 1
    assert "== Breaking ==\n\ncommand c" in capsys.readouterr().out


def test_a_removed_enum_value_counts_only_for_a_client_that_sent_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write(tmp_path, "old.json", "{ 'enum': 'Mode', 'data': ['fast', 'slow'] }\n"
                "{ 'command': 'c', 'data': { 'm': ['Mode'] } }\n")
    new = write(tmp_path, "new.json", "{ 'enum': 'Mode', 'data': ['fast'] }\n"
                "{ 'command': 'c', 'data': { 'm': ['Mode'] } }\n")
    fast = write(tmp_path, "fast.log", '{"execute": "c", "arguments": {"m": ["fast"]}}\n')
    slow = write(tmp_path, "slow.log", '{"execute": "c", "arguments": {"m": ["slow"]}}\n')
    assert main([str(old), str(new), "--used-by", str(fast)]) == 0
    assert main([str(old), str(new), "--used-by", str(slow)]) == 1
    assert capsys.readouterr().out.count("value 'slow' removed") == 2


def test_the_text_report_lists_what_does_not_affect_the_client(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = write(tmp_path, "old.json", OLD), write(tmp_path, "new.json", NEW)
    log = write(tmp_path, "client.log", '{"execute": "query-stat"}\n')
    assert main([str(old), str(new), "--used-by", str(log)]) == 1
    out = capsys.readouterr().out
    assert out.index("== Breaking ==") < out.index("type Stat") \
        < out.index("== Not affecting this client ==") < out.index("command reset")


@pytest.mark.parametrize(("text", "message"), [
    ("{\"execute\": \n", "client.log:1: not a JSON message"),
    ("\n[1, 2]\n", "client.log:2: a QMP message must be a JSON object"),
])
def test_an_unreadable_message_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    old = write(tmp_path, "old.json", OLD)
    log = write(tmp_path, "client.log", text)
    assert main([str(old), str(old), "--used-by", str(log)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert main([str(old), str(old), "--used-by", str(tmp_path / "none.log")]) == 2
    assert "can't read" in capsys.readouterr().err
