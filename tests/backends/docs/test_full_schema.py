"""The docs backend on QEMU's full schema from the conformance corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import Output

from .conftest import generate
from .linkcheck import broken_links, ids_of


@pytest.fixture(scope="module")
def full_output(corpus_dir: Path) -> Output:
    """The manual of QEMU 10.2's full schema."""
    schema = corpus_dir / "qemu-10.2" / "codegen" / "schemas" / "qapi" / "qapi-schema.json"
    return generate(load_schema(str(schema)))


@pytest.fixture(scope="module")
def corpus_dir() -> Path:
    """The corpus, once per module (the shared fixture is per test)."""
    from tests.conftest import CORPUS_DIR, need

    need((CORPUS_DIR / "run").is_file(), f"conformance corpus not found at {CORPUS_DIR}")
    return CORPUS_DIR


def test_every_href_of_the_full_schema_resolves(full_output: Output) -> None:
    assert broken_links(full_output.files) == []


def test_full_schema_has_the_documented_stable_anchors(full_output: Output) -> None:
    page = next(text for name, text in full_output.files.items()
                if 'id="command-query-block"' in text)
    assert {"type-BlockInfo", "member-BlockInfo-device"} <= ids_of(page)


def test_full_schema_markup_renders_without_docutils_complaints(full_output: Output) -> None:
    markup = [w for w in full_output.warnings
              if "example" not in w and "cross-reference" not in w]
    assert markup == []
