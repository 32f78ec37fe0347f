"""The files of a generated package: models from the IR, imports, rendering."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from qapi_ir.backend_helpers import CompatNotes, DefinitionPlan
from qapi_ir.ir import Schema
from qapi_ir.templating import Renderer

from .api_model import ApiPlanner, PyCommand, PyEvent
from .docstrings import escape
from .plan import PyAlternate, PyClass, PyEnum, PyField, PyPlanner
from .protocol import COMMON_FILES, ClientProtocol

TEMPLATES = Path(__file__).parent / "templates"

#: The standard library module of each name generated code imports; ``""``: a module itself.
_STDLIB = {
    "Callable": "collections.abc",
    "AsyncIterator": "collections.abc",
    "Mapping": "collections.abc",
    "Sequence": "collections.abc",
    "ClassVar": "typing",
    "TYPE_CHECKING": "typing",
    "TypeAlias": "typing",
    "TypeVar": "typing",
    "cast": "typing",
    "sys": "",
}

#: How generated modules refer to their sibling modules.
_ALIASES = {"runtime": "_rt", "types": "_t", "codec": "_c", "events": "_e"}


def _natural(text: str) -> tuple[tuple[int, int], ...]:
    """A key that orders ``text`` by character, runs of digits by their number (as ruff does)."""
    return tuple(
        (ord("0"), int(token)) if token.isdigit() else (ord(token), 0)
        for token in re.findall(r"[0-9]+|[^0-9]", text)
    )


def _module_key(name: str) -> tuple[object, ...]:
    """ruff's isort order of modules: case-insensitive, then as written; numbers by value."""
    return (_natural(name.lower()), _natural(name))


def _sort_key(name: str) -> tuple[object, ...]:
    """ruff's isort order within one ``from`` import: CONSTANTS, Classes, functions."""
    kind = 0 if len(name) > 1 and name.isupper() else 1 if name[0].isupper() else 2
    return (kind, *_module_key(name))


#: An import statement: ``(module, names)``, a plain ``import module`` without names.
Import = tuple[str, tuple[str, ...]]
#: The import statements of one block, separated from the next by a blank line.
ImportBlock = tuple[Import, ...]


def _import_blocks(
    names: Iterable[str],
    modules: Iterable[str],
    runtime: Iterable[str],
    local: Iterable[Import] = (),
    parent: str = ".",
) -> list[ImportBlock]:
    """Import blocks (standard library, then package) in the order ruff's isort wants.

    ``names`` come from the standard library (a module name: ``import`` it),
    ``modules`` are modules of the package ``parent`` (``.`` or ``..``),
    ``runtime`` names of its runtime module, ``local`` further
    ``(module, names)`` imports from the package.
    """
    names = set(names)
    by_module: dict[str, list[str]] = {}
    for name in sorted(names, key=_sort_key):
        by_module.setdefault(_STDLIB[name], []).append(name)
    plain = sorted(by_module.pop("", []))
    stdlib: list[Import] = [(module, ()) for module in plain]
    stdlib += [(module, tuple(found)) for module, found in sorted(by_module.items())]
    package: list[Import] = [
        (parent, (f"{module} as {_ALIASES[module]}",)) for module in sorted(set(modules))
    ]
    package += sorted(local)
    runtime = sorted(set(runtime), key=_sort_key)
    if runtime:
        package.append((parent + "runtime", tuple(runtime)))
    return [tuple(block) for block in (stdlib, package) if block]


def _absent_names(fields: Iterable[PyField]) -> list[str]:
    """``ABSENT`` when an optional member defaults to it, ``Absent`` when a type mentions it."""
    fields = list(fields)
    default = any(f.optional for f in fields)
    return ["ABSENT"] * default + ["Absent"] * (default or any(f.maybe_absent for f in fields))


def _used(texts: Iterable[str], candidates: Iterable[str]) -> list[str]:
    text = "\n".join(texts)
    return [name for name in candidates if re.search(rf"(?<![\w.]){name}\b", text)]


def _all_key(name: str) -> tuple[object, ...]:
    """ruff's order of ``__all__``: CONSTANTS, Classes, functions, each by natural order."""
    return _sort_key(name)[0], _natural(name)


def _exports(exports: list[tuple[str, tuple[str, ...]]]) -> dict[str, Any]:
    """What a package's ``__init__`` re-exports: ``(module, names)`` pairs, and all names sorted."""
    names = sorted((name for _, found in exports for name in found), key=_all_key)
    return {"exports": exports, "all_names": names}


@attrs.frozen
class _Module:
    """The types of one schema module: what its modules of ``types`` and ``codec`` hold."""

    name: str
    schema_module: str
    enums: tuple[PyEnum, ...]
    classes: tuple[PyClass, ...]
    alternates: tuple[PyAlternate, ...]

    @property
    def fields(self) -> list[PyField]:
        """The fields of its classes and of their branches."""
        fields = [f for c in self.classes for f in c.fields]
        return fields + [f for c in self.classes for b in c.branches for f in b.fields]

    @property
    def type_names(self) -> tuple[str, ...]:
        """The names its module of ``types`` defines (union branches included), sorted."""
        names = [e.name for e in self.enums] + [a.name for a in self.alternates]
        names += [c.name for c in self.classes] + [b.name for c in self.classes for b in c.branches]
        return tuple(sorted(names, key=_sort_key))

    @property
    def decoder_names(self) -> tuple[str, ...]:
        """The public names its module of ``codec`` defines, sorted."""
        types = [e.name for e in self.enums] + [c.name for c in self.classes]
        names = [f"decode_{name}" for name in types + [a.name for a in self.alternates]]
        return tuple(sorted(names, key=_sort_key))


