"""The files of a generated package: models from the IR, imports, rendering."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from qapi_ir.ir import AlternateType, Command, EnumType, Event, ObjectType, Schema
from qapi_ir.templating import Renderer

from .api_model import ApiPlanner, PyCommand, PyEvent
from .compat import CompatNotes
from .model import Planner, PyAlternate, PyClass, PyEnum, PyField

TEMPLATES = Path(__file__).parent / "templates"

#: Files copied verbatim from this directory into the package.
STATIC_FILES = ("runtime.py", "records.py", "client_base.py", "capabilities.py")

_STDLIB = {
    "Callable": "collections.abc",
    "AsyncIterator": "collections.abc",
    "Mapping": "collections.abc",
    "Sequence": "collections.abc",
    "ClassVar": "typing",
    "TypeAlias": "typing",
    "TypeVar": "typing",
    "cast": "typing",
}

#: How generated modules refer to their sibling modules.
_ALIASES = {"runtime": "_rt", "types": "_t", "codec": "_c", "events": "_e"}


def _sort_key(name: str) -> tuple[int, str]:
    """isort's order within one ``from`` import: CONSTANTS, Classes, functions."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


#: An import statement: ``(module, names)``, a plain ``import module`` without names.
Import = tuple[str, tuple[str, ...]]
#: The import statements of one block, separated from the next by a blank line.
ImportBlock = tuple[Import, ...]


def _import_blocks(
    names: Iterable[str],
    modules: Iterable[str],
    runtime: Iterable[str],
    local: Iterable[Import] = (),
) -> list[ImportBlock]:
    """Import blocks (standard library, then package) in the order ruff's isort wants.

    ``names`` come from the standard library,
    ``modules`` are sibling modules, ``runtime`` names of the runtime module,
    ``local`` further ``(module, names)`` imports from the package.
    """
    names = set(names)
    by_module: dict[str, list[str]] = {}
    for name in sorted(names, key=_sort_key):
        by_module.setdefault(_STDLIB[name], []).append(name)
    stdlib: list[Import] = [(module, tuple(found)) for module, found in sorted(by_module.items())]
    package: list[Import] = [
        (".", (f"{module} as {_ALIASES[module]}",)) for module in sorted(set(modules))
    ]
    package += sorted(local)
    runtime = sorted(set(runtime), key=_sort_key)
    if runtime:
        package.append((".runtime", tuple(runtime)))
    return [tuple(block) for block in (stdlib, package) if block]


def _absent_names(fields: Iterable[PyField]) -> list[str]:
    """``ABSENT`` when an optional member defaults to it, ``Absent`` when a type mentions it."""
    fields = list(fields)
    default = any(f.optional for f in fields)
    return ["ABSENT"] * default + ["Absent"] * (default or any(f.maybe_absent for f in fields))


def _used(texts: Iterable[str], candidates: Iterable[str]) -> list[str]:
    text = "\n".join(texts)
    return [name for name in candidates if re.search(rf"(?<![\w.]){name}\b", text)]


