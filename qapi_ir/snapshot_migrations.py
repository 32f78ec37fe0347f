"""Snapshots of older format versions, migrated one version step at a time.

Snapshots outlive releases: a user keeps one to diff against later, so this
qapi-build reads every format version an older one wrote.  A step from
version N to N + 1 is either additive (every version-N document is a
version-N + 1 document, recorded in :data:`ADDITIVE_STEPS` by ``python -m
qapi_ir.regenerate --update``) or a function in :data:`MIGRATIONS` that
rewrites the ``schema`` value of a version-N document, as plain JSON.

Migrations see untrusted input: what they do not recognise they leave as it
is, for the structuring and the invariant checks to refuse with their own
messages; what they would have to change but cannot, they refuse with a path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from qapi_ir.snapshot_versions import ADDITIVE_STEPS, FORMAT_VERSION


class MigrationError(Exception):
    """A document of an older version that cannot be migrated; the message has the path."""


Migration = Callable[[Any], Any]


def _entities(schema: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, entity) for each entity object of a ``schema`` value that has them."""
    entities = schema.get("entities") if isinstance(schema, dict) else None
    if isinstance(entities, list):
        for index, entity in enumerate(entities):
            if isinstance(entity, dict):
                yield f"$.schema.entities[{index}]", entity


#: Version 1's flag fields of commands and events (field, version 2's name,
#: default), in the order of version 2's flag table.
_V1_FLAG_FIELDS = (
    ("gen", "gen", True),
    ("success_response", "success-response", True),
    ("boxed", "boxed", False),
    ("allow_oob", "allow-oob", False),
    ("allow_preconfig", "allow-preconfig", False),
    ("coroutine", "coroutine", False),
)
_V1_EVENT_FLAG_FIELDS = ("boxed",)


def flags_as_names(schema: Any) -> Any:
    """A boolean field per flag became `flags`, the names of the true flags."""
    for where, entity in _entities(schema):
        kind = entity.get("kind")
        if kind not in ("command", "event") or "flags" in entity:
            continue
        names: list[str] = []
        defaults: list[str] = []
        for field, name, default in _V1_FLAG_FIELDS:
            if kind == "event" and field not in _V1_EVENT_FLAG_FIELDS:
                continue
            value = entity.pop(field, default)
            if type(value) is not bool:
                raise MigrationError(f"{where}.{field}: expected bool")
            names += [name] if value else []
            defaults += [name] if default else []
        if names != defaults:
            entity["flags"] = names
    return schema


#: The step from each version N that is not additive, by N.
MIGRATIONS: dict[int, Migration] = {1: flags_as_names}


def migrate(schema: Any, version: int) -> Any:
    """The ``schema`` value of a version-``version`` document, as the current version has it."""
    for step in range(version, FORMAT_VERSION):
        if step in MIGRATIONS:
            schema = MIGRATIONS[step](schema)
        elif step not in ADDITIVE_STEPS:
            raise MigrationError(f"no migration from format version {step} to {step + 1}")
    return schema
