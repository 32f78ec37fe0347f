"""QEMU 10.2's three manuals (QMP, guest agent, storage daemon), checked the same way.

Every link resolves, every id is unique, no page is wider than a laptop or a
phone, and axe-core finds nothing serious in a representative part of each
kind of page (the index, a module's first definitions, the search results).
The manuals are built once per session; one browser serves every test.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path
from typing import Any

import pytest

from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import Output
from tests.conftest import CORPUS_DIR

from .conftest import MANUALS, axe_violations, generate, open_page, overflow, script, set_width
from .linkcheck import broken_links, id_list

WIDTHS = (1366, 390)
#: How many definitions of a module page axe looks at.
AUDITED_DEFINITIONS = 3


@pytest.mark.parametrize("manual", MANUALS)
def test_every_link_of_the_manual_resolves(qemu_outputs: dict[str, Output],
                                           manual: str) -> None:
    files = qemu_outputs[manual].files
    assert len([n for n in files if n.endswith(".html")]) > 1
    assert broken_links(files) == []


@pytest.mark.parametrize("manual", MANUALS)
def test_every_id_of_every_page_is_unique(qemu_outputs: dict[str, Output],
                                          manual: str) -> None:
    repeated = {}
    for name, text in qemu_outputs[manual].files.items():
        if name.endswith(".html"):
            counts = collections.Counter(id_list(text))
            repeated.update({f"{name}#{i}": n for i, n in counts.items() if n > 1})
    assert repeated == {}


@pytest.mark.parametrize("manual", MANUALS)
def test_guest_agent_and_storage_daemon_references_are_links(
        qemu_outputs: dict[str, Output], manual: str) -> None:
    intro = next(text for name, text in qemu_outputs[manual].files.items()
                 if "QEMU Machine Protocol Specification" in text and name != "index.html")
    assert ('href="https://www.qemu.org/docs/master/interop/qmp-spec.html"><em>QEMU Machine '
            "Protocol Specification</em>") in intro


@pytest.mark.parametrize("manual", MANUALS)
def test_no_page_is_wider_than_the_screen(qemu_sites: dict[str, Path], driver: Any,
                                          manual: str) -> None:
    site = qemu_sites[manual]
    wide = []
    for page in sorted(site.glob("*.html")):
        driver.get(page.as_uri())
        for width in WIDTHS:
            set_width(driver, width)
            if overflow(driver):
                wide.append(f"{page.name} at {width} px: {overflow(driver)} px too wide")
    set_width(driver, 1366)
    assert wide == []


#: The kinds of definition a representative module page shows.
REPRESENTATIVE_KINDS = {"Command", "Event", "Struct", "Enum"}


def _representative_page(site: Path) -> Path:
    """The smallest module page showing :data:`REPRESENTATIVE_KINDS` (else the one that
    shows the most of them)."""
    def missing(page: Path) -> int:
        found = re.findall(r'<h\d class="definition-title"><span class="kind">(\w+)<',
                           page.read_text(encoding="utf-8"))
        return len(REPRESENTATIVE_KINDS - set(found))

    pages = [p for p in site.glob("*.html") if p.name != "index.html"]
    return min(sorted(pages, key=lambda p: p.stat().st_size), key=missing)


@pytest.mark.parametrize("manual", MANUALS)
def test_accessibility_of_representative_parts(qemu_sites: dict[str, Path], driver: Any,
                                               manual: str) -> None:
    site = qemu_sites[manual]
    page = open_page(driver, site / "index.html")
    findings = axe_violations(page, ["header.top", "nav.modules", "#modules", "#commands",
                                     "#builtin-types", "footer"])
    script.search(page, "query")
    findings += axe_violations(page, ["header.top"])
    open_page(driver, _representative_page(site))
    # axe-core walks the whole document whatever it is asked to check: the definitions
    # after the first few go, leaving a page of the same kind that axe checks in seconds.
    parts = page.execute_script("""
        const all = [...document.querySelectorAll('section.definition')];
        all.slice(arguments[0]).forEach(s => s.remove());
        return all.slice(0, arguments[0]).map(s => '#' + CSS.escape(s.id));""",
                                AUDITED_DEFINITIONS)
    assert len(parts) == AUDITED_DEFINITIONS
    findings += axe_violations(page, ["nav.contents", "main", *parts])
    assert findings == [], [f["id"] for f in findings]


def test_guest_agent_names_of_qmp_commands_link_to_qemus_documentation(
        qemu_outputs: dict[str, Output]) -> None:
    page = qemu_outputs["qga"].files["qapi-schema.html"]
    assert 'href="https://www.qemu.org/docs/master/search.html?q=query-status">' in page


@pytest.mark.parametrize("manual", MANUALS)
def test_no_page_shows_raw_reference_syntax(qemu_outputs: dict[str, Output],
                                            manual: str) -> None:
    raw = []
    for name, page in qemu_outputs[manual].files.items():
        if name.endswith(".html"):
            text = re.sub(r"<[^>]+>", "", re.sub(r"<pre\b.*?</pre>", "", page, flags=re.S))
            raw += [f"{name}: {s}" for s in ("`", ":ref:", ":doc:", "qapi-qmp-index", ".. _")
                    if s in text]
    assert raw == []


def test_each_manual_is_titled_after_its_protocol(qemu_outputs: dict[str, Output]) -> None:
    """The guest agent's manual is not called a QMP manual; ``docs.title`` names any."""
    titles = {name: re.search(r"<h1>(.*?)</h1>", output.files["index.html"])
              for name, output in qemu_outputs.items()}
    assert {name: found and found.group(1) for name, found in titles.items()} == {
        "qmp": "QMP Reference Manual", "qga": "Guest Agent Protocol Reference",
        "qsd": "QMP Reference Manual"}
    schema = load_schema(str(CORPUS_DIR / "qemu-10.2" / "codegen" / "schemas" / MANUALS["qsd"]))
    named = generate(schema, title="Storage Daemon QMP Reference Manual")
    assert "<h1>Storage Daemon QMP Reference Manual</h1>" in named.files["index.html"]
