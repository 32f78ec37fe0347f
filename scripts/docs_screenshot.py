"""Regenerate docs/screenshot.png and docs/screenshot-narrow.png: the docs backend's output.

Renders the example schema's manual (examples/service.json), opens its main
module's page in headless Chromium from ``file://`` and saves two
screenshots: 1366 px wide with the search list open on "job" (one result
chosen with the arrow key), and 390 px wide (a phone) with the page as it
opens.  The browser helpers are shared with the tests in tests/backends/docs/.

Usage: .venv/bin/python scripts/docs_screenshot.py [OUTPUT.png] [--query TEXT]
       (the narrow one is written beside it, with "-narrow" added to its name)
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_SCHEMA = REPO / "examples" / "service.json"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1280,900",
)


def chromium_paths() -> tuple[str, str] | None:
    """The Chromium binary and its driver, or None when either is missing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def render_manual(schema: Path, out_dir: Path) -> list[str]:
    """Write the docs backend's output for ``schema`` into ``out_dir``; return its warnings."""
    from qapi_backends.docs import DocsBackend
    from qapi_ir.frontend import load_schema
    from qapi_ir.plugin_api import Output

    output = Output()
    DocsBackend().generate(load_schema(str(schema)), output,
                          {o.name: o.default for o in DocsBackend.options})
    for name, text in output.files.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    return output.warnings


def open_browser(profile_dir: Path) -> Any:
    """Headless Chromium driven by selenium, with a fresh profile and console logging."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium_paths()
    if paths is None:
        raise RuntimeError("chromium and chromedriver are needed (apt-get install chromium "
                           "chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile_dir}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(executable_path=paths[1]))


def set_viewport(driver: Any, width: int, height: int = 800) -> None:
    """Make the page ``width`` by ``height`` CSS pixels, as a screen of that size shows it."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def search(driver: Any, text: str) -> list[Any]:
    """Type ``text`` into the search box; return the result links once they are shown."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.find_element(By.ID, "search-box").send_keys(text)
    WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li a"))
    return list(driver.find_elements(By.CSS_SELECTOR, "#search-results li a"))


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The command line: where to write the screenshots and what to search for."""
    parser = argparse.ArgumentParser(
        prog="docs_screenshot.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", type=Path, default=REPO / "docs" / "screenshot.png",
                        help="the wide screenshot (default: docs/screenshot.png); the narrow "
                             "one is written beside it with -narrow added to its name")
    parser.add_argument("--query", default="job",
                        help="what the wide screenshot searches for (default: job)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Render the example manual and save the screenshots."""
    arguments = parse_arguments(argv)
    target: Path = arguments.output
    with tempfile.TemporaryDirectory() as tmp:
        site, profile = Path(tmp) / "site", Path(tmp) / "profile"
        site.mkdir()
        for warning in render_manual(EXAMPLE_SCHEMA, site):
            print(warning, file=sys.stderr)
        narrow = target.with_name(f"{target.stem}-narrow{target.suffix}")
        target.parent.mkdir(parents=True, exist_ok=True)
        driver = open_browser(profile)
        try:
            from selenium.webdriver.common.by import By
            from selenium.webdriver.common.keys import Keys

            set_viewport(driver, 1366)
            driver.get((site / "service.html").as_uri())
            search(driver, arguments.query)
            driver.find_element(By.ID, "search-box").send_keys(Keys.ARROW_DOWN)
            driver.save_screenshot(str(target))
            set_viewport(driver, 390)
            driver.get((site / "service.html").as_uri())
            driver.save_screenshot(str(narrow))
        finally:
            driver.quit()
    print(f"wrote {target} and {narrow}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
