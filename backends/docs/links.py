"""Page file names and stable anchors: where each definition and member of the manual lives."""

from __future__ import annotations

import re

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

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")

#: Names doc text may refer to that are parts of the manual rather than definitions
#: (QEMU's Sphinx manual calls its index of definitions ``qapi-qmp-index``).
MANUAL_TARGETS = {
    "qapi-qmp-index": "index.html#definitions",
    "qapi-index": "index.html#definitions",
}


def anchor(definition: Definition) -> str:
    """The anchor of a definition: ``command-NAME``, ``event-NAME`` or ``type-NAME``."""
    if isinstance(definition, Command):
        return f"command-{definition.name}"
    if isinstance(definition, Event):
        return f"event-{definition.name}"
    return f"type-{definition.name}"


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

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.pages = page_names(schema.modules)

    def page_of(self, definition: Definition) -> str | None:
        """The file holding ``definition``, or None when it has no section."""
        if not has_page(definition):
            return None
        return self.pages.get(definition.module)

    def url(self, name: str) -> str | None:
        """The URL of definition ``name`` (None when unknown or without a section).

        Unless a definition has the name, those of :data:`MANUAL_TARGETS` give their
        part of the manual.
        """
        definition = self.schema.lookup(name)
        if definition is None:
            return MANUAL_TARGETS.get(name)
        page = self.page_of(definition)
        return f"{page}#{anchor(definition)}" if page else None

    def member_url(self, owner: str, member: str) -> str | None:
        """The URL of a member row of definition ``owner``."""
        definition = self.schema.lookup(owner)
        page = self.page_of(definition) if definition else None
        return f"{page}#{member_anchor(owner, member)}" if page else None
