"""Go identifiers and literals for QAPI names, which come from untrusted input.

An identifier is made of the ASCII letters and digits of the QAPI name, so
nothing else of the name reaches the generated code; it is exported (upper
case first), hence never a Go keyword or predeclared name.  Wire names appear
only inside string literals built by :func:`go_string` and in struct tags,
which accept only names that :func:`check_wire_name` lets through.
"""

from __future__ import annotations

import re

from qapi_ir.plugin_api import BackendError

_WORDS = re.compile(r"[A-Za-z0-9]+")
_IDENTIFIER = re.compile(r"[A-Z][A-Za-z0-9_]*\Z")
#: What QAPI names are made of; a struct tag's key must stay inside it.
_WIRE_NAME = re.compile(r"[A-Za-z0-9_.+-]+\Z")


def exported(name: str) -> str:
    """An exported Go identifier for ``name``: ``node-name`` -> ``NodeName``.

    A name without letters or digits, or starting with a digit, gets an ``X``
    in front: ``1`` -> ``X1``.
    """
    words = _WORDS.findall(name)
    identifier = "".join(word[:1].upper() + word[1:] for word in words)
    if not identifier[:1].isalpha():
        identifier = "X" + identifier
    if not _IDENTIFIER.match(identifier):
        raise BackendError(f"cannot derive a Go identifier from {name!r}")
    return identifier


def unexported(identifier: str) -> str:
    """``identifier`` with a lower-case first letter: a name no exported one can clash with."""
    return identifier[:1].lower() + identifier[1:]


def check_wire_name(name: str, what: str) -> str:
    """``name`` when it can stand in a struct tag; otherwise a :class:`BackendError`."""
    if not _WIRE_NAME.match(name):
        raise BackendError(f"{what} {name!r}: the Go backend accepts only [A-Za-z0-9_.+-] here")
    return name


def go_string(text: str) -> str:
    """``text`` as an interpreted Go string literal (any character, escaped when needed)."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif 0xD800 <= code <= 0xDFFF:
            raise BackendError(f"name {text!r} holds a lone surrogate, which Go cannot spell")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)

