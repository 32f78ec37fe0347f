"""Equality with QEMU 10.2: the corpus's ``qapi-introspect.c``, evaluated for a define set,
is exactly our ``query-qmp-schema`` JSON (masked names, conditions applied)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from qapi_backends.introspect import introspection
from qapi_ir.frontend import load_schema
from tests.backends.introspect.qlit import read_qlit, symbols

CASES = ("test", "doc-good", "full")


def _case(corpus: Path, name: str) -> tuple[str, str]:
    """(schema path, output prefix) of corpus case ``name``."""
    codegen = corpus / "qemu-10.2" / "codegen"
    case = next(c for c in json.loads((codegen / "cases.json").read_text()) if c["name"] == name)
    args: list[str] = case["args"]
    prefix = args[args.index("-p") + 1] if "-p" in args else ""
    return str(codegen / "schemas" / case["schema"]), prefix


def expected_c(corpus: Path, name: str) -> str:
    """QEMU's ``qapi-introspect.c`` for corpus case ``name``."""
    _, prefix = _case(corpus, name)
    path = corpus / "qemu-10.2" / "codegen" / "expected" / name / f"{prefix}qapi-introspect.c"
    return path.read_text(encoding="utf-8")


def define_sets(c_text: str) -> list[tuple[str, ...]]:
    """None, all, every other one and the rest of the symbols ``c_text`` tests."""
    every = sorted(symbols(c_text))
    return [(), tuple(every), tuple(every[::2]), tuple(every[1::2])]


@pytest.mark.parametrize("name", CASES)
def test_introspection_equals_qemus_qlit_for_several_define_sets(
    corpus_dir: Path, name: str
) -> None:
    schema = load_schema(_case(corpus_dir, name)[0])
    c_text = expected_c(corpus_dir, name)
    sets = define_sets(c_text)
    assert len(sets[1]) > 0
    for defines in sets:
        expected: list[Any] = read_qlit(c_text, defines)
        assert introspection(schema, defines) == expected, f"defines {defines}"
