"""QEMU's reST directives and Sphinx roles as docutils knows them once this module is loaded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive, directives, roles

from .xrefs import labelled


class QmpExample(Directive):
    """``.. qmp-example::`` with ``:title:`` and ``:annotated:``."""

    has_content = True
    option_spec = {"title": directives.unchanged, "annotated": directives.flag}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        """A container with the title and either the literal QMP or the parsed exposition."""
        box = nodes.container(classes=["qmp-example"])
        title = self.options.get("title")
        heading = nodes.paragraph(classes=["qmp-example-title"])
        heading += nodes.strong(text=f"Example: {title}" if title else "Example:")
        box += heading
        offsets = [offset for _, offset in self.content.items]
        box["qmp_lines"] = list(zip(offsets, self.content, strict=True))
        if "annotated" in self.options:
            self.state.nested_parse(self.content, self.content_offset, box)
        else:
            box += nodes.literal_block(text="\n".join(self.content))
        return [box]


def _xref_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any,
    options: dict[str, Any] | None = None, content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    # QEMU's Sphinx roles (:qapi:type: and friends): a cross-reference like `name`.
    return [nodes.title_reference(rawtext, text)], []


def _sphinx_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Any,
    options: dict[str, Any] | None = None, content: Sequence[str] = (),
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    # Sphinx's :doc: and :ref: (`label <target>` or `target`): the words, in italics,
    # with what they point to; the resolver makes them links (see fixups).
    label, target = labelled(text) or (text, text)
    if not label:
        label = target
    words = label.strip("/") if name == "doc" and label is target else label
    return [nodes.emphasis(rawtext, words, sphinx_role=name, sphinx_target=target.strip())], []


directives.register_directive("qmp-example", QmpExample)
for _role in ("qapi:any", "qapi:type", "qapi:cmd", "qapi:event", "qapi:obj", "qapi:enum",
              "qapi:alt"):
    roles.register_local_role(_role, _xref_role)  # type: ignore[arg-type]
for _role in ("doc", "ref"):
    roles.register_local_role(_role, _sphinx_role)  # type: ignore[arg-type]
