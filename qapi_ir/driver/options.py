"""Backend option values: parsing ``-O`` text, checking ``plugins.toml`` values, defaults."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from qapi_ir.input_file import shown
from qapi_ir.plugin_api import Option, OptionValue

#: The most characters of a text option value (or of each item of a list): a value may be
#: written into many generated lines (a prefix into every name), so it must stay small.
MAX_VALUE_CHARS = 4096
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class OptionError(Exception):
    """An unknown option or a value of the wrong type."""


def _describe(options: Iterable[Option]) -> str:
    listed = ", ".join(f"{o.name} ({o.kind})" for o in options)
    return f"valid options: {listed}" if listed else "it takes no options"


def find_option(backend: str, options: tuple[Option, ...], name: str) -> Option:
    """The option ``name`` of ``backend``; an error listing the valid ones otherwise."""
    for option in options:
        if option.name == name:
            return option
    raise OptionError(f"backend '{backend}' has no option '{name}'; {_describe(options)}")


def parse_text(backend: str, option: Option, text: str) -> OptionValue:
    """Convert the command-line text of an option into its typed value."""
    where = f"option {backend}.{option.name}"
    if option.kind == "bool":
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise OptionError(f"{where} takes a boolean (true/false), not '{shown(text)}'")
    if option.kind == "int":
        try:
            return int(text)
        except ValueError:
            raise OptionError(f"{where} takes an integer, not '{shown(text)}'") from None
    if option.kind == "releases":
        split_release(backend, option, text)
        return (text,)
    if option.kind == "list":
        return (text,)
    return text


def split_release(backend: str, option: Option, text: str) -> tuple[str, str]:
    """``(label, path)`` of a ``"releases"`` option value ``LABEL=PATH``."""
    label, equals, path = text.partition("=")
    if not equals or not label.strip() or not path:
        raise OptionError(
            f"option {backend}.{option.name} takes LABEL=PATH (7.2=old/qapi-schema.json),"
            f" not '{shown(text)}'"
        )
    return label.strip(), path


def check_value(backend: str, option: Option, value: object) -> OptionValue:
    """Check a value from ``plugins.toml`` against the option's type."""
    where = f"option {backend}.{option.name}"
    if option.kind == "bool" and isinstance(value, bool):
        return value
    if option.kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if option.kind == "str" and isinstance(value, str):
        return value
    if (
        option.kind in ("list", "releases")
        and isinstance(value, list | tuple)
        and all(isinstance(item, str) for item in value)
    ):
        for item in value if option.kind == "releases" else ():
            split_release(backend, option, item)
        return tuple(value)
    kind = "list of LABEL=PATH" if option.kind == "releases" else option.kind
    raise OptionError(f"{where} takes a {kind}, not {shown(repr(value))}")


def resolve(
    backend: str, options: tuple[Option, ...], given: Mapping[str, OptionValue]
) -> dict[str, OptionValue]:
    """Every declared option of ``backend``: the given value or the default."""
    for name, value in given.items():
        find_option(backend, options, name)
        for text in value if isinstance(value, tuple) else (value,):
            if isinstance(text, str) and len(text) > MAX_VALUE_CHARS:
                raise OptionError(f"option {backend}.{name} is {len(text)} characters long;"
                                  f" at most {MAX_VALUE_CHARS}")
    return {o.name: given.get(o.name, o.default) for o in options}
