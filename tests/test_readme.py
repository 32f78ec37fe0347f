"""The README's third-party backend example works as printed."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from tests.cli.helpers import EXAMPLE, run_cli
from tests.conftest import REPO_ROOT


def test_readme_backend_tutorial_installs_and_runs_as_printed(tmp_path: Path) -> None:
    """The module and the ``pyproject.toml`` of "Writing a backend", pip-installed as a
    distribution, are found through their entry point and run."""
    readme = (REPO_ROOT / "README.md").read_text()
    module = re.search(r"```python\n# my_backend/__init__.py\n(.*?)```", readme, re.DOTALL)
    project = re.search(r"```toml\n(\[build-system\].*?)```", readme, re.DOTALL)
    assert module and project, "the README lost its backend tutorial"
    source = tmp_path / "source"
    (source / "my_backend").mkdir(parents=True)
    (source / "my_backend" / "__init__.py").write_text(module.group(1))
    (source / "pyproject.toml").write_text(project.group(1))
    site = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--no-build-isolation", "--target", str(site), str(source)],
        capture_output=True, text=True, timeout=300, check=False)
    assert installed.returncode == 0, installed.stderr
    listed = run_cli("--list-backends", pythonpath=site, cwd=tmp_path)
    assert "command-list (distribution my-backend 1.0): one line per command" in listed.stdout
    result = run_cli("--backend", "command-list", "-O", "command-list.oob-only=true",
                     "-o", "out", EXAMPLE, cwd=tmp_path, pythonpath=site)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "commands.txt").read_text() == "ping oob=True coroutine=False\n"


def test_readme_client_example_compiles_and_uses_what_the_package_exports(
    tmp_path: Path,
) -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    match = re.search(r"```python\n(from qmp import .*?)```", readme, re.DOTALL)
    assert match, "the README lost its python.compat client example"
    code = compile(match.group(1), "README.md", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    imported = re.match(r"from qmp import (.*)\n", match.group(1))
    assert imported and code.co_names
    result = run_cli("--backend", "python", "-O", "python.package=qmp", "-o", "out", EXAMPLE,
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    exported = (tmp_path / "out" / "qmp" / "__init__.py").read_text()
    for name in imported.group(1).split(", "):
        assert f'"{name}"' in exported
    client_base = (tmp_path / "out" / "qmp" / "client_base.py").read_text()
    assert "async def capabilities(self)" in client_base and "def greeting(self)" in client_base


def test_the_readme_stays_a_readable_length() -> None:
    """Under 300 lines: what it is, the two commands, a tour; the rest lives in docs/."""
    lines = (REPO_ROOT / "README.md").read_text().splitlines()
    assert len(lines) < 300
    assert lines[0] == "# qapi-build" and "python3 -m venv .venv" in "\n".join(lines[:20])
