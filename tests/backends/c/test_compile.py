"""Every C file the C backend writes compiles cleanly with gcc.

Each case generates C through the command line into a directory laid out like QEMU's
build tree (``<root>/qapi/``), then runs ``gcc -fsyntax-only -Wall -Werror`` on every
``.c`` file, once with no ``-D`` and once with every symbol the generated ``#if``
conditions test, so both sides of the conditional code are compiled.

The QEMU runtime the generated code includes is stood in for by the declarations in
``runtime/``.  Two pieces come from elsewhere, as in a QEMU build: the built-in types'
header (``qapi/qapi-builtin-types.h``) is the backend's own ``-b`` output, and each
``trace/trace-*.h`` is written here from the generated ``.trace-events`` file, the job
QEMU's tracetool does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from qapi_backends.c import CBackend
from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import OptionValue, Output
from tests.conftest import CORPUS_DIR, REPO_ROOT, need

RUNTIME = Path(__file__).resolve().parent / "runtime"
GCC = shutil.which("gcc")
QAPI_BUILD = Path(sys.executable).parent / "qapi-build"
GCC_FLAGS = ("-std=gnu11", "-fsyntax-only", "-Wall", "-Werror")
QAPI_SCHEMAS = CORPUS_DIR / "qemu-10.2" / "codegen" / "schemas" / "tests" / "qapi-schema"
QEMU_7_2_SCHEMA = CORPUS_DIR / "history" / "qemu-7.2" / "qapi" / "qapi-schema.json"


ALL = ("*",)  # stands for every symbol the generated #if conditions test


@dataclass(frozen=True)
class Case:
    """One schema generated with one set of command-line options.

    ``define_sets`` names the ``-D`` sets each file is compiled with.  ``broken_without``
    lists, per define set, the files expected not to compile with it, why, and the gcc
    errors expected (each message without its place): any other error fails the test.
    """

    name: str
    schema: Path
    args: tuple[str, ...]
    in_corpus: bool = False
    define_sets: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("no-defines", ()),
        ("all-defines", ALL),
    )
    broken_without: tuple[tuple[str, frozenset[str], str, frozenset[str]], ...] = ()

    @property
    def builtins(self) -> bool:
        return "-b" in self.args


#: gcc's errors where doc-good.json's Base and Enum are left out by their conditions
_UNDEFINED_BASE_AND_ENUM = frozenset({
    "unknown type name 'Enum'", "unknown type name 'Base'",
    "'Base' undeclared (first use in this function)", "expected expression before ')' token"})

EXAMPLE = REPO_ROOT / "examples" / "service.json"
# x-run-sandboxed is 'if': { 'all': [ 'CONFIG_SANDBOX', { 'not': 'CONFIG_NO_SHELL' } ] }
EXAMPLE_DEFINES = (("no-defines", ()), ("all-defines", ALL), ("sandbox", ("CONFIG_SANDBOX",)))

CASES = (
    Case("example", EXAMPLE, ("-p", "example-"), define_sets=EXAMPLE_DEFINES),
    Case("example-builtins", EXAMPLE, ("-b", "-p", "example-"), define_sets=EXAMPLE_DEFINES),
    Case(
        "example-untraced",
        EXAMPLE,
        ("-p", "example-", "--suppress-tracing"),
        define_sets=EXAMPLE_DEFINES,
    ),
    Case(
        "test",
        QAPI_SCHEMAS / "qapi-schema-test.json",
        ("-b", "-p", "test-", "--suppress-tracing"),
        in_corpus=True,
    ),
    # the same schema traced: a sub-module's trace header sits beside a .c in include/
    Case(
        "test-traced", QAPI_SCHEMAS / "qapi-schema-test.json", ("-b", "-p", "test-"), in_corpus=True
    ),
    Case(
        "doc-good",
        QAPI_SCHEMAS / "doc-good.json",
        ("-p", "doc-good-"),
        in_corpus=True,
        define_sets=(
            ("no-defines", ()),
            ("all-defines", ALL),
            # leaves IFONE and IFTWO out, so Alternate ('not': 'any' of them) is compiled
            ("no-IFONE-IFTWO", ("IFCOND", "IFALL1", "IFALL2", "IFSTR")),
        ),
        broken_without=(
            (
                "no-defines",
                frozenset(
                    f"doc-good-qapi-{kind}.c"
                    for kind in ("types", "commands", "events", "init-commands")
                ),
                "doc-good.json is a documentation test: its unconditional union Object "
                "uses Base ('if' IFALL1 and IFALL2) and Enum ('if' IFCOND); QEMU's own "
                "output fails the same way",
                _UNDEFINED_BASE_AND_ENUM,
            ),
            (
                "no-defines",
                frozenset({"doc-good-qapi-visit.c"}),
                "as above, and the visitor of Object's members calls Base's and names "
                "ENUM_ONE",
                _UNDEFINED_BASE_AND_ENUM | {
                    "implicit declaration of function 'visit_type_Base_members';"
                    " did you mean 'visit_type_Object_members'?",
                    "'ENUM_ONE' undeclared (first use in this function)"},
            ),
            (
                "no-IFONE-IFTWO",
                frozenset({"doc-good-qapi-visit.c"}),
                "doc-good.json: Object's branch 'one' is unconditional but the enum "
                "member 'one' is 'if' IFONE, so ENUM_ONE is undefined; QEMU's own output "
                "fails the same way",
                frozenset({"'ENUM_ONE' undeclared (first use in this function)"}),
            ),
            (
                "no-IFONE-IFTWO",
                frozenset({"doc-good-qapi-types.c"}),
                "generator bug copied from QEMU 10.2: the .features table of Enum_lookup "
                "names ENUM_ONE outside the #if defined(IFONE) that guards the member",
                frozenset({"'ENUM_ONE' undeclared here (not in a function)",
                           "array index in initializer not of integer type"}),
            ),
        ),
    ),
    # an older release's schema, read under its doc comment rules (156 files: one define set)
    Case(
        "qemu-7.2",
        QEMU_7_2_SCHEMA,
        ("-p", "", "--legacy-docs"),
        in_corpus=True,
        define_sets=(("all-defines", ALL),),
    ),
)

# The parameter standing for a case whose schema is missing, so the case still shows
# up (skipped) instead of vanishing from the run.
UNAVAILABLE = "<schema not available>"


def _option_values(case: Case) -> dict[str, OptionValue]:
    """The C backend's options for ``case.args`` (-p, -b and --suppress-tracing; others
    are the front end's)."""
    values: dict[str, OptionValue] = {option.name: option.default for option in CBackend.options}
    args = list(case.args)
    if "-p" in args:
        values["prefix"] = args[args.index("-p") + 1]
    values["builtins"] = "-b" in args
    values["suppress_tracing"] = "--suppress-tracing" in args
    return values


