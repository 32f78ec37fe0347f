"""Errors of the QAPI front end; each one that has a location prints it.

Derived from QEMU's ``scripts/qapi/error.py`` and the QAPIParseError of
``scripts/qapi/parser.py`` (GPL-2.0-only; see NOTICE).
"""

from __future__ import annotations

from typing import Protocol

from qapi_ir.input_file import message_line

from .source import QAPISourceInfo


class QAPIError(Exception):
    """Base class of every error the front end reports."""


class QAPISourceError(QAPIError):
    """An error at a source location, optionally with a column.

    Control characters the message quotes from the input are shown escaped (the
    schema language keeps line breaks out of names, so every line break is the message's).
    """

    def __init__(self, info: QAPISourceInfo | None, msg: str, col: int | None = None) -> None:
        super().__init__()
        self.info = info
        self.msg = msg
        self.col = col

    def __str__(self) -> str:
        assert self.info is not None
        loc = str(self.info)
        if self.col is not None:
            loc += f":{self.col}"
        msg = "\n".join(message_line(line) for line in self.msg.split("\n"))
        return f"{loc}: {msg}"


class ParserPosition(Protocol):
    """What :class:`QAPIParseError` needs from a parser: the current token's position."""

    @property
    def info(self) -> QAPISourceInfo: ...
    @property
    def src(self) -> str: ...
    @property
    def line_pos(self) -> int: ...
    @property
    def pos(self) -> int: ...


class QAPIParseError(QAPISourceError):
    """A syntax error at the parser's current token, with a 1-based column.

    The column is computed exactly as QEMU does, including its tab formula
    ``(col + 7) % 8 + 1``, so that messages match QEMU's byte for byte.
    ``pos`` points elsewhere on the current line than the token.
    """

    def __init__(self, parser: ParserPosition, msg: str, pos: int | None = None) -> None:
        col = 1
        end = parser.pos if pos is None else pos
        for ch in parser.src[parser.line_pos:end]:
            if ch == '\t':
                col = (col + 7) % 8 + 1
            else:
                col += 1
        super().__init__(parser.info, msg, col)


class QAPISemError(QAPISourceError):
    """A semantic error at a source location (reported without a column)."""

    def __init__(self, info: QAPISourceInfo | None, msg: str) -> None:
        super().__init__(info, msg)
