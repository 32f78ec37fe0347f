"""Ids in doc text's HTML: never one the page's frame or definitions use, never one twice.

docutils gives ids to sections, targets (``.. _name:``), footnotes and the
like, from the words of the doc text; a page holds many documents and its
own ids (``command-NAME``, ``search-box``).  :func:`claim_ids` renames
each id of doc text that is taken (``name-2``, ...) and the references to it.
"""

from __future__ import annotations

import re

from docutils import nodes

#: Ids that search.js makes while the page is open.
_SCRIPT_IDS = re.compile(r"search-result-\d+")


def _free(wanted: str, taken: set[str]) -> str:
    candidate, count = wanted, 1
    while candidate in taken or _SCRIPT_IDS.fullmatch(candidate):
        count += 1
        candidate = f"{wanted}-{count}"
    return candidate


def claim_ids(tops: list[nodes.Node], taken: set[str]) -> None:
    """Rename the ids under ``tops`` (one document's nodes) that ``taken`` holds, then
    add them all to ``taken``; references within the document follow the renaming."""
    renamed: dict[str, str] = {}
    elements = [e for top in tops for e in top.findall(nodes.Element)]
    for element in elements:
        ids = element["ids"]
        for i, wanted in enumerate(ids):
            given = _free(wanted, taken)
            taken.add(given)
            if given != wanted:
                renamed[wanted] = ids[i] = given
    if not renamed:
        return
    for element in elements:
        if element.get("refid") in renamed:
            element["refid"] = renamed[element["refid"]]
        if element.get("backrefs"):
            element["backrefs"] = [renamed.get(b, b) for b in element["backrefs"]]
