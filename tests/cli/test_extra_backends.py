"""``[extra-backends]`` names a backend class in a file beside ``plugins.toml``, and nothing
else: no module found on ``sys.path``, no function or class that is not a backend is called."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import EXAMPLE, run_cli

_BACKEND = (
    "from qapi_ir.plugin_api import PLUGIN_API_VERSION\n"
    "{imports}"
    "class {cls}:\n"
    "    name = 'extra'\n"
    "    description = 'writes a word'\n"
    "    api_version = PLUGIN_API_VERSION\n"
    "    options = ()\n"
    "    def generate(self, schema, output, options):\n"
    "        output.write('word.txt', {word})\n"
)
#: Code that leaves a mark when it runs.
_MARK = "open({marker!r}, 'w').close()"


def _config(directory: Path, value: str) -> Path:
    config = directory / "plugins.toml"
    config.write_text(f'backends = ["extra"]\n[extra-backends]\nextra = "{value}"\n')
    return config


@pytest.mark.parametrize("value", ["unittest.__main__:main", "marked:Backend", "marked"])
def test_a_module_on_sys_path_is_refused_without_importing_it(
    tmp_path: Path, value: str
) -> None:
    marker = tmp_path / "imported"
    (tmp_path / "marked.py").write_text(_MARK.format(marker=str(marker)) + "\n")
    config = _config(tmp_path, value)
    result = run_cli("--config", config, "-o", tmp_path / "out", EXAMPLE, pythonpath=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"{config}: [extra-backends] extra = '{value}' must be FILE.py:Class, a Python file"
        " relative to this file (an installed distribution's backends need no entry)\n"
    )
    assert "Ran " not in result.stdout + result.stderr
    assert not marker.exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("code", "value", "message"),
    [
        ("def main():\n    {mark}\n", "notbackend.py:main",
         "{dir}/notbackend.py has no class main"),
        ("class Half:\n    name = 'half'\n    def __init__(self):\n        {mark}\n",
         "notbackend.py:Half",
         "not a qapi-build backend (lacks description, api_version, options, generate)"),
    ],
)
def test_what_is_not_a_backend_class_is_never_called(
    tmp_path: Path, code: str, value: str, message: str
) -> None:
    marker = tmp_path / "called"
    (tmp_path / "notbackend.py").write_text(code.format(mark=_MARK.format(marker=str(marker))))
    result = run_cli("--config", _config(tmp_path, value), "-o", tmp_path / "out", EXAMPLE)
    assert result.returncode == 1
    assert result.stderr == f"backend 'extra' (file {value}): {message.format(dir=tmp_path)}\n"
    assert not marker.exists()


def test_a_package_beside_plugins_toml_loads_from_any_directory_without_pythonpath(
    tmp_path: Path,
) -> None:
    package = tmp_path / "config" / "tools" / "words"
    package.mkdir(parents=True)
    (package / "spelling.py").write_text("WORD = 'relative imports work'\n")
    (package / "__init__.py").write_text(
        _BACKEND.format(imports="from .spelling import WORD\n", cls="Words", word="WORD"))
    config = _config(tmp_path / "config", "tools/words/__init__.py:Words")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_cli("--config", config, "-o", "out", EXAMPLE, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "out" / "word.txt").read_text() == "relative imports work"


def test_a_missing_backend_file_is_one_line(tmp_path: Path) -> None:
    result = run_cli("--config", _config(tmp_path, "absent.py:Absent"), "-o", tmp_path / "out",
                     EXAMPLE)
    assert result.returncode == 1
    assert result.stderr == (
        f"backend 'extra' (file absent.py:Absent): no such file {tmp_path / 'absent.py'}\n")
