"""The ``qapi-build`` command line: read a schema (or a snapshot), run backends, write files.

This is the only place that turns errors into messages and exit statuses.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import re
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn

import attrs

from qapi_ir.diff.command_line import add_cache_options
from qapi_ir.diff.read_warnings import ReadWarnings
from qapi_ir.driver.cache_store import CacheStore, default_root, package_files
from qapi_ir.driver.config import Config, ConfigError, load_config
from qapi_ir.driver.depfile import rule, write_depfile
from qapi_ir.driver.hashing import local_secret
from qapi_ir.driver.installed import installed
from qapi_ir.driver.ir_cache import SchemaSource, from_schema_file, from_snapshot, schema_files
from qapi_ir.driver.options import OptionError, check_value, find_option, parse_text, resolve
from qapi_ir.driver.output_cache import generate_cached
from qapi_ir.driver.output_dir import OutputError, write_files
from qapi_ir.driver.plugins import (
    AvailableBackends,
    LoadedBackend,
    PluginError,
    load_by_path,
    load_installed,
)
from qapi_ir.driver.process import PROG, flushing_stdout, interruptible
from qapi_ir.driver.progress import Progress
from qapi_ir.driver.qemu_options import add_depfile_option, add_generator_options
from qapi_ir.driver.releases import with_histories
from qapi_ir.input_file import message_line, shown
from qapi_ir.plugin_api import (
    CONFIG_FILE,
    BackendError,
    OptionValue,
    Output,
    output_path_problem,
)
from qapi_ir.templating import Renderer

DEFAULT_BACKENDS = ("c",)

#: QEMU's generator flags, each of which sets the backend option of its name.
_FLAG_OPTIONS = ("prefix", "builtins", "unmask", "suppress_tracing")
_PREFIX_PATTERN = re.compile(r"([A-Za-z_.-][A-Za-z0-9_.-]*)?")


class UsageError(Exception):
    """A command line or configuration that does not make sense."""


class _ArgumentParser(argparse.ArgumentParser):
    """argparse that suggests the closest option for a mistyped one."""

    def error(self, message: str) -> NoReturn:
        import difflib  # only a command line refused needs it

        prefix = "unrecognized arguments: "
        if message.startswith(prefix):
            known = [o for action in self._actions for o in action.option_strings]
            for word in message[len(prefix):].split():
                close = difflib.get_close_matches(word.partition("=")[0], known, n=1)
                if word.startswith("-") and close:
                    message = f"unrecognized option '{word}'; did you mean '{close[0]}'?"
                    break
        super().error(message)


@attrs.frozen
class BuildContext:
    """What one run shares: made once from the command line, then passed down."""

    #: The build cache (``None`` with ``--no-cache``).
    store: CacheStore | None
    #: Renders the backends' templates, compiled once into the build cache.
    renderer: Renderer
    #: qapi-build's own backends and those installed through entry points.
    available: AvailableBackends
    config: Config
    #: Whether warnings are said per file (``-v``) rather than once per input.
    verbose: bool = False


def _build_context(args: argparse.Namespace) -> BuildContext:
    root = None if args.no_cache else Path(args.cache_dir) if args.cache_dir else default_root()
    config = _load_config(args)
    store = CacheStore(root) if root else None
    # the secret that makes compiled templates and the installed backends' list trusted
    # lives outside the cache, in the user's state directory: a run that may write
    # nowhere but where it is told keeps none
    secret = local_secret() if root and args.code_cache else None
    available = AvailableBackends(lambda: installed(store, secret))
    return BuildContext(store, Renderer(root, secret), available, config, args.verbose)


def _argument_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog=PROG,
        description="Generate code and documents from a QAPI schema. "
        f"'{PROG} diff OLD NEW' compares two versions of a schema; "
        f"'{PROG} history LABEL=PATH ...' tells the life of its API across releases.",
    )
    parser.add_argument("schema", nargs="?", help="the main schema file")
    add_generator_options(parser)
    parser.add_argument("--backend", action="append", metavar="NAME",
                        help="run this backend (repeatable; default: plugins.toml or c)")
    parser.add_argument("-O", dest="options", action="append", default=[],
                        metavar="BACKEND.KEY=VALUE", help="set a backend option (repeatable)")
    parser.add_argument("--from-ir", metavar="SNAPSHOT", help="read an IR snapshot instead")
    parser.add_argument("--legacy-docs", action="store_true",
                        help="accept the doc comment rules of older QEMU releases")
    parser.add_argument("--config", metavar="FILE",
                        help=f"configuration file (default: ./{CONFIG_FILE} when present)")
    parser.add_argument("--list-backends", action="store_true", help="list backends and exit")
    add_cache_options(parser, "build cache (default: $QAPI_BUILD_CACHE or ~/.cache/qapi-build)",
                      "a warning line per file that needed older doc comment rules")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no summary line at the end of a run")
    add_depfile_option(parser)
    parser.set_defaults(prog=PROG, read_config=True, code_cache=True)
    return parser


def _load_config(args: argparse.Namespace) -> Config:
    if not args.read_config:
        return Config()
    if args.config:
        return load_config(Path(args.config))
    default = Path(CONFIG_FILE)
    return load_config(default) if default.is_file() else Config()


def _load_backends(names: Sequence[str], context: BuildContext) -> dict[str, LoadedBackend]:
    loaded = {}
    for name in names:
        if name in loaded:
            continue
        path = context.config.extra_backends.get(name)
        loaded[name] = (load_by_path(name, path) if path
                        else load_installed(name, context.available))
    return loaded


def prefix_problem(text: str) -> str | None:
    """Why ``text`` cannot be a prefix of generated names, in QEMU's words; ``None`` if it can."""
    match = _PREFIX_PATTERN.match(text)
    end = match.end() if match else 0
    return (None if end == len(text)
            else f"funny character '{shown(text[end])}' in argument of --prefix")


