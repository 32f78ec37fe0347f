"""QEMU's ``-compat`` output policy applied to a resolved ``query-qmp-schema`` answer.

QEMU 10.2 (``monitor/qmp-cmds-control.c``) filters introspection only for
``deprecated-output=hide``: it drops every entity and every object member with
feature ``deprecated``, leaves enumeration values alone, and its QMP output
visitor then hides ``SchemaInfoEnum``'s own deprecated member ``values``.
``unstable-output=hide`` is accepted, but nothing in ``SchemaInfo`` is marked
unstable, so QEMU answers exactly as with ``accept``; this module does the same.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from qapi_ir.plugin_api import BackendError

from .schema_info import Json

_SETTINGS = ("deprecated-output", "unstable-output")
_VALUES = ("accept", "hide")


@attrs.frozen
class CompatPolicy:
    """The output half of QEMU's compatibility policy."""

    deprecated_output: str = "accept"
    unstable_output: str = "accept"

    @classmethod
    def parse(cls, items: Sequence[str]) -> CompatPolicy:
        """Read ``SETTING=VALUE`` items such as ``deprecated-output=hide``."""
        chosen: dict[str, str] = {}
        for item in items:
            setting, _, value = item.partition("=")
            if setting not in _SETTINGS or value not in _VALUES:
                raise BackendError(
                    f"introspect.compat: bad item {item!r}; expected one of "
                    + ", ".join(f"{s}={v}" for s in _SETTINGS for v in _VALUES)
                )
            chosen[setting.replace("-", "_")] = value
        return cls(**chosen)


def _has_feature(node: Json, feature: str) -> bool:
    features = node.get("features", []) if isinstance(node, dict) else []
    return isinstance(features, list) and feature in features


def apply_policy(policy: CompatPolicy, infos: list[Json]) -> list[Json]:
    """``infos`` (resolved SchemaInfo objects) as QEMU returns them under ``policy``."""
    if policy.deprecated_output != "hide":
        return infos
    kept: list[Json] = []
    for info in infos:
        if _has_feature(info, "deprecated") or not isinstance(info, dict):
            continue
        info = dict(info)
        members = info.get("members")
        if info["meta-type"] == "object" and isinstance(members, list):
            info["members"] = [m for m in members if not _has_feature(m, "deprecated")]
        if info["meta-type"] == "enum":
            info.pop("values", None)
        kept.append(info)
    return kept
