"""diff on QEMU's own schema from the conformance corpus (read in place, never copied in)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from qapi_backends.introspect import introspection
from qapi_ir import snapshot
from qapi_ir.diff.cli import main
from qapi_ir.frontend import load_schema
from qapi_ir.frontend.errors import QAPIError
from tests.conftest import REPO_ROOT
from tests.diff.helpers import write


@pytest.fixture
def qemu_schema(corpus_dir: Path) -> Path:
    return corpus_dir / "qemu-10.2" / "codegen" / "schemas" / "qapi" / "qapi-schema.json"


def test_qemu_schema_diffed_against_itself_with_docs_is_empty(
    qemu_schema: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(qemu_schema), str(qemu_schema), "--docs", "--fail-on", "any"]) == 0
    assert capsys.readouterr().out == "no changes\n"


def test_qemu_snapshot_diffed_against_its_schema_is_empty(
    tmp_path: Path, qemu_schema: Path
) -> None:
    snap = write(tmp_path, "ir.json", snapshot.dumps(load_schema(str(qemu_schema))))
    assert main([str(snap), str(qemu_schema), "--docs", "--fail-on", "any"]) == 0


def test_a_build_without_config_symbols_then_the_full_schema_adds_compatibly(
    tmp_path: Path, qemu_schema: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reply = write(tmp_path, "reply.json",
                  json.dumps({"return": introspection(load_schema(str(qemu_schema)))}))
    assert main([str(reply), str(qemu_schema), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["summary"]["breaking"] == 0
    assert document["summary"]["compatible"] > 0


def test_doc_comments_in_an_older_style_do_not_stop_diff(
    tmp_path: Path, qemu_schema: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_dir = tmp_path / "qapi"
    shutil.copytree(qemu_schema.parent, old_dir)
    module = old_dir / "run-state.json"
    text = module.read_text(encoding="utf-8")
    module.write_text(re.sub(r"\.\. qmp-example::", "Example:", text, count=1),
                      encoding="utf-8")
    old = old_dir / "qapi-schema.json"
    with pytest.raises(QAPIError, match="'Example' section is no longer supported"):
        load_schema(str(old))
    assert main([str(old), str(qemu_schema), "--fail-on", "any"]) == 0
    assert capsys.readouterr().out == "no changes\n"


def test_qemu_10_2_back_to_7_2_reports_in_json_valid_against_the_schema_and_groups_once(
    corpus_dir: Path, qemu_schema: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_release = corpus_dir / "history" / "qemu-7.2" / "qapi" / "qapi-schema.json"
    assert main([str(qemu_schema), str(old_release), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    published = json.loads((REPO_ROOT / "schema" / "diff-report.schema.json").read_text())
    jsonschema.Draft202012Validator(published).validate(document)
    assert document["summary"]["breaking"] > 0
    names = [t["name"] for t in document["types"]]
    assert len(names) == len(set(names)) and any(t["old_names"] for t in document["types"])
    assert main([str(qemu_schema), str(old_release)]) == 1
    for part in capsys.readouterr().out.split("\n== ")[1:]:
        titles = [line for line in part.splitlines() if line.startswith(("type ", "command "))]
        assert len(titles) == len(set(titles))
