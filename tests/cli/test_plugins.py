"""Backend plugins: third-party packages, broken ones, plugins.toml and its precedence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qapi_ir.driver.installed import EntryPointInfo, Installed
from qapi_ir.driver.plugins import BUILTIN_BACKENDS, AvailableBackends
from qapi_ir.plugin_api import PLUGIN_API_VERSION
from tests.cli.helpers import EXAMPLE, files_below, run_cli
from tests.conftest import REPO_ROOT

THIRD_PARTY = REPO_ROOT / "tests" / "fixtures" / "thirdparty"
ORIGIN = "distribution qb-thirdparty 2.3"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The third-party backend package, installed by pip into a directory of its own."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--no-build-isolation", "--target", str(target), str(THIRD_PARTY)],
        check=True, capture_output=True, timeout=300,
    )
    return target


def test_third_party_backend_runs_through_the_cli(site: Path, tmp_path: Path) -> None:
    result = run_cli("--backend", "wordcount", "-o", tmp_path, EXAMPLE, pythonpath=site)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "count.txt").read_text() == "Summary\ncommands 6\nevents 1\n"


def test_list_backends_names_distribution_and_options(site: Path) -> None:
    result = run_cli("--list-backends", pythonpath=site)
    assert result.returncode == 0
    assert f"wordcount ({ORIGIN}): counts commands and events" in result.stdout
    assert "wordcount.title (str, default 'Summary'): first line of the report" in result.stdout
    assert "dump (built in): " in result.stdout


def test_an_installed_backend_cannot_take_a_builtin_name() -> None:
    impostor = EntryPointInfo("c", "impostor:Backend", "impostor 1.0")
    other = EntryPointInfo("other", "other:Backend", "other 1.0")
    available = AvailableBackends(lambda: Installed((impostor, other)))
    found = available.find("c")
    assert found is not None and found.value == BUILTIN_BACKENDS["c"]
    assert available.names() == [*sorted(BUILTIN_BACKENDS), "other"]


def test_a_builtin_backend_is_found_without_reading_the_installed_distributions() -> None:
    def read_installed() -> Installed:
        raise AssertionError("the installed distributions were read")

    available = AvailableBackends(read_installed)
    found = available.find("dump")
    assert found is not None and found.value == BUILTIN_BACKENDS["dump"]


def test_exception_in_a_backend_names_it_and_writes_nothing(site: Path, tmp_path: Path) -> None:
    result = run_cli("--backend", "ir", "--backend", "explodes", "-o", tmp_path / "out",
                     EXAMPLE, pythonpath=site)
    assert result.returncode == 1
    assert result.stderr == (
        f"backend 'explodes' ({ORIGIN}) failed: RuntimeError: disk on fire"
        " (QAPI_BUILD_DEBUG=1 shows the traceback)\n"
    )
    assert files_below(tmp_path / "out") == []


def test_backend_for_another_api_version_is_refused(site: Path, tmp_path: Path) -> None:
    result = run_cli("--backend", "oldapi", "-o", tmp_path, EXAMPLE, pythonpath=site)
    assert result.returncode == 1
    assert result.stderr == (
        f"backend 'oldapi' ({ORIGIN}): written for plugin API version 0,"
        f" but this qapi-build expects version {PLUGIN_API_VERSION}\n"
    )


def test_backend_that_fails_to_import_is_reported(site: Path, tmp_path: Path) -> None:
    result = run_cli("--backend", "missing", "-o", tmp_path, EXAMPLE, pythonpath=site)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"backend 'missing' ({ORIGIN}): failed to load: ModuleNotFoundError"
    )
    assert "Traceback" not in result.stderr


def _config(directory: Path, text: str) -> Path:
    path = directory / "plugins.toml"
    path.write_text(text)
    return path


def test_plugins_toml_supplies_schema_output_backends_and_options(
    site: Path, tmp_path: Path
) -> None:
    _config(tmp_path, f"""
schema = "{EXAMPLE}"
output = "generated"
backends = ["wordcount"]
[options.wordcount]
title = "From config"
""")
    result = run_cli(cwd=tmp_path, pythonpath=site)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "generated" / "count.txt").read_text().startswith("From config\n")


def test_command_line_overrides_plugins_toml(site: Path, tmp_path: Path) -> None:
    _config(tmp_path, f"""
