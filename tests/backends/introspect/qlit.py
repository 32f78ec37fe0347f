"""A reader for QEMU's generated ``qapi-introspect.c``: the ``QLitObject`` as JSON.

Only what that file contains is understood: ``QLIT_QDICT``, ``QLIT_QLIST``,
``QLIT_QSTR``, ``QLIT_QBOOL``, ``QLIT_QNULL``, ``/* comments */`` and
``#if``/``#endif`` lines whose conditions use ``defined()``, ``!``, ``&&``,
``||`` and parentheses.  Lines under a false ``#if`` are dropped first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

_COND_TOKEN = re.compile(r"\s*(defined\(\w+\)|&&|\|\||!|\(|\))")
_QLIT_TOKEN = re.compile(
    r"""\s*(?:
      (?P<list>QLIT_QLIST\(\(\(QLitObject\[\]\)\ \{)
    | (?P<dict>QLIT_QDICT\(\(\(QLitDictEntry\[\]\)\ \{)
    | (?P<close>\}\)\))
    | (?P<end>\{\})
    | (?P<qstr>QLIT_QSTR\((?P<qstr_text>"(?:[^"\\]|\\.)*")\))
    | (?P<cstr>"(?:[^"\\]|\\.)*")
    | QLIT_QBOOL\((?P<bool>true|false)\)
    | (?P<null>QLIT_QNULL)
    | (?P<punct>[{},])
    )""",
    re.VERBOSE,
)


class _Condition:
    """Recursive descent over a preprocessor condition: or > and > not > atom."""

    def __init__(self, text: str, defines: Collection[str]) -> None:
        self._tokens: list[str] = []
        pos = 0
        text = text.rstrip()
        while pos < len(text):
            match = _COND_TOKEN.match(text, pos)
            if match is None:
                raise ValueError(f"can't read #if condition at {text[pos:]!r}")
            self._tokens.append(match.group(1))
            pos = match.end()
        self._defines = defines

    def value(self) -> bool:
        result = self._or()
        if self._tokens:
            raise ValueError(f"trailing tokens in #if: {self._tokens}")
        return result

    def _or(self) -> bool:
        result = self._and()
        while self._tokens[:1] == ["||"]:
            self._tokens.pop(0)
            right = self._and()
            result = result or right
        return result

    def _and(self) -> bool:
        result = self._not()
        while self._tokens[:1] == ["&&"]:
            self._tokens.pop(0)
            right = self._not()
            result = result and right
        return result

    def _not(self) -> bool:
        token = self._tokens.pop(0)
        if token == "!":
            return not self._not()
        if token == "(":
            result = self._or()
            if self._tokens.pop(0) != ")":
                raise ValueError("unbalanced parentheses in #if")
            return result
        return token[len("defined("):-1] in self._defines


def condition_holds(text: str, defines: Collection[str]) -> bool:
    """Whether the ``#if`` condition ``text`` holds when ``defines`` are defined."""
    return _Condition(text, defines).value()


def symbols(c_text: str) -> set[str]:
    """Every symbol some ``#if`` of ``c_text`` tests."""
    return set(re.findall(r"defined\((\w+)\)", c_text))


def _preprocess(c_text: str, defines: Collection[str]) -> str:
    kept: list[str] = []
    stack: list[bool] = []
    for line in c_text.splitlines():
        if line.startswith("#if "):
            stack.append(condition_holds(line[len("#if "):], defines))
        elif line.startswith("#endif"):
            stack.pop()
        elif all(stack):
            kept.append(line)
    if stack:
        raise ValueError("unterminated #if")
    return "\n".join(kept)


def _c_string(literal: str) -> str:
    return re.sub(r"\\(.)", r"\1", literal[1:-1])


def _tokens(body: str) -> Iterator[tuple[str, Any]]:
    pos = 0
    body = body.rstrip()
    while pos < len(body):
        match = _QLIT_TOKEN.match(body, pos)
        if match is None:
            raise ValueError(f"can't read QLit at {body[pos:pos + 60]!r}")
        pos = match.end()
        kind = match.lastgroup
        if kind == "qstr":
            yield "value", _c_string(match.group("qstr_text"))
        elif kind == "cstr":
            yield "key", _c_string(match.group("cstr"))
        elif kind == "bool":
            yield "value", match.group("bool") == "true"
        elif kind == "null":
            yield "value", None
        elif kind == "punct":
            yield match.group("punct"), None
        else:
            yield str(kind), None


class _Reader:
    def __init__(self, body: str) -> None:
        self._tokens = list(_tokens(body))
        self._pos = 0

    def _next(self, expected: str | None = None) -> tuple[str, Any]:
        token = self._tokens[self._pos]
        self._pos += 1
        if expected is not None and token[0] != expected:
            raise ValueError(f"expected {expected}, got {token}")
        return token

    def value(self) -> Any:
        kind, value = self._next()
        if kind == "value":
            return value
        if kind == "list":
            items: list[Any] = []
            while self._tokens[self._pos][0] != "end":
                items.append(self.value())
                self._next(",")
            self._next("end")
            self._next("close")
            return items
        if kind == "dict":
            entries: dict[str, Any] = {}
            while self._tokens[self._pos][0] != "end":
                self._next("{")
                key = self._next("key")[1]
                self._next(",")
                entries[key] = self.value()
                self._next(",")
                self._next("}")
                self._next(",")
            self._next("end")
            self._next("close")
            return entries
        raise ValueError(f"unexpected {kind}")


def read_qlit(c_text: str, defines: Collection[str]) -> Any:
    """The JSON value of the ``QLitObject`` in ``c_text`` when ``defines`` are defined."""
    text = re.sub(r"/\*.*?\*/", "", _preprocess(c_text, defines), flags=re.DOTALL)
    match = re.search(r"const QLitObject \w+ = (.*?\}\)\));", text, re.DOTALL)
    if match is None:
        raise ValueError("no QLitObject definition found")
    return _Reader(match.group(1)).value()
