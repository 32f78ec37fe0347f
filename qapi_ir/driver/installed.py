"""What the installed distributions declare: backend entry points and qapi-build's version.

:mod:`importlib.metadata` costs a run ~14 ms and 2.5 MiB (it imports the
``email`` package and reads every distribution's metadata).  Its answers are
therefore kept in the build cache, under a key made of every ``sys.path``
entry and, in each, the name of every distribution's metadata directory with
the size and modification time of its ``entry_points.txt``: installing,
removing or upgrading a distribution, or editing its entry points, makes
the next run ask :mod:`importlib.metadata` again.  The entry names the modules
a run imports, so it is checked with this user's secret, which the cache does
not hold (:func:`~qapi_ir.driver.hashing.local_secret`): a forged one naming
any module on ``sys.path`` is not used.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Protocol

import attrs

from qapi_ir.driver.hashing import hasher
from qapi_ir.plugin_api import ENTRY_POINT_GROUP


class _Store(Protocol):
    def get_object(self, key: str, secret: bytes = b"") -> Any: ...

    def put_object(self, key: str, value: Any, secret: bytes = b"") -> None: ...


@attrs.frozen
class EntryPointInfo:
    """A backend's entry point: its name, ``module:attribute`` and its distribution."""

    name: str
    value: str
    #: ``NAME VERSION`` of the distribution that declares it (``None``: unknown).
    distribution: str | None


@attrs.frozen
class Installed:
    """The backends' entry points, sorted by name."""

    backends: tuple[EntryPointInfo, ...]


def _metadata_key() -> str:
    """The digest of the sys.path entries and their distributions' metadata files."""
    digester = hasher(b"installed 2")
    for entry in sys.path:
        digester.update(f"\0{entry}".encode())
        try:
            children = os.scandir(entry or ".")
        except OSError:  # a zip file, or nothing
            digester.update(_status(entry).encode())
            continue
        with children:
            names = sorted(c.name for c in children if c.name.endswith((".dist-info", ".egg-info")))
        for name in names:
            points = os.path.join(entry, name, "entry_points.txt")
            digester.update(f"\0{name}:{_status(points)}".encode())
    return digester.hexdigest()


def _status(path: str) -> str:
    try:
        status = os.stat(path)
    except OSError:
        return "-"
    return f"{status.st_size}:{status.st_mtime_ns}"


def _read() -> Installed:
    from importlib.metadata import entry_points

    found = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        dist = point.dist
        where = f"{dist.name} {dist.version}" if dist else None
        found[point.name] = EntryPointInfo(point.name, point.value, where)
    return Installed(tuple(found[name] for name in sorted(found)))


def installed(store: _Store | None, secret: bytes | None) -> Installed:
    """What the distributions declare now: from ``store`` when their metadata is unchanged
    and there is a ``secret`` to check the entry with."""
    if store is None or secret is None:
        return _read()
    key = _metadata_key()
    cached = store.get_object(key, secret)
    if isinstance(cached, Installed):
        return cached
    result = _read()
    store.put_object(key, result, secret)
    return result
