"""Ids the backend makes cannot be taken by doc text: a crafted schema in Chromium."""

from __future__ import annotations

import collections
from pathlib import Path
from typing import Any

import attrs
import pytest

from qapi_ir.ir import Schema

from .conftest import generate, open_page, write_site
from .linkcheck import broken_links, id_list
from .schemas import at, vault_schema

#: Doc text whose reST labels name ids of the page: a definition, a member row, the
#: search box, an id search.js makes, and a heading that another doc comment repeats.
HOSTILE_TEXT = """\
A seal, with labels that would take the page's ids.

.. _command-query-vaults:

Jump to here: command-query-vaults_ and search-box_ and member-VaultInfo-size_.

.. _search-box:

.. _member-VaultInfo-size:

.. _search-result-0:

The end."""


def hostile_schema() -> Schema:
    """The test schema with :data:`HOSTILE_TEXT` and a repeated free-form heading."""
    schema = vault_schema()
    docs = []
    for doc in schema.docs:
        if doc.symbol == "VaultSeal":
            doc = attrs.evolve(doc, body=attrs.evolve(doc.body, text=HOSTILE_TEXT))
        docs.append(doc)
    storage = next(d for d in schema.docs if d.symbol is None and "Storage" in d.body.text)
    again = attrs.evolve(storage, location=at(11), body=attrs.evolve(
        storage.body, text="Storage\n-------\n\nMore about storage.", location=at(11)))
    return attrs.evolve(schema, docs=(*docs, again))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The crafted schema's manual on disk."""
    output = generate(hostile_schema())
    assert broken_links(output.files) == []
    return write_site(output, tmp_path_factory.mktemp("hostile"))


def test_ids_are_unique_on_every_page_whatever_the_doc_text_says(hostile_site: Path) -> None:
    for page in hostile_site.glob("*.html"):
        counts = collections.Counter(id_list(page.read_text(encoding="utf-8")))
        assert [i for i, n in counts.items() if n > 1] == [], page.name


def test_the_backends_ids_keep_their_elements(hostile_site: Path, driver: Any) -> None:
    page = open_page(driver, hostile_site / "store.html")
    found = page.execute_script("""
        return ['command-query-vaults', 'search-box', 'member-VaultInfo-size']
          .map(id => document.getElementById(id).tagName);""")
    assert found == ["SECTION", "INPUT", "TR"]


def test_a_label_in_doc_text_still_leads_to_its_own_text(hostile_site: Path,
                                                          driver: Any) -> None:
    page = open_page(driver, hostile_site / "store.html")
    targets = page.execute_script("""
        return [...document.querySelectorAll('#type-VaultSeal a.reference.internal')]
          .filter(a => a.getAttribute('href').startsWith('#'))
          .map(a => document.getElementById(a.hash.slice(1)))
          .map(t => [t.id, t.className, t.nextElementSibling.textContent]);""")
    assert [t[0] for t in targets] == [
        "command-query-vaults-2", "search-box-2", "member-vaultinfo-size"]
    assert {t[1] for t in targets} == {"target"}
    assert targets[0][2].startswith("Jump to here")


def test_a_repeated_heading_gets_an_anchor_of_its_own(hostile_site: Path) -> None:
    ids = id_list((hostile_site / "store.html").read_text(encoding="utf-8"))
    assert "storage" in ids and "storage-2" in ids