class PackageWriter:
    """Computes the models once and renders each file of the package.

    ``compat`` tells what older releases lack (nothing when none was given);
    ``templates`` renders the files; ``protocol`` is the one the client speaks.
    """

    def __init__(
        self, schema: Schema, compat: CompatNotes, templates: Renderer, protocol: ClientProtocol
    ) -> None:
        self._templates = templates
        self.protocol = protocol
        plan = DefinitionPlan.of(schema, no_reply_commands=protocol.no_reply_methods)
        planner = PyPlanner(schema, plan, compat)
        self.varying = compat.varying_commands()
        self.enums: list[PyEnum] = [planner.enum(e) for e in plan.enums]
        self.classes: list[PyClass] = [planner.object_class(o) for o in plan.objects]
        self.alternates: list[PyAlternate] = [planner.alternate(a) for a in plan.alternates]
        self.modules = sorted(
            (
                _Module(
                    name=name,
                    schema_module=escape(" ".join(path.split())),
                    enums=tuple(e for e in self.enums if e.module == name),
                    classes=tuple(c for c in self.classes if c.module == name),
                    alternates=tuple(a for a in self.alternates if a.module == name),
                )
                for path, name in planner.modules.items()
            ),
            key=lambda module: _module_key(module.name),
        )
        api = ApiPlanner(planner, protocol.label)
        self.events: list[PyEvent] = [api.event(e) for e in plan.events]
        self.commands: list[PyCommand] = [api.command(c) for c in plan.commands]
        main = schema.main_module
        self.schema_name = Path(main.name).name if main else "QAPI"

    def files(self) -> dict[str, str]:
        """Every file of the package (except ``py.typed``) by name, rendered.

        ``types`` and ``codec`` are packages with a module per schema module,
        imported when one of its names is first used.
        """
        files = {
            "__init__.py": self._render(
                "__init__.py.mako", protocol=self.protocol, **_exports(list(self.protocol.exports))
            ),
            "types/__init__.py": self._render(
                "types_init.py.mako",
                imports=self._facade_imports([]),
                **_exports([(m.name, m.type_names) for m in self.modules]),
            ),
            "codec/__init__.py": self._render(
                "codec_init.py.mako",
                imports=self._facade_imports(["sys", "Mapping", "TypeVar"], ["types"]),
                **_exports([(m.name, m.decoder_names) for m in self.modules]),
                registry=self._registry(),
            ),
            "client.py": self._render(
                "client.py.mako",
                imports=self._client_imports(),
                commands=self.commands,
                varying=self.varying,
                protocol=self.protocol,
            ),
        }
        if self.protocol.events:
            files["events.py"] = self._render(
                "events.py.mako", imports=self._events_imports(), events=self.events
            )
        for module in self.modules:
            content = {
                "schema_module": module.schema_module,
                "enums": module.enums,
                "classes": module.classes,
                "alternates": module.alternates,
            }
            files[f"types/{module.name}.py"] = self._render(
                "types.py.mako", imports=self._types_imports(module), **content
            )
            files[f"codec/{module.name}.py"] = self._render(
                "codec.py.mako", imports=self._codec_imports(module), **content
            )
        for name in COMMON_FILES + self.protocol.static_files:
            files[name] = (Path(__file__).parent / name).read_text(encoding="utf-8")
        return files

    def _render(self, template: str, **context: Any) -> str:
        return self._templates.render(
            TEMPLATES, template, schema_name=self.schema_name, **context
        )

    def _registry(self) -> list[tuple[str, str]]:
        """The decoder of each named type, by wire name, in the order of the schema."""
        named: list[PyEnum | PyClass | PyAlternate] = [*self.enums, *self.classes]
        return [(t.wire, f"decode_{t.name}") for t in named + self.alternates]

    def _facade_imports(
        self, names: list[str], modules: list[str] | None = None
    ) -> list[ImportBlock]:
        lazy = bool(self.modules)
        return _import_blocks(
            names + ["TYPE_CHECKING"] * lazy,
            (modules or []) + ["runtime"] * (lazy or bool(modules)),
            [],
            parent="..",
        )

    def _types_imports(self, module: _Module) -> list[ImportBlock]:
        classes, fields = module.classes, module.fields
        texts = [f.annotation for f in fields] + [a.annotation for a in module.alternates]
        texts += [c.tag_enum + " " + b.tag_constant for c in classes for b in c.branches]
        wired = any(c.wire_names or any(b.wire_names for b in c.branches) for c in classes)
        return _import_blocks(
            ["ClassVar", "Mapping"] * wired
            + ["TypeAlias"] * bool(module.alternates),
            ["types"] * bool(_used(texts, ["_t"])),
            _absent_names(fields)
            + _used(texts, ["JSONValue"])
            + ["QAPIEnum"] * bool(module.enums)
            + ["QAPIObject"] * bool(classes),
            [("..records", ("fixed",))] * any(c.branches for c in classes),
            parent="..",
        )

    def _codec_imports(self, module: _Module) -> list[ImportBlock]:
        texts = [f.decoder for f in module.fields]
        texts += [expression for a in module.alternates for _, expression in a.dispatch]
        return _import_blocks(
            ["Callable"] * any(c.branches for c in module.classes),
            ["runtime", "types"] + ["codec"] * bool(_used(texts, ["_c"])),
            [],
            parent="..",
        )

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
        events = self.protocol.events
        return _import_blocks(
            ["AsyncIterator"] * events + _used(texts, ["Sequence"]),
            ["events"] * events
            + [m for m in ("codec", "types", "runtime") if _used(texts, [_ALIASES[m]])]
            + ["runtime"] * any(c.params or c.boxed for c in self.commands),
            _absent_names(params) + _used(texts, ["JSONValue"]),
            [(f".{self.protocol.base_module}", (self.protocol.base_class,))],
        )
