"""Reading OLD and NEW: a schema file, an IR snapshot or a saved ``query-qmp-schema`` reply.

The kind is told from the content: a JSON array (or a QMP reply
``{"return": [...]}``) is introspection, a JSON object with a ``format`` key
is a snapshot, and anything else is schema text.  A schema file whose doc
comments QEMU 10.2's rules reject is read under older releases' rules (the
front end's ``legacy_docs``, which prints what it relaxed), so that older QEMU
schemas load; with ``legacy_docs`` that is how every schema file is read.
Schema files are read by a :class:`SchemaReader`: :func:`read_schema` by
default, or one through a cache, given by the command line that owns it.
What only one kind of input needs (the front end, the snapshot reader) is
imported when an input of that kind is read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from qapi_ir.diff import wire_model
from qapi_ir.diff.read_warnings import ReadWarnings
from qapi_ir.input_file import message_line, read_text_or

if TYPE_CHECKING:
    from qapi_ir.ir import Schema


#: Where the lines reading a schema file gives go (older doc comment rules accepted).
Warn = Callable[[str], object]


def warn_on_stderr(line: str) -> None:
    """Print ``line`` on stderr."""
    print(line, file=sys.stderr)


class SchemaLoader(Protocol):
    """What reads a schema file into the IR, as :func:`~qapi_ir.frontend.load_schema` does."""

    def __call__(self, path: str, *, legacy_docs: bool, warn: Warn) -> Schema: ...


class SchemaReader(Protocol):
    """What reads a schema file into the comparable model, as :func:`read_schema` does."""

    def __call__(self, path: str, *, docs: bool, legacy_docs: bool,
                 warn: Warn = warn_on_stderr) -> wire_model.WireSchema: ...


class InputError(Exception):
    """An input that cannot be read; the message is one line naming the file."""


class SchemaInputError(InputError):
    """A schema file with an error, worded as the build words it (context line included)."""


def error_line(prog: str, error: Exception) -> str:
    """``error`` as ``prog`` prints it: a schema file's as the build words it (context line
    included), any other on one line after ``PROG: error:``."""
    if isinstance(error, SchemaInputError):
        return str(error)
    return f"{prog}: error: {message_line(str(error))}"


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


def _json_document(path: str, text: str) -> Any:
    """``text`` as JSON when it is an array or an object, else ``None`` (schema text)."""
    if text.lstrip()[:1] not in ("[", "{"):
        return None
    from qapi_ir import snapshot

    try:
        return json.loads(text, parse_int=snapshot.parse_int)
    except json.JSONDecodeError:
        return None
    except RecursionError:
        raise InputError(f"{path}: values nest deeper than {snapshot.MAX_DEPTH}") from None


def _from_reply(infos: list[Any], path: str, docs: bool) -> wire_model.WireSchema:
    from qapi_ir.diff.from_introspection import IntrospectionError, from_introspection

    try:
        schema = from_introspection(infos, path)
    except IntrospectionError as exc:
        raise InputError(_one_line(exc)) from exc
    note = f"doc comments of '{path}' not compared: a query-qmp-schema reply has none"
    return attrs.evolve(schema, notes=(note,)) if docs else schema


def _from_snapshot(document: dict[str, Any], path: str, docs: bool) -> wire_model.WireSchema:
    from qapi_ir import snapshot
    from qapi_ir.diff.from_ir import from_ir

    try:
        return from_ir(snapshot.from_document(document, path), docs=docs)
    except snapshot.SnapshotError as exc:
        raise InputError(_one_line(exc)) from exc


def _load_fresh(path: str, *, legacy_docs: bool, warn: Warn) -> Schema:
    from qapi_ir.frontend import load_schema

    return load_schema(path, legacy_docs=legacy_docs, warn=warn)


def read_schema(path: str, *, docs: bool, legacy_docs: bool, warn: Warn = warn_on_stderr,
                load: SchemaLoader = _load_fresh) -> wire_model.WireSchema:
    """The comparable model of schema file ``path`` read with ``load``, under today's doc
    comment rules or else older releases' (what was relaxed goes to ``warn``);
    :class:`InputError` when it cannot be read."""
    from qapi_ir.diff.from_ir import from_ir
    from qapi_ir.frontend.errors import QAPIError

    try:
        if not legacy_docs:
            try:
                return from_ir(load(path, legacy_docs=False, warn=warn), docs=docs)
            except QAPIError:
                pass
        return from_ir(load(path, legacy_docs=True, warn=warn), docs=docs)
    except QAPIError as exc:
        raise SchemaInputError(str(exc).strip()) from exc


def read_input(
    path: str, *, docs: bool, legacy_docs: bool = False, read: SchemaReader = read_schema,
    warn: Warn = warn_on_stderr,
) -> wire_model.WireSchema:
    """The comparable model of the file at ``path``; :class:`InputError` when unreadable.

    A schema file is read with ``read``, its warnings given to ``warn``.
    """
    text = read_text_or(path, InputError)
    document = _json_document(path, text)
    infos = _introspection_list(document)
    if infos is not None:
        return _from_reply(infos, path, docs)
    if isinstance(document, dict) and "format" in document:
        return _from_snapshot(document, path, docs)
    return read(path, docs=docs, legacy_docs=legacy_docs, warn=warn)


def read_reporting(path: str, read: SchemaReader = read_schema, *, docs: bool,
                   legacy_docs: bool, verbose: bool, warn: Warn = warn_on_stderr
                   ) -> wire_model.WireSchema:
    """:func:`read_input` of ``path``, its warnings given to ``warn`` summarised (see
    :class:`~qapi_ir.diff.read_warnings.ReadWarnings`; each one when ``verbose``)."""
    warnings = ReadWarnings()
    try:
        return read_input(path, docs=docs, legacy_docs=legacy_docs, read=read, warn=warnings)
    finally:
        for line in warnings.said(path, verbose):
            warn(line)
