"""Running a diff on schema texts written by the tests."""

from __future__ import annotations

import json
from pathlib import Path

from qapi_ir.diff.changes import Change
from qapi_ir.diff.compare import compare
from qapi_ir.diff.inputs import read_input
from qapi_ir.diff.policy import judge
from qapi_ir.diff.settings import Settings


def write(directory: Path, name: str, text: str) -> Path:
    """Write ``text`` to ``directory/name`` and return the path."""
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def hostile_reply(directory: Path, names: list[str]) -> Path:
    """A saved ``query-qmp-schema`` reply with a command called each of ``names``."""
    reply = [{"name": "0", "meta-type": "object", "members": []}]
    reply += [{"name": name, "meta-type": "command", "arg-type": "0", "ret-type": "0"}
              for name in names]
    return write(directory, f"reply{len(names)}.json", json.dumps({"return": reply}))


def diff_texts(directory: Path, old: str, new: str, *, docs: bool = False,
               settings: Settings | None = None) -> list[Change]:
    """The changes from schema text ``old`` to schema text ``new``, judged by ``settings``."""
    old_path = write(directory, "old.json", old)
    new_path = write(directory, "new.json", new)
    result = compare(read_input(str(old_path), docs=docs), read_input(str(new_path), docs=docs),
                     docs=docs)
    return [judge(change, settings or Settings()) for change in result.changes]


def summarise(changes: list[Change]) -> list[tuple[str, str, str, str]]:
    """(group, path, rule, class) of each change."""
    return [(f"{c.group.kind} {c.group.name}", c.path, c.rule.id, str(c.severity))
            for c in changes]
