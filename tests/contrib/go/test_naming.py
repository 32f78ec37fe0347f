"""Go identifiers and literals derived from untrusted QAPI names."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from qapi_build_go.naming import check_wire_name, exported, go_string
from qapi_ir.frontend import load_schema
from qapi_ir.ir import EnumType, EnumValue, Member, ObjectType, Schema
from qapi_ir.plugin_api import BackendError, Output
from tests.contrib.go.conftest import EXAMPLE, GoBackend, GoTools


@pytest.mark.parametrize(
    ("name", "identifier"),
    [
        ("node-name", "NodeName"),
        ("cpuIndex", "CpuIndex"),
        ("__com.redhat_foo", "ComRedhatFoo"),
        ("3d", "X3d"),
        ("", "X"),
        ("if", "If"),
        ("a`b\"c\nd", "ABCD"),
        ("h\u00e9llo", "HLlo"),
    ],
)
def test_exported_identifier_keeps_only_ascii_letters_and_digits(
    name: str, identifier: str
) -> None:
    assert exported(name) == identifier


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("queued", '"queued"'),
        ('say "hi"\\', '"say \\"hi\\"\\\\"'),
        ("line\nnext\t", '"line\\u000anext\\u0009"'),
        ("caf\u00e9 \U0001f600", '"caf\\u00e9 \\U0001f600"'),
    ],
)
def test_go_string_escapes_whatever_it_is_given(text: str, literal: str) -> None:
    assert go_string(text) == literal


def test_go_string_refuses_a_lone_surrogate() -> None:
    with pytest.raises(BackendError, match="lone surrogate"):
        go_string("a\ud800")


@pytest.mark.parametrize("name", ["a`b", 'a"b', "a b", "a,b", ""])
def test_wire_names_that_would_break_a_struct_tag_are_refused(name: str) -> None:
    with pytest.raises(BackendError, match="accepts only"):
        check_wire_name(name, "member")


def _hostile_example() -> Schema:
    """The example schema with an enum value and a doc text no front end would let through."""
    schema = load_schema(str(EXAMPLE))
    entities = []
    for entity in schema.entities:
        if isinstance(entity, EnumType) and entity.name == "JobState":
            values = (*entity.values, EnumValue(name='x"\n}\nfunc init() { panic(1) }\n//'))
            entity = attrs.evolve(entity, values=values)
        entities.append(entity)
    docs = tuple(
        attrs.evolve(d, body=attrs.evolve(d.body, text="Hostile\n\x00*/\r\npackage main\u2028x"))
        if d.symbol == "JobInfo" else d
        for d in schema.docs
    )
    return attrs.evolve(schema, entities=tuple(entities), docs=docs)


def test_hostile_names_and_docs_stay_inside_literals_and_comments(
    go_tools: GoTools, tmp_path: Path
) -> None:
    output = Output()
    GoBackend().generate(_hostile_example(), output, {"package": "qmp", "module": ""})
    types = output.files["qmp/types.go"]
    assert '= "x\\"\\u000a}\\u000afunc init() { panic(1) }\\u000a//"' in types
    assert "// Hostile\n// */\n// package mainx\n" in types
    for name, text in output.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    go_tools.assert_clean(tmp_path / "qmp")


def test_member_name_that_would_break_a_struct_tag_is_one_clear_error() -> None:
    schema = load_schema(str(EXAMPLE))
    entities = tuple(
        attrs.evolve(e, members=(*e.members, Member(name="a`b", type="str")))
        if isinstance(e, ObjectType) and e.name == "JobInfo" else e
        for e in schema.entities
    )
    with pytest.raises(BackendError, match=r"JobInfo: member 'a`b'"):
        GoBackend().generate(attrs.evolve(schema, entities=entities), Output(),
                             {"package": "qmp", "module": ""})
