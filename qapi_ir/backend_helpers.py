"""What client backends share, whatever language they write: part of the contract.

- :class:`DefinitionPlan`: a schema's definitions sorted by what a client makes of them;
- :func:`member_texts` and :func:`member_descriptions`: member descriptions from doc comments;
- :class:`Namer`: distinct identifiers within one scope of generated code;
- :data:`COMPAT_OPTION` and :class:`CompatNotes`: the ``compat`` option naming older
  releases, and what they lack as notes;
- :data:`PROTOCOL_OPTION` and :func:`protocol_name`: which protocol a client speaks, QMP or
  the guest agent's (:func:`is_guest_agent_schema` tells the latter from the schema's shape);
- :func:`schema_release`: the release a schema is of, from its newest ``Since:``.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable

import attrs

from qapi_ir.ir import AlternateType, Command, Doc, EnumType, Event, ObjectType, Schema
from qapi_ir.plugin_api import BackendError, Option, OptionValue, Release, ReleaseHistory

#: The option of a client backend naming older releases: ``-O BACKEND.compat=LABEL=PATH``.
COMPAT_OPTION = Option(
    "compat",
    "releases",
    (),
    "an older release to stay compatible with, LABEL=PATH (schema, IR snapshot or"
    " query-qmp-schema reply); repeatable",
)

#: The protocols a client speaks, as its ``protocol`` option names them: QMP, the guest agent's.
PROTOCOL_NAMES = ("qmp", "qga")
#: The option of a client backend naming its protocol: ``-O BACKEND.protocol=qga``.
PROTOCOL_OPTION = Option(
    "protocol",
    "str",
    "",
    "qmp or qga (the guest agent's); default: qga for a schema with no events and a"
    " guest-sync command, else qmp",
)
#: The command only a guest agent's schema has.
GUEST_SYNC = "guest-sync"
#: The command a guest agent client resynchronises with: it takes ``'id': 'int'``, returns ``int``.
SYNC_COMMAND = "guest-sync-delimited"


def is_guest_agent_schema(schema: Schema) -> bool:
    """A guest agent's schema: no events, and the command ``guest-sync``."""
    definitions = list(schema.definitions())
    return not any(isinstance(d, Event) for d in definitions) and any(
        isinstance(d, Command) and d.name == GUEST_SYNC for d in definitions
    )


def protocol_name(schema: Schema, asked: str, option: str) -> str:
    """The protocol ``asked`` names, or when it is empty the one the schema's shape tells.

    Raises :class:`BackendError` naming ``option`` (``go.protocol``) for an
    unknown name, or when the guest agent protocol is chosen for a schema whose
    ``guest-sync-delimited`` cannot resynchronise a stream.
    """
    name = asked or ("qga" if is_guest_agent_schema(schema) else "qmp")
    if name not in PROTOCOL_NAMES:
        choices = " or ".join(PROTOCOL_NAMES)
        raise BackendError(f"{option}: {asked!r} is not a protocol ({choices})")
    problem = _sync_problem(schema) if name == "qga" else None
    if problem is not None:
        chosen = "asked for" if asked else "chosen for a schema with 'guest-sync' and no events"
        raise BackendError(
            f"{option}: the guest agent protocol ({chosen}) needs '{SYNC_COMMAND}'"
            f" with an 'id': 'int' argument that returns 'int': {problem}"
        )
    return name


def _sync_problem(schema: Schema) -> str | None:
    """Why the schema's ``guest-sync-delimited`` cannot resynchronise a stream, if it cannot."""
    command = schema.lookup(SYNC_COMMAND)
    if not isinstance(command, Command):
        return f"the schema has no command '{SYNC_COMMAND}'"
    arguments = schema.all_members(schema.object_type(command.arg_type)) if command.arg_type else ()
    if [(m.name, m.type, m.optional) for m in arguments] != [("id", "int", False)]:
        return f"'{SYNC_COMMAND}' does not take just 'id': 'int'"
    if command.ret_type != "int" or not command.flag("success-response"):
        return f"'{SYNC_COMMAND}' does not reply with an 'int'"
    return None


@attrs.frozen
class DefinitionPlan:
    """The definitions of a schema a client generates something for, by kind, in schema order.

    ``objects`` are the named (not implicit) object types; ``commands`` those
    with a success response, and with ``no_reply_commands`` the others too (a
    client that can send a command without waiting for a reply).
    """

    enums: tuple[EnumType, ...]
    objects: tuple[ObjectType, ...]
    alternates: tuple[AlternateType, ...]
    events: tuple[Event, ...]
    commands: tuple[Command, ...]
    #: Every enumeration, named object type and alternate, in schema order.
    named_types: tuple[EnumType | ObjectType | AlternateType, ...]

    @classmethod
    def of(cls, schema: Schema, *, no_reply_commands: bool = False) -> DefinitionPlan:
        """The plan of ``schema``."""
        definitions = list(schema.definitions())
        named = tuple(
            d for d in definitions
            if isinstance(d, EnumType | AlternateType)
            or (isinstance(d, ObjectType) and not d.is_implicit)
        )
        return cls(
            enums=tuple(d for d in named if isinstance(d, EnumType)),
            objects=tuple(d for d in named if isinstance(d, ObjectType)),
            alternates=tuple(d for d in named if isinstance(d, AlternateType)),
            events=tuple(d for d in definitions if isinstance(d, Event)),
            commands=tuple(
                d for d in definitions
                if isinstance(d, Command) and (no_reply_commands or d.flag("success-response"))
            ),
            named_types=named,
        )


