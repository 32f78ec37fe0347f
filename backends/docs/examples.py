"""The example checker: QMP requests in doc examples against the schema they document.

A request is the JSON after ``->`` up to the next ``->``/``<-`` line or blank
line.  Requests with an elision (``...``) are skipped; the others must name an
existing command and pass arguments that fit its argument type.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from qapi_ir.ir import (
    AlternateType,
    ArrayType,
    BuiltinType,
    Command,
    EnumType,
    Location,
    Member,
    ObjectType,
    Schema,
)

from .rst import Example

#: Python types of JSON values, by the JSON type introspection names.
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "int": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def requests(example: Example) -> Iterator[tuple[Location, str]]:
    """The text of each ``->`` request of ``example``, with the location of its first line."""
    current: list[str] = []
    where: Location | None = None
    for location, line in (*example.lines, (None, "")):
        stripped = line.strip()
        ends = not stripped or stripped.startswith(("->", "<-"))
        if ends and where is not None:
            yield where, "\n".join(current)
            current, where = [], None
        if stripped.startswith("->") and location is not None:
            where, current = location, [stripped[2:]]
        elif where is not None:
            current.append(stripped)


class ExampleChecker:
    """Checks requests in examples; :meth:`check` returns one message per mismatch."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema

    def check(self, example: Example) -> list[tuple[Location, str]]:
        """Every mismatch between the example's requests and the schema."""
        found: list[tuple[Location, str]] = []
        for where, text in requests(example):
            if "..." in text or "\u2026" in text:
                continue
            found.extend((where, message) for message in self.check_request(text))
        return found

    def check_request(self, text: str) -> list[str]:
        """Mismatches of one request given as JSON text."""
        try:
            request = json.loads(text)
        except ValueError as exc:
            return [f"example request is not valid JSON: {exc}"]
        if not isinstance(request, dict):
            return ["example request is not a JSON object"]
        name = request.get("execute", request.get("exec-oob"))
        if not isinstance(name, str):
            return ["example request has no 'execute'"]
        command = self.schema.lookup(name)
        if not isinstance(command, Command):
            return [f"example runs unknown command '{name}'"]
        arguments = request.get("arguments", {})
        if command.arg_type is None:
            return ([] if arguments == {} else
                    [f"example passes arguments to '{name}', which takes none"])
        problems = self.fit(arguments, command.arg_type, "arguments")
        if not command.flag("gen"):
            # Without generated code the command takes members the schema does not list.
            problems = [p for p in problems if not p.startswith("arguments has unknown")]
        return [f"example of '{name}': {problem}" for problem in problems]

    def fit(self, value: object, type_name: str, path: str) -> list[str]:
        """Why ``value`` is not a valid JSON value of type ``type_name`` (empty when it is)."""
        found = self.schema.lookup_type(type_name)
        if found is None:
            return []
        if isinstance(found, BuiltinType):
            accepted = _JSON_TYPES.get(found.json_type)
            if accepted is None or (isinstance(value, accepted)
                                    and not (bool not in accepted and isinstance(value, bool))):
                return []
            return [f"{path} should be of type '{found.name}', not {json.dumps(value)}"]
        if isinstance(found, EnumType):
            if value in {v.name for v in found.values}:
                return []
            return [f"{path}: {json.dumps(value)} is not a value of '{found.name}'"]
        if isinstance(found, ArrayType):
            if not isinstance(value, list):
                return [f"{path} should be an array"]
            return [p for i, item in enumerate(value)
                    for p in self.fit(item, found.element_type, f"{path}[{i}]")]
        if isinstance(found, AlternateType):
            if any(not self.fit(value, b.type, path) for b in found.branches):
                return []
            return [f"{path} fits no branch of '{found.name}'"]
        return self._fit_object(value, found, path)

    def _fit_object(self, value: object, obj: ObjectType, path: str) -> list[str]:
        if not isinstance(value, dict):
            return [f"{path} should be an object"]
        members = self._members(obj, value)
        problems: list[str] = []
        known = {m.name: m for m in members}
        for key, item in value.items():
            member = known.get(key)
            if member is None:
                problems.append(f"{path} has unknown member '{key}'")
            else:
                problems += self.fit(item, member.type, f"{path}.{key}")
        problems += [f"{path} lacks mandatory member '{m.name}'"
                     for m in members if not m.optional and m.name not in value]
        return problems

    def _members(self, obj: ObjectType, value: dict[str, object]) -> list[Member]:
        """The members of ``obj`` with, for a union, those of the branch ``value`` selects."""
        members = list(self.schema.all_members(obj))
        if obj.variants is not None:
            tag_value = value.get(obj.variants.tag)
            branch = next((b for b in obj.variants.branches if b.name == tag_value), None)
            if branch is not None:
                members += self._members(self.schema.object_type(branch.type), value)
        return members
