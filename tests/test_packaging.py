"""The distribution ships every package of the repository, under the names code imports."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.conftest import REPO_ROOT


def _pyproject() -> dict[str, object]:
    with (REPO_ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def _import_name(directory: Path, mapping: dict[str, str]) -> str:
    """The import name of a package folder, through setuptools' ``package-dir`` mapping."""
    relative = directory.relative_to(REPO_ROOT).as_posix()
    for name, folder in mapping.items():
        if relative == folder or relative.startswith(folder + "/"):
            return name + relative[len(folder):].replace("/", ".")
    return relative.replace("/", ".")


def test_every_package_folder_is_listed_under_its_import_name() -> None:
    setuptools = _pyproject()["tool"]["setuptools"]  # type: ignore[index]
    mapping: dict[str, str] = setuptools["package-dir"]
    folders = [
        init.parent
        for top in ("qapi_ir", *mapping.values())
        for init in (REPO_ROOT / top).rglob("__init__.py")
        if "__pycache__" not in init.parts
    ]
    assert sorted(_import_name(folder, mapping) for folder in folders) == sorted(
        setuptools["packages"]
    )


def test_no_symbolic_link_stands_for_a_package() -> None:
    links = [path.name for path in REPO_ROOT.iterdir() if path.is_symlink()]
    assert links == []


def test_the_build_backend_is_new_enough_for_the_spdx_licence_string() -> None:
    requires = _pyproject()["build-system"]["requires"]  # type: ignore[index]
    assert "setuptools>=77" in requires
