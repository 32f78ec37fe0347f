"""IR snapshots: lossless round trip, a published JSON Schema, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given

from qapi_ir import ir, ir_jsonschema, regenerate, snapshot
from qapi_ir.frontend import load_schema
from tests.conftest import REPO_ROOT
from tests.ir.strategies import conditions

PUBLISHED_SCHEMA = REPO_ROOT / "schema" / "ir.schema.json"
FORMAT_VERSIONS = REPO_ROOT / "schema" / "ir-format-versions.json"
EXAMPLE = REPO_ROOT / "examples" / "service.json"


def _validate(document: object) -> None:
    jsonschema.validate(document, json.loads(PUBLISHED_SCHEMA.read_text()))


def test_derived_files_are_in_step_with_the_contract() -> None:
    """The published JSON Schema, the recorded shapes, FORMAT_VERSION, the C stand-in's
    QCO_* values and docs/ir.md's class reference follow the IR and the flag table."""
    stale = [str(path.relative_to(REPO_ROOT)) for path in regenerate.stale_files()]
    assert not stale, f"{', '.join(stale)} out of step; run: {regenerate.UPDATE_COMMAND}"


def test_the_format_version_moves_with_the_shape_of_the_ir() -> None:
    """Every format version has its own shape, recorded once and never edited."""
    recorded = json.loads(FORMAT_VERSIONS.read_text())
    assert list(recorded) == [str(v) for v in range(1, snapshot.FORMAT_VERSION + 1)], (
        f"{FORMAT_VERSIONS.name} must record versions 1 to {snapshot.FORMAT_VERSION};"
        f" run: {regenerate.UPDATE_COMMAND}")
    assert len(set(recorded.values())) == len(recorded), "two versions with one shape"
    assert json.loads(PUBLISHED_SCHEMA.read_text()) == ir_jsonschema.snapshot_json_schema()


def test_example_snapshot_round_trips_and_matches_the_json_schema() -> None:
    schema = load_schema(str(EXAMPLE))
    text = snapshot.dumps(schema)
    _validate(json.loads(text))
    assert snapshot.loads(text) == schema
    assert snapshot.dumps(snapshot.loads(text)) == text


def test_snapshot_starts_with_format_and_version() -> None:
    text = snapshot.dumps(load_schema(str(EXAMPLE)))
    assert list(json.loads(text))[:2] == ["format", "version"]
    assert json.loads(text)["version"] == snapshot.FORMAT_VERSION


@given(conditions())
def test_condition_trees_survive_the_round_trip(condition: ir.Condition) -> None:
    schema = ir.Schema(
        modules=(ir.Module(ir.BUILTIN_MODULE), ir.Module("m.json")),
        entities=(
            ir.BuiltinType("int", "int"),
            ir.ObjectType("Shape", ir.Location("m.json", 1), "m.json",
                          (ir.Member("m", "int", condition=condition),), condition=condition),
        ),
    )
    document = snapshot.to_document(schema)
    _validate(json.loads(json.dumps(document)))
    assert snapshot.from_document(json.loads(json.dumps(document))) == schema


def _mutated(change: str) -> str:
    document = json.loads(snapshot.dumps(load_schema(str(EXAMPLE))))
    entity = next(e for e in document["schema"]["entities"] if e["kind"] == "object"
                  and e.get("members"))
    if change == "wrong-type":
        entity["members"][0]["optional"] = "yes"
    elif change == "extra-key":
        entity["colour"] = "red"
    elif change == "dangling":
        entity["members"][0]["type"] = "NoSuchType"
    elif change == "bad-kind":
        entity["kind"] = "widget"
    return json.dumps(document)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("wrong-type", "expected bool, got str @ $.schema.entities["),
        ("extra-key", "extra fields found (colour) @ $.schema.entities["),
        ("dangling", "members[0].type: unknown type 'NoSuchType'"),
        ("bad-kind", "'kind' must be one of alternate, array, builtin"),
    ],
)
def test_wrong_snapshot_shape_gives_one_line_with_the_path(change: str, expected: str) -> None:
    with pytest.raises(snapshot.SnapshotError) as info:
        snapshot.loads(_mutated(change), "ir.json")
    message = str(info.value)
    assert message.startswith("ir.json: ")
    assert expected in message
    assert "\n" not in message


def test_truncated_snapshot_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "ir.json"
    path.write_text(snapshot.dumps(load_schema(str(EXAMPLE)))[:500])
    with pytest.raises(snapshot.SnapshotError, match=r"ir\.json:\d+:\d+: not valid JSON"):
        snapshot.load(path)


def test_unknown_format_version_is_refused_before_structuring() -> None:
    newer = snapshot.FORMAT_VERSION + 1
    with pytest.raises(snapshot.SnapshotError, match=f"version {newer} is not supported"):
        snapshot.from_document({"format": "qapi-build-ir", "version": newer, "schema": None})


def test_document_of_another_format_is_refused() -> None:
    with pytest.raises(snapshot.SnapshotError, match="not a qapi-build IR snapshot"):
        snapshot.from_document([1, 2, 3], "x.json")
