"""A number in a saved ``query-qmp-schema`` reply is refused where a string belongs,
however many digits it has (a long one is kept as its digits, in a ``str`` subclass)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir.diff.inputs import InputError, read_input

_TYPES = (
    '{"name": "0", "meta-type": "object", "members": []},'
    '{"name": "1", "meta-type": "builtin", "json-type": "int"}'
)


@pytest.mark.parametrize("digits", [5, 18, 19, 30])
@pytest.mark.parametrize(("template", "key"), [
    ('{"name": NUMBER, "meta-type": "command", "arg-type": "0", "ret-type": "0"}', "name"),
    ('{"name": "q", "meta-type": "command", "arg-type": NUMBER, "ret-type": "0"}', "arg-type"),
    ('{"name": "E", "meta-type": "event", "arg-type": "0", "features": [NUMBER]}', "features"),
    ('{"name": "2", "meta-type": "enum", "values": ["a", NUMBER]}', "values"),
])
def test_a_number_where_a_string_belongs_is_refused_at_every_length(
        tmp_path: Path, digits: int, template: str, key: str) -> None:
    reply = tmp_path / "reply.json"
    entry = template.replace("NUMBER", "1" * digits)
    reply.write_text(f'{{"return": [{_TYPES}, {entry}]}}')
    with pytest.raises(InputError) as refused:
        read_input(str(reply), docs=False)
    assert str(refused.value).startswith(f"{reply}: $[2]: '{key}' must be")


def test_the_same_reply_with_strings_reads(tmp_path: Path) -> None:
    reply = tmp_path / "reply.json"
    entry = '{"name": "q", "meta-type": "command", "arg-type": "0", "ret-type": "0"}'
    reply.write_text(f'{{"return": [{_TYPES}, {entry}]}}')
    assert list(read_input(str(reply), docs=False).commands) == ["q"]
