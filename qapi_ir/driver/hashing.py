"""The hash of the build cache's keys and entry checksums: BLAKE2b, 256 bits; and the
secret that signs the entries that decide what code runs.

Taken from CPython's own ``_blake2`` module when there is one: importing
:mod:`hashlib` loads OpenSSL, 3.7 MiB of resident memory, and BLAKE2b is not
OpenSSL's anyway.  Keyed, BLAKE2b is a MAC: an entry checked with the secret
cannot have been written by anyone who lacks it.
"""

from __future__ import annotations

import contextlib
import functools
import os

from qapi_ir.input_file import InputFileError, read_bytes

try:
    from _blake2 import blake2b
except ImportError:  # another Python implementation
    from hashlib import blake2b

#: The size of a digest, and of the secret, in bytes.
DIGEST_SIZE = 32


def hasher(data: bytes | memoryview = b"", secret: bytes = b"") -> blake2b:
    """A new hash object, fed ``data``; keyed with ``secret`` when one is given."""
    return blake2b(data, digest_size=DIGEST_SIZE, key=secret)


def _secret_path() -> str:
    state = os.environ.get("XDG_STATE_HOME") or os.path.expanduser("~/.local/state")
    return os.path.join(state, "qapi-build", "cache-secret")


@functools.cache
def local_secret() -> bytes | None:
    """This user's secret for the cache entries that decide what code runs (compiled
    templates, the backends installed): ``$XDG_STATE_HOME/qapi-build/cache-secret``,
    made on first use, readable by its owner only.  It is never in the cache
    directory, so a cache copied from elsewhere brings no entry that passes.
    ``None`` when it can be neither read nor made: such entries are then not kept.
    """
    path = _secret_path()
    for _ in range(2):
        with contextlib.suppress(OSError, InputFileError):
            secret = read_bytes(path)
            if len(secret) == DIGEST_SIZE:
                return secret
            os.unlink(path)  # damaged: make a new one
        with contextlib.suppress(OSError):
            _make_secret(path)
    return None


def _make_secret(path: str) -> None:
    """Write a new secret at ``path`` unless another run just did (never half of one)."""
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    temporary = f"{path}.{os.getpid()}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        try:
            os.write(fd, os.urandom(DIGEST_SIZE))
        finally:
            os.close(fd)
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)
