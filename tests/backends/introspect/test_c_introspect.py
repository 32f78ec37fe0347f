"""``qapi-introspect.c``/``.h``: QEMU's QLitObject, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_backends.c import introspect
from qapi_backends.c.settings import CSettings
from qapi_backends.introspect import introspection
from qapi_ir.frontend import load_schema
from qapi_ir.ir import BUILTIN_MODULE, Command, Feature, IfName, Module, Schema
from qapi_ir.plugin_api import Output
from tests.backends.introspect.qlit import read_qlit
from tests.backends.introspect.schemas import builtins, demo_schema
from tests.backends.introspect.test_corpus import _case, expected_c

TINY_C = """\
#include "qemu/osdep.h"
#include "t-qapi-introspect.h"

const QLitObject t_qmp_schema_qlit = QLIT_QLIST(((QLitObject[]) {
    QLIT_QDICT(((QLitDictEntry[]) {
        { "arg-type", QLIT_QSTR("0"), },
        { "features", QLIT_QLIST(((QLitObject[]) {
#if defined(X)
            QLIT_QSTR("f"),
#endif /* defined(X) */
            {}
        })), },
        { "meta-type", QLIT_QSTR("command"), },
        { "name", QLIT_QSTR("ping"), },
        { "ret-type", QLIT_QSTR("0"), },
        {}
    })),
    /* "0" = q_empty */
    QLIT_QDICT(((QLitDictEntry[]) {
        { "members", QLIT_QLIST(((QLitObject[]) {
            {}
        })), },
        { "meta-type", QLIT_QSTR("object"), },
        { "name", QLIT_QSTR("0"), },
        {}
    })),
    {}
}));

/* Dummy declaration to prevent empty .o file */
char qapi_dummy_t_qapi_introspect_c;
"""


def _generate(schema: Schema, prefix: str = "", unmask: bool = False) -> dict[str, str]:
    output = Output()
    introspect.generate(schema, CSettings(prefix=prefix, unmask=unmask), output)
    return output.files


def _strip_banner(text: str) -> str:
    """``text`` without its leading comment blocks, as the conformance runner compares."""
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines) and (not lines[i].strip() or lines[i].lstrip().startswith("/*")):
        while "*/" not in lines[i]:
            i += 1
        i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
    return "".join(lines[i:])


def test_tiny_schema_renders_exactly_like_qemu() -> None:
    ping = Command("ping", None, "t.json", features=(Feature("f", IfName("X")),))
    schema = Schema((Module(BUILTIN_MODULE), Module("t.json")), (*builtins(), ping))
    files = _generate(schema, prefix="t-")
    assert sorted(files) == ["t-qapi-introspect.c", "t-qapi-introspect.h"]
    assert _strip_banner(files["t-qapi-introspect.c"]) == TINY_C
    assert "extern const QLitObject t_qmp_schema_qlit;" in files["t-qapi-introspect.h"]
    assert "#ifndef T_QAPI_INTROSPECT_H" in files["t-qapi-introspect.h"]


@pytest.mark.parametrize("defines", [(), ("A",), ("HAVE_NET", "A", "B", "TINY")])
def test_generated_c_evaluates_to_the_json_introspection(defines: tuple[str, ...]) -> None:
    for unmask in (False, True):
        c_text = _generate(demo_schema(), unmask=unmask)["qapi-introspect.c"]
        assert read_qlit(c_text, defines) == introspection(demo_schema(), defines, unmask)


def test_unmasked_output_has_no_mapping_comments() -> None:
    c_text = _generate(demo_schema(), unmask=True)["qapi-introspect.c"]
    assert '/* "' not in c_text and 'QLIT_QSTR("q_obj_device-add-arg")' in c_text


@pytest.mark.parametrize("name", ["test", "doc-good", "full"])
def test_corpus_introspect_c_is_byte_identical(corpus_dir: Path, name: str) -> None:
    path, prefix = _case(corpus_dir, name)
    files = _generate(load_schema(path), prefix=prefix)
    assert _strip_banner(files[f"{prefix}qapi-introspect.c"]) == _strip_banner(
        expected_c(corpus_dir, name)
    )
