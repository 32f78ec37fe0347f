"""The packages for QEMU's two other schemas: the guest agent's and the storage daemon's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contrib.go.conftest import GoTools, generate

SCHEMAS = Path("qemu-10.2/codegen/schemas")


@pytest.mark.parametrize(
    ("schema", "runtime", "absent"),
    [
        ("qga/qapi-schema.json", "agent.go", "events.go"),
        ("storage-daemon/qapi/qapi-schema.json", "runtime.go", "agent.go"),
    ],
)
def test_qemu_10_2_package_has_its_protocol_and_is_gofmt_and_vet_clean(
    go_tools: GoTools, corpus_dir: Path, tmp_path: Path, schema: str, runtime: str, absent: str
) -> None:
    package = generate(corpus_dir / SCHEMAS / schema, tmp_path)
    assert (package / runtime).is_file() and not (package / absent).exists()
    go_tools.assert_clean(package)
