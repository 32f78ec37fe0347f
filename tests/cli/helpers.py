"""Running ``qapi-build`` and ``qapi-gen`` as a user would, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "service.json"
#: ``qapi-gen`` as its console script starts it (``python -c`` needs no installed script).
QAPI_GEN = ("-c", "import sys; from qapi_ir.driver.qapi_gen import main; sys.exit(main())")


def run_cli(
    *args: str | Path, cwd: Path | None = None, pythonpath: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m qapi_ir ARGS`` and capture what it prints."""
    return run_python("-m", "qapi_ir", *args, cwd=cwd, pythonpath=pythonpath)


def run_qapi_gen(
    *args: str | Path, cwd: Path | None = None, env: Mapping[str, str | None] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``qapi-gen ARGS``; ``env`` sets variables (``None``: unsets them)."""
    return run_python(*QAPI_GEN, *args, cwd=cwd, env=env)


def run_python(
    *args: str | Path, cwd: Path | None = None, pythonpath: Path | None = None,
    env: Mapping[str, str | None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` with the repository importable and capture what it prints."""
    environment = dict(os.environ)
    environment.pop("QAPI_BUILD_DEBUG", None)
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    paths = [str(REPO_ROOT)] + ([str(pythonpath)] if pythonpath else [])
    environment["PYTHONPATH"] = os.pathsep.join([*paths, environment.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=cwd or REPO_ROOT, env=environment, capture_output=True, text=True, timeout=300,
        check=False, stdin=subprocess.DEVNULL,
    )


def files_below(directory: Path) -> list[str]:
    """Relative paths of the files below ``directory``, sorted."""
    if not directory.exists():
        return []
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*") if p.is_file())
