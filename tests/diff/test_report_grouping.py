"""A change found alike in several types is shown once, under all of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir.diff.cli import main
from tests.diff.helpers import write

OLD = """
{ 'struct': 'Common', 'data': { '*loaded': 'bool' } }
{ 'struct': 'Secret', 'base': 'Common', 'data': { 'data': 'str' } }
{ 'struct': 'Keyring', 'base': 'Common', 'data': { 'serial': 'int' } }
{ 'struct': 'Other', 'data': { 'x': 'int' } }
{ 'command': 'add-secret', 'data': { 'secret': 'Secret' } }
{ 'command': 'add-keyring', 'data': { 'keyring': 'Keyring' } }
{ 'command': 'add-other', 'data': { 'other': 'Other' } }
"""


def test_a_member_removed_from_a_shared_base_is_listed_once_under_every_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = OLD.replace("'*loaded': 'bool'", "").replace("'x': 'int'", "'x': 'int', '*y': 'int'")
    arguments = [str(write(tmp_path, "old.json", OLD)), str(write(tmp_path, "new.json", new))]
    assert main(arguments) == 1
    out = capsys.readouterr().out
    assert out.count("loaded: optional member removed") == 1
    assert "2 types Keyring, Secret  (used by command add-keyring arguments," \
        " command add-secret arguments)" in out
    assert "type Other  (used by command add-other arguments)" in out
    assert main([*arguments, "--format", "markdown"]) == 1
    assert "### 2 types `Keyring, Secret`" in capsys.readouterr().out
