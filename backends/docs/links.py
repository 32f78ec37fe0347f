"""Page file names and stable anchors: where each definition and member of the manual lives."""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from qapi_ir.ir import (
    ArrayType,
    BuiltinType,
    Command,
    Definition,
    Event,
    Module,
    ObjectType,
    Schema,
)

from .rst import Resolver

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")

#: Names doc text may refer to that are parts of the manual rather than definitions
#: (QEMU's Sphinx manual calls its index of definitions ``qapi-qmp-index``), with the
#: words shown for them.
MANUAL_TARGETS = {
    "qapi-qmp-index": ("index.html#definitions", "index"),
    "qapi-index": ("index.html#definitions", "index"),
}

#: The ids of the frame every page shares (layout.mako, search.js): never doc text's.
LAYOUT_IDS = frozenset({"content", "search-box", "search-panel", "search-status",
                        "search-results", "search-more"})

#: Where QEMU's own documentation lives, for references to it from doc text.
DEFAULT_EXTERNAL_BASE = "https://www.qemu.org/docs/master/"


def anchor(definition: Definition) -> str:
    """The anchor of a definition: ``command-NAME``, ``event-NAME`` or ``type-NAME``."""
    if isinstance(definition, Command):
        return f"command-{definition.name}"
    if isinstance(definition, Event):
        return f"event-{definition.name}"
    return f"type-{definition.name}"


def builtin_anchor(name: str) -> str:
    """The anchor of a built-in type's entry in the index's legend."""
    return f"builtin-{name}"


def member_anchor(owner: str, member: str) -> str:
    """The anchor of the row of ``member`` in the table of definition ``owner``."""
    return f"member-{owner}-{member}"


def has_page(definition: Definition) -> bool:
    """Whether the definition gets a section of its own (not built-in, array or implicit)."""
    if isinstance(definition, BuiltinType | ArrayType):
        return False
    return not (isinstance(definition, ObjectType) and definition.is_implicit)


def page_names(modules: tuple[Module, ...]) -> dict[str, str]:
    """A distinct HTML file name for every module that is not built-in, in order."""
    names: dict[str, str] = {}
    taken = {"index.html"}
    for module in modules:
        if module.is_builtin:
            continue
        stem = _UNSAFE.sub("-", module.name.removesuffix(".json")).strip("-.") or "module"
        name, count = f"{stem}.html", 1
        while name in taken:
            count += 1
            name = f"{stem}-{count}.html"
        taken.add(name)
        names[module.name] = name
    return names


class Linker:
    """URLs of definitions and members, for links from any page."""

    def __init__(self, schema: Schema, external_base: str = DEFAULT_EXTERNAL_BASE) -> None:
        self.schema = schema
        self.pages = page_names(schema.modules)
        self.external_base = external_base

    def page_of(self, definition: Definition) -> str | None:
        """The file holding ``definition``, or None when it has no section."""
        if not has_page(definition):
            return None
        return self.pages.get(definition.module)

    def url(self, name: str) -> str | None:
        """The URL of definition ``name`` (None when unknown or without a section).

        Unless a definition has the name, those of :data:`MANUAL_TARGETS` give their
        part of the manual.  Built-in types link to their entry in the index.
        """
        definition = self.schema.lookup(name)
        if definition is None:
            target = MANUAL_TARGETS.get(name)
            return target[0] if target else None
        if isinstance(definition, BuiltinType):
            return f"index.html#{builtin_anchor(name)}"
        page = self.page_of(definition)
        return f"{page}#{anchor(definition)}" if page else None

    def title(self, name: str) -> str | None:
        """The words shown for a part of the manual named in doc text (None: a definition)."""
        target = MANUAL_TARGETS.get(name)
        return target[1] if target and self.schema.lookup(name) is None else None

    def outside(self, role: str, target: str) -> str:
        """The URL of a Sphinx ``:doc:`` or ``:ref:`` target: here when this manual has it,
        else in QEMU's documentation under ``external_base``."""
        if role == "ref":
            return self.url(target) or f"{self.external_base}search.html?{urlencode({'q': target})}"
        return f"{self.external_base}{quote(target.strip('/'))}.html"

    def resolver(self, members: dict[str, str] | None = None) -> Resolver:
        """What doc text with ``@name`` references to ``members`` links to."""
        return Resolver(self.url, members or {}, self.title, self.outside)

    def member_url(self, owner: str, member: str) -> str | None:
        """The URL of a member row of definition ``owner``."""
        definition = self.schema.lookup(owner)
        page = self.page_of(definition) if definition else None
        return f"{page}#{member_anchor(owner, member)}" if page else None
