"""The introspect backend: files, options, compatibility policy, IR snapshots."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from qapi_backends.introspect import OPTIONS, IntrospectBackend
from qapi_ir import snapshot
from qapi_ir.frontend import load_schema
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import BackendError, OptionValue, Output
from tests.backends.introspect.schemas import demo_schema
from tests.backends.introspect.test_corpus import _case


def _options(**overrides: OptionValue) -> Mapping[str, OptionValue]:
    return {**{o.name: o.default for o in OPTIONS}, **overrides}


def _run(schema: Schema, **overrides: OptionValue) -> dict[str, str]:
    output = Output()
    IntrospectBackend().generate(schema, output, _options(**overrides))
    return output.files


def _infos(**overrides: OptionValue) -> dict[str, Any]:
    text = _run(demo_schema(), **overrides)["qapi-introspect.json"]
    return {info["name"]: info for info in json.loads(text)}


def test_writes_introspection_and_wire_schema_under_the_prefix() -> None:
    files = _run(demo_schema(), prefix="demo-")
    assert sorted(files) == ["demo-qapi-introspect.json", "demo-qapi-wire.schema.json"]
    wire = json.loads(files["demo-qapi-wire.schema.json"])
    assert wire["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_indent_zero_is_compact_and_positive_indent_pretty_prints() -> None:
    compact = _run(demo_schema())["qapi-introspect.json"]
    pretty = _run(demo_schema(), indent=2)["qapi-introspect.json"]
    assert compact.count("\n") == 1 and " " not in compact.split('"name"')[0]
    assert pretty.startswith('[\n  {\n    "arg-type"')
    assert json.loads(compact) == json.loads(pretty)


def test_negative_indent_is_refused() -> None:
    with pytest.raises(BackendError, match="indent"):
        _run(demo_schema(), indent=-1)


def test_define_option_selects_conditional_parts() -> None:
    assert "old-reset" not in _infos()
    assert "old-reset" in _infos(define=("A",))


def test_unmask_option_shows_type_names() -> None:
    assert "Device" in _infos(unmask=True) and "Device" not in _infos()


def test_deprecated_output_hide_drops_deprecated_entities_and_members() -> None:
    infos = _infos(define=("A",), compat=("deprecated-output=hide",))
    assert "old-reset" not in infos
    assert [m["name"] for m in infos["5"]["members"]] == ["size"]
    assert [m["name"] for m in infos["4"]["members"]] == ["disk", "old"]
    assert "values" not in infos["4"]


def test_unstable_output_hide_leaves_introspection_as_qemu_does() -> None:
    assert _infos(compat=("unstable-output=hide",)) == _infos()


@pytest.mark.parametrize("item", ["deprecated-output=reject", "stable-output=hide", "hide"])
def test_unknown_compat_items_are_refused(item: str) -> None:
    with pytest.raises(BackendError, match=r"introspect\.compat"):
        _run(demo_schema(), compat=(item,))


def test_runs_identically_from_an_ir_snapshot() -> None:
    schema = demo_schema()
    reloaded = snapshot.loads(snapshot.dumps(schema))
    variants: list[dict[str, OptionValue]] = [
        {}, {"define": ("A", "HAVE_NET"), "unmask": True, "indent": 1},
    ]
    for options in variants:
        assert _run(reloaded, **options) == _run(schema, **options)


def test_corpus_schema_runs_identically_from_an_ir_snapshot(corpus_dir: Path) -> None:
    schema = load_schema(_case(corpus_dir, "test")[0])
    reloaded = snapshot.loads(snapshot.dumps(schema))
    options: dict[str, OptionValue] = {"define": ("TEST_IF_UNION", "TEST_IF_STRUCT")}
    assert _run(reloaded, **options) == _run(schema, **options)