def _is_known(name: str, context: BuildContext, backends: Mapping[str, LoadedBackend]) -> bool:
    """Whether ``name`` is a selected, installed or configured backend."""
    return (name in backends or name in context.config.extra_backends
            or context.available.find(name) is not None)


def _given_options(
    args: argparse.Namespace, context: BuildContext, backends: dict[str, LoadedBackend]
) -> dict[str, dict[str, OptionValue]]:
    """Option values per backend: plugins.toml, then QEMU's flags, then ``-O``."""
    given: dict[str, dict[str, OptionValue]] = {name: {} for name in backends}
    for name, table in context.config.options.items():
        if not _is_known(name, context, backends):
            raise OptionError(f"plugins.toml sets options of unknown backend '{name}'")
        if name not in backends:
            continue
        declared = backends[name].backend.options
        for key, value in table.items():
            given[name][key] = check_value(name, find_option(name, declared, key), value)
    for option_name in _FLAG_OPTIONS:
        value = getattr(args, option_name)
        if value is None or value is False:
            continue
        for name, loaded in backends.items():
            if any(o.name == option_name for o in loaded.backend.options):
                given[name][option_name] = value
    overridden: set[tuple[str, str]] = set()
    for text in args.options:
        target, equals, raw = text.partition("=")
        backend_name, dot, key = target.partition(".")
        if not equals or not dot:
            raise OptionError(f"-O {text}: expected BACKEND.KEY=VALUE")
        if backend_name not in backends:
            raise OptionError(
                f"-O {text}: backend '{backend_name}' is not selected;"
                f" selected: {', '.join(backends)}"
            )
        option = find_option(backend_name, backends[backend_name].backend.options, key)
        value = parse_text(backend_name, option, raw)
        slot = given[backend_name]
        if option.kind in ("list", "releases") and (backend_name, key) in overridden:
            value = tuple(slot[key]) + tuple(value)  # type: ignore[arg-type]
        overridden.add((backend_name, key))
        slot[key] = value
    return given


