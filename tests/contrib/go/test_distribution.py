"""qapi-build-go is a separate distribution that uses only the public plugin API."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import files_below, run_cli
from tests.contrib.go.conftest import CONTRIB, EXAMPLE, FIXTURES

#: The modules of qapi-build a backend may import: the IR, the plugin API, templating.
PUBLIC_MODULES = {
    "qapi_ir.ir", "qapi_ir.plugin_api", "qapi_ir.templating", "qapi_ir.backend_helpers"
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """qapi-build-go, installed by pip from its source into a directory of its own."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--no-build-isolation", "--target", str(target), str(CONTRIB)],
        check=True, capture_output=True, timeout=300,
    )
    return target


def test_list_backends_shows_go_from_its_distribution(site: Path) -> None:
    result = run_cli("--list-backends", pythonpath=site)
    assert result.returncode == 0, result.stderr
    assert "go (distribution qapi-build-go 0.1.0): a Go QMP client package" in result.stdout
    assert "go.package (str, default 'qmp')" in result.stdout


def test_cli_writes_a_guest_agent_package_when_told(site: Path, tmp_path: Path) -> None:
    with_event = tmp_path / "with-event.json"
    with_event.write_text((FIXTURES / "agent.json").read_text() + "\n{ 'event': 'AGENT_UP' }\n")
    out = tmp_path / "out"
    result = run_cli("--backend", "go", "-O", "go.package=agent", "-O", "go.protocol=qga",
                     "-o", out, with_event, pythonpath=site)
    assert result.returncode == 0, result.stderr
    assert files_below(out) == [
        "agent/agent.go", "agent/commands.go", "agent/go.mod", "agent/objects.go",
        "agent/types.go", "agent/values.go",
    ]


def test_cli_writes_one_go_package(site: Path, tmp_path: Path) -> None:
    result = run_cli("--backend", "go", "-O", "go.package=jobs", "-o", tmp_path, EXAMPLE,
                     pythonpath=site)
    assert result.returncode == 0, result.stderr
    assert files_below(tmp_path) == [
        "jobs/capabilities.go", "jobs/commands.go", "jobs/events.go", "jobs/go.mod",
        "jobs/objects.go", "jobs/runtime.go", "jobs/types.go", "jobs/values.go",
    ]
    assert (tmp_path / "jobs" / "go.mod").read_text() == "module jobs\n\ngo 1.19\n"
    assert "func (c *Client) SubmitJob(" in (tmp_path / "jobs" / "commands.go").read_text()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("go.package=Jobs", "go.package: 'Jobs' is not a Go package name"),
        ("go.package=func", "go.package: 'func' is not a Go package name"),
        ("go.module=a//b", "go.module: 'a//b' is not a Go module path"),
        ("go.protocol=qapi", "go.protocol: 'qapi' is not a protocol (qmp or qga)"),
    ],
)
def test_bad_package_module_or_protocol_is_one_clear_error(
    site: Path, tmp_path: Path, option: str, message: str
) -> None:
    result = run_cli("--backend", "go", "-O", option, "-o", tmp_path, EXAMPLE, pythonpath=site)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert files_below(tmp_path) == []


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def test_backend_imports_nothing_of_qapi_build_but_the_public_api() -> None:
    sources = sorted((CONTRIB / "qapi_build_go").glob("*.py"))
    imported = set().union(*(_imported_modules(path) for path in sources))
    ours = {m for m in imported if m.split(".")[0] in ("qapi_ir", "qapi_backends")}
    assert ours == PUBLIC_MODULES


def test_backend_is_mypy_strict_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml", "qapi_build_go"],
        cwd=CONTRIB, env={**os.environ, "MYPYPATH": str(CONTRIB.parents[1])},
        capture_output=True, text=True, timeout=900, check=False,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


def test_output_from_an_ir_snapshot_equals_output_from_the_schema(
    site: Path, tmp_path: Path
) -> None:
    snapshot, direct, via_ir = tmp_path / "snapshot", tmp_path / "direct", tmp_path / "via-ir"
    assert run_cli("--backend", "ir", "-o", snapshot, EXAMPLE).returncode == 0
    first = run_cli("--no-cache", "--backend", "go", "-o", direct, EXAMPLE, pythonpath=site)
    again = run_cli("--no-cache", "--backend", "go", "-o", via_ir, "--from-ir",
                    snapshot / "ir.json", pythonpath=site)
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    tree = {name: (direct / name).read_bytes() for name in files_below(direct)}
    assert tree and tree == {name: (via_ir / name).read_bytes() for name in files_below(via_ir)}
