"""What the connected guest agent has, read from its ``guest-info`` reply.

This file is copied verbatim into every generated guest agent package as
``agent_capabilities.py``; it needs only the standard library.  The reply
lists every command the agent was built with and whether it is enabled
(``qemu-ga -b`` disables commands; a frozen file system disables most).
"""

from __future__ import annotations

from collections.abc import Mapping


class AgentCapabilities:
    """The commands of one guest agent, each enabled or disabled, and its version."""

    def __init__(self, info: object) -> None:
        members = info if isinstance(info, Mapping) else {}
        version = members.get("version")
        #: The agent's version as it gives it (``7.2.22``), ``unknown`` when it does not.
        self.version = version if isinstance(version, str) else "unknown"
        listed = members.get("supported_commands")
        self._enabled: dict[str, bool] = {
            entry["name"]: entry.get("enabled") is True
            for entry in (listed if isinstance(listed, list) else ())
            if isinstance(entry, Mapping) and isinstance(entry.get("name"), str)
        }

    def has_command(self, name: str) -> bool:
        """Whether the agent has the command ``name`` (enabled or not)."""
        return name in self._enabled

    def is_enabled(self, name: str) -> bool:
        """Whether the agent has the command ``name`` and accepts it."""
        return self._enabled.get(name, False)

    @property
    def disabled_commands(self) -> frozenset[str]:
        """The commands the agent has but refuses."""
        return frozenset(name for name, enabled in self._enabled.items() if not enabled)
