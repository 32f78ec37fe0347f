"""Pythonic names for QAPI names: classes, attributes, enum members, methods.

QAPI names may hold ``-`` and ``.``, start with a digit (enum values) or with
``__`` (downstream extensions such as ``__com.redhat_foo``), and be Python
keywords.  Every function here returns a valid identifier; the contract's
:class:`qapi_ir.backend_helpers.Namer` keeps the names of one scope distinct.
"""

from __future__ import annotations

import keyword
import re
from pathlib import PurePosixPath

_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_WORD = re.compile(r"[^0-9A-Za-z_]+")

#: Names a generated member must not take: they are builtins used in annotations
#: or attributes of the generated base classes.
RESERVED_ATTRIBUTES = frozenset(
    {"bool", "int", "float", "str", "tuple", "object", "type", "None"}
    | {"unknown_members", "wire_names", "event_name", "timestamp", "is_known"}
)


def _words(name: str) -> list[str]:
    """The words of ``name``: split at ``-``, ``.``, ``_`` and camel-case humps."""
    return [word for word in _NOT_WORD.sub("_", _CAMEL_HUMP.sub("_", name)).split("_") if word]


def _safe(identifier: str, prefix: str) -> str:
    """``identifier``, prefixed when it starts with a digit, escaped when a keyword.

    The names ``l``, ``O`` and ``I``, easily misread, are escaped too.
    """
    if not identifier or identifier[0].isdigit():
        identifier = prefix + identifier
    if keyword.iskeyword(identifier) or identifier in ("l", "O", "I"):
        return identifier + "_"
    return identifier


def attribute_name(name: str) -> str:
    """``node-name`` -> ``node_name``, ``cpuIndex`` -> ``cpu_index``, ``if`` -> ``if_``."""
    return _safe("_".join(word.lower() for word in _words(name)), "n")


def module_name(path: str) -> str:
    """A schema file as a private module name: ``sub/block-core.json`` -> ``_sub_block_core``."""
    return "_" + attribute_name(str(PurePosixPath(path).with_suffix("")))


def constant_name(name: str) -> str:
    """An enum value as a member name: ``save-vm`` -> ``SAVE_VM``, ``1`` -> ``N1``."""
    return _safe("_".join(word.upper() for word in _words(name)), "N")


def class_name(name: str) -> str:
    """A type name as a class name: ``BlockdevOptions`` stays, ``q35-opts`` -> ``Q35Opts``."""
    words = _words(name)
    return _safe("".join(word[:1].upper() + word[1:] for word in words), "N")


def event_class_name(name: str) -> str:
    """An event name as a class name: ``BLOCK_JOB_READY`` -> ``BlockJobReadyEvent``."""
    return _safe("".join(word.capitalize() for word in _words(name)) + "Event", "N")


def branch_class_name(union: str, branch: str) -> str:
    """The subclass of union ``union`` for tag value ``branch``: ``SchemaInfoEnumBranch``."""
    camel = "".join(word.capitalize() for word in _words(branch))
    return class_name(union) + camel + "Branch"

