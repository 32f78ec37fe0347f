"""Rules the context of a change calls for: a new variant, added deprecated, a reply's build."""

from __future__ import annotations

import json
from pathlib import Path

from qapi_backends.introspect import introspection
from qapi_ir.diff.compare import compare
from qapi_ir.diff.inputs import read_input
from qapi_ir.diff.policy import judge
from qapi_ir.diff.settings import Settings
from qapi_ir.frontend import load_schema
from tests.diff.helpers import diff_texts, summarise, write

STRUCT = """
{ 'enum': 'State', 'data': ['up'] }
{ 'struct': 'Info', 'data': { 'enabled': 'bool', 'state': 'State', 'handle': 'uint32' } }
{ 'command': 'query-info', 'returns': 'Info' }
"""

UNION = """
{ 'enum': 'State', 'data': ['up'] }
{ 'enum': 'Kind', 'data': ['plain', 'snp'] }
{ 'struct': 'PlainInfo', 'data': { 'handle': 'uint32' } }
{ 'struct': 'SnpInfo', 'data': { 'snp-policy': 'uint64' } }
{ 'union': 'Info', 'base': { 'enabled': 'bool', 'state': 'State', 'kind': 'Kind' },
  'discriminator': 'kind', 'data': { 'plain': 'PlainInfo', 'snp': 'SnpInfo' } }
{ 'command': 'query-info', 'returns': 'Info' }
"""


def test_a_member_missing_only_from_a_variant_new_to_clients_is_a_notice(tmp_path: Path) -> None:
    changes = diff_texts(tmp_path, STRUCT, UNION)
    assert summarise(changes) == [
        ("type Info", "kind", "member-added-mandatory", "compatible"),
        ("type Info", "{snp}.handle", "through-new-variant", "notice"),
        ("type Info", "{snp}.snp-policy", "member-added-mandatory", "compatible")]
    assert changes[1].replaced == "member-removed-mandatory"


def test_a_variant_of_a_tag_value_old_clients_knew_keeps_its_class(tmp_path: Path) -> None:
    old = STRUCT.replace("'state': 'State'", "'kind': 'Kind'").replace(
        "{ 'enum': 'State', 'data': ['up'] }", "{ 'enum': 'Kind', 'data': ['plain', 'snp'] }")
    new = UNION.replace("'state': 'State', ", "").replace(
        "{ 'enum': 'State', 'data': ['up'] }\n", "")
    assert ("type Info", "{snp}.handle", "member-removed-mandatory", "breaking") in summarise(
        diff_texts(tmp_path, old, new))


def test_an_argument_turned_from_str_into_an_enum_is_a_notice_listing_the_values(
    tmp_path: Path,
) -> None:
    old = "{ 'command': 'set-password', 'data': { 'protocol': 'str' } }"
    new = ("{ 'enum': 'Protocol', 'data': ['vnc', 'spice'] }\n"
           "{ 'command': 'set-password', 'data': { 'protocol': 'Protocol' } }")
    [change] = diff_texts(tmp_path, old, new)
    assert (change.rule.id, str(change.severity)) == ("str-narrowed-to-enum", "notice")
    assert change.detail == "type str -> Protocol (accepts vnc, spice)"


def test_things_added_already_deprecated_are_reported_as_such(tmp_path: Path) -> None:
    old = "{ 'command': 'query-threads', 'data': { 'id': 'int' } }"
    new = ("{ 'command': 'query-threads', 'data': { 'id': 'int',"
           " '*all': { 'type': 'bool', 'features': ['deprecated'] } } }\n"
           "{ 'command': 'query-migrationthreads', 'features': ['deprecated'] }\n"
           "{ 'command': 'query-other' }")
    assert summarise(diff_texts(tmp_path, old, new)) == [
        ("command query-migrationthreads", "", "added-deprecated", "notice"),
        ("command query-other", "", "command-added", "compatible"),
        ("command query-threads", "arguments.all", "added-deprecated", "notice")]


def test_a_reply_lacking_what_the_schema_has_under_a_condition_is_absent_from_its_build(
    tmp_path: Path,
) -> None:
    schema = ("{ 'enum': 'Backend',"
              " 'data': ['file', { 'name': 'console', 'if': 'CONFIG_WIN32' }] }\n"
              "{ 'command': 'chardev-add', 'data': { 'backend': 'Backend' } }\n"
              "{ 'command': 'query-win', 'if': 'CONFIG_WIN32' }\n"
              "{ 'command': 'query-gone' }\n")
    built = schema.replace("{ 'command': 'query-win', 'if': 'CONFIG_WIN32' }\n", "").replace(
        ", { 'name': 'console', 'if': 'CONFIG_WIN32' }", "").replace(
        "{ 'command': 'query-gone' }\n", "")
    reply = write(tmp_path, "reply.json", json.dumps(
        {"return": introspection(load_schema(str(write(tmp_path, "built.json", built))))}))
    old = read_input(str(write(tmp_path, "schema.json", schema)), docs=False)
    result = compare(old, read_input(str(reply), docs=False))
    changes = [judge(c, Settings()) for c in result.changes]
    assert summarise(changes) == [
        ("command query-gone", "", "command-removed", "breaking"),
        ("command query-win", "", "absent-from-build", "notice"),
        ("type Backend", "", "absent-from-build", "notice")]
    assert changes[1].detail == (
        "command removed (absent from this build; the other side has it under CONFIG_WIN32)")
