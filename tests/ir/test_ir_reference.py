"""docs/ir.md, the plugin author's reference, covers the whole IR and every format version."""

from __future__ import annotations

import re

from qapi_ir import ir_reference, regenerate, snapshot
from tests.conftest import REPO_ROOT

PAGE = REPO_ROOT / "docs" / "ir.md"


def test_every_public_ir_class_has_a_section() -> None:
    listed = [cls for _, classes in ir_reference.SECTIONS for cls in classes]
    assert sorted(c.__name__ for c in listed) == sorted(
        c.__name__ for c in ir_reference.public_classes())
    text = PAGE.read_text()
    for cls in listed:
        assert f"### `{cls.__name__}`" in text, f"run: {regenerate.UPDATE_COMMAND}"


def test_every_field_is_listed_with_its_type() -> None:
    reference = ir_reference.reference_markdown()
    assert "- `arg_type`: `str | None` = `None`" in reference
    assert "- `condition`: `Condition | None` = `None`" in reference
    assert "- `flags`: `tuple[str, ...]` = the flag table's defaults for a command" in reference
    assert "- `flag(self, name: str) -> bool`: The value of the flag `name`" in reference


def test_the_page_explains_the_names_and_values_a_backend_meets() -> None:
    text = PAGE.read_text()
    for term in ("q_obj_", "-arg", "-base", "q_empty", "`List`", "boxed", "ReleaseHistory",
                 "absent_members", "IfName", "deprecated", "flag(\"allow-oob\")"):
        assert term in text, term


def test_the_version_table_lists_every_format_version() -> None:
    rows = re.findall(r"^\| (\d+) \|", PAGE.read_text(), re.MULTILINE)
    assert rows == [str(v) for v in range(1, snapshot.FORMAT_VERSION + 1)], (
        "add the new format version to the table of docs/ir.md")
