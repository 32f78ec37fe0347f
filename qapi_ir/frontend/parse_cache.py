"""Reusing what reading a schema file gave last time, when its text is unchanged.

Reading a file yields its own entries, in order: documentation comments,
definitions, include and pragma directives (what an included file yields is
that file's own).  They depend on the file's name and text only, except for
the two objects they share with the includer: the location of the include
directive (the ``parent`` of every location in the file) and the pragmas in
force.  :func:`dump` pickles the entries with those two left out, and
:func:`loads` puts the includer's in their place.  A cache entry is untrusted
(anyone who can write the cache can forge one), so :func:`loads` makes only
the front end's own classes of :data:`_ENTRY_CLASSES`: an entry naming anything
else (``os.system``, say) is unreadable, and nothing it names is called.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable
from typing import Any, Protocol, TypeAlias

from qapi_ir.input_file import imported_class

from .source import QAPISchemaPragma, QAPISourceInfo

#: ``(kind, value, info)``: ``('doc', QAPIDoc, None)``, ``('expr', QAPIExpression, None)``,
#: ``('include', path as written, info)`` or ``('pragma', its object, info)``.
Entry: TypeAlias = tuple[str, Any, QAPISourceInfo | None]


class Writable(Protocol):
    """A binary stream, as far as pickling needs one."""

    def write(self, data: bytes, /) -> object:
        """Write ``data``."""


class ParseCache(Protocol):
    """Where the pickled entries of a file are kept, by name, text and options."""

    def get(self, fname: str, text: str, legacy_docs: bool) -> bytes | memoryview | None:
        """The entries stored for this file, name and options (``None``: none)."""

    def put(self, fname: str, text: str, legacy_docs: bool,
            write: Callable[[Writable], object]) -> None:
        """Store what ``write`` writes to the stream it is given: the pickled entries.

        It need not be called (nothing to store, then)."""


_PARENT, _PRAGMA = "parent", "pragma"


class _Pickler(pickle.Pickler):
    def __init__(self, stream: Writable, parent: QAPISourceInfo | None,
                 pragma: QAPISchemaPragma) -> None:
        super().__init__(stream, protocol=pickle.HIGHEST_PROTOCOL)
        self._parent = parent
        self._pragma = pragma

    def persistent_id(self, obj: Any) -> str | None:
        if obj is self._pragma:
            return _PRAGMA
        if obj is not None and obj is self._parent:
            return _PARENT
        return None


#: The classes an entry holds (their instances are made from their fields, running no code).
_ENTRY_CLASSES = frozenset({
    ("qapi_ir.frontend.doc", "QAPIDoc"),
    ("qapi_ir.frontend.doc", "QAPIDoc.Kind"),
    ("qapi_ir.frontend.doc", "QAPIDoc.Section"),
    ("qapi_ir.frontend.doc", "QAPIDoc.ArgSection"),
    ("qapi_ir.frontend.doc", "Relaxation"),
    ("qapi_ir.frontend.parser", "QAPIExpression"),
    ("qapi_ir.frontend.source", "QAPISourceInfo"),
})


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes | memoryview, parent: QAPISourceInfo | None,
                 pragma: QAPISchemaPragma) -> None:
        super().__init__(io.BytesIO(data))
        self._shared = {_PARENT: parent, _PRAGMA: pragma}

    def persistent_load(self, pid: Any) -> Any:
        return self._shared[pid]

    def find_class(self, module: str, name: str) -> Any:
        cls = imported_class(module, name) if (module, name) in _ENTRY_CLASSES else None
        if cls is None:
            raise pickle.UnpicklingError(f"a parse cache entry names {module}.{name}")
        return cls


def dump(entries: list[Entry], parent: QAPISourceInfo | None, pragma: QAPISchemaPragma,
         stream: Writable) -> None:
    """Pickle ``entries`` to ``stream``, without ``parent`` and ``pragma``."""
    _Pickler(stream, parent, pragma).dump(entries)


def loads(data: bytes | memoryview, parent: QAPISourceInfo | None,
          pragma: QAPISchemaPragma) -> list[Entry] | None:
    """The entries in ``data``, sharing ``parent`` and ``pragma``; ``None`` if unreadable."""
    try:
        entries = _Unpickler(data, parent, pragma).load()
    except Exception:
        return None
    return entries if isinstance(entries, list) else None
