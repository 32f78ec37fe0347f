"""Release numbers as the pages read them from doc text."""

from __future__ import annotations

from qapi_backends.docs.describe import is_newer, parse_version, since_note


def test_a_release_number_is_read_wherever_it_stands() -> None:
    assert parse_version("10.1") == (10, 1)
    assert parse_version("Since 2.12.1, in part") == (2, 12, 1)
    assert parse_version("no number") is None


def test_an_overlong_number_is_no_release_rather_than_an_error() -> None:
    assert parse_version("1." + "9" * 5000) is None
    assert since_note("(since " + "9" * 5000 + ".1)") is None


def test_since_notes_and_their_order() -> None:
    assert since_note("the mode (since 9.2)") == (9, 2)
    assert is_newer((10, 1), (10, 0, 5)) and not is_newer((10, 0), (10, 0, 0))
    assert not is_newer(None, (10, 0))
