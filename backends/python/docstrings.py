"""Docstrings of generated code from the schema's doc comments, conditions and features."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

from qapi_ir.ir import Condition, Doc, Feature, condition_text

#: Longest docstring line, indentation included, so the generated code passes ruff's E501.
LINE_LIMIT = 100


def feature_text(features: Sequence[Feature]) -> str:
    """The features of a definition or member: ``deprecated, unstable``."""
    return ", ".join(
        feature.name
        + (f" (if {condition_text(feature.condition)})" if feature.condition else "")
        for feature in features
    )


class DocBuilder:
    """Collects the lines of one docstring, section by section."""

    def __init__(self, indent: int) -> None:
        self._width = LINE_LIMIT - indent
        self._blocks: list[list[str]] = []
        self._opened = False

    def text(self, text: str) -> DocBuilder:
        """A paragraph of free text (kept as written, long lines wrapped)."""
        lines = _wrap(textwrap.dedent(text).strip("\n").splitlines(), self._width)
        if any(line.strip() for line in lines):
            self._opened = self._opened or not self._blocks
            self._blocks.append(lines)
        return self

    def body(self, doc: Doc | None) -> DocBuilder:
        """The free text of ``doc`` before its member descriptions, if there is a ``doc``."""
        return self.text(doc.body.text) if doc is not None else self

    def field(self, heading: str, entries: Iterable[tuple[str, str]]) -> DocBuilder:
        """A titled list such as ``Args:`` of ``name: description`` entries."""
        lines: list[str] = []
        for name, description in entries:
            body = " ".join(description.split())
            lines += _wrap([f"    {name}: {body}".rstrip()], self._width, "        ")
        if lines:
            self._blocks.append([f"{heading}:", *lines])
        return self

    def line(self, heading: str, text: str) -> DocBuilder:
        """A one-line section such as ``Since: 9.0``; nothing when ``text`` is empty."""
        text = " ".join(text.split())
        if text:
            self._blocks.append(_wrap([f"{heading}: {text}"], self._width, "    "))
        return self

    def definition(
        self, doc: Doc | None, condition: Condition | None, features: Sequence[Feature]
    ) -> DocBuilder:
        """The closing sections every definition has: notes, features, condition, since."""
        for section in doc.sections if doc is not None else ():
            if section.kind == "Plain":
                self.text(section.text)
        self.line("Features", feature_text(features))
        if condition is not None:
            self.line("Only available if", condition_text(condition))
        return self.line("Since", section_text(doc, "Since"))

    def lines(self, summary: str) -> list[str]:
        """The docstring's lines, unindented and escaped; ``summary`` opens it when no text does."""
        blocks = self._blocks if self._opened else [[summary], *self._blocks]
        out: list[str] = []
        for block in blocks:
            out += [*block, ""]
        return [escape(line) for line in out[:-1]]


def section_text(doc: Doc | None, kind: str) -> str:
    """The text of the sections of ``kind`` in ``doc``, joined."""
    if doc is None:
        return ""
    return "\n".join(s.text for s in doc.sections if s.kind == kind).strip()


def _wrap(lines: Sequence[str], width: int, indent: str = "") -> list[str]:
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if len(line) <= width:
            out.append(line)
            continue
        lead = line[: len(line) - len(line.lstrip())]
        out += textwrap.wrap(
            line, width, subsequent_indent=indent or lead, break_on_hyphens=False
        ) or [line[:width]]
    return out


#: Typographic characters that linters flag as ambiguous, and their ASCII forms.
_ASCII = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "--",
        "\u2212": "-",
        "\u00d7": "x",
        "\u00a0": " ",
    }
)


def escape(line: str) -> str:
    """``line`` as it can stand in a docstring: ASCII punctuation, backslash and quotes escaped."""
    line = line.translate(_ASCII)
    return line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
