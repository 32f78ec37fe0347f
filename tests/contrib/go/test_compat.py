"""go.compat: the package of compat-new.json that also serves its older release 1.0."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import REPO_ROOT
from tests.contrib.go.conftest import GO_TESTS, GoTools, generate

FIXTURES = REPO_ROOT / "tests" / "backends" / "python" / "fixtures"


def _package(tmp_path: Path) -> Path:
    return generate(
        FIXTURES / "compat-new.json", tmp_path, releases=(f"1.0={FIXTURES / 'compat-old.json'}",)
    )


def test_members_an_older_release_lacks_are_pointers_with_a_note(tmp_path: Path) -> None:
    types = (_package(tmp_path) / "types.go").read_text()
    assert (
        "\t// whether it has ACPI\n\t//\n\t// Compatibility: absent in 1.0.\n"
        '\tAcpi *bool `json:"acpi,omitempty"`\n'
    ) in types
    assert '// Compatibility: optional in 1.0.\n\tMode *Mode `json:"mode,omitempty"`' in types
    assert '\tName string `json:"name"`' in types
    assert "// Compatibility: absent in 1.0.\n\tModeEco Mode = \"eco\"" in types
    assert '// It is nil when a reply has no "kind" (absent in 1.0).' in types


def test_commands_and_events_an_older_release_lacks_say_so(tmp_path: Path) -> None:
    package = _package(tmp_path)
    commands = (package / "commands.go").read_text()
    assert re.search(r"var varyingCommands = \[\]string\{\n\t\"query-base\",\n\}", commands)
    assert "// Compatibility: absent in 1.0.\nfunc (c *Client) QueryBase(" in commands
    events = (package / "events.go").read_text()
    assert "// Compatibility: absent in 1.0.\ntype WokenEvent struct" in events


def test_package_without_history_sends_every_command(tmp_path: Path) -> None:
    package = generate(FIXTURES / "compat-new.json", tmp_path)
    commands = (package / "commands.go").read_text()
    assert "var varyingCommands []string\n" in commands
    assert '\tAcpi bool `json:"acpi"`' in (package / "types.go").read_text()


def test_go_suite_against_a_server_answering_as_the_older_release(
    go_tools: GoTools, tmp_path: Path
) -> None:
    package = _package(tmp_path)
    shutil.copy(GO_TESTS / "compat_test.go", package)
    go_tools.assert_clean(package)
    result = go_tools.run(package, "test", "-count=1", "-v", "./...")
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert len(re.findall(r"^--- PASS: ", result.stdout, re.MULTILINE)) == 3, result.stdout


def test_a_label_with_a_line_break_stays_inside_its_comment(tmp_path: Path) -> None:
    package = generate(
        FIXTURES / "compat-new.json", tmp_path,
        releases=(f"1.0\n}}\nfunc Evil() {{={FIXTURES / 'compat-old.json'}",),
    )
    for path in package.glob("*.go"):
        assert not re.search(r"^func Evil", path.read_text(), re.MULTILINE)
    assert "// Compatibility: absent in 1.0 } func Evil() {." in (package / "types.go").read_text()
