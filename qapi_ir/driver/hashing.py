"""The hash of the build cache's keys and entry checksums: BLAKE2b, 256 bits.

Taken from CPython's own ``_blake2`` module when there is one: importing
:mod:`hashlib` loads OpenSSL, 3.7 MiB of resident memory, and BLAKE2b is not
OpenSSL's anyway.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # another Python implementation
    from hashlib import blake2b

#: The size of a digest in bytes.
DIGEST_SIZE = 32


def hasher(data: bytes | memoryview = b"") -> blake2b:
    """A new hash object, fed ``data``."""
    return blake2b(data, digest_size=DIGEST_SIZE)
