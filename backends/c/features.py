"""The C feature generator, as QEMU's ``features.py`` writes it.

``qapi-features.h`` enumerates every feature the schema uses (``QapiFeature``),
the special ones first and tied to QEMU's own constants; the bit masks built
from it are in command registration and enum lookup tables.
``qapi-features.c`` is empty.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from qapi_ir.ir import (
    SPECIAL_FEATURES,
    ArrayType,
    BuiltinType,
    Command,
    Definition,
    EnumType,
    Event,
    Feature,
    ObjectType,
    Schema,
)
from qapi_ir.plugin_api import Output

from .modules import write_pair
from .naming import c_enum_const
from .settings import CSettings


@attrs.frozen
class FeatureView:
    """One ``QapiFeature`` constant; ``special`` is the QEMU constant it equals."""

    const: str
    special: str | None


def _implicit_members_of(schema: Schema, name: str | None) -> Iterator[Feature]:
    """The member features of ``name`` when it is an implicit type made for its user."""
    typ = schema.lookup_type(name) if name else None
    if isinstance(typ, ObjectType) and typ.is_implicit:
        for member in typ.members:
            yield from member.features


def _features_of(schema: Schema, definition: Definition) -> Iterator[Feature]:
    """The features of ``definition`` and its parts, in the order QEMU meets them."""
    if not isinstance(definition, (BuiltinType, ArrayType)):
        yield from definition.features
    if isinstance(definition, EnumType):
        for value in definition.values:
            yield from value.features
    elif isinstance(definition, ObjectType):
        for member in definition.members:
            yield from member.features
        yield from _implicit_members_of(schema, definition.base)
    elif isinstance(definition, (Command, Event)):
        yield from _implicit_members_of(schema, definition.arg_type)


def schema_features(schema: Schema) -> tuple[str, ...]:
    """Every feature name of ``schema``: the special ones, then in definition order."""
    names = dict.fromkeys(SPECIAL_FEATURES)
    for definition in schema.definitions():
        if isinstance(definition, ObjectType) and definition.is_implicit:
            continue  # visited with the definition it was made for
        for feature in _features_of(schema, definition):
            names.setdefault(feature.name)
    return tuple(names)


def generate(schema: Schema, settings: CSettings, output: Output) -> None:
    """Write ``qapi-features.c/.h``."""
    features = [
        FeatureView(
            c_enum_const("qapi_feature", name),
            c_enum_const("qapi", name) if name in SPECIAL_FEATURES else None,
        )
        for name in schema_features(schema)
    ]
    write_pair(output, settings, settings.prefix + "qapi-features", "features", features=features)
