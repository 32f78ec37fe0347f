"""The Go backend's tests: the contrib package's source, the go tool, generated packages.

The backend is imported from ``contrib/qapi-build-go`` (so the tests check the
source, whether or not a copy is installed); tests that need Go skip without
it (fail under ``QAPI_BUILD_REQUIRE_ALL=1``).  Go's caches live in a temporary
directory, and nothing is fetched: ``GOPROXY=off``, ``GOTOOLCHAIN=local``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from qapi_ir.driver.releases import release_history
from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import Option, Output
from tests.conftest import CORPUS_DIR, REPO_ROOT, need

CONTRIB = REPO_ROOT / "contrib" / "qapi-build-go"
GO_TESTS = Path(__file__).parent / "gotests"
FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = REPO_ROOT / "examples" / "service.json"
QEMU_SCHEMA = Path("qemu-10.2/codegen/schemas/qapi/qapi-schema.json")
#: The older releases of QEMU's schema in the corpus: label and path.
QEMU_RELEASES = (
    ("7.2", Path("history/qemu-7.2/qapi/qapi-schema.json")),
    ("10.0", Path("history/qemu-10.0/qapi/qapi-schema.json")),
)
#: Upper bound for one go command (building QEMU's whole schema on a loaded machine).
GO_SECONDS = 900

if str(CONTRIB) not in sys.path:
    sys.path.insert(0, str(CONTRIB))

from qapi_build_go import GoBackend  # noqa: E402  (found through the path above)


def generate(
    schema_path: Path, directory: Path, package: str = "qmp", releases: tuple[str, ...] = ()
) -> Path:
    """Write the Go package for ``schema_path`` below ``directory``; its path.

    ``releases`` are ``go.compat`` values, ``LABEL=PATH``.
    """
    schema = load_schema(str(schema_path))
    option = next(o for o in GoBackend.options if o.name == "compat")
    assert isinstance(option, Option)
    history = release_history("go", option, releases, schema)
    output = Output()
    GoBackend().generate(
        schema, output, {"package": package, "module": "", "compat": history}
    )
    for name, text in output.files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return directory / package


@pytest.fixture(scope="session")
def go_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where go commands keep their build cache and module path during the session."""
    return tmp_path_factory.mktemp("go")


@attrs.frozen
class GoTools:
    """The go and gofmt commands, run with private caches, no network and no cgo."""

    go: str
    gofmt: str
    cache: Path

    def run(
        self, directory: Path, *command: str, **extra_env: str
    ) -> subprocess.CompletedProcess[str]:
        """Run ``go COMMAND`` (``gofmt ...`` if COMMAND starts with it) in ``directory``."""
        tool = [self.gofmt, *command[1:]] if command[0] == "gofmt" else [self.go, *command]
        env = {
            **os.environ,
            "GOCACHE": str(self.cache / "cache"),
            "GOPATH": str(self.cache / "path"),
            "GOTOOLCHAIN": "local",
            "GO111MODULE": "on",
            "GOPROXY": "off",
            "GOFLAGS": "",
            "CGO_ENABLED": "0",
            **extra_env,
        }
        return subprocess.run(
            tool, cwd=directory, env=env, capture_output=True, text=True, timeout=GO_SECONDS,
            check=False,
        )

    def assert_clean(self, package: Path) -> None:
        """``gofmt -l`` lists nothing and ``go vet`` finds nothing in ``package``."""
        formatted = self.run(package, "gofmt", "-l", ".")
        assert formatted.returncode == 0, formatted.stderr
        assert formatted.stdout == "", f"not gofmt-clean: {formatted.stdout}"
        vetted = self.run(package, "vet", "./...")
        assert vetted.returncode == 0, vetted.stdout + vetted.stderr


def find_go_tools(cache: Path) -> GoTools:
    """The go tools using ``cache``, or a skip (a failure under QAPI_BUILD_REQUIRE_ALL=1)."""
    go, gofmt = shutil.which("go"), shutil.which("gofmt")
    need(go is not None and gofmt is not None, "go or gofmt not found (Debian package golang-go)")
    assert go is not None and gofmt is not None
    return GoTools(go, gofmt, cache)


@pytest.fixture
def go_tools(go_cache: Path) -> GoTools:
    """The go tools, or a skip (a failure under QAPI_BUILD_REQUIRE_ALL=1)."""
    return find_go_tools(go_cache)


@pytest.fixture(scope="session")
def qemu_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package generated once from QEMU 10.2's schema with the 7.2 and 10.0 histories.

    Tests that add files to it work on a copy.
    """
    need((CORPUS_DIR / "run").is_file(), f"conformance corpus not found at {CORPUS_DIR}")
    releases = tuple(f"{label}={CORPUS_DIR / path}" for label, path in QEMU_RELEASES)
    return generate(CORPUS_DIR / QEMU_SCHEMA, tmp_path_factory.mktemp("qemu102"),
                    releases=releases)
