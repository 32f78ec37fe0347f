"""Frozen keyword-only records (``records.py``): what dataclasses gave, at no import cost."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

from qapi_backends.python import records
from qapi_backends.python.records import Record, fields, fixed


class Shape(Record):
    kind: ClassVar[str] = "shape"
    hidden_from_repr = ("note",)

    name: str
    sides: int = 0
    note: str = ""


class Square(Shape):
    sides: int = fixed(default=4)
    length: float


def test_fields_come_base_first_in_declaration_order_without_class_variables() -> None:
    assert [(f.name, f.init, f.required) for f in fields(Square)] == [
        ("name", True, True), ("sides", False, False), ("note", True, False),
        ("length", True, True)]


def test_init_takes_keywords_and_defaults_fill_the_rest() -> None:
    square = Square(name="s", length=2.0)
    assert (square.name, square.sides, square.note, square.length) == ("s", 4, "", 2.0)
    with pytest.raises(TypeError, match="missing required keyword argument 'length'"):
        Square(name="s")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'sides'"):
        Square(name="s", length=1.0, sides=5)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Square("s", 1.0)  # type: ignore[misc]


class Point(Record, kw_only=False):
    x: int
    y: int = 0


def test_a_record_declared_not_keyword_only_takes_its_fields_by_position_too() -> None:
    assert Point(1, 2) == Point(x=1, y=2) and Point(1) == Point(1, y=0)
    assert repr(Point(3, y=4)) == "Point(x=3, y=4)"
    with pytest.raises(TypeError, match=r"takes 2 positional arguments but 3 were given"):
        Point(1, 2, 3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values for argument 'x'"):
        Point(1, x=2)  # type: ignore[misc]
    with pytest.raises(TypeError, match=r"takes 0 positional arguments but 1 were given"):
        Shape("s")  # type: ignore[call-arg]


def test_records_are_frozen() -> None:
    square = Square(name="s", length=2.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        square.name = "t"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del square.length  # type: ignore[misc]


def test_equality_hash_and_repr_go_by_value() -> None:
    one, same = Square(name="s", length=2.0), Square(name="s", length=2.0)
    assert one == same and hash(one) == hash(same)
    assert one != Square(name="s", length=3.0)
    assert one != Shape(name="s", sides=4)
    assert repr(Square(name="s", length=2.0, note="hidden")) == (
        "Square(name='s', sides=4, length=2.0)")


def test_records_survive_pickle_and_copy() -> None:
    square = Square(name="s", length=2.0, note="n")
    assert pickle.loads(pickle.dumps(square)) == square
    assert copy.deepcopy(square) == square and copy.copy(square) == square


def test_type_checkers_read_records_as_frozen_keyword_only_dataclasses(tmp_path: Path) -> None:
    (tmp_path / "records.py").write_text(Path(records.__file__).read_text())
    program = tmp_path / "use.py"
    program.write_text(
        "from records import Record, fixed\n"
        "class Pair(Record):\n"
        "    left: int\n"
        "    right: int = 0\n"
        "    tag: str = fixed(default='pair')\n"
        "ok = Pair(left=1)\n"
        "Pair(left='x')\n"
        "Pair(1)\n"
        "Pair(left=1, tag='y')\n"
        "ok.left = 2\n"
        "class Spot(Record, kw_only=False):\n"
        "    x: int\n"
        "Spot(1)\n"
        "Spot('x')\n")
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                             program.name], capture_output=True, text=True, timeout=600,
                            cwd=tmp_path)
    errors = sorted(int(line.split(":")[1]) for line in result.stdout.splitlines()
                    if ": error:" in line)
    assert errors == [7, 8, 9, 10, 14], result.stdout
