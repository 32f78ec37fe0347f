"""The front end's schema model: definitions from checked expressions, then checks.

:class:`QAPISchema` mirrors QEMU's class of that name: it defines the built-in
types and the predefined ``q_empty`` and ``QType``, makes the implicit types
(``q_obj_CMD-arg``, ``q_obj_EVENT-arg``, ``q_obj_UNION-base``, ``xxxList``
arrays) as definitions need them, checks everything in definition order and
connects the doc comments.

Derived from QEMU's ``scripts/qapi/schema.py`` (class QAPISchema)
(GPL-2.0-only; see NOTICE).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from qapi_ir.flags import flags_of
from qapi_ir.language import (
    BUILTIN_TYPES,
    MAX_FEATURES,
    QTYPE_VALUES,
    array_type_name,
    implicit_object_name,
    is_module_name,
)

from .doc import QAPIDoc, Relaxation
from .errors import QAPIError, QAPISemError, QAPISourceError
from .exprs import check_exprs
from .model_parts import (
    QAPISchemaEnumMember,
    QAPISchemaFeature,
    QAPISchemaIfCond,
    QAPISchemaObjectTypeMember,
    QAPISchemaVariant,
)
from .model_types import (
    BUILTIN_MODULE_NAME,
    QAPISchemaAlternateType,
    QAPISchemaArrayType,
    QAPISchemaBuiltinType,
    QAPISchemaCommand,
    QAPISchemaDefinition,
    QAPISchemaEntity,
    QAPISchemaEnumType,
    QAPISchemaEvent,
    QAPISchemaInclude,
    QAPISchemaObjectType,
    QAPISchemaType,
)
from .model_variants import QAPISchemaAlternatives, QAPISchemaBranches
from .parse_cache import ParseCache
from .parser import QAPIExpression, QAPISchemaParser
from .source import QAPISourceInfo

Describer = str | Callable[[QAPISourceInfo | None], str] | None


def _flag_values(expr: QAPIExpression, owner: str) -> dict[str, bool]:
    """Every flag of ``owner`` (a command or event) with its value in ``expr``."""
    return {flag.name: expr.get(flag.name, flag.default) for flag in flags_of(owner)}


class QAPISchemaModule:
    """A schema file (or the built-in module) and its entities in definition order."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.entities: list[QAPISchemaEntity] = []

    def add_entity(self, ent: QAPISchemaEntity) -> None:
        """Add an entity defined in this module."""
        self.entities.append(ent)


