"""``history`` over QEMU 7.2, 10.0 and 10.2 held against QEMU's own record of its API.

QEMU 10.2.2's ``docs/about/removed-features.rst`` and ``deprecated.rst`` list
what went and what is deprecated, each entry titled with the names it concerns
and the release ("``migrate`` command option ``blk`` (removed in 9.1)",
"``query-migrationthreads`` (since 9.2)").  Each entry whose title names a QMP
command, event, member or enumeration value, removed or deprecated after 7.2
and by 10.2, that the schemas can show (read here from the IR, independently
of the diff) must be reported by ``history`` in the first release given from
the one the record names.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from qapi_ir import ir
from qapi_ir.diff.from_ir import from_ir
from qapi_ir.diff.lifecycle import DEPRECATED, REMOVED, Lifecycle, Thing, lifecycle
from qapi_ir.diff.release_order import version_key
from qapi_ir.frontend import load_schema
from tests.conftest import QEMU_SOURCE, need

LABELS = ("7.2", "10.0", "10.2")
_TITLE = re.compile(r"(?P<title>.*\S)\s+\((?P<word>removed in|since) (?P<version>\d+\.\d+)\)")
_NAME = re.compile(r"``([^`]+)``")


@attrs.frozen
class Entry:
    """An entry of QEMU's record: the names its title gives, what happened and when."""

    names: tuple[str, ...]
    event: str
    version: str
    title: str


def record_entries(text: str) -> Iterator[Entry]:
    """The entries of a record file titled ``... (removed in X.Y)`` or ``(since X.Y)``."""
    lines = text.splitlines()
    for title, underline in itertools.pairwise(lines):
        found = _TITLE.fullmatch(title)
        if found is None or not re.fullmatch(r"'{3,}", underline):
            continue
        event = REMOVED if found["word"] == "removed in" else DEPRECATED
        yield Entry(tuple(_NAME.findall(found["title"])), event, found["version"], title)


def _reachable(schema: ir.Schema, roots: list[str]) -> dict[str, bool]:
    """Member and enumeration value names reachable from types ``roots``: deprecated or not."""
    names: dict[str, bool] = {}
    queue, seen = list(roots), set()
    while queue:
        typ = schema.lookup_type(queue.pop())
        if typ is None or typ.name in seen:
            continue
        seen.add(typ.name)
        if isinstance(typ, ir.EnumType):
            items: list[ir.EnumValue | ir.Member] = list(typ.values)
        elif isinstance(typ, ir.ObjectType):
            items = list(schema.all_members(typ))
            queue += [b.type for b in typ.variants.branches] if typ.variants else []
        elif isinstance(typ, ir.ArrayType):
            queue.append(typ.element_type)
            continue
        elif isinstance(typ, ir.AlternateType):
            queue += [b.type for b in typ.branches]
            continue
        else:
            continue
        for item in items:
            names[item.name] = names.get(item.name, False) or any(
                f.name == "deprecated" for f in item.features)
            if isinstance(item, ir.Member):
                queue.append(item.type)
    return names


class Schemas:
    """The three releases' IR, and what each shows of a record entry's names."""

    def __init__(self, paths: list[Path]) -> None:
        self.irs = [load_schema(str(path), legacy_docs=True, warn=lambda _: None)
                    for path in paths]

    def owner(self, names: tuple[str, ...]) -> str | None:
        """The command or event an entry names (QEMU's record misspells a few)."""
        known = sorted({d.name for schema in self.irs for d in schema.definitions()
                        if isinstance(d, ir.Command | ir.Event)})
        for name in names:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.9)
            if close:
                return close[0]
        return None

    def reachable(self, index: int, owner: str | None) -> dict[str, bool]:
        """Names reachable from ``owner`` (``None``: from any command or event) in release
        ``index``."""
        schema = self.irs[index]
        roots = [d for d in schema.definitions() if isinstance(d, ir.Command | ir.Event)
                 and (owner is None or d.name == owner)]
        return _reachable(schema, [t for d in roots for t in _types(d)])

    def present(self, index: int, name: str) -> ir.Definition | None:
        return self.irs[index].lookup(name)


