"""The warnings reading an input gives, said once per input rather than once per file.

Reading an older release's schema under older doc comment rules gives a line
per file that needed them (37 for QEMU 7.2).  :class:`ReadWarnings` collects
an input's lines and says them as one: how many files, which rules; every
line when asked (``-v``).  A single file's line, and other warnings, are said as
they are.
"""

from __future__ import annotations

import re

_OLDER_RULES = re.compile(r"(?P<file>.*): warning: accepted older doc comment rules: (?P<rules>.*)")


class ReadWarnings:
    """Collects the lines reading one input gives (use it as its ``warn``)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, line: str) -> None:
        self.lines.append(line)

    def said(self, path: str, verbose: bool) -> list[str]:
        """The lines to print for the input at ``path``: a summary unless ``verbose``."""
        if verbose:
            return list(self.lines)
        files: list[str] = []
        rules: dict[str, None] = {}
        others = []
        for line in self.lines:
            found = _OLDER_RULES.fullmatch(line)
            if found is None:
                others.append(line)
                continue
            files.append(found["file"])
            rules.update(dict.fromkeys(found["rules"].split(", ")))
        if not files:
            return others
        if len(files) == 1:
            return list(self.lines)
        return [*others, f"{path}: warning: accepted older doc comment rules in {len(files)} "
                f"files: {', '.join(rules)} (-v lists each file)"]
