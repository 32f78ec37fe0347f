"""Fixtures of the docs backend tests: the rendered test schema, QEMU's three manuals (built
once per session) and one headless Chromium shared by every browser test."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from qapi_backends.docs import DocsBackend
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import OptionValue, Output
from tests.conftest import CORPUS_DIR, REPO_ROOT, need

from .schemas import vault_schema

DEFAULTS: dict[str, OptionValue] = {o.name: o.default for o in DocsBackend.options}


def generate(schema: Schema, **options: OptionValue) -> Output:
    """Run the docs backend on ``schema`` with ``options`` over the defaults."""
    output = Output()
    given: Mapping[str, OptionValue] = {**DEFAULTS, **options}
    DocsBackend().generate(schema, output, given)
    return output


def search_document(output: Output) -> Any:
    """The search index a manual's search-index.js holds."""
    script = output.files["search-index.js"]
    prefix, suffix = "window.QAPI_SEARCH_INDEX = ", ";\n"
    assert script.startswith(prefix) and script.endswith(suffix)
    return json.loads(script.removeprefix(prefix).removesuffix(suffix))


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


@pytest.fixture(scope="session")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium; skipped (failed under QAPI_BUILD_REQUIRE_ALL=1) without it."""
    need(script.chromium_paths() is not None,
         "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    browser = script.open_browser(tmp_path_factory.mktemp("profile"))
    yield browser
    browser.quit()


#: QEMU 10.2's three manuals: the QMP reference, the guest agent's, the storage daemon's.
MANUALS = {
    "qmp": Path("qapi", "qapi-schema.json"),
    "qga": Path("qga", "qapi-schema.json"),
    "qsd": Path("storage-daemon", "qapi", "qapi-schema.json"),
}


@pytest.fixture(scope="session")
def qemu_outputs() -> dict[str, Output]:
    """The docs backend's output for each of :data:`MANUALS`, built once per session."""
    from qapi_ir.frontend import load_schema

    schemas = CORPUS_DIR / "qemu-10.2" / "codegen" / "schemas"
    need(schemas.is_dir(), f"conformance corpus not found at {CORPUS_DIR}")
    return {name: generate(load_schema(str(schemas / path))) for name, path in MANUALS.items()}


@pytest.fixture(scope="session")
def qemu_sites(qemu_outputs: dict[str, Output],
               tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each of QEMU's manuals written to a directory of its own."""
    sites = {}
    for name, output in qemu_outputs.items():
        sites[name] = write_site(output, tmp_path_factory.mktemp(name))
    return sites


def write_site(output: Output, out: Path) -> Path:
    """``out``, once it holds the files of ``output``."""
    for name, text in output.files.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


def open_page(driver: Any, page: Path, width: int = 1366) -> Any:
    """The browser on ``page`` at ``width`` px, console emptied."""
    set_width(driver, width)
    driver.get(page.as_uri())
    severe_console_errors(driver)
    return driver


def result_rows(driver: Any, query: str) -> list[tuple[str, str]]:
    """Search ``query`` in the page's box; every result row (name, the rest of its line),
    "show more" pressed until all are shown."""
    from selenium.webdriver.common.by import By

    box = driver.find_element(By.ID, "search-box")
    box.clear()
    script.search(driver, query)
    more = driver.find_element(By.ID, "search-more")
    while more.is_displayed():
        more.click()
    return [tuple(r) for r in driver.execute_script(
        "return [...document.querySelectorAll('#search-results a')].map(a => "
        "[a.querySelector('code').textContent, a.querySelector('.kind').textContent.trim()]);")]


def axe_violations(driver: Any, include: list[str]) -> list[Any]:
    """The serious and critical findings of axe-core in the parts ``include`` selects."""
    try:
        from axe_selenium_python import Axe
    except ImportError:
        need(False, "axe-selenium-python is not installed (pip install -e '.[test]')")
    axe = Axe(driver)
    axe.inject()
    results = axe.run(context={"include": [[selector] for selector in include]})
    return [v for v in results["violations"] if v["impact"] in ("serious", "critical")]


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
