"""The README's third-party backend example works as printed."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.cli.helpers import EXAMPLE, run_cli
from tests.conftest import REPO_ROOT


def test_readme_backend_example_runs_through_the_cli(tmp_path: Path) -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    match = re.search(r"```python\n# my_backend/__init__.py\n(.*?)```", readme, re.DOTALL)
    assert match, "the README lost its backend example"
    package = tmp_path / "my_backend"
    package.mkdir()
    (package / "__init__.py").write_text(match.group(1))
    (tmp_path / "plugins.toml").write_text(
        '[extra-backends]\ncommand-list = "my_backend/__init__.py:CommandList"\n'
    )
    result = run_cli("--backend", "command-list", "-O", "command-list.oob-only=true",
                     "-o", "out", EXAMPLE, cwd=tmp_path)
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
