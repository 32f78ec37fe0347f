"""The generated package as a whole: its files, its options, and mypy/ruff on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qapi_backends.python import PythonBackend
from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import BackendError, Output
from tests.backends.python.conftest import FIXTURES, generate, history

QEMU_SCHEMA = Path("qemu-10.2/codegen/schemas/qapi/qapi-schema.json")
RUFF_RULES = "E,F,W,I,B,UP,SIM,RUF"


def lint(package: Path) -> None:
    """Assert that mypy --strict and ruff (with the project's rules) pass on ``package``."""
    tools = Path(sys.executable).parent
    mypy = subprocess.run(
        [str(tools / "mypy"), "--strict", "--no-incremental", package.name],
        cwd=package.parent,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert mypy.returncode == 0, mypy.stdout[-3000:]
    ruff = subprocess.run(
        [
            str(tools / "ruff"),
            "check",
            "--isolated",
            "--select",
            RUFF_RULES,
            "--line-length",
            "100",
            "--target-version",
            "py311",
            package.name,
        ],
        cwd=package.parent,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert ruff.returncode == 0, ruff.stdout[-3000:]


def test_package_has_its_modules_py_typed_and_pyproject() -> None:
    output = Output()
    PythonBackend().generate(load_schema(str(FIXTURES / "live.json")), output, {"package": "q"})
    modules = ("__init__", "events", "client", "runtime", "client_base", "capabilities")
    modules += ("records", "connection")
    split = ("__init__", "_live", "_builtin")
    modules += tuple(f"{package}/{m}" for package in ("types", "codec") for m in split)
    assert set(output.files) == {f"q/{m}.py" for m in modules} | {"q/py.typed", "pyproject.toml"}


def test_invalid_package_name_is_refused() -> None:
    schema = load_schema(str(FIXTURES / "live.json"))
    with pytest.raises(BackendError, match="not a Python package name"):
        PythonBackend().generate(schema, Output(), {"package": "not-a-name"})


def test_alternate_alias_lists_branches_in_schema_order_with_none_last() -> None:
    output = Output()
    schema = load_schema(str(FIXTURES / "kitchen.json"))
    PythonBackend().generate(schema, output, {"package": "q"})
    types = output.files["q/types/_kitchen.py"]
    aliases = [line for line in types.splitlines() if "TypeAlias =" in line]
    assert aliases == [
        'Value: TypeAlias = "int | bool | Shape | None"',
        'Measure: TypeAlias = "float | tuple[Tree, ...]"',
        'Name: TypeAlias = "Colour | Rect"',
    ]


@pytest.mark.parametrize("fixture", ["live", "kitchen"])
def test_fixture_package_passes_mypy_strict_and_ruff(fixture: str, tmp_path: Path) -> None:
    lint(generate(load_schema(str(FIXTURES / f"{fixture}.json")), f"{fixture}_pkg", tmp_path))


def test_qemu_package_compatible_with_older_releases_passes_mypy_strict_and_ruff(
    corpus_dir: Path, tmp_path: Path
) -> None:
    schema = load_schema(str(corpus_dir / QEMU_SCHEMA))
    releases = [f"{v}={corpus_dir}/history/qemu-{v}/qapi/qapi-schema.json" for v in ("7.2", "10.0")]
    compat = history(schema, *releases)
    assert len(compat.releases[0].absent_commands) > 20
    lint(generate(schema, "qemu_client", tmp_path, compat))
