"""Go comment lines from doc-comment blocks, exactly as gofmt would print them."""

from __future__ import annotations

from collections.abc import Iterable

from qapi_build_go.doctext import Block

#: The paragraph put before a list or code block that follows one: Go would read both
#: indented blocks as one (two code blocks in a row are one, with a blank line, either way).
SEPARATORS = {"code": "Code:", "list": "List:"}

#: Characters that keep a line from being an old-style heading (go/doc/comment).
_NOT_IN_HEADING = frozenset(";:!?+*/=[]{}_^°&§~%#@<\">\\")


def comment_lines(blocks: Iterable[Block]) -> list[str]:
    """``//`` lines for ``blocks``: blank lines between them, code indented by a tab."""
    text: list[str] = []
    previous = ""
    for block in blocks:
        lines = _block_lines(block)
        if not lines:
            continue
        indented = {previous, block.kind} <= SEPARATORS.keys()
        if indented and (previous, block.kind) != ("code", "code"):
            text += ["", SEPARATORS[block.kind]]  # else Go reads both as one block
        if text:
            text.append("")
        text += lines
        previous = block.kind
    text = [
        "# " + line if _is_old_heading(text, at) else line for at, line in enumerate(text)
    ]
    return ["//" + (" " if line and not line.startswith("\t") else "") + line for line in text]


def _block_lines(block: Block) -> list[str]:
    if block.kind == "paragraph":
        return [line for line in (raw.strip() for raw in block.lines) if line]
    if block.kind == "code":
        return _code(block.lines)
    lines: list[str] = []
    for number, item in block.items:
        marker = f" {number}. " if number else "  - "
        first, *rest = [line for line in item if line] or [""]
        lines.append((marker + first).rstrip())
        lines += ["    " + line for line in rest]
    return lines


def _code(lines: Iterable[str]) -> list[str]:
    """Code lines without their common indentation, each after a tab."""
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    indent = min((len(line) - len(line.lstrip()) for line in lines if line), default=0)
    return ["\t" + line[indent:] if line else "" for line in lines]


def _is_old_heading(lines: list[str], at: int) -> bool:
    """Whether Go reads ``lines[at]`` as an old-style heading (and gofmt would rewrite it)."""
    if at <= 0 or lines[at - 1] or at + 2 >= len(lines) or lines[at + 1]:
        return False
    line, following = lines[at].strip(), lines[at + 2]
    if not line or following[:1] in (" ", "\t") or lines[at][:1] in (" ", "\t"):
        return False
    if not (line[0].isalpha() and line[0].isupper()) or not line[-1].isalnum():
        return False
    if _NOT_IN_HEADING & set(line):
        return False
    if any(not (after == "s" or after.startswith("s ")) for after in _after_each(line, "'")):
        return False
    return not any(after == "" or after.startswith(" ") for after in _after_each(line, "."))


def _after_each(line: str, char: str) -> list[str]:
    """What follows each occurrence of ``char`` in ``line``."""
    return [line[at + 1 :] for at, found in enumerate(line) if found == char]
