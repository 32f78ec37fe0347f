"""The build's side of ``"releases"`` options: older releases read and turned into histories.

A backend declares an option of kind ``"releases"``; the user gives it
``LABEL=PATH`` values.  Here each PATH is read as the diff reads its inputs
(schema file under older releases' doc comment rules, IR snapshot or ``query-qmp-schema``
reply), compared with the schema being generated, and the option's value
becomes the :class:`~qapi_ir.plugin_api.ReleaseHistory` the backend receives, its
releases in release order (by version number, not as given), each with what changed
for clients since the release before it (:mod:`qapi_ir.diff.lifecycle`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import attrs

from qapi_ir.driver.ir_cache import SchemaSource
from qapi_ir.driver.options import OptionError, split_release
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import Option, OptionValue, ReleaseHistory


def release_history(
    backend: str, option: Option, values: tuple[str, ...], schema: Schema,
    warn: Callable[[str], object] | None = None, verbose: bool = False,
) -> ReleaseHistory:
    """The history of ``LABEL=PATH`` ``values`` against ``schema``; :class:`OptionError` if bad.

    Reading a release gives ``warn`` (default: stderr) one summary line of the older doc
    comment rules it needed, or, ``verbose``, a line per file.
    """
    from qapi_ir.diff.from_ir import from_ir
    from qapi_ir.diff.history import changes, release
    from qapi_ir.diff.inputs import InputError, read_reporting, warn_on_stderr
    from qapi_ir.diff.lifecycle import lifecycle
    from qapi_ir.diff.release_order import in_release_order

    new = from_ir(schema, docs=False)
    paths: dict[str, str] = {}
    for text in values:
        label, path = split_release(backend, option, text)
        if label in paths:
            raise OptionError(f"option {backend}.{option.name}: release '{label}' given twice")
        paths[label] = path
    models = []
    for label in in_release_order(list(paths)):
        try:
            models.append((label, read_reporting(paths[label], docs=False, legacy_docs=True,
                                                 verbose=verbose, warn=warn or warn_on_stderr)))
        except InputError as exc:
            raise OptionError(f"option {backend}.{option.name}: {exc}") from exc
    across = lifecycle(models)
    return ReleaseHistory(tuple(attrs.evolve(release(label, old, new),
                                             changes=changes(across, label))
                                for label, old in models))


def with_histories(
    backend: str,
    declared: tuple[Option, ...],
    values: Mapping[str, OptionValue],
    source: SchemaSource,
    warn: Callable[[str], object] | None = None,
    verbose: bool = False,
) -> dict[str, OptionValue]:
    """``values`` with each ``"releases"`` option's text replaced by its history.

    The schema is read only when some such option was given a value; ``warn`` and
    ``verbose`` are :func:`release_history`'s.
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
        resolved[option.name] = release_history(backend, option, given, source.schema(),
                                                warn, verbose)
    return resolved