class QAPISchema:
    """Read, define and check the schema in file ``fname``.

    Results: ``modules`` (in creation order, each with its entities),
    ``entities`` (in definition order) and ``docs``.  With ``legacy_docs``
    doc comments follow the rules of older releases (see :meth:`relaxed`).
    """

    def __init__(self, fname: str, *, legacy_docs: bool = False,
                 parse_cache: ParseCache | None = None) -> None:
        parser = QAPISchemaParser(fname, legacy_docs=legacy_docs, cache=parse_cache)
        exprs = check_exprs(parser.exprs)
        self.docs: list[QAPIDoc] = parser.docs
        self.entities: list[QAPISchemaEntity] = []
        self._entity_dict: dict[str, QAPISchemaDefinition] = {}
        self._module_dict: dict[str, QAPISchemaModule] = {}
        self._schema_dir = os.path.dirname(fname)
        self._module_names: dict[str, str] = {}
        self._feature_names: list[str] = list(QAPISchemaFeature.SPECIAL_NAMES)
        self._make_module(BUILTIN_MODULE_NAME)
        self._make_module(fname)
        self._def_predefineds()
        self._def_exprs(exprs)
        self._check()

    def relaxed(self) -> dict[str, list[Relaxation]]:
        """The doc comment rules relaxed in each file that needed it, in file order."""
        by_file: dict[str, set[Relaxation]] = {}
        for doc in self.docs:
            if doc.relaxed:
                by_file.setdefault(doc.info.fname, set()).update(doc.relaxed)
        return {fname: [r for r in Relaxation if r in relaxed]
                for fname, relaxed in by_file.items()}

    # ---------------------------------------------------------------- lookup

    def lookup_entity(self, name: str) -> QAPISchemaDefinition | None:
        """The definition called ``name``, if any."""
        return self._entity_dict.get(name)

    def lookup_type(self, name: str) -> QAPISchemaType | None:
        """The type called ``name``, if any."""
        typ = self._entity_dict.get(name)
        return typ if isinstance(typ, QAPISchemaType) else None

    def resolve_type(self, name: str, info: QAPISourceInfo | None,
                     what: Describer) -> QAPISchemaType:
        """The type called ``name``; an error naming ``what`` when there is none."""
        typ = self.lookup_type(name)
        if not typ:
            if callable(what):
                what = what(info)
            raise QAPISemError(info, f"{what} uses unknown type '{name}'")
        return typ

    # ---------------------------------------------------------------- modules

    def _module_name(self, fname: str) -> str:
        name = self._module_names.get(fname)
        if name is None:  # once per file: relpath made 8 ms of QEMU's schema
            name = fname if fname == BUILTIN_MODULE_NAME else os.path.relpath(
                fname, self._schema_dir)
            if name != BUILTIN_MODULE_NAME and not is_module_name(name):
                raise QAPIError(
                    f"{fname}: a schema file's path may hold only letters, digits"
                    " and '_', '+', '-', '.' (it names a module in generated code)")
            self._module_names[fname] = name
        return name

    def _make_module(self, fname: str) -> QAPISchemaModule:
        name = self._module_name(fname)
        if name not in self._module_dict:
            self._module_dict[name] = QAPISchemaModule(name)
        return self._module_dict[name]

    @property
    def modules(self) -> list[QAPISchemaModule]:
        """The modules in creation order: built-in, main file, included files."""
        return list(self._module_dict.values())

    def module_by_fname(self, fname: str) -> QAPISchemaModule:
        """The module of schema file ``fname`` (or of ``./builtin``)."""
        return self._module_dict[self._module_name(fname)]

    # ---------------------------------------------------------------- defining

    def _def_entity(self, ent: QAPISchemaEntity) -> None:
        self.entities.append(ent)

    def _def_definition(self, defn: QAPISchemaDefinition) -> None:
        self._def_entity(defn)
        other = self._entity_dict.get(defn.name)
        if other:
            if other.info:
                where = QAPISourceError(other.info, "previous definition")
                raise QAPISemError(defn.info, f"'{defn.name}' is already defined\n{where}")
            raise QAPISemError(defn.info, f"{other.describe()} is already defined")
        self._entity_dict[defn.name] = defn

    def _def_predefineds(self) -> None:
        for name, json_type in BUILTIN_TYPES:
            self._def_definition(QAPISchemaBuiltinType(name, json_type))
            self._make_array_type(name, None)
        self._def_definition(QAPISchemaObjectType(
            'q_empty', None, None, None, None, None, [], None))
        values = self._make_enum_members([{'name': n} for n in QTYPE_VALUES], None)
        self._def_definition(QAPISchemaEnumType('QType', None, None, None, None, values, None))

    def _make_features(self, features: list[dict[str, Any]] | None,
                       info: QAPISourceInfo | None) -> list[QAPISchemaFeature]:
        if features is None:
            return []
        for feature in features:
            if feature['name'] not in self._feature_names:
                if len(self._feature_names) == MAX_FEATURES:
                    raise QAPISemError(
                        info, f"Maximum of {MAX_FEATURES} schema features is permitted")
                self._feature_names.append(feature['name'])
        return [QAPISchemaFeature(f['name'], info, QAPISchemaIfCond(f.get('if')))
                for f in features]

    def _make_enum_members(self, values: list[dict[str, Any]],
                           info: QAPISourceInfo | None) -> list[QAPISchemaEnumMember]:
        return [QAPISchemaEnumMember(v['name'], info, QAPISchemaIfCond(v.get('if')),
                                     self._make_features(v.get('features'), info))
                for v in values]

    def _make_array_type(self, element_type: str, info: QAPISourceInfo | None) -> str:
        name = array_type_name(element_type)
        if not self.lookup_type(name):
            self._def_definition(QAPISchemaArrayType(name, info, element_type))
        return name

    def _make_implicit_object_type(
            self, name: str, info: QAPISourceInfo, ifcond: QAPISchemaIfCond, role: str,
            members: list[QAPISchemaObjectTypeMember]) -> str | None:
        if not members:
            return None
        name = implicit_object_name(name, role)
        # An existing one means a duplicate definition, reported later.
        if not self.lookup_entity(name):
            self._def_definition(QAPISchemaObjectType(
                name, info, None, ifcond, None, None, members, None))
        return name

    def _type_name(self, typ: str | list[str], info: QAPISourceInfo) -> str:
        if isinstance(typ, list):
            return self._make_array_type(typ[0], info)
        return typ

    def _make_members(self, data: dict[str, Any],
                      info: QAPISourceInfo) -> list[QAPISchemaObjectTypeMember]:
        members = []
        for key, value in data.items():
            name, optional = (key[1:], True) if key.startswith('*') else (key, False)
            typ = self._type_name(value['type'], info)
            members.append(QAPISchemaObjectTypeMember(
                name, info, typ, optional, QAPISchemaIfCond(value.get('if')),
                self._make_features(value.get('features'), info)))
        return members

    def _make_variants(self, data: dict[str, Any],
                       info: QAPISourceInfo) -> list[QAPISchemaVariant]:
        return [QAPISchemaVariant(key, info, self._type_name(value['type'], info),
                                  QAPISchemaIfCond(value.get('if')))
                for key, value in data.items()]

    def _def_enum_type(self, expr: QAPIExpression) -> None:
        info = expr.info
        features = self._make_features(expr.get('features'), info)
        self._def_definition(QAPISchemaEnumType(
            expr['enum'], info, expr.doc, QAPISchemaIfCond(expr.get('if')), features,
            self._make_enum_members(expr['data'], info), expr.get('prefix')))

    def _def_struct_type(self, expr: QAPIExpression) -> None:
        info = expr.info
        features = self._make_features(expr.get('features'), info)
        self._def_definition(QAPISchemaObjectType(
            expr['struct'], info, expr.doc, QAPISchemaIfCond(expr.get('if')), features,
            expr.get('base'), self._make_members(expr['data'], info), None))

    def _def_union_type(self, expr: QAPIExpression) -> None:
        name = expr['union']
        base = expr['base']
        info = expr.info
        ifcond = QAPISchemaIfCond(expr.get('if'))
        features = self._make_features(expr.get('features'), info)
        if isinstance(base, dict):
            base = self._make_implicit_object_type(
                name, info, ifcond, 'base', self._make_members(base, info))
        variants = self._make_variants(expr['data'], info)
        self._def_definition(QAPISchemaObjectType(
            name, info, expr.doc, ifcond, features, base, [],
            QAPISchemaBranches(info, variants, expr['discriminator'])))

    def _def_alternate_type(self, expr: QAPIExpression) -> None:
        info = expr.info
        features = self._make_features(expr.get('features'), info)
        variants = self._make_variants(expr['data'], info)
        tag_member = QAPISchemaObjectTypeMember('type', info, 'QType', False)
        self._def_definition(QAPISchemaAlternateType(
            expr['alternate'], info, expr.doc, QAPISchemaIfCond(expr.get('if')), features,
            QAPISchemaAlternatives(info, variants, tag_member)))

    def _callable_parts(self, expr: QAPIExpression, meta: str) -> tuple[
            str, QAPISourceInfo, QAPISchemaIfCond, list[QAPISchemaFeature], str | None]:
        """A command's or event's name, place, condition, features and argument type (an
        implicit one made for its inline members)."""
        name = expr[meta]
        ifcond = QAPISchemaIfCond(expr.get('if'))
        features = self._make_features(expr.get('features'), expr.info)
        data = expr.get('data')
        if isinstance(data, dict):
            data = self._make_implicit_object_type(
                name, expr.info, ifcond, 'arg', self._make_members(data, expr.info))
        return name, expr.info, ifcond, features, data

    def _def_command(self, expr: QAPIExpression) -> None:
        name, info, ifcond, features, data = self._callable_parts(expr, 'command')
        rets = expr.get('returns')
        if rets is not None:
            rets = self._type_name(rets, info)
        self._def_definition(QAPISchemaCommand(
            name, info, expr.doc, ifcond, features, data, rets, _flag_values(expr, 'command')))

    def _def_event(self, expr: QAPIExpression) -> None:
        name, info, ifcond, features, data = self._callable_parts(expr, 'event')
        self._def_definition(QAPISchemaEvent(
            name, info, expr.doc, ifcond, features, data, _flag_values(expr, 'event')))

    def _def_include(self, expr: QAPIExpression) -> None:
        self._def_entity(QAPISchemaInclude(self._make_module(expr['include']), expr.info))

    def _def_exprs(self, exprs: list[QAPIExpression]) -> None:
        definers: dict[str, Callable[[QAPIExpression], None]] = {
            'enum': self._def_enum_type,
            'struct': self._def_struct_type,
            'union': self._def_union_type,
            'alternate': self._def_alternate_type,
            'command': self._def_command,
            'event': self._def_event,
            'include': self._def_include,
        }
        for expr in exprs:
            meta = next(key for key in definers if key in expr)
            definers[meta](expr)

    # ---------------------------------------------------------------- checking

    def _check(self) -> None:
        for ent in self.entities:
            ent.check(self)
            ent.connect_doc()
        for ent in self.entities:
            ent.set_module(self)
        for doc in self.docs:
            doc.check()