def _types(definition: ir.Command | ir.Event) -> list[str]:
    if isinstance(definition, ir.Command):
        return [t for t in (definition.arg_type, definition.ret_type) if t]
    return [definition.arg_type] if definition.arg_type else []


def _deprecated(definition: ir.Definition | None) -> bool:
    return definition is not None and any(f.name == "deprecated" for f in definition.features)


@attrs.frozen
class Expected:
    """What ``history`` must report for an entry: a step of a thing, in a release."""

    entry: Entry
    owner: str | None
    member: str | None
    release: str


def _showable(entry: Entry, schemas: Schemas) -> Expected | None:
    """What the three schemas can show of ``entry``, if anything."""
    after = [label for label in LABELS[1:]
             if version_key(label) >= version_key(entry.version)]
    if version_key(entry.version) <= version_key(LABELS[0]) or not after:
        return None
    owner = schemas.owner(entry.names)
    members = [name.rpartition(".")[2] for name in entry.names
               if owner is None or difflib.get_close_matches(name, [owner], cutoff=0.9) == []]
    first, last = schemas.reachable(0, owner), schemas.reachable(2, owner)
    for member in members:
        if entry.event == REMOVED and member in first and member not in last:
            return Expected(entry, owner, member, after[0])
        if entry.event == DEPRECATED and last.get(member) and not first.get(member):
            return Expected(entry, owner, member, after[0])
    if owner is not None and not members:
        if entry.event == REMOVED and schemas.present(2, owner) is None:
            return Expected(entry, owner, None, after[0])
        if entry.event == DEPRECATED and _deprecated(schemas.present(2, owner)) \
                and not _deprecated(schemas.present(0, owner)):
            return Expected(entry, owner, None, after[0])
    return None


def _matches(thing: Thing, expected: Expected) -> bool:
    if expected.member is None:
        return thing.group == expected.owner and thing.path == ""
    last = re.split(r"[.{}]+", thing.path.strip("{}"))[-1] if thing.path else ""
    users = {use.split()[1] for use in thing.used_by}
    return last == expected.member and (
        expected.owner is None or thing.group == expected.owner or expected.owner in users)


def _reported(history: Lifecycle, expected: Expected) -> bool:
    event = expected.entry.event
    return any(_matches(thing, expected) and step.event == event
               and step.release == expected.release
               for thing in history.things for step in thing.steps)


@pytest.fixture(scope="module")
def record() -> list[Entry]:
    about = QEMU_SOURCE / "docs" / "about"
    need((about / "removed-features.rst").is_file(),
         f"QEMU's docs/about not found under {QEMU_SOURCE} (set QEMU_SRC; "
         ".ci/fetch-qemu-source unpacks it)")
    return [entry for name in ("removed-features.rst", "deprecated.rst")
            for entry in record_entries((about / name).read_text(encoding="utf-8"))]


def test_history_reports_every_removal_and_deprecation_in_qemus_record_the_schemas_show(
    corpus_dir: Path, record: list[Entry]
) -> None:
    paths = [corpus_dir / "history" / "qemu-7.2" / "qapi" / "qapi-schema.json",
             corpus_dir / "history" / "qemu-10.0" / "qapi" / "qapi-schema.json",
             corpus_dir / "qemu-10.2" / "codegen" / "schemas" / "qapi" / "qapi-schema.json"]
    schemas = Schemas(paths)
    history = lifecycle([(label, from_ir(schema, docs=False))
                         for label, schema in zip(LABELS, schemas.irs, strict=True)])
    expected = [e for e in (_showable(entry, schemas) for entry in record) if e is not None]
    titles = {e.entry.title for e in expected}
    assert len(expected) >= 15, sorted(titles)
    assert "``query-migrate`` return value member ``skipped`` (removed in 9.1)" in titles
    assert "``query-migrationthreads`` (since 9.2)" in titles
    missing = [e.entry.title for e in expected if not _reported(history, e)]
    assert missing == []
