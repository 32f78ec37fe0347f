"""The docs backend on QEMU's full schema from the conformance corpus."""

from __future__ import annotations

import gzip
import itertools
import re

import pytest

from qapi_ir.plugin_api import Output

from .conftest import search_document
from .linkcheck import broken_links, ids_of


@pytest.fixture(scope="module")
def full_output(qemu_outputs: dict[str, Output]) -> Output:
    """The manual of QEMU 10.2's full schema (built once per session)."""
    return qemu_outputs["qmp"]


def test_every_href_of_the_full_schema_resolves(full_output: Output) -> None:
    assert broken_links(full_output.files) == []


def test_full_schema_has_the_documented_stable_anchors(full_output: Output) -> None:
    page = next(text for name, text in full_output.files.items()
                if 'id="command-query-block"' in text)
    assert {"type-BlockInfo", "member-BlockInfo-device"} <= ids_of(page)


def test_full_schema_markup_renders_without_docutils_complaints(full_output: Output) -> None:
    markup = [w for w in full_output.warnings
              if "example" not in w and "cross-reference" not in w]
    assert markup == []


def _section(output: Output, anchor: str) -> str:
    page = next(text for text in output.files.values() if f'id="{anchor}"' in text)
    start = page.index(f'id="{anchor}"')
    return page[start:page.index("\n</section>", start)]


def test_feature_prose_about_a_member_is_kept(full_output: Output) -> None:
    assert "is deprecated.  Use" in _section(full_output, "command-eject")


def test_labelled_reference_is_a_link_not_raw_text(full_output: Output) -> None:
    html = _section(full_output, "type-NumaCpuOptions")
    assert "&lt;query-hotpluggable-cpus&gt;" not in html
    assert 'href="machine.html#command-query-hotpluggable-cpus"' in html


def test_blockdev_add_links_its_union_instead_of_copying_it(full_output: Output) -> None:
    html = _section(full_output, "command-blockdev-add")
    assert 'The members of <a href="block-core.html#type-BlockdevOptions">' in html
    assert "<table" not in html and len(html) < 10_000


def test_empty_pragma_module_has_no_page(full_output: Output) -> None:
    assert "pragma.html" not in full_output.files
    assert not [n for n, text in full_output.files.items() if 'href="pragma.html' in text]


def test_search_index_is_under_a_megabyte_compressed(full_output: Output) -> None:
    index = full_output.files["search-index.js"].encode()
    assert len(gzip.compress(index, 9)) < 1_000_000
    document = search_document(full_output)
    assert len(document["definitions"]) > 1000 and len(document["members"]) > 3000


def test_every_page_starts_at_h1_and_skips_no_heading_level(full_output: Output) -> None:
    skipped = []
    for name, text in full_output.files.items():
        if name.endswith(".html"):
            levels = [int(n) for n in re.findall(r"<h([1-6])\b", text)]
            if levels[0] != 1 or any(b > a + 1 for a, b in itertools.pairwise(levels)):
                skipped.append(name)
    assert skipped == []
