"""Properties of the front end and the IR on generated schemas."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qapi_ir import ir, snapshot
from qapi_ir.frontend import load_schema
from qapi_ir.frontend.errors import QAPIError
from qapi_ir.invariants import check_invariants
from tests.ir.strategies import schema_texts


def _load(text: str) -> ir.Schema:
    """Read ``text`` as a schema file, by a relative name so that runs compare equal."""
    with tempfile.TemporaryDirectory() as directory, contextlib.chdir(directory):
        Path("generated.json").write_text(text)
        return load_schema("generated.json")


@given(schema_texts())
def test_generated_schemas_are_accepted_and_satisfy_the_invariants(text: str) -> None:
    check_invariants(_load(text))


@given(schema_texts())
def test_snapshot_round_trip_is_the_identity(text: str) -> None:
    schema = _load(text)
    assert snapshot.loads(snapshot.dumps(schema)) == schema


def _unknown_type(text: str) -> str:
    return text.replace("'base': { 'tag': 'Enum0' }", "'base': { 'tag': 'NoSuchEnum' }")


def _duplicate_definition(text: str) -> str:
    return text + text.splitlines()[0] + "\n"


def _truncate(text: str) -> str:
    return text[: text.rindex("{") + 1]


def _bad_member_name(text: str) -> str:
    return text.replace("'base-member'", "'Bad_Name'", 1)


def _oob_coroutine(text: str) -> str:
    return text + "{ 'command': 'both', 'allow-oob': true, 'coroutine': true }\n"


#: Each mutation of a valid schema, and the message that proves the right check caught it.
MUTATIONS: list[tuple[Callable[[str], str], str]] = [
    (_unknown_type, r"base member 'tag' uses unknown type 'NoSuchEnum'"),
    (_duplicate_definition, r"'\w+' is already defined"),
    (_truncate, r"expected string or '}'"),
    (_bad_member_name, r"name of 'data' member 'Bad_Name' must not use uppercase or '_'"),
    (_oob_coroutine, r"flags 'allow-oob' and 'coroutine' are incompatible"),
]


@pytest.mark.parametrize(("mutate", "message"), MUTATIONS,
                         ids=[m.__name__.strip("_") for m, _ in MUTATIONS])
@given(text=schema_texts())
def test_invalid_mutations_are_reported_as_schema_errors(
    mutate: Callable[[str], str], message: str, text: str
) -> None:
    with pytest.raises(QAPIError, match=message):
        _load(mutate(text))


@given(st.text(alphabet="{}[]:,'#\n abcdeflmnorstu-_\\", max_size=80))
def test_arbitrary_text_never_escapes_as_anything_but_a_schema_error(text: str) -> None:
    try:
        schema = _load(text)
    except QAPIError as exc:
        assert str(exc).strip()
    else:
        check_invariants(schema)
