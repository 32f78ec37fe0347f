"""The pages of the manual: one per module, in schema order, plus the index entries."""

from __future__ import annotations

import re

import attrs
from docutils import nodes

from qapi_ir.ir import Doc, Include, Location, Schema

from .links import Linker, has_page
from .rst import Heading, HeadingLevels, Resolver, Result, Text, render_batch
from .views import DefinitionView, Prose, ViewBuilder, kind_label

_HEADING = re.compile(r"(=+) +(\S.*)")


@attrs.define
class FreeForm:
    """A free-form doc comment; its headings are filled in when rendered.

    ``title`` is its ``= Heading`` line, the older heading syntax, if it has one.
    """

    body: Prose
    title: Heading | None = None
    headings: list[Heading] = attrs.field(factory=list)


def split_heading(text: str, taken: set[str]) -> tuple[Heading | None, str]:
    """The ``= Heading`` first line of a free-form doc, and the text without it."""
    first, _, rest = text.partition("\n")
    match = _HEADING.fullmatch(first.strip())
    if match is None:
        return None, text
    title = match.group(2).strip()
    anchor = base = nodes.make_id(title) or "section"
    count = 1
    while anchor in taken:
        count += 1
        anchor = f"{base}-{count}"
    taken.add(anchor)
    return Heading(len(match.group(1)), title, anchor), "\n" + rest


@attrs.frozen
class OutlineNode:
    """An entry of a table of contents and the entries below it."""

    title: str
    url: str
    children: tuple[OutlineNode, ...] = ()
    kind: str | None = None


def outline(entries: list[tuple[int, OutlineNode]]) -> tuple[OutlineNode, ...]:
    """Nest ``(level, node)`` entries: an entry holds the deeper ones that follow it."""
    top: list[OutlineNode] = []
    stack: list[tuple[int, OutlineNode, list[OutlineNode]]] = []

    def close() -> None:
        _, node, children = stack.pop()
        done = attrs.evolve(node, children=tuple(children))
        (stack[-1][2] if stack else top).append(done)

    for level, node in entries:
        while stack and stack[-1][0] >= level:
            close()
        stack.append((level, node, []))
    while stack:
        close()
    return tuple(top)


@attrs.frozen
class ModulePage:
    """A module's page: free-form text and definitions in source order.

    Heading levels are the page's own: its highest heading is 1 (``<h1>``).
    """

    module: str
    file: str
    items: tuple[FreeForm | DefinitionView, ...]

    @property
    def headings(self) -> list[Heading]:
        """The section titles of the module's free-form docs, in order."""
        return [h for item in self.items if isinstance(item, FreeForm) for h in item.headings]

    @property
    def title(self) -> str:
        """The first heading, else the module's name."""
        first = self.headings
        return first[0].title if first else self.module

    def sections(self) -> tuple[OutlineNode, ...]:
        """The page's headings as an outline, for the index (the page itself when none)."""
        headings = self.headings
        if not headings:
            return (OutlineNode(self.title, self.file),)
        return outline([(h.level, OutlineNode(h.title, f"{self.file}#{h.anchor}"))
                        for h in headings])

    def contents(self) -> tuple[OutlineNode, ...]:
        """The page's table of contents: its headings and definitions, nested."""
        entries: list[tuple[int, OutlineNode]] = []
        for item in self.items:
            if isinstance(item, FreeForm):
                entries += [(h.level, OutlineNode(h.title, f"#{h.anchor}"))
                            for h in item.headings]
            else:
                entries.append((item.level, OutlineNode(item.name, f"#{item.anchor}",
                                                        kind=item.kind)))
        return outline(entries)


@attrs.frozen
class IndexEntry:
    """A definition in the alphabetical list and the search index."""

    name: str
    kind: str
    url: str


def _line(item: FreeForm | DefinitionView, docs: dict[int, Doc]) -> int:
    if isinstance(item, FreeForm):
        return docs[id(item)].location.line
    return item.location.line if item.location else 0


def docs_by_module(schema: Schema) -> dict[str, list[Doc]]:
    """The free-form docs of each module, in order.

    A location names a file as the front end read it, which need not be the
    module's name: entities with a location tell which file is which module.
    """
    module_of: dict[str, str] = {}
    for entity in schema.entities:
        location = getattr(entity, "location", None)
        if isinstance(location, Location):
            module_of.setdefault(location.file, entity.module)
    names = [m.name for m in schema.modules if not m.is_builtin]
    grouped: dict[str, list[Doc]] = {}
    for doc in schema.docs:
        if doc.symbol is not None or not doc.body.text.strip():
            continue
        file = doc.location.file
        module = module_of.get(file) or max(
            (n for n in names if file == n or file.endswith("/" + n)), key=len, default=None)
        if module is not None:
            grouped.setdefault(module, []).append(doc)
    return grouped


def _nest(items: list[FreeForm | DefinitionView]) -> list[FreeForm | DefinitionView]:
    """Give each definition the heading level below the last heading before it."""
    depth = 1
    nested: list[FreeForm | DefinitionView] = []
    for item in items:
        if isinstance(item, FreeForm):
            depth = item.headings[-1].level if item.headings else depth
            nested.append(item)
        else:
            nested.append(attrs.evolve(item, level=min(depth + 1, MAX_DEFINITION_LEVEL)))
    return nested


#: The deepest heading a definition gets: its own parts ("Members", ...) are one below.
MAX_DEFINITION_LEVEL = 5


def build_page(
    schema: Schema, linker: Linker, builder: ViewBuilder, module: str,
    levels: HeadingLevels, free_docs: list[Doc],
) -> tuple[ModulePage, Result]:
    """The page of ``module`` with its free-form docs ``free_docs``, doc text rendered.

    The page's highest heading is level 1 whatever its level in the schema.
    """
    builder.prose = []
    definitions: list[FreeForm | DefinitionView] = [
        builder.definition(e) for e in schema.module_entities(module)
        if not isinstance(e, Include) and has_page(e)
    ]
    docs: dict[int, Doc] = {}
    free: list[FreeForm] = []
    taken: set[str] = set()
    for doc in free_docs:
        title, text = split_heading(doc.body.text, taken)
        item = FreeForm(Prose(Text(text, doc.body.location, Resolver(linker.url))), title)
        docs[id(item)] = doc
        free.append(item)
    items = sorted([*free, *definitions], key=lambda item: _line(item, docs))
    prose = [f.body for f in free] + builder.prose
    titles = [f.title.level for f in free if f.title]
    result = render_batch([p.source for p in prose if p.source], levels,
                          min(titles, default=None))
    for p, html in zip(prose, result.html, strict=True):
        p.html = html
    top = result.top_level or 1
    for f, headings in zip(free, result.headings[:len(free)], strict=True):
        f.headings = [attrs.evolve(h, level=h.level - top + 1)
                      for h in ([f.title] if f.title else []) + headings]
        f.title = f.headings[0] if f.title else None
    return ModulePage(module, linker.pages[module], tuple(_nest(items))), result


def index_entries(schema: Schema, linker: Linker) -> list[IndexEntry]:
    """Every command, event and type with a section, sorted by name."""
    entries = []
    for definition in schema.definitions():
        url = linker.url(definition.name)
        if url is not None:
            entries.append(IndexEntry(definition.name, kind_label(definition), url))
    return sorted(entries, key=lambda e: (e.name.lower(), e.name))
