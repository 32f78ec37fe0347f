"""The example schema's manual in a real browser (headless Chromium from file://)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import overflow, script, set_width, severe_console_errors, site_path

#: A command of examples/service.json that takes arguments.
COMMAND_WITH_ARGUMENTS = "submit-job"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example schema's manual, written to disk."""
    return site_path(tmp_path_factory.mktemp("site"))


@pytest.fixture
def page(site: Path, driver: Any) -> Any:
    """The browser on the manual's index at 1366 px, console and search box empty."""
    set_width(driver, 1366)
    driver.get((site / "index.html").as_uri())
    severe_console_errors(driver)
    return driver


def by_css(driver: Any, selector: str) -> list[Any]:
    """The elements ``selector`` matches."""
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, selector))


def test_manual_loads_searches_and_links_to_a_members_table(page: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    assert page.find_element(By.TAG_NAME, "h1").text
    links = script.search(page, "query")
    names = [link.find_element(By.TAG_NAME, "code").text for link in links]
    assert names and all("query" in name for name in names)

    page.find_element(By.ID, "search-box").clear()
    link = script.search(page, COMMAND_WITH_ARGUMENTS)[0]
    target = link.get_attribute("href")
    link.click()
    anchor = target.partition("#")[2]
    assert anchor == f"command-{COMMAND_WITH_ARGUMENTS}"
    section = page.find_element(By.ID, anchor)
    assert section.find_elements(By.CSS_SELECTOR, "table.members tbody tr")
    assert severe_console_errors(page) == []

    shot = tmp_path / "page.png"
    page.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_arrow_keys_choose_a_result_and_enter_opens_it(page: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = page.find_element(By.ID, "search-box")
    options = script.search(page, "job")
    box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_UP)
    chosen = options[1]
    assert chosen.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == chosen.get_attribute("id")
    expected = chosen.get_attribute("href")
    box.send_keys(Keys.ENTER)
    assert page.current_url == expected
    assert severe_console_errors(page) == []


def test_result_count_is_shown(page: Any) -> None:
    from selenium.webdriver.common.by import By

    links = script.search(page, "job")
    status = page.find_element(By.ID, "search-status").text
    assert status == f"{len(links)} results"


def test_escape_and_a_click_elsewhere_close_the_results(page: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    panel = page.find_element(By.ID, "search-panel")
    box = page.find_element(By.ID, "search-box")
    script.search(page, "submit-jo")
    box.send_keys(Keys.ESCAPE)
    assert not panel.is_displayed() and box.get_attribute("aria-expanded") == "false"
    box.send_keys(Keys.ARROW_DOWN)
    assert panel.is_displayed() and len(by_css(page, "#search-results a")) == 1
    page.find_element(By.ID, "definitions-title").click()
    assert not panel.is_displayed()


def test_inline_literals_are_monospace(site: Path, page: Any) -> None:
    page.get((site / "service.html").as_uri())
    fonts = {e.value_of_css_property("font-family") for e in by_css(page, "span.literal")}
    assert fonts and all("mono" in font.lower() for font in fonts)


@pytest.mark.parametrize("width", [1366, 390, 360])
def test_member_names_stay_on_one_line_and_pages_fit(site: Path, page: Any, width: int) -> None:
    set_width(page, width)
    for name in sorted(p.name for p in site.glob("*.html")):
        page.get((site / name).as_uri())
        assert overflow(page) == 0, name
        wrapped = page.execute_script(
            "return [...document.querySelectorAll('th.name code')]"
            ".filter(c => c.getClientRects().length > 1).map(c => c.textContent);")
        assert wrapped == [], name


def test_narrow_screen_folds_the_navigation_into_one_column(site: Path, page: Any) -> None:
    from selenium.webdriver.common.by import By

    set_width(page, 390)
    page.get((site / "service.html").as_uri())
    nav = page.find_element(By.CSS_SELECTOR, "nav.modules")
    main = page.find_element(By.TAG_NAME, "main")
    assert nav.find_element(By.TAG_NAME, "details").get_attribute("open") is None
    assert nav.rect["y"] < main.rect["y"] and main.rect["width"] > 350


def test_results_rank_names_starting_with_the_query_before_members_and_other_names(
        page: Any) -> None:
    from selenium.webdriver.common.by import By

    links = script.search(page, "job")
    labels = [(a.find_element(By.TAG_NAME, "code").text,
               a.find_element(By.CLASS_NAME, "kind").text) for a in links]
    first_other = next(i for i, (name, _) in enumerate(labels)
                       if not name.lower().startswith("job"))
    assert first_other > 3
    assert all("member" not in kind for _, kind in labels[:first_other])
    # At a word, a command's name ranks with a member named exactly so, and before it.
    assert labels.index(("cancel-job", "Command")) < labels.index(("job", "member of cancel-job"))
