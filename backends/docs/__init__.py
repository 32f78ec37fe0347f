"""The ``docs`` backend: a static, self-contained HTML QMP reference from the doc comments.

``index.html`` lists the modules (with their headings), every definition by
kind and the built-in types; each module with something to show has a page,
with its own table of contents; ``search-index.js`` (loadable from
``file://``) feeds the search box and is loaded when the box is first used.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from qapi_ir.backend_helpers import is_guest_agent_schema, schema_release
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import PLUGIN_API_VERSION, BackendError, Option, OptionValue, Output
from qapi_ir.templating import squeeze_blank_lines

from .builtins import legend
from .describe import parse_version
from .examples import ExampleChecker
from .history import HistoryNotes, given_history, release_pages, write_release_pages
from .links import DEFAULT_EXTERNAL_BASE, Linker
from .pages import (
    ModulePage,
    arrange,
    build_page,
    docs_by_module,
    index_entries,
    index_groups,
    modules_outline,
    navigation,
)
from .rst import HeadingLevels
from .search import search_index
from .views import ViewBuilder

TEMPLATES = Path(__file__).parent / "templates"
STATIC_FILES = ("style.css", "search.js")
#: The manual's title unless ``docs.title`` says otherwise: a guest agent's schema, any other.
GUEST_AGENT_TITLE, QMP_TITLE = "Guest Agent Protocol Reference", "QMP Reference Manual"


class DocsBackend:
    """Writes the QMP reference manual as static HTML pages."""

    name = "docs"
    description = "QMP reference manual (static HTML) from the doc comments"
    api_version = PLUGIN_API_VERSION
    options = (
        Option("since", "str", "",
               "mark definitions and members added after this release (e.g. 10.1)"),
        Option("strict", "bool", False,
               "fail on any doc problem (bad markup, stale QMP example)"),
        Option("external-base", "str", DEFAULT_EXTERNAL_BASE,
               "where :doc: and :ref: references to QEMU's other documentation point"),
        Option("release", "str", "",
               "the QEMU release the footer names (default: the latest 'Since' in the schema)"),
        Option("license", "str", "GPL-2.0-or-later",
               "the licence of the schema's doc text, named in the footer"),
        Option("title", "str", "",
               "the manual's title (default: 'Guest Agent Protocol Reference' for a guest"
               " agent's schema, else 'QMP Reference Manual')"),
        Option("history", "releases", (),
               "older releases, LABEL=PATH (repeatable): a page per release with what"
               " changed, and since / deprecated-in notes on definitions"),
    )

    def generate(
        self, schema: Schema, output: Output, options: Mapping[str, OptionValue]
    ) -> None:
        """Write ``index.html``, a page per module, the stylesheet and the search files."""
        since_text = str(options["since"])
        since = parse_version(since_text) if since_text else None
        if since_text and since is None:
            raise BackendError(f"option docs.since wants a release such as 10.1, not "
                               f"{since_text!r}")
        base = str(options["external-base"])
        linker = Linker(schema, base if base.endswith("/") else base + "/")
        builder = ViewBuilder(schema, linker, since)
        checker = ExampleChecker(schema)
        levels = HeadingLevels()
        pages: list[ModulePage] = []
        free_docs = docs_by_module(schema)
        problems = 0
        for module in schema.modules:
            if module.is_builtin:
                continue
            page, result = build_page(schema, linker, builder, module.name, levels,
                                      free_docs.get(module.name, []))
            if page.items:
                pages.append(page)
            for problem in result.problems:
                output.warn(problem.location, problem.message)
            for example in result.examples:
                for location, message in checker.check(example):
                    output.warn(location, message)
                    problems += 1
            problems += len(result.problems)
        if options["strict"] and problems:
            raise BackendError(f"{problems} problem(s) in doc comments; see the warnings "
                               "(docs.strict=true makes them errors)")
        history = given_history(options.get("history"))
        if history is not None:
            pages = [HistoryNotes(history, schema).annotate(page) for page in pages]
        pages = arrange(pages)
        entries = index_entries(schema, linker)
        title = str(options.get("title", "")) or (
            GUEST_AGENT_TITLE if is_guest_agent_schema(schema) else QMP_TITLE)
        context = {"manual_title": title, "nav": navigation(pages),
                   "release": str(options["release"]) or schema_release(schema) or "",
                   "license": str(options["license"])}
        if history is not None:
            write_release_pages(output, release_pages(history, linker), context)
        output.write("index.html", squeeze_blank_lines(output.templates.render(
            TEMPLATES, "index.html.mako", groups=index_groups(entries),
            modules=modules_outline(pages),
            builtins=legend(schema), **context)))
        for page in pages:
            output.write(page.file, squeeze_blank_lines(
                output.templates.render(TEMPLATES, "module.html.mako", page=page, **context)))
        index = search_index(entries, pages)
        output.write("search-index.js", f"window.QAPI_SEARCH_INDEX = {index};\n")
        for name in STATIC_FILES:
            output.write(name, (TEMPLATES / name).read_text(encoding="utf-8"))
