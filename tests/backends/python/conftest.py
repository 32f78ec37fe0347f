"""Fixtures of the Python backend's tests: packages generated from the fixture schemas."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from qapi_backends.python import PythonBackend

from qapi_ir.frontend import load_schema
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import Output

FIXTURES = Path(__file__).parent / "fixtures"


def generate(schema: Schema, package: str, directory: Path) -> Path:
    """Write the package generated from ``schema`` under ``directory``; its path."""
    output = Output()
    PythonBackend().generate(schema, output, {"package": package})
    for name, text in output.files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return directory / package


@pytest.fixture(scope="session")
def packages_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A directory on ``sys.path`` holding the packages generated from the fixtures."""
    directory = tmp_path_factory.mktemp("generated")
    for name in ("kitchen", "live"):
        generate(load_schema(str(FIXTURES / f"{name}.json")), f"{name}_client", directory)
    sys.path.insert(0, str(directory))
    yield directory
    sys.path.remove(str(directory))


def _import(packages_dir: Path, name: str) -> ModuleType:
    importlib.invalidate_caches()
    return importlib.import_module(name)


@pytest.fixture(scope="session")
def kitchen(packages_dir: Path) -> ModuleType:
    """The package generated from ``kitchen.json`` (every construct)."""
    return _import(packages_dir, "kitchen_client")


@pytest.fixture(scope="session")
def live(packages_dir: Path) -> ModuleType:
    """The package generated from ``live.json`` (the QMP subset of the live test)."""
    return _import(packages_dir, "live_client")


class FakeQMP:
    """Stands in for ``qemu.qmp.QMPClient``: records commands, answers from a script."""

    def __init__(self, *replies: object, events: tuple[object, ...] = ()) -> None:
        self.replies = list(replies)
        self.sent: list[tuple[str, object]] = []
        self.events = _Events(events)

    async def execute(self, command: str, arguments: object = None) -> object:
        self.sent.append((command, arguments))
        reply = self.replies.pop(0)
        if isinstance(reply, BaseException):
            raise reply
        return reply


class _Events:
    def __init__(self, messages: tuple[object, ...]) -> None:
        self._messages = list(messages)

    def __aiter__(self) -> _Events:
        return self

    async def __anext__(self) -> object:
        if not self._messages:
            raise StopAsyncIteration
        return self._messages.pop(0)
