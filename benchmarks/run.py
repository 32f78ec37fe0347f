"""Time qapi-build's scenarios beside QEMU's own generator, in fresh processes.

Each scenario alternates with a run of QEMU 10.2's ``qapi-gen.py`` on the same
schema (see :mod:`qemu_reference` for where it is found), and is printed in
seconds (median and spread of wall time, median CPU time) and as a ratio of
medians to QEMU's: the machine's speed varies, the ratio holds.  The import
of the generated Python client alternates with ``import qemu.qmp`` instead,
its anchor.  Runs on QEMU's full schema from the conformance corpus when it is
present, else on ``examples/service.json``; then on a schema ten times
larger, built by copying every file of that schema with each definition
renamed, in seconds only: its renamed names make doc lines longer than today's
rules allow, so QEMU's generator rejects it and qapi-build reads it with
``--legacy-docs``; its ``diff`` compares it with the same copies of the
release before.
"Cold" runs get a fresh cache directory; peak memory is the largest resident
size of the runs of a scenario.  qapi-build is measured as a user has it: the
benchmark installs the repository (``pip install .``, with ``qemu.qmp`` for the
import anchor) into a virtual environment of its own and runs again in it, so
that neither an editable install's import hook nor the test tools (pygments,
which mako loads whenever it is installed) are counted; ``--in-place`` measures
the running environment instead, its qapi-build byte-compiled first.
Schemas, outputs and caches live in a RAM file system (``/dev/shm``) when there
is one, or below ``--work-dir``: both generators create the same 427 files, and
creating a file on a virtual machine's disk costs from 0.5 to 1 ms depending on
the minute, time spent in the kernel that swamps the generators' own; on a
disk, the ratio is the generators' plus that common cost.  Not a test: run it by
hand, ideally on a quiet machine.

Usage: .venv/bin/python benchmarks/run.py [--runs N] [--no-large] [--qemu PATH] [--in-place]
       [--work-dir DIR]"""

from __future__ import annotations

import argparse
import ast
import compileall
import functools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from qemu_reference import find_generator, generator_command

REPO = Path(__file__).resolve().parents[1]
CONFORMANCE = REPO.parent / "shared" / "conformance"
CORPUS = CONFORMANCE / "qemu-10.2" / "codegen" / "schemas" / "qapi" / "qapi-schema.json"
#: The release before the corpus's, for ``diff`` of two releases.
PREVIOUS = CONFORMANCE / "history" / "qemu-10.0" / "qapi" / "qapi-schema.json"
EXAMPLE = REPO / "examples" / "service.json"

#: Runs ``argv`` and prints its wall time, CPU time and peak resident size (KiB) as JSON.
_MEASURE = """\
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss]))
"""
_FRONT_END = ("import sys; from qapi_ir.frontend import load_schema;"
              " load_schema(sys.argv[1], legacy_docs=sys.argv[2:] == ['--legacy-docs'])")
_IMPORT = "import sys; sys.path.insert(0, sys.argv[1]); import qmp_client"
_PRAGMA = re.compile(r"^\{ *'pragma'", re.MULTILINE)

#: One run: wall time (s), CPU time (s), peak resident size (KiB).
Run = tuple[float, float, int]
Argv = Sequence[str | Path]


def _measure(argv: Argv) -> Run:
    result = subprocess.run([sys.executable, "-c", _MEASURE, *map(str, argv)], check=True,
                            capture_output=True, text=True)
    elapsed, cpu, peak = json.loads(result.stdout)
    return float(elapsed), float(cpu), int(peak)


def _build(schema: Path, out: Path, cache: Path | None, *options: str) -> list[str | Path]:
    """qapi-build on ``schema`` into ``out``; ``options`` are further options (backends...)."""
    cache_args: list[str | Path] = ["--cache-dir", cache] if cache else ["--no-cache"]
    return [sys.executable, "-m", "qapi_ir", "-b", "-o", out, *cache_args, *options, schema]


def _backends(*names: str) -> list[str]:
    return [arg for name in names for arg in ("--backend", name)]


