"""``"releases"`` options (plugin API 2): ``-O python.compat=LABEL=PATH`` through the CLI."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import run_cli
from tests.conftest import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "backends" / "python" / "fixtures"
NEW = FIXTURES / "compat-new.json"
OLD = FIXTURES / "compat-old.json"


def _python(tmp_path: Path, *options: str) -> tuple[int, str, Path]:
    arguments = [item for option in options for item in ("-O", option)]
    result = run_cli("--no-cache", "--backend", "python", *arguments, "-o", tmp_path, NEW,
                     cwd=tmp_path)
    return result.returncode, result.stderr, tmp_path / "qmp_client"


def test_each_release_given_is_compared_and_named_in_the_client(tmp_path: Path) -> None:
    status, stderr, package = _python(
        tmp_path, f"python.compat=1.0={OLD}", f"python.compat=2.0={NEW}"
    )
    assert status == 0, stderr
    types = (package / "types" / "_compat_new.py").read_text()
    assert "acpi: whether it has ACPI (absent in 1.0)" in types
    assert "    acpi: bool | Absent\n" in types


def test_release_history_from_plugins_toml(tmp_path: Path) -> None:
    config = tmp_path / "plugins.toml"
    config.write_text(f'[options.python]\ncompat = ["1.0={OLD}"]\n')
    result = run_cli("--no-cache", "--config", config, "--backend", "python", "-o", tmp_path, NEW)
    assert result.returncode == 0, result.stderr
    assert "absent in 1.0" in (tmp_path / "qmp_client" / "client.py").read_text()


def test_release_without_a_label_is_one_line(tmp_path: Path) -> None:
    status, stderr, _ = _python(tmp_path, f"python.compat={OLD}")
    assert status == 1
    assert stderr.startswith("option python.compat takes LABEL=PATH")
    assert stderr.count("\n") == 1


def test_unreadable_release_is_one_line_naming_the_file(tmp_path: Path) -> None:
    status, stderr, package = _python(tmp_path, "python.compat=1.0=missing.json")
    assert status == 1
    assert stderr == (
        "option python.compat: can't read 'missing.json': No such file or directory\n"
    )
    assert not package.exists()


def test_a_release_given_twice_is_refused(tmp_path: Path) -> None:
    status, stderr, _ = _python(tmp_path, f"python.compat=1.0={OLD}", f"python.compat=1.0={NEW}")
    assert status == 1
    assert stderr == "option python.compat: release '1.0' given twice\n"


def test_a_backend_written_for_plugin_api_1_is_refused_as_flags_changed(tmp_path: Path) -> None:
    (tmp_path / "oldbackend.py").write_text(
        "class Old:\n"
        "    name = 'old'\n"
        "    description = 'written for version 1'\n"
        "    api_version = 1\n"
        "    options = ()\n"
        "    def generate(self, schema, output, options):\n"
        "        output.write('old.txt', str(len(schema.modules)))\n"
    )
    (tmp_path / "plugins.toml").write_text('[extra-backends]\nold = "oldbackend.py:Old"\n')
    result = run_cli("--backend", "old", "-o", "out", NEW, cwd=tmp_path)
    assert result.returncode == 1
    assert "written for plugin API version 1, but this qapi-build expects version 2" in (
        result.stderr
    )
    assert not (tmp_path / "out").exists()