def _read_schema(
    args: argparse.Namespace, config: Config, store: CacheStore | None
) -> tuple[str, SchemaSource]:
    """The file named (schema or snapshot), and the schema read from it."""
    if args.from_ir:
        if args.schema:
            raise UsageError("give either a schema or --from-ir, not both")
        return args.from_ir, from_snapshot(args.from_ir)
    source = args.schema or config.schema
    if not source:
        raise UsageError(
            f"no schema given: name one, or set 'schema' in {CONFIG_FILE}"
            f" (see '{PROG} --help')"
        )
    return source, from_schema_file(source, store,
                                    legacy_docs=args.legacy_docs or config.legacy_docs)


def _generate(
    source: SchemaSource,
    backends: dict[str, LoadedBackend],
    options: dict[str, dict[str, OptionValue]],
    progress: Progress,
    context: BuildContext,
    interrupted: threading.Event,
) -> Output:
    """Run every backend into one in-memory output; nothing is written here.

    A backend named in ``subdirs`` has its files placed in that sub-directory.
    ``interrupted`` tells a real Ctrl-C from a backend raising KeyboardInterrupt.
    """
    combined = Output()
    for number, (name, loaded) in enumerate(backends.items(), start=1):
        progress.step(f"[{number}/{len(backends)}] {name}")
        label = f"backend '{name}' ({loaded.origin})"
        values = with_histories(name, loaded.backend.options, options[name], source,
                                combined.warnings.append, context.verbose)
        try:
            with contextlib.redirect_stdout(sys.stderr):  # a plugin's print is not our output
                output = generate_cached(context.store, context.renderer, source, name,
                                         loaded.backend, values)
        except BackendError as exc:
            raise BackendError(f"backend '{name}': {exc}") from exc
        except SystemExit as exc:
            raise BackendError(f"{label} called sys.exit({exc.code!r})") from exc
        except KeyboardInterrupt:
            if interrupted.is_set():
                raise
            raise BackendError(f"{label} raised KeyboardInterrupt") from None
        except Exception as exc:
            if os.environ.get("QAPI_BUILD_DEBUG"):
                raise
            raise BackendError(f"{label} failed: {type(exc).__name__}: {exc}"
                               " (QAPI_BUILD_DEBUG=1 shows the traceback)") from exc
        subdir = context.config.subdirs.get(name)
        for relative, text in output.files.items():
            problem = output_path_problem(relative, text)
            if problem:
                raise BackendError(f"backend '{name}' ({loaded.origin}): {problem}")
            path = f"{subdir}/{relative}" if subdir else relative
            if path in combined.files:
                raise BackendError(f"backend '{name}' writes {path}, which another backend wrote")
            combined.files[path] = text
        combined.warnings.extend(output.warnings)
    return combined


def _list_backends(context: BuildContext) -> int:
    names = context.available.names() + sorted(context.config.extra_backends)
    for name in names:
        try:
            loaded = _load_backends([name], context)[name]
        except PluginError as exc:
            print(f"{name}: BROKEN: {exc}")
            continue
        backend = loaded.backend
        print(f"{name} ({loaded.origin}): {backend.description}")
        for option in backend.options:
            print(f"    {name}.{option.name} ({option.kind}, default {option.default!r}):"
                  f" {option.help}")
    return 0


def _summary(backends: Sequence[str], written: int, changed: int, seconds: float) -> str:
    """The line that ends a successful build."""
    return (f"{PROG}: {', '.join(backends)}: {written} files, {changed} changed,"
            f" in {seconds:.2f} s")


def _dependencies(args: argparse.Namespace, path: str, source: SchemaSource, directory: Path,
                  output: Output, backends: Mapping[str, LoadedBackend]) -> str:
    """The depfile's text: the files written depend on the files read (``path`` and what
    it includes) and on the code that generated them."""
    read = (path,) if args.from_ir else schema_files(path, source)
    code = ["qapi_ir", *(type(loaded.backend).__module__ for loaded in backends.values())]
    return rule((str(directory / name) for name in output.files),
                (*read, *(file for module in code for file in package_files(module))))


