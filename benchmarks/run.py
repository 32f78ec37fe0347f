"""Time qapi-build's scenarios, each in fresh processes, and print median and spread.

Runs on QEMU's full schema from the conformance corpus when it is present,
else on ``examples/service.json``; then on a schema ten times larger, built by
copying every file of that schema with each definition renamed.  "Cold" runs
get a fresh cache directory (so templates are compiled too; the "new schema"
runs start with compiled templates only); peak memory is the largest resident size of the
runs of a scenario.  qapi-build's own modules are byte-compiled first, as a regular
``pip install`` leaves them: an editable install under ``PYTHONDONTWRITEBYTECODE``
would otherwise compile them from source in every run (about 35 ms).  Not a test:
run it by hand on a quiet machine.

Usage: .venv/bin/python benchmarks/run.py [--runs N] [--no-large]
"""

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

REPO = Path(__file__).resolve().parents[1]
CORPUS = (REPO.parent / "shared" / "conformance" / "qemu-10.2" / "codegen" / "schemas"
          / "qapi" / "qapi-schema.json")
EXAMPLE = REPO / "examples" / "service.json"

#: Runs ``argv`` and prints its wall time and peak resident size (KiB) as JSON.
_MEASURE = """\
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
print(json.dumps([elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))
"""
_FRONT_END = "import sys; from qapi_ir.frontend import load_schema; load_schema(sys.argv[1])"
_PRAGMA = re.compile(r"^\{ *'pragma'", re.MULTILINE)


def _measure(argv: Sequence[str | Path]) -> tuple[float, int]:
    result = subprocess.run([sys.executable, "-c", _MEASURE, *map(str, argv)], check=True,
                            capture_output=True, text=True)
    elapsed, peak = json.loads(result.stdout)
    return float(elapsed), int(peak)


def _build(schema: Path, out: Path, cache: Path | None, *backends: str) -> list[str | Path]:
    cache_args: list[str | Path] = ["--cache-dir", cache] if cache else ["--no-cache"]
    selected = [arg for name in backends for arg in ("--backend", name)]
    return [sys.executable, "-m", "qapi_ir", "-b", "-o", out, *cache_args, *selected, schema]


def _report(label: str, runs: list[tuple[float, int]], target: str) -> None:
    times = sorted(t for t, _ in runs)
    print(f"  {label:<34} median {statistics.median(times):6.3f} s"
          f"  spread {times[0]:.3f}-{times[-1]:.3f} s"
          f"  peak {max(p for _, p in runs) / 1024:5.1f} MiB   (target {target})")


def _mtimes(directory: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in directory.rglob("*") if p.is_file()}


def _change_module(path: Path, number: int) -> None:
    """Replace the benchmark's enum at the end of ``path`` by one that differs."""
    text = re.sub(r"\n##\n# @BenchEnum:.*", "", path.read_text(), flags=re.DOTALL)
    path.write_text(text + f"\n##\n# @BenchEnum:\n#\n# @value{number}: a value\n#\n"
                    "# Since: 1.0\n##\n"
                    f"{{ 'enum': 'BenchEnum', 'data': [ 'value{number}' ] }}\n")


def run_scenarios(schema: Path, runs: int, work: Path) -> None:
    """Time every scenario on ``schema`` (a copy in ``work``, so it can be changed)."""
    def scratch() -> Path:
        return Path(tempfile.mkdtemp(dir=work, prefix="scratch"))

    def repeat(argv: Callable[[], Sequence[str | Path]]) -> list[tuple[float, int]]:
        return [_measure(argv()) for _ in range(runs)]

    _report("python -c pass", repeat(lambda: [sys.executable, "-c", "pass"]), "-")
    _report("front end + IR (cold)",
            repeat(lambda: [sys.executable, "-c", _FRONT_END, schema]), "<= 0.25 s")
    _report("c backend (cold: fresh cache)",
            repeat(lambda: _build(schema, scratch(), scratch(), "c")), "<= 0.5 s")
    _report("c backend (--no-cache)",
            repeat(lambda: _build(schema, scratch(), None, "c")), "<= 0.5 s")
    _report("c + introspect + python (cold)",
            repeat(lambda: _build(schema, scratch(), scratch(), "c", "introspect", "python")),
            "<= 1.0 s")
    primed = scratch()
    _measure(_build(schema, scratch(), primed, "c", "introspect", "python"))

    def templates_only() -> Path:
        """A fresh cache holding only compiled templates: a new schema's first build."""
        cache = scratch()
        shutil.copytree(primed / "mako", cache / "mako")
        return cache

    _report("c (new schema, templates compiled)",
            repeat(lambda: _build(schema, scratch(), templates_only(), "c")), "<= 0.5 s")
    _report("c+introspect+python (same)",
            repeat(lambda: _build(schema, scratch(), templates_only(), "c", "introspect",
                                  "python")), "<= 1.0 s")
    out, cache = scratch(), scratch()
    _measure(_build(schema, out, cache, "c"))
    before = _mtimes(out)
    _report("no change (c)", repeat(lambda: _build(schema, out, cache, "c")), "<= 0.15 s")
    rewritten = sum(1 for p, m in _mtimes(out).items() if before.get(p) != m)
    print(f"  {'':<34} files rewritten by the no-change runs: {rewritten}")
    module = max((p for p in schema.parent.rglob("*.json") if p != schema),
                 key=lambda p: p.stat().st_size, default=schema)
    numbers = iter(range(10**6))

    def changed() -> Sequence[str | Path]:
        _change_module(module, next(numbers))
        return _build(schema, out, cache, "c")

    changed()  # the benchmark's enum now exists; from here on only its value changes
    _measure(_build(schema, out, cache, "c"))
    _report(f"one module changed ({module.name})", repeat(changed), "<= 0.3 s")


def _definition_names(schema: Path) -> list[str]:
    sys.path.insert(0, str(REPO))
    from qapi_ir.frontend import load_schema

    loaded = load_schema(str(schema))
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


def main() -> None:
    """Run every scenario on the reference schema, then on the ten times larger one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-large", action="store_true", help="skip the 10x schema")
    args = parser.parse_args()
    for package in ("qapi_ir", "backends"):
        compileall.compile_dir(REPO / package, quiet=1)
    original = CORPUS if CORPUS.is_file() else EXAMPLE
    with tempfile.TemporaryDirectory(prefix="qapi-bench-") as temporary:
        work = Path(temporary)
        os.chdir(work)  # away from any plugins.toml
        copy = work / "schema"
        shutil.copytree(original.parent, copy)
        schema = copy / original.name
        lines = sum(len(p.read_text().splitlines()) for p in copy.rglob("*.json"))
        print(f"{original} ({lines} lines), {args.runs} runs each:")
        run_scenarios(schema, args.runs, work)
        if not args.no_large:
            large = build_large_schema(schema, 10, work)
            lines = sum(len(p.read_text().splitlines()) for p in large.parent.rglob("*.json"))
            print(f"ten renamed copies ({lines} lines), {args.runs} runs each:")
            run_scenarios(large, args.runs, work)


if __name__ == "__main__":
    main()
