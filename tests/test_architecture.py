"""The import rules of ARCHITECTURE.md, checked on the imports (AST) of every module."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

#: The modules of the IR contract: what backends and plugins may rely on.
CONTRACT = frozenset({
    "qapi_ir.ir", "qapi_ir.flags", "qapi_ir.snapshot", "qapi_ir.invariants",
    "qapi_ir.invariant_fields",
    "qapi_ir.ir_jsonschema", "qapi_ir.plugin_api", "qapi_ir.templating",
    "qapi_ir.template_modules", "qapi_ir.language", "qapi_ir.input_file",
    "qapi_ir.backend_helpers",
    "qapi_ir.snapshot_migrations", "qapi_ir.snapshot_versions", "qapi_ir.snapshot_format",
    "qapi_ir.regenerate", "qapi_ir.ir_reference",
})
#: Folder -> the import name of its package.
PACKAGES = {"qapi_ir": "qapi_ir", "backends": "qapi_backends", "contrib": "contrib"}


def _module_name(path: Path) -> str:
    relative = path.relative_to(REPO_ROOT).with_suffix("")
    parts = [PACKAGES.get(relative.parts[0], relative.parts[0]), *relative.parts[1:]]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, relative: bool = True) -> Iterator[str]:
    """Every module ``path`` imports (relative ones made absolute, or left out), wherever."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level and not relative:
                continue
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def _ours(name: str) -> bool:
    return name.split(".")[0] in ("qapi_ir", "qapi_backends", "contrib")


def _modules(folder: str) -> list[Path]:
    """The source modules below ``folder`` (not templates compiled at install time)."""
    if not (REPO_ROOT / folder).is_dir():
        return []
    return sorted(path for path in (REPO_ROOT / folder).rglob("*.py")
                  if "templates" not in path.relative_to(REPO_ROOT).parts)


def _in_contract(name: str) -> bool:
    return any(name == c or name.startswith(c + ".") for c in CONTRACT)


def _is_module(name: str) -> bool:
    """Whether ``name`` is a module or package of ours (not an attribute imported from one)."""
    parts = name.split(".")
    folder = {v: k for k, v in PACKAGES.items()}.get(parts[0], parts[0])
    path = REPO_ROOT.joinpath(folder, *parts[1:])
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file() \
        or path.is_dir()


def _violations(folder: str, allowed: Callable[[Path, str], bool]) -> list[str]:
    found = []
    for path in _modules(folder):
        for name in _imports(path):
            if _ours(name) and _is_module(name) and not allowed(path, name):
                found.append(f"{path.relative_to(REPO_ROOT)} imports {name}")
    return sorted(set(found))


def _backend_may_import(path: Path, name: str) -> bool:
    """The contract, and other backends (only relatively: checked below)."""
    return name == "qapi_ir" or name.startswith("qapi_backends") or _in_contract(name)


def test_backends_import_only_the_contract() -> None:
    assert _violations("backends", _backend_may_import) == []


def test_backends_import_each_other_only_relatively() -> None:
    absolute = [
        f"{path.relative_to(REPO_ROOT)} imports {name}"
        for path in _modules("backends") for name in _imports(path, relative=False)
        if name.startswith("qapi_backends")
    ]
    assert absolute == []


def test_the_front_end_imports_only_the_ir() -> None:
    def allowed(path: Path, name: str) -> bool:
        return name in ("qapi_ir", "qapi_ir.ir", "qapi_ir.flags", "qapi_ir.language",
                        "qapi_ir.input_file") or name.startswith("qapi_ir.frontend")

    assert _violations("qapi_ir/frontend", allowed) == []


def test_the_diff_does_not_import_the_build_machinery() -> None:
    def allowed(path: Path, name: str) -> bool:
        return not name.startswith(("qapi_ir.driver", "qapi_backends"))

    assert _violations("qapi_ir/diff", allowed) == []


def test_the_contract_imports_neither_front_end_diff_nor_build() -> None:
    def allowed(path: Path, name: str) -> bool:
        return not name.startswith(
            ("qapi_ir.frontend", "qapi_ir.diff", "qapi_ir.driver", "qapi_backends"))

    contract = [p for p in _modules("qapi_ir") if _module_name(p) in CONTRACT]
    assert len(contract) == len(CONTRACT)
    found = [
        f"{path.relative_to(REPO_ROOT)} imports {name}"
        for path in contract for name in _imports(path)
        if _ours(name) and not allowed(path, name)
    ]
    assert found == []


def test_every_module_at_the_top_of_qapi_ir_is_in_the_contract() -> None:
    top = {_module_name(p) for p in (REPO_ROOT / "qapi_ir").glob("*.py")}
    assert top - CONTRACT == {"qapi_ir", "qapi_ir.__main__"}, (
        "list a new top-level module of qapi_ir in CONTRACT and in ARCHITECTURE.md")


def test_contributed_packages_import_only_the_contract() -> None:
    def allowed(path: Path, name: str) -> bool:
        return name == "qapi_ir" or name.startswith("contrib") or _in_contract(name)

    assert _violations("contrib", allowed) == []


@pytest.mark.parametrize(("source", "expected"), [
    ("from qapi_ir.driver import cli\n", "qapi_ir.driver.cli"),
    ("from ..diff import wire_model\n", "qapi_ir.diff.wire_model"),
    ("def f():\n    import qapi_ir.frontend.lower\n", "qapi_ir.frontend.lower"),
])
def test_every_import_is_seen_wherever_it_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, expected: str) -> None:
    module = REPO_ROOT / "qapi_ir" / "frontend" / "probe.py"
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: source)
    assert expected in set(_imports(module))
