"""Reading OLD and NEW: a schema file, an IR snapshot or a saved ``query-qmp-schema`` reply.

The kind is told from the content: a JSON array (or a QMP reply
``{"return": [...]}``) is introspection, a JSON object with a ``format`` key
is a snapshot, and anything else is schema text.  Schema files are read with
lenient doc comments (skipped), so that older QEMU schemas load; with docs
wanted, a strict read is tried first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol

import attrs

from qapi_ir import snapshot
from qapi_ir.diff import model
from qapi_ir.diff.from_introspection import IntrospectionError, from_introspection
from qapi_ir.diff.from_ir import from_ir
from qapi_ir.frontend import load_schema
from qapi_ir.frontend.errors import QAPIError
from qapi_ir.ir import Schema


class SchemaLoader(Protocol):
    """What reads a schema file into the IR, as :func:`~qapi_ir.frontend.load_schema` does."""

    def __call__(self, path: str, *, lenient_docs: bool) -> Schema: ...


class InputError(Exception):
    """An input that cannot be read; the message is one line naming the file."""


def _introspection_list(document: Any) -> list[Any] | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and set(document) == {"return"}:
        reply = document["return"]
        return reply if isinstance(reply, list) else None
    return None


def _one_line(error: Exception) -> str:
    """The last line of a possibly multi-line message: the one naming file and problem."""
    lines = str(error).strip().splitlines()
    return lines[-1] if lines else type(error).__name__


def read_input(
    path: str, *, docs: bool, load: SchemaLoader = load_schema
) -> model.WireSchema:
    """The comparable model of the file at ``path``; :class:`InputError` when unreadable.

    A schema file is read with ``load``.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(f"can't read '{path}': {reason}") from exc
    try:
        document: Any = json.loads(text)
    except json.JSONDecodeError:
        document = None
    try:
        infos = _introspection_list(document)
        if infos is not None:
            schema = from_introspection(infos, path)
            note = f"doc comments of '{path}' not compared: a query-qmp-schema reply has none"
            return attrs.evolve(schema, notes=(note,)) if docs else schema
        if isinstance(document, dict) and "format" in document:
            return from_ir(snapshot.from_document(document, path), docs=docs)
        return _read_schema(path, docs, load)
    except (IntrospectionError, snapshot.SnapshotError, QAPIError) as exc:
        raise InputError(_one_line(exc)) from exc


def _read_schema(path: str, docs: bool, load: SchemaLoader) -> model.WireSchema:
    """A schema file; with ``docs``, its doc comments too when they pass today's rules."""
    if docs:
        try:
            return from_ir(load(path, lenient_docs=False), docs=True)
        except QAPIError as exc:
            lenient = from_ir(load(path, lenient_docs=True), docs=False)
            note = f"doc comments of '{path}' not compared: {_one_line(exc)}"
            return attrs.evolve(lenient, notes=(note,))
    return from_ir(load(path, lenient_docs=True), docs=False)