class PackageWriter:
    """Computes the models once and renders each file of the package.

    ``compat`` tells what older releases lack (nothing when none was given);
    ``templates`` renders the files.
    """

    def __init__(self, schema: Schema, compat: CompatNotes, templates: Renderer) -> None:
        self._templates = templates
        planner = Planner(schema, compat)
        self.varying = compat.varying_commands()
        definitions = list(schema.definitions())
        self.enums: list[PyEnum] = [
            planner.enum(e) for e in definitions if isinstance(e, EnumType)
        ]
        self.classes: list[PyClass] = [
            planner.object_class(o)
            for o in definitions
            if isinstance(o, ObjectType) and not o.is_implicit
        ]
        self.alternates: list[PyAlternate] = [
            planner.alternate(a) for a in definitions if isinstance(a, AlternateType)
        ]
        api = ApiPlanner(planner)
        self.events: list[PyEvent] = [api.event(e) for e in definitions if isinstance(e, Event)]
        self.commands: list[PyCommand] = [
            api.command(c)
            for c in definitions
            if isinstance(c, Command) and c.flag("success-response")
        ]
        main = schema.main_module
        self.schema_name = Path(main.name).name if main else "QAPI"

    def files(self) -> dict[str, str]:
        """Every file of the package (except ``py.typed``) by name, rendered."""
        files = {
            "__init__.py": self._render("__init__.py.mako"),
            "types.py": self._render("types.py.mako", imports=self._types_imports()),
            "codec.py": self._render(
                "codec.py.mako", imports=self._codec_imports(), **self._registry()
            ),
            "events.py": self._render("events.py.mako", imports=self._events_imports()),
            "client.py": self._render("client.py.mako", imports=self._client_imports()),
        }
        for name in STATIC_FILES:
            files[name] = (Path(__file__).parent / name).read_text(encoding="utf-8")
        return files

    def _render(self, template: str, **context: Any) -> str:
        return self._templates.render(
            TEMPLATES,
            template,
            schema_name=self.schema_name,
            enums=self.enums,
            classes=self.classes,
            alternates=self.alternates,
            events=self.events,
            commands=self.commands,
            varying=self.varying,
            **context,
        )

    def _registry(self) -> dict[str, Any]:
        registry = [(e.wire, f"_rt.enum_decoder(_t.{e.name})") for e in self.enums]
        registry += [(c.wire, f"decode_{c.name}") for c in self.classes]
        registry += [(a.wire, f"decode_{a.name}") for a in self.alternates]
        class_of = {e.wire: e.name for e in self.enums} | {c.wire: c.name for c in self.classes}
        return {"registry": registry, "class_of": class_of}

    def _types_imports(self) -> list[ImportBlock]:
        fields = [f for c in self.classes for f in c.fields]
        fields += [f for c in self.classes for b in c.branches for f in b.fields]
        wired = any(c.wire_names or any(b.wire_names for b in c.branches) for c in self.classes)
        return _import_blocks(
            ["ClassVar", "Mapping"] * wired
            + ["TypeAlias"] * bool(self.alternates),
            [],
            _absent_names(fields)
            + _used([f.annotation for f in fields], ["JSONValue"])
            + ["QAPIEnum"] * bool(self.enums)
            + ["QAPIObject"] * bool(self.classes),
            [(".records", ("fixed",))] * any(c.branches for c in self.classes),
        )

    def _codec_imports(self) -> list[ImportBlock]:
        branches = any(c.branches for c in self.classes)
        return _import_blocks(["TypeVar"] + ["Callable"] * branches, ["runtime", "types"], [])

    def _events_imports(self) -> list[ImportBlock]:
        fields = [f for e in self.events for f in e.fields]
        texts = [f.annotation for f in fields] + [f.decoder for f in fields]
        return _import_blocks(
            ["TypeAlias", "cast"]
            + ["ClassVar"] * bool(self.events)
            + ["Mapping"] * any(e.wire_names for e in self.events),
            ["runtime"] + [m for m in ("codec", "types") if _used(texts, [_ALIASES[m]])],
            ["UndecodedEvent"]
            + ["QAPIEvent", "Timestamp"] * bool(self.events)
            + _absent_names(fields)
            + _used(texts, ["JSONValue"]),
        )

    def _client_imports(self) -> list[ImportBlock]:
        params = [p for c in self.commands for p in c.params]
        texts = [p.annotation for p in params] + [c.boxed for c in self.commands]
        texts += [c.returns + " " + c.return_decoder for c in self.commands]
        return _import_blocks(
            ["AsyncIterator", *_used(texts, ["Sequence"])],
            ["events"]
            + [m for m in ("codec", "types", "runtime") if _used(texts, [_ALIASES[m]])]
            + ["runtime"] * any(c.params or c.boxed for c in self.commands),
            _absent_names(params) + _used(texts, ["JSONValue"]),
            [(".client_base", ("ClientBase",))],
        )
