"""Build step: compile the mako templates into modules shipped beside them.

Everything else is in ``pyproject.toml``.  A wheel gets the modules in its
``templates/compiled/`` directories; an editable install gets them in the
source tree (ignored by git).  See :mod:`qapi_ir.template_modules`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent))
from qapi_ir.template_modules import compile_directory


class BuildPyCompilingTemplates(build_py):
    """``build_py`` that also compiles each package's templates."""

    def run(self) -> None:
        super().run()
        for _package, source, built, files in self.data_files:
            if any(name.startswith("templates/") for name in files):
                target = Path(source if self.editable_mode else built, "templates")
                compile_directory(Path(source, "templates"), target)


setup(cmdclass={"build_py": BuildPyCompilingTemplates})
