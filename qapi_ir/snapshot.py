"""IR snapshots: the IR as a versioned JSON document, and back.

A snapshot is ``{"format": "qapi-build-ir", "version": N, "schema": {...}}``.
Every older version reads too, migrated by :mod:`qapi_ir.snapshot_migrations`.
Keys follow the attrs field order, so two snapshots of similar schemas diff
cleanly.  Unions of classes carry an explicit ``kind`` tag.  This module holds
the project's one configured :mod:`cattrs` converter.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from qapi_ir import ir
from qapi_ir.input_file import read_text_or, shown
from qapi_ir.invariants import InvariantError, check_invariants
from qapi_ir.snapshot_migrations import MigrationError, migrate
from qapi_ir.snapshot_versions import FORMAT_VERSION as FORMAT_VERSION

FORMAT_NAME = "qapi-build-ir"

#: How deeply a snapshot's JSON values may nest (QEMU's schema needs ~12).
MAX_DEPTH = 100
#: The most digits a number in a snapshot may have.
MAX_DIGITS = 18

#: The ``kind`` tag of each class in a tagged union.
CONDITION_KINDS: dict[type, str] = {
    ir.IfName: "name",
    ir.IfAll: "all",
    ir.IfAny: "any",
    ir.IfNot: "not",
}
ENTITY_KINDS: dict[type, str] = {
    ir.BuiltinType: "builtin",
    ir.EnumType: "enum",
    ir.ObjectType: "object",
    ir.ArrayType: "array",
    ir.AlternateType: "alternate",
    ir.Command: "command",
    ir.Event: "event",
    ir.Include: "include",
}


if TYPE_CHECKING:
    import cattrs


class SnapshotError(Exception):
    """A snapshot that cannot be read; the message names the file and the place in it."""


def _register_tagged_union(
    converter: cattrs.Converter, union: Any, kinds: dict[type, str]
) -> None:
    """Make ``union`` (a union of attrs classes) travel as objects with a ``kind`` tag.

    Hand-written rather than cattrs' strategy because conditions are recursive.
    """
    by_kind = {kind: cls for cls, kind in kinds.items()}

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise ValueError(f"expected an object, got {type(value).__name__}")
        cls = by_kind.get(str(value.get("kind")))
        if cls is None:
            raise ValueError(f"'kind' must be one of {', '.join(sorted(by_kind))}")
        return converter.structure({k: v for k, v in value.items() if k != "kind"}, cls)

    def unstructure(value: Any) -> dict[str, Any]:
        return {"kind": kinds[type(value)], **converter.unstructure(value, type(value))}

    def structure_optional(value: Any, _: Any) -> Any:
        return None if value is None else structure(value, union)

    def unstructure_optional(value: Any) -> Any:
        return None if value is None else unstructure(value)

    converter.register_structure_hook(union, structure)
    converter.register_unstructure_hook(union, unstructure)
    converter.register_structure_hook(union | None, structure_optional)
    converter.register_unstructure_hook(union | None, unstructure_optional)


class _LongNumber(str):
    """A number too long to be anything in a snapshot, kept as its digits."""


def is_json_string(value: Any) -> TypeGuard[str]:
    """Whether ``value`` (JSON read with :func:`parse_int`) is a string: a number kept as its
    digits is not, however long, so that every number is refused alike where a string
    belongs."""
    return type(value) is str


def parse_int(digits: str) -> int | _LongNumber:
    """A JSON integer; one too long to be anything in a snapshot is kept as its digits."""
    return _LongNumber(digits) if len(digits.lstrip("-")) > MAX_DIGITS else int(digits)


def _structure_exactly(value: Any, kind: type) -> Any:
    """Accept a JSON scalar only when it already has the wanted type (no coercion)."""
    if isinstance(value, _LongNumber):
        raise ValueError(f"a number of {len(value)} digits is out of range")
    if type(value) is not kind:
        raise ValueError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _too_deep(document: Any) -> str | None:
    """The path of a value nested deeper than :data:`MAX_DEPTH`, if there is one."""
    pending: list[tuple[Any, str, int]] = [(document, "$", 0)]
    while pending:
        value, path, depth = pending.pop()
        if depth > MAX_DEPTH:
            return path
        if isinstance(value, dict):
            pending.extend((v, f"{path}.{k}", depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            pending.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value))
    return None


@functools.cache
def _converter() -> cattrs.Converter:
    """The converter, made (and :mod:`cattrs` imported) on first use."""
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    for scalar in (str, int, bool):
        converter.register_structure_hook(scalar, _structure_exactly)
    _register_tagged_union(converter, ir.Condition, CONDITION_KINDS)
    _register_tagged_union(converter, ir.Entity, ENTITY_KINDS)
    return converter


def to_document(schema: ir.Schema) -> dict[str, Any]:
    """The snapshot document of ``schema``, as plain JSON values."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "schema": _converter().unstructure(schema),
    }


def dumps(schema: ir.Schema) -> str:
    """The snapshot of ``schema`` as JSON text (one key per line, stable order)."""
    return json.dumps(to_document(schema), indent=1, ensure_ascii=False) + "\n"


def _describe(exc: BaseException, wanted: Any) -> str:
    """One problem found while structuring, in words."""
    from cattrs.v import format_exception

    if type(exc) is ValueError and exc.args:
        return str(exc)
    return format_exception(exc, wanted)


def from_document(document: Any, source: str = "<snapshot>") -> ir.Schema:
    """The schema held by a snapshot document; :class:`SnapshotError` when it is wrong."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise SnapshotError(
            f"{source}: not a qapi-build IR snapshot (no 'format': '{FORMAT_NAME}')"
        )
    version = document.get("version")
    if type(version) is not int or not 1 <= version <= FORMAT_VERSION:
        raise SnapshotError(
            f"{source}: IR format version {shown(repr(version))} is not supported"
            f" (this qapi-build reads versions 1 to {FORMAT_VERSION})"
        )
    extra = sorted(set(document) - {"format", "version", "schema"})
    if extra:
        raise SnapshotError(f"{source}: unexpected key {shown(repr(extra[0]))} at $")
    deep = _too_deep(document)
    if deep:
        raise SnapshotError(f"{source}: values nest deeper than {MAX_DEPTH} at {deep}")
    try:
        migrated = migrate(document.get("schema"), version)
    except MigrationError as exc:
        raise SnapshotError(f"{source}: {exc}") from None
    try:
        schema = _converter().structure(migrated, ir.Schema)
    except Exception as exc:
        import cattrs

        problems = cattrs.transform_error(exc, path="$.schema", format_exception=_describe)
        raise SnapshotError(f"{source}: {problems[0] if problems else exc}") from exc
    try:
        check_invariants(schema)
    except InvariantError as exc:
        raise SnapshotError(f"{source}: {exc}") from exc
    return schema


def loads(text: str, source: str = "<snapshot>") -> ir.Schema:
    """The schema held by snapshot text."""
    try:
        document = json.loads(text, parse_int=parse_int)
    except json.JSONDecodeError as exc:
        raise SnapshotError(
            f"{source}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg});"
            " is the file truncated?"
        ) from exc
    except RecursionError:
        raise SnapshotError(f"{source}: values nest deeper than {MAX_DEPTH}") from None
    return from_document(document, source)


def load(path: str | Path) -> ir.Schema:
    """Read the snapshot file at ``path``."""
    return loads(read_text_or(path, SnapshotError, "IR snapshot"), str(path))
