"""Schema doc text (reStructuredText) as Go doc-comment blocks, in gofmt's canonical form.

The text is untrusted: control characters are dropped, so a line of it can
never leave its ``//`` comment.  Blocks come out the way Go 1.19's gofmt
prints doc comments (paragraphs, tab-indented code, ``  - `` lists,
``# `` headings), so gofmt leaves the generated comments alone.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterator

import attrs

_DIRECTIVE = re.compile(r"\.\.\s+([\w-]+)::\s*(.*)\Z")
_OPTION = re.compile(r":([\w-]+):\s*(.*)\Z")
_BULLET = re.compile(r"([-*+\u2022])\s+(.*)\Z")
_NUMBERED = re.compile(r"(\d+)[.)]\s+(.*)\Z")
_AUTO_NUMBERED = re.compile(r"#\.\s+(.*)\Z")
_ROLE = re.compile(r":[\w:.-]+:`([^`]*)`")
_LINK = re.compile(r"`([^`<]*?)\s*<([^`>]*)>`_{1,2}")
_REFERENCE = re.compile(r"@([\w.-]+)")
_LITERAL = re.compile(r"``([^`]+)``")
_TARGET = re.compile(r"\s*<[^>]*>\Z")

#: Titles of directives whose name is not the word for them.
_TITLES = {"qmp-example": "Example", "seealso": "See also"}

#: Directives whose body is code (unless marked ``:annotated:``).
_CODE_DIRECTIVES = frozenset({"qmp-example", "code-block", "code", "sourcecode"})


@attrs.frozen
class Block:
    """A paragraph, a code block or a list (``items`` of lines each)."""

    kind: str
    lines: tuple[str, ...] = ()
    items: tuple[tuple[str, tuple[str, ...]], ...] = ()


def clean(text: str) -> str:
    """``text`` without control characters (tabs become spaces, line ends kept)."""
    text = text.expandtabs(8).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(_clean_char(c) for c in text)


def _clean_char(char: str) -> str:
    """A space for any space character, nothing for other control or separator characters."""
    if char == "\n":
        return char
    category = unicodedata.category(char)
    if category == "Zs":
        return " "
    return "" if category[0] in "CZ" else char


def one_line(text: str) -> str:
    """``text`` cleaned and on one line (runs of white space become one space)."""
    return " ".join(clean(text).split())


def inline(line: str) -> str:
    """reST inline markup as plain text: roles, links, ``@member`` references, literals."""
    line = _ROLE.sub(lambda m: _TARGET.sub("", m.group(1)), line)
    line = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(1) else m.group(2), line)
    line = _LITERAL.sub(r"`\1`", line)
    return _REFERENCE.sub(r"\1", line)


def member_text(text: str) -> str:
    """A member or section description: its continuation lines lose their indentation."""
    first, _, rest = clean(text).partition("\n")
    return first.strip() + ("\n" + textwrap.dedent(rest) if rest else "")


def blocks(text: str) -> list[Block]:
    """The blocks of reST ``text``."""
    return list(_Reader(textwrap.dedent(clean(text)).split("\n")).blocks())


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _list_marker(line: str) -> tuple[str, str] | None:
    """``("", text)`` for a bullet item, ``(number, text)`` for a numbered one.

    An auto-numbered item (``#.``) has the number ``#``.
    """
    stripped = line.strip()
    if match := _BULLET.match(stripped):
        return "", match.group(2)
    if match := _NUMBERED.match(stripped):
        return match.group(1), match.group(2)
    if match := _AUTO_NUMBERED.match(stripped):
        return "#", match.group(1)
    return None


def _numbered(marker: tuple[str, str] | None) -> bool | None:
    """Whether ``marker`` starts a numbered item (``None``: it is no marker)."""
    return None if marker is None else marker[0] != ""


class _Reader:
    """Walks the lines of one text, block by block."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = [line.rstrip() for line in lines]
        self.at = 0

    def _body(self, indent: int) -> list[str]:
        """The lines after the current one indented deeper than ``indent`` (blank ones too)."""
        body: list[str] = []
        while self.at < len(self.lines) and (
            not self.lines[self.at] or _indent(self.lines[self.at]) > indent
        ):
            body.append(self.lines[self.at])
            self.at += 1
        while body and not body[-1]:
            body.pop()
        return body

    def blocks(self) -> Iterator[Block]:
        literal_next = False
        while self.at < len(self.lines):
            line = self.lines[self.at]
            if not line:
                self.at += 1
                continue
            indent = _indent(line)
            if literal_next and indent > 0:
                yield Block("code", tuple(self._body(indent - 1)))
                literal_next = False
                continue
            literal_next = False
            self.at += 1
            if match := _DIRECTIVE.match(line.strip()):
                yield from self._directive(match.group(1), match.group(2), self._body(indent))
            elif line.strip().startswith(".."):
                self._body(indent)  # a reST comment
            elif _list_marker(line):
                self.at -= 1
                yield self._list(indent)
            else:
                paragraph = [line.strip()]
                while self.at < len(self.lines) and self.lines[self.at]:
                    if _list_marker(self.lines[self.at]):
                        break
                    paragraph.append(self.lines[self.at].strip())
                    self.at += 1
                if paragraph[-1].endswith("::"):
                    literal_next = True
                    paragraph[-1] = paragraph[-1][:-1].rstrip(":") + ":"
                    if paragraph == [":"]:
                        continue
                yield Block("paragraph", tuple(inline(p) for p in paragraph))

    def _list(self, indent: int) -> Block:
        """A list of one kind (bullets or numbers), as Go has them: Go reads an item of the
        other kind as text, so one at the same indentation ends the list, and a nested one
        stays text of the item it is in, marker included.  Nested items of the same kind
        become items of this list (Go lists do not nest)."""
        items: list[tuple[str, list[str]]] = []
        numbered = _numbered(_list_marker(self.lines[self.at]))
        while self.at < len(self.lines):
            line = self.lines[self.at]
            marker = _list_marker(line) if line else None
            if marker and _numbered(marker) == numbered and _indent(line) >= indent:
                number = str(len(items) + 1) if marker[0] == "#" else marker[0]
                items.append((number, [inline(marker[1].strip())]))
            elif line and items and _indent(line) > indent:
                items[-1][1].append(inline(line.strip()))
            elif not line and self._continues_list(indent, numbered):
                pass
            else:
                break
            self.at += 1
        return Block("list", items=tuple((number, tuple(text)) for number, text in items))

    def _continues_list(self, indent: int, numbered: bool | None) -> bool:
        """Whether the next non-blank line is an item or item text of the list at ``indent``."""
        following = next((line for line in self.lines[self.at :] if line), "")
        return bool(following) and (
            _indent(following) > indent
            or (_indent(following) == indent and _numbered(_list_marker(following)) == numbered)
        )

    def _directive(self, name: str, argument: str, body: list[str]) -> Iterator[Block]:
        options: dict[str, str] = {}
        lines = textwrap.dedent("\n".join(body)).split("\n")
        while lines and (match := _OPTION.match(lines[0].strip())):
            options[match.group(1)] = match.group(2)
            lines.pop(0)
        if name in _CODE_DIRECTIVES and "annotated" not in options:
            title = options.get("title", "")
            yield Block("paragraph", (inline(f"Example: {title}" if title else "Example:"),))
            code = list(lines)
            while code and not code[0].strip():
                code.pop(0)
            if code:
                yield Block("code", tuple(code))
            return
        title = _TITLES.get(name, name.replace("-", " ").capitalize())
        if name == "admonition" and argument:
            title = argument
        elif argument:
            lines.insert(0, argument)
        inner = list(_Reader(lines).blocks())
        if inner and inner[0].kind == "paragraph":
            first = inner[0]
            yield Block("paragraph", (f"{inline(title)}: {first.lines[0]}", *first.lines[1:]))
            inner = inner[1:]
        else:
            yield Block("paragraph", (inline(title) + ":",))
        yield from inner
