"""The pages of the manual: one per module, in schema order, plus the index entries."""

from __future__ import annotations

import re

import attrs
from docutils import nodes

from qapi_ir.ir import Doc, Include, Location, Schema

from .links import LAYOUT_IDS, Linker, has_page
from .rst import Heading, HeadingLevels, Result, Text, render_batch
from .views import DefinitionView, Prose, ViewBuilder, kind_label

_HEADING = re.compile(r"(=+) +(\S.*)")
_NAME_BREAK = re.compile(r"(?<=[-_.])|(?<=[a-z0-9])(?=[A-Z])")


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

    @property
    def parts(self) -> list[str]:
        """The title cut where a name may break: after ``-``, ``_`` or ``.``, and before
        a capital that follows a small letter or digit (never inside a word)."""
        return [p for p in _NAME_BREAK.split(self.title) if p]


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
    level: int | None = None
    depth: int = 1
    fallback_title: str | None = None

    @property
    def headings(self) -> list[Heading]:
        """The section titles of the module's free-form docs, in order."""
        return [h for item in self.items if isinstance(item, FreeForm) for h in item.headings]

    @property
    def title(self) -> str:
        """The first heading, else a title made from the module's name."""
        first = self.headings
        return first[0].title if first else self.fallback_title or self.module

    def sections(self) -> list[tuple[int, OutlineNode]]:
        """The page's headings at their depth in the manual, for the index (the page
        itself when it has none)."""
        headings = self.headings
        if not headings:
            return [(self.depth, OutlineNode(self.title, self.file))]
        return [(h.level + self.depth - 1, OutlineNode(h.title, f"{self.file}#{h.anchor}"))
                for h in headings]

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
    taken = set(LAYOUT_IDS)
    for view in definitions:
        if isinstance(view, DefinitionView):
            taken.add(view.anchor)
            taken.update(r.anchor for r in view.rows if r.anchor)
    for doc in free_docs:
        title, text = split_heading(doc.body.text, taken)
        item = FreeForm(Prose(Text(text, doc.body.location, linker.resolver())), title)
        docs[id(item)] = doc
        free.append(item)
    items = sorted([*free, *definitions], key=lambda item: _line(item, docs))
    prose = [f.body for f in free] + builder.prose
    titles = [f.title.level for f in free if f.title]
    result = render_batch([p.source for p in prose if p.source], levels,
                          min(titles, default=None), taken)
    for p, html in zip(prose, result.html, strict=True):
        p.html = html
    top = result.top_level or 1
    for f, headings in zip(free, result.headings[:len(free)], strict=True):
        f.headings = [attrs.evolve(h, level=h.level - top + 1)
                      for h in ([f.title] if f.title else []) + headings]
        f.title = f.headings[0] if f.title else None
    page = ModulePage(module, linker.pages[module], tuple(_nest(items)), result.top_level)
    return page, result


def arrange(pages: list[ModulePage]) -> list[ModulePage]:
    """The pages with their depth in the manual and a title for those without a heading.

    A page's depth follows the level of its first heading in the whole schema
    (QEMU's ``block-core.json`` is a section of ``block.json``); a page without
    headings is titled after the module its file name extends
    (``machine-s390x.json``: "Machines (s390x)") and nested below it when it
    follows it.
    """
    top = min((p.level for p in pages if p.level is not None), default=1)
    titles = {_stem(p.module): p.title for p in pages if p.headings}
    arranged: list[ModulePage] = []
    for page in pages:
        if page.level is not None:
            arranged.append(attrs.evolve(page, depth=page.level - top + 1))
            continue
        base, _, qualifier = _stem(page.module).partition("-")
        title = (f"{titles[base]} ({_qualifier(qualifier)})" if base in titles and qualifier
                 else _stem(page.module).replace("-", " ").replace("_", " ").capitalize())
        parent = next((p for p in reversed(arranged) if _stem(p.module) == base), None)
        depth = parent.depth + 1 if parent is not None and _follows(arranged, parent) else 1
        arranged.append(attrs.evolve(page, depth=depth, fallback_title=title))
    return arranged


def navigation(pages: list[ModulePage]) -> tuple[OutlineNode, ...]:
    """The modules as the navigation column shows them, nested by depth."""
    return outline([(p.depth, OutlineNode(p.title, p.file)) for p in pages])


def modules_outline(pages: list[ModulePage]) -> tuple[OutlineNode, ...]:
    """Every page's headings, nested across pages, for the index."""
    return outline([entry for p in pages for entry in p.sections()])


def _follows(arranged: list[ModulePage], parent: ModulePage) -> bool:
    # Only pages nested below ``parent`` come between it and the end.
    after = arranged[arranged.index(parent) + 1:]
    return all(p.depth > parent.depth for p in after)


def _stem(module: str) -> str:
    return module.rsplit("/", 1)[-1].removesuffix(".json")


def _qualifier(word: str) -> str:
    # Short alphabetic qualifiers are acronyms (arm: ARM); others stay (s390x, i386).
    return word.upper() if word.isalpha() and len(word) <= 3 else word


def index_entries(schema: Schema, linker: Linker) -> list[IndexEntry]:
    """Every command, event and type with a section, sorted by name."""
    entries = []
    for definition in schema.definitions():
        url = linker.page_of(definition) and linker.url(definition.name)
        if url:
            entries.append(IndexEntry(definition.name, kind_label(definition), url))
    return sorted(entries, key=lambda e: (e.name.lower(), e.name))


@attrs.frozen
class IndexGroup:
    """The entries of one kind (commands, events or types), by first letter."""

    title: str
    anchor: str
    letters: tuple[tuple[str, tuple[IndexEntry, ...]], ...]


#: The groups of the index and the kinds each holds (None: every other kind).
INDEX_GROUPS = (("Commands", "commands", "Command"), ("Events", "events", "Event"),
                ("Types", "types", None))


def index_groups(entries: list[IndexEntry]) -> tuple[IndexGroup, ...]:
    """``entries`` grouped by kind, then by first letter (A to Z, then the rest as #)."""
    named = {kind for _, _, kind in INDEX_GROUPS if kind}
    groups = []
    for title, anchor, kind in INDEX_GROUPS:
        chosen = [e for e in entries if e.kind == kind or (kind is None and e.kind not in named)]
        letters: dict[str, list[IndexEntry]] = {}
        for entry in chosen:
            first = entry.name[:1].upper()
            letters.setdefault(first if "A" <= first <= "Z" else "#", []).append(entry)
        groups.append(IndexGroup(title, anchor, tuple((k, tuple(v)) for k, v in letters.items())))
    return tuple(g for g in groups if g.letters)
