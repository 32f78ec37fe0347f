"""``-O docs.history=LABEL=PATH``: a page per release, since/deprecated-in notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qapi_backends.docs.history import ChangeRow
from qapi_ir.driver.releases import release_history
from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import Option, Output

from .conftest import generate
from .linkcheck import broken_links


def _command(name: str, *, deprecated: bool = False, since: str = "") -> str:
    features = "\n#\n# Features:\n#\n# @deprecated: Use something else." if deprecated else ""
    since_line = f"\n#\n# Since: {since}" if since else ""
    flag = ", 'features': ['deprecated']" if deprecated else ""
    return (f"##\n# @{name}:\n#\n# Does {name}.{features}{since_line}\n##\n"
            f"{{ 'command': '{name}'{flag} }}\n")


OLD = _command("query-a") + _command("old-cmd")
MIDDLE = _command("query-a") + _command("old-cmd", deprecated=True) + _command("query-b")
NEW = MIDDLE + _command("query-c", since="3.0")


def _generate(tmp_path: Path) -> Output:
    paths = {}
    for name, text in (("old", OLD), ("middle", MIDDLE), ("new", NEW)):
        paths[name] = tmp_path / f"{name}.json"
        paths[name].write_text(text, encoding="utf-8")
    schema = load_schema(str(paths["new"]))
    history = release_history(
        "docs", Option(name="history", kind="releases", default=(), help=""),
        (f"2.0={paths['middle']}", f"1.0={paths['old']}"), schema)
    return generate(schema, history=history)


def _note_of(page: str, name: str) -> list[str]:
    section = re.search(rf'id="{name}">(.*?)</section>', page, re.S)
    assert section, name
    return re.findall(r'<p class="since">(.*?)</p>', section.group(1))


def test_a_page_per_release_lists_what_changed_for_clients(tmp_path: Path) -> None:
    output = _generate(tmp_path)
    assert {"releases.html", "release-2.0.html"} <= set(output.files)
    assert "release-1.0.html" not in output.files  # the oldest: nothing given before it
    page = output.files["release-2.0.html"]
    assert "What changed for clients from 1.0 to 2.0." in page
    appeared = page[page.index("<h2>Appeared</h2>"):page.index("<h2>Deprecated</h2>")]
    assert re.search(r'<a href="[^"]*#command-query-b">query-b</a>', appeared)
    assert "query-c" not in page  # only in the schema documented, after every release
    assert 'href="release-2.0.html"' in output.files["releases.html"]
    assert broken_links(output.files) == []


def test_definitions_get_since_and_deprecated_in_where_their_doc_does_not_say(
    tmp_path: Path,
) -> None:
    page = next(text for name, text in _generate(tmp_path).files.items()
                if 'id="command-query-b"' in text)
    assert _note_of(page, "command-query-b") == [
        '<a href="release-2.0.html">Since 2.0 (from the release history)</a>']
    assert _note_of(page, "command-old-cmd") == [
        '<a href="release-2.0.html">Deprecated in 2.0</a>']
    assert _note_of(page, "command-query-c") == ["Since 3.0"]
    assert _note_of(page, "command-query-a") == []


@pytest.mark.parametrize(("path", "shown"), [
    ("", "Thing"), ("member", "Thing.member"), ("{branch}.m", "Thing{branch}.m"),
    ("[]", "Thing[]"), ("feature 'f'", "Thing feature 'f'")])
def test_a_change_is_placed_after_its_definition_as_the_diff_writes_paths(
    path: str, shown: str
) -> None:
    row = ChangeRow("type", "Thing", path, "detail", None)
    assert row.definition + row.place == shown