def _run(args: argparse.Namespace, interrupted: threading.Event) -> int:
    start = time.monotonic()
    context = _build_context(args)
    config = context.config
    if args.list_backends:
        return _list_backends(context)
    names = args.backend or list(config.backends) or list(DEFAULT_BACKENDS)
    backends = _load_backends(names, context)
    given = _given_options(args, context, backends)
    for name in config.subdirs:
        if not _is_known(name, context, backends):
            raise ConfigError(f"plugins.toml gives a sub-directory to unknown backend '{name}'")
    options = {
        name: resolve(name, loaded.backend.options, given[name])
        for name, loaded in backends.items()
    }
    for values in options.values():
        problem = prefix_problem(str(values.get("prefix", "")))
        if problem:
            raise OptionError(f"{args.prog}: {problem}")
    progress = Progress(sys.stderr)
    progress.step("reading schema")
    path, source = _read_schema(args, config, context.store)
    output = _generate(source, backends, options, progress, context, interrupted)
    directory = Path(args.output_dir or config.output or ".")
    dependencies = args.depfile and _dependencies(args, path, source, directory, output, backends)
    progress.step(f"writing {len(output.files)} files")
    changed = write_files(directory, output.files)
    if dependencies:
        write_depfile(args.depfile, dependencies)
    if context.store:
        context.store.prune()
    progress.done()
    read = ReadWarnings()
    read.lines.extend(source.warnings)
    for warning in (*read.said(path, args.verbose), *output.warnings):
        print(warning, file=sys.stderr)
    if not args.quiet:
        print(_summary(list(backends), len(output.files), len(changed),
                       time.monotonic() - start), file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``qapi-build``'s build command line with ``argv`` (default: the process
    arguments); the exit status (a closed pipe ends it quietly: see
    :func:`~qapi_ir.driver.process.flushing_stdout`).  The subcommands are
    :func:`qapi_ir.driver.entry.main`'s."""
    arguments = sys.argv[1:] if argv is None else argv
    return flushing_stdout(lambda: run_parsed(_argument_parser().parse_args(arguments),
                                              in_process=argv is None))


def default_arguments() -> argparse.Namespace:
    """``qapi-build``'s command line without arguments: every setting at its default."""
    return _argument_parser().parse_args([])


def run_parsed(args: argparse.Namespace, *, in_process: bool) -> int:
    """Build as the parsed command line ``args`` says (``qapi-build``'s, or ``qapi-gen``'s
    with the same names); ``in_process``: this process runs only this build."""
    if in_process:  # what the imports made lives until exit,
        gc.freeze()  # so keep the cyclic collector off it (-13 ms in a C build)
    return interruptible(lambda interrupted: _report_errors(args, interrupted), args.prog)


def _report_errors(args: argparse.Namespace, interrupted: threading.Event) -> int:
    """Run, turning every error into one line on stderr and status 1."""
    try:
        return _run(args, interrupted)
    except UsageError as exc:
        print(message_line(f"{args.prog}: error: {exc}"), file=sys.stderr)
        return 2
    except (PluginError, OptionError, ConfigError, OutputError, BackendError) as exc:
        print(message_line(str(exc)), file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise
    except Exception as exc:
        if _raised_by(exc, "qapi_ir.frontend.errors", "QAPIError"):
            print(exc, file=sys.stderr)  # two lines (QEMU's form), its input shown escaped
            return 1
        if (_raised_by(exc, "qapi_ir.snapshot", "SnapshotError")
                or _raised_by(exc, "qapi_ir.invariants", "InvariantError")):
            print(message_line(str(exc)), file=sys.stderr)
            return 1
        # a bug: still one line, the traceback only on request
        if os.environ.get("QAPI_BUILD_DEBUG"):
            raise
        print(f"{args.prog}: internal error: {type(exc).__name__}: {message_line(str(exc))}"
              " (QAPI_BUILD_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 1


def _raised_by(exc: Exception, module: str, name: str) -> bool:
    """Whether ``exc`` is a ``module.name`` error; never imports ``module`` (a run that
    did not import it cannot have raised its errors, and a build from the cache
    imports neither the front end, the snapshot reader nor the invariants: ~15 ms)."""
    loaded = sys.modules.get(module)
    return loaded is not None and isinstance(exc, getattr(loaded, name))
