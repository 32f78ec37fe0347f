"""The fast path: texts docutils would render as one plain paragraph skip docutils."""

from __future__ import annotations

import re

_PLAIN_CHARS = re.compile(r"[A-Za-z0-9 ,.;()'\"/+\-\n]*")
_FIRST_TOKEN = re.compile(r"[A-Za-z][^ ]*")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_ENCODE = str.maketrans({"&": "&amp;", "<": "&lt;", '"': "&quot;", ">": "&gt;"})


def plain_paragraph(text: str) -> str | None:
    """The HTML docutils would make of ``text`` when it is one unmarked paragraph, else None."""
    if not text or not _PLAIN_CHARS.fullmatch(text) or "\n\n" in text:
        return None
    lines = text.split("\n")
    token = _FIRST_TOKEN.match(lines[0])
    if token is None or token.group().endswith((".", ")")):
        return None
    if any(line[:1] == " " or line.endswith(" ") or not _ALNUM.search(line) for line in lines):
        return None
    return f"<p>{text.translate(_ENCODE)}</p>\n"
