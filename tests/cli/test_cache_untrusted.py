"""A build cache anyone could have written runs no code of its own.

Every entry is replaced by a pickle that would leave a mark if it ran, with a
checksum recomputed as the cache's own code computes it, and every compiled
template by a module that would leave a mark, with a MAC made with another
secret than the user's.  The next runs of every kind (a build served from the
cache, one that needs the cached IR, one that reuses files' parses, two diffs
and the list of backends) leave no mark and give what a run without a cache gives.
"""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from qapi_ir.driver.cache_store import CacheStore
from qapi_ir.driver.hashing import local_secret
from qapi_ir.driver.installed import EntryPointInfo, Installed
from qapi_ir.flags import Severity
from qapi_ir.ir import Location
from qapi_ir.templating import _module_digest
from tests.cli.helpers import files_below, run_cli
from tests.cli.test_cache import SHAPES, _entries, _write_schema

_BACKEND = """\
from pathlib import Path
from qapi_ir.plugin_api import PLUGIN_API_VERSION

class Greeter:
    name = "greet"
    description = "greets each module"
    api_version = PLUGIN_API_VERSION
    options = ()

    def generate(self, schema, output, options):
        text = output.templates.render(Path(__file__).parent / "templates", "greet.mako",
                                       modules=[m.name for m in schema.modules])
        output.write("greetings.txt", text)
"""


class _Marks:
    """What a planted entry unpickles to: a call of ``os.system`` that touches a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def _plant(cache: Path, marker: Path) -> int:
    """Replace every entry and compiled template of ``cache``; how many there were."""
    store = CacheStore(cache)
    payloads = [pickle.dumps(_Marks(marker)),
                pickle.dumps(Installed((EntryPointInfo("c", "marked:Backend", None),)))]
    entries = _entries(cache)
    for number, entry in enumerate(entries):
        payload = payloads[number % 2]
        store.put(entry.parent.name + entry.name, lambda stream, data=payload: stream.write(data))
    modules = sorted((cache / "mako").glob("*/*.mako.py"))
    for module in modules:
        module.write_text(f"import os\nos.system('touch {marker}')\n")
        Path(f"{module}.digest").write_text(_module_digest(str(module), b"x" * 32))
    assert modules and len(entries) > 10
    return len(entries) + len(modules)


def _runs(tmp_path: Path, schema: Path, cache: str) -> list[tuple[str, dict[str, str]]]:
    """Every kind of run, each with what it printed and wrote (into a fresh directory)."""
    done = []
    for name, argv in [
        ("build", [schema, "--backend", "c", "--backend", "greet"]),
        ("rebuild", [schema, "--backend", "c", "--backend", "greet"]),
        ("new options", [schema, "--backend", "c", "-O", "c.banner=b"]),
        ("diff", ["diff", schema, tmp_path / "old.json"]),
        ("diff again", ["diff", schema, tmp_path / "old.json"]),
        ("list", ["--list-backends"]),
    ]:
        out = tmp_path / "out"
        shutil.rmtree(out, ignore_errors=True)
        output = [] if argv[0] == "diff" or name == "list" else ["-o", out]
        result = run_cli(*argv, *output, cache, cwd=tmp_path, pythonpath=tmp_path)
        assert result.returncode in (0, 1), (name, result.stderr)
        written = {f: (out / f).read_text() for f in files_below(out)}
        done.append((name, {"stdout": result.stdout, **written}))
    return done


def test_planted_entries_and_templates_are_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    marker = tmp_path / "marked"
    (tmp_path / "marked.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "greet.mako").write_text(
        "% for m in modules:\nhello ${m}\n% endfor\n")
    (tmp_path / "greeter.py").write_text(_BACKEND)
    (tmp_path / "plugins.toml").write_text('[extra-backends]\ngreet = "greeter.py:Greeter"\n')
    schema = _write_schema(tmp_path)
    (tmp_path / "old.json").write_text(SHAPES)
    cache = f"--cache-dir={tmp_path / 'cache'}"
    fresh = _runs(tmp_path, schema, "--no-cache")
    _runs(tmp_path, schema, cache)
    (tmp_path / "shapes.json").write_text(SHAPES.replace("'square'", "'square', 'oval'"))
    _runs(tmp_path, schema, cache)  # writes each unchanged file's parse
    assert _plant(tmp_path / "cache", marker) > 10
    (tmp_path / "shapes.json").write_text(SHAPES)
    assert _runs(tmp_path, schema, cache) == fresh
    assert not marker.exists()


def test_the_secret_is_made_once_outside_the_cache_for_its_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    local_secret.cache_clear()
    first = local_secret()
    path = tmp_path / "qapi-build" / "cache-secret"
    assert first is not None and len(first) == 32 and path.read_bytes() == first
    assert path.stat().st_mode & 0o777 == 0o600
    local_secret.cache_clear()
    assert local_secret() == first
    path.write_bytes(b"short")  # damaged: replaced
    local_secret.cache_clear()
    again = local_secret()
    assert again is not None and len(again) == 32 and again != first
    local_secret.cache_clear()


def test_a_run_without_a_cache_makes_no_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing the backends reads the installed ones, whose cache entry the secret checks."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    result = run_cli("--list-backends", "--no-cache", cwd=tmp_path)
    assert result.returncode == 0 and "c (built in)" in result.stdout, result.stderr
    assert not (tmp_path / "state").exists()


def test_an_entry_unpickles_only_attrs_classes_and_enums_of_the_data_modules(
    tmp_path: Path,
) -> None:
    store = CacheStore(tmp_path)
    location = Location("a.json", 3)
    store.put_object("aa" * 32, (location, Severity.BREAKING, {"k": frozenset({1})}))
    assert store.get_object("aa" * 32) == (location, Severity.BREAKING, {"k": frozenset({1})})
    store.put_object("bb" * 32, CacheStore(tmp_path))  # ours, but not data
    store.put_object("cc" * 32, Path("x"))  # data, but not ours
    assert store.get_object("bb" * 32) is None and store.get_object("cc" * 32) is None


def test_an_entry_checked_with_a_secret_is_refused_with_another(tmp_path: Path) -> None:
    store = CacheStore(tmp_path)
    store.put_object("dd" * 32, "signed", b"1" * 32)
    assert store.get_object("dd" * 32, b"1" * 32) == "signed"
    assert store.get_object("dd" * 32, b"2" * 32) is None
    assert store.get_object("dd" * 32) is None


def test_an_entry_that_is_a_fifo_reads_as_missing_without_blocking(tmp_path: Path) -> None:
    store = CacheStore(tmp_path)
    store.put_object("ee" * 32, "kept")
    (entry,) = _entries(tmp_path)
    entry.unlink()
    os.mkfifo(entry)
    assert store.get_object("ee" * 32) is None
