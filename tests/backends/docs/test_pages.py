"""The pages the docs backend writes for the hand-built test schema."""

from __future__ import annotations

import json
import re

import pytest

from qapi_ir.plugin_api import BackendError, Output

from .conftest import generate
from .linkcheck import broken_links, ids_of
from .schemas import vault_schema


def section_of(output: Output, anchor: str) -> str:
    """The HTML of the definition section with id ``anchor`` on the store page."""
    page = output.files["store.html"]
    match = re.search(rf'<section class="[^"]*" id="{anchor}">(.*?)\n</section>', page, re.S)
    assert match, f"no section {anchor}"
    return match.group(1)


def test_writes_index_a_page_per_module_stylesheet_and_search_files(
        vault_output: Output) -> None:
    assert set(vault_output.files) == {
        "index.html", "vault.html", "store.html", "style.css", "search.js",
        "search-index.json", "search-index.js"}


def test_index_lists_modules_in_schema_order_under_their_headings(vault_output: Output) -> None:
    index = vault_output.files["index.html"]
    toc = index[index.index('id="modules"'):index.index('id="definitions"')]
    assert toc.index("Vault service") < toc.index("Storage")


def test_index_lists_every_definition_alphabetically_without_implicit_types(
        vault_output: Output) -> None:
    index = vault_output.files["index.html"]
    names = re.findall(r'<li><a href="[^"]+"><code>([^<]+)</code>', index)
    assert names == sorted(names, key=str.lower)
    assert "query-vaults" in names and "VAULT_OPENED" in names and "VaultSpec" in names
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
    assert re.search(r"When <code>kind</code> is <code>sealed</code>.*?VaultSeal.*?"
                     r"only when CONFIG_LOCK and not CONFIG_RO", html, re.S)
    assert "<td><code>key</code></td>" in html


def test_implicit_types_have_no_section_of_their_own(vault_output: Output) -> None:
    assert "q_obj_" not in vault_output.files["store.html"]


def test_command_arguments_and_event_data_are_member_tables(vault_output: Output) -> None:
    assert "<h3>Arguments</h3>" in section_of(vault_output, "command-query-vaults")
    assert 'id="member-VAULT_OPENED-id"' in section_of(vault_output, "event-VAULT_OPENED")


def test_boxed_command_shows_the_members_of_its_argument_type(vault_output: Output) -> None:
    html = section_of(vault_output, "command-vault-create")
    assert "the members of VaultSpec" in html
    row = re.search(r'<tr id="member-vault-create-name">.*?</tr>', html, re.S)
    assert row and "the name, see" in row.group()


def test_command_shows_return_type_returns_errors_and_since(vault_output: Output) -> None:
    html = section_of(vault_output, "command-query-vaults")
    assert re.search(r'class="returns">\[<a href="store.html#type-VaultInfo">', html)
    assert "all vaults" in html and "Since: 3.0" in html
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
    assert re.search(r'<section id="vault-service">\s*<h2>Vault service</h2>',
                     vault_output.files["vault.html"])


def test_search_index_lists_definitions_with_urls(vault_output: Output) -> None:
    entries = json.loads(vault_output.files["search-index.json"])
    assert {"name": "query-vaults", "kind": "Command",
            "url": "store.html#command-query-vaults"} in entries
    script = vault_output.files["search-index.js"]
    assert json.loads(script.removeprefix("window.QAPI_SEARCH_INDEX = ").rstrip(";\n")) == entries


def test_bad_markup_is_a_warning_at_its_line(vault_output: Output) -> None:
    assert ("store.json:93: warning: Inline emphasis start-string without end-string."
            in vault_output.warnings)
    assert "System Message" not in vault_output.files["store.html"]


def test_stale_example_is_a_warning_at_the_request_line(vault_output: Output) -> None:
    assert ("store.json:76: warning: example of 'query-vaults': arguments has unknown "
            "member 'verbos'") in vault_output.warnings


def test_strict_mode_fails_on_doc_problems() -> None:
    with pytest.raises(BackendError, match="2 problem"):
        generate(vault_schema(), strict=True)


def test_since_option_rejects_a_non_version() -> None:
    with pytest.raises(BackendError, match=r"docs\.since"):
        generate(vault_schema(), since="latest")


def test_old_style_heading_lines_become_titles_in_the_index(vault_output: Output) -> None:
    assert re.search(r'<h3 id="vault-kinds">Vault kinds</h3>\s*<p>What a vault can be.</p>',
                     vault_output.files["store.html"])
    assert 'href="store.html#vault-kinds"' in vault_output.files["index.html"]
