"""Which C files a schema module maps to, and how one file is rendered and written.

This mirrors QEMU's ``QAPISchemaModularCVisitor`` (``scripts/qapi/gen.py``):
the main module's files carry no module suffix, other user modules get
``-MODULE`` and keep their sub-directory, the built-in module becomes
``qapi-builtin-WHAT`` without the prefix, and system modules (``./init``,
``./emit``) become ``PREFIXqapi-init-commands`` and the like.

Templates frame a file with the ``c_file``/``h_file`` defs of
``templates/c_common.mako`` (banner, include guard, QEMU's trailing dummy
declaration) and wrap conditional code with its ``if_wrap`` def.
"""

from __future__ import annotations

import os.path
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from qapi_ir.ir import BUILTIN_MODULE, Entity, Include, Module, Schema
from qapi_ir.plugin_api import Output

from .settings import CSettings

#: Where the C backend's templates live.
TEMPLATE_DIR = Path(__file__).parent / "templates"

#: The system module holding command registration.
INIT_MODULE = "./init"
#: The system module holding event emission.
EMIT_MODULE = "./emit"


def is_builtin_module(name: str) -> bool:
    """Whether ``name`` is the module of the built-in types."""
    return name == BUILTIN_MODULE


def is_system_module(name: str) -> bool:
    """Whether ``name`` is a module the generator makes up (``./builtin``, ``./init``...)."""
    return name.startswith("./")


def is_user_module(name: str) -> bool:
    """Whether ``name`` is a schema file."""
    return not is_system_module(name)


def modules_to_write(schema: Schema, settings: CSettings) -> Iterator[Module]:
    """The modules that get files: every user module, the built-in one with ``builtins``."""
    return (m for m in schema.modules if settings.builtins or not m.is_builtin)


def guard_name(filename: str) -> str:
    """The include-guard macro of header ``filename``."""
    return re.sub(r"[^A-Za-z0-9_]", "_", filename).upper()


@attrs.frozen
class ModuleNames:
    """File names of modules for one schema and prefix."""

    prefix: str
    main_module: str | None

    @classmethod
    def for_schema(cls, schema: Schema, settings: CSettings) -> ModuleNames:
        """The names for ``schema`` generated with ``settings``."""
        main = schema.main_module
        return cls(settings.prefix, main.name if main else None)

    def basename(self, what: str, module: str) -> str:
        """The file name, without directory or extension, of ``module`` for ``what``.

        ``what`` is the QEMU kind such as ``qapi-types`` or ``qapi-commands``.
        """
        ret = "" if is_builtin_module(module) else self.prefix
        if is_user_module(module):
            ret += what
            if module != self.main_module:
                ret += "-" + os.path.splitext(os.path.basename(module))[0]
        else:
            ret += re.sub(r"-", "-" + module[2:] + "-", what)
        return ret

    def filename(self, what: str, module: str) -> str:
        """The path, without extension, of ``module``'s file for ``what``."""
        dirname = os.path.dirname(module) if is_user_module(module) else ""
        return os.path.join(dirname, self.basename(what, module))

    def include(self, what: str, module: str, target: str) -> str:
        """The path, without extension, that ``module``'s header uses to include
        ``target``'s header (an include directive)."""
        here = os.path.dirname(self.filename(what, module))
        return os.path.relpath(self.filename(what, target), here or os.curdir)

    def includes(self, what: str, module: str, entities: Iterable[Entity]) -> list[str]:
        """:meth:`include` for each include directive among ``entities`` of ``module``."""
        return [self.include(what, module, e.target) for e in entities if isinstance(e, Include)]


def render_file(
    output: Output, template: str, path: str, settings: CSettings, **context: Any
) -> str:
    """Render ``template`` for the file ``path``; it receives ``fname`` and ``banner``."""
    return output.templates.render(
        TEMPLATE_DIR, template, fname=path, banner=settings.banner, **context)


def write_file(output: Output, path: str, text: str) -> None:
    """Record ``path`` unless it lies outside the output directory.

    Like QEMU, files of modules reached through ``../`` includes are not
    written: they belong to another schema's output.
    """
    if not path.startswith("../"):
        output.write(path, text)


def write_pair(
    output: Output,
    settings: CSettings,
    base: str,
    kind: str,
    **context: Any,
) -> None:
    """Render templates ``KIND.c.mako`` and ``KIND.h.mako`` into ``BASE.c``/``BASE.h``."""
    paths = {ext: f"{base}.{ext}" for ext in ("c", "h")}
    texts = output.templates.render_each(
        TEMPLATE_DIR,
        [(f"{kind}.{ext}.mako", {"fname": path}) for ext, path in paths.items()],
        banner=settings.banner,
        **context,
    )
    for path, text in zip(paths.values(), texts, strict=True):
        write_file(output, path, text)
