"""Writing a history for people: text, Markdown, and reStructuredText like QEMU's own record.

Text lists each thing with its life on one line (``appeared in 10.0,
deprecated in 10.0``); Markdown gives per release a table of what changed for
clients (with ``--release``, one release: a changelog); reStructuredText
gives the removals and deprecations in the shape of QEMU's
``docs/about/removed-features.rst`` and ``deprecated.rst`` (entries titled
"``migrate`` argument ``blk`` (removed in 10.0)"), so the generated list can
be held against the hand-written one.  Each then lists the policy's verdicts.
The templates ``history.txt.mako``, ``history.md.mako`` and
``history.rst.mako`` lay out what this module computes.  As in the diff's
report, every name shown has its control characters and line breaks escaped.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from qapi_ir.diff.deprecation_policy import PolicyFinding
from qapi_ir.diff.history_document import HistoryReport
from qapi_ir.diff.lifecycle import DEPRECATED, REMOVED, Step, Thing
from qapi_ir.diff.report import TEMPLATES, cell, code_span, plain
from qapi_ir.diff.rules import ADDED_DEPRECATED
from qapi_ir.templating import Renderer

#: How reStructuredText names the place of a member under a command or event.
_ROOT_WORDS = {"arguments": "argument", "returns": "return value member", "data": "member"}
_SECTIONS = {"event": "QEMU Machine Protocol (QMP) events"}
_COMMANDS_SECTION = "QEMU Machine Protocol (QMP) commands"


@attrs.frozen
class _Line:
    """A thing and its life in words."""

    kind: str
    address: str
    life: str


@attrs.frozen
class _Row:
    """One step of one thing, in a release."""

    event: str
    kind: str
    address: str
    detail: str


@attrs.frozen
class _Release:
    """A release and its rows."""

    label: str
    rows: tuple[_Row, ...]


@attrs.frozen
class _Entry:
    """A reStructuredText entry: its title, the line under it, and its text."""

    title: str
    underline: str
    text: str


@attrs.frozen
class _Section:
    """A reStructuredText section and its entries."""

    title: str
    underline: str
    entries: tuple[_Entry, ...]


def _life(thing: Thing) -> str:
    return ", ".join(f"{step.event} in {step.release}" for step in thing.steps)


def _literal(name: str) -> str:
    return f"``{name}``"


def title(thing: Thing) -> str:
    """The thing named as QEMU's record names it: "``migrate`` argument ``blk``"; a member
    of a type only one command or event reaches is named under it."""
    group, path = thing.group, thing.path
    if thing.group_kind == "type" and len(thing.used_by) == 1 and thing.kind == "member":
        _, group, root = thing.used_by[0].split(" ", 2)
        path = f"{root}.{path}"
    elif thing.group_kind == "type":
        root = ""
    else:
        root = path.partition(".")[0]
    words = [_literal(group)]
    rest = path.partition(".")[2]
    if root in _ROOT_WORDS and rest:
        words += [_ROOT_WORDS[root], _literal(rest)]
    elif path:
        kind = "value" if thing.kind == "value" else "branch" if thing.kind == "branch" \
            else "member"
        words += [kind, _literal(path.strip("{}"))]
    if thing.feature is not None:
        words += ["feature", _literal(thing.feature)]
    return " ".join(words)


def _entry(text: str, body: str) -> _Entry:
    return _Entry(text, "'" * len(text), body)


def _removal_text(step: Step, deprecated_before: list[Step], previous: str) -> str:
    if step.unstable:
        return "It was unstable: clients were told it may change without notice."
    if deprecated_before:
        return f"Deprecated in {deprecated_before[-1].release}."
    if step.deprecated:
        return f"Deprecated in {previous} or earlier."
    return f"Not deprecated in {previous}."


def _entries(things: Iterable[Thing], event: str, word: str,
             labels: list[str]) -> list[tuple[str, _Entry]]:
    """(section, entry) of each step ``event`` of ``things``, by release then as ``things``
    are; ``labels`` are the releases."""
    found = []
    for thing in things:
        if thing.kind in ("type", "feature"):
            continue
        for index, step in enumerate(thing.steps):
            if step.event != event:
                continue
            before = [s for s in thing.steps[:index] if s.event == DEPRECATED]
            if event == REMOVED:
                body = _removal_text(step, before, labels[labels.index(step.release) - 1])
            else:
                body = "Added already deprecated." if step.rule == ADDED_DEPRECATED \
                    else "Marked with feature ``deprecated``."
            section = _SECTIONS.get(thing.group_kind, _COMMANDS_SECTION)
            found.append((labels.index(step.release), section,
                          _entry(plain(f"{title(thing)} ({word} {step.release})"),
                                 plain(body))))
    return [(section, entry) for _, section, entry in sorted(found, key=lambda f: f[:2])]


def _rst_sections(document: HistoryReport) -> list[tuple[str, list[_Section]]]:
    labels = [given.label for given in document.releases]
    parts = []
    for heading, event, word in (("Removed features", REMOVED, "removed in"),
                                 ("Deprecated features", DEPRECATED, "since")):
        by_section: dict[str, dict[_Entry, None]] = {}
        for section, entry in _entries(document.things, event, word, labels):
            by_section.setdefault(section, {})[entry] = None  # once, if in several types
        parts.append((heading, [_Section(name, "-" * len(name), tuple(entries))
                                for name, entries in sorted(by_section.items())]))
    return parts


def _releases(document: HistoryReport) -> list[_Release]:
    labels = [document.release] if document.release else [i.label for i in document.releases][1:]
    return [_Release(plain(label), tuple(
        _Row(step.event, thing.kind, plain(thing.address()), plain(step.detail))
        for thing in document.things for step in thing.steps if step.release == label))
        for label in labels]


def _verdict(finding: PolicyFinding) -> str:
    return "violation" if finding.violation else "not checkable"


def _policy_summary(findings: tuple[PolicyFinding, ...]) -> str:
    violations = sum(f.violation for f in findings)
    plural = "" if violations == 1 else "s"
    return f"{violations} violation{plural}, {len(findings) - violations} not checkable"


def _context(document: HistoryReport) -> dict[str, object]:
    return {
        "labels": plain(", ".join(i.label for i in document.releases)),
        "release": document.release and plain(document.release),
        "policy": document.policy,
        "lines": [_Line(t.kind, plain(t.address()), plain(_life(t))) for t in document.things],
        "releases": _releases(document),
        "findings": [attrs.evolve(f, address=plain(f.address), detail=plain(f.detail))
                     for f in document.findings],
        "verdict": _verdict,
        "policy_summary": _policy_summary(document.findings),
    }


def render_text(document: HistoryReport) -> str:
    """The history as text: a line per thing, then the policy's verdicts."""
    return Renderer().render(TEMPLATES, "history.txt.mako", **_context(document))


def render_markdown(document: HistoryReport) -> str:
    """The history as Markdown: a table per release, then the policy's verdicts."""
    return Renderer().render(TEMPLATES, "history.md.mako", cell=cell,
                             code=code_span, **_context(document))


def render_rst(document: HistoryReport) -> str:
    """The removals and deprecations as reStructuredText, in the shape of QEMU's record."""
    return Renderer().render(TEMPLATES, "history.rst.mako", parts=_rst_sections(document),
                             **_context(document))
