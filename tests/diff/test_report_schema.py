"""The JSON report and its published JSON Schema; what an input could not compare."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from qapi_backends.introspect import introspection
from qapi_ir.diff.cli import main
from qapi_ir.diff.report_jsonschema import render
from qapi_ir.frontend import load_schema
from tests.conftest import REPO_ROOT
from tests.diff.helpers import write

PUBLISHED = REPO_ROOT / "schema" / "diff-report.schema.json"

OLD = """
{ 'enum': 'Mode', 'data': ['fast', 'slow'] }
{ 'struct': 'Info', 'data': { 'mode': 'Mode', 'x-detail': 'str', 'n': 'int8' } }
{ 'command': 'query-info', 'returns': 'Info' }
{ 'command': 'set', 'data': { '*a': { 'type': 'int', 'features': ['deprecated'] } } }
"""
NEW = """
{ 'enum': 'Mode', 'data': ['fast'] }
{ 'struct': 'Info', 'data': { 'mode': 'Mode', 'n': 'int64' } }
{ 'command': 'query-info', 'returns': 'Info', 'if': 'CONFIG_INFO' }
{ 'command': 'set' }
{ 'command': 'new' }
"""


def test_the_published_json_schema_is_up_to_date() -> None:
    assert PUBLISHED.read_text() == render(), (
        "regenerate with: python -m qapi_ir.diff.report_jsonschema"
        " > schema/diff-report.schema.json")


def _validated(out: str) -> dict[str, object]:
    document = json.loads(out)
    jsonschema.Draft202012Validator(json.loads(PUBLISHED.read_text())).validate(document)
    assert isinstance(document, dict)
    return document


def test_every_kind_of_change_makes_a_report_valid_against_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = write(tmp_path, "old.json", OLD), write(tmp_path, "new.json", NEW)
    log = write(tmp_path, "log", '{"execute": "set", "arguments": {}}\n')
    config = write(tmp_path, "c.toml", "[[diff.ignore]]\nrule = 'command-added'\n"
                   "path = 'new'\nreason = 'ours'\n")
    main([str(old), str(new), "--format", "json", "--used-by", str(log),
          "--config", str(config)])
    document = _validated(capsys.readouterr().out)
    changes = document["changes"]
    assert isinstance(changes, list)
    assert {c["rule"] for c in changes} >= {"announced-removal", "unstable-changed",
                                            "condition-narrowed", "integer-type-changed"}
    assert any(c["ignored"] for c in changes) and any(not c["affects_client"] for c in changes)


def test_a_saved_reply_says_conditions_and_integer_widths_were_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = write(tmp_path, "new.json", NEW)
    reply = write(tmp_path, "reply.json", json.dumps(introspection(load_schema(str(new)))))
    main([str(reply), str(new), "--format", "json"])
    document = _validated(capsys.readouterr().out)
    assert document["not_compared"] == ["conditions (OLD does not record them)",
                                        "integer widths (OLD does not record them)"]
    main([str(new), str(reply), "--fail-on", "any"])
    assert "not compared: conditions (NEW does not record them), integer widths " \
           "(NEW does not record them)\n" in capsys.readouterr().out
    main([str(new), str(new)])
    assert "not compared" not in capsys.readouterr().out
