"""Mako templates compiled to modules when the package is built, so a first run need not.

``setup.py`` compiles every ``templates/*.mako`` of a package into
``templates/compiled/NAME.py`` (the built wheel's copy, or the source tree's
for an editable install).  Each module ends with a line that carries two
digests (last, so that mako's map of lines back into the template holds): of
what it was compiled from (the template's text, mako's version and
:data:`OPTIONS`) and of the rest of the module.  A module is used only
when both match; otherwise the template is compiled as usual, into the cache.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

try:  # CPython's own module: hashlib would load OpenSSL (as in qapi_ir/driver/hashing.py)
    from _blake2 import blake2b as blake2b  # also templating's
except ImportError:  # another Python implementation
    from hashlib import blake2b as blake2b


def _hex_digest(data: bytes) -> str:
    return blake2b(data, digest_size=32).hexdigest()

#: The options templates are compiled with: code generation depends on them.
OPTIONS: dict[str, Any] = {"strict_undefined": True, "input_encoding": "utf-8"}
#: The sub-directory of a ``templates`` directory that holds their modules.
COMPILED = "compiled"
_TRAILER = "# qapi-build compiled template:"


def _source_digest(template: bytes) -> str:
    import mako

    meta = f"mako {mako.__version__} {sorted(OPTIONS.items())}".encode()
    return _hex_digest(meta + b"\0" + template)


def module_path(template: Path) -> Path:
    """Where the compiled module of ``template`` is."""
    return template.parent / COMPILED / f"{template.name.replace('.', '_')}.py"


def generate_code(text: str, uri: str) -> str:
    """The module mako's ``Template(text=text, uri=uri, **OPTIONS)`` would run, not run.

    Running it would import what the template imports, which a build need not have.
    """
    from mako import codegen
    from mako.lexer import Lexer

    lexer = Lexer(text, None, input_encoding=OPTIONS["input_encoding"])
    return str(codegen.compile(
        lexer.parse(), uri, None, default_filters=["str"], buffer_filters=(), imports=None,
        future_imports=None, source_encoding=lexer.encoding, generate_magic_comment=False,
        strict_undefined=OPTIONS["strict_undefined"], enable_loop=True,
        reserved_names=codegen.RESERVED_NAMES))


def compile_template(template: Path, target: Path) -> None:
    """Write ``template``'s module to ``target`` (with its bytecode), digests last."""
    import py_compile  # only packaging compiles: a build loads the modules

    text = template.read_bytes()
    body = generate_code(text.decode("utf-8"), template.name).encode("utf-8")
    trailer = f"{_TRAILER} {_source_digest(text)} {_hex_digest(body)}\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body + trailer.encode())
    py_compile.compile(str(target), doraise=True)


def compile_directory(templates: Path, out: Path) -> list[Path]:
    """Compile every template of directory ``templates`` into ``out``; the modules written."""
    written = []
    for template in sorted(templates.glob("*.mako")):
        target = module_path(out / template.name)
        compile_template(template, target)
        written.append(target)
    return written


def _load_checked(template: Path) -> tuple[Any, str, str] | None:
    """The module compiled from ``template`` with its source and the template's, or ``None``
    when missing or not its own."""
    path = module_path(template)
    try:
        data = path.read_bytes()
        text = template.read_bytes()
    except OSError:
        return None
    start = data.rfind(b"\n", 0, -1) + 1
    body, trailer = data[:start], data[start:]
    fields = trailer.decode("ascii", "replace").split()
    expected = [*_TRAILER.split(), _source_digest(text), _hex_digest(body)]
    if fields != expected:
        return None
    name = f"_qapi_build_template_{fields[-2][:16]}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception:
        return None
    return module, data.decode("utf-8"), text.decode("utf-8")


def add_compiled(lookup: Any, directory: str) -> None:
    """Put into mako ``lookup`` every template of ``directory`` whose module checks out."""
    from mako.template import ModuleTemplate

    try:
        names = sorted(n for n in os.listdir(directory) if n.endswith(".mako"))
    except OSError:
        return
    for name in names:
        template = Path(directory, name)
        loaded = _load_checked(template)
        if loaded is not None:
            module, module_source, template_source = loaded
            lookup.put_template(name, ModuleTemplate(
                module, module_filename=str(module_path(template)), template_filename=str(template),
                module_source=module_source, template_source=template_source, lookup=lookup))
