"""Reading documentation comments: the lines of a ``##`` block into a :class:`QAPIDoc`.

Derived from the doc comment reading of QEMU's ``scripts/qapi/parser.py``
(GPL-2.0-only, see NOTICE): the grammar, the line format rules and the
error messages are QEMU 10.2's.

With ``legacy`` set, the rules QEMU 10.2 added since older releases are
relaxed (see :class:`Relaxation`); the text is kept, ``Note:`` and
``Example:`` sections becoming the rST directives that replaced them.
"""

from __future__ import annotations

import re
import textwrap
from typing import Protocol

from .doc import MAX_LINE_LENGTH, QAPIDoc, Relaxation
from .errors import ParserPosition, QAPIParseError
from .source import QAPISourceInfo

# '@NAME: ' at the start of a documentation line
_AT_NAME_COLON = re.compile(r'@([^:]*): *')
# a section tag; 'Note::' and friends are rST markup, not tags
_SECTION_TAG = re.compile(r'(Returns|Errors|Since|Notes?|Examples?|TODO)(?!::): *')
# a line starting a literal block, whose lines are exempt from the format rules
_LITERAL_START = re.compile(r'(\.\. +qmp-example)? *::$')
# a line that is only a URL, exempt from the length limit
_URL_ONLY = re.compile(r' *(https?|ftp)://[^ ]*$')
# A period, '!' or '?', one space, then a capital, digit or '('.  'e.g.' and
# a numbered item's '1.' are matched by the first two alternatives, which do
# not end a sentence: only a match of the third (group 2) is reported.
_SENTENCE_GAP = re.compile(r'(\be\.g\.|^ *\d\.|([.!?])) [A-Z0-9(]')
#: What every such gap contains: a line without it needs no closer look (8x faster).
_MAYBE_GAP = re.compile(r'[.!?] [A-Z0-9(]')


#: The rST directive a legacy section tag becomes, by relaxation.
_DIRECTIVES = {
    Relaxation.NOTE_SECTIONS: '.. note::',
    Relaxation.EXAMPLE_SECTIONS: '.. qmp-example::',
}


class DocLexer(ParserPosition, Protocol):
    """What the reader needs of the schema parser: its current token and a way on."""

    @property
    def tok(self) -> str | None: ...
    @property
    def val(self) -> str | bool | None: ...

    def accept(self, skip_comment: bool = True) -> None:
        """Read the next token."""


def _indentation(line: str) -> int:
    return len(line) - len(line.lstrip())


