"""Checks that every internal ``href`` of generated pages names an existing page and id."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.id_list: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
                self.id_list.append(value)
            if name in ("href", "src") and value is not None:
                self.hrefs.append(value)


def broken_links(files: dict[str, str]) -> list[str]:
    """``page: href`` for each link to a missing file or id; external URLs are not followed."""
    parsed: dict[str, _Collector] = {}
    for name, text in files.items():
        if name.endswith(".html"):
            parsed[name] = _Collector()
            parsed[name].feed(text)
    broken = []
    for name, page in parsed.items():
        for href in page.hrefs:
            if _SCHEME.match(href):
                continue
            target, _, fragment = href.partition("#")
            target = target or name
            if target not in files or (fragment and fragment not in parsed[target].ids):
                broken.append(f"{name}: {href}")
    return broken


def ids_of(text: str) -> set[str]:
    """Every ``id`` in an HTML page."""
    collector = _Collector()
    collector.feed(text)
    return collector.ids


def id_list(text: str) -> list[str]:
    """Every ``id`` in an HTML page, in order, as often as it occurs."""
    collector = _Collector()
    collector.feed(text)
    return collector.id_list
