"""Doc text to HTML: the docutils batch, its fast path, cross-references and problems."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from qapi_backends.docs.rst import (
    HeadingLevels,
    Resolver,
    Text,
    dedent_section,
    plain_paragraph,
    render_batch,
)
from qapi_backends.docs.rst.xrefs import labelled
from qapi_backends.docs.safety import is_safe_url
from qapi_ir.ir import Location

RESOLVER = Resolver(lambda name: f"p.html#type-{name}" if name == "Known" else None,
                    {"arg": "#member-cmd-arg"})


def text(source: str, line: int = 1, tagged: bool = False) -> Text:
    """A text at ``line`` of f.json."""
    return Text(source, Location("f.json", line), RESOLVER, tagged)


def docutils_html(source: str) -> str:
    """What docutils itself makes of ``source`` (the batch path, never the fast path)."""
    return render_batch([text(source + "\n\n::\n\n  x")], HeadingLevels()).html[0].split(
        '<pre class="literal-block">')[0]


def attribute_urls(html: str) -> set[str]:
    """Every ``href`` and ``src`` in ``html``."""
    return set(re.findall(r'(?:href|src)="([^"]*)"', html))


_WORDS = ("a", "b1", "(a", "b)", "a,", "'a'", '"b"', "a/b", "a+b", "a-b;", "1.", "-", "a.", "")
_LINES = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join)


@given(st.lists(_LINES, min_size=1, max_size=3))
def test_fast_path_renders_what_docutils_renders(lines: list[str]) -> None:
    source = "\n".join(lines)
    fast = plain_paragraph(source)
    assume(fast is not None)
    assert fast == docutils_html(source)


def test_fast_path_declines_markup() -> None:
    assert plain_paragraph("see *this*") is None
    assert plain_paragraph("1. a list") is None
    assert plain_paragraph("plain words") == "<p>plain words</p>\n"


def test_tagged_text_loses_the_indentation_of_continuation_lines() -> None:
    assert dedent_section("first\n    second\n      third") == "first\nsecond\n  third"


def test_texts_of_one_batch_render_separately() -> None:
    result = render_batch([text("- one\n- two"), text("*emphasis*"), text("plain")],
                          HeadingLevels())
    assert "<li><p>one</p></li>" in result.html[0] and "emphasis" not in result.html[0]
    assert result.html[1] == "<p><em>emphasis</em></p>\n"
    assert result.html[2] == "<p>plain</p>\n"


def test_backquoted_names_and_at_members_become_links() -> None:
    html = render_batch([text("`Known`, `Unknown` and @arg, @other")], HeadingLevels()).html[0]
    assert 'href="p.html#type-Known"' in html and 'href="#member-cmd-arg"' in html
    assert '<span class="docutils literal">other</span>' in html


def test_unknown_cross_reference_is_a_problem_at_its_line() -> None:
    result = render_batch([text("x\n\ny `Unknown`", line=5)], HeadingLevels())
    assert [(p.location.line, p.message) for p in result.problems] == [
        (7, "cross-reference to unknown definition 'Unknown'")]


def test_bad_markup_is_a_problem_at_its_line_in_its_own_text() -> None:
    result = render_batch([text("fine", line=3), text("a\n\n.. bogus-directive::", line=20)],
                          HeadingLevels())
    assert [(p.location.line, p.is_error) for p in result.problems] == [(22, True)]
    assert "bogus" in result.problems[0].message
    assert "System Message" not in result.html[1]


def test_annotated_qmp_example_keeps_prose_and_direction() -> None:
    source = (".. qmp-example::\n   :annotated:\n   :title: Two steps\n\n   First::\n\n"
              "    -> { \"execute\": \"a\" }\n    <- { \"return\": {} }")
    result = render_batch([text(source, line=40)], HeadingLevels())
    html = result.html[0]
    assert "Example: Two steps" in html and "<p>First:</p>" in html
    assert '<span class="qmp-in">' in html and '<span class="qmp-out">' in html
    assert [loc.line for loc, line in result.examples[0].lines if "->" in line] == [46]


def test_heading_levels_follow_first_use_of_each_style_across_texts() -> None:
    levels = HeadingLevels()
    first = render_batch([text("Top\n===\n\nbody")], levels)
    second = render_batch([text("Sub\n---\n\nbody"), text("Again\n=====")], levels)
    assert [h.level for h in first.headings[0]] == [1]
    assert [h.level for h in second.headings[0] + second.headings[1]] == [2, 1]
    assert "<h2>Sub</h2>" in second.html[0] and "<h1>Again</h1>" in second.html[1]


def test_highest_heading_of_a_batch_is_h1_whatever_its_level_in_the_schema() -> None:
    levels = HeadingLevels()
    render_batch([text("Top\n===\n\nbody")], levels)
    page = render_batch([text("Sub\n---\n\nbody\n\nSubsub\n~~~~~~\n\nmore")], levels)
    assert page.top_level == 2
    assert "<h1>Sub</h1>" in page.html[0] and "<h2>Subsub</h2>" in page.html[0]


def test_labelled_cross_reference_links_the_target_with_the_label() -> None:
    html = render_batch([text("see `the list <Known>` here")], HeadingLevels()).html[0]
    assert ('<a class="reference external" href="p.html#type-Known">'
            '<span class="docutils literal">the list</span></a>') in html


UNSAFE_LINKS = {
    "reference": "`click <javascript:alert(1)>`_",
    "autolink": "see javascript:alert(1) now",
    "image": ".. image:: javascript:alert(1)",
    "image target": ".. image:: pic.png\n   :target: javascript:alert(1)",
    "anonymous target": "`go`__\n\n__ javascript:alert(1)",
    "scheme with a tab": "`x <java\tscript:alert(1)>`_",
    "data URL": "`x <data:text/html,hi>`_",
}


@pytest.mark.parametrize("source", UNSAFE_LINKS.values(), ids=UNSAFE_LINKS.keys())
def test_links_other_than_http_https_mailto_and_relative_are_dropped(source: str) -> None:
    result = render_batch([text(source)], HeadingLevels())
    assert not attribute_urls(result.html[0]) - {"pic.png"}
    if "now" not in source:
        assert any("dropped" in p.message for p in result.problems)


def test_target_defined_in_one_doc_comment_is_checked_where_another_uses_it() -> None:
    result = render_batch([text(".. _evil: javascript:alert(1)"), text("go evil_ now")],
                          HeadingLevels())
    assert not attribute_urls("".join(result.html))
    assert "<p>go evil now</p>" in result.html[1]


def test_http_https_mailto_and_relative_links_are_kept() -> None:
    html = render_batch([text("`a <http://a.org/>`_ `b <https://b.org/>`_ <mailto:c@d.org> "
                              "`e <other.html#x>`_ `f <../g.html>`_")],
                        HeadingLevels()).html[0]
    for url in ('href="http://a.org/"', 'href="https://b.org/"', 'href="mailto:c&#64;d.org"',
                'href="other.html#x"', 'href="../g.html"'):
        assert url in html


@pytest.mark.parametrize(("url", "safe"), [
    ("http://x", True), ("HTTPS://x", True), ("mailto:a@b", True), ("page.html#a", True),
    ("/abs/path", True), ("a/b:c", True), ("javascript:x", False), (" javascript:x", False),
    ("java\nscript:x", False), ("vbscript:x", False), ("data:x", False), ("file:///etc", False),
])
def test_url_policy(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_qmp_example_colours_json_of_every_line_of_a_message() -> None:
    source = (".. qmp-example::\n\n   -> { \"execute\": \"a\",\n        \"arguments\": "
              "{ \"n\": 1, \"on\": true } }\n   <- { \"return\": {} }")
    html = render_batch([text(source)], HeadingLevels()).html[0]
    message = re.search(r'<span class="qmp-in">(.*?)</span>\n<span class="qmp-out">', html,
                        re.S)
    assert message and "\n" in message.group(1)
    assert '<span class="json-key">&quot;arguments&quot;</span>' in message.group(1)
    assert '<span class="json-number">1</span>' in message.group(1)
    assert '<span class="json-constant">true</span>' in message.group(1)
    assert '<span class="json-string">&quot;a&quot;</span>' in message.group(1)


def test_doc_text_ids_avoid_taken_ids_and_each_other() -> None:
    taken = {"command-x", "search-box"}
    result = render_batch(
        [text(".. _command-x:\n\nSee command-x_.\n\n.. _search-box:\n\nEnd."),
         text("Title\n=====\n\nOne."), text("Title\n=====\n\nTwo.")],
        HeadingLevels(), taken=taken)
    assert 'id="command-x-2"' in result.html[0] and 'href="#command-x-2"' in result.html[0]
    assert 'id="search-box-2"' in result.html[0] and 'id="command-x"' not in result.html[0]
    assert [h.anchor for hs in result.headings[1:] for h in hs] == ["title", "title-2"]
    assert {"command-x-2", "search-box-2", "title", "title-2"} <= taken


def test_ids_search_js_makes_are_never_given_to_doc_text() -> None:
    html = render_batch([text(".. _search-result-3:\n\nHere.")], HeadingLevels()).html[0]
    assert 'id="search-result-3-2"' in html


OUTSIDE = Resolver(lambda name: "index.html#definitions" if name == "the-index" else None,
                   title=lambda name: "index" if name == "the-index" else None,
                   outside=lambda role, target: f"https://docs/{role}/{target}")


def test_doc_and_ref_roles_become_links_through_the_resolver() -> None:
    source = (":doc:`The spec </interop/spec>`, :doc:`/devel/gen` and :ref:`label`; "
              "see the `the-index`.")
    html = render_batch([Text(source, Location("f.json", 1), OUTSIDE)], HeadingLevels()).html[0]
    assert '<a class="reference external" href="https://docs/doc//interop/spec"><em>The spec' \
           in html
    assert 'href="https://docs/doc//devel/gen"><em>devel/gen</em>' in html
    assert 'href="https://docs/ref/label"><em>label</em>' in html
    assert 'href="index.html#definitions">index</a>' in html
    assert "`" not in html and ":doc:" not in html


def test_doc_and_ref_roles_keep_their_words_without_a_place_to_link() -> None:
    html = render_batch([text(":doc:`The spec </interop/spec>` and :ref:`label`")],
                        HeadingLevels()).html[0]
    assert html == "<p><em>The spec</em> and <em>label</em></p>\n"


def test_unknown_definition_is_looked_up_outside_and_still_reported() -> None:
    result = render_batch([Text("see `query-status`", Location("f.json", 1), OUTSIDE)],
                          HeadingLevels())
    assert 'href="https://docs/ref/query-status"><span class="docutils literal">' in \
        result.html[0]
    assert [p.message for p in result.problems] == [
        "cross-reference to unknown definition 'query-status'"]


def test_label_and_target_are_split_alike_for_roles_and_definition_references() -> None:
    assert labelled("The spec </interop/spec>") == ("The spec", "/interop/spec")
    assert labelled("<target>") == ("", "target")
    assert labelled("words <>") is None
    assert labelled("just words") is None
