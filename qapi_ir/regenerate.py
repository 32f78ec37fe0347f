"""The one command that regenerates every file derived from the contract.

``python -m qapi_ir.regenerate --update`` writes, from :mod:`qapi_ir.ir` and
the flag table (:mod:`qapi_ir.flags`):

- the snapshot format's files (:mod:`qapi_ir.snapshot_format`): the published
  JSON Schema, the shape of each format version, ``FORMAT_VERSION``;
- the ``QCO_*`` option values of the C test stand-in header
  (``tests/backends/c/runtime/qapi/qmp-registry.h``), between marker lines;
- the class reference of ``docs/ir.md`` (:mod:`qapi_ir.ir_reference`), between
  marker lines.

``--check`` lists what is out of step.  Tests print :data:`UPDATE_COMMAND`
when something is.  Run it from a checkout.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from qapi_ir import flags, ir_reference, snapshot_format

#: The command that brings every derived file in step; tests print it.
UPDATE_COMMAND = "python -m qapi_ir.regenerate --update"

#: The checkout this module is part of.
ROOT = Path(__file__).resolve().parents[1]

#: Files with a generated part, relative to the checkout: (begin line, end line).
C_REGISTRY_HEADER = Path("tests") / "backends" / "c" / "runtime" / "qapi" / "qmp-registry.h"
IR_REFERENCE = Path("docs") / "ir.md"
_C_MARKERS = (f"    /* The flag table's options, written by {UPDATE_COMMAND} */",
              "    /* End of the flag table's options */")
_DOC_MARKERS = (f"<!-- The class reference below is written by {UPDATE_COMMAND} -->",
                "<!-- End of the class reference -->")
_VERSION_MARKERS = (f"<!-- The table of format versions below is written by {UPDATE_COMMAND} -->",
                    "<!-- End of the table of format versions -->")


class RegenerateError(Exception):
    """A file whose generated part cannot be found."""


def with_block(text: str, markers: tuple[str, str], block: str, where: Path) -> str:
    """``text`` with the lines between the two ``markers`` lines replaced by ``block``."""
    begin, end = markers
    lines = text.splitlines(keepends=True)
    try:
        start = lines.index(begin + "\n")
        stop = lines.index(end + "\n", start)
    except ValueError:
        raise RegenerateError(f"{where}: the marker lines of the generated part are missing"
                              f" ('{begin.strip()}')") from None
    return "".join(lines[:start + 1]) + block + "".join(lines[stop:])


def c_option_values() -> str:
    """The enumerators of ``QmpCommandOptions`` for the flag table's C options."""
    return "".join(f"    {name} = (1U << {bit}),\n" for name, bit in flags.c_options())


def derived_files(root: Path = ROOT) -> tuple[dict[Path, str], str | None]:
    """The text each derived file must have, and what still needs a person, if anything."""
    state = snapshot_format.format_files(root, UPDATE_COMMAND)
    files = dict(state.files)
    header = root / C_REGISTRY_HEADER
    files[header] = with_block(header.read_text(), _C_MARKERS, c_option_values(), header)
    reference = root / IR_REFERENCE
    page = with_block(reference.read_text(), _VERSION_MARKERS,
                      snapshot_format.version_table(state), reference)
    files[reference] = with_block(page, _DOC_MARKERS,
                                  "\n" + ir_reference.reference_markdown() + "\n", reference)
    return files, state.to_do


def stale_files(root: Path = ROOT) -> list[Path]:
    """The derived files that are not in step with the contract."""
    return _out_of_step(derived_files(root)[0])


def _out_of_step(files: dict[Path, str]) -> list[Path]:
    return [path for path, text in files.items()
            if not path.is_file() or path.read_text() != text]


def main(argv: Sequence[str], root: Path = ROOT) -> int:
    """``--update`` writes the derived files that changed; ``--check`` lists them."""
    if list(argv) not in (["--update"], ["--check"]):
        print(f"usage: {UPDATE_COMMAND} | --check", file=sys.stderr)
        return 2
    try:
        files, to_do = derived_files(root)
    except (OSError, RegenerateError) as exc:
        print(f"{exc} (run from a checkout of qapi-build)", file=sys.stderr)
        return 1
    update = argv[0] == "--update"
    stale = _out_of_step(files)
    for path in stale:
        if update:
            path.write_text(files[path])
        print(f"{'updated' if update else 'out of step'}: {path.relative_to(root)}")
    if to_do:
        print(to_do, file=sys.stderr)
    return 1 if to_do or (stale and not update) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
