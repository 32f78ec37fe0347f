"""Documentation comments: the sections of one ``##`` block and their checks.

The comment text is split into sections by the parser (see
:meth:`qapi_ir.frontend.parser.QAPISchemaParser.get_doc`); this module holds
the result and checks it against the definition it documents.

Derived from QEMU's ``scripts/qapi/parser.py`` (class QAPIDoc)
(GPL-2.0-only; see NOTICE).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Protocol

from .errors import QAPISemError
from .source import QAPISourceInfo

#: The longest a doc comment line may be, ``# `` included.
MAX_LINE_LENGTH = 70


class Relaxation(enum.Enum):
    """A doc comment rule of QEMU 10.2 that older releases did not have.

    In legacy mode it is not enforced; the value names what is then
    accepted, as the warning says it.
    """

    LONG_LINES = f"lines longer than {MAX_LINE_LENGTH} characters"
    SENTENCE_SPACING = "one space between sentences"
    NOTE_SECTIONS = "'Note:' sections"
    EXAMPLE_SECTIONS = "'Example:' sections"
    UNINDENTED_TEXT = "unindented text after a section tag"
    RETURNS_NOTHING = "'Returns:' for commands that return nothing"
    UNDOCUMENTED_MEMBERS = "undocumented members"
    SPACED_NAMES = "'@NAME :' read as text"


class DocumentedMember(Protocol):
    """What the doc checks need of a schema member or feature."""

    @property
    def name(self) -> str: ...
    @property
    def info(self) -> QAPISourceInfo | None: ...
    @property
    def role(self) -> str: ...


class QAPIDoc:
    """A documentation comment block, either definition or free-form.

    A definition block has a body (the text after the ``@SYMBOL:`` line up
    to the first member description), member descriptions (``args``),
    feature descriptions (``features``) and further sections, plain or
    tagged (``Returns:``, ``Errors:``, ``Since:``, ``TODO:``).  A free-form
    block has only a body.
    """

    class Kind(enum.Enum):
        """What a section is; ``str()`` gives the name as in the dump (``'Returns'``)."""

        PLAIN = 0
        MEMBER = 1
        FEATURE = 2
        RETURNS = 3
        ERRORS = 4
        SINCE = 5
        TODO = 6

        @staticmethod
        def from_string(kind: str) -> QAPIDoc.Kind:
            """The kind of a section tag such as ``'Returns'`` or ``'TODO'``."""
            return QAPIDoc.Kind[kind.upper()]

        def __str__(self) -> str:
            return self.name.title()

    class Section:
        """A section of text; ``info`` is where it begins, ``text`` excludes the tag."""

        def __init__(self, info: QAPISourceInfo, kind: QAPIDoc.Kind, text: str = '') -> None:
            self.info = info
            self.kind = kind
            self.text = text

        def __repr__(self) -> str:
            return f"<QAPIDoc.Section kind={self.kind!r} text={self.text!r}>"

        def append_line(self, line: str) -> None:
            """Append one line of text."""
            self.text += line + '\n'

    class ArgSection(Section):
        """The description of a member or feature ``name``, connected to it by the checks."""

        def __init__(self, info: QAPISourceInfo, kind: QAPIDoc.Kind, name: str) -> None:
            super().__init__(info, kind)
            self.name = name
            self.member: DocumentedMember | None = None

        def connect(self, member: DocumentedMember) -> None:
            """Link this description to the schema member or feature it describes."""
            self.member = member

    def __init__(self, info: QAPISourceInfo, symbol: str | None = None) -> None:
        # where the block starts (its opening '##')
        self.info = info
        # the documented definition's name; None for free-form documentation
        self.symbol = symbol
        # every section in textual order (stubs inserted where they belong)
        self.all_sections: list[QAPIDoc.Section] = [QAPIDoc.Section(info, QAPIDoc.Kind.PLAIN)]
        self.body: QAPIDoc.Section = self.all_sections[0]
        # member and feature descriptions by name
        self.args: dict[str, QAPIDoc.ArgSection] = {}
        self.features: dict[str, QAPIDoc.ArgSection] = {}
        # the tagged sections that may occur only once
        self.returns: QAPIDoc.Section | None = None
        self.errors: QAPIDoc.Section | None = None
        self.since: QAPIDoc.Section | None = None
        # sections other than body, args and features, in textual order
        self.sections: list[QAPIDoc.Section] = []
        # read under older releases' rules, and the rules that had to be relaxed
        self.legacy = False
        self.relaxed: set[Relaxation] = set()

    def end(self) -> None:
        """Finish the block: trim blank lines around each section, reject empty tags."""
        for section in self.all_sections:
            section.text = section.text.strip('\n')
            if section.kind != QAPIDoc.Kind.PLAIN and section.text == '':
                raise QAPISemError(section.info, f"text required after '{section.kind}:'")

    def ensure_untagged_section(self, info: QAPISourceInfo) -> None:
        """Continue the current plain section with a new paragraph, or start one at ``info``."""
        last = self.all_sections[-1]
        if last.kind == QAPIDoc.Kind.PLAIN:
            if not last.text:
                # nothing in it yet: it starts here
                last.info = info
            last.text += '\n'
            return
        section = QAPIDoc.Section(info, QAPIDoc.Kind.PLAIN)
        self.sections.append(section)
        self.all_sections.append(section)

    def new_tagged_section(self, info: QAPISourceInfo, kind: QAPIDoc.Kind) -> None:
        """Start a tagged section; ``Returns``, ``Errors`` and ``Since`` may occur once."""
        section = QAPIDoc.Section(info, kind)
        if kind == QAPIDoc.Kind.RETURNS:
            self._check_unique(self.returns, section)
            self.returns = section
        elif kind == QAPIDoc.Kind.ERRORS:
            self._check_unique(self.errors, section)
            self.errors = section
        elif kind == QAPIDoc.Kind.SINCE:
            self._check_unique(self.since, section)
            self.since = section
        self.sections.append(section)
        self.all_sections.append(section)

    @staticmethod
    def _check_unique(existing: QAPIDoc.Section | None, section: QAPIDoc.Section) -> None:
        if existing:
            raise QAPISemError(section.info, f"duplicated '{section.kind}' section")

    def _new_description(
        self, info: QAPISourceInfo, name: str, kind: QAPIDoc.Kind,
        desc: dict[str, QAPIDoc.ArgSection],
    ) -> None:
        if not name:
            raise QAPISemError(info, "invalid parameter name")
        if name in desc:
            raise QAPISemError(info, f"'{name}' parameter name duplicated")
        section = QAPIDoc.ArgSection(info, kind, name)
        self.all_sections.append(section)
        desc[name] = section

    def new_argument(self, info: QAPISourceInfo, name: str) -> None:
        """Start the description of member ``name``."""
        self._new_description(info, name, QAPIDoc.Kind.MEMBER, self.args)

    def new_feature(self, info: QAPISourceInfo, name: str) -> None:
        """Start the description of feature ``name``."""
        self._new_description(info, name, QAPIDoc.Kind.FEATURE, self.features)

    def append_line(self, line: str) -> None:
        """Append a line to the section being read."""
        self.all_sections[-1].append_line(line)

    def connect_member(self, member: DocumentedMember) -> None:
        """Link ``member`` to its description.

        An undocumented member is an error unless the definition is listed in
        pragma ``documentation-exceptions`` (or in legacy mode); then it gets
        an empty description, placed after the other member descriptions.
        """
        if member.name not in self.args:
            assert member.info
            if self.symbol not in member.info.pragma.documentation_exceptions:
                if not self.legacy:
                    raise QAPISemError(
                        member.info, f"{member.role} '{member.name}' lacks documentation")
                self.relaxed.add(Relaxation.UNDOCUMENTED_MEMBERS)
            section = QAPIDoc.ArgSection(self.info, QAPIDoc.Kind.MEMBER, member.name)
            self.args[member.name] = section
            index = 1
            while (index < len(self.all_sections)
                   and self.all_sections[index].kind == QAPIDoc.Kind.MEMBER):
                index += 1
            self.all_sections.insert(index, section)
        self.args[member.name].connect(member)

    def connect_feature(self, feature: DocumentedMember) -> None:
        """Link ``feature`` to its description, which must exist."""
        if feature.name not in self.features:
            raise QAPISemError(feature.info, f"feature '{feature.name}' lacks documentation")
        self.features[feature.name].connect(feature)

    def ensure_returns(self, info: QAPISourceInfo) -> None:
        """Give a command that returns a value a ``Returns`` section in ``all_sections``.

        A missing one is stubbed in after the last member description, else
        just before the ``Errors`` section, else just before the ``Since``
        section, else at the end.
        """
        if any(s.kind == QAPIDoc.Kind.RETURNS for s in self.all_sections):
            return
        stub = QAPIDoc.Section(info, QAPIDoc.Kind.RETURNS)
        for kind, offset in ((QAPIDoc.Kind.MEMBER, 1), (QAPIDoc.Kind.ERRORS, 0),
                             (QAPIDoc.Kind.SINCE, 0)):
            indexes = [i for i, s in enumerate(self.all_sections) if s.kind == kind]
            if indexes:
                self.all_sections.insert(indexes[-1] + offset, stub)
                return
        self.all_sections.append(stub)

    def check_expr(self, expr: Mapping[str, object]) -> None:
        """Check the tagged sections against the kind of definition ``expr`` is."""
        if 'command' in expr:
            if self.returns and 'returns' not in expr:
                if not self.legacy:
                    raise QAPISemError(
                        self.returns.info,
                        "'Returns' section, but command doesn't return anything")
                self.relaxed.add(Relaxation.RETURNS_NOTHING)
        else:
            if self.returns:
                raise QAPISemError(
                    self.returns.info, "'Returns' section is only valid for commands")
            if self.errors:
                raise QAPISemError(
                    self.errors.info, "'Errors' section is only valid for commands")

    def check(self) -> None:
        """Reject descriptions of members and features that were never connected.

        All such members (then features) are named in one message, at the first.
        """
        for what, desc in (('member', self.args), ('feature', self.features)):
            bogus = [name for name, section in desc.items() if not section.member]
            if len(bogus) == 1:
                raise QAPISemError(
                    desc[bogus[0]].info, f"documented {what} '{bogus[0]}' does not exist")
            if bogus:
                names = "', '".join(bogus)
                raise QAPISemError(
                    desc[bogus[0]].info, f"documented {what}s '{names}' do not exist")
