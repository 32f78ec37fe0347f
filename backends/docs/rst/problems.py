"""docutils' reports and dropped links as problems at their places in the schema files."""

from __future__ import annotations

from docutils import nodes
from docutils.utils import Reporter

from .batch import Batch
from .text import Problem


class ProblemLog:
    """The problems found while parsing one batch."""

    def __init__(self, batch: Batch) -> None:
        self.batch = batch
        self.problems: list[Problem] = []

    def observe(self, message: nodes.system_message) -> None:
        """Record a docutils report as a problem at its source location."""
        level = message["level"]
        if level < Reporter.WARNING_LEVEL:
            return
        _, where = self.batch.location(message.get("line"))
        paragraphs = list(message.findall(nodes.paragraph))
        text = (paragraphs[0] if paragraphs else message).astext().strip().splitlines()[0]
        self.problems.append(Problem(where, text, level >= Reporter.ERROR_LEVEL))

    def unsafe(self, node: nodes.Node, url: str) -> None:
        """Record that a link to ``url`` was dropped."""
        if isinstance(node, nodes.reference) and node.astext() == url:
            return  # a URL in running text ("must start with ftp://") stays text, unremarked
        self.problems.append(self.warning(line_of(node), f"link to {url!r} dropped: only "
                                          "http, https, mailto and relative links are kept"))

    def warning(self, line: int | None, message: str) -> Problem:
        """A warning about ``line`` of the batch's document."""
        _, where = self.batch.location(line)
        return Problem(where, message, False)


def line_of(node: nodes.Node) -> int | None:
    """The line of ``node`` in the document, or of the closest ancestor that has one."""
    while node is not None and getattr(node, "line", None) is None:
        node = node.parent
    return node.line if node is not None else None
