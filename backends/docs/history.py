"""What a release history (``-O docs.history=LABEL=PATH``) adds to the manual.

A page per release after the oldest given, with what changed for clients
since the release before it, each change linked to the definition it is
reported under when the manual has it; ``releases.html`` lists those pages.
On each definition, a note "since 10.0" where its doc comment gives no
``Since:`` and the history tells (an older release given lacks it), and
"deprecated in 10.1" where it is deprecated: the first release given that
marks it so ("or earlier" when the oldest does; "after" the newest when
only the schema being documented does).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping

import attrs

from qapi_ir.ir import Schema
from qapi_ir.plugin_api import OptionValue, Output, Release, ReleaseChange, ReleaseHistory
from qapi_ir.templating import squeeze_blank_lines

from .links import Linker
from .pages import ModulePage
from .views import DefinitionView

RELEASES_FILE = "releases.html"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: The order of a release page's parts: what clients may start using first, what goes last.
_EVENT_ORDER = ("appeared", "stable", "no longer deprecated", "made optional",
                "made mandatory", "type changed", "condition changed", "unstable",
                "deprecated", "removed")


def given_history(value: OptionValue | None) -> ReleaseHistory | None:
    """The releases option ``history`` names, ``None`` when it names none."""
    return value if isinstance(value, ReleaseHistory) and value.releases else None


def release_file(label: str) -> str:
    """The file of release ``label``'s page: ``release-10.0.html``."""
    return f"release-{_UNSAFE.sub('-', label)}.html"


@attrs.frozen
class ChangeRow:
    """A change as the release page shows it, with the URL of its definition (if any)."""

    kind: str
    definition: str
    path: str
    detail: str
    url: str | None

    @property
    def place(self) -> str:
        """Where in the definition the change is, as it follows the definition's name:
        ``.member``, ``{branch}``, ``[]...``, `` feature 'f'``; empty for the whole of it."""
        if not self.path or self.path.startswith(("{", "[")):
            return self.path
        return f" {self.path}" if self.path.startswith("feature ") else f".{self.path}"


@attrs.frozen
class ReleasePage:
    """A release's page: its label, the release before it, and its changes by event."""

    label: str
    previous: str
    file: str
    events: tuple[tuple[str, tuple[ChangeRow, ...]], ...]

    @property
    def title(self) -> str:
        """The page's title."""
        return f"Changes in {self.label}"


def _by_event(changes: Iterable[ReleaseChange], linker: Linker
              ) -> tuple[tuple[str, tuple[ChangeRow, ...]], ...]:
    events: dict[str, list[ChangeRow]] = {}
    for change in changes:
        events.setdefault(change.event, []).append(ChangeRow(
            change.kind, change.definition, change.path, change.detail,
            linker.url(change.definition)))
    ordered = sorted(events.items(), key=lambda item: _EVENT_ORDER.index(item[0])
                     if item[0] in _EVENT_ORDER else len(_EVENT_ORDER))
    return tuple((event, tuple(rows)) for event, rows in ordered)


def release_pages(history: ReleaseHistory, linker: Linker) -> list[ReleasePage]:
    """A page for each release after the oldest given."""
    releases = history.releases
    return [ReleasePage(release.label, previous.label, release_file(release.label),
                        _by_event(release.changes, linker))
            for previous, release in itertools.pairwise(releases)]


class HistoryNotes:
    """The since and deprecated-in notes the history gives each definition."""

    def __init__(self, history: ReleaseHistory, schema: Schema) -> None:
        self.releases = history.releases
        self.schema = schema

    def _absent(self, release: Release, name: str) -> bool:
        return name in release.absent_commands or name in release.absent_events \
            or name in release.absent_types

    def since(self, name: str) -> str | None:
        """The first release given that has ``name``, when an older one given lacks it."""
        for older, release in itertools.pairwise(self.releases):
            if self._absent(older, name) and not self._absent(release, name):
                return release.label
        return None

    def deprecated_in(self, name: str) -> tuple[str, str | None] | None:
        """When ``name``, deprecated in the schema documented, became so, in words, and the
        release whose page says so (``None`` when no page does)."""
        definition = self.schema.lookup(name)
        features = getattr(definition, "features", ())
        if not self.releases or not any(f.name == "deprecated" for f in features):
            return None
        marking = [r.label for r in self.releases
                   if name in r.deprecated and not self._absent(r, name)]
        if not marking:
            return f"Deprecated after {self.releases[-1].label}", None
        if marking[0] == self.releases[0].label:
            return f"Deprecated in {marking[0]} or earlier", None
        return f"Deprecated in {marking[0]}", release_file(marking[0])

    def notes(self, view: DefinitionView) -> tuple[tuple[str, str | None], ...]:
        """(text, URL of the release page) of each note for the definition of ``view``."""
        found: list[tuple[str, str | None]] = []
        since = None if view.since else self.since(view.name)
        if since is not None:
            found.append((f"Since {since} (from the release history)", release_file(since)))
        deprecated = self.deprecated_in(view.name)
        if deprecated is not None:
            found.append(deprecated)
        return tuple(found)

    def annotate(self, page: ModulePage) -> ModulePage:
        """``page`` with each definition's notes."""
        items = tuple(attrs.evolve(item, history_notes=self.notes(item))
                      if isinstance(item, DefinitionView) else item for item in page.items)
        return attrs.evolve(page, items=items)


def write_release_pages(output: Output, pages: list[ReleasePage],
                        context: Mapping[str, object]) -> None:
    """Write each release's page and ``releases.html``, the list of them."""
    from . import TEMPLATES

    output.write(RELEASES_FILE, squeeze_blank_lines(output.templates.render(
        TEMPLATES, "release.html.mako", change_page=None, releases=pages, **context)))
    for page in pages:
        output.write(page.file, squeeze_blank_lines(output.templates.render(
            TEMPLATES, "release.html.mako", change_page=page, releases=pages, **context)))
