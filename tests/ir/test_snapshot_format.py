"""Older snapshot versions migrate; the format's derived files come from one command."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import attrs
import pytest

from qapi_ir import ir_jsonschema, regenerate, snapshot, snapshot_format, snapshot_migrations
from tests.conftest import REPO_ROOT

V1_EXAMPLE = REPO_ROOT / "tests" / "data" / "snapshots" / "v1" / "service.ir.json"


def _v1_command(**fields: Any) -> dict[str, Any]:
    return {"kind": "command", "name": "c", "location": None, "module": "s.json", **fields}


def _migrated_flags(entity: dict[str, Any]) -> Any:
    migrated = snapshot_migrations.flags_as_names({"entities": [entity]})
    return migrated["entities"][0].get("flags")


@pytest.mark.parametrize(("fields", "flags"), [
    ({}, None),
    ({"coroutine": True}, ["gen", "success-response", "coroutine"]),
    ({"gen": False, "allow_oob": True}, ["success-response", "allow-oob"]),
    ({"success_response": False, "boxed": True},
     ["gen", "boxed"]),
])
def test_version_1_flag_fields_become_the_names_of_true_flags(
        fields: dict[str, Any], flags: list[str] | None) -> None:
    assert _migrated_flags(_v1_command(**fields)) == flags


def test_version_1_event_keeps_only_boxed() -> None:
    event = {"kind": "event", "name": "E", "location": None, "module": "s.json", "boxed": True}
    assert _migrated_flags(event) == ["boxed"]


def test_version_1_flag_that_is_not_a_boolean_is_refused_with_its_path() -> None:
    document = json.loads(V1_EXAMPLE.read_text())
    command = next(e for e in document["schema"]["entities"] if e["kind"] == "command")
    command["coroutine"] = "yes"
    index = document["schema"]["entities"].index(command)
    with pytest.raises(snapshot.SnapshotError,
                       match=rf"^v1\.json: \$\.schema\.entities\[{index}\]\.coroutine:"
                             " expected bool$"):
        snapshot.from_document(document, "v1.json")


def test_version_1_event_field_a_command_has_is_left_for_the_structure_check() -> None:
    document = json.loads(V1_EXAMPLE.read_text())
    event = next(e for e in document["schema"]["entities"] if e["kind"] == "event")
    event["allow_oob"] = True
    with pytest.raises(snapshot.SnapshotError, match="allow_oob"):
        snapshot.from_document(document, "v1.json")


@pytest.mark.parametrize(("schema", "where"), [
    (None, r"@ \$\.schema$"),
    ([], r"@ \$\.schema$"),
    ({"modules": [], "docs": [], "entities": 3}, r"expected tuple @ \$\.schema\.entities$"),
    ({"modules": [], "docs": [], "entities": [7, None]},
     r"expected an object, got int @ \$\.schema\.entities\[0\]$"),
])
def test_malformed_version_1_document_is_refused_by_the_structure_check(
        schema: Any, where: str) -> None:
    document = {"format": snapshot.FORMAT_NAME, "version": 1, "schema": schema}
    with pytest.raises(snapshot.SnapshotError, match=rf"^v1\.json: .*{where}"):
        snapshot.from_document(document, "v1.json")


@pytest.mark.parametrize("version", [0, -1, True, "1"])
def test_version_outside_the_released_ones_is_refused(version: object) -> None:
    document = {"format": snapshot.FORMAT_NAME, "version": version, "schema": None}
    with pytest.raises(snapshot.SnapshotError,
                       match=f"is not supported .this qapi-build reads versions 1 to"
                             f" {snapshot.FORMAT_VERSION}"):
        snapshot.from_document(document)


def test_a_step_neither_additive_nor_migrated_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot_migrations, "MIGRATIONS", {})
    with pytest.raises(snapshot_migrations.MigrationError,
                       match="no migration from format version 1 to 2"):
        snapshot_migrations.migrate({}, 1)


def test_every_version_step_is_additive_or_has_a_migration() -> None:
    from qapi_ir.snapshot_versions import ADDITIVE_STEPS, FORMAT_VERSION

    steps = set(ADDITIVE_STEPS) | set(snapshot_migrations.MIGRATIONS)
    assert steps == set(range(1, FORMAT_VERSION)), (
        "each step from version N to N + 1 is additive (recorded by"
        f" {regenerate.UPDATE_COMMAND}) or a function in MIGRATIONS")
    assert not set(ADDITIVE_STEPS) & set(snapshot_migrations.MIGRATIONS)


def _published() -> dict[str, Any]:
    return ir_jsonschema.snapshot_json_schema()


def test_a_new_flag_name_or_optional_field_is_additive() -> None:
    newer = _published()
    newer["$defs"]["Command"]["properties"]["flags"]["items"]["enum"].append("q-new")
    newer["$defs"]["Event"]["properties"]["note"] = {"type": "string"}
    assert snapshot_format.accepts_older(_published(), newer)


@pytest.mark.parametrize("change", [
    "required field", "removed field", "removed flag", "changed flag default",
    "removed condition kind", "narrowed type",
])
def test_a_change_that_refuses_older_documents_is_not_additive(change: str) -> None:
    newer = _published()
    defs = newer["$defs"]
    if change == "required field":
        defs["Command"]["properties"]["note"] = {"type": "string"}
        defs["Command"]["required"].append("note")
    elif change == "removed field":
        del defs["Member"]["properties"]["optional"]
    elif change == "removed flag":
        defs["Command"]["properties"]["flags"]["items"]["enum"].remove("coroutine")
    elif change == "changed flag default":
        defs["Command"]["properties"]["flags"]["default"].append("coroutine")
    elif change == "removed condition kind":
        defs["Condition"]["oneOf"].pop()
    else:
        defs["Location"]["properties"]["line"] = {"type": "string"}
    assert not snapshot_format.accepts_older(_published(), newer)


def _checkout_copy(tmp_path: Path) -> Path:
    """The derived files of the checkout copied below ``tmp_path``, its root for the command."""
    for relative in (snapshot_format.PUBLISHED_SCHEMA, snapshot_format.VERSION_SHAPES,
                     snapshot_format.VERSIONS_MODULE, regenerate.C_REGISTRY_HEADER,
                     regenerate.IR_REFERENCE):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text((REPO_ROOT / relative).read_text())
    return tmp_path


def test_the_command_adds_an_additive_version_for_a_new_flag(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from qapi_ir import flags

    root = _checkout_copy(tmp_path)
    pretend = flags.Flag("q-pretend", default=False, c_option="QCO_Q_PRETEND", c_bit=9)
    monkeypatch.setattr(flags, "FLAGS", (*flags.FLAGS, pretend))
    assert regenerate.main(["--check"], root) == 1
    assert regenerate.main(["--update"], root) == 0
    new = snapshot.FORMAT_VERSION + 1
    versions = runpy.run_path(str(root / snapshot_format.VERSIONS_MODULE))
    assert versions["FORMAT_VERSION"] == new
    assert versions["ADDITIVE_STEPS"][-1] == snapshot.FORMAT_VERSION
    assert list(json.loads((root / snapshot_format.VERSION_SHAPES).read_text()))[-1] == str(new)
    published = json.loads((root / snapshot_format.PUBLISHED_SCHEMA).read_text())
    assert published["properties"]["version"] == {"const": new}
    assert "q-pretend" in json.dumps(published)
    header = (root / regenerate.C_REGISTRY_HEADER).read_text()
    assert "    QCO_Q_PRETEND = (1U << 9),\n    /* End of the flag table's options */" in header
    capsys.readouterr()
    assert regenerate.main(["--check"], root) == 0
    assert capsys.readouterr().out == ""


def test_the_command_says_where_a_migration_is_needed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from qapi_ir import flags

    root = _checkout_copy(tmp_path)
    changed = tuple(attrs.evolve(f, default=True) if f.name == "coroutine" else f
                    for f in flags.FLAGS)
    monkeypatch.setattr(flags, "FLAGS", changed)
    assert regenerate.main(["--update"], root) == 1
    step = snapshot.FORMAT_VERSION
    assert capsys.readouterr().err == (
        f"format version {step + 1} does not read version {step}'s documents as they are:"
        f" add a function for step {step} to MIGRATIONS in qapi_ir/snapshot_migrations.py\n")


def test_a_generated_part_without_its_markers_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _checkout_copy(tmp_path)
    (root / regenerate.IR_REFERENCE).write_text("# The IR\n")
    assert regenerate.main(["--update"], root) == 1
    assert capsys.readouterr().err == (
        f"{root / regenerate.IR_REFERENCE}: the marker lines of the generated part are missing"
        " ('<!-- The table of format versions below is written by python -m"
        " qapi_ir.regenerate --update -->') (run from a checkout of qapi-build)\n")


def test_a_migrated_snapshot_is_written_again_in_the_current_version() -> None:
    migrated = snapshot.loads(V1_EXAMPLE.read_text())
    text = snapshot.dumps(migrated)
    assert json.loads(text)["version"] == snapshot.FORMAT_VERSION
    assert snapshot.loads(text) == migrated
