"""The example checker against the hand-built schema, with stale requests written for it."""

from __future__ import annotations

import pytest

from qapi_backends.docs.examples import ExampleChecker, requests
from qapi_backends.docs.rst import Example
from qapi_ir.ir import Location

from .schemas import vault_schema

CHECKER = ExampleChecker(vault_schema())


def example(*lines: str) -> Example:
    """An example whose lines start at line 10 of f.json."""
    return Example(tuple((Location("f.json", 10 + i), line) for i, line in enumerate(lines)))


def test_requests_span_lines_until_the_reply() -> None:
    found = list(requests(example('-> { "execute":', '     "query-vaults" }', '<- {}')))
    assert found == [(Location("f.json", 10), ' { "execute":\n"query-vaults" }')]


@pytest.mark.parametrize("request_text", [
    '{ "execute": "query-vaults" }',
    '{ "execute": "query-vaults", "arguments": { "verbose": false } }',
    '{ "execute": "vault-create", "arguments": { "kind": "sealed", "name": "a", "key": "k" } }',
    '{ "exec-oob": "query-vaults" }',
])
def test_fitting_requests_pass(request_text: str) -> None:
    assert CHECKER.check_request(request_text) == []


@pytest.mark.parametrize(("request_text", "problem"), [
    ('{ "execute": "query-vault" }', "unknown command 'query-vault'"),
    ('{ "execute": "query-vaults", "arguments": { "verbose": 1 } }',
     "arguments.verbose should be of type 'bool', not 1"),
    ('{ "execute": "vault-create", "arguments": { "kind": "plain", "name": "a" } }',
     "arguments lacks mandatory member 'id'"),
    ('{ "execute": "vault-create", "arguments": { "kind": "gold", "name": "a" } }',
     "arguments.kind: \"gold\" is not a value of 'VaultKind'"),
    ('{ "execute": "vault-create", "arguments": { "kind": "sealed", "name": "a", "id": "x",'
     ' "key": "k" } }', "arguments has unknown member 'id'"),
    ('{ "execute": "query-vaults" } }', "not valid JSON"),
])
def test_stale_requests_are_reported(request_text: str, problem: str) -> None:
    assert any(problem in found for found in CHECKER.check_request(request_text))


def test_elided_requests_are_not_checked() -> None:
    assert CHECKER.check(example('-> { "execute": "nope", ... }')) == []


def test_mismatch_is_reported_at_the_request_line() -> None:
    found = CHECKER.check(example('<- { "return": {} }', '-> { "execute": "nope" }'))
    assert found == [(Location("f.json", 11), "example runs unknown command 'nope'")]
