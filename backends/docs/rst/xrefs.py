"""Schema cross-references in doc text (`` `name` ``, ``@member``) as links."""

from __future__ import annotations

import re

from docutils import nodes

from .text import Resolver

_MEMBER_REF = re.compile(r"@([A-Za-z0-9_][A-Za-z0-9_.+-]*[A-Za-z0-9_]|[A-Za-z0-9_])")
_LABELLED = re.compile(r"(.*?)\s*<([^<>]+)>", re.DOTALL)


def literal(text: str) -> nodes.literal:
    """``text`` in code font."""
    return nodes.literal(text, text)


def link(uri: str, child: nodes.Node, *, internal: bool = True) -> nodes.reference:
    """A link to ``uri`` around ``child``."""
    ref = nodes.reference("", "", internal=internal, refuri=uri)
    ref += child
    return ref


def resolve_member_refs(node: nodes.Text, resolver: Resolver) -> list[nodes.Node]:
    """``node`` split around its ``@name`` references, each a link when it has an anchor."""
    out: list[nodes.Node] = []
    text = str(node)
    pos = 0
    for match in _MEMBER_REF.finditer(text):
        if match.start() > 0 and text[match.start() - 1].isalnum():
            continue
        out.append(nodes.Text(text[pos:match.start()]))
        name = match.group(1)
        anchor = resolver.members.get(name)
        out.append(link(anchor, literal(name)) if anchor else literal(name))
        pos = match.end()
    out.append(nodes.Text(text[pos:]))
    return out


def labelled(text: str) -> tuple[str, str] | None:
    """The label and target of ``label <target>`` (the label may be empty), if ``text``
    has that shape."""
    match = _LABELLED.fullmatch(text)
    return (match.group(1), match.group(2)) if match else None


def definition_target(ref: nodes.title_reference) -> tuple[str, str]:
    """The label and definition name of `name` or `label <name>`."""
    label = name = ref.astext()
    parts = labelled(name)
    if parts is not None and parts[0]:
        label, name = parts[0], parts[1].strip()
    return label, name
