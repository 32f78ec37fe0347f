"""Messages that quote input show it escaped and cut short: no terminal escapes, no NULs,
no forged lines, no megabyte of echo; printable input is quoted as QEMU quotes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qapi_ir.driver import cli, entry
from qapi_ir.input_file import MAX_MESSAGE, MAX_SHOWN, shown
from tests.cli.helpers import EXAMPLE


@pytest.fixture(autouse=True)
def _in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _build(schema: str) -> int:
    """Build ``schema``, written to main.json in the current directory."""
    Path("main.json").write_text(schema)
    return cli.main(["--no-cache", "--backend", "dump", "-o", "out", "main.json"])


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert not any((ord(c) < 32 and c != "\n") or 0x7f <= ord(c) < 0xa0 for c in err), repr(err)
    return err


def test_a_stray_terminal_escape_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = _build("\x1bc\x9b2J\n")
    assert status == 1
    assert _err(capsys) == "main.json:1:1: stray '\\x1bc\\x9b2J'\n"


def test_an_included_environment_is_shown_escaped_and_cut(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    environ = b"\0".join(b"VAR%d=%s" % (n, b"v" * 50) for n in range(100))  # /proc/self/environ
    (tmp_path / "environ").write_bytes(environ)
    status = _build("{ 'include': 'environ' }\n")
    err = _err(capsys)
    assert status == 1
    assert err.startswith("In file included from main.json:1:\nenviron:1:1: stray 'VAR0=vvv")
    assert "\\x00VAR1=" in err and err.endswith("...'\n")
    assert len(err.splitlines()[-1]) < MAX_SHOWN + 50


def test_a_printable_stray_token_is_quoted_as_qemu_quotes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = _build("{ 'struct': 'S', 'data': {} } hello\\world\n")
    assert status == 1
    assert capsys.readouterr().err == "main.json:1:31: stray 'hello\\world'\n"


def test_an_unknown_escape_of_a_control_character_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = _build("{ 'struct': 'S\\\x1b', 'data': {} }\n")
    assert status == 1
    assert _err(capsys) == "main.json:1:13: unknown escape \\\\x1b\n"


@pytest.mark.parametrize("where", ["-O", "plugins.toml"])
def test_a_megabyte_option_value_is_not_echoed_in_full(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    value = "\x1b[2J" + "y" * 1_000_000
    config = tmp_path / "plugins.toml"
    config.write_text(f"[options.c]\nbuiltins = {json.dumps(value)}\n")
    given = ["-O", f"c.builtins={value}"] if where == "-O" else ["--config", str(config)]
    status = cli.main(["--no-cache", "--backend", "c", *given, str(EXAMPLE)])
    err = _err(capsys)
    assert status == 1
    assert err.startswith("option c.builtins takes a b") and "\\x1b[2Jyyy" in err, err
    assert err.count("\n") == 1 and len(err) < MAX_SHOWN + 100


def test_a_reply_naming_a_hostile_type_is_shown_escaped_and_cut(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "\x1b]0;owned\x07" + "t" * 10_000
    reply = [{"name": "cmd", "meta-type": "command", "arg-type": name, "ret-type": "0"}]
    (tmp_path / "reply.json").write_text(json.dumps({"return": reply}))
    status = entry.main(["diff", str(tmp_path / "reply.json"), str(EXAMPLE)])
    err = _err(capsys)
    assert status == 2
    assert "refers to unknown type '\\x1b]0;owned\\x07ttt" in err and err.endswith("...'\n")
    assert err.count("\n") == 1 and len(err) < MAX_SHOWN + 200


def test_shown_escapes_line_breaks_and_bidi_controls_and_keeps_printable_text() -> None:
    assert shown("a\nb\rc\td\u2028e\u202ef") == "a\\nb\\rc\\td\\u2028e\\u202ef"
    assert shown("Ünïcode 'quotes' \\ and spaces") == "Ünïcode 'quotes' \\ and spaces"
    assert shown("x" * 10, limit=4) == "xxxx..."
    assert shown("x" * 10, limit=None) == "x" * 10


@pytest.mark.parametrize("command", ["build", "diff"])
def test_a_snapshot_with_a_huge_bad_name_gets_a_message_that_keeps_its_start_and_end(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["-q", "--no-cache", "--backend", "ir", "-o", "snap", str(EXAMPLE)]) == 0
    document = json.loads(Path("snap/ir.json").read_text())
    document["schema"]["entities"][-1]["name"] = "x" * 100_000 + "!\x1b"
    Path("bad.json").write_text(json.dumps(document))
    argv = (["--no-cache", "--backend", "dump", "--from-ir", "bad.json"] if command == "build"
            else ["diff", "bad.json", str(EXAMPLE)])
    assert entry.main(argv) == (1 if command == "build" else 2)
    err = _err(capsys)
    assert err.count("\n") == 1 and len(err) < MAX_MESSAGE + 100
    assert "bad.json: IR invariant violated: $.schema.entities[" in err
    assert err.endswith("!\\x1b' is not a valid name for an event (upper case)\n")
