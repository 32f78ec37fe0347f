"""The Go backend README's program builds against the package generated from the example."""

from __future__ import annotations

import re
from pathlib import Path

from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import Output
from tests.conftest import REPO_ROOT
from tests.contrib.go.conftest import EXAMPLE, GoBackend, GoTools


def test_readme_go_program_builds_and_vets(go_tools: GoTools, tmp_path: Path) -> None:
    readme = (REPO_ROOT / "contrib" / "qapi-build-go" / "README.md").read_text()
    match = re.search(r"## A program\n.*?```go\n(.*?)```", readme, re.DOTALL)
    assert match, "the README lost its Go program"
    module = re.search(r"-O go\.module=(\S+)", readme)
    assert module and f'"{module.group(1)}"' in match.group(1)
    output = Output()
    GoBackend().generate(
        load_schema(str(EXAMPLE)), output, {"package": "qmp", "module": module.group(1)}
    )
    for name, text in output.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    program = tmp_path / "qmp" / "cmd" / "jobwatch" / "main.go"
    program.parent.mkdir(parents=True)
    program.write_text(match.group(1))
    go_tools.assert_clean(tmp_path / "qmp")
    binary = tmp_path / "jobwatch"
    built = go_tools.run(tmp_path / "qmp", "build", "-o", str(binary), "./cmd/jobwatch")
    assert built.returncode == 0, built.stderr
    assert binary.is_file()
