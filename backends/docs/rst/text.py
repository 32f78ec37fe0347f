"""What rendering doc text takes and gives: texts with their resolver, headings, problems."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from qapi_ir.ir import Location

#: Maps a definition name to its URL, or None when there is no such definition.
DefinitionLinker = Callable[[str], "str | None"]
#: Maps a Sphinx role (``doc`` or ``ref``) and its target to a URL, or None to keep words.
OutsideLinker = Callable[[str, str], "str | None"]


def _no_title(name: str) -> str | None:
    return None


def _no_outside(role: str, target: str) -> str | None:
    return None


@attrs.frozen
class Resolver:
    """What cross-references in one definition's doc text point to.

    ``members`` maps the names ``@name`` may refer to onto their anchors;
    ``title`` gives the words for a name that is a part of the manual rather
    than a definition (None for a definition, shown in code font);
    ``outside`` links ``:doc:`` and ``:ref:`` targets.
    """

    link: DefinitionLinker
    members: dict[str, str] = attrs.field(factory=dict)
    title: DefinitionLinker = _no_title
    outside: OutsideLinker = _no_outside


@attrs.frozen
class Text:
    """A section of doc text; ``location`` is where its first line is.

    ``tagged`` texts (member descriptions, ``Returns:`` and the like) have
    their continuation lines indented below the tag; the rST source drops that.
    """

    text: str
    location: Location
    resolver: Resolver
    tagged: bool = False

    @property
    def source(self) -> str:
        """The text as reStructuredText."""
        return dedent_section(self.text) if self.tagged else self.text


@attrs.frozen
class Example:
    """The lines of a ``qmp-example`` block, each with its source location."""

    lines: tuple[tuple[Location, str], ...]


@attrs.frozen
class Problem:
    """Bad markup or a broken cross-reference."""

    location: Location
    message: str
    is_error: bool


@attrs.frozen
class Heading:
    """A section title in free-form text: ``level`` 1 is the highest the schema uses."""

    level: int
    title: str
    anchor: str


@attrs.define
class Result:
    """What rendering produced: HTML and headings per text, problems, QMP examples found."""

    html: list[str]
    headings: list[list[Heading]]
    problems: list[Problem] = attrs.field(factory=list)
    examples: list[Example] = attrs.field(factory=list)
    top_level: int | None = None


class HeadingLevels:
    """Section title styles in order of first use across the schema, as one document has."""

    def __init__(self) -> None:
        self._levels: dict[str, int] = {}

    def level(self, style: str) -> int:
        """The level of a title underlined (and maybe overlined) with ``style``."""
        return self._levels.setdefault(style, len(self._levels) + 1)


def dedent_section(text: str) -> str:
    """Remove the indentation of continuation lines (the first line follows a tag)."""
    lines = text.split("\n")
    first, rest = lines[0], lines[1:]
    indents = [len(line) - len(line.lstrip(" ")) for line in rest if line.strip()]
    if first and not first.startswith(" "):
        cut = min(indents, default=0)
        return "\n".join([first, *(line[cut:] for line in rest)])
    indents += [len(first) - len(first.lstrip(" "))] if first.strip() else []
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)
