"""Backends that misbehave, each in one way, for the plugin-robustness tests.

They are named in a test's ``plugins.toml`` under ``[extra-backends]``.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from qapi_ir.ir import Schema
from qapi_ir.plugin_api import PLUGIN_API_VERSION, Option, OptionValue, Output


class _Base:
    name = "hostile"
    description = "misbehaves"
    api_version = PLUGIN_API_VERSION
    options: tuple[Option, ...] = ()

    def generate(
        self, schema: Schema, output: Output, options: Mapping[str, OptionValue]
    ) -> None:
        output.write("hostile.txt", "written\n")
        self.misbehave(output)

    def misbehave(self, output: Output) -> None:
        raise NotImplementedError


class Exits(_Base):
    def misbehave(self, output: Output) -> None:
        sys.exit(0)


class Interrupts(_Base):
    def misbehave(self, output: Output) -> None:
        raise KeyboardInterrupt


class WritesBytes(_Base):
    def misbehave(self, output: Output) -> None:
        output.write("b.txt", b"bytes")  # type: ignore[arg-type]


class WritesNone(_Base):
    def misbehave(self, output: Output) -> None:
        output.write("n.txt", None)  # type: ignore[arg-type]


class WritesNul(_Base):
    def misbehave(self, output: Output) -> None:
        output.write("a\0b.txt", "text")


class WritesNewline(_Base):
    def misbehave(self, output: Output) -> None:
        output.write("a\nb.txt", "text")


class FillsFilesDirectly(_Base):
    def misbehave(self, output: Output) -> None:
        output.files["../escaped.txt"] = "outside\n"


class Prints(_Base):
    def misbehave(self, output: Output) -> None:
        print("chatter from a plugin")


class BadOption(_Base):
    options: Any = (Option(name="level", kind="float", default=0.5, help="?"),)  # type: ignore[arg-type]

    def misbehave(self, output: Output) -> None:
        pass


class BadDefault(_Base):
    options: Any = (Option(name="count", kind="int", default="many", help="how many"),)

    def misbehave(self, output: Output) -> None:
        pass


class Sleeps(_Base):
    """Creates ``$HOSTILE_MARK`` once generating, then waits to be interrupted."""

    def misbehave(self, output: Output) -> None:
        Path(os.environ["HOSTILE_MARK"]).write_text("generating")
        time.sleep(120)


class Large(_Base):
    """Many files of some size: the write step takes long enough to be killed in."""

    def misbehave(self, output: Output) -> None:
        for number in range(4000):
            output.write(f"large/{number:04}.txt", f"{number}\n" * 4000)
