"""QEMU 10.2's QMP reference in headless Chromium: search, index, reading aids, loading.

Needs the conformance corpus, Chromium and chromedriver (skipped without them
unless ``QAPI_BUILD_REQUIRE_ALL=1``).  The manual is built once per session
and one browser serves every test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import open_page, result_rows, script, set_width, severe_console_errors


@pytest.fixture(scope="module")
def qmp(qemu_sites: dict[str, Path]) -> Path:
    """The QMP reference's directory."""
    return qemu_sites["qmp"]


@pytest.fixture
def index_page(qmp: Path, driver: Any) -> Any:
    """The browser on the manual's index at 1366 px."""
    return open_page(driver, qmp / "index.html")


def _top3(driver: Any, query: str) -> list[tuple[str, str]]:
    return result_rows(driver, query)[:3]


def test_ranking_puts_definitions_named_after_the_query_first(index_page: Any) -> None:
    assert "block_set_io_throttle" in [n for n, _ in _top3(index_page, "throttle")]
    assert {n for n, _ in _top3(index_page, "snapshot")} == {
        "snapshot-save", "snapshot-load", "snapshot-delete"}
    assert {n for n, _ in _top3(index_page, "hotplug")} >= {
        "query-hotpluggable-cpus", "HotpluggableCPU"}


def test_ranking_lets_a_space_or_an_underscore_match_a_hyphen(index_page: Any) -> None:
    assert {n for n, _ in _top3(index_page, "dirty rate")} >= {
        "query-dirty-rate", "calc-dirty-rate"}
    assert _top3(index_page, "blockdev_add")[0] == ("blockdev-add", "Command")
    assert _top3(index_page, "block set io throttle")[0] == ("block_set_io_throttle", "Command")


def test_ranking_puts_exact_matches_before_longer_names(index_page: Any) -> None:
    rows = result_rows(index_page, "deprecated")
    assert all(name == "deprecated" for name, _ in rows[:3])
    assert any(rest.startswith("feature") for _, rest in rows[:3])
    exact_features = [i for i, (n, r) in enumerate(rows)
                      if n == "deprecated" and r.startswith("feature")]
    longer = [i for i, (n, _) in enumerate(rows) if n.startswith("deprecated-")]
    assert len(exact_features) > 20 and longer and max(exact_features) < min(longer)


@pytest.mark.parametrize("query", ["unstable", "deprecated", "x-", "throttle"])
def test_no_two_result_rows_read_the_same(index_page: Any, query: str) -> None:
    rows = result_rows(index_page, query)
    assert len(rows) == len(set(rows)), [r for r in rows if rows.count(r) > 1][:3]


def test_a_members_feature_says_which_member(index_page: Any) -> None:
    rows = result_rows(index_page, "unstable")
    throttle = [rest for name, rest in rows if rest.endswith("of ThrottleGroupProperties")]
    assert len(throttle) > 10
    assert all(rest.startswith("feature on member x-") for rest in throttle)


def test_show_more_reveals_every_result(index_page: Any) -> None:
    from selenium.webdriver.common.by import By

    links = script.search(index_page, "x-")
    status = index_page.find_element(By.ID, "search-status").text
    total = int(status.split()[0])
    more = index_page.find_element(By.ID, "search-more")
    assert total > 100 and len(links) == 50 and more.text == "Show 50 more"
    assert result_rows(index_page, "x-")[-1] and len(result_rows(index_page, "x-")) == total
    assert not more.is_displayed()


def test_results_show_a_snippet_of_their_text(index_page: Any) -> None:
    from selenium.webdriver.common.by import By

    script.search(index_page, "eject")
    first = index_page.find_element(By.CSS_SELECTOR, "#search-results a")
    assert first.find_element(By.TAG_NAME, "code").text == "eject"
    assert "Ejects the medium" in first.find_element(By.CLASS_NAME, "snippet").text