def member_texts(doc: Doc | None) -> dict[str, str]:
    """The description of each member ``doc`` documents, by wire name."""
    if doc is None:
        return {}
    return {s.name: s.text for s in doc.args if s.name is not None and s.text.strip()}


def member_descriptions(
    schema: Schema, type_name: str | None, own: Doc | None = None
) -> dict[str, str]:
    """Descriptions of the members of object type ``type_name``, its bases' included.

    ``own`` (a command's or event's doc comment) comes first, then the type's
    own doc comment, then its base's, and so on.
    """
    texts = member_texts(own)
    while type_name is not None:
        entity = schema.lookup_type(type_name)
        if not isinstance(entity, ObjectType):
            break
        for name, text in member_texts(schema.doc_for(type_name)).items():
            texts.setdefault(name, text)
        type_name = entity.base
    return texts


class Namer:
    """Hands out identifiers that are distinct within one scope.

    A name already taken (or reserved) gets ``_`` appended until it is free,
    so the first comer keeps the plain name.
    """

    def __init__(self, reserved: Iterable[str] = frozenset()) -> None:
        self._taken = set(reserved)

    def claim(self, identifier: str, *fallbacks: str) -> str:
        """The first free one of ``identifier`` and ``fallbacks``, else a free variant of it."""
        free = next((name for name in (identifier, *fallbacks) if name not in self._taken), None)
        while free is None:
            identifier += "_"
            free = None if identifier in self._taken else identifier
        self._taken.add(free)
        return free


def _labels_by_key(releases: Iterable[Release], field: str) -> dict[Hashable, list[str]]:
    """The labels of the releases whose ``field`` holds each key."""
    found: dict[Hashable, list[str]] = {}
    for release in releases:
        for key in getattr(release, field):
            found.setdefault(key, []).append(release.label)
    return found


def _note(verb: str, labels: list[str] | None) -> str:
    if not labels:
        return ""
    listed = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
    return f"{verb} in {listed}"


class CompatNotes:
    """Looks up, by the generated schema's names, what each given release lacks.

    A note names the releases given and no others: ``absent in 7.2`` says what
    was compared, where ``absent before 8.0`` would claim a release nobody gave.
    """

    def __init__(self, history: ReleaseHistory) -> None:
        releases = history.releases
        self._commands = _labels_by_key(releases, "absent_commands")
        self._events = _labels_by_key(releases, "absent_events")
        self._absent = _labels_by_key(releases, "absent_members")
        self._optional = _labels_by_key(releases, "optional_members")
        self._values = _labels_by_key(releases, "absent_enum_values")

    @classmethod
    def from_option(cls, value: OptionValue | None) -> CompatNotes:
        """The notes of a ``"releases"`` option's value (none when it was not given)."""
        return cls(value if isinstance(value, ReleaseHistory) else ReleaseHistory())

    def command(self, name: str) -> str:
        """``absent in 7.2`` for a command some release lacks; empty otherwise."""
        return _note("absent", self._commands.get(name))

    def event(self, name: str) -> str:
        """``absent in 7.2`` for an event some release lacks; empty otherwise."""
        return _note("absent", self._events.get(name))

    def enum_value(self, enum: str, value: str) -> str:
        """``absent in 7.2`` for an enumeration value some release lacks; empty otherwise."""
        return _note("absent", self._values.get((enum, value)))

    def member(self, owner: str, name: str) -> str:
        """``absent in 7.2; optional in 10.0`` for member ``name`` of type ``owner``."""
        notes = (
            _note("absent", self._absent.get((owner, name))),
            _note("optional", self._optional.get((owner, name))),
        )
        return "; ".join(note for note in notes if note)

    def varying_commands(self) -> tuple[str, ...]:
        """The commands some release lacks, sorted."""
        return tuple(sorted(str(name) for name in self._commands))


_RELEASE = re.compile(r"\s*(\d{1,4}(?:\.\d{1,4}){1,2})\b")


def schema_release(schema: Schema) -> str | None:
    """The newest release a ``Since:`` section of ``schema`` names (``"10.2"``), if any.

    A schema's newest definitions say the release they came in, so the newest ``Since``
    is the release the schema is of (or a later one in the making). A third part that
    is 0 is left out: ``10.2.0`` reads ``10.2``.
    """
    versions = [tuple(int(part) for part in match.group(1).split("."))
                for doc in schema.docs for section in doc.sections
                if section.kind == "Since" and (match := _RELEASE.match(section.text))]
    if not versions:
        return None
    newest = max(versions)
    return ".".join(map(str, newest[:2] if newest[2:] == (0,) else newest))
