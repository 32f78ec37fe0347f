"""The versions of the IR snapshot format.

Written by ``python -m qapi_ir.regenerate --update`` whenever the shape of
the IR changes; never edited by hand.
"""

#: The format version this qapi-build writes.
FORMAT_VERSION = 3

#: The versions N whose documents are also documents of version N + 1 (the
#: step only widened the format), so they read without a migration function.
ADDITIVE_STEPS: tuple[int, ...] = (2,)
