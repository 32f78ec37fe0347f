"""Where QEMU's own generator is, and the command that runs it: the benchmark's yardstick.

QEMU's ``scripts/qapi-gen.py`` comes with its source, e.g. Debian's source
package: with a ``deb-src`` line for a suite that has QEMU 10.2.2 in
``/etc/apt/sources.list.d/``, ``apt-get update && apt-get source qemu`` unpacks it
into ``qemu-10.2.2/``.  Its code is only run here, never copied into qapi-build.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

#: The generator inside a QEMU source tree.
SCRIPT = Path("scripts") / "qapi-gen.py"
#: Where a source tree is looked for when none is given: beside the repository.
SEARCH = ("qemu-src/qemu-*", "qemu-*", "qemu")


def _version(tree: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", tree.name))


def find_generator(given: str | None, repo: Path) -> Path | None:
    """``qapi-gen.py`` of ``given`` (the script or a source tree), ``$QEMU_SRC``, or found.

    Found means the newest ``qemu-*`` source tree beside the repository or in
    its ``qemu-src/`` directory.  ``None`` when there is none.
    """
    explicit = given or os.environ.get("QEMU_SRC")
    if explicit:
        path = Path(explicit)
        script = path if path.is_file() else path / SCRIPT
        if not script.is_file():
            sys.exit(f"no QEMU generator at {script}")
        return script
    found = [tree / SCRIPT for pattern in SEARCH for tree in repo.parent.glob(pattern)
             if (tree / SCRIPT).is_file()]
    return max(found, key=lambda script: _version(script.parents[1]), default=None)


def generator_command(script: Path, schema: Path, out: Path) -> list[str | Path]:
    """QEMU's generator writing every C file of ``schema`` (built-ins too) into ``out``."""
    return [sys.executable, script, "-b", "-o", out, schema]