schema = "{EXAMPLE}"
output = "generated"
backends = ["ir"]
[options.wordcount]
title = "From config"
""")
    result = run_cli("--backend", "wordcount", "-O", "wordcount.title=From CLI", "-o", "cli",
                     cwd=tmp_path, pythonpath=site)
    assert result.returncode == 0, result.stderr
    assert files_below(tmp_path / "cli") == ["count.txt"]
    assert (tmp_path / "cli" / "count.txt").read_text().startswith("From CLI\n")
    assert not (tmp_path / "generated").exists()


def test_extra_backend_beside_plugins_toml_needs_no_installation_nor_pythonpath(
    tmp_path: Path,
) -> None:
    (tmp_path / "localbackend.py").write_text(
        "from qapi_ir.plugin_api import PLUGIN_API_VERSION\n"
        "class Local:\n"
        "    name = 'local'\n"
        "    description = 'lists modules'\n"
        "    api_version = PLUGIN_API_VERSION\n"
        "    options = ()\n"
        "    def generate(self, schema, output, options):\n"
        "        output.write('modules.txt', ' '.join(m.name for m in schema.modules))\n"
    )
    _config(tmp_path, f'schema = "{EXAMPLE}"\nbackends = ["local"]\n'
                      '[extra-backends]\nlocal = "localbackend.py:Local"\n')
    result = run_cli("-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "modules.txt").read_text() == (
        "./builtin service.json service-types.json"
    )


def test_badly_typed_option_in_plugins_toml_is_an_error(tmp_path: Path) -> None:
    config = _config(tmp_path, '[options.ir]\nfilename = 3\n')
    result = run_cli("--config", config, "--backend", "ir", "-o", tmp_path, EXAMPLE)
    assert result.returncode == 1
    assert result.stderr == "option ir.filename takes a str, not 3\n"


def test_options_for_an_unknown_backend_in_plugins_toml_are_an_error(tmp_path: Path) -> None:
    config = _config(tmp_path, '[options.nosuch]\nx = 1\n')
    result = run_cli("--config", config, "--backend", "ir", "-o", tmp_path, EXAMPLE)
    assert result.returncode == 1
    assert result.stderr == "plugins.toml sets options of unknown backend 'nosuch'\n"


def test_malformed_plugins_toml_is_one_clear_line(tmp_path: Path) -> None:
    config = _config(tmp_path, "backends = [\n")
    result = run_cli("--config", config, "-o", tmp_path, EXAMPLE)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{config}: ")
    assert result.stderr.count("\n") == 1


def test_edited_single_file_backend_is_not_served_from_the_cache(tmp_path: Path) -> None:
    module = tmp_path / "onefile.py"
    template = (
        "from qapi_ir.plugin_api import PLUGIN_API_VERSION\n"
        "class One:\n"
        "    name = 'one'\n"
        "    description = 'writes a fixed word'\n"
        "    api_version = PLUGIN_API_VERSION\n"
        "    options = ()\n"
        "    def generate(self, schema, output, options):\n"
        "        output.write('word.txt', {word!r})\n"
    )
    _config(tmp_path, f'schema = "{EXAMPLE}"\nbackends = ["one"]\n'
                      '[extra-backends]\none = "onefile.py:One"\n')
    cache = tmp_path / "cache"
    module.write_text(template.format(word="first"))
    assert run_cli("-o", "out", "--cache-dir", cache, cwd=tmp_path).returncode == 0
    module.write_text(template.format(word="second, longer"))
    result = run_cli("-o", "out", "--cache-dir", cache, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "word.txt").read_text() == "second, longer"


def test_backend_with_malformed_options_is_a_plugin_error(tmp_path: Path) -> None:
    (tmp_path / "badopts.py").write_text(
        "from qapi_ir.plugin_api import PLUGIN_API_VERSION\n"
        "class BadOptions:\n"
        "    name = 'badopts'\n"
        "    description = 'declares its options wrongly'\n"
        "    api_version = PLUGIN_API_VERSION\n"
        "    options = 42\n"
        "    def generate(self, schema, output, options):\n"
        "        pass\n"
    )
    _config(tmp_path, '[extra-backends]\nbadopts = "badopts.py:BadOptions"\n')
    result = run_cli("--backend", "badopts", "-o", "out", EXAMPLE, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "backend 'badopts' (file badopts.py:BadOptions):"
        " 'options' must be a tuple of qapi_ir.plugin_api.Option\n"
    )


def test_subdirs_in_plugins_toml_place_a_backends_files(tmp_path: Path) -> None:
    _config(tmp_path, f'schema = "{EXAMPLE}"\nbackends = ["ir", "dump"]\n'
                      '[subdirs]\nir = "snapshots/v1"\n')
    result = run_cli("-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert files_below(tmp_path / "out") == ["dump.txt", "snapshots/v1/ir.json"]


@pytest.mark.parametrize("subdir", ["../elsewhere", "/abs", ""])
def test_subdir_outside_the_output_directory_is_refused(tmp_path: Path, subdir: str) -> None:
    config = _config(tmp_path, f'[subdirs]\nir = "{subdir}"\n')
    result = run_cli("--config", config, "--backend", "ir", "-o", tmp_path / "out", EXAMPLE)
    assert result.returncode == 1
    assert result.stderr == (
        f"{config}: [subdirs] ir = {subdir!r} must be a relative path inside the output directory\n"
    )
    assert files_below(tmp_path / "out") == []


def test_subdir_for_an_unknown_backend_is_an_error(tmp_path: Path) -> None:
    config = _config(tmp_path, '[subdirs]\nnosuch = "x"\n')
    result = run_cli("--config", config, "--backend", "ir", "-o", tmp_path / "out", EXAMPLE)
    assert result.returncode == 1
    assert result.stderr == "plugins.toml gives a sub-directory to unknown backend 'nosuch'\n"
