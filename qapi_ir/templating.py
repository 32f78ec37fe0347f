"""Mako rendering shared by backends: strict names, compiled-once templates, clear errors."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

from qapi_ir.plugin_api import BackendError


def _module_directory() -> str | None:
    """Where compiled templates are cached (``QAPI_BUILD_CACHE`` or the XDG cache)."""
    root = os.environ.get("QAPI_BUILD_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "qapi-build"
    )
    directory = os.path.join(root, "mako")
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError:
        return None
    return directory if os.access(directory, os.W_OK) else None


@functools.cache
def _lookup(directory: str) -> Any:
    from mako.lookup import TemplateLookup

    return TemplateLookup(
        directories=[directory],
        strict_undefined=True,
        module_directory=_module_directory(),
        input_encoding="utf-8",
    )


def render(template_dir: Path, name: str, **context: Any) -> str:
    """Render template ``name`` from ``template_dir`` with ``context``.

    A failure inside the template becomes a :class:`BackendError` that names
    the template file and line.
    """
    try:
        return str(_lookup(str(template_dir)).get_template(name).render(**context))
    except Exception as exc:
        from mako import exceptions

        detail = exceptions.text_error_template().render().strip().splitlines()
        where = [line.strip() for line in detail if line.strip().startswith("File ")]
        raise BackendError(
            f"template {name} failed: {type(exc).__name__}: {exc}"
            + (f" ({where[-1]})" if where else "")
        ) from exc


_BLANK_RUNS = re.compile(r"\n{3,}")


def squeeze_blank_lines(text: str) -> str:
    """Collapse runs of blank lines into one blank line."""
    return _BLANK_RUNS.sub("\n\n", text)
