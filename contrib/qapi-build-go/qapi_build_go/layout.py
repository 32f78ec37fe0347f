"""Columns the way gofmt aligns them, so generated code is already gofmt-clean.

gofmt lays out struct fields and constant specs with a tab writer: within a
run of consecutive lines, the cells of a column are padded to the widest one
plus a space, a column's run ends at a line without that cell (or whose
cell is its last), and a comment line ends every run.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs


@attrs.frozen
class Entry:
    """A field or constant: its comment lines (``//`` included) and its cells."""

    comment: tuple[str, ...]
    cells: tuple[str, ...]


def layout(entries: Sequence[Entry]) -> list[str]:
    """The lines of ``entries``, unindented: comments as given, cells aligned."""
    lines: list[str] = []
    run: list[tuple[str, ...]] = []
    for entry in entries:
        if entry.comment:
            lines += _aligned(run)
            run = []
            lines += entry.comment
        run.append(entry.cells)
    return lines + _aligned(run)


def _aligned(rows: list[tuple[str, ...]]) -> list[str]:
    padded = [list(row) for row in rows]
    _pad(padded, 0, 0, len(padded))
    return ["".join(row) for row in padded]


def _pad(rows: list[list[str]], column: int, start: int, end: int) -> None:
    """Pad column ``column`` of ``rows[start:end]`` run by run, then the next column within."""
    line = start
    while line < end:
        if len(rows[line]) <= column + 1:
            line += 1
            continue
        first = line
        while line < end and len(rows[line]) > column + 1:
            line += 1
        width = max(len(rows[i][column]) for i in range(first, line)) + 1
        for i in range(first, line):
            rows[i][column] = rows[i][column].ljust(width)
        _pad(rows, column + 1, first, line)
