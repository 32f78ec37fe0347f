"""Running ``qapi-build`` as a user would, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "service.json"


def run_cli(
    *args: str | Path, cwd: Path | None = None, pythonpath: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m qapi_ir ARGS`` and capture what it prints."""
    env = dict(os.environ)
    env.pop("QAPI_BUILD_DEBUG", None)
    paths = [str(REPO_ROOT)] + ([str(pythonpath)] if pythonpath else [])
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "qapi_ir", *map(str, args)],
        cwd=cwd or REPO_ROOT, env=env, capture_output=True, text=True, timeout=300,
        check=False, stdin=subprocess.DEVNULL,
    )


def files_below(directory: Path) -> list[str]:
    """Relative paths of the files below ``directory``, sorted."""
    if not directory.exists():
        return []
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*") if p.is_file())
