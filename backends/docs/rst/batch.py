"""Many texts in one docutils document: joining them, parsing once, splitting the tree again."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.transforms import references, writer_aux
from docutils.utils import Reporter, new_document
from docutils.writers.html5_polyglot import Writer

from qapi_ir.ir import Location

from ..safety import drop_unsafe_urls
from . import directives as _directives  # noqa: F401  (registers QEMU's directives and roles)
from .text import Text

_SETTINGS = get_default_settings(Parser, Writer)
_SETTINGS.report_level = Reporter.SEVERE_LEVEL + 1
_SETTINGS.halt_level = Reporter.SEVERE_LEVEL + 1
_SETTINGS.warning_stream = False
_SETTINGS.file_insertion_enabled = False
_SETTINGS.raw_enabled = False
_SETTINGS.initial_header_level = 2
_PARSER = Parser()
_MARKER = "qapi-build-section-break-c3a1f0"


class Batch:
    """One docutils document holding many texts, and how its lines map back."""

    def __init__(self, texts: Sequence[Text]) -> None:
        self.texts = texts
        self.starts: list[int] = []
        parts: list[str] = []
        line = 0
        for text in texts:
            self.starts.append(line)
            body = text.source
            parts.append(f"{body}\n\n{_MARKER}\n\n")
            line += body.count("\n") + 4
        self.source = "".join(parts)

    def location(self, line: int | None) -> tuple[int, Location]:
        """The text index and source location of a line (1-based) of the document."""
        index = 0
        for i, start in enumerate(self.starts):
            if line is not None and start < line:
                index = i
        text = self.texts[index]
        offset = (line - 1 - self.starts[index]) if line else 0
        return index, Location(text.location.file, text.location.line + max(offset, 0))

    def parse(
        self, observe: Callable[[nodes.system_message], None],
        unsafe: Callable[[nodes.Node, str], None],
    ) -> nodes.document:
        """Parse the joined texts and apply the transforms the HTML needs.

        ``observe`` hears docutils' reports, ``unsafe`` each link dropped for its URL.
        """
        document = new_document("doc-comment", _SETTINGS)
        document.reporter.attach_observer(observe)
        _PARSER.parse(self.source, document)
        document.transformer.add_transforms(
            [references.Substitutions, references.AnonymousHyperlinks,
             references.IndirectHyperlinks, references.ExternalTargets,
             references.InternalTargets, references.DanglingReferences,
             writer_aux.Admonitions]
        )
        document.transformer.apply_transforms()
        drop_unsafe_urls(document, unsafe)
        return document


def split(document: nodes.document, count: int) -> list[list[nodes.Node]] | None:
    """The top-level nodes of each of ``count`` texts, or None when markers went astray."""
    chunks: list[list[nodes.Node]] = [[]]
    for child in document.children:
        if is_marker(child):
            chunks.append([])
        else:
            chunks[-1].append(child)
    chunks.pop()
    return chunks if len(chunks) == count else None


def is_marker(node: nodes.Node) -> bool:
    """Whether ``node`` is the marker between two texts."""
    # A paragraph, not a comment: explicit markup makes docutils start a nested parser.
    return isinstance(node, nodes.paragraph) and node.astext() == _MARKER
