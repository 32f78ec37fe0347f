"""The generated client is an installable distribution: ``pip install OUT/`` then import."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from qapi_backends.python.distribution import QEMU_QMP_REQUIREMENT
from qapi_ir.backend_helpers import schema_release
from qapi_ir.frontend import load_schema
from tests.cli.helpers import EXAMPLE, run_cli

SCHEMA = """\
##
# @old:
#
# Since: 9.1
##
{ 'command': 'old' }

##
# @new:
#
# Since: 10.2
##
{ 'command': 'new' }

##
# @older:
#
# Since: 10.0.1
##
{ 'command': 'older' }
"""


def test_the_release_is_the_newest_since_of_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(SCHEMA, encoding="utf-8")
    assert schema_release(load_schema(str(path))) == "10.2"
    path.write_text("{ 'command': 'undocumented' }\n", encoding="utf-8")
    assert schema_release(load_schema(str(path))) is None


def test_pyproject_names_the_package_its_release_and_qemu_qmp(tmp_path: Path) -> None:
    schema = tmp_path / "s.json"
    schema.write_text(SCHEMA, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("-q", "--backend", "python", "-O", "python.package=my_qmp", "-o", out,
                   schema).returncode == 0
    project = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert (project["name"], project["version"]) == ("my-qmp", "10.2")
    assert project["dependencies"] == [QEMU_QMP_REQUIREMENT]
    assert run_cli("-q", "--backend", "python", "-O", "python.version=3.1.4", "-o", out,
                   schema).returncode == 0
    assert 'version = "3.1.4"' in (out / "pyproject.toml").read_text(encoding="utf-8")


def test_pip_installs_the_output_and_a_fresh_environment_imports_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("-q", "--backend", "python", "-o", out, EXAMPLE).returncode == 0
    wheels, fresh = tmp_path / "wheels", tmp_path / "fresh"
    built = subprocess.run(  # offline: with this environment's setuptools, no build isolation
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-index", "--no-build-isolation",
         "--no-deps", "-w", wheels, out], capture_output=True, text=True, timeout=300,
        check=False)
    assert built.returncode == 0, built.stderr
    subprocess.run([sys.executable, "-m", "venv", fresh], check=True, timeout=300)
    python = fresh / "bin" / "python"
    installed = subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-index", "--no-deps",
         *wheels.glob("*.whl")], capture_output=True, text=True, timeout=300, check=False)
    assert installed.returncode == 0, installed.stderr
    # qemu.qmp is the one dependency; this offline test lends it from the test environment
    lent = {"PYTHONPATH": sysconfig.get_paths()["purelib"], "PATH": os.environ["PATH"]}
    probe = ("import importlib.metadata as m, jobservice, jobservice.client;"
             "print(m.requires('jobservice'), jobservice.__file__)")
    result = subprocess.run([python, "-c", probe], cwd=tmp_path, env=lent,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    requires, location = result.stdout.rsplit(" ", 1)
    assert [Requirement(r) for r in ast.literal_eval(requires)] == [
        Requirement(QEMU_QMP_REQUIREMENT)]
    assert Path(location.strip()).is_relative_to(fresh)
    assert (Path(location.strip()).parent / "py.typed").is_file()

