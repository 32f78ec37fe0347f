"""The front end's IR satisfies the invariants on every real schema we have.

Builds do not check the invariants again on the IR the front end has just
made (only snapshots, which anyone may write, are checked when read), so this
is where a front-end change that breaks them is caught, beside the property
tests on generated schemas.
"""

from __future__ import annotations

import pytest

from qapi_ir.frontend import load_schema
from qapi_ir.invariants import check_invariants
from tests.conftest import CORPUS_DIR, REPO_ROOT, need

#: The corpus's code generation schemas and the released ones of older QEMUs.
_CORPUS_SCHEMAS = {
    "qemu-10.2": ("qemu-10.2/codegen/schemas/qapi/qapi-schema.json", False),
    "qapi-schema-test": ("qemu-10.2/codegen/schemas/tests/qapi-schema/qapi-schema-test.json",
                         False),
    "doc-good": ("qemu-10.2/codegen/schemas/tests/qapi-schema/doc-good.json", False),
    "qemu-10.0": ("history/qemu-10.0/qapi/qapi-schema.json", True),
    "qemu-7.2": ("history/qemu-7.2/qapi/qapi-schema.json", True),
}


def test_the_example_s_ir_satisfies_the_invariants() -> None:
    check_invariants(load_schema(str(REPO_ROOT / "examples" / "service.json")))


@pytest.mark.parametrize("name", sorted(_CORPUS_SCHEMAS))
def test_each_corpus_schema_s_ir_satisfies_the_invariants(name: str) -> None:
    relative, legacy_docs = _CORPUS_SCHEMAS[name]
    path = CORPUS_DIR / relative
    need(path.is_file(), f"conformance corpus schema not found at {path}")
    check_invariants(load_schema(str(path), legacy_docs=legacy_docs, warn=lambda _: None))
