"""Fixtures of the Python backend's tests: packages generated from the fixture schemas."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from qemu.qmp.models import Greeting

from qapi_backends.python import PythonBackend
from qapi_ir.driver.releases import release_history
from qapi_ir.frontend import load_schema
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import Option, Output, ReleaseHistory

FIXTURES = Path(__file__).parent / "fixtures"


def history(schema: Schema, *releases: str) -> ReleaseHistory:
    """The history of ``LABEL=PATH`` ``releases`` against ``schema``, as qapi-build makes it."""
    option = next(o for o in PythonBackend.options if o.name == "compat")
    assert isinstance(option, Option)
    return release_history("python", option, releases, schema)


def generate(
    schema: Schema, package: str, directory: Path, compat: ReleaseHistory | None = None
) -> Path:
    """Write the package generated from ``schema`` (with ``compat``) under ``directory``."""
    output = Output()
    options = {"package": package} if compat is None else {"package": package, "compat": compat}
    PythonBackend().generate(schema, output, options)
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
    new = load_schema(str(FIXTURES / "compat-new.json"))
    generate(new, "compat_client", directory, history(new, f"1.0={FIXTURES / 'compat-old.json'}"))
    agent = load_schema(str(FIXTURES / "agent.json"))
    generate(agent, "agent_client", directory, history(agent, f"1.0={FIXTURES / 'agent-old.json'}"))
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
def compat(packages_dir: Path) -> ModuleType:
    """The package generated from ``compat-new.json`` with ``compat-old.json`` as release 1.0."""
    return _import(packages_dir, "compat_client")


@pytest.fixture(scope="session")
def live(packages_dir: Path) -> ModuleType:
    """The package generated from ``live.json`` (the QMP subset of the live test)."""
    return _import(packages_dir, "live_client")


@pytest.fixture(scope="session")
def agent(packages_dir: Path) -> ModuleType:
    """The guest agent package generated from ``agent.json`` with ``agent-old.json`` as 1.0."""
    return _import(packages_dir, "agent_client")


class FakeQMP:
    """Stands in for ``qemu.qmp.QMPClient``: records commands, answers from a script."""

    def __init__(
        self, *replies: object, events: tuple[object, ...] = (), version: str = "7.2.19"
    ) -> None:
        self.replies = list(replies)
        self.sent: list[tuple[str, object]] = []
        self.events = _Events(events)
        major, minor, micro = map(int, version.split("."))
        numbers = {"major": major, "minor": minor, "micro": micro}
        qmp = {"version": {"qemu": numbers, "package": ""}, "capabilities": ["oob"]}
        self.greeting = Greeting({"QMP": qmp})

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
