"""Which URLs from doc text may become links and images: http, https, mailto and relative.

Doc comments are untrusted input; reStructuredText lets them write links in
several ways (``<url>``, bare URLs, named and anonymous targets, images and
their ``:target:``), and a target defined in one doc comment can be used in
another of the same page.  :func:`drop_unsafe_urls` runs on the parsed
document once every target is resolved, so all of them pass one check.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from docutils import nodes

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# Browsers drop ASCII whitespace and control characters inside a scheme ("java\tscript:").
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_PATH_START = re.compile(r"[/?#]")


def is_safe_url(url: str) -> bool:
    """Whether ``url`` is http, https, mailto or relative (no scheme at all)."""
    cleaned = _IGNORED_BY_BROWSERS.sub("", url)
    scheme = _SCHEME.match(cleaned)
    if scheme is not None:
        return scheme.group(1).lower() in SAFE_SCHEMES
    return ":" not in _PATH_START.split(cleaned, maxsplit=1)[0]


def drop_unsafe_urls(
    document: nodes.document, report: Callable[[nodes.Node, str], None]
) -> None:
    """Turn links to unsafe URLs into their text and such images into their alt text.

    ``report`` is told of each, with the node, before it is replaced.
    """
    for ref in list(document.findall(nodes.reference)):
        uri = ref.get("refuri")
        if uri is not None and not is_safe_url(uri):
            report(ref, uri)
            ref.replace_self(ref.children or [nodes.Text(ref.astext())])
    for target in list(document.findall(nodes.target)):
        if not is_safe_url(target.get("refuri", "")):
            del target["refuri"]
    for image in list(document.findall(nodes.image)):
        uri = image.get("uri", "")
        if not is_safe_url(uri):
            report(image, uri)
            image.replace_self(nodes.inline(text=image.get("alt", "")))
