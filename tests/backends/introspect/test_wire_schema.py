"""The wire JSON Schema accepts the messages the schema allows and rejects broken ones."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from qapi_backends.introspect import introspection
from qapi_backends.introspect.wire_schema import wire_schema
from qapi_ir.frontend import load_schema
from tests.backends.introspect.messages import Infos, mutate, mutations
from tests.backends.introspect.qlit import symbols
from tests.backends.introspect.schemas import demo_schema
from tests.backends.introspect.test_corpus import _case, expected_c

DEFINE_SETS = [(), ("HAVE_NET", "A"), ("HAVE_NET", "A", "B", "TINY")]


def _setup(defines: tuple[str, ...]) -> tuple[Infos, Draft202012Validator]:
    infos: list[Any] = introspection(demo_schema(), defines)
    schema = wire_schema(infos, "demo")
    Draft202012Validator.check_schema(schema)
    return Infos(infos), Draft202012Validator(schema)


@functools.cache
def _corpus_setup(corpus: str, name: str) -> tuple[Infos, Draft202012Validator]:
    """Every symbol defined, so that every conditional part is present."""
    schema = load_schema(_case(Path(corpus), name)[0])
    infos: list[Any] = introspection(schema, tuple(symbols(expected_c(Path(corpus), name))))
    wire = wire_schema(infos, name)
    Draft202012Validator.check_schema(wire)
    return Infos(infos), Draft202012Validator(wire)


def _validator_for(validator: Draft202012Validator, definition: str) -> Draft202012Validator:
    defs = validator.schema["$defs"]
    return Draft202012Validator({"$defs": defs, "$ref": f"#/$defs/{definition}"})


@pytest.mark.parametrize("defines", DEFINE_SETS)
@given(data=st.data())
def test_generated_messages_are_valid_and_mutants_are_not(
    defines: tuple[str, ...], data: st.DataObject
) -> None:
    infos, validator = _setup(defines)
    info, message = data.draw(infos.message())
    assert validator.is_valid(message), list(validator.iter_errors(message))[:1]
    how = data.draw(st.sampled_from(mutations(infos, info, message)))
    assert not validator.is_valid(mutate(infos, info, message, how))


def test_union_members_depend_on_the_tag() -> None:
    _, validator = _setup(("HAVE_NET",))
    stamp = {"seconds": 0, "microseconds": 0}
    event = {"event": "DEVICE_ADDED", "timestamp": stamp, "data": {"kind": "net", "mac": "x"}}
    assert validator.is_valid(event)
    event["data"] = {"kind": "disk", "mac": "x"}
    assert not validator.is_valid(event)
    event["data"] = {"kind": "disk", "size": 4, "id": "d0"}
    assert validator.is_valid(event)


def test_conditional_branch_is_absent_without_its_define() -> None:
    _, validator = _setup(())
    data = {"kind": "net", "mac": "x"}
    event = {"event": "DEVICE_ADDED", "timestamp": {"seconds": 0, "microseconds": 0}}
    assert not validator.is_valid({**event, "data": data})


def test_alternate_accepts_each_branch_type_only() -> None:
    _, validator = _setup(())
    request: dict[str, Any] = {"execute": "device-add", "arguments": {"device": {"kind": "old"}}}
    assert validator.is_valid(request)
    for hint, ok in ((5, True), ("name", True), (True, False), ([1], False)):
        arguments = {**request["arguments"], "hint": hint}
        assert validator.is_valid({**request, "arguments": arguments}) is ok


def test_exec_oob_only_for_commands_that_allow_it() -> None:
    _, validator = _setup(())
    assert validator.is_valid({"exec-oob": "list-sizes", "id": 1})
    assert not validator.is_valid({"exec-oob": "list-devices", "id": 1})
    assert not validator.is_valid({"execute": "list-sizes", "exec-oob": "list-sizes"})


def test_arguments_may_be_omitted_only_when_none_is_required() -> None:
    _, validator = _setup(())
    assert validator.is_valid({"execute": "list-devices"})
    assert not validator.is_valid({"execute": "device-add"})


def test_return_definitions_check_the_return_value() -> None:
    _, validator = _setup(())
    returns = _validator_for(validator, "return-list-sizes")
    assert returns.is_valid({"return": [1, 2], "id": "x"})
    assert not returns.is_valid({"return": ["1"]})
    assert not returns.is_valid({"return": [], "extra": 1})


@pytest.mark.parametrize("name", ["test", "full"])
@given(data=st.data())
@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_corpus_schema_messages_validate_and_mutants_do_not(
    corpus_dir: Path, name: str, data: st.DataObject
) -> None:
    infos, validator = _corpus_setup(str(corpus_dir), name)
    info, message = data.draw(infos.message())
    assert validator.is_valid(message), list(validator.iter_errors(message))[:1]
    how = data.draw(st.sampled_from(mutations(infos, info, message)))
    assert not validator.is_valid(mutate(infos, info, message, how))
