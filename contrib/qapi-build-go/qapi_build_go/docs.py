"""Go doc comments for definitions and members, from the schema's doc comments."""

from __future__ import annotations

from collections.abc import Sequence

from qapi_ir.ir import Condition, Doc, DocSection, Feature, condition_text

from qapi_build_go.comments import comment_lines
from qapi_build_go.doctext import Block, blocks, inline, member_text, one_line

#: Section kinds shown under their own name as title, in the order the schema gives them.
_TITLED = frozenset({"Returns", "Errors", "Since"})


def _titled(title: str, text: str) -> list[Block]:
    """``Title: text`` as the first paragraph, further blocks of ``text`` after it."""
    found = blocks(member_text(text))
    if found and found[0].kind == "paragraph":
        first = found[0]
        return [Block("paragraph", (f"{title}: {first.lines[0]}", *first.lines[1:])), *found[1:]]
    return [Block("paragraph", (f"{title}:",)), *found]


def _feature_text(doc: Doc | None, name: str) -> str:
    sections = doc.features if doc is not None else ()
    return next((s.text for s in sections if s.name == name and s.text.strip()), "")


def _closing(
    doc: Doc | None, features: Sequence[Feature], condition: Condition | None, note: str
) -> list[Block]:
    """Features, condition, release notes and deprecation every definition or member may carry.

    ``note`` says what older releases lack (``absent in 7.2``).
    """
    out: list[Block] = []
    ordinary = [f.name for f in features if f.name not in ("deprecated", "unstable")]
    if ordinary:
        out.append(Block("paragraph", (inline("Features: " + ", ".join(ordinary) + "."),)))
    if any(f.name == "unstable" for f in features):
        text = _feature_text(doc, "unstable") or "This interface is unstable."
        out += _titled("Unstable", text)
    if condition is not None:
        out.append(Block("paragraph", (f"Only if: {condition_text(condition)}.",)))
    if note:
        out.append(Block("paragraph", (f"Compatibility: {one_line(note)}.",)))
    if any(f.name == "deprecated" for f in features):
        text = _feature_text(doc, "deprecated") or "Do not use it in new code."
        out += _titled("Deprecated", text)
    return out


def definition_comment(
    summary: str,
    doc: Doc | None,
    features: Sequence[Feature] = (),
    condition: Condition | None = None,
    note: str = "",
) -> list[str]:
    """The doc comment of a definition: ``summary``, body, sections, features, since."""
    found: list[Block] = [Block("paragraph", (summary,))]
    if doc is not None:
        found += blocks(doc.body.text)
        for section in doc.sections:
            found += _section(section)
    return comment_lines(found + _closing(doc, features, condition, note))


def _section(section: DocSection) -> list[Block]:
    if section.kind in _TITLED:
        return _titled(section.kind, section.text)
    if section.kind == "Plain":
        return blocks(section.text)
    return []


def member_comment(
    text: str,
    features: Sequence[Feature] = (),
    condition: Condition | None = None,
    feature_docs: Doc | None = None,
    note: str = "",
) -> list[str]:
    """The comment of a member (field, constant, branch): its description and notices."""
    found = blocks(member_text(text)) if text.strip() else []
    return comment_lines(found + _closing(feature_docs, features, condition, note))

