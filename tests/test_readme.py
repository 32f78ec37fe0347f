"""The README's third-party backend example works as printed."""

from __future__ import annotations

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
        '[extra-backends]\ncommand-list = "my_backend:CommandList"\n'
    )
    result = run_cli("--backend", "command-list", "-O", "command-list.oob-only=true",
                     "-o", "out", EXAMPLE, cwd=tmp_path, pythonpath=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "commands.txt").read_text() == "ping oob=True coroutine=False\n"
