"""A JSON Schema of the diff report (``--format json``), derived from its classes.

Run ``python -m qapi_ir.diff.report_jsonschema`` to print it; the repository
keeps the result in ``schema/diff-report.schema.json`` and a test checks it is
up to date.
"""

from __future__ import annotations

import json
from typing import Any

from qapi_ir.diff.document import FORMAT, VERSION, Report
from qapi_ir.ir_jsonschema import SchemaBuilder


def document_schema(root: type, title: str, format_name: str, version: int) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of documents of class ``root``, whose ``format`` and
    ``version`` fields hold ``format_name`` and ``version``."""
    builder = SchemaBuilder(tagged={})
    builder.for_type(root)
    defs = dict(sorted(builder.defs.items()))
    document = defs.pop(root.__name__)
    document["properties"]["format"] = {"const": format_name}
    document["properties"]["version"] = {"const": version}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{title}, format version {version}",
        **document,
        "$defs": defs,
    }


def report_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every diff report satisfies."""
    return document_schema(Report, "qapi-build diff report", FORMAT, VERSION)


def render() -> str:
    """The JSON Schema as the text kept in the repository."""
    return json.dumps(report_json_schema(), indent=2) + "\n"


if __name__ == "__main__":
    print(render(), end="")
