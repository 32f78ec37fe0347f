"""Doc comments and field layout come out exactly as gofmt prints them."""

from __future__ import annotations

from pathlib import Path

from qapi_build_go.comments import comment_lines
from qapi_build_go.doctext import blocks, member_text
from qapi_build_go.layout import Entry, layout
from tests.contrib.go.conftest import FIXTURES, GoTools, generate


def comment(text: str) -> list[str]:
    return comment_lines(blocks(text))


def test_fields_align_in_runs_that_comments_break() -> None:
    entries = [
        Entry(("// A doc",), ("A", "int", '`json:"a"`')),
        Entry(("// Bbbbbb doc",), ("Bbbbbb", "*string", '`json:"bbbbbb,omitempty"`')),
        Entry((), ("C", "int")),
        Entry((), ("Ddddddd", "[]int", '`json:"d"`')),
    ]
    assert layout(entries) == [
        "// A doc",
        'A int `json:"a"`',
        "// Bbbbbb doc",
        'Bbbbbb  *string `json:"bbbbbb,omitempty"`',
        "C       int",
        'Ddddddd []int `json:"d"`',
    ]


def test_lists_and_literal_blocks_take_gos_forms() -> None:
    text = "Intro::\n\n    -> { \"execute\": \"x\" }\n      <- {}\n\nThen:\n\n- one\n  more\n- two"
    assert comment(text) == [
        "// Intro:",
        "//",
        '//\t-> { "execute": "x" }',
        "//\t  <- {}",
        "//",
        "// Then:",
        "//",
        "//   - one",
        "//     more",
        "//   - two",
    ]


def test_a_code_block_after_a_list_gets_a_paragraph_between() -> None:
    assert comment("- item\n\n::\n\n    code") == [
        "//   - item", "//", "// Code:", "//", "//\tcode"
    ]


def test_a_line_go_reads_as_a_heading_is_written_as_one() -> None:
    assert comment("First.\n\nJob Control\n\nMore text.") == [
        "// First.", "//", "// # Job Control", "//", "// More text."
    ]
    assert comment("First.\n\nSee the manual.\n\nMore text.")[2] == "// See the manual."


def test_markup_and_control_characters_are_removed() -> None:
    assert comment("Use @node-name or ``id``\x07, see :qapi:cmd:`query-x`.") == [
        "// Use node-name or `id`, see query-x."
    ]


def test_directives_become_titled_paragraphs_or_examples() -> None:
    text = ".. note:: Mind the gap.\n\n.. qmp-example::\n   :title: Stopping\n\n   -> { }"
    assert comment(text) == [
        "// Note: Mind the gap.", "//", "// Example: Stopping", "//", "//\t-> { }"
    ]


def test_a_bullet_list_and_a_numbered_list_stay_two_lists() -> None:
    assert comment("- one\n- two\n\n1. first\n2. second") == [
        "//   - one", "//   - two", "//", "// List:", "//", "//  1. first", "//  2. second"
    ]


def test_a_nested_list_of_the_other_kind_stays_text_of_its_item() -> None:
    assert comment("- outer\n\n  1. inner\n\n- next") == [
        "//   - outer", "//     1. inner", "//   - next"
    ]


def test_auto_numbered_items_are_numbered() -> None:
    assert comment("#. one\n#. two") == ["//  1. one", "//  2. two"]


def test_member_text_continuation_lines_lose_their_indentation() -> None:
    assert member_text("first line\n    second line") == "first line\nsecond line"


def test_doc_comments_written_to_stress_go_are_gofmt_clean(
    go_tools: GoTools, tmp_path: Path
) -> None:
    package = generate(FIXTURES / "doc-stress.json", tmp_path)
    go_tools.assert_clean(package)
    types = (package / "types.go").read_text()
    assert "//     continued\n//\n// List:\n//\n//  1. a number\n" in types