def _diff(old: Path, new: Path, cache: Path, *options: str) -> list[str | Path]:
    return [sys.executable, "-m", "qapi_ir", "diff", "--cache-dir", cache, "--fail-on", "none",
            *options, old, new]


def _median(values: Sequence[float]) -> float:
    return statistics.median(values)


def _report(label: str, ours: list[Run], anchor: list[Run], anchor_name: str) -> None:
    """One line: wall median and spread, CPU median, peak, and the ratios to ``anchor``."""
    times = sorted(run[0] for run in ours)
    line = (f"  {label:<36} {_median(times):6.3f} s ({times[0]:.3f}-{times[-1]:.3f})"
            f"  cpu {_median([run[1] for run in ours]):6.3f} s"
            f"  peak {max(run[2] for run in ours) / 1024:5.1f} MiB")
    if anchor:
        wall = _median(times) / _median([run[0] for run in anchor])
        cpu = _median([run[1] for run in ours]) / _median([run[1] for run in anchor])
        line += f"  x{wall:.2f} of {anchor_name} (cpu x{cpu:.2f})"
    print(line, flush=True)


def _mtimes(directory: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in directory.rglob("*") if p.is_file()}


def _change_module(path: Path, number: int) -> None:
    """Replace the benchmark's enum at the end of ``path`` by one that differs."""
    text = re.sub(r"\n##\n# @BenchEnum:.*", "", path.read_text(), flags=re.DOTALL)
    path.write_text(text + f"\n##\n# @BenchEnum:\n#\n# @value{number}: a value\n#\n"
                    "# Since: 1.0\n##\n"
                    f"{{ 'enum': 'BenchEnum', 'data': [ 'value{number}' ] }}\n")


class Bench:
    """Runs scenarios on one schema, each run alternating with one of its anchor."""

    def __init__(self, schema: Path, runs: int, work: Path, qemu: Path | None,
                 options: Sequence[str] = ()) -> None:
        self.schema = schema
        self.runs = runs
        self.work = work
        self.qemu = qemu
        #: Options of every qapi-build run (``--legacy-docs``).
        self.options = tuple(options)

    def build(self, out: Path, cache: Path | None, *backends: str) -> list[str | Path]:
        """qapi-build with ``backends`` on the schema into ``out``."""
        return _build(self.schema, out, cache, *self.options, *_backends(*backends))

    def scratch(self) -> Path:
        """A new empty directory."""
        return Path(tempfile.mkdtemp(dir=self.work, prefix="scratch"))

    def _qemu_run(self) -> Run:
        assert self.qemu
        out = self.scratch()
        run = _measure(generator_command(self.qemu, self.schema, out))
        shutil.rmtree(out)
        return run

    def scenario(self, label: str, argv: Callable[[], Argv],
                 anchor: tuple[str, Argv] | None = None) -> None:
        """Time ``argv()`` ``runs`` times, alternating with QEMU's generator (or ``anchor``)."""
        ours: list[Run] = []
        theirs: list[Run] = []
        for _ in range(self.runs):
            if anchor:
                theirs.append(_measure(anchor[1]))
            elif self.qemu:
                theirs.append(self._qemu_run())
            ours.append(_measure(argv()))
        _report(label, ours, theirs, anchor[0] if anchor else "QEMU")


