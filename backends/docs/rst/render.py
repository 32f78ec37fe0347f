"""Rendering the texts of a page: fast path or batches, headings, then HTML per text."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs
from docutils import nodes
from docutils.writers.html5_polyglot import HTMLTranslator

from .batch import Batch, split
from .fastpath import plain_paragraph
from .fixups import Fixer, is_junk, to_html
from .ids import claim_ids
from .problems import ProblemLog
from .text import Heading, HeadingLevels, Result, Text

_TITLE_UNDERLINE = re.compile(
    r"^(?:([=\-`:'\"~^_*+#<>])\1{2,}\n)?\S.*\n([=\-`:'\"~^_*+#<>])\2{2,}$", re.MULTILINE)


def render_batch(
    texts: Sequence[Text], levels: HeadingLevels, top_level: int | None = None,
    taken: set[str] | None = None,
) -> Result:
    """Render each text to an HTML fragment, collecting problems and QMP examples.

    Section titles get their level from ``levels``, shared by all pages; the
    highest level among the texts and ``top_level`` (``Result.top_level``)
    becomes ``<h1>``.  ``taken`` holds the ids the page uses besides the texts':
    theirs are kept apart from those and from one another (and added to it).
    """
    taken = set() if taken is None else taken
    result = Result(html=[""] * len(texts), headings=[[] for _ in texts])
    pending: list[int] = []
    for i, text in enumerate(texts):
        fast = None if "::" in text.text else plain_paragraph(text.source)
        if fast is not None:
            result.html[i] = fast
        elif text.text.strip():
            pending.append(i)
    parsed: list[_Parsed] = []
    for group in _groups(texts, pending):
        _parse_group([texts[i] for i in group], group, result, levels, parsed, taken)
    found = [h.level for hs in result.headings for h in hs]
    result.top_level = min([*found, *([top_level] if top_level else [])], default=None)
    for item in parsed:
        # docutils writes a title at section depth d as <h(d + 1)> (initial_header_level 2).
        headings = result.headings[item.index]
        base = headings[0].level - result.top_level - 1 if headings and result.top_level else 0
        result.html[item.index] = to_html(item.translator, item.chunk, base)
    return result


@attrs.frozen
class _Parsed:
    """A text's nodes, parsed and fixed, waiting for the page's top heading level."""

    index: int
    chunk: list[nodes.Node]
    translator: HTMLTranslator


def _groups(texts: Sequence[Text], pending: list[int]) -> Iterator[list[int]]:
    # Section titles would swallow the texts after them: those go alone.
    titled = [i for i in pending if _TITLE_UNDERLINE.search(texts[i].text)]
    rest = [i for i in pending if i not in set(titled)]
    if rest:
        yield rest
    for i in titled:
        yield [i]


def _headings(
    chunk: list[nodes.Node], text: str, levels: HeadingLevels
) -> list[Heading]:
    sections = [s for node in chunk for s in node.findall(nodes.section)]
    styles = [(m.group(1) or "") + m.group(2) for m in _TITLE_UNDERLINE.finditer(text)]
    if len(styles) != len(sections):
        styles = [f"depth-{len(list(_ancestors(s, nodes.section)))}" for s in sections]
    return [Heading(levels.level(style), section[0].astext(), section["ids"][0])
            for section, style in zip(sections, styles, strict=True) if section["ids"]]


def _ancestors(node: nodes.Node, kind: type[nodes.Node]) -> Iterator[nodes.Node]:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kind):
            yield parent
        parent = parent.parent


def _parse_group(
    texts: list[Text], indexes: list[int], result: Result, levels: HeadingLevels,
    parsed: list[_Parsed], taken: set[str],
) -> None:
    batch = Batch(texts)
    log = ProblemLog(batch)
    document = batch.parse(log.observe, log.unsafe)
    chunks = split(document, len(texts))
    if chunks is None:
        if len(texts) == 1:
            chunks = [list(document.children)]
        else:
            for text, index in zip(texts, indexes, strict=True):
                _parse_group([text], [index], result, levels, parsed, taken)
            return
    translator = HTMLTranslator(document)
    kept = [[node for node in chunk if not is_junk(node)] for chunk in chunks]
    claim_ids([node for chunk in kept for node in chunk], taken)
    for i, (chunk, index) in enumerate(zip(kept, indexes, strict=True)):
        fixer = Fixer(log, i, result)
        for node in chunk:
            fixer.fix(node)
        result.headings[index] = _headings(chunk, texts[i].text, levels)
        parsed.append(_Parsed(index, chunk, translator))
    result.problems.extend(log.problems)