def _c_files(case: Case) -> list[str]:
    """The .c files the backend writes for ``case``, found without touching the disk."""
    if not case.schema.is_file():
        return [UNAVAILABLE]
    output = Output()
    schema = load_schema(str(case.schema), legacy_docs="--legacy-docs" in case.args,
                         warn=lambda line: None)
    CBackend().generate(schema, output, _option_values(case))
    return sorted(path for path in output.files if path.endswith(".c"))


def _params() -> Iterator[object]:
    for case in CASES:
        files = _c_files(case)
        for defines, _symbols in case.define_sets:
            for c_file in files:
                expected = frozenset().union(*(
                    errors for broken_set, broken_files, _reason, errors in case.broken_without
                    if broken_set == defines and c_file in broken_files))
                yield pytest.param(case, defines, c_file, expected,
                                   id=f"{case.name}-{defines}-{c_file}")


def _run_generator(case: Case, outdir: Path, *extra: str) -> None:
    command = [str(QAPI_BUILD), "--no-cache", "--backend", "c"]
    command += ["-o", str(outdir), *case.args, *extra, str(case.schema)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stderr}"


TRACE_EVENT = re.compile(r"^(?P<name>\w+)\((?P<params>[^)]*)\)\s+(?P<format>\".*\")\s*$")


def trace_header(trace_events: str) -> str:
    """The C header declaring the trace points of a ``.trace-events`` file.

    Each event becomes an id for ``trace_event_get_state_backends()`` and a
    ``trace_<name>()`` function that hands its arguments to a printf-like sink, so gcc's
    format check compares each event's format string with its parameters.
    """
    ids: list[str] = []
    functions: list[str] = []
    for line in trace_events.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        match = TRACE_EVENT.match(line)
        assert match, f"unexpected trace-events line: {line!r}"
        name, params = match["name"], match["params"].strip() or "void"
        arguments = "".join(
            f", {param.split()[-1].lstrip('*')}" for param in params.split(",") if param != "void"
        )
        ids.append(f"    TRACE_{name.upper()},")
        functions.append(
            f"static inline void trace_{name}({params})\n"
            f"{{\n    trace_log({match['format']}{arguments});\n}}\n"
        )
    enum = ["enum {", *ids, "};", ""] if ids else []  # an enum may not be empty
    return "\n".join(['#include "trace/control.h"', "", *enum, *functions])