def run_scenarios(bench: Bench, previous: Path | None) -> None:
    """Time every scenario on ``bench.schema`` (a copy, so it can be changed).

    ``diff`` compares ``previous`` (a release before, when given) with the
    schema, else the schema with a copy of it in which one module changed.
    """
    schema, scratch = bench.schema, bench.scratch
    python, qemu = sys.executable, bench.qemu
    if qemu:
        bench.scenario("QEMU's qapi-gen.py (C)", lambda: generator_command(qemu, schema,
                                                                            scratch()))
    bench.scenario("python -c pass", lambda: [python, "-c", "pass"])
    bench.scenario("front end + IR (cold)",
                   lambda: [python, "-c", _FRONT_END, schema, *bench.options])
    bench.scenario("c backend (cold: fresh cache)", lambda: bench.build(scratch(), scratch(),
                                                                   "c"))
    bench.scenario("c backend (--no-cache)", lambda: bench.build(scratch(), None, "c"))
    bench.scenario("c + introspect + python (cold)",
                   lambda: bench.build(scratch(), scratch(), "c", "introspect", "python"))
    out, cache = scratch(), scratch()
    _measure(bench.build(out, cache, "c"))
    before = _mtimes(out)
    bench.scenario("no change (c)", lambda: bench.build(out, cache, "c"))
    rewritten = sum(1 for p, m in _mtimes(out).items() if before.get(p) != m)
    print(f"  {'':<36} files rewritten by the no-change runs: {rewritten}")
    module = max((p for p in schema.parent.rglob("*.json") if p != schema),
                 key=lambda p: p.stat().st_size, default=schema)
    numbers = iter(range(10**6))

    def changed() -> Argv:
        _change_module(module, next(numbers))
        return bench.build(out, cache, "c")

    changed()  # the benchmark's enum now exists; from here on only its value changes
    _measure(bench.build(out, cache, "c"))
    bench.scenario(f"one module changed ({module.name})", changed)
    _client_import(bench)
    _diff_scenarios(bench, previous)


def _client_import(bench: Bench) -> None:
    """The generated Python client's import, bytecode present, beside ``import qemu.qmp``."""
    package = bench.scratch()
    _measure(bench.build(package, None, "python"))
    compileall.compile_dir(package, quiet=1)
    anchor = ("import qemu.qmp", [sys.executable, "-c", "import qemu.qmp"])
    bench.scenario("import qmp_client (bytecode present)",
                   lambda: [sys.executable, "-c", _IMPORT, package], anchor)


def _diff_scenarios(bench: Bench, previous: Path | None) -> None:
    """``qapi-build diff``: with a fresh cache, then with the cache of a previous diff."""
    new = bench.schema
    what = f"{previous.parent.parent.name}/" if previous else "a changed copy"
    if previous is None:
        copy = bench.scratch() / "changed"
        shutil.copytree(new.parent, copy)
        module = max(copy.rglob("*.json"), key=lambda p: p.stat().st_size)
        _change_module(module, 10**6)
        previous = copy / new.name
    old = previous
    bench.scenario(f"diff {what} (cold)",
                   lambda: _diff(old, new, bench.scratch(), *bench.options))
    cache = bench.scratch()
    _measure(_diff(old, new, cache, *bench.options))
    bench.scenario(f"diff {what} (warm: cached)",
                   lambda: _diff(old, new, cache, *bench.options))


def _definition_names(schema: Path) -> list[str]:
    sys.path.insert(0, str(REPO))
    from qapi_ir.frontend import load_schema

    loaded = load_schema(str(schema), legacy_docs=True, warn=lambda line: None)  # any release
    return [d.name for d in loaded.definitions()
            if not d.module.startswith("./") and not d.name.startswith("q_")]


def _renamed(name: str, number: int) -> str:
    if name.isupper():
        return f"{name}_X{number}"
    return f"{name}-x{number}" if name.islower() else f"{name}X{number}"


def _rename_match(match: re.Match[str], number: int) -> str:
    return _renamed(match.group(1), number)


def _take_pragmas(text: str) -> tuple[str, list[dict[str, object]]]:
    """``text`` without its pragma directives, and those directives."""
    pragmas = []
    while match := _PRAGMA.search(text):
        depth, end = 0, match.start()
        for end in range(match.start(), len(text)):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            if depth == 0:
                break
        block = "\n".join(line.split("#")[0] for line in text[match.start():end + 1].split("\n"))
        pragmas.append(ast.literal_eval(block.replace("true", "True").replace("false", "False")))
        text = text[:match.start()] + text[end + 1:]
    return text, [p["pragma"] for p in pragmas]


