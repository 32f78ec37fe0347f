"""Fixtures of the docs backend tests: the rendered test schema."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from qapi_backends.docs import DocsBackend
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import OptionValue, Output
from tests.conftest import REPO_ROOT, need

from .schemas import vault_schema

DEFAULTS: dict[str, OptionValue] = {"since": "", "strict": False}


def generate(schema: Schema, **options: OptionValue) -> Output:
    """Run the docs backend on ``schema`` with ``options`` over the defaults."""
    output = Output()
    given: Mapping[str, OptionValue] = {**DEFAULTS, **options}
    DocsBackend().generate(schema, output, given)
    return output


@pytest.fixture(scope="module")
def vault_output() -> Output:
    """The docs of the hand-built test schema, with ``since=2.0``."""
    return generate(vault_schema(), since="2.0")


def _screenshot_script() -> ModuleType:
    path = REPO_ROOT / "scripts" / "docs_screenshot.py"
    spec = importlib.util.spec_from_file_location("docs_screenshot", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: scripts/docs_screenshot.py, whose browser helpers the browser tests share.
script = _screenshot_script()


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium; skipped (failed under QAPI_BUILD_REQUIRE_ALL=1) without it."""
    need(script.chromium_paths() is not None,
         "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    browser = script.open_browser(tmp_path_factory.mktemp("profile"))
    yield browser
    browser.quit()


def severe_console_errors(driver: Any) -> list[Any]:
    """The browser console's errors since the last call."""
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def set_width(driver: Any, width: int) -> None:
    """Make the viewport ``width`` CSS pixels wide, as a screen of that size shows it."""
    script.set_viewport(driver, width, 900)


def overflow(driver: Any) -> int:
    """How many pixels the page is wider than the viewport (0 when it fits)."""
    return int(driver.execute_script(
        "const e = document.documentElement; return e.scrollWidth - e.clientWidth;"))


def site_path(out: Path) -> Path:
    """``out``, once it holds the example schema's manual."""
    out.mkdir(exist_ok=True)
    script.render_manual(script.EXAMPLE_SCHEMA, out)
    return out
