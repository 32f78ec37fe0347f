"""Template rendering: strict names, errors that point into the template, blank lines."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from qapi_ir.plugin_api import BackendError
from qapi_ir.templating import Renderer, squeeze_blank_lines

#: The secret compiled templates are kept with (a user's lies outside the cache).
SECRET = b"s" * 32


def cached(tmp_path: Path) -> Renderer:
    """A renderer that keeps compiled templates below ``tmp_path/cache``."""
    return Renderer(tmp_path / "cache", SECRET)

render = Renderer().render


def test_render_fills_in_the_context(tmp_path: Path) -> None:
    (tmp_path / "hello.mako").write_text("Hello ${name}!\n")
    assert render(tmp_path, "hello.mako", name="QMP") == "Hello QMP!\n"


def test_missing_name_fails_instead_of_printing_undefined(tmp_path: Path) -> None:
    (tmp_path / "strict.mako").write_text("line one\nline two ${nowhere}\n")
    with pytest.raises(BackendError, match=r"strict\.mako failed: NameError: .nowhere."):
        render(tmp_path, "strict.mako")


def test_error_inside_a_template_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "broken.mako").write_text("line one\n\nline three ${value.no_such()}\n")
    with pytest.raises(BackendError) as info:
        render(tmp_path, "broken.mako", value=3)
    message = str(info.value)
    assert message.startswith("template broken.mako failed: AttributeError")
    assert f'File "{tmp_path / "broken.mako"}", line 3' in message


def test_runs_of_blank_lines_become_one() -> None:
    assert squeeze_blank_lines("a\n\n\n\nb\n\nc\n") == "a\n\nb\n\nc\n"


def test_compiled_templates_are_kept_as_modules_and_bytecode(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "kept.mako").write_text("kept ${n}\n")
    renderer = cached(tmp_path)
    assert renderer.render(tmp_path / "templates", "kept.mako", n=1) == "kept 1\n"
    [compiled] = (tmp_path / "cache" / "mako").iterdir()
    assert [p.name for p in compiled.glob("*.py")] == ["kept.mako.py"]
    assert [p.name.split(".")[:2] for p in (compiled / "__pycache__").glob("*.pyc")] == [
        ["kept", "mako"]
    ]


def test_render_each_renders_like_render_with_the_shared_context(tmp_path: Path) -> None:
    (tmp_path / "a.mako").write_text("a ${x} ${n}\n")
    (tmp_path / "b.mako").write_text("b ${x} ${n}\n")
    texts = Renderer().render_each(
        tmp_path, [("a.mako", {"n": 1}), ("b.mako", {"n": 2})], x="shared")
    assert texts == [render(tmp_path, "a.mako", x="shared", n=1), "b shared 2\n"]


@pytest.mark.parametrize("damaged", ["module", "bytecode"])
def test_a_damaged_compiled_template_is_compiled_again_never_run(
    tmp_path: Path, damaged: str
) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "greet.mako").write_text("hello ${n}\n")
    assert cached(tmp_path).render(tmp_path / "templates", "greet.mako", n=1) == (
        "hello 1\n"
    )
    module = next((tmp_path / "cache" / "mako").glob("*/greet.mako.py"))
    target = module if damaged == "module" else Path(importlib.util.cache_from_source(module))
    target.write_bytes(target.read_bytes().replace(b"hello", b"jello"))
    if damaged == "module":  # without the bytecode, Python would run the damaged source
        Path(importlib.util.cache_from_source(module)).unlink()
    renderer = cached(tmp_path)  # as a new run's
    assert renderer.render(tmp_path / "templates", "greet.mako", n=2) == "hello 2\n"
    assert b"jello" not in module.read_bytes()


def test_templates_of_the_same_name_in_two_directories_do_not_share_a_compiled_module(
    tmp_path: Path,
) -> None:
    for backend in ("one", "two"):
        (tmp_path / backend).mkdir()
        (tmp_path / backend / "common.mako").write_text(f"{backend} ${{n}}\n")
    renderer = cached(tmp_path)
    assert renderer.render(tmp_path / "one", "common.mako", n=1) == "one 1\n"
    assert cached(tmp_path).render(tmp_path / "two", "common.mako", n=2) == "two 2\n"
    assert len(list((tmp_path / "cache" / "mako").iterdir())) == 2
