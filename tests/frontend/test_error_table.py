"""Every error message of the front end and of QEMU 10.2's generator has a row in the table.

- each row's schema gives exactly the row's output (``error_table.ROWS``);
- each message template the front end can raise (found by scanning the source
  of ``qapi_ir/frontend`` for its error constructors) matches some row's output,
  of QEMU's rows or of ours (``error_table.OWN_ROWS``: limits QEMU lacks);
- each message of QEMU 10.2's ``scripts/qapi`` (scanned the same way when
  QEMU's source is at hand) has a row, or is listed in ``QEMU_ONLY`` with the reason;
- with QEMU's source, QEMU itself prints each row's expected output.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from qapi_ir.frontend import load_schema
from qapi_ir.frontend.errors import QAPIError
from tests.conftest import QEMU_SOURCE, REPO_ROOT, need
from tests.frontend.error_table import OWN_ROWS, QEMU_ONLY, ROWS, Row

FRONTEND = REPO_ROOT / "qapi_ir" / "frontend"
QEMU_SCRIPTS = QEMU_SOURCE / "scripts"
#: QEMU's front end and its command line, the files whose messages the table covers.
QEMU_FILES = ("parser.py", "expr.py", "schema.py", "source.py", "error.py", "main.py")
#: The constructors of an error, and the position of the message among their arguments.
_CONSTRUCTORS = {"QAPISemError": 1, "QAPIParseError": 1, "QAPISourceError": 1,
                 "QAPIError": 0, "_error": 0}


def _template(node: ast.expr, assignments: list[ast.Assign]) -> str | None:
    """The message ``node`` builds, with ``{}`` for each part computed at run time."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        left = _template(node.left, assignments)
        if isinstance(node.op, ast.Mod):
            return None if left is None else re.sub(r"%[sdr]", "{}", left)
        right = _template(node.right, assignments)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Name):  # the last assignment before the use
        earlier = [a for a in assignments if a.lineno < node.lineno
                   and any(isinstance(t, ast.Name) and t.id == node.id for t in a.targets)]
        return _template(earlier[-1].value, assignments) if earlier else None
    return None


def _need_qemu_scripts() -> None:
    need(QEMU_SCRIPTS.is_dir(), f"QEMU 10.2.2's source not found at {QEMU_SCRIPTS} "
         "(set QEMU_SRC to its tree; .ci/fetch-qemu-source DIR fetches it)")


def message_templates(path: Path) -> Iterator[tuple[int, str | None]]:
    """Each error construction in the Python file ``path``: its line and message template.

    The template is ``None`` when the message is not built in place.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        assignments = [n for n in ast.walk(function) if isinstance(n, ast.Assign)]
        parameters = {arg.arg for arg in function.args.args}
        for call in ast.walk(function):
            if not isinstance(call, ast.Call):
                continue
            func = call.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else None)
            if name not in _CONSTRUCTORS or len(call.args) <= _CONSTRUCTORS[name]:
                continue
            message = call.args[_CONSTRUCTORS[name]]
            if isinstance(message, ast.Name) and message.id in parameters:
                continue  # a wrapper passing its caller's message on: the callers count
            yield call.lineno, _template(message, assignments)


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(".*?".join(re.escape(part) for part in template.split("{}")), re.DOTALL)


def _rows_matching(template: str) -> list[str]:
    pattern = _pattern(template)
    return [row.id for row in (*ROWS, *OWN_ROWS) if pattern.search(row.expected)]


def _write(row: Row, directory: Path) -> None:
    for name, text in row.files.items():
        (directory / name).write_text(text, encoding="utf-8", errors="surrogateescape")


@pytest.mark.parametrize("row", (*ROWS, *OWN_ROWS), ids=[row.id for row in (*ROWS, *OWN_ROWS)])
def test_row_schema_gives_exactly_the_expected_output(
    row: Row, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(row, tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(QAPIError) as exc:
        load_schema("t.json")
    assert str(exc.value) == row.expected
    assert _pattern(row.message).search(row.expected), "the row shows another message"


def test_row_ids_are_unique() -> None:
    assert len({row.id for row in (*ROWS, *OWN_ROWS)}) == len(ROWS) + len(OWN_ROWS)


def test_every_message_the_front_end_can_raise_has_a_row() -> None:
    missing = []
    for path in sorted(FRONTEND.glob("*.py")):
        for line, template in message_templates(path):
            assert template is not None, f"{path.name}:{line}: message is not a literal"
            if not _rows_matching(template):
                missing.append(f"{path.name}:{line}: {template!r}")
    assert missing == []


def test_every_qemu_message_listed_has_a_row_or_a_reason() -> None:
    messages = {row.message for row in ROWS}
    assert not messages & set(QEMU_ONLY)
    for row in ROWS:
        assert _rows_matching(row.message), row.id


def test_the_table_lists_every_message_of_qemu_s_generator() -> None:
    _need_qemu_scripts()
    qemu = set()
    for name in QEMU_FILES:
        for line, template in message_templates(QEMU_SCRIPTS / "qapi" / name):
            assert template is not None, f"{name}:{line}: message not understood"
            qemu.add(template)
    qemu.add("funny character '{}' in argument of --prefix")  # main.py prints it directly
    listed = {row.message for row in ROWS} | set(QEMU_ONLY)
    assert sorted(qemu - listed) == []
    assert sorted(listed - qemu) == []
    assert len(qemu) == 110


_QEMU_DRIVER = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
from qapi.error import QAPIError
from qapi.schema import QAPISchema
results = {}
for directory in sys.argv[2:]:
    os.chdir(directory)
    try:
        QAPISchema('t.json')
        results[directory] = None
    except QAPIError as err:
        results[directory] = str(err)
print(json.dumps(results))
"""


def test_qemu_prints_each_row_s_expected_output(tmp_path: Path) -> None:
    _need_qemu_scripts()
    directories = {}
    for row in ROWS:
        directory = tmp_path / row.id
        directory.mkdir()
        _write(row, directory)
        directories[str(directory)] = row
    result = subprocess.run(
        [sys.executable, "-c", _QEMU_DRIVER, str(QEMU_SCRIPTS), *directories],
        capture_output=True, text=True, check=True)
    printed = json.loads(result.stdout)
    assert {directories[d].id: printed[d] for d in directories} == {
        row.id: row.expected for row in ROWS}
