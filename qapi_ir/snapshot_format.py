"""The snapshot format's files, derived from the IR: what ``python -m qapi_ir.regenerate``
writes for it.

From the attrs classes of :mod:`qapi_ir.ir` and the flag table come the
published JSON Schema (``schema/ir.schema.json``), the shape recorded for each
format version (``schema/ir-format-versions.json``) and
:mod:`qapi_ir.snapshot_versions`.  When the shape changed, a format version is
added, and the step recorded as additive when the new JSON Schema accepts
every document the old one did; otherwise a migration function must be written.
"""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import attrs

from qapi_ir import ir_jsonschema, snapshot_migrations

#: Where the files the format derives are, relative to a checkout.
PUBLISHED_SCHEMA = Path("schema") / "ir.schema.json"
VERSION_SHAPES = Path("schema") / "ir-format-versions.json"
VERSIONS_MODULE = Path("qapi_ir") / "snapshot_versions.py"

_VERSIONS_TEXT = '''\
"""The versions of the IR snapshot format.

Written by ``{command}`` whenever the shape of
the IR changes; never edited by hand.
"""

#: The format version this qapi-build writes.
FORMAT_VERSION = {version}

#: The versions N whose documents are also documents of version N + 1 (the
#: step only widened the format), so they read without a migration function.
ADDITIVE_STEPS: tuple[int, ...] = {additive}
'''

_ANNOTATIONS = frozenset({"description", "title", "$schema"})


class _Widening:
    """Whether a JSON Schema (as :mod:`qapi_ir.ir_jsonschema` makes them) accepts every
    value an older one accepts.  Understands exactly the keywords that module writes."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old_defs: dict[str, Any] = old.get("$defs", {})
        self.new_defs: dict[str, Any] = new.get("$defs", {})
        self.assumed: set[tuple[str, str]] = set()

    def accepts(self, old: Any, new: Any) -> bool:
        """Whether every value valid under ``old`` is valid under ``new``."""
        if "$ref" in old or "$ref" in new:
            return self._refs(old, new)
        if "anyOf" in old or "oneOf" in old:
            return all(self.accepts(part, new) for part in old.get("anyOf", old.get("oneOf")))
        if "anyOf" in new or "oneOf" in new:
            # oneOf: the parts a derived schema unites never overlap (distinct kinds)
            return any(self.accepts(old, part) for part in new.get("anyOf", new.get("oneOf")))
        if "enum" in old and "enum" in new:
            return set(old["enum"]) <= set(new["enum"])
        if old.get("type") == "object" and new.get("type") == "object":
            return self._objects(old, new)
        if old.get("type") == "array" and new.get("type") == "array":
            return (new.get("uniqueItems", False) <= old.get("uniqueItems", False)
                    and old.get("default", new.get("default")) == new.get("default")
                    and self.accepts(old.get("items", {}), new.get("items", {})))
        strip = {key: value for key, value in old.items() if key not in _ANNOTATIONS}
        return strip == {key: value for key, value in new.items() if key not in _ANNOTATIONS}

    def _refs(self, old: dict[str, Any], new: dict[str, Any]) -> bool:
        """Follow references; a pair of definitions met again is assumed to accept
        (the schema is recursive), as is proven or disproven where first met."""
        if "$ref" not in new:
            return self.accepts(self.old_defs[_name(old)], new)
        if "$ref" not in old:
            return self.accepts(old, self.new_defs[_name(new)])
        pair = (_name(old), _name(new))
        if pair in self.assumed:
            return True
        self.assumed.add(pair)
        return self.accepts(self.old_defs[pair[0]], self.new_defs[pair[1]])

    def _objects(self, old: dict[str, Any], new: dict[str, Any]) -> bool:
        old_properties, new_properties = old["properties"], new["properties"]
        return (set(new["required"]) <= set(old["required"])
                and all(name in new_properties and self.accepts(value, new_properties[name])
                        for name, value in old_properties.items()))


def _name(reference: dict[str, Any]) -> str:
    return str(reference["$ref"]).rpartition("/")[2]


def accepts_older(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether snapshot JSON Schema ``new`` accepts every document ``old`` accepts (its
    format version aside): the step from ``old`` to ``new`` is additive."""
    return _Widening(old, new).accepts(old["properties"]["schema"], new["properties"]["schema"])


@attrs.frozen
class FormatState:
    """What the format's files must say: the current version, the additive steps, the
    text of each file, and what still needs a person (a migration to write), if anything."""

    version: int
    additive: tuple[int, ...]
    files: dict[Path, str]
    to_do: str | None


def format_files(root: Path, command: str) -> FormatState:
    """The state of the format's files in the checkout at ``root`` once in step with the IR
    (``command`` is named in the generated module)."""
    shapes: dict[str, str] = json.loads((root / VERSION_SHAPES).read_text())
    version = max(int(key) for key in shapes)
    additive = list(runpy.run_path(str(root / VERSIONS_MODULE))["ADDITIVE_STEPS"])
    shape = ir_jsonschema.shape_digest(ir_jsonschema.snapshot_json_schema(version))
    if shapes[str(version)] != shape:
        previous = json.loads((root / PUBLISHED_SCHEMA).read_text())
        version += 1
        shapes[str(version)] = shape
        if accepts_older(previous, ir_jsonschema.snapshot_json_schema(version)):
            additive.append(version - 1)
    to_do = None
    step = version - 1
    if step >= 1 and step not in additive and step not in snapshot_migrations.MIGRATIONS:
        to_do = (f"format version {version} does not read version {step}'s documents as"
                 f" they are: add a function for step {step} to MIGRATIONS in"
                 " qapi_ir/snapshot_migrations.py")
    files = {
        root / PUBLISHED_SCHEMA: ir_jsonschema.render(version),
        root / VERSION_SHAPES: json.dumps(shapes, indent=2) + "\n",
        root / VERSIONS_MODULE: _VERSIONS_TEXT.format(
            command=command, version=version, additive=repr(tuple(additive))),
    }
    return FormatState(version, tuple(additive), files, to_do)


def version_table(state: FormatState) -> str:
    """The format versions as a Markdown table: how each reads the one before."""
    rows = ["| Version | Documents of the version before |", "|---|---|",
            "| 1 | (the first format) |"]
    for version in range(2, state.version + 1):
        migration = snapshot_migrations.MIGRATIONS.get(version - 1)
        if migration is not None:
            how = f"migrated by `{migration.__name__}`: {_first_line(migration.__doc__)}"
        elif version - 1 in state.additive:
            how = "read as they are (additive)"
        else:
            how = "not read: a migration is missing"
        rows.append(f"| {version} | {how} |")
    return "\n".join(rows) + "\n"


def _first_line(doc: str | None) -> str:
    return next(iter((doc or "").strip().splitlines()), "")
