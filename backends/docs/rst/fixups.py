"""One text's parsed nodes made ready for HTML: links, QMP examples, reports removed."""

from __future__ import annotations

from docutils import nodes
from docutils.writers.html5_polyglot import HTMLTranslator

from .batch import is_marker
from .highlight import qmp_nodes
from .problems import ProblemLog, line_of
from .text import Example, Result, Text
from .xrefs import definition_target, link, literal, resolve_member_refs


def _inside(node: nodes.Node, kinds: tuple[type[nodes.Node], ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parent
    return False


class Fixer:
    """Turns cross-references into links and collects examples in one text's nodes."""

    def __init__(self, log: ProblemLog, index: int, result: Result) -> None:
        self.log = log
        self.text: Text = log.batch.texts[index]
        self.result = result

    def fix(self, top: nodes.Node) -> None:
        """Fix the nodes under ``top`` in place."""
        for ref in list(top.findall(nodes.title_reference)):
            ref.replace_self(self._definition_link(ref))
        for words in list(top.findall(nodes.emphasis)):
            if "sphinx_role" in words:
                self._outside_link(words)
        for text in list(top.findall(nodes.Text)):
            if "@" in text and not _inside(text, (nodes.literal, nodes.literal_block,
                                                   nodes.reference, nodes.raw)):
                text.parent.replace(text, resolve_member_refs(text, self.text.resolver))
        for box in list(top.findall(nodes.container)):
            if "qmp_lines" in box:
                self._example(box)
        for junk in list(top.findall(is_junk)):
            if junk.parent is not None:
                junk.parent.remove(junk)
        for problematic in list(top.findall(nodes.problematic)):
            problematic.parent.replace(problematic, nodes.Text(problematic.astext()))

    def _definition_link(self, ref: nodes.title_reference) -> nodes.Node:
        """A link to the definition named, written `name` or `label <name>`."""
        label, name = definition_target(ref)
        resolver = self.text.resolver
        uri = resolver.link(name)
        if uri is None:
            self.result.problems.append(self.log.warning(
                ref.line or line_of(ref), f"cross-reference to unknown definition '{name}'"))
            # Perhaps another manual's (the guest agent's text names QMP commands).
            outside = resolver.outside("ref", name)
            return literal(label) if outside is None else link(outside, literal(label),
                                                               internal=False)
        title = resolver.title(name) if label == name else None
        return link(uri, nodes.Text(title) if title else literal(label))

    def _outside_link(self, words: nodes.emphasis) -> None:
        """A ``:doc:`` or ``:ref:`` reference as a link, when the resolver knows where to."""
        role, target = words["sphinx_role"], words["sphinx_target"]
        del words["sphinx_role"], words["sphinx_target"]
        uri = self.text.resolver.outside(role, target)
        if uri is not None:
            words.replace_self(link(uri, words.deepcopy(), internal="://" not in uri))

    def _example(self, box: nodes.container) -> None:
        lines = tuple((self.log.batch.location(offset + 1)[1], line)
                      for offset, line in box["qmp_lines"])
        del box["qmp_lines"]
        self.result.examples.append(Example(lines))
        for block in list(box.findall(nodes.literal_block)):
            text = block.astext()
            block.children = []
            block.extend(qmp_nodes(text))


def is_junk(node: nodes.Node) -> bool:
    """Whether ``node`` is left out of the HTML."""
    # Reports go to the warnings, markers only separate the texts.
    return isinstance(node, nodes.system_message) or is_marker(node)


def to_html(translator: HTMLTranslator, chunk: list[nodes.Node], section_level: int) -> str:
    """The HTML of ``chunk``, its sections starting at depth ``section_level``."""
    translator.body = []
    translator.section_level = section_level
    for node in chunk:
        node.walkabout(translator)
    return "".join(translator.body)
