"""Doc comment text (reStructuredText) to HTML with docutils, many sections at a time.

Parsing a docutils document has a fixed cost far above the cost of a short
text, so :func:`render_batch` joins the sections of a page into one document
(:mod:`.batch`), separated by marker comments, and splits the tree again
after parsing; a section docutils would render as one plain paragraph skips
docutils altogether (:mod:`.fastpath`).  QEMU's directives and roles are in
:mod:`.directives`; schema cross-references (`` `name` ``, ``@member``)
become links through the :class:`Resolver` the caller passes with each text
(:mod:`.xrefs`); docutils' reports are mapped back to schema locations
(:mod:`.problems`); :mod:`.fixups` prepares each text's nodes for HTML.
"""

from .fastpath import plain_paragraph
from .render import render_batch
from .text import (
    DefinitionLinker,
    Example,
    Heading,
    HeadingLevels,
    Problem,
    Resolver,
    Result,
    Text,
    dedent_section,
)

__all__ = [
    "DefinitionLinker",
    "Example",
    "Heading",
    "HeadingLevels",
    "Problem",
    "Resolver",
    "Result",
    "Text",
    "dedent_section",
    "plain_paragraph",
    "render_batch",
]
