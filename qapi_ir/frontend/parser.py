"""Reading schema files: text to top-level expressions and documentation comments.

The syntax is JSON with single-quoted strings, ``#`` comments and no numbers
or null; ``##`` starts a documentation comment.  ``include`` and ``pragma``
directives are handled here, so the checks downstream see only definitions
(plus one ``{'include': PATH}`` expression per include directive).

Derived from QEMU's ``scripts/qapi/parser.py``
(GPL-2.0-only; see NOTICE).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

from qapi_ir.input_file import InputFileError, read_text, shown
from qapi_ir.language import MAX_CHAIN_DEPTH

from . import parse_cache
from .doc import QAPIDoc
from .doc_reader import DocReader
from .errors import QAPIError, QAPIParseError, QAPISemError
from .parse_cache import Entry, ParseCache
from .source import QAPISourceInfo

__all__ = ['QAPIDoc', 'QAPIExpression', 'QAPISchemaParser']

# A JSON value as the schema language has it.
_ExprValue = list[object] | dict[str, object] | str | bool

#: How deeply objects and arrays may nest in a schema file (QEMU's schema needs 6).
MAX_NESTING = 100

#: A string's rest when it has no escape: printable ASCII but \\ and ', then '.
_PLAIN_STRING = re.compile(r"[ -&(-\[\]-~]*'")
#: One token in one step: what comes before it (white space, and comments that
#: are not documentation: '#' but not '##'), then the token (groups below).  A
#: match without a group ends at the end of the text, at a string that needs
#: reading character by character (an escape, an error) or at a stray character.
_TOKEN_ALTERNATIVES = r"(?:(#[^\n]*)|([{}:,\[\]])|('[ -&(-\[\]-~]*')|(true)|(false))?"
_TOKEN = re.compile(r"(?:\s|#(?!#)[^\n]*)*" + _TOKEN_ALTERNATIVES)
#: The same inside a documentation comment, where every comment line is a token.
_LINE_TOKEN = re.compile(r"\s*" + _TOKEN_ALTERNATIVES)
_COMMENT, _STRUCTURAL, _STRING, _TRUE, _FALSE = range(1, 6)


class QAPIExpression(dict[str, Any]):
    """A top-level expression, with its source location and documentation."""

    def __init__(self, data: Mapping[str, object], info: QAPISourceInfo,
                 doc: QAPIDoc | None = None) -> None:
        super().__init__(data)
        self.info = info
        self.doc = doc


class QAPISchemaParser:
    """Parse schema file ``fname`` and, recursively, the files it includes.

    ``previously_included`` holds the absolute paths already read (shared with
    the includer, so repeated includes are read once); ``incl_info`` is the
    location of the include directive that led here, None for the main file.
    Results: ``exprs`` (every top-level expression, included files' spliced in
    place) and ``docs`` (every documentation comment, likewise).

    A main file that cannot be read raises :class:`QAPIError`; an included one
    raises :class:`OSError`, which the includer reports at the directive.
    With a ``cache``, a file whose text was read before is not parsed again:
    its entries (see :mod:`.parse_cache`) are taken from there.

    With ``legacy_docs``, doc comments are read under the rules of older
    releases (each :class:`QAPIDoc` records the rules relaxed for it).
    """

    def __init__(self, fname: str, previously_included: set[str] | None = None,
                 incl_info: QAPISourceInfo | None = None, *,
                 legacy_docs: bool = False, cache: ParseCache | None = None) -> None:
        self._fname = fname
        self._legacy_docs = legacy_docs
        self._included = previously_included if previously_included is not None else set()
        self._included.add(os.path.abspath(fname))
        self._cache = cache
        self.src = ''

        # Lexer state: the current token ``tok`` starts at ``src[pos]``;
        # ``cursor`` is where the next one is looked for.  ``tok`` is one of
        # '{}:,[]', "'" for a string, 't' or 'f' for a boolean, '#' for a
        # documentation comment line, or None at the end of the file; ``val``
        # is the string, boolean or comment line.  Lines are counted only when
        # a location is asked for: ``_line`` is the line of ``src[_counted]``.
        self._info = QAPISourceInfo(fname, incl_info)
        self._line = 1
        self._counted = 0
        self.tok: str | None = None
        self.pos = 0
        self.cursor = 0
        self.val: str | bool | None = None
        self._nesting = 0  # objects and arrays open around the current token

        self.exprs: list[QAPIExpression] = []
        self.docs: list[QAPIDoc] = []
        self._entries: list[Entry] = []

        try:
            self.src = read_text(fname)
        except OSError as err:
            if incl_info is not None:
                raise
            raise QAPIError(f"can't read schema file '{fname}': {err.strerror}") from err
        except InputFileError as err:
            if incl_info is not None and err.line is None:
                raise QAPISemError(
                    incl_info, f"can't read include file '{fname}': {err.reason}") from None
            if err.line is None:
                raise QAPIError(f"can't read schema file '{fname}': {err.reason}") from None
            raise QAPIError(f"{fname}:{err.line}: {err.reason}") from None
        if not self.src.endswith('\n'):
            self.src += '\n'
        if cache is None:
            self._parse()
            return
        pragma = self.info.pragma
        data = cache.get(fname, self.src, legacy_docs)
        entries = parse_cache.loads(data, incl_info, pragma) if data is not None else None
        if entries is None:
            self._parse()
            cache.put(fname, self.src, legacy_docs,
                      lambda stream: parse_cache.dump(self._entries, incl_info, pragma, stream))
            return
        for entry in entries:
            self._take(entry)

    def _parse(self) -> None:
        doc: QAPIDoc | None = None
        reader = DocReader(self, legacy=self._legacy_docs)
        self.accept()
        while self.tok is not None:
            info = self.info
            if self.tok == '#':
                self.reject_expr_doc(doc)
                doc = reader.read()
                self._take(('doc', doc, None))
                continue

            expr = self.get_expr()
            if not isinstance(expr, dict):
                raise QAPISemError(info, "top-level expression must be an object")

            if 'include' in expr:
                self.reject_expr_doc(doc)
                if len(expr) != 1:
                    raise QAPISemError(info, "invalid 'include' directive")
                include = expr['include']
                if not isinstance(include, str):
                    raise QAPISemError(info, "value of 'include' must be a string")
                self._take(('include', include, info))
            elif 'pragma' in expr:
                self.reject_expr_doc(doc)
                if len(expr) != 1:
                    raise QAPISemError(info, "invalid 'pragma' directive")
                pragma = expr['pragma']
                if not isinstance(pragma, dict):
                    raise QAPISemError(info, "value of 'pragma' must be an object")
                self._take(('pragma', pragma, info))
            else:
                if doc and not doc.symbol:
                    raise QAPISemError(doc.info, "definition documentation required")
                self._take(('expr', QAPIExpression(expr, info, doc), None))
            doc = None
        self.reject_expr_doc(doc)

    @property
    def info(self) -> QAPISourceInfo:
        """The location of the current line (made when asked for: most lines never are)."""
        self._line += self.src.count('\n', self._counted, self.pos)
        self._counted = self.pos
        if self._info.line != self._line:
            self._info = self._info.at_line(self._line)
        return self._info

    @property
    def line_pos(self) -> int:
        """Where the line of the current token starts in ``src``."""
        return self.src.rfind('\n', 0, self.pos) + 1

    def _take(self, entry: Entry) -> None:
        """Add what entry ``entry`` of this file yields: read just now or cached."""
        self._entries.append(entry)
        kind, value, info = entry
        if kind == 'doc':
            self.docs.append(value)
        elif kind == 'expr':
            self.exprs.append(value)
        elif kind == 'include':
            assert info is not None
            incl_fname = os.path.join(os.path.dirname(self._fname), value)
            self.exprs.append(QAPIExpression({'include': incl_fname}, info))
            sub = self._include(value, info, incl_fname, self._included,
                                self._legacy_docs, self._cache)
            if sub:
                self.exprs.extend(sub.exprs)
                self.docs.extend(sub.docs)
        else:
            assert info is not None
            for name, pragma_value in value.items():
                self._pragma(name, pragma_value, info)

    @staticmethod
    def reject_expr_doc(doc: QAPIDoc | None) -> None:
        """Reject a definition doc comment that is not followed by its definition."""
        if doc and doc.symbol:
            raise QAPISemError(
                doc.info, f"documentation for '{doc.symbol}' is not followed by the definition")

    @staticmethod
    def _include(include: str, info: QAPISourceInfo, incl_fname: str,
                 previously_included: set[str], legacy_docs: bool,
                 cache: ParseCache | None) -> QAPISchemaParser | None:
        incl_abs_fname = os.path.abspath(incl_fname)
        inf: QAPISourceInfo | None = info
        depth = 0
        while inf:
            if incl_abs_fname == os.path.abspath(inf.fname):
                raise QAPISemError(info, f"inclusion loop for {include}")
            inf = inf.parent
            depth += 1
        if depth >= MAX_CHAIN_DEPTH:  # one line: not QEMU's context of every includer
            raise QAPIError(
                f"{info.fname}:{info.line}: includes nest deeper than {MAX_CHAIN_DEPTH}")
        if incl_abs_fname in previously_included:
            return None
        try:
            return QAPISchemaParser(incl_fname, previously_included, info,
                                    legacy_docs=legacy_docs, cache=cache)
        except OSError as err:
            raise QAPISemError(
                info, f"can't read include file '{incl_fname}': {err.strerror}") from err

    @staticmethod
    def _pragma(name: str, value: object, info: QAPISourceInfo) -> None:
        def check_list_str(name: str, value: object) -> list[str]:
            if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
                raise QAPISemError(info, f"pragma {name} must be a list of strings")
            return value

        pragma = info.pragma
        if name == 'doc-required':
            if not isinstance(value, bool):
                raise QAPISemError(info, "pragma 'doc-required' must be boolean")
            pragma.doc_required = value
        elif name == 'command-name-exceptions':
            pragma.command_name_exceptions = check_list_str(name, value)
        elif name == 'command-returns-exceptions':
            pragma.command_returns_exceptions = check_list_str(name, value)
        elif name == 'documentation-exceptions':
            pragma.documentation_exceptions = check_list_str(name, value)
        elif name == 'member-name-exceptions':
            pragma.member_name_exceptions = check_list_str(name, value)
        else:
            raise QAPISemError(info, f"unknown pragma '{name}'")

    def accept(self, skip_comment: bool = True) -> None:
        """Read the next token into ``tok``/``val``.

        Comments are skipped unless ``skip_comment`` is false or the comment
        starts with ``##``; a comment token's ``val`` is the whole line.
        """
        match = (_TOKEN if skip_comment else _LINE_TOKEN).match(self.src, self.cursor)
        assert match  # every part of the pattern may match nothing
        group = match.lastindex
        self.cursor = match.end()
        if group is None:
            self._accept_other()
            return
        self.pos = match.start(group)
        text = match.group(group)
        if group == _STRUCTURAL:
            self.tok, self.val = text, None
        elif group == _STRING:
            self.tok, self.val = "'", text[1:-1]
        elif group == _COMMENT:
            self.tok, self.val = '#', text
        else:
            self.tok, self.val = text[0], group == _TRUE

    def _accept_other(self) -> None:
        """Read what the token pattern stopped at: the end, a string, or a stray character."""
        self.pos = self.cursor
        self.val = None
        if self.cursor == len(self.src):  # past the final newline, where the end is reported
            self.pos -= 1
            self.tok = None
            return
        self.tok = self.src[self.cursor]
        self.cursor += 1
        if self.tok == "'":
            self.val = self._get_string()
            return
        # show up to the next structural, whitespace or quote character
        stray = re.match(r"[^[\]{}:,\s']+", self.src[self.pos:])
        assert stray
        raise QAPIParseError(self, f"stray '{shown(stray.group(0))}'")

    def _get_string(self) -> str:
        # Only printable ASCII is accepted, and only the escape \\.
        plain = _PLAIN_STRING.match(self.src, self.cursor)
        if plain:  # the common case, in one step; the loop below reports errors
            self.cursor = plain.end()
            return plain.group()[:-1]
        string = ''
        esc = False
        while True:
            ch = self.src[self.cursor]
            self.cursor += 1
            if ch == '\n':
                raise QAPIParseError(self, "missing terminating \"'\"")
            if esc:
                if ch != '\\':
                    raise QAPIParseError(self, f"unknown escape \\{shown(ch)}")
                esc = False
            elif ch == '\\':
                esc = True
                continue
            elif ch == "'":
                return string
            if not 32 <= ord(ch) < 127:
                raise QAPIParseError(self, "funny character in string")
            string += ch

    def get_members(self) -> dict[str, object]:
        """Parse the members of an object whose '{' has been accepted."""
        expr: dict[str, object] = {}
        if self.tok == '}':
            self.accept()
            return expr
        if self.tok != "'":
            raise QAPIParseError(self, "expected string or '}'")
        while True:
            key = self.val
            assert isinstance(key, str)
            self.accept()
            if self.tok != ':':
                raise QAPIParseError(self, "expected ':'")
            self.accept()
            if key in expr:
                raise QAPIParseError(self, f"duplicate key '{key}'")
            expr[key] = self.get_expr()
            if self.tok == '}':
                self.accept()
                return expr
            if self.tok != ',':
                raise QAPIParseError(self, "expected ',' or '}'")
            self.accept()
            if self.tok != "'":
                raise QAPIParseError(self, "expected string")

    def get_values(self) -> list[object]:
        """Parse the elements of an array whose '[' has been accepted."""
        expr: list[object] = []
        if self.tok == ']':
            self.accept()
            return expr
        if self.tok is None or self.tok not in "{['tf":
            raise QAPIParseError(self, "expected '{', '[', ']', string, or boolean")
        while True:
            expr.append(self.get_expr())
            if self.tok == ']':
                self.accept()
                return expr
            if self.tok != ',':
                raise QAPIParseError(self, "expected ',' or ']'")
            self.accept()

    def get_expr(self) -> _ExprValue:
        """Parse a value: object, array, string or boolean."""
        if self.tok is not None and self.tok in '{[':
            if self._nesting == MAX_NESTING:
                raise QAPIParseError(self, f"values nest deeper than {MAX_NESTING}")
            self._nesting += 1
            opening = self.tok
            self.accept()
            value = self.get_members() if opening == '{' else self.get_values()
            self._nesting -= 1
            return value
        if self.tok is not None and self.tok in "'tf":
            val = self.val
            assert isinstance(val, str | bool)
            self.accept()
            return val
        raise QAPIParseError(self, "expected '{', '[', string, or boolean")
