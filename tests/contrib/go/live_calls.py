"""Go live tests that call every command callable without arguments of a generated package.

The package is generated from one of the corpus's schemas; a table of the
commands to call (``live_table_test.go``, written from the backend's own
models) and the hand-written tests are copied in, and the test binary is
built once.  It prints one ``LIVE-REPORT`` line: each command's outcome.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from qapi_build_go.package import PackageWriter
from qapi_build_go.protocol import protocol_for
from qapi_ir.backend_helpers import CompatNotes
from qapi_ir.frontend import load_schema
from qapi_ir.ir import Command, Schema
from qapi_ir.templating import Renderer
from tests.backends.python.live_programs import Release, running, work_directory
from tests.conftest import CORPUS_DIR, need
from tests.contrib.go.conftest import GO_TESTS, find_go_tools, generate

#: Upper bound for one run of a live test binary.
RUN_SECONDS = 300
#: The releases whose schemas the live packages stay compatible with (``go.compat``).
HISTORY_RELEASES = ("7.2", "10.0")


def without_arguments(schema: Schema) -> set[str]:
    """The commands of ``schema`` callable without arguments (none, or all optional)."""
    callable_bare = set()
    for command in schema.definitions():
        if not isinstance(command, Command):
            continue
        members = (
            schema.all_members(schema.object_type(command.arg_type)) if command.arg_type else ()
        )
        if all(member.optional for member in members):
            callable_bare.add(command.name)
    return callable_bare


def command_table(schema: Schema, package: str, wanted: Callable[[str], bool]) -> str:
    """Go source of ``liveCommands``: each command with a result, callable without
    arguments, whose name ``wanted`` accepts, with its typed method."""
    writer = PackageWriter(
        schema, package, "", CompatNotes.from_option(None), Renderer(), protocol_for(schema, "")
    )
    bare = without_arguments(schema)
    rows = []
    for command in writer.commands:
        name = json.loads(command.literal)
        if not command.result or name not in bare or not wanted(name):
            continue
        args = f", {command.args}{{}}" if command.args else ""
        call = f"_, err := c.{command.method}(ctx{args}); return err"
        rows.append(
            f"\t{{{command.literal}, decodeAs[{command.result}], "
            f"func(ctx context.Context, c *Client) error {{ {call} }}}},\n"
        )
    return (f"package {package}\n\nimport \"context\"\n\n"
            f"var liveCommands = []liveCommand{{\n{''.join(rows)}}}\n")


def build_live_test(
    go_cache: Path, directory: Path, schema: Path, package: str,
    tests: tuple[str, ...], wanted: Callable[[str], bool], histories: Path,
) -> tuple[Path, int]:
    """Generate the package of the corpus's ``schema`` below ``directory``, with
    ``go.compat`` for 7.2 and 10.0 (``histories``: the schema's path in each release's
    history directory), copy ``tests`` in, build the test binary; it and the table's
    size.  Skips without Go or the corpus."""
    go_tools = find_go_tools(go_cache)
    need((CORPUS_DIR / "run").is_file(), f"conformance corpus not found at {CORPUS_DIR}")
    schema_path = CORPUS_DIR / schema
    releases = tuple(
        f"{label}={CORPUS_DIR / 'history' / f'qemu-{label}' / histories}"
        for label in HISTORY_RELEASES
    )
    target = generate(schema_path, directory, package, releases)
    table = command_table(load_schema(str(schema_path)), package, wanted)
    (target / "live_table_test.go").write_text(table)
    for test in ("live_calls_test.go", "same_json_test.go", *tests):
        text = (GO_TESTS / test).read_text()
        (target / test).write_text(text.replace("package qmp\n", f"package {package}\n", 1))
    binary = directory / f"{package}.test"
    built = go_tools.run(target, "test", "-c", "-o", str(binary))
    assert built.returncode == 0, built.stdout + built.stderr
    return binary, table.count("decodeAs[")


def run_against(
    release: Release, program: Callable[[Path], list[str]], binary: Path, name: str,
    env: Callable[[Path], Mapping[str, str]],
) -> dict[str, Any]:
    """Start ``program(directory)`` of ``release`` unprivileged in a fresh directory, run
    test ``name`` of ``binary`` with ``env(directory)`` added; the report it printed."""
    with work_directory(release) as directory:
        command = program(directory)
        with running(release, command, directory / f"{Path(command[0]).name}.log"):
            return _run_live_test(binary, name, env(directory))


def _run_live_test(binary: Path, name: str, env: Mapping[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        [str(binary), "-test.v", "-test.run", f"^{name}$"],
        cwd=binary.parent, env={**os.environ, **env},
        capture_output=True, text=True, timeout=RUN_SECONDS, check=False,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    line = next(
        (line for line in result.stdout.splitlines() if line.startswith("LIVE-REPORT ")), None
    )
    assert line is not None, result.stdout[-3000:]
    report: dict[str, Any] = json.loads(line.removeprefix("LIVE-REPORT "))
    return report


def figures(report: Mapping[str, Any]) -> str:
    """The report's counts, for the test's output."""
    kinds = ("exact", "mismatch", "errors", "skipped")
    return ", ".join(f"{kind} {len(report.get(kind) or ())}" for kind in kinds)

