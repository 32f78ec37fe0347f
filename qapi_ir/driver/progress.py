"""Progress on a terminal: one updating status line, shown only when a run is slow."""

from __future__ import annotations

import time
from typing import TextIO

#: Seconds a run may take before its progress line appears.
SHOW_AFTER = 1.0


class Progress:
    """Shows the current step on ``stream`` when it is a terminal; silent otherwise."""

    def __init__(self, stream: TextIO, show_after: float = SHOW_AFTER) -> None:
        self._stream = stream
        self._enabled = stream.isatty()
        self._start = time.monotonic()
        self._show_after = show_after
        self._shown = False

    def step(self, message: str) -> None:
        """Announce the step that starts now."""
        if not self._enabled or time.monotonic() - self._start < self._show_after:
            return
        self._stream.write(f"\r\033[K{message}")
        self._stream.flush()
        self._shown = True

    def done(self) -> None:
        """Clear the status line."""
        if self._shown:
            self._stream.write("\r\033[K")
            self._stream.flush()
            self._shown = False
