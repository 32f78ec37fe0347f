"""The search index: definitions, members, features and the words of the doc text.

One JSON document, which ``search.js`` loads when the search box is first
used (the full QEMU schema gives about 0.9 MB, 0.2 MB compressed)::

    {"definitions": [[name, kind, url, snippet], ...],          sorted by name
     "members":  [[name, definition, url, snippet], ...],       definition: an index
     "features": [[name, definition, url, member, snippet], ...],  member: "" for the
     "words":    {word: [definition, ...], ...},                definition's own
     "stop":     [word, ...]}                                   left out of "words"

A snippet is the first sentence of the text (cut short), in plain words.
No two members or features have the same name, definition and URL.
``search.js`` ranks what it finds by where the query matches (definition
name, member name, feature, text) and how well (exact, prefix, word, inside).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

from .pages import IndexEntry, ModulePage
from .views import DefinitionView, Prose

_WORD = re.compile(r"[a-z0-9]+")
_LABELLED = re.compile(r"`([^`<]*?)\s*<[^<>`]*>`")
_MARKUP = re.compile(r"`+|\*\*?|(?<!\w)@|:[a-z:]+:(?=`)")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=\S[.:!?])\s")
#: The longest snippet, in characters.
SNIPPET_LENGTH = 120
#: Words too common in the doc text to tell definitions apart.
STOP_WORDS = frozenset((
    "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "has", "have", "if",
    "in", "into", "is", "it", "its", "may", "not", "of", "on", "or", "that", "the", "this",
    "to", "was", "when", "which", "will", "with",
))


def words(text: str) -> set[str]:
    """The words of ``text`` the index keeps: lower case, letters and digits, not stop words."""
    return {w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in STOP_WORDS}


def snippet(prose: Prose | None, length: int = SNIPPET_LENGTH) -> str:
    """The first sentence of ``prose`` as plain words, at most ``length`` characters."""
    if prose is None or prose.source is None:
        return ""
    paragraph = prose.source.text.strip().split("\n\n", 1)[0]
    if paragraph.startswith(".."):
        return ""  # a directive (an example) or a comment, not words
    text = _SPACES.sub(" ", _MARKUP.sub("", _LABELLED.sub(r"\1", paragraph))).strip()
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    return first if len(first) <= length else first[:length - 1].rsplit(" ", 1)[0] + "…"


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
    summaries = [""] * len(entries)
    members: dict[tuple[str, int, str], str] = {}
    features: dict[tuple[str, int, str, str], str] = {}
    index: dict[str, set[int]] = {}
    for page in pages:
        for view in page.items:
            if not isinstance(view, DefinitionView):
                continue
            url = f"{page.file}#{view.anchor}"
            which = number[url]
            summaries[which] = snippet(view.body)
            for feature in view.features:
                if feature.members and not feature.is_own:
                    continue  # a member's feature: its rows below say which member
                features.setdefault((feature.name, which, url, ""), snippet(feature.description))
            for row in view.rows:
                row_url = f"{page.file}#{row.anchor}" if row.anchor else url
                members.setdefault((row.name, which, row_url), snippet(row.description))
                for name in row.features:
                    features.setdefault((name, which, row_url, row.name), "")
            for prose in _texts(view):
                for word in words(prose.source.text) if prose.source else ():
                    index.setdefault(word, set()).add(which)
    document = {
        "definitions": [[e.name, e.kind, e.url, summaries[i]] for i, e in enumerate(entries)],
        "members": [[*key, text] for key, text in members.items()],
        "features": [[*key, text] for key, text in features.items()],
        "words": {w: sorted(index[w]) for w in sorted(index)},
        "stop": sorted(STOP_WORDS),
    }
    return json.dumps(document, separators=(",", ":"))
