"""Shared test fixtures: where the optional resources are, and how a missing one is handled.

Tests that need something a newcomer may lack (the conformance corpus, a QEMU
binary, Chromium) skip with a reason by default; with ``QAPI_BUILD_REQUIRE_ALL=1``
(set by ``.ci/run``) they fail instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = REPO_ROOT.parent / "shared" / "conformance"

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
    """The shared conformance corpus (../shared/conformance beside the repository)."""
    need(
        (CORPUS_DIR / "run").is_file(),
        f"conformance corpus not found at {CORPUS_DIR}",
    )
    return CORPUS_DIR