def _trace_header_name(trace_events: Path) -> str:
    return "trace-" + re.sub(r"\W", "_", trace_events.name) + ".h"


@dataclass(frozen=True)
class Build:
    """Where one case's generated C lies and the include path that compiles it."""

    sources: Path
    includes: tuple[Path, ...]
    defines: tuple[str, ...]


class Builds:
    """Generated trees, each built on first use and shared by every file of its case."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self._tmp_path_factory = tmp_path_factory
        self._built: dict[str, Build] = {}

    def get(self, case: Case) -> Build:
        if case.name not in self._built:
            self._built[case.name] = self._build(case)
        return self._built[case.name]

    def _build(self, case: Case) -> Build:
        root = self._tmp_path_factory.mktemp(case.name)
        sources = root / "qapi"
        _run_generator(case, sources)
        includes = [RUNTIME, root]
        if not case.builtins:
            # without -b the built-in types come from QEMU's own qapi/ directory; here,
            # from the same schema generated with -b
            builtin_root = self._tmp_path_factory.mktemp(f"{case.name}-builtins")
            _run_generator(case, builtin_root / "qapi", "-b")
            includes.append(builtin_root)
        (root / "trace").mkdir()
        for trace_events in sources.rglob("*.trace-events"):
            header = root / "trace" / _trace_header_name(trace_events)
            header.write_text(trace_header(trace_events.read_text()))
        generated = "".join(path.read_text() for path in sources.rglob("*.[ch]"))
        symbols = sorted(set(re.findall(r"\bdefined\((\w+)\)", generated)))
        return Build(sources, (*includes, sources), tuple(symbols))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(tmp_path_factory)


#: gcc's error lines: the message after the place
_GCC_ERROR = re.compile(r"^[^:\n]+:\d+:\d+: error: (.*?)(?: \[-W[\w=-]+\])?$", re.MULTILINE)


@pytest.mark.parametrize(("case", "defines", "c_file", "expected_errors"), list(_params()))
def test_generated_c_compiles_without_warnings(
    case: Case,
    defines: str,
    c_file: str,
    expected_errors: frozenset[str],
    builds: Builds,
    request: pytest.FixtureRequest,
) -> None:
    """Each file compiles; the few known not to (``broken_without``) fail with exactly the
    errors listed for them."""
    if case.in_corpus:
        request.getfixturevalue("corpus_dir")  # skips, or fails, without the corpus
    need(case.schema.is_file(), f"schema not found: {case.schema}")
    need(GCC is not None, "gcc not found on PATH")
    assert GCC is not None
    build = builds.get(case)
    source = build.sources / c_file
    assert source.is_file(), f"the command line did not write {c_file}"
    command = [GCC, *GCC_FLAGS]
    command += [f"-I{directory}" for directory in build.includes]
    symbols = dict(case.define_sets)[defines]
    command += [f"-D{symbol}" for symbol in (build.defines if symbols == ALL else symbols)]
    command.append(str(source))
    result = subprocess.run(command, capture_output=True, text=True,
                            env={**os.environ, "LC_ALL": "C"})  # gcc's quotes in ASCII
    if expected_errors:
        assert result.returncode != 0, f"{c_file} ({defines}) compiles: update broken_without"
        assert set(_GCC_ERROR.findall(result.stderr)) == expected_errors, result.stderr
    else:
        assert result.returncode == 0, f"{c_file} ({defines}) does not compile:\n{result.stderr}"


def test_trace_header_declares_an_id_and_a_checked_function_per_event() -> None:
    header = trace_header(
        '# comment\n\nqmp_exit_ping(const char *result, bool succeeded) "%s %d"\n'
    )
    assert "    TRACE_QMP_EXIT_PING," in header
    assert "static inline void trace_qmp_exit_ping(const char *result, bool succeeded)" in header
    assert 'trace_log("%s %d", result, succeeded);' in header


def test_trace_header_handles_an_event_without_arguments() -> None:
    header = trace_header('started(void) "go"\n')
    assert "static inline void trace_started(void)" in header
    assert 'trace_log("go");' in header


def test_trace_header_of_no_events_has_no_empty_enum() -> None:
    assert "enum" not in trace_header("# Generated\n\n")


def test_trace_header_is_named_as_the_generated_code_includes_it() -> None:
    assert (
        _trace_header_name(Path("include/test-qapi-commands-sub-module.trace-events"))
        == "trace-test_qapi_commands_sub_module_trace_events.h"
    )
