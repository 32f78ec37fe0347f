"""The example schema's manual in a real browser (headless Chromium from file://)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import REPO_ROOT, need


def _screenshot_script() -> ModuleType:
    path = REPO_ROOT / "scripts" / "docs_screenshot.py"
    spec = importlib.util.spec_from_file_location("docs_screenshot", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = _screenshot_script()

#: A command of examples/service.json that takes arguments.
COMMAND_WITH_ARGUMENTS = "submit-job"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The example schema's manual, written to disk."""
    out = tmp_path / "site"
    out.mkdir()
    script.render_manual(script.EXAMPLE_SCHEMA, out)
    return out


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[Any]:
    """Headless Chromium; skipped (failed under QAPI_BUILD_REQUIRE_ALL=1) without it."""
    need(script.chromium_paths() is not None,
         "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    browser = script.open_browser(tmp_path / "profile")
    yield browser
    browser.quit()


def test_manual_loads_searches_and_links_to_a_members_table(
        site: Path, driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver.get((site / "index.html").as_uri())
    assert driver.find_element(By.TAG_NAME, "h1").text
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []

    links = script.search(driver, "query")
    names = [link.find_element(By.TAG_NAME, "code").text for link in links]
    assert names and all("query" in name for name in names)

    driver.find_element(By.ID, "search-box").clear()
    link = script.search(driver, COMMAND_WITH_ARGUMENTS)[0]
    target = link.get_attribute("href")
    link.click()
    anchor = target.partition("#")[2]
    assert anchor == f"command-{COMMAND_WITH_ARGUMENTS}"
    section = driver.find_element(By.ID, anchor)
    assert section.find_elements(By.CSS_SELECTOR, "table.members tbody tr")
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []

    shot = tmp_path / "page.png"
    driver.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
