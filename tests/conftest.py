"""Shared test fixtures: where the optional resources are, and how a missing one is handled.

Tests that need something a newcomer may lack (the conformance corpus, a QEMU
binary, Chromium) skip with a reason by default; with ``QAPI_BUILD_REQUIRE_ALL=1``
(set by ``.ci/run``) they fail instead.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from qapi_ir.flags import FLAGS

REPO_ROOT = Path(__file__).resolve().parents[1]
#: The conformance corpus: ``$QAPI_BUILD_CORPUS`` when set, else ``../shared/conformance``
#: beside the repository.
CORPUS_DIR = Path(
    os.environ.get("QAPI_BUILD_CORPUS") or REPO_ROOT.parent / "shared" / "conformance"
).resolve()
#: QEMU 10.2.2's source tree (its ``scripts/qapi`` is the reference generator):
#: ``$QEMU_SRC`` when set (``.ci/run`` fetches it with ``.ci/fetch-qemu-source``),
#: else ``../qemu-src/qemu-10.2.2`` beside the repository.
QEMU_SOURCE = Path(
    os.environ.get("QEMU_SRC") or REPO_ROOT.parent / "qemu-src" / "qemu-10.2.2"
).resolve()

#: A Debian trixie tree with QEMU 10.0 for the live tests against a second release
#: (``.ci/make-trixie DIR`` makes one): ``$QAPI_BUILD_TRIXIE``, else ``build/trixie``.
#: Its absence is a skip even under QAPI_BUILD_REQUIRE_ALL=1: making it needs root.
TRIXIE_DIR = Path(os.environ.get("QAPI_BUILD_TRIXIE") or REPO_ROOT / "build" / "trixie").resolve()

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def require_all() -> bool:
    """Whether missing optional resources are failures rather than skips."""
    return os.environ.get("QAPI_BUILD_REQUIRE_ALL") == "1"


def need(available: bool, reason: str) -> None:
    """Skip (or, under QAPI_BUILD_REQUIRE_ALL=1, fail) when a resource is missing."""
    if available:
        return
    if require_all():
        pytest.fail(f"{reason} (mandatory because QAPI_BUILD_REQUIRE_ALL=1)")
    pytest.skip(reason)


@pytest.fixture
def corpus_dir() -> Path:
    """The shared conformance corpus (``$QAPI_BUILD_CORPUS`` or ../shared/conformance)."""
    need(
        (CORPUS_DIR / "run").is_file(),
        f"conformance corpus not found at {CORPUS_DIR} (set QAPI_BUILD_CORPUS to its folder)",
    )
    return CORPUS_DIR


@functools.cache
def _snapshot_validator(flag_table: tuple[Any, ...]) -> Any:
    """The published JSON Schema, or the one derived when a test added a flag to the table."""
    import jsonschema

    from qapi_ir import ir_jsonschema

    published = json.loads((REPO_ROOT / "schema" / "ir.schema.json").read_text())
    if flag_table != FLAGS:
        published = ir_jsonschema.snapshot_json_schema()
    return jsonschema.Draft202012Validator(published)


@pytest.fixture(autouse=True, scope="session")
def _every_snapshot_matches_the_published_json_schema() -> Iterator[None]:
    """Check each snapshot document a test makes against ``schema/ir.schema.json``."""
    from qapi_ir import flags, snapshot

    original = snapshot.to_document

    def checked(schema: Any) -> dict[str, Any]:
        document = original(schema)
        _snapshot_validator(flags.FLAGS).validate(json.loads(json.dumps(document)))
        return document

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(snapshot, "to_document", checked)
        yield


@pytest.fixture(autouse=True, scope="session")
def _private_build_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the tests' build cache and cache secret (and every qapi-build they start) out of
    the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QAPI_BUILD_CACHE", str(tmp_path_factory.mktemp("build-cache")))
        patch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
        yield
