"""The pages the docs backend writes for the hand-built test schema."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import attrs
import pytest

import qapi_backends.docs as docs_backend
from qapi_backends.docs.links import LAYOUT_IDS
from qapi_backends.docs.pages import (
    FreeForm,
    IndexEntry,
    ModulePage,
    arrange,
    index_groups,
    navigation,
)
from qapi_backends.docs.rst import Heading, Resolver, Text
from qapi_backends.docs.search import snippet
from qapi_backends.docs.views import Prose
from qapi_ir.plugin_api import BackendError, Output

from .conftest import generate, search_document
from .linkcheck import broken_links, ids_of
from .schemas import MAIN, at, vault_schema


def section_of(output: Output, anchor: str) -> str:
    """The HTML of the definition section with id ``anchor`` on the store page."""
    page = output.files["store.html"]
    match = re.search(rf'<section class="[^"]*" id="{anchor}">(.*?)\n</section>', page, re.S)
    assert match, f"no section {anchor}"
    return match.group(1)


def test_writes_index_a_page_per_module_stylesheet_and_search_files(
        vault_output: Output) -> None:
    assert set(vault_output.files) == {
        "index.html", "vault.html", "store.html", "style.css", "search.js",  # no pragma.html
        "search-index.js"}


def test_index_lists_modules_in_schema_order_under_their_headings(vault_output: Output) -> None:
    index = vault_output.files["index.html"]
    toc = index[index.index('id="modules"'):index.index('id="definitions"')]
    assert toc.index("Vault service") < toc.index("Storage")


def test_index_lists_every_definition_by_kind_alphabetically_without_implicit_types(
        vault_output: Output) -> None:
    index = vault_output.files["index.html"]
    groups = {}
    for anchor in ("commands", "events", "types"):
        start = index.index(f'<section class="index-group" id="{anchor}"')
        group = index[start:index.index("</section>", start)]
        groups[anchor] = re.findall(r'<li><a href="[^"]+"><code>([^<]+)</code>', group)
        assert groups[anchor] == sorted(groups[anchor], key=str.lower)
    assert groups["commands"] == ["query-vaults", "vault-create"]
    assert groups["events"] == ["VAULT_OPENED"]
    assert "VaultSpec" in groups["types"] and "VaultRef" in groups["types"]
    names = [n for g in groups.values() for n in g]
    assert not [n for n in names if n.startswith("q_") or n.endswith("List")]


def test_definitions_and_members_have_stable_anchors(vault_output: Output) -> None:
    ids = ids_of(vault_output.files["store.html"])
    assert {"command-query-vaults", "event-VAULT_OPENED", "type-VaultInfo",
            "member-VaultInfo-size", "member-query-vaults-verbose",
            "member-VaultKind-sealed"} <= ids


def test_every_internal_link_resolves(vault_output: Output) -> None:
    assert broken_links(vault_output.files) == []


def test_member_row_shows_linked_type_optional_condition_and_features(
        vault_output: Output) -> None:
    html = section_of(vault_output, "type-VaultInfo")
    locked = re.search(r'<tr id="member-VaultInfo-locked">.*?</tr>', html, re.S)
    assert locked and "optional" in locked.group()
    assert "only when CONFIG_LOCK and not CONFIG_RO" in locked.group()
    kind = re.search(r'<tr id="member-VaultInfo-kind">.*?</tr>', html, re.S)
    assert kind and 'href="store.html#type-VaultKind"' in kind.group()
    label = re.search(r'<tr id="member-VaultInfo-label".*?</tr>', html, re.S)
    assert label and "badge-deprecated" in label.group()


def test_base_members_are_marked_inherited(vault_output: Output) -> None:
    html = section_of(vault_output, "type-VaultInfo")
    row = re.search(r'<tr id="member-VaultInfo-id">.*?</tr>', html, re.S)
    assert row and "inherited from" in row.group() and "type-VaultBase" in row.group()
    own = re.search(r'<tr id="member-VaultInfo-size">.*?</tr>', html, re.S)
    assert own and "inherited" not in own.group()


def test_union_branches_appear_under_their_tag_value(vault_output: Output) -> None:
    html = section_of(vault_output, "type-VaultSpec")
    assert re.search(r"<details class=\"branch\"><summary>When <code>kind</code> is "
                     r"<code>sealed</code>.*?VaultSeal.*?only when CONFIG_LOCK and not "
                     r"CONFIG_RO\)</summary>", html, re.S)
    assert '<th scope="row" class="name"><code>key</code></th>' in html


def test_implicit_types_have_no_section_of_their_own(vault_output: Output) -> None:
    assert "q_obj_" not in vault_output.files["store.html"]


def test_command_arguments_and_event_data_are_member_tables(vault_output: Output) -> None:
    assert "<h3>Arguments</h3>" in section_of(vault_output, "command-query-vaults")
    assert 'id="member-VAULT_OPENED-id"' in section_of(vault_output, "event-VAULT_OPENED")


def test_union_argument_is_a_link_to_the_union_not_a_copy(vault_output: Output) -> None:
    html = section_of(vault_output, "command-vault-create")
    assert ('The members of <a href="store.html#type-VaultSpec"><code>VaultSpec</code></a>'
            in html)
    assert "<table" not in html and "<details" not in html and "the name, see" not in html


def test_command_shows_return_type_returns_errors_and_since(vault_output: Output) -> None:
    html = section_of(vault_output, "command-query-vaults")
    assert re.search(r'class="returns">\[<a href="store.html#type-VaultInfo">', html)
    assert "all vaults" in html and '<p class="since">Since 3.0</p>' in html
    assert "<h3>Errors</h3>" in section_of(vault_output, "command-vault-create")


def test_todo_sections_are_left_out(vault_output: Output) -> None:
    assert "secret plans" not in vault_output.files["store.html"]


def test_special_features_are_badges(vault_output: Output) -> None:
    heading = section_of(vault_output, "command-query-vaults").split("</h2>")[0]
    assert 'class="badge badge-unstable"' in heading


def test_since_option_marks_newer_definitions_and_members(vault_output: Output) -> None:
    page = vault_output.files["store.html"]
    assert 'class="definition new" id="command-query-vaults"' in page
    assert 'class="definition" id="command-vault-create"' in page
    assert '<tr id="member-VaultInfo-label" class="new">' in page
    assert '<tr id="member-VaultInfo-size">' in page


def test_cross_references_link_definitions_and_member_rows(vault_output: Output) -> None:
    html = section_of(vault_output, "command-query-vaults")
    assert 'href="store.html#type-VaultInfo"><span class="docutils literal">VaultInfo' in html
    assert 'href="#member-query-vaults-verbose"' in html


def test_qmp_examples_show_title_and_direction(vault_output: Output) -> None:
    html = section_of(vault_output, "command-query-vaults")
    assert "Example: Listing" in html
    assert '<span class="qmp-in">-&gt; {' in html and '<span class="qmp-out">&lt;- {' in html


def test_free_form_headings_become_titles_with_anchors(vault_output: Output) -> None:
    assert re.search(r'<section id="vault-service">\s*<h1>Vault service</h1>',
                     vault_output.files["vault.html"])


def test_search_index_lists_definitions_with_urls(vault_output: Output) -> None:
    index = search_document(vault_output)
    assert ["query-vaults", "Command", "store.html#command-query-vaults",
            "List the vaults."] in index["definitions"]


def test_bad_markup_is_a_warning_at_its_line(vault_output: Output) -> None:
    assert ("store.json:93: warning: Inline emphasis start-string without end-string."
            in vault_output.warnings)
    assert "System Message" not in vault_output.files["store.html"]


def test_stale_example_is_a_warning_at_the_request_line(vault_output: Output) -> None:
    assert ("store.json:76: warning: example of 'query-vaults': arguments has unknown "
            "member 'verbos'") in vault_output.warnings


def test_strict_mode_fails_on_doc_problems() -> None:
    with pytest.raises(BackendError, match="3 problem"):
        generate(vault_schema(), strict=True)


def test_since_option_rejects_a_non_version() -> None:
    with pytest.raises(BackendError, match=r"docs\.since"):
        generate(vault_schema(), since="latest")


def test_old_style_heading_lines_become_titles_in_the_index(vault_output: Output) -> None:
    assert re.search(r'<h1 id="vault-kinds">Vault kinds</h1>\s*<p>What a vault can be.</p>',
                     vault_output.files["store.html"])
    assert 'href="store.html#vault-kinds"' in vault_output.files["index.html"]


def test_features_section_keeps_the_prose_of_a_feature_carried_by_a_member(
        vault_output: Output) -> None:
    html = section_of(vault_output, "type-VaultInfo")
    features = html[html.index("<h3>Features</h3>"):]
    assert "is deprecated.  Use" in features
    assert 'on member <a href="#member-VaultInfo-label"><code>label</code></a>' in features


def test_labelled_reference_shows_the_label_linked_to_the_target(vault_output: Output) -> None:
    html = section_of(vault_output, "type-VaultSeal")
    assert ('<a class="reference external" href="store.html#command-query-vaults">'
            '<span class="docutils literal">the listing</span></a>') in html
    assert "&lt;query-vaults&gt;" not in html


def test_pointer_to_the_index_of_definitions_is_a_link(vault_output: Output) -> None:
    assert 'href="index.html#definitions"' in vault_output.files["vault.html"]
    assert not [w for w in vault_output.warnings if "qapi-qmp-index" in w]


def test_undocumented_member_says_so(vault_output: Output) -> None:
    row = re.search(r'<tr id="member-VaultSeal-salt">.*?</tr>',
                    section_of(vault_output, "type-VaultSeal"), re.S)
    assert row and "Not documented." in row.group()


def test_javascript_target_defined_in_one_doc_comment_is_not_a_link_in_another(
        vault_output: Output) -> None:
    assert "javascript" not in section_of(vault_output, "type-VaultSpec")
    assert any("javascript:alert(1)" in w and "dropped" in w for w in vault_output.warnings)


def test_union_branches_are_folded(vault_output: Output) -> None:
    html = section_of(vault_output, "type-VaultSpec")
    assert html.count('<details class="branch">') == 2
    assert '<details class="branch" open' not in html


def test_since_stands_next_to_the_title_before_the_text(vault_output: Output) -> None:
    html = section_of(vault_output, "command-query-vaults")
    assert html.index('class="since"') < html.index("</div>") < html.index("List the vaults")


def test_alternate_has_no_optional_column(vault_output: Output) -> None:
    html = section_of(vault_output, "type-VaultRef")
    assert "<h3>Alternatives</h3>" in html and ">Type</th>" in html
    assert ">Optional</th>" not in html and "mandatory" not in html


def test_columns_every_row_leaves_empty_are_left_out(vault_output: Output) -> None:
    base = section_of(vault_output, "type-VaultBase")
    assert ">Condition</th>" not in base and ">Features</th>" not in base
    info = section_of(vault_output, "type-VaultInfo")
    assert ">Condition</th>" in info and ">Features</th>" in info


def test_module_with_nothing_to_show_gets_no_page_and_no_link(vault_output: Output) -> None:
    assert "pragma.html" not in vault_output.files
    assert not [name for name, text in vault_output.files.items() if "pragma.html" in text]


def test_every_page_has_one_h1_and_no_level_skipped(vault_output: Output) -> None:
    for name in ("index.html", "vault.html", "store.html"):
        levels = [int(n) for n in re.findall(r"<h([1-6])\b", vault_output.files[name])]
        assert levels[0] == 1, name
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), name


def test_definitions_sit_one_level_below_the_heading_before_them(vault_output: Output) -> None:
    page = vault_output.files["store.html"]
    assert '<h2 class="definition-title"><span class="kind">Enum</span> <code>VaultKind' in page
    assert "<h3>Values</h3>" in section_of(vault_output, "type-VaultKind")


def test_page_has_a_table_of_contents_nesting_definitions_under_headings(
        vault_output: Output) -> None:
    page = vault_output.files["store.html"]
    contents = page[page.index('<nav class="contents"'):page.index("</nav>", page.index(
        '<nav class="contents"'))]
    assert re.search(r'<li><a href="#vault-kinds">Vault kinds</a>\s*<ul>\s*'
                     r'<li><a href="#type-VaultKind"><code>Vault<wbr>Kind</code></a></li>',
                     contents)
    assert broken_links(vault_output.files) == []


def test_index_nests_only_lower_headings_under_a_module_title() -> None:
    schema = vault_schema()
    free = [d for d in schema.docs if d.symbol is None]
    # A second top-level title in the main module, like "Input" after "Remote desktop".
    late = attrs.evolve(free[0], location=at(7, MAIN), body=attrs.evolve(
        free[0].body, text="Input\n=====\n\nKeys.", location=at(8, MAIN)))
    output = generate(attrs.evolve(schema, docs=(*schema.docs, late)))
    index = output.files["index.html"]
    toc = index[index.index('class="toc"'):index.index('id="definitions"')]
    assert re.search(r'<li><a href="vault.html#vault-service">Vault service</a></li>\s*'
                     r'<li><a href="vault.html#input">Input</a>', toc)


def test_search_index_holds_members_features_and_words(vault_output: Output) -> None:
    index = search_document(vault_output)
    names = [d[0] for d in index["definitions"]]
    info = names.index("VaultInfo")
    assert ["label", info, "store.html#member-VaultInfo-label", "a label shown to users (since "
            "3.0)"] in index["members"]
    # The member's feature, saying which member; not again as the definition's.
    assert [f[:4] for f in index["features"] if f[1] == info] == [
        ["deprecated", info, "store.html#member-VaultInfo-label", "label"]]
    assert info in index["words"]["bytes"] and "the" not in index["words"]
    assert names.index("query-vaults") in index["words"]["vaults"]


def _page(module: str, level: int | None, title: str | None = None) -> ModulePage:
    heading = (FreeForm(Prose(None), headings=[Heading(1, title, "t")]),) if title else ()
    return ModulePage(module, module.replace(".json", ".html"), heading, level)


def test_pages_nest_by_heading_level_and_untitled_ones_are_named_after_their_base() -> None:
    pages = arrange([_page("block.json", 2, "Block devices"),
                     _page("block-core.json", 3, "Block core"),
                     _page("misc.json", 2, "Miscellanea"), _page("misc-arm.json", None),
                     _page("odd_thing.json", None)])
    assert [(p.title, p.depth) for p in pages] == [
        ("Block devices", 1), ("Block core", 2), ("Miscellanea", 1),
        ("Miscellanea (ARM)", 2), ("Odd thing", 1)]
    assert [n.title for n in navigation(pages)] == ["Block devices", "Miscellanea", "Odd thing"]
    assert [c.title for c in navigation(pages)[1].children] == ["Miscellanea (ARM)"]


def test_index_groups_by_kind_then_first_letter(vault_output: Output) -> None:
    index = vault_output.files["index.html"]
    assert re.search(r'<nav class="az" aria-label="Types by first letter">'
                     r'<a href="#types-v">V</a></nav>', index)
    assert '<h4 id="commands-q" class="letter">Q</h4>' in index
    groups = index_groups([IndexEntry("b", "Command", "u"), IndexEntry("A", "Struct", "u"),
                           IndexEntry("E", "Event", "u"), IndexEntry("a", "Command", "u")])
    assert [(g.anchor, [(k, [e.name for e in es]) for k, es in g.letters]) for g in groups] == [
        ("commands", [("B", ["b"]), ("A", ["a"])]), ("events", [("E", ["E"])]),
        ("types", [("A", ["A"])])]


def test_builtin_types_have_a_legend_that_member_types_link_to(vault_output: Output) -> None:
    index = vault_output.files["index.html"]
    assert re.search(r'<dt id="builtin-str"><code>str</code> <span class="kind">JSON string'
                     r'</span></dt><dd>a JSON string</dd>', index)
    assert '<a href="index.html#builtin-int"><code>int</code></a>' in section_of(
        vault_output, "type-VaultInfo")


def test_every_definition_and_member_row_has_a_permalink(vault_output: Output) -> None:
    page = vault_output.files["store.html"]
    anchors = re.findall(r'<(?:section class="[^"]*"|tr) id="([^"]+)"', page)
    links = re.findall(r'<a class="permalink" href="#([^"]+)"', page)
    assert anchors and links == anchors


def test_optional_cell_has_no_label_for_phone_cards(vault_output: Output) -> None:
    html = section_of(vault_output, "type-VaultInfo")
    assert '<td class="optional">optional</td>' in html and 'data-label="Optional"' not in html


def test_special_feature_is_shown_once(vault_output: Output) -> None:
    html = section_of(vault_output, "type-VaultInfo")
    assert '<dt><span class="badge badge-deprecated">deprecated</span> <span class="carried">' \
        in html


def test_footer_names_the_release_and_the_licence(vault_output: Output) -> None:
    assert ("for QEMU 3.0, generated by qapi-build from the schema's doc comments. Licence of "
            "the text: GPL-2.0-or-later.") in vault_output.files["store.html"]
    other = generate(vault_schema(), release="9.1", license="CC-BY-4.0")
    assert "for QEMU 9.1," in other.files["index.html"] and "CC-BY-4.0" in other.files[
        "index.html"]


def test_external_references_follow_the_external_base_option() -> None:
    schema = vault_schema()
    docs = tuple(attrs.evolve(d, body=attrs.evolve(d.body, text=d.body.text + "\n\nSee "
                                                    ":doc:`/interop/qmp-spec`."))
                 if d.symbol == "VaultKind" else d for d in schema.docs)
    html = generate(attrs.evolve(schema, docs=docs), **{"external-base": "https://x.org/d"})
    assert 'href="https://x.org/d/interop/qmp-spec.html"><em>interop/qmp-spec</em>' in \
        section_of(html, "type-VaultKind")


def test_search_index_gives_each_result_a_snippet(vault_output: Output) -> None:
    index = search_document(vault_output)
    seal = next(d for d in index["definitions"] if d[0] == "VaultSeal")
    assert seal[3] == "A seal, listed by the listing."
    assert snippet(Prose(Text("word " * 50, at(1), Resolver(str)))).endswith("word…")


def test_layout_ids_list_every_id_of_the_frame_and_the_search_script() -> None:
    templates = Path(docs_backend.__file__).parent / "templates"
    layout = (templates / "layout.mako").read_text(encoding="utf-8")
    script = (templates / "search.js").read_text(encoding="utf-8")
    used = set(re.findall(r'\bid="([a-z-]+)"', layout))
    used |= set(re.findall(r'getElementById\("([a-z-]+)"\)', script))
    assert "search-box" in used and used == set(LAYOUT_IDS)
