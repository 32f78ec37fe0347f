"""Templates compiled when the package is built: used when their digests match, else not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mako.template import Template

from qapi_ir.plugin_api import BackendError
from qapi_ir.template_modules import (
    OPTIONS,
    compile_directory,
    generate_code,
    module_path,
)
from tests.conftest import REPO_ROOT
from tests.test_templating import cached


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    """A directory with a template that includes another, compiled; a cache beside it."""
    directory = tmp_path / "templates"
    directory.mkdir()
    (directory / "common.mako").write_text("<%def name='greet(who)'>hello ${who}</%def>\n")
    (directory / "page.mako").write_text(
        "<%namespace name='c' file='common.mako'/>${c.greet(name)}!\n")
    compile_directory(directory, directory)
    return directory


def _compiled_into_cache(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in (tmp_path / "cache" / "mako").rglob("*.py"))


def test_precompiled_templates_render_without_compiling_into_the_cache(
    tmp_path: Path, templates: Path
) -> None:
    assert module_path(templates / "page.mako").is_file()
    assert cached(tmp_path).render(templates, "page.mako", name="QMP") == "hello QMP!\n"
    assert _compiled_into_cache(tmp_path) == []


def test_a_template_changed_since_compiling_is_compiled_again(
    tmp_path: Path, templates: Path
) -> None:
    (templates / "page.mako").write_text("bye ${name}\n")
    assert cached(tmp_path).render(templates, "page.mako", name="QMP") == "bye QMP\n"
    assert _compiled_into_cache(tmp_path) == ["page.mako.py"]


def test_an_altered_module_is_not_trusted(tmp_path: Path, templates: Path) -> None:
    module = module_path(templates / "page.mako")
    module.write_text(module.read_text().replace("'!\\n'", "'?\\n'"))
    assert "'?\\n'" in module.read_text()
    assert cached(tmp_path).render(templates, "page.mako", name="QMP") == "hello QMP!\n"
    assert _compiled_into_cache(tmp_path) == ["page.mako.py"]


def test_errors_in_a_precompiled_template_name_its_file_and_line(
    tmp_path: Path, templates: Path
) -> None:
    (templates / "broken.mako").write_text("one\n\nthree ${value.no_such()}\n")
    compile_directory(templates, templates)
    with pytest.raises(BackendError) as info:
        cached(tmp_path).render(templates, "broken.mako", value=3)
    assert f'File "{templates / "broken.mako"}", line 3' in str(info.value)
    assert _compiled_into_cache(tmp_path) == []


def test_generated_code_is_what_mako_compiles_at_run_time() -> None:
    template = REPO_ROOT / "backends" / "c" / "templates" / "commands.c.mako"
    text = template.read_text()
    compiled = Template(text=text, uri=template.name, **OPTIONS).code
    generated = generate_code(text, template.name)
    moment = re.compile(r"_modified_time = [\d.]+")
    assert moment.sub("", generated) == moment.sub("", compiled)


def test_every_shipped_template_directory_is_compiled_by_the_install() -> None:
    directories = {p.parent for top in ("qapi_ir", "backends")
                   for p in (REPO_ROOT / top).glob("**/templates/*.mako")}
    missing = [str(t) for d in directories for t in d.glob("*.mako")
               if not module_path(t).is_file()]
    assert directories and not missing, "pip install -e . compiles them: " + ", ".join(missing)