class DocReader:
    """Reads the doc comments of one schema file from its parser's tokens."""

    def __init__(self, lexer: DocLexer, *, legacy: bool = False) -> None:
        self._lexer = lexer
        self._legacy = legacy
        # the rules relaxed in the comment being read
        self._relaxed: set[Relaxation] = set()
        # inside a literal block ('::' or '.. qmp-example::'), and its indentation
        self._literal = False
        self._literal_indent = 0

    def _error(self, msg: str, pos: int | None = None) -> QAPIParseError:
        return QAPIParseError(self._lexer, msg, pos)

    def _relax(self, relaxation: Relaxation, error: QAPIParseError) -> None:
        """Accept what breaks a rule in legacy mode; else raise ``error``."""
        if not self._legacy:
            raise error
        self._relaxed.add(relaxation)

    @property
    def _info(self) -> QAPISourceInfo:
        return self._lexer.info

    def _description(self, line: str) -> re.Match[str] | None:
        """The match of a ``@NAME:`` line.

        Older releases took ``@NAME :`` (a space in the name) for text: so
        does legacy mode.
        """
        match = _AT_NAME_COLON.match(line)
        if match and self._legacy and ' ' in match.group(1):
            self._relaxed.add(Relaxation.SPACED_NAMES)
            return None
        return match

    def _starts_section(self, line: str) -> bool:
        return bool(self._description(line) or _SECTION_TAG.match(line)) or line == 'Features:'

    # ---------------------------------------------------------------- lines

    def _doc_line(self) -> str | None:
        """The current doc comment line without '# ', or None at the closing '##'."""
        lexer = self._lexer
        if lexer.tok != '#':
            raise self._error("documentation comment must end with '##'")
        val = lexer.val
        assert isinstance(val, str)
        if val.startswith('##'):
            if val != '##':
                raise self._error("junk after '##' at end of documentation comment")
            self._literal = False
            return None
        if val == '#':
            return ''
        if val[1] != ' ':
            raise self._error("missing space after #")
        line = val[2:].rstrip()
        if _LITERAL_START.match(line):
            self._literal = True
            self._literal_indent = 0
        elif self._literal and line:
            indent = _indentation(line)
            if self._literal_indent == 0:
                self._literal_indent = indent
            elif indent < self._literal_indent:
                self._literal = False
        if not self._literal:
            self._check_format(line)
        return line

    def _check_format(self, line: str) -> None:
        """Check a line's length and the spacing between its sentences."""
        if len(line) + len('# ') > MAX_LINE_LENGTH and not _URL_ONLY.match(line):
            self._relax(Relaxation.LONG_LINES, self._error(
                f"documentation line longer than {MAX_LINE_LENGTH} characters"))
        if not _MAYBE_GAP.search(line):
            return
        for match in _SENTENCE_GAP.finditer(line):
            if match.group(2):
                # the column of the space after the sentence's end
                pos = self._lexer.line_pos + len('# ') + match.start(2) + 1
                self._relax(Relaxation.SENTENCE_SPACING, self._error(
                    "Use two spaces between sentences\n"
                    "If this not the end of a sentence, please report a bug.", pos))
                return

    def _next_line(self) -> str | None:
        self._lexer.accept(False)
        return self._doc_line()

    def _indented(self, section: QAPIDoc.Section) -> str | None:
        """Read the rest of a description or tagged section; return the line after it.

        The text continues on lines indented at least as much as its first
        indented line.  As in QEMU, a line indented less ends the text when
        it follows the second line or later, and is an error right after the
        first one.
        """
        line = self._next_line()
        while line == '':
            section.append_line(line)
            line = self._next_line()
        if line is None:
            return line
        indent = _indentation(line)
        if not indent:
            return line
        section.append_line(line)
        first = True
        while True:
            line = self._next_line()
            if line is None or self._description(line):
                return line
            if line != '' and _indentation(line) < indent:
                if not first:
                    return line
                raise self._error(f"unexpected de-indent (expected at least {indent} spaces)")
            section.append_line(line)
            first = False

    def _section_text(self, section: QAPIDoc.Section, bare: bool, *,
                      member: bool) -> str | None:
        """Read a section's text after its tag line; return the line after it.

        In legacy mode, text after a bare tag (or ``@NAME:``) may be
        unindented, as older releases wanted it: it runs up to the next tag,
        and for a member up to a blank line followed by an unindented one.
        """
        line = self._indented(section)
        if (not self._legacy or not bare or line is None or _indentation(line)
                or self._starts_section(line) or section.text.strip()):
            return line
        self._relaxed.add(Relaxation.UNINDENTED_TEXT)
        prev_blank = False
        while line is not None and not self._starts_section(line):
            if member and prev_blank and line and not _indentation(line):
                break
            section.append_line(line)
            prev_blank = line == ''
            line = self._next_line()
        return line

    def _paragraph(self, doc: QAPIDoc) -> str | None:
        """Read the rest of a paragraph; return the blank line or None ending it."""
        while True:
            line = self._next_line()
            if not line:
                return line
            doc.append_line(line)

    # ---------------------------------------------------------------- blocks

    def read(self) -> QAPIDoc:
        """Read the doc comment whose '##' line is the lexer's current token."""
        if self._lexer.val != '##':
            raise self._error("junk after '##' at start of documentation comment")
        info = self._info
        self._relaxed = set()
        line = self._next_line()
        if line is not None and line.startswith('@'):
            doc = self._definition_doc(info, line)
        else:
            doc = self._freeform_doc(info, line)
        self._lexer.accept()
        doc.end()
        doc.legacy = self._legacy
        doc.relaxed.update(self._relaxed)
        return doc

    def _descriptions(self, doc: QAPIDoc, line: str | None, feature: bool) -> str | None:
        # Read consecutive '@NAME: text' descriptions starting at ``line``.
        while line is not None and (match := self._description(line)):
            if feature:
                doc.new_feature(self._info, match.group(1))
            else:
                doc.new_argument(self._info, match.group(1))
            text = line[match.end():]
            if text:
                doc.append_line(text)
            line = self._section_text(doc.all_sections[-1], not text, member=True)
        return line

    def _definition_doc(self, info: QAPISourceInfo, line: str) -> QAPIDoc:
        if not line.endswith(':'):
            raise self._error("line should end with ':'")
        # The name is checked against the definition that must follow.
        symbol = line[1:-1]
        if not symbol:
            raise self._error("name required after '@'")
        doc = QAPIDoc(info, symbol)
        next_line = self._next_line()
        no_more_args = False
        while next_line is not None:
            line = next_line
            if line == '':
                next_line = self._next_line()
            elif line == 'Features:':
                if doc.features:
                    raise self._error("duplicated 'Features:' line")
                next_line = self._next_line()
                while next_line == '':
                    next_line = self._next_line()
                next_line = self._descriptions(doc, next_line, True)
                if not doc.features:
                    raise self._error("feature descriptions expected")
                no_more_args = True
            elif match := self._description(line):
                if no_more_args:
                    raise self._error(f"description of '@{match.group(1)}:' follows a section")
                next_line = self._descriptions(doc, line, False)
                no_more_args = True
            elif match := _SECTION_TAG.match(line):
                next_line = self._tagged_section(doc, match.group(1), line[match.end():])
                no_more_args = True
            else:
                doc.ensure_untagged_section(self._info)
                doc.append_line(line)
                next_line = self._paragraph(doc)
        return doc

    def _tagged_section(self, doc: QAPIDoc, tag: str, text: str) -> str | None:
        """Read a section starting with ``tag`` and ``text``; return the line after it."""
        info = self._info
        if 'Note' in tag:
            relaxation = Relaxation.NOTE_SECTIONS
            self._relax(relaxation, self._error(
                f"The '{tag}' section is no longer supported. Please use rST's "
                "'.. note::' or '.. admonition:: notes' directives, or another "
                "suitable admonition instead."))
        elif 'Example' in tag:
            relaxation = Relaxation.EXAMPLE_SECTIONS
            self._relax(relaxation, self._error(
                f"The '{tag}' section is no longer supported. Please use the "
                "'.. qmp-example::' directive, or other suitable markup instead."))
        else:
            doc.new_tagged_section(info, QAPIDoc.Kind.from_string(tag))
            if text:
                doc.append_line(text)
            return self._section_text(doc.all_sections[-1], not text, member=False)
        rest = QAPIDoc.Section(info, QAPIDoc.Kind.PLAIN)
        line = self._section_text(rest, not text, member=False)
        _append_directive(doc, info, _DIRECTIVES[relaxation], text, rest.text)
        return line

    def _freeform_doc(self, info: QAPISourceInfo, line: str | None) -> QAPIDoc:
        doc = QAPIDoc(info)
        doc.ensure_untagged_section(self._info)
        while line is not None:
            if match := _AT_NAME_COLON.match(line):
                raise self._error(f"'@{match.group(1)}:' not allowed in free-form documentation")
            doc.append_line(line)
            line = self._next_line()
        return doc


def _append_directive(doc: QAPIDoc, info: QAPISourceInfo, directive: str,
                      first: str, rest: str) -> None:
    """Add a legacy section (``first`` after its tag, ``rest`` below) as an rST directive."""
    lines = ([first] if first else []) + textwrap.dedent(rest).strip('\n').split('\n')
    if not ''.join(lines):
        return
    doc.ensure_untagged_section(info)
    doc.append_line(directive)
    doc.append_line('')
    for line in lines:
        doc.append_line('   ' + line if line else '')
