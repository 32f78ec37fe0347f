"""The legacy switch: doc comments written under older QEMU releases' rules.

``load_schema(path, legacy_docs=True)`` (``--legacy-docs``, ``legacy-docs = true``
in plugins.toml) accepts the doc comment forms QEMU 10.2 rejects, keeps the docs,
still checks every definition, and says per file what it relaxed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir.driver import cli
from qapi_ir.frontend import load_schema
from qapi_ir.frontend.errors import QAPIError
from qapi_ir.invariants import check_invariants
from qapi_ir.ir import Doc, Schema

OLD_STYLE = """\
##
# @Widget:
#
# A widget. It has parts.
#
# @size:
# How big it is,
# in units.
#
# @name : not a member description in older releases
#
# Note: Widgets are
#       not gadgets.
#
# Since: 1.0
##
{ 'struct': 'Widget', 'data': { 'size': 'int', 'colour': 'str' } }

##
# @spin:
#
# @speed: how fast
#
# Returns: nothing
#
# Examples:
#
# -> { "execute": "spin", "arguments": { "speed": 3 } }
# <- { "return": {} }
##
{ 'command': 'spin', 'data': { 'speed': 'int' } }
"""

RELAXED = (
    "one space between sentences, 'Note:' sections, 'Example:' sections,"
    " unindented text after a section tag, 'Returns:' for commands that return nothing,"
    " undocumented members, '@NAME :' read as text"
)


def _write(tmp_path: Path, text: str, name: str = "old.json") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def _legacy(path: Path) -> tuple[Schema, list[str]]:
    warnings: list[str] = []
    schema = load_schema(str(path), legacy_docs=True, warn=warnings.append)
    return schema, warnings


def _doc(schema: Schema, symbol: str) -> Doc:
    return next(doc for doc in schema.docs if doc.symbol == symbol)


def test_older_doc_comments_are_rejected_without_the_switch(tmp_path: Path) -> None:
    path = _write(tmp_path, OLD_STYLE)
    with pytest.raises(QAPIError) as exc:
        load_schema(str(path))
    assert str(exc.value) == (
        f"{path}:4:12: Use two spaces between sentences\n"
        "If this not the end of a sentence, please report a bug.")


def test_the_switch_keeps_older_doc_comments_and_warns_once_per_file(tmp_path: Path) -> None:
    path = _write(tmp_path, OLD_STYLE)
    schema, warnings = _legacy(path)
    assert warnings == [f"{path}: warning: accepted older doc comment rules: {RELAXED}"]
    widget = _doc(schema, "Widget")
    assert widget.body.text == "A widget. It has parts."
    assert [(a.name, a.text) for a in widget.args] == [
        ("size", "How big it is,\nin units."), ("colour", "")]
    assert [(s.kind, s.text) for s in widget.sections] == [
        ("Plain", "@name : not a member description in older releases\n\n"
                  ".. note::\n\n   Widgets are\n   not gadgets."),
        ("Since", "1.0")]
    spin = _doc(schema, "spin")
    assert [(s.kind, s.text) for s in spin.sections] == [
        ("Returns", "nothing"),
        ("Plain", '.. qmp-example::\n\n'
                  '   -> { "execute": "spin", "arguments": { "speed": 3 } }\n'
                  '   <- { "return": {} }')]


def test_the_switch_still_checks_every_definition(tmp_path: Path) -> None:
    path = _write(tmp_path, OLD_STYLE.replace("'colour': 'str'", "'colour': 'Colour'"))
    with pytest.raises(QAPIError, match="member 'colour' uses unknown type 'Colour'"):
        _legacy(path)


def test_the_switch_still_rejects_descriptions_of_missing_members(tmp_path: Path) -> None:
    path = _write(tmp_path, OLD_STYLE.replace("# @speed: how fast", "# @sped: how fast"))
    with pytest.raises(QAPIError, match="documented member 'sped' does not exist"):
        _legacy(path)


def test_a_schema_valid_today_reads_the_same_with_the_switch(corpus_dir: Path) -> None:
    path = corpus_dir / "qemu-10.2" / "codegen" / "schemas" / "qapi" / "qapi-schema.json"
    schema, warnings = _legacy(path)
    assert warnings == []
    assert schema == load_schema(str(path))


@pytest.mark.parametrize(("release", "first_error"), [
    ("7.2", "qapi-schema.json:8:1: documentation line longer than 70 characters"),
    ("10.0", "crypto.json:47:1: documentation line longer than 70 characters"),
])
def test_older_qemu_schemas_lower_with_the_switch_only(
    corpus_dir: Path, release: str, first_error: str
) -> None:
    path = corpus_dir / "history" / f"qemu-{release}" / "qapi" / "qapi-schema.json"
    with pytest.raises(QAPIError) as exc:
        load_schema(str(path))
    assert str(exc.value).endswith(f"qemu-{release}/qapi/{first_error}")
    schema, warnings = _legacy(path)
    check_invariants(schema)
    assert any(getattr(entity, "name", None) == "query-status" for entity in schema.entities)
    assert len(schema.docs) > 900
    assert warnings and all(": warning: accepted older doc comment rules: " in w
                            for w in warnings)
    assert len(warnings) == len({w.split(":", 1)[0] for w in warnings})


def test_build_switch_on_the_command_line_and_in_plugins_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, OLD_STYLE)
    monkeypatch.chdir(tmp_path)
    common = ["-q", "--backend", "ir", "--cache-dir", str(tmp_path / "cache"), str(path)]
    assert cli.main(["-o", "strict", *common]) == 1
    assert "Use two spaces between sentences" in capsys.readouterr().err
    for _ in range(2):  # the second build takes the schema from the cache, and still warns
        assert cli.main(["--legacy-docs", "-o", "flag", *common]) == 0
        assert capsys.readouterr().err == (
            f"{path}: warning: accepted older doc comment rules: {RELAXED}\n")
    (tmp_path / "plugins.toml").write_text("legacy-docs = true\n")
    assert cli.main(["-o", "config", *common]) == 0
    assert "accepted older doc comment rules" in capsys.readouterr().err
    assert (tmp_path / "config" / "ir.json").read_text() == (
        tmp_path / "flag" / "ir.json").read_text()


def test_plugins_toml_legacy_docs_must_be_a_boolean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plugins.toml").write_text('legacy-docs = "yes"\n')
    assert cli.main(["--no-cache", str(_write(tmp_path, OLD_STYLE))]) == 1
    assert capsys.readouterr().err == "plugins.toml: 'legacy-docs' must be true or false\n"
