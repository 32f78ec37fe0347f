"""QEMU's full schema manual in headless Chromium: layout, search by keyboard, accessibility.

Needs the conformance corpus, Chromium and chromedriver (skipped without them
unless ``QAPI_BUILD_REQUIRE_ALL=1``).  The search timings are printed (run with
``-s`` to see them); the budget is checked by ``benchmarks/docs_search.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPUS_DIR, need

from .conftest import generate, overflow, script, set_width, severe_console_errors

FULL_SCHEMA = CORPUS_DIR / "qemu-10.2" / "codegen" / "schemas" / "qapi" / "qapi-schema.json"
WIDTHS = (1366, 390)
AUDIT_SECONDS = 1800


@pytest.fixture(scope="module")
def full_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The manual of QEMU 10.2's full schema, written to disk."""
    from qapi_ir.frontend import load_schema

    need(FULL_SCHEMA.is_file(), f"conformance corpus not found at {CORPUS_DIR}")
    out = tmp_path_factory.mktemp("full-site")
    for name, text in generate(load_schema(str(FULL_SCHEMA))).files.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


@pytest.fixture
def index_page(full_site: Path, driver: Any) -> Any:
    """The browser on the full manual's index at 1366 px."""
    set_width(driver, 1366)
    driver.get((full_site / "index.html").as_uri())
    severe_console_errors(driver)
    return driver


def test_no_page_of_the_full_schema_is_wider_than_the_screen(
        full_site: Path, driver: Any) -> None:
    pages = sorted(p.name for p in full_site.glob("*.html"))
    assert len(pages) > 40
    wide: list[str] = []
    for name in pages:
        driver.get((full_site / name).as_uri())
        for width in WIDTHS:
            set_width(driver, width)
            if overflow(driver):
                wide.append(f"{name} at {width} px: {overflow(driver)} px too wide")
    set_width(driver, 1366)
    assert wide == []
    assert severe_console_errors(driver) == []


def _search_by_keyboard(driver: Any, query: str, *keys: str) -> str:
    """Type ``query`` and ``keys`` (ending in Enter) into the search box; the URL reached."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element(By.ID, "search-box")
    box.send_keys(query)
    status = driver.find_element(By.ID, "search-status").text
    assert "result" in status, f"{query}: {status}"
    box.send_keys(*keys, Keys.ENTER)
    return str(driver.current_url).partition("#")[2]


def test_member_is_found_and_opened_with_the_keyboard(index_page: Any) -> None:
    anchor = _search_by_keyboard(index_page, "node-name")
    assert anchor.startswith("member-") and anchor.endswith("-node-name")
    assert index_page.execute_script(f"return !!document.getElementById('{anchor}')")


def test_feature_is_found_and_opened_with_the_keyboard(index_page: Any) -> None:
    from selenium.webdriver.common.by import By

    anchor = _search_by_keyboard(index_page, "deprecated")
    target = index_page.find_element(By.ID, anchor)
    assert "deprecated" in target.text


def test_words_of_the_text_find_their_definition(index_page: Any) -> None:
    from selenium.webdriver.common.by import By

    script.search(index_page, "ejects the medium")
    names = [e.text for e in index_page.find_elements(By.CSS_SELECTOR, "#search-results code")]
    assert "eject" in names


def test_underscores_find_hyphenated_names_first(index_page: Any) -> None:
    assert _search_by_keyboard(index_page, "blockdev_add") == "command-blockdev-add"


def test_ranking_puts_exact_name_then_prefix_then_members(index_page: Any) -> None:
    from selenium.webdriver.common.by import By

    script.search(index_page, "block-commit")
    kinds = [e.text.split()[1] for e in index_page.find_elements(By.CSS_SELECTOR,
                                                                   "#search-results a")]
    names = [e.text for e in index_page.find_elements(By.CSS_SELECTOR, "#search-results code")]
    assert names[0] == "block-commit" and kinds[0] == "Command"


def test_count_says_how_many_results_are_not_shown(index_page: Any) -> None:
    from selenium.webdriver.common.by import By

    links = script.search(index_page, "block")
    status = index_page.find_element(By.ID, "search-status").text
    total = int(status.split()[0])
    assert total > len(links) and f"the first {len(links)} shown" in status


def test_first_result_time_in_the_browser_is_measured(index_page: Any) -> None:
    timings = {}
    for query in ("blockdev_add", "node-name", "ejects the medium"):
        index_page.get(index_page.current_url)
        timings[query] = index_page.execute_script("""
            const box = document.getElementById("search-box");
            const start = performance.now();
            box.value = arguments[0];
            box.dispatchEvent(new Event("input"));
            const found = document.querySelector("#search-results a");
            return found ? performance.now() - start : -1;""", query)
    print("first search on a fresh page (ms):", timings)
    assert all(ms >= 0 for ms in timings.values())


@pytest.mark.parametrize("page", ["index.html", "block-core.html", "qom.html"])
def test_accessibility_audit_finds_nothing_serious(
        full_site: Path, driver: Any, page: str) -> None:
    try:
        from axe_selenium_python import Axe
    except ImportError:
        need(False, "axe-selenium-python is not installed (pip install -e '.[test]')")
    set_width(driver, 1366)
    driver.get((full_site / page).as_uri())
    # axe-core 3.1 (what the package bundles) takes minutes on block-core's 30k elements.
    driver.set_script_timeout(AUDIT_SECONDS)
    driver.command_executor.client_config.timeout = AUDIT_SECONDS
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], axe.report(bad)
