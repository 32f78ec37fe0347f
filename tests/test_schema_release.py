"""``schema_release``: the release a schema is of, from its newest ``Since:`` section."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir.backend_helpers import schema_release
from qapi_ir.frontend import load_schema


def _schema_with_since(tmp_path: Path, *since: str) -> Path:
    path = tmp_path / "s.json"
    path.write_text("".join(
        f"##\n# @cmd{n}:\n#\n# Since: {text}\n##\n{{ 'command': 'cmd{n}' }}\n\n"
        for n, text in enumerate(since)), encoding="utf-8")
    return path


@pytest.mark.parametrize(("since", "release"), [
    (("9.1", "10.0.1", "10.2"), "10.2"),
    (("10.2.0", "10.1"), "10.2"),
    (("10.2.1", "10.2"), "10.2.1"),
    (("2.2; and more since 2.4", "1.1.0"), "2.2"),
])
def test_the_newest_since_names_the_release(
        tmp_path: Path, since: tuple[str, ...], release: str) -> None:
    assert schema_release(load_schema(str(_schema_with_since(tmp_path, *since)))) == release


def test_a_since_not_starting_with_a_release_or_with_an_overlong_number_is_ignored(
        tmp_path: Path) -> None:
    path = _schema_with_since(tmp_path, "some day", "1" * 40 + ".1")
    assert schema_release(load_schema(str(path))) is None
