"""Doc comment text (reStructuredText) to HTML with docutils, many sections at a time.

Parsing a docutils document has a fixed cost far above the cost of a short
text, so :func:`render_batch` joins the sections of a page into one document,
separated by marker comments, and splits the tree again after parsing; a
section docutils would render as one plain paragraph skips docutils
altogether.  Schema cross-references (`` `name` ``, ``@member``) become links
through the :class:`Resolver` the caller passes with each text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Directive, Parser, directives, roles
from docutils.transforms import references, writer_aux
from docutils.utils import Reporter, new_document
from docutils.writers.html5_polyglot import HTMLTranslator, Writer

from qapi_ir.ir import Location

from .safety import drop_unsafe_urls

#: Maps a definition name to its URL, or None when there is no such definition.
DefinitionLinker = Callable[[str], "str | None"]


@attrs.frozen
class Resolver:
    """What cross-references in one definition's doc text point to.

    ``members`` maps the names ``@name`` may refer to onto their anchors.
    """

    link: DefinitionLinker
    members: dict[str, str] = attrs.field(factory=dict)


@attrs.frozen
class Text:
    """A section of doc text; ``location`` is where its first line is.

    ``tagged`` texts (member descriptions, ``Returns:`` and the like) have
    their continuation lines indented below the tag; the rST source drops that.
    """

    text: str
    location: Location
    resolver: Resolver
    tagged: bool = False

    @property
    def source(self) -> str:
        """The text as reStructuredText."""
        return dedent_section(self.text) if self.tagged else self.text


@attrs.frozen
class Example:
    """The lines of a ``qmp-example`` block, each with its source location."""

    lines: tuple[tuple[Location, str], ...]


@attrs.frozen
class Problem:
    """Bad markup or a broken cross-reference."""

    location: Location
    message: str
    is_error: bool


@attrs.frozen
class Heading:
    """A section title in free-form text: ``level`` 1 is the highest the schema uses."""

    level: int
    title: str
    anchor: str


@attrs.define
class Result:
    """What rendering produced: HTML and headings per text, problems, QMP examples found."""

    html: list[str]
    headings: list[list[Heading]]
    problems: list[Problem] = attrs.field(factory=list)
    examples: list[Example] = attrs.field(factory=list)
    top_level: int | None = None


class HeadingLevels:
    """Section title styles in order of first use across the schema, as one document has."""

    def __init__(self) -> None:
        self._levels: dict[str, int] = {}

    def level(self, style: str) -> int:
        """The level of a title underlined (and maybe overlined) with ``style``."""
        return self._levels.setdefault(style, len(self._levels) + 1)


def dedent_section(text: str) -> str:
    """Remove the indentation of continuation lines (the first line follows a tag)."""
    lines = text.split("\n")
    first, rest = lines[0], lines[1:]
    indents = [len(line) - len(line.lstrip(" ")) for line in rest if line.strip()]
    if first and not first.startswith(" "):
        cut = min(indents, default=0)
        return "\n".join([first, *(line[cut:] for line in rest)])
    indents += [len(first) - len(first.lstrip(" "))] if first.strip() else []
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)


# ---------------------------------------------------------------- fast path

_PLAIN_CHARS = re.compile(r"[A-Za-z0-9 ,.;()'\"/+\-\n]*")
_FIRST_TOKEN = re.compile(r"[A-Za-z][^ ]*")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_ENCODE = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", ">": "&gt;"})


def plain_paragraph(text: str) -> str | None:
    """The HTML docutils would make of ``text`` when it is one unmarked paragraph, else None."""
    if not text or not _PLAIN_CHARS.fullmatch(text) or "\n\n" in text:
        return None
    lines = text.split("\n")
    token = _FIRST_TOKEN.match(lines[0])
    if token is None or token.group().endswith((".", ")")):
        return None
    if any(line[:1] == " " or line.endswith(" ") or not _ALNUM.search(line) for line in lines):
        return None
    return f"<p>{text.translate(_ENCODE)}</p>\n"


# ---------------------------------------------------------------- directives and roles


class QmpExample(Directive):
    """``.. qmp-example::`` with ``:title:`` and ``:annotated:``."""

    has_content = True
    option_spec = {"title": directives.unchanged, "annotated": directives.flag}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        """A container with the title and either the literal QMP or the parsed exposition."""
        box = nodes.container(classes=["qmp-example"])
        title = self.options.get("title")
        heading = nodes.paragraph(classes=["qmp-example-title"])
        heading += nodes.strong(text=f"Example: {title}" if title else "Example:")
        box += heading
        offsets = [offset for _, offset in self.content.items]
        box["qmp_lines"] = list(zip(offsets, self.content, strict=True))
        if "annotated" in self.options:
            self.state.nested_parse(self.content, self.content_offset, box)
        else:
            box += nodes.literal_block(text="\n".join(self.content))
        return [box]


def _xref_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any,
    options: dict[str, Any] | None = None, content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    # QEMU's Sphinx roles (:qapi:type: and friends): a cross-reference like `name`.
    return [nodes.title_reference(rawtext, text)], []


def _plain_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any,
    options: dict[str, Any] | None = None, content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    # Sphinx's :doc: and :ref: point outside this manual: keep the words.
    label = re.sub(r"\s*<[^>]*>$", "", text)
    return [nodes.emphasis(rawtext, label)], []


directives.register_directive("qmp-example", QmpExample)
for _role in ("qapi:any", "qapi:type", "qapi:cmd", "qapi:event", "qapi:obj", "qapi:enum",
              "qapi:alt"):
    roles.register_local_role(_role, _xref_role)  # type: ignore[arg-type]
for _role in ("doc", "ref"):
    roles.register_local_role(_role, _plain_role)  # type: ignore[arg-type]


# ---------------------------------------------------------------- rendering

_SETTINGS = get_default_settings(Parser, Writer)
_SETTINGS.report_level = Reporter.SEVERE_LEVEL + 1
_SETTINGS.halt_level = Reporter.SEVERE_LEVEL + 1
_SETTINGS.warning_stream = False
_SETTINGS.file_insertion_enabled = False
_SETTINGS.raw_enabled = False
_SETTINGS.initial_header_level = 2
_PARSER = Parser()
_MARKER = "qapi-build-section-break-c3a1f0"
_MEMBER_REF = re.compile(r"@([A-Za-z0-9_][A-Za-z0-9_.+-]*[A-Za-z0-9_]|[A-Za-z0-9_])")
_LABELLED = re.compile(r"(.*?)\s*<([^<>]+)>", re.DOTALL)
_TITLE_UNDERLINE = re.compile(
    r"^(?:([=\-`:'\"~^_*+#<>])\1{2,}\n)?\S.*\n([=\-`:'\"~^_*+#<>])\2{2,}$", re.MULTILINE)


class _Batch:
    """One docutils document holding many texts, and how its lines map back."""

    def __init__(self, texts: Sequence[Text]) -> None:
        self.texts = texts
        self.starts: list[int] = []
        self.problems: list[Problem] = []
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

    def observe(self, message: nodes.system_message) -> None:
        """Record a docutils report as a problem at its source location."""
        level = message["level"]
        if level < Reporter.WARNING_LEVEL:
            return
        _, where = self.location(message.get("line"))
        paragraphs = list(message.findall(nodes.paragraph))
        text = (paragraphs[0] if paragraphs else message).astext().strip().splitlines()[0]
        self.problems.append(Problem(where, text, level >= Reporter.ERROR_LEVEL))

    def parse(self) -> nodes.document:
        """Parse the joined texts and apply the transforms the HTML needs."""
        document = new_document("doc-comment", _SETTINGS)
        document.reporter.attach_observer(self.observe)
        _PARSER.parse(self.source, document)
        document.transformer.add_transforms(
            [references.Substitutions, references.AnonymousHyperlinks,
             references.IndirectHyperlinks, references.ExternalTargets,
             references.InternalTargets, references.DanglingReferences,
             writer_aux.Admonitions]
        )
        document.transformer.apply_transforms()
        drop_unsafe_urls(document, self._unsafe)
        return document

    def _unsafe(self, node: nodes.Node, url: str) -> None:
        if isinstance(node, nodes.reference) and node.astext() == url:
            return  # a URL in running text ("must start with ftp://") stays text, unremarked
        _, where = self.location(_line_of(node))
        self.problems.append(Problem(where, f"link to {url!r} dropped: only http, https, "
                                            "mailto and relative links are kept", False))


def _split(document: nodes.document, count: int) -> list[list[nodes.Node]] | None:
    chunks: list[list[nodes.Node]] = [[]]
    for child in document.children:
        if _is_marker(child):
            chunks.append([])
        else:
            chunks[-1].append(child)
    chunks.pop()
    return chunks if len(chunks) == count else None


def _literal(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def _link(uri: str, child: nodes.Node) -> nodes.reference:
    ref = nodes.reference("", "", internal=True, refuri=uri)
    ref += child
    return ref


def _resolve_member_refs(node: nodes.Text, resolver: Resolver) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    text = str(node)
    pos = 0
    for match in _MEMBER_REF.finditer(text):
        if match.start() > 0 and text[match.start() - 1].isalnum():
            continue
        out.append(nodes.Text(text[pos:match.start()]))
        name = match.group(1)
        anchor = resolver.members.get(name)
        out.append(_link(anchor, _literal(name)) if anchor else _literal(name))
        pos = match.end()
    out.append(nodes.Text(text[pos:]))
    return out


def _inside(node: nodes.Node, kinds: tuple[type[nodes.Node], ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parent
    return False


def _decorate_qmp(block: nodes.literal_block) -> None:
    text = block.astext()
    block.children = []
    for line in text.split("\n"):
        stripped = line.lstrip()
        kind = "qmp-in" if stripped.startswith("->") else (
            "qmp-out" if stripped.startswith("<-") else None)
        if kind:
            block += nodes.inline(line, line, classes=[kind])
        else:
            block += nodes.Text(line)
        block += nodes.Text("\n")
    block.children.pop()


class _Fixer:
    """Turns cross-references into links and collects examples in one text's nodes."""

    def __init__(self, batch: _Batch, index: int, result: Result) -> None:
        self.batch = batch
        self.text = batch.texts[index]
        self.result = result

    def fix(self, top: nodes.Node) -> None:
        for ref in list(top.findall(nodes.title_reference)):
            ref.replace_self(self._definition_link(ref))
        for text in list(top.findall(nodes.Text)):
            if "@" in text and not _inside(text, (nodes.literal, nodes.literal_block,
                                                   nodes.reference, nodes.raw)):
                text.parent.replace(text, _resolve_member_refs(text, self.text.resolver))
        for box in list(top.findall(nodes.container)):
            if "qmp_lines" in box:
                self._example(box)
        for junk in list(top.findall(_is_junk)):
            if junk.parent is not None:
                junk.parent.remove(junk)
        for problematic in list(top.findall(nodes.problematic)):
            problematic.parent.replace(problematic, nodes.Text(problematic.astext()))

    def _definition_link(self, ref: nodes.title_reference) -> nodes.Node:
        """A link to the definition named, written `name` or `label <name>`."""
        label = name = ref.astext()
        labelled = _LABELLED.fullmatch(name)
        if labelled is not None and labelled.group(1):
            label, name = labelled.group(1), labelled.group(2).strip()
        uri = self.text.resolver.link(name)
        if uri is None:
            _, where = self.batch.location(ref.line or _line_of(ref))
            self.result.problems.append(
                Problem(where, f"cross-reference to unknown definition '{name}'", False))
            return _literal(label)
        return _link(uri, _literal(label))

    def _example(self, box: nodes.container) -> None:
        lines = tuple((self.batch.location(offset + 1)[1], line)
                      for offset, line in box["qmp_lines"])
        del box["qmp_lines"]
        self.result.examples.append(Example(lines))
        for block in box.findall(nodes.literal_block):
            _decorate_qmp(block)


