"""scripts/docs_screenshot.py's command line: --help answers without starting a browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import script


def test_help_prints_usage_and_starts_no_browser(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    def no_browser(profile: Path) -> Any:
        raise AssertionError("--help started Chromium")

    monkeypatch.setattr(script, "open_browser", no_browser)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_status:
        script.main(["--help"])
    assert exit_status.value.code == 0
    assert capsys.readouterr().out.startswith("usage: docs_screenshot.py")
    assert list(tmp_path.iterdir()) == []


def test_output_and_query_are_options() -> None:
    arguments = script.parse_arguments(["shot.png", "--query", "node"])
    assert arguments.output == Path("shot.png") and arguments.query == "node"
    assert script.parse_arguments([]).output.name == "screenshot.png"