def test_the_query_is_in_the_url_and_a_shared_url_runs_it(qmp: Path, driver: Any) -> None:
    from selenium.webdriver.common.by import By

    page = open_page(driver, qmp / "index.html")
    script.search(page, "blockdev-add")
    assert page.current_url.endswith("index.html?q=blockdev-add")
    page.get((qmp / "qom.html").as_uri() + "?q=query-block")
    links = script.search(page, "")
    assert links[0].find_element(By.TAG_NAME, "code").text == "query-block"
    assert page.find_element(By.ID, "search-box").get_attribute("value") == "query-block"


@pytest.mark.parametrize("key", ["/", "s"])
def test_a_key_focuses_the_search_box(index_page: Any, key: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(index_page).send_keys(key).perform()
    focused = index_page.switch_to.active_element
    assert focused.get_attribute("id") == "search-box"
    assert focused.get_attribute("value") == ""


def test_search_index_is_loaded_only_when_the_box_is_used(qmp: Path, index_page: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    scripts = "return [...document.scripts].map(s => s.getAttribute('src'))"
    assert index_page.execute_script(scripts) == ["search.js"]
    assert index_page.execute_script("return typeof window.QAPI_SEARCH_INDEX") == "undefined"
    index_page.find_element(By.ID, "search-box").click()
    WebDriverWait(index_page, 10).until(
        lambda d: d.execute_script("return typeof window.QAPI_SEARCH_INDEX") == "object")
    assert index_page.execute_script(scripts) == ["search.js", "search-index.js"]
    assert not (qmp / "search-index.json").exists()


def test_definitions_and_members_have_a_visible_permalink(qmp: Path, driver: Any) -> None:
    from selenium.webdriver.common.by import By

    page = open_page(driver, qmp / "block.html")
    missing = page.execute_script("""
        const bad = [];
        for (const el of document.querySelectorAll('section.definition[id], tr[id]')) {
          const link = el.querySelector('a.permalink');
          if (!link || link.getAttribute('href') !== '#' + el.id) bad.push(el.id);
        }
        return bad;""")
    assert missing == []
    link = page.find_element(By.CSS_SELECTOR, "#command-eject a.permalink")
    assert link.is_displayed() and link.text == "¶"
    link.click()
    assert page.current_url.endswith("#command-eject")


def test_index_groups_definitions_by_kind_with_a_letter_bar(index_page: Any) -> None:
    groups = index_page.execute_script("""
        return [...document.querySelectorAll('section.index-group')].map(g => [g.id,
          [...g.querySelectorAll('nav.az a')].map(a => a.hash.slice(1))
            .filter(id => !document.getElementById(id)).length,
          g.querySelectorAll('nav.az a').length, g.querySelectorAll('li').length]);""")
    assert [g[0] for g in groups] == ["commands", "events", "types"]
    assert all(broken == 0 and letters > 5 and entries > 30
               for _, broken, letters, entries in groups)


def test_index_nests_modules_as_qemus_headings_do(index_page: Any) -> None:
    nested = index_page.execute_script("""
        const link = document.querySelector('nav.modules a[href="block-core.html"]');
        return link.parentElement.parentElement.closest('li').querySelector('a').textContent;""")
    assert nested == "Block devices"


def test_modules_without_a_title_get_one_from_their_name(qmp: Path, driver: Any) -> None:
    page = open_page(driver, qmp / "misc-arm.html")
    assert page.title.startswith("Miscellanea (ARM)")
    assert page.find_element("tag name", "h1").text == "Miscellanea (ARM)"
    names = page.execute_script(
        "return [...document.querySelectorAll('nav.modules a')].map(a => a.textContent)")
    assert not [n for n in names if n.endswith(".json")]
    assert "Machines (s390x)" in names


def test_references_are_links_not_raw_syntax(qmp: Path, driver: Any) -> None:
    page = open_page(driver, qmp / "qapi-schema.html")
    link = page.execute_script(
        "return [...document.querySelectorAll('main a')].filter(a => a.textContent === "
        "'QEMU Machine Protocol Specification').map(a => a.href)")
    assert link == ["https://www.qemu.org/docs/master/interop/qmp-spec.html"]
    assert "qapi-qmp-index" not in page.find_element("tag name", "main").text
    for name in ("control.html", "introspect.html", "machine.html"):
        page.get((qmp / name).as_uri())
        text = page.find_element("tag name", "main").text
        assert not [s for s in (":doc:", ":ref:", "`", "qapi-qmp-index") if s in text], name


def test_examples_are_highlighted_past_their_first_line(qmp: Path, driver: Any) -> None:
    page = open_page(driver, qmp / "block.html")
    colours = page.execute_script("""
        const reply = [...document.querySelectorAll('.qmp-out')]
          .find(m => m.textContent.includes('\\n'));
        const key = [...reply.querySelectorAll('.json-key')].pop();
        return [key.textContent, getComputedStyle(key).color,
                getComputedStyle(reply).color];""")
    assert colours[0].startswith('"') and colours[1] != colours[2]


def test_builtin_types_link_to_their_legend(qmp: Path, driver: Any) -> None:
    page = open_page(driver, qmp / "block.html")
    href = page.execute_script(
        "return document.querySelector('#member-eject-id td.type a').href")
    assert href.endswith("index.html#builtin-str")
    page.get(href)
    assert "JSON string" in page.find_element("id", "builtin-str").text


def test_phone_cards_do_not_say_optional_mandatory(qmp: Path, driver: Any) -> None:
    page = open_page(driver, qmp / "block.html", 390)
    labels = page.execute_script("""
        return [...document.querySelectorAll('table.members td')].map(td =>
          getComputedStyle(td, '::before').content.replace(/^none$|"/g, '') + td.textContent);""")
    set_width(page, 1366)
    assert "mandatory" in labels and not [t for t in labels if "Optional:" in t]


def test_special_features_show_once(qmp: Path, driver: Any) -> None:
    page = open_page(driver, qmp / "block.html")
    terms = page.execute_script(
        "return [...document.querySelectorAll('dl.features dt')].map(dt => dt.textContent.trim())")
    assert any(t.startswith("deprecated") for t in terms)
    assert not [t for t in terms if t.count("deprecated") > 1 or t.count("unstable") > 1]


def test_on_this_page_breaks_names_only_between_words_and_marks_the_place(
        qmp: Path, driver: Any) -> None:
    page = open_page(driver, qmp / "machine.html", 1366)
    bad = page.execute_script("""
        const bad = [];
        for (const code of document.querySelectorAll('nav.contents code')) {
          const text = code.textContent, range = document.createRange();
          let top = null, at = 0;
          for (const node of code.childNodes) {
            if (node.nodeType !== 3) continue;
            for (let i = 0; i < node.length; i++, at++) {
              range.setStart(node, i); range.setEnd(node, i + 1);
              const t = range.getBoundingClientRect().top;
              if (top !== null && t > top + 2 && !(/[-_.]/.test(text[at - 1])
                  || (/[a-z0-9]/.test(text[at - 1]) && /[A-Z]/.test(text[at])))) {
                bad.push(text);
              }
              top = t;
            }
          }
        }
        return bad;""")
    assert bad == []
    page.get((qmp / "machine.html").as_uri() + "#command-query-hotpluggable-cpus")
    current = page.execute_script(
        "return new Promise(done => setTimeout(() => done([...document.querySelectorAll("
        "'nav.contents a[aria-current=location]')].map(a => a.hash)), 200))")
    assert current == ["#command-query-hotpluggable-cpus"]


def test_dark_mode_follows_the_system_setting(index_page: Any) -> None:
    colours = "const s = getComputedStyle(document.body); return [s.color, s.backgroundColor]"
    light = index_page.execute_script(colours)
    index_page.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        dark = index_page.execute_script(colours)
    finally:
        index_page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert light[1] == "rgb(255, 255, 255)" and dark[1] != light[1] and dark[0] != light[0]


def test_footer_names_the_release_and_the_licence(index_page: Any) -> None:
    footer = index_page.find_element("css selector", "footer").text
    assert "QEMU 10.2" in footer and "GPL-2.0-or-later" in footer
    assert severe_console_errors(index_page) == []
