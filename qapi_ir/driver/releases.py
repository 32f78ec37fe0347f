"""The build's side of ``"releases"`` options: older releases read and turned into histories.

A backend declares an option of kind ``"releases"``; the user gives it
``LABEL=PATH`` values.  Here each PATH is read as the diff reads its inputs
(schema file under older releases' doc comment rules, IR snapshot or ``query-qmp-schema``
reply), compared with the schema being generated, and the option's value
becomes the :class:`~qapi_ir.plugin_api.ReleaseHistory` the backend receives, its
releases in release order (by version number, not as given).
"""

from __future__ import annotations

from collections.abc import Mapping

from qapi_ir.driver.ir_cache import SchemaSource
from qapi_ir.driver.options import OptionError, split_release
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import Option, OptionValue, ReleaseHistory


def release_history(
    backend: str, option: Option, values: tuple[str, ...], schema: Schema
) -> ReleaseHistory:
    """The history of ``LABEL=PATH`` ``values`` against ``schema``; :class:`OptionError` if bad."""
    from qapi_ir.diff.from_ir import from_ir
    from qapi_ir.diff.history import release
    from qapi_ir.diff.inputs import InputError, read_input
    from qapi_ir.diff.release_order import in_release_order

    new = from_ir(schema, docs=False)
    paths: dict[str, str] = {}
    for text in values:
        label, path = split_release(backend, option, text)
        if label in paths:
            raise OptionError(f"option {backend}.{option.name}: release '{label}' given twice")
        paths[label] = path
    releases = []
    for label in in_release_order(list(paths)):
        try:
            old = read_input(paths[label], docs=False, legacy_docs=True)
        except InputError as exc:
            raise OptionError(f"option {backend}.{option.name}: {exc}") from exc
        releases.append(release(label, old, new))
    return ReleaseHistory(tuple(releases))


def with_histories(
    backend: str,
    declared: tuple[Option, ...],
    values: Mapping[str, OptionValue],
    source: SchemaSource,
) -> dict[str, OptionValue]:
    """``values`` with each ``"releases"`` option's text replaced by its history.

    The schema is read only when some such option was given a value.
    """
    resolved = dict(values)
    for option in declared:
        if option.kind != "releases":
            continue
        given = values.get(option.name, ())
        if isinstance(given, ReleaseHistory):
            continue
        if not isinstance(given, tuple) or not given:
            resolved[option.name] = ReleaseHistory()
            continue
        resolved[option.name] = release_history(backend, option, given, source.schema())
    return resolved
