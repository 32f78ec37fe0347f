"""Fixtures of the docs backend tests: the rendered test schema."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from qapi_backends.docs import DocsBackend

from qapi_ir.ir import Schema
from qapi_ir.plugin_api import OptionValue, Output

from .schemas import vault_schema

DEFAULTS: dict[str, OptionValue] = {"since": "", "strict": False}


def generate(schema: Schema, **options: OptionValue) -> Output:
    """Run the docs backend on ``schema`` with ``options`` over the defaults."""
    output = Output()
    given: Mapping[str, OptionValue] = {**DEFAULTS, **options}
    DocsBackend().generate(schema, output, given)
    return output


@pytest.fixture(scope="module")
def vault_output() -> Output:
    """The docs of the hand-built test schema, with ``since=2.0``."""
    return generate(vault_schema(), since="2.0")