def _is_junk(node: nodes.Node) -> bool:
    # Reports go to the warnings, markers only separate the texts.
    return isinstance(node, nodes.system_message) or _is_marker(node)


def _is_marker(node: nodes.Node) -> bool:
    # A paragraph, not a comment: explicit markup makes docutils start a nested parser.
    return isinstance(node, nodes.paragraph) and node.astext() == _MARKER


def _line_of(node: nodes.Node) -> int | None:
    while node is not None and getattr(node, "line", None) is None:
        node = node.parent
    return node.line if node is not None else None


def _to_html(translator: HTMLTranslator, chunk: list[nodes.Node], section_level: int) -> str:
    translator.body = []
    translator.section_level = section_level
    for node in chunk:
        node.walkabout(translator)
    return "".join(translator.body)


def render_batch(
    texts: Sequence[Text], levels: HeadingLevels, top_level: int | None = None
) -> Result:
    """Render each text to an HTML fragment, collecting problems and QMP examples.

    Section titles get their level from ``levels``, shared by all pages; the
    highest level among the texts and ``top_level`` (``Result.top_level``)
    becomes ``<h1>``.
    """
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
        _parse_group([texts[i] for i in group], group, result, levels, parsed)
    found = [h.level for hs in result.headings for h in hs]
    result.top_level = min([*found, *([top_level] if top_level else [])], default=None)
    for item in parsed:
        # docutils writes a title at section depth d as <h(d + 1)> (initial_header_level 2).
        headings = result.headings[item.index]
        base = headings[0].level - result.top_level - 1 if headings and result.top_level else 0
        result.html[item.index] = _to_html(item.translator, item.chunk, base)
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
    parsed: list[_Parsed],
) -> None:
    batch = _Batch(texts)
    document = batch.parse()
    chunks = _split(document, len(texts))
    if chunks is None:
        if len(texts) == 1:
            chunks = [list(document.children)]
        else:
            for text, index in zip(texts, indexes, strict=True):
                _parse_group([text], [index], result, levels, parsed)
            return
    translator = HTMLTranslator(document)
    for i, (chunk, index) in enumerate(zip(chunks, indexes, strict=True)):
        fixer = _Fixer(batch, i, result)
        chunk = [node for node in chunk if not _is_junk(node)]
        for node in chunk:
            fixer.fix(node)
        result.headings[index] = _headings(chunk, texts[i].text, levels)
        parsed.append(_Parsed(index, chunk, translator))
    result.problems.extend(batch.problems)
