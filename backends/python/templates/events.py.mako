<%namespace file="common.mako" import="docstring, header, declare, wire_names, take, call"/>\
${header("Events of the schema: one class per event, and the decoder of event messages.", imports)}\
% for ev in events:


class ${ev.name}(QAPIEvent):
${docstring(ev.doc, 4)}\

    event_name: ClassVar[str] = "${ev.wire}"
% if ev.boxed:
    boxed: ClassVar[bool] = True
% endif
${wire_names(ev.wire_names)}\
% if ev.fields:

% endif
% for f in ev.fields:
${declare(f, 4)}\
% endfor


${call(0, "def _decode_" + ev.name, "data: object, path: str, timestamp: Timestamp", " -> " + ev.name + ":")}\
% if ev.boxed:
    return ${ev.name}(data=${ev.fields[0].decoder}(data, path), timestamp=timestamp)
% else:
    members = _rt.Members(data, path)
    return ${ev.name}(
% for f in ev.fields:
${take(f)}\
% endfor
        timestamp=timestamp,
        unknown_members=members.rest(),
    )
% endif
% endfor
## ruff's isort wants two blank lines after the imports before a definition, one otherwise.
% if events:

% endif

#: Every event of the schema, and :class:`UndecodedEvent` for events that did not decode.
% if events:
Event: TypeAlias = (
% for ev in events:
    ${"" if loop.first else "| "}${ev.name}
% endfor
    | UndecodedEvent
)
% else:
Event: TypeAlias = UndecodedEvent
% endif

_DECODERS: dict[str, _rt.EventDecoder] = {
% for ev in events:
    "${ev.wire}": _decode_${ev.name},
% endfor
}


def decode_event(message: object) -> Event:
    """The typed event of a QMP event message (``{"event": ..., "data": ...}``).

    An unknown event, or one whose data does not decode, gives an :class:`UndecodedEvent`.
    """
    return cast(Event, _rt.decode_event(message, _DECODERS))
