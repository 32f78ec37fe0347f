"""The reading layer: schema text to expressions and documentation comments."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from qapi_ir.frontend.errors import QAPIError, QAPIParseError, QAPISemError
from qapi_ir.frontend.parser import QAPIDoc, QAPISchemaParser
from qapi_ir.frontend.source import QAPISourceInfo


def parse(tmp_path: Path, text: str, name: str = 'schema.json') -> QAPISchemaParser:
    (tmp_path / name).write_text(text)
    return QAPISchemaParser(str(tmp_path / name))


def parse_error(tmp_path: Path, text: str) -> str:
    """The error message for ``text``, with the file name shortened to ``F``."""
    with pytest.raises(QAPIError) as exc:
        parse(tmp_path, text)
    return str(exc.value).replace(str(tmp_path / 'schema.json'), 'F')


@dataclass
class Member:
    name: str
    info: QAPISourceInfo | None
    role: str = 'member'


# Expressions and lexical syntax

def test_expressions_keep_values_order_and_line(tmp_path: Path) -> None:
    p = parse(tmp_path,
              "# c\n{ 'struct': 'S',\n  'data': { 'b': 'int', 'a': ['x', true, false] } }\n")
    [expr] = p.exprs
    assert expr == {'struct': 'S', 'data': {'b': 'int', 'a': ['x', True, False]}}
    assert list(expr['data']) == ['b', 'a']
    assert expr.info.line == 2 and expr.doc is None


def test_backslash_escape_is_the_only_one(tmp_path: Path) -> None:
    p = parse(tmp_path, "{ 'a': 'x\\\\y' }\n")
    assert p.exprs[0]['a'] == 'x\\y'
    assert parse_error(tmp_path, "{ 'a': 'x\\'' }") == "F:1:8: unknown escape \\'"


def test_control_and_non_ascii_characters_are_funny(tmp_path: Path) -> None:
    assert parse_error(tmp_path, "{ 'a': 'x\x7f' }") == 'F:1:8: funny character in string'
    assert parse_error(tmp_path, "{ 'a': 'é' }") == 'F:1:8: funny character in string'


def test_unterminated_string(tmp_path: Path) -> None:
    assert parse_error(tmp_path, "{ 'a': 'x }\n") == "F:1:8: missing terminating \"'\""


@pytest.mark.parametrize(('text', 'message'), [
    ("{ 'a' 'b' }", "F:1:7: expected ':'"),
    ("{ 'a': 'b' 'c': 'd' }", "F:1:12: expected ',' or '}'"),
    ("{ 'a': 'b', }", 'F:1:13: expected string'),
    ("{ 1 }", "F:1:3: stray '1'"),
    ("{ 'a': [ 'b' 'c' ] }", "F:1:14: expected ',' or ']'"),
    ("{ 'a': [ , ] }", "F:1:10: expected '{', '[', ']', string, or boolean"),
    ("{ 'a': }", "F:1:8: expected '{', '[', string, or boolean"),
    ("{ 'a': 'b',\n  'a': 'c' }", "F:2:8: duplicate key 'a'"),
    ("{ 'a': 'b'", "F:1:11: expected ',' or '}'"),
    # lines counted across comments, blank lines and other white space
    ("# comment\n\n{ 'a' 'b' }", "F:3:7: expected ':'"),
    ("{ 'a': 'b' }\n  \t\n{ 'c': tru }", "F:3:8: stray 'tru'"),
    ("##\n# doc\n\n# more\n##\n{ 'x': 1 }", "F:6:8: stray '1'"),
    # the end of the text is reported on its last line
    ("{ 'a': 'b'\n# a comment\n\n", "F:3:1: expected ',' or '}'"),
    # a string with an escape, read character by character
    ("{ 'a': 'b\\\\c', 'd': 'e\\x' }", "F:1:21: unknown escape \\x"),
])
def test_syntax_errors_report_line_and_column(tmp_path: Path, text: str, message: str) -> None:
    assert parse_error(tmp_path, text) == message


def test_column_counts_tabs_like_qemu(tmp_path: Path) -> None:
    # QEMU's tab formula (col + 7) % 8 + 1 wraps the column into 1..8
    assert parse_error(tmp_path, "{\t'a' 'b' }") == "F:1:6: expected ':'"
    assert parse_error(tmp_path, "{ 'abcdef'\t'b' }") == "F:1:3: expected ':'"


def test_top_level_must_be_object(tmp_path: Path) -> None:
    assert parse_error(tmp_path, "\n[ ]\n") == 'F:2: top-level expression must be an object'


def test_missing_schema_file(tmp_path: Path) -> None:
    with pytest.raises(QAPIError) as exc:
        QAPISchemaParser('no-such.json')
    assert str(exc.value) == "can't read schema file 'no-such.json': No such file or directory"


# Includes

def test_include_is_relative_to_including_file_and_recorded(tmp_path: Path) -> None:
    sub = tmp_path / 'sub'
    sub.mkdir()
    (sub / 'a.json').write_text("{ 'include': 'b.json' }\n")
    (sub / 'b.json').write_text("\n{ 'enum': 'E', 'data': [] }\n")
    p = parse(tmp_path, "{ 'include': 'sub/a.json' }\n")
    assert [dict(e) for e in p.exprs] == [
        {'include': str(tmp_path / 'sub/a.json')},
        {'include': str(tmp_path / 'sub/b.json')},
        {'enum': 'E', 'data': []},
    ]
    assert str(p.exprs[2].info) == (
        f"In file included from {tmp_path}/schema.json:1:\n"
        f"In file included from {tmp_path}/sub/a.json:1:\n"
        f"{tmp_path}/sub/b.json:2")


def test_repeated_include_is_recorded_but_read_once(tmp_path: Path) -> None:
    (tmp_path / 'a.json').write_text("{ 'enum': 'E', 'data': [] }\n")
    p = parse(tmp_path, "{ 'include': 'a.json' }\n{ 'include': 'a.json' }\n")
    assert [next(iter(e)) for e in p.exprs] == ['include', 'enum', 'include']


def test_inclusion_loop_shows_include_chain(tmp_path: Path) -> None:
    (tmp_path / 'a.json').write_text("{ 'include': 'schema.json' }\n")
    message = parse_error(tmp_path, "{ 'include': 'a.json' }\n")
    assert message == (
        "In file included from F:1:\n"
        f"{tmp_path}/a.json:1: inclusion loop for schema.json")


def test_self_inclusion_is_a_loop(tmp_path: Path) -> None:
    message = parse_error(tmp_path, "{ 'include': 'schema.json' }\n")
    assert message == 'F:1: inclusion loop for schema.json'


@pytest.mark.parametrize(('text', 'message'), [
    ("{ 'include': 'gone.json' }", "F:1: can't read include file '{dir}/gone.json': "
                                   "No such file or directory"),
    ("{ 'include': 'a.json', 'x': true }", "F:1: invalid 'include' directive"),
    ("{ 'include': ['a.json'] }", "F:1: value of 'include' must be a string"),
])
def test_include_errors(tmp_path: Path, text: str, message: str) -> None:
    assert parse_error(tmp_path, text) == message.format(dir=tmp_path)


# Pragmas

def test_pragmas_are_shared_with_included_files(tmp_path: Path) -> None:
    (tmp_path / 'a.json').write_text(
        "{ 'pragma': { 'doc-required': true, 'member-name-exceptions': ['X'] } }\n"
        "{ 'enum': 'E', 'data': [] }\n")
    p = parse(tmp_path, "{ 'include': 'a.json' }\n{ 'enum': 'F', 'data': [] }\n")
    pragma = p.exprs[-1].info.pragma
    assert pragma is p.exprs[1].info.pragma
    assert pragma.doc_required and pragma.member_name_exceptions == ['X']
    assert pragma.command_name_exceptions == []


@pytest.mark.parametrize(('text', 'message'), [
    ("{ 'pragma': { 'doc-required': 'yes' } }", "F:1: pragma 'doc-required' must be boolean"),
    ("{ 'pragma': { 'command-name-exceptions': 'x' } }",
     'F:1: pragma command-name-exceptions must be a list of strings'),
    ("{ 'pragma': { 'documentation-exceptions': [true] } }",
     'F:1: pragma documentation-exceptions must be a list of strings'),
    ("{ 'pragma': { 'nope': true } }", "F:1: unknown pragma 'nope'"),
    ("{ 'pragma': {}, 'x': true }", "F:1: invalid 'pragma' directive"),
    ("{ 'pragma': [] }", "F:1: value of 'pragma' must be an object"),
])
def test_pragma_errors(tmp_path: Path, text: str, message: str) -> None:
    assert parse_error(tmp_path, text) == message


# Documentation comments

DEFINITION_DOC = """\
##
# @cmd:
#
# Intro
#
# more intro
#
# @a: first line
#     continued
# @b:
#   on a new line
#
# Features:
# @deprecated: old
#
# Notes follow.
#
# Returns: something
#
# Errors: sometimes
#
# TODO: frobnicate
#
# Since: 1.0
##
{ 'command': 'cmd', 'data': { 'a': 'int', 'b': 'int' }, 'returns': 'int' }
"""


def test_definition_doc_sections(tmp_path: Path) -> None:
    p = parse(tmp_path, DEFINITION_DOC)
    [doc] = p.docs
    assert p.exprs[0].doc is doc
    assert doc.symbol == 'cmd' and doc.info.line == 1
    assert doc.body.text == 'Intro\n\nmore intro' and doc.body.info.line == 4
    assert {n: s.text for n, s in doc.args.items()} == {
        'a': 'first line\n    continued', 'b': '  on a new line'}
    assert doc.args['b'].info.line == 10
    assert doc.features['deprecated'].text == 'old'
    assert [(str(s.kind), s.text) for s in doc.sections] == [
        ('Plain', 'Notes follow.'), ('Returns', 'something'), ('Errors', 'sometimes'),
        ('Todo', 'frobnicate'), ('Since', '1.0')]
    assert doc.returns is doc.sections[1] and doc.since is doc.sections[4]
    assert [s.kind for s in doc.all_sections] == [
        QAPIDoc.Kind.PLAIN, QAPIDoc.Kind.MEMBER, QAPIDoc.Kind.MEMBER, QAPIDoc.Kind.FEATURE,
        QAPIDoc.Kind.PLAIN, QAPIDoc.Kind.RETURNS, QAPIDoc.Kind.ERRORS, QAPIDoc.Kind.TODO,
        QAPIDoc.Kind.SINCE]


def test_freeform_doc_keeps_text(tmp_path: Path) -> None:
    p = parse(tmp_path, "##\n# Title\n# =====\n#\n# Since: text here\n##\n")
    [doc] = p.docs
    assert doc.symbol is None and doc.sections == [] and doc.args == {}
    assert doc.body.text == 'Title\n=====\n\nSince: text here'


def test_connect_member_stubs_documentation_exceptions(tmp_path: Path) -> None:
    p = parse(tmp_path, "{ 'pragma': { 'documentation-exceptions': ['S'] } }\n"
                        "##\n# @S:\n# @a: x\n##\n{ 'struct': 'S', 'data': {} }\n")
    expr = p.exprs[0]
    doc = expr.doc
    assert doc is not None
    a, b = Member('a', expr.info), Member('b', expr.info)
    doc.connect_member(a)
    doc.connect_member(b)
    doc.check()
    assert doc.args['a'].member is a and doc.args['b'].text == ''
    assert [s.kind for s in doc.all_sections] == [QAPIDoc.Kind.PLAIN] + [QAPIDoc.Kind.MEMBER] * 2


def test_connect_member_requires_documentation(tmp_path: Path) -> None:
    p = parse(tmp_path, "##\n# @S:\n##\n{ 'struct': 'S', 'data': {} }\n")
    doc = p.exprs[0].doc
    assert doc is not None
    info = p.exprs[0].info
    with pytest.raises(QAPISemError) as exc:
        doc.connect_member(Member('v', info, 'value'))
    assert exc.value.info is info and exc.value.msg == "value 'v' lacks documentation"
    with pytest.raises(QAPISemError) as exc:
        doc.connect_feature(Member('f', info, 'feature'))
    assert exc.value.msg == "feature 'f' lacks documentation"


def test_check_reports_documented_but_missing(tmp_path: Path) -> None:
    p = parse(tmp_path, "##\n# @S:\n#\n# Features:\n# @f: x\n##\n{ 'struct': 'S' }\n")
    doc = p.docs[0]
    with pytest.raises(QAPISemError, match="documented feature 'f' does not exist"):
        doc.check()


@pytest.mark.parametrize(('expr', 'message'), [
    ("{ 'command': 'S' }", "F:3: 'Returns' section, but command doesn't return anything"),
    ("{ 'event': 'S' }", "F:3: 'Returns' section is only valid for commands"),
])
def test_check_expr_returns(tmp_path: Path, expr: str, message: str) -> None:
    p = parse(tmp_path, f"##\n# @S:\n# Returns: x\n##\n{expr}\n")
    [e] = p.exprs
    assert e.doc is not None
    with pytest.raises(QAPISemError) as exc:
        e.doc.check_expr(e)
    assert str(exc.value).replace(str(tmp_path / 'schema.json'), 'F') == message


def test_ensure_returns_stub_goes_after_members(tmp_path: Path) -> None:
    p = parse(tmp_path, "##\n# @c:\n# @a: x\n#\n# Since: 1\n##\n{ 'command': 'c' }\n")
    doc = p.docs[0]
    doc.ensure_returns(p.exprs[0].info)
    assert [str(s.kind) for s in doc.all_sections] == ['Plain', 'Member', 'Returns', 'Since']
    assert doc.sections == [doc.since]


@pytest.mark.parametrize(('doc', 'message'), [
    ("## x\n##\n", "F:1:1: junk after '##' at start of documentation comment"),
    ("##\n# text\n## x\n", "F:3:1: junk after '##' at end of documentation comment"),
    ("##\n# text\n", "F:2:7: documentation comment must end with '##'"),
    ("##\n#text\n##\n", 'F:2:1: missing space after #'),
    ("##\n# @:\n##\n", "F:2:1: name required after '@'"),
    ("##\n# @foo\n##\n", "F:2:1: line should end with ':'"),
    ("##\n# @foo:\n# @:\n##\n", 'F:3: invalid parameter name'),
    ("##\n# @foo:\n# @a:\n# @a:\n##\n", "F:4: 'a' parameter name duplicated"),
    ("##\n# @foo:\n# Since: 1\n# Since: 2\n##\n", "F:4: duplicated 'Since' section"),
    ("##\n# @foo:\n# Errors:\n##\n", "F:3: text required after 'Errors:'"),
    ("##\n# @foo:\n# Features:\n# @f: x\n# Features:\n##\n", "F:5:1: duplicated 'Features:' line"),
    ("##\n# @foo:\n# Features:\n# x\n##\n", 'F:4:1: feature descriptions expected'),
    ("##\n# @foo:\n# Since: 1\n# @a: x\n##\n", "F:4:1: description of '@a:' follows a section"),
    ("##\n# @foo:\n# @a: x\n#     y\n#   z\n##\n",
     'F:5:1: unexpected de-indent (expected at least 4 spaces)'),
    ("##\n# text\n# @a: x\n##\n", "F:3:1: '@a:' not allowed in free-form documentation"),
    ("##\n# @foo:\n# Note: x\n##\n", "F:3:1: The 'Note' section is no longer supported. "
     "Please use rST's '.. note::' or '.. admonition:: notes' directives, or another "
     "suitable admonition instead."),
    ("##\n# @foo:\n##\n", "F:1: documentation for 'foo' is not followed by the definition"),
    ("##\n# @foo:\n##\n{ 'include': 'x.json' }\n",
     "F:1: documentation for 'foo' is not followed by the definition"),
    ("##\n# foo:\n##\n{ 'command': 'foo' }\n", 'F:1: definition documentation required'),
])
def test_doc_comment_errors(tmp_path: Path, doc: str, message: str) -> None:
    assert parse_error(tmp_path, doc) == message


def test_rst_double_colon_is_not_a_section_tag(tmp_path: Path) -> None:
    p = parse(tmp_path, "##\n# @c:\n#\n# Example::\n#\n#   code\n##\n{ 'command': 'c' }\n")
    assert p.docs[0].body.text == 'Example::\n\n  code'


def test_parse_error_carries_position(tmp_path: Path) -> None:
    with pytest.raises(QAPIParseError) as exc:
        parse(tmp_path, "\n  x")
    assert exc.value.info is not None and exc.value.info.line == 2
    assert exc.value.col == 3 and exc.value.msg == "stray 'x'"


def test_source_info_in_definition(tmp_path: Path) -> None:
    info = QAPISourceInfo('f.json', None).at_line(2)
    info.set_defn('command', 'x')
    assert str(info) == "f.json: In command 'x':\nf.json:2"
    assert str(QAPISemError(info, 'bad')) == "f.json: In command 'x':\nf.json:2: bad"
