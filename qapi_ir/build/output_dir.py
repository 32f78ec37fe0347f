"""Writing generated files: atomically, and only when their content changed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


class OutputError(Exception):
    """The output directory or a file in it cannot be written."""


def _write_atomically(target: Path, data: bytes) -> None:
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def write_files(directory: Path, files: Mapping[str, str]) -> list[str]:
    """Write ``files`` (relative path to text) below ``directory``.

    A file whose content is already what it should be is left alone, so its
    modification time does not change.  Returns the paths actually written.
    """
    written = []
    for relative, text in sorted(files.items()):
        target = directory / relative
        data = text.encode("utf-8")
        try:
            if target.is_file() and target.read_bytes() == data:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(target, data)
        except OSError as exc:
            raise OutputError(f"can't write '{target}': {exc.strerror or exc}") from exc
        written.append(relative)
    return written
