"""decode(encode(x)) == x for every type and event of the fixture schemas (hypothesis)."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qapi_backends.python.naming import class_name
from qapi_ir.frontend import load_schema
from qapi_ir.ir import AlternateType, ArrayType, BuiltinType, EnumType, ObjectType, Schema
from tests.backends.python.conftest import FIXTURES

Strategy = st.SearchStrategy[Any]

_JSON: Strategy = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
_FLOATS = st.floats(allow_nan=False, allow_infinity=False)
_BUILTINS: dict[str, Strategy] = {
    "str": st.text(max_size=8),
    "number": _FLOATS,
    "bool": st.booleans(),
    "null": st.none(),
    "any": _JSON,
    "int": st.integers(-(2**63), 2**63 - 1),
    "int64": st.integers(-(2**63), 2**63 - 1),
    "size": st.integers(0, 2**64 - 1),
    **{f"int{n}": st.integers(-(2 ** (n - 1)), 2 ** (n - 1) - 1) for n in (8, 16, 32)},
    **{f"uint{n}": st.integers(0, 2**n - 1) for n in (8, 16, 32, 64)},
}
_UNKNOWN_MEMBERS = st.dictionaries(st.text(max_size=3).map("x-extra-".__add__), _JSON, max_size=2)


class Strategies:
    """Strategies for the values of a generated package's types, built from the IR."""

    def __init__(self, schema: Schema, package: ModuleType) -> None:
        self.schema = schema
        self.package = package
        self._cache: dict[str, Strategy] = {}

    def of(self, name: str) -> Strategy:
        if name not in self._cache:
            self._cache[name] = st.deferred(lambda: self._build(name))
        return self._cache[name]

    def _class(self, name: str) -> Any:
        return getattr(self.package.types, class_name(name))

    def _build(self, name: str) -> Strategy:
        entity = self.schema.type(name)
        if isinstance(entity, BuiltinType):
            return _BUILTINS[name]
        if isinstance(entity, ArrayType):
            return st.lists(self.of(entity.element_type), max_size=3).map(tuple)
        if isinstance(entity, EnumType):
            cls = self._class(name)
            known = {v.name for v in entity.values}
            unknown = st.text(min_size=1, max_size=6).filter(lambda t: t not in known)
            return st.sampled_from(list(cls)) | unknown.map(cls)
        if isinstance(entity, AlternateType):
            return st.one_of([self.of(b.type) for b in entity.branches])
        assert isinstance(entity, ObjectType)
        return self._object(entity)

    def _object(self, obj: ObjectType) -> Strategy:
        base_cls = self._class(obj.name)
        members = self.schema.all_members(obj)
        if obj.variants is None:
            return self._build_class(base_cls, members)
        tag = obj.variants.tag
        tag_type = next(m.type for m in members if m.name == tag)
        with_branch = {
            b.name
            for b in obj.variants.branches
            if self.schema.object_type(b.type).members or self.schema.object_type(b.type).base
        }
        options = [
            self._build_class(
                base_cls,
                members,
                {tag: self.of(tag_type).filter(lambda value: value.value not in with_branch)},
            )
        ]
        # only the subclasses the module exports (not those other tests derived)
        subclasses = [
            c for c in base_cls.__subclasses__() if vars(self.package.types).get(c.__name__) is c
        ]
        for sub in subclasses:
            branch_tag = next(f.default for f in self.package.records.fields(sub) if not f.init)
            branch = next(b for b in obj.variants.branches if b.name == branch_tag.value)
            branch_members = self.schema.all_members(self.schema.object_type(branch.type))
            options.append(
                self._build_class(sub, [m for m in members if m.name != tag] + list(branch_members))
            )
        return st.one_of(options)

    def _build_class(
        self, cls: Any, members: Any, overrides: dict[str, Strategy] | None = None
    ) -> Strategy:
        fields = self.package.records.fields(cls)
        python = {cls.wire_names.get(f.name, f.name): f.name for f in fields}
        kwargs: dict[str, Strategy] = {"unknown_members": _UNKNOWN_MEMBERS}
        for member in members:
            value = (overrides or {}).get(member.name, None)
            if value is None:
                value = self.of(member.type)
            if member.optional:
                value = st.just(self.package.ABSENT) | value
            kwargs[python[member.name]] = value
        return st.builds(cls, **kwargs)


def _named_types(schema: Schema) -> list[str]:
    return [
        d.name
        for d in schema.definitions()
        if isinstance(d, EnumType | AlternateType)
        or (isinstance(d, ObjectType) and not d.is_implicit)
    ]


_SCHEMAS = {name: load_schema(str(FIXTURES / f"{name}.json")) for name in ("kitchen", "live")}
_CASES = [(fixture, t) for fixture, schema in _SCHEMAS.items() for t in _named_types(schema)]


@pytest.mark.parametrize(("fixture", "type_name"), _CASES)
@given(data=st.data())
def test_decode_of_encode_is_identity(
    fixture: str, type_name: str, data: st.DataObject, request: pytest.FixtureRequest
) -> None:
    package = request.getfixturevalue(fixture)
    value = data.draw(Strategies(_SCHEMAS[fixture], package).of(type_name))
    wire = json.loads(json.dumps(package.encode(value)))
    assert package.codec.DECODERS[type_name](wire, "value") == value


@given(data=st.data())
def test_events_survive_encoding(kitchen: ModuleType, data: st.DataObject) -> None:
    strategies = Strategies(_SCHEMAS["kitchen"], kitchen)
    stamp = st.builds(kitchen.runtime.Timestamp, st.integers(0, 2**40), st.integers(0, 999999))
    events = [
        st.builds(kitchen.events.TickEvent, timestamp=stamp),
        st.builds(kitchen.events.ShapeChangedEvent, timestamp=stamp, data=strategies.of("Shape")),
        st.builds(
            kitchen.events.DrawnEvent,
            timestamp=stamp,
            shape=strategies.of("Shape"),
            count=st.just(kitchen.ABSENT) | st.integers(-5, 5),
        ),
    ]
    event = data.draw(st.one_of(events))
    assert kitchen.decode_event(json.loads(json.dumps(kitchen.encode(event)))) == event
