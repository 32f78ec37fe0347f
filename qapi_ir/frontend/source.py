"""Source locations of schema text, and the pragmas in force for a file.

Derived from QEMU's ``scripts/qapi/source.py``
(GPL-2.0-only; see NOTICE).
"""

from __future__ import annotations

from typing import Self


class QAPISchemaPragma:
    """Settings from ``{'pragma': ...}`` directives; shared by a file and what it includes."""

    def __init__(self) -> None:
        self.doc_required = False
        self.command_name_exceptions: list[str] = []
        self.command_returns_exceptions: list[str] = []
        self.documentation_exceptions: list[str] = []
        self.member_name_exceptions: list[str] = []


class QAPISourceInfo:
    """A line in a schema file, with its include chain and enclosing definition."""

    def __init__(self, fname: str, parent: QAPISourceInfo | None) -> None:
        self.fname = fname
        self.line = 1
        self.parent = parent
        self.pragma: QAPISchemaPragma = parent.pragma if parent else QAPISchemaPragma()
        self.defn_meta: str | None = None
        self.defn_name: str | None = None

    def set_defn(self, meta: str, name: str) -> None:
        """Record the definition (e.g. ``command``, ``foo``) this location belongs to."""
        self.defn_meta = meta
        self.defn_name = name

    def at_line(self, line: int) -> Self:
        """Return a copy of this location at line ``line``."""
        info = object.__new__(type(self))
        info.__dict__.update(self.__dict__)  # copy.copy, without its dispatch
        info.line = line
        return info

    def loc(self) -> str:
        """``FILE:LINE``."""
        return f"{self.fname}:{self.line}"

    def in_defn(self) -> str:
        """``FILE: In META 'NAME':`` plus newline, or '' outside a definition."""
        if self.defn_name:
            return f"{self.fname}: In {self.defn_meta} '{self.defn_name}':\n"
        return ''

    def include_path(self) -> str:
        """One ``In file included from FILE:LINE:`` line per includer, outermost first."""
        ret = ''
        parent = self.parent
        while parent:
            ret = f"In file included from {parent.loc()}:\n" + ret
            parent = parent.parent
        return ret

    def __str__(self) -> str:
        return self.include_path() + self.in_defn() + self.loc()
