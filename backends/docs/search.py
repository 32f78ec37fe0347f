"""The search index: definitions, members, features and the words of the doc text.

One JSON document, compact enough to load with every page (the full QEMU
schema gives about 0.6 MB, 0.1 MB compressed)::

    {"definitions": [[name, kind, url], ...],        sorted by name
     "members":  [[name, definition, url], ...],     definition: an index into definitions
     "features": [[name, definition, url], ...],     url: the member row or the definition
     "words":    {word: [definition, ...], ...},     words of each definition's text
     "stop":     [word, ...]}                        words left out of "words"

``search.js`` ranks what it finds: exact name, name prefix, member (exact,
then prefix), feature, the query inside a name or member name, then text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

from .pages import IndexEntry, ModulePage
from .views import DefinitionView, Prose

_WORD = re.compile(r"[a-z0-9]+")
#: Words too common in the doc text to tell definitions apart.
STOP_WORDS = frozenset((
    "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "if",
    "in", "into", "is", "it", "its", "may", "not", "of", "on", "or", "that", "the", "this",
    "to", "was", "when", "which", "will", "with",
))


def words(text: str) -> set[str]:
    """The words of ``text`` the index keeps: lower case, letters and digits, not stop words."""
    return {w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in STOP_WORDS}


def _texts(view: DefinitionView) -> Iterator[Prose]:
    yield view.body
    for row in view.rows:
        yield row.description
    for feature in view.features:
        yield feature.description
    for section in view.sections:
        yield section.body
    if view.returns_text is not None:
        yield view.returns_text


def search_index(entries: Sequence[IndexEntry], pages: Sequence[ModulePage]) -> str:
    """The search index (see the module docstring) as compact JSON."""
    number = {entry.url: i for i, entry in enumerate(entries)}
    members: list[tuple[str, int, str]] = []
    features: dict[tuple[str, int, str], None] = {}
    index: dict[str, set[int]] = {}
    for page in pages:
        for view in page.items:
            if not isinstance(view, DefinitionView):
                continue
            url = f"{page.file}#{view.anchor}"
            which = number[url]
            for feature in view.features:
                features[feature.name, which, url] = None
            for row in view.rows:
                row_url = f"{page.file}#{row.anchor}" if row.anchor else url
                members.append((row.name, which, row_url))
                features.update(((name, which, row_url), None) for name in row.features)
            for prose in _texts(view):
                for word in words(prose.source.text) if prose.source else ():
                    index.setdefault(word, set()).add(which)
    document = {
        "definitions": [[e.name, e.kind, e.url] for e in entries],
        "members": members,
        "features": list(features),
        "words": {w: sorted(index[w]) for w in sorted(index)},
        "stop": sorted(STOP_WORDS),
    }
    return json.dumps(document, separators=(",", ":"))
