"""Reading OLD and NEW: a schema file, an IR snapshot or a saved ``query-qmp-schema`` reply.

The kind is told from the content: a JSON array (or a QMP reply
``{"return": [...]}``) is introspection, a JSON object with a ``format`` key
is a snapshot, and anything else is schema text.  A schema file whose doc
comments QEMU 10.2's rules reject is read under older releases' rules (the
front end's ``legacy_docs``, which prints what it relaxed), so that older QEMU
schemas load; with ``legacy_docs`` that is how every schema file is read.
Schema files are read by a :class:`SchemaLoader`: the front end itself by
default, or one through a cache, given by the command line that owns it.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

import attrs

from qapi_ir import snapshot
from qapi_ir.diff import model
from qapi_ir.diff.from_introspection import IntrospectionError, from_introspection
from qapi_ir.diff.from_ir import from_ir
from qapi_ir.frontend import load_schema
from qapi_ir.frontend.errors import QAPIError
from qapi_ir.input_file import InputFileError, read_text
from qapi_ir.ir import Schema


class SchemaLoader(Protocol):
    """What reads a schema file into the IR, as :func:`~qapi_ir.frontend.load_schema` does."""

    def __call__(self, path: str, *, legacy_docs: bool) -> Schema: ...


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
    path: str, *, docs: bool, legacy_docs: bool = False, load: SchemaLoader = load_schema
) -> model.WireSchema:
    """The comparable model of the file at ``path``; :class:`InputError` when unreadable.

    A schema file is read with ``load``.
    """
    try:
        text = read_text(path)
    except OSError as exc:
        raise InputError(f"can't read '{path}': {exc.strerror or exc}") from exc
    except InputFileError as exc:
        raise InputError(f"can't read {exc}") from exc
    try:
        document: Any = json.loads(text, parse_int=snapshot.parse_int)
    except json.JSONDecodeError:
        document = None
    except RecursionError:
        raise InputError(f"{path}: values nest deeper than {snapshot.MAX_DEPTH}") from None
    try:
        infos = _introspection_list(document)
        if infos is not None:
            schema = from_introspection(infos, path)
            note = f"doc comments of '{path}' not compared: a query-qmp-schema reply has none"
            return attrs.evolve(schema, notes=(note,)) if docs else schema
        if isinstance(document, dict) and "format" in document:
            return from_ir(snapshot.from_document(document, path), docs=docs)
        return _read_schema(path, docs, legacy_docs, load)
    except (IntrospectionError, snapshot.SnapshotError, QAPIError) as exc:
        raise InputError(_one_line(exc)) from exc


def _read_schema(path: str, docs: bool, legacy_docs: bool, load: SchemaLoader
                 ) -> model.WireSchema:
    """A schema file, under today's doc comment rules or else older releases'."""
    if not legacy_docs:
        try:
            return from_ir(load(path, legacy_docs=False), docs=docs)
        except QAPIError:
            pass
    return from_ir(load(path, legacy_docs=True), docs=docs)
