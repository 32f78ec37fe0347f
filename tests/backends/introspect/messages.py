"""Hypothesis strategies for QMP messages, valid by construction from resolved SchemaInfo.

:func:`valid_message` draws a command request or an event whose arguments or
data follow the introspection data; :func:`break_message` turns such a message
into one that no QMP server built from that schema accepts.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

_SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "int": st.integers(min_value=-(2**63), max_value=2**64 - 1),
    "number": st.floats(allow_nan=False, allow_infinity=False) | st.integers(-1000, 1000),
    "string": st.text(max_size=8),
    "boolean": st.booleans(),
    "null": st.none(),
    "value": st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=4),
        lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner),
        max_leaves=4,
    ),
}

#: A value of the wrong JSON type for each builtin JSON type (``value`` has none).
WRONG_SCALAR: dict[str, Any] = {
    "int": "not an integer", "number": "not a number", "string": 42,
    "boolean": "not a boolean", "null": 0,
}  # fmt: skip


class Infos:
    """Resolved SchemaInfo objects indexed by name."""

    def __init__(self, infos: list[dict[str, Any]]) -> None:
        self.by_name = {info["name"]: info for info in infos}
        self.commands = [i for i in infos if i["meta-type"] == "command"]
        self.events = [i for i in infos if i["meta-type"] == "event"]

    def value(self, name: str, depth: int = 0) -> st.SearchStrategy[Any]:
        """Values of type ``name``; deeper than 3 levels only the required parts."""
        info = self.by_name[name]
        meta = info["meta-type"]
        if meta == "builtin":
            return _SCALARS[info["json-type"]]
        if meta == "enum":
            return st.sampled_from([m["name"] for m in info["members"]])
        if meta == "array":
            return st.lists(self.value(info["element-type"], depth + 1),
                            max_size=0 if depth > 3 else 2)
        if meta == "alternate":
            return st.one_of([self.value(m["type"], depth + 1) for m in info["members"]])
        return self.object(name, depth)

    def object(self, name: str, depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
        """Objects of type ``name``: required members, some optional ones, a variant."""

        @st.composite
        def build(draw: st.DrawFn) -> dict[str, Any]:
            info = self.by_name[name]
            result: dict[str, Any] = {}
            for member in info["members"]:
                optional = "default" in member
                if optional and (depth > 3 or not draw(st.booleans())):
                    continue
                result[member["name"]] = draw(self.value(member["type"], depth + 1))
            if info.get("variants"):
                variant = draw(st.sampled_from(info["variants"]))
                result[info["tag"]] = variant["case"]
                result.update(draw(self.object(variant["type"], depth + 1)))
            return result

        return build()

    def message(self) -> st.SearchStrategy[tuple[dict[str, Any], dict[str, Any]]]:
        """(SchemaInfo, message) for a command request or an event."""
        choices = [st.sampled_from(self.commands)] if self.commands else []
        choices += [st.sampled_from(self.events)] if self.events else []
        return st.one_of(choices).flatmap(
            lambda info: st.tuples(st.just(info), self._message_for(info))
        )

    def _message_for(self, info: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        payload = self.object(info["arg-type"])
        if info["meta-type"] == "command":
            verbs = ["execute", "exec-oob"] if info.get("allow-oob") else ["execute"]
            return st.builds(
                lambda verb, args, ident: {verb: info["name"], "arguments": args, **ident},
                st.sampled_from(verbs), payload, st.sampled_from([{}, {"id": 7}]),
            )
        stamp = {"seconds": 1, "microseconds": 2}
        return payload.map(lambda data: {"event": info["name"], "data": data, "timestamp": stamp})

    def wrong_value(self, name: str) -> Any:
        """A value no member of type ``name`` accepts, or ``None`` when every value fits."""
        info = self.by_name[name]
        meta = info["meta-type"]
        if meta == "builtin":
            return WRONG_SCALAR.get(info["json-type"])
        if meta == "enum":
            return "no-such-value"
        if meta in ("array", "object"):
            return 42 if meta == "array" else [42]
        return None


def _payload_key(message: dict[str, Any]) -> str:
    return "data" if "event" in message else "arguments"


def mutations(infos: Infos, info: dict[str, Any], message: dict[str, Any]) -> list[str]:
    """The ways :func:`mutate` can break ``message`` (a message for ``info``)."""
    payload = message[_payload_key(message)]
    arg_members = infos.by_name[info["arg-type"]]["members"]
    found = ["unknown-key", "unknown-name", "payload-not-object"]
    if any("default" not in m for m in arg_members):
        found.append("drop-required")
    if any(m["name"] in payload and infos.wrong_value(m["type"]) is not None
           for m in arg_members):
        found.append("wrong-type")
    if "event" in message:
        found.append("drop-timestamp")
    return found


def mutate(infos: Infos, info: dict[str, Any], message: dict[str, Any], how: str) -> Any:
    """A copy of ``message`` broken in way ``how`` (one of :func:`mutations`)."""
    broken = dict(message)
    key = _payload_key(message)
    payload = broken[key] = dict(message[key])
    members = infos.by_name[info["arg-type"]]["members"]
    if how == "unknown-key":
        payload["no-such-member"] = 1
    elif how == "unknown-name":
        verb = next(k for k in ("execute", "exec-oob", "event") if k in broken)
        broken[verb] = "no-such-" + broken[verb]
    elif how == "payload-not-object":
        broken[key] = [payload]
    elif how == "drop-required":
        del payload[next(m["name"] for m in members if "default" not in m)]
    elif how == "wrong-type":
        member = next(m for m in members
                      if m["name"] in payload and infos.wrong_value(m["type"]) is not None)
        payload[member["name"]] = infos.wrong_value(member["type"])
    else:
        del broken["timestamp"]
    return broken
