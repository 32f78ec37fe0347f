"""QMP examples coloured: each message sent (``->``) or received (``<-``), its JSON by Pygments."""

from __future__ import annotations

import re

from docutils import nodes
from pygments.lexers.data import JsonLexer
from pygments.token import Keyword, Name, Number, String, _TokenType

_ARROW = re.compile(r"^[ \t]*(->|<-)", re.MULTILINE)
_DIRECTION = {"->": "qmp-in", "<-": "qmp-out"}
#: The classes JSON tokens get, by Pygments token type (the first that applies).
_TOKEN_CLASSES: tuple[tuple[_TokenType, str], ...] = (
    (Name.Tag, "json-key"), (String, "json-string"), (Number, "json-number"),
    (Keyword.Constant, "json-constant"),
)
_LEXER = JsonLexer()


def _json(text: str) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    plain = ""
    for _, token, value in _LEXER.get_tokens_unprocessed(text):
        kind = next((c for t, c in _TOKEN_CLASSES if token in t), None)
        if kind is None:
            plain += value
            continue
        if plain:
            out.append(nodes.Text(plain))
            plain = ""
        out.append(nodes.inline(value, value, classes=[kind]))
    if plain:
        out.append(nodes.Text(plain))
    return out


def qmp_nodes(text: str) -> list[nodes.Node]:
    """The nodes of a QMP example: a span per message, classed by direction, holding
    its arrow and its JSON with a span per key, string, number and constant."""
    arrows = list(_ARROW.finditer(text))
    out = _json(text[:arrows[0].start()] if arrows else text)
    for arrow, following in zip(arrows, [*arrows[1:], None], strict=True):
        end = following.start() if following else len(text)
        body = text[arrow.end():end]
        trailing = body[len(body.rstrip("\n")):]
        message = nodes.inline("", "", classes=[_DIRECTION[arrow.group(1)]])
        message += nodes.Text(text[arrow.start():arrow.end()])
        message.extend(_json(body[:len(body) - len(trailing)]))
        out.append(message)
        if trailing:
            out.append(nodes.Text(trailing))
    return out
