"""The generated Go package compiles, is gofmt- and vet-clean, and round-trips the wire."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import REPO_ROOT
from tests.contrib.go.conftest import (
    EXAMPLE,
    FIXTURES,
    GO_TESTS,
    GoTools,
    generate,
)


def test_example_package_is_gofmt_and_vet_clean(go_tools: GoTools, tmp_path: Path) -> None:
    go_tools.assert_clean(generate(EXAMPLE, tmp_path))


def test_qemu_10_2_package_with_two_histories_is_gofmt_and_vet_clean(
    go_tools: GoTools, qemu_package: Path
) -> None:
    types = (qemu_package / "types.go").read_text()
    assert len(types) > 500_000
    assert "// Compatibility: absent in 7.2.\n\tAcpi *bool `json:\"acpi,omitempty\"`" in types
    go_tools.assert_clean(qemu_package)


def test_clashing_names_still_compile(go_tools: GoTools, tmp_path: Path) -> None:
    go_tools.assert_clean(generate(FIXTURES / "clashes.json", tmp_path))


def test_go_suite_round_trips_the_example_and_drives_a_scripted_server(
    go_tools: GoTools, tmp_path: Path
) -> None:
    package = generate(EXAMPLE, tmp_path)
    for test in ("roundtrip_test.go", "client_test.go", "capabilities_test.go"):
        shutil.copy(GO_TESTS / test, package)
    reply = REPO_ROOT / "tests" / "fixtures" / "capabilities-reply.json"
    result = go_tools.run(package, "test", "-count=1", "-v", "./...", QMP_SCHEMA_REPLY=str(reply))
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    passed = re.findall(r"^--- PASS: (\w+)", result.stdout, re.MULTILINE)
    assert len(passed) >= 14, result.stdout
    assert "TestCapabilitiesFollowUnionBranchesAlternatesAndArrays" in passed


def test_go_suite_covers_every_type_of_the_example(tmp_path: Path) -> None:
    package = generate(EXAMPLE, tmp_path)
    declared = set(re.findall(r"^type (\w+) ", (package / "types.go").read_text(), re.MULTILINE))
    declared |= set(
        re.findall(r"^type (\w+) ", (package / "commands.go").read_text(), re.MULTILINE)
    )
    declared |= set(
        re.findall(r"^type (\w+Event) ", (package / "events.go").read_text(), re.MULTILINE)
    )
    suite = (GO_TESTS / "roundtrip_test.go").read_text()
    interfaces = {name for name in declared if name.endswith("Branch")}
    missing = {name for name in declared - interfaces if not re.search(rf"\b{name}\b", suite)}
    assert declared and not missing


def test_hand_written_go_tests_are_gofmt_clean(go_tools: GoTools) -> None:
    formatted = go_tools.run(GO_TESTS, "gofmt", "-l", ".")
    assert formatted.returncode == 0 and formatted.stdout == "", formatted.stdout
