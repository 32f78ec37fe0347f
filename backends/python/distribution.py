"""The installable distribution around the generated package: ``pyproject.toml``.

``pip install OUT/`` then ``import PACKAGE`` works in a fresh environment: the
metadata names ``qemu.qmp`` (the range the tests run against) and the package
version is the schema's release where its doc comments tell it.
"""

from __future__ import annotations

from qapi_ir.backend_helpers import schema_release
from qapi_ir.ir import Schema
from qapi_ir.templating import Renderer

from .package import TEMPLATES

#: The qemu.qmp releases the generated client is tested with.
QEMU_QMP_REQUIREMENT = "qemu.qmp>=0.0.6,<0.1"
#: The version of a package whose schema says nothing of its release.
UNKNOWN_RELEASE = "0"


def pyproject(
    schema: Schema, schema_name: str, package: str, version: str, templates: Renderer
) -> str:
    """The ``pyproject.toml`` that makes the directory holding ``package`` installable.

    ``schema_name`` names the schema as the package's docstrings do.
    """
    return templates.render(
        TEMPLATES, "pyproject.toml.mako",
        package=package,
        distribution=package.replace("_", "-"),
        version=version or schema_release(schema) or UNKNOWN_RELEASE,
        schema_name=schema_name,
        requirement=QEMU_QMP_REQUIREMENT,
    )
