"""The pages of the manual: one per module, in schema order, plus the index entries."""

from __future__ import annotations

import re

import attrs
from docutils import nodes

from qapi_ir.ir import Doc, Include, Location, Schema

from .links import Linker, has_page
from .model import DefinitionView, Prose, ViewBuilder, kind_label
from .rst import Heading, HeadingLevels, Resolver, Result, Text, render_batch

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
class ModulePage:
    """A module's page: free-form text and definitions in source order."""

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


def build_page(
    schema: Schema, linker: Linker, builder: ViewBuilder, module: str,
    levels: HeadingLevels, free_docs: list[Doc],
) -> tuple[ModulePage, Result]:
    """The page of ``module`` with its free-form docs ``free_docs``, doc text rendered."""
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
    result = render_batch([p.source for p in prose if p.source], levels)
    for p, html in zip(prose, result.html, strict=True):
        p.html = html
    for f, headings in zip(free, result.headings[:len(free)], strict=True):
        f.headings = ([f.title] if f.title else []) + headings
    return ModulePage(module, linker.pages[module], tuple(items)), result


def index_entries(schema: Schema, linker: Linker) -> list[IndexEntry]:
    """Every command, event and type with a section, sorted by name."""
    entries = []
    for definition in schema.definitions():
        url = linker.url(definition.name)
        if url is not None:
            entries.append(IndexEntry(definition.name, kind_label(definition), url))
    return sorted(entries, key=lambda e: (e.name.lower(), e.name))
