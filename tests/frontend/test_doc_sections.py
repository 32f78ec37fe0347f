"""Doc comment sections grow in linear time: appending a line never copies the text so far."""

from __future__ import annotations

import tracemalloc

from qapi_ir.frontend.doc import QAPIDoc
from qapi_ir.frontend.source import QAPISourceInfo


def _bytes_allocated_by_one_append(section: QAPIDoc.Section) -> int:
    tracemalloc.start()
    try:
        section.append_line("one more line")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def test_appending_a_line_costs_the_same_after_ten_megabytes_of_text() -> None:
    section = QAPIDoc.Section(QAPISourceInfo("x.json", None), QAPIDoc.Kind.PLAIN)
    section.append_line("first")
    small = _bytes_allocated_by_one_append(section)
    for _ in range(10_000):
        section.append_line("x" * 1000)
    assert len(section.text) > 10_000_000
    assert _bytes_allocated_by_one_append(section) < small + 100_000


def test_text_joins_the_lines_and_can_be_replaced() -> None:
    section = QAPIDoc.Section(QAPISourceInfo("x.json", None), QAPIDoc.Kind.PLAIN)
    assert section.is_empty() and section.text == ""
    section.append_line("a")
    section.append_line("b")
    assert section.text == "a\nb\n" and not section.is_empty()
    section.text = section.text.strip("\n")
    assert section.text == "a\nb"