def build_large_schema(schema: Path, copies: int, work: Path) -> Path:
    """A schema of ``copies`` renamed copies of ``schema`` and what it includes."""
    names = sorted(_definition_names(schema), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-]|\.json)")
    merged: dict[str, object] = {}
    root = work / "large"
    for number in range(copies):
        for source in schema.parent.rglob("*.json"):
            text = pattern.sub(functools.partial(_rename_match, number=number),
                               source.read_text())
            text, pragmas = _take_pragmas(text)
            for pragma in pragmas:
                for key, value in pragma.items():
                    old = merged.get(key)
                    merged[key] = old + value if isinstance(old, list) else value  # type: ignore[operator]
            target = root / f"copy{number}" / source.relative_to(schema.parent)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    main = root / "large.json"
    includes = "".join(f"{{ 'include': 'copy{n}/{schema.name}' }}\n" for n in range(copies))
    directive = repr(merged).replace("True", "true").replace("False", "false")
    main.write_text(f"{{ 'pragma': {directive} }}\n{includes}")
    return main


def _default_work_dir() -> str | None:
    """``/dev/shm`` when it is a writable directory (a RAM file system), else ``None``."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _rerun_installed() -> NoReturn:
    """Run this benchmark again with ``--in-place`` in a new environment holding
    qapi-build as ``pip install`` leaves it."""
    environment = Path(tempfile.mkdtemp(prefix="qapi-bench-venv-"))
    print(f"installing qapi-build into {environment}", flush=True)
    subprocess.run([sys.executable, "-m", "venv", environment], check=True)
    python = environment / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", REPO, "qemu.qmp"], check=True)
    status = subprocess.run([python, __file__, *sys.argv[1:], "--in-place"]).returncode
    shutil.rmtree(environment)
    sys.exit(status)


def main() -> None:
    """Run every scenario on the reference schema, then on the ten times larger one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-large", action="store_true", help="skip the 10x schema")
    parser.add_argument("--qemu", metavar="PATH",
                        help="QEMU's qapi-gen.py or source tree (default: $QEMU_SRC, "
                        "else the newest qemu-* beside the repository or in ../qemu-src)")
    parser.add_argument("--work-dir", metavar="DIR", default=_default_work_dir(),
                        help="where schemas, outputs and caches go (default: /dev/shm when "
                        "it is there, else the system's temporary directory)")
    parser.add_argument("--in-place", action="store_true",
                        help="measure the running environment's qapi-build, not a fresh install")
    args = parser.parse_args()
    if not args.in_place:
        _rerun_installed()
    qemu = find_generator(args.qemu, REPO)
    if qemu is None:
        print("QEMU's generator not found: no ratios (see benchmarks/qemu_reference.py)")
    for package in ("qapi_ir", "backends"):
        compileall.compile_dir(REPO / package, quiet=1)
    original = CORPUS if CORPUS.is_file() else EXAMPLE
    with tempfile.TemporaryDirectory(prefix="qapi-bench-", dir=args.work_dir) as temporary:
        work = Path(temporary)
        os.chdir(work)  # away from any plugins.toml
        copy = work / "schema"
        shutil.copytree(original.parent, copy)
        schema = copy / original.name
        lines = sum(len(p.read_text().splitlines()) for p in copy.rglob("*.json"))
        print(f"{original} ({lines} lines), {args.runs} runs each, in {work}; QEMU: {qemu}")
        previous = PREVIOUS if original == CORPUS and PREVIOUS.is_file() else None
        run_scenarios(Bench(schema, args.runs, work, qemu), previous)
        if not args.no_large:
            large = build_large_schema(schema, 10, work)
            lines = sum(len(p.read_text().splitlines()) for p in large.parent.rglob("*.json"))
            print(f"ten renamed copies ({lines} lines), {args.runs} runs each:")
            large_previous = (build_large_schema(previous, 10, work / previous.parent.parent.name)
                              if previous else None)
            run_scenarios(Bench(large, args.runs, work, None, ["--legacy-docs"]), large_previous)


if __name__ == "__main__":
    main()
