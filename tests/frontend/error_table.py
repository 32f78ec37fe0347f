"""The front end's error messages: one row per message QEMU 10.2's generator can raise.

Each row names the message (as a template, ``{}`` for what varies), a small
schema written for it (main file ``t.json``) and the exact output expected, as
QEMU 10.2 prints it for that schema.  ``QEMU_ONLY`` lists QEMU's messages that
are not the front end's, with the reason.  Read by ``test_error_table.py``.
"""

# ruff: noqa: E501 (a row's schema and output are kept on one line each, as they are read)
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    """A message, a schema that triggers it, and the output expected."""

    id: str
    message: str
    files: dict[str, str] = field(default_factory=dict)
    expected: str = ''


_COLOUR = "{ 'enum': 'Colour', 'data': ['a'] }\n"
_SHAPE = "{ 'union': 'Shape', 'base': { 'k': 'Colour' }, 'discriminator': 'k', 'data': {} }\n"

ROWS = (
    Row(
        'top-level-not-object',
        'top-level expression must be an object',
        {'t.json': "['x']\n"},
        't.json:1: top-level expression must be an object',
    ),
    Row(
        'include-extra-key',
        "invalid 'include' directive",
        {'t.json': "{ 'include': 'sub.json', 'if': 'X' }\n"},
        "t.json:1: invalid 'include' directive",
    ),
    Row(
        'include-not-string',
        "value of 'include' must be a string",
        {'t.json': "{ 'include': ['sub.json'] }\n"},
        "t.json:1: value of 'include' must be a string",
    ),
    Row(
        'pragma-extra-key',
        "invalid 'pragma' directive",
        {'t.json': "{ 'pragma': {}, 'if': 'X' }\n"},
        "t.json:1: invalid 'pragma' directive",
    ),
    Row(
        'pragma-not-object',
        "value of 'pragma' must be an object",
        {'t.json': "{ 'pragma': 'doc-required' }\n"},
        "t.json:1: value of 'pragma' must be an object",
    ),
    Row(
        'freeform-doc-before-definition',
        'definition documentation required',
        {'t.json': "##\n# Some text.\n##\n" + _COLOUR},
        't.json:1: definition documentation required',
    ),
    Row(
        'doc-not-followed-by-definition',
        "documentation for '{}' is not followed by the definition",
        {'t.json': "##\n# @Colour:\n##\n\n##\n# Text.\n##\n" + _COLOUR},
        "t.json:1: documentation for 'Colour' is not followed by the definition",
    ),
    Row(
        'include-loop',
        'inclusion loop for {}',
        {'t.json': "{ 'include': 'sub.json' }\n", 'sub.json': "{ 'include': 't.json' }\n"},
        'In file included from t.json:1:\nsub.json:1: inclusion loop for t.json',
    ),
    Row(
        'include-unreadable',
        "can't read include file '{}': {}",
        {'t.json': "{ 'include': 'missing.json' }\n"},
        "t.json:1: can't read include file 'missing.json': No such file or directory",
    ),
    Row(
        'pragma-not-list',
        'pragma {} must be a list of strings',
        {'t.json': "{ 'pragma': { 'command-name-exceptions': 'go_on' } }\n"},
        't.json:1: pragma command-name-exceptions must be a list of strings',
    ),
    Row(
        'pragma-doc-required-not-bool',
        "pragma 'doc-required' must be boolean",
        {'t.json': "{ 'pragma': { 'doc-required': 'yes' } }\n"},
        "t.json:1: pragma 'doc-required' must be boolean",
    ),
    Row(
        'pragma-unknown',
        "unknown pragma '{}'",
        {'t.json': "{ 'pragma': { 'colour': true } }\n"},
        "t.json:1: unknown pragma 'colour'",
    ),
    Row(
        'string-unterminated',
        'missing terminating "\'"',
        {'t.json': "{ 'enum': 'E\n"},
        't.json:1:11: missing terminating "\'"',
    ),
    Row(
        'string-funny-character',
        'funny character in string',
        {'t.json': "{ 'enum': 'E\tF' }\n"},
        't.json:1:11: funny character in string',
    ),
    Row(
        'string-unknown-escape',
        'unknown escape \\{}',
        {'t.json': "{ 'enum': 'E\\nF' }\n"},
        't.json:1:11: unknown escape \\n',
    ),
    Row(
        'stray-token',
        "stray '{}'",
        {'t.json': "{ 'enum': 42 }\n"},
        "t.json:1:11: stray '42'",
    ),
    Row(
        'object-key-not-string',
        "expected string or '}'",
        {'t.json': "{ true }\n"},
        "t.json:1:3: expected string or '}'",
    ),
    Row(
        'object-colon-missing',
        "expected ':'",
        {'t.json': "{ 'enum' 'Colour' }\n"},
        "t.json:1:10: expected ':'",
    ),
    Row(
        'object-key-duplicate',
        "duplicate key '{}'",
        {'t.json': "{ 'enum': 'Colour', 'enum': 'F' }\n"},
        "t.json:1:29: duplicate key 'enum'",
    ),
    Row(
        'object-comma-missing',
        "expected ',' or '}'",
        {'t.json': "{ 'enum': 'Colour' 'data' }\n"},
        "t.json:1:20: expected ',' or '}'",
    ),
    Row(
        'object-key-after-comma',
        'expected string',
        {'t.json': "{ 'enum': 'Colour', true }\n"},
        't.json:1:21: expected string',
    ),
    Row(
        'array-value-missing',
        "expected '{', '[', ']', string, or boolean",
        {'t.json': "{ 'enum': 'Colour', 'data': [ : ] }\n"},
        "t.json:1:31: expected '{', '[', ']', string, or boolean",
    ),
    Row(
        'array-comma-missing',
        "expected ',' or ']'",
        {'t.json': "{ 'enum': 'Colour', 'data': [ 'a' 'b' ] }\n"},
        "t.json:1:35: expected ',' or ']'",
    ),
    Row(
        'value-missing',
        "expected '{', '[', string, or boolean",
        {'t.json': "{ 'enum': : }\n"},
        "t.json:1:11: expected '{', '[', string, or boolean",
    ),
    Row(
        'doc-unterminated',
        "documentation comment must end with '##'",
        {'t.json': "##\n# @Colour:\n" + _COLOUR},
        "t.json:3:1: documentation comment must end with '##'",
    ),
    Row(
        'doc-space-missing',
        'missing space after #',
        {'t.json': "##\n#@Colour:\n##\n" + _COLOUR},
        't.json:2:1: missing space after #',
    ),
    Row(
        'doc-junk-at-end',
        "junk after '##' at end of documentation comment",
        {'t.json': "##\n# Text.\n## end\n"},
        "t.json:3:1: junk after '##' at end of documentation comment",
    ),
    Row(
        'doc-one-space-between-sentences',
        'Use two spaces between sentences\nIf this not the end of a sentence, please report a bug.',
        {'t.json': "##\n# @Colour:\n#\n# A list of values. Each is a name.\n##\n" + _COLOUR},
        't.json:4:20: Use two spaces between sentences\nIf this not the end of a sentence, please report a bug.',
    ),
    Row(
        'doc-line-too-long',
        'documentation line longer than 70 characters',
        {'t.json': "##\n# @Colour:\n#\n# word word word word word word word word word word word word word and more\n##\n" + _COLOUR},
        't.json:4:1: documentation line longer than 70 characters',
    ),
    Row(
        'doc-de-indent',
        'unexpected de-indent (expected at least {} spaces)',
        {'t.json': "##\n# @Colour:\n#\n# @a: the\n#     first value\n#   of all\n##\n" + _COLOUR},
        't.json:6:1: unexpected de-indent (expected at least 4 spaces)',
    ),
    Row(
        'doc-junk-at-start',
        "junk after '##' at start of documentation comment",
        {'t.json': "## start\n# Text.\n##\n"},
        "t.json:1:1: junk after '##' at start of documentation comment",
    ),
    Row(
        'doc-symbol-colon-missing',
        "line should end with ':'",
        {'t.json': "##\n# @Colour\n##\n" + _COLOUR},
        "t.json:2:1: line should end with ':'",
    ),
    Row(
        'doc-symbol-missing',
        "name required after '@'",
        {'t.json': "##\n# @:\n##\n" + _COLOUR},
        "t.json:2:1: name required after '@'",
    ),
    Row(
        'doc-description-in-freeform',
        "'@{}:' not allowed in free-form documentation",
        {'t.json': "##\n# Text.\n# @a: value\n##\n"},
        "t.json:3:1: '@a:' not allowed in free-form documentation",
    ),
    Row(
        'doc-features-twice',
        "duplicated 'Features:' line",
        {'t.json': "##\n# @Colour:\n#\n# Features:\n#\n# @f: one\n#\n# Features:\n#\n# @g: two\n##\n{ 'enum': 'Colour', 'data': ['a'], 'features': ['f', 'g'] }\n"},
        "t.json:8:1: duplicated 'Features:' line",
    ),
    Row(
        'doc-features-empty',
        'feature descriptions expected',
        {'t.json': "##\n# @Colour:\n#\n# Features:\n#\n# Some text.\n##\n" + _COLOUR},
        't.json:6:1: feature descriptions expected',
    ),
    Row(
        'doc-description-after-section',
        "description of '@{}:' follows a section",
        {'t.json': "##\n# @Colour:\n#\n# Since: 1.0\n#\n# @a: value\n##\n" + _COLOUR},
        "t.json:6:1: description of '@a:' follows a section",
    ),
    Row(
        'doc-note-section',
        "The '{}' section is no longer supported. Please use rST's '.. note::' or '.. admonition:: notes' directives, or another suitable admonition instead.",
        {'t.json': "##\n# @Colour:\n#\n# @a: value\n#\n# Note: careful\n##\n" + _COLOUR},
        "t.json:6:1: The 'Note' section is no longer supported. Please use rST's '.. note::' or '.. admonition:: notes' directives, or another suitable admonition instead.",
    ),
    Row(
        'doc-example-section',
        "The '{}' section is no longer supported. Please use the '.. qmp-example::' directive, or other suitable markup instead.",
        {'t.json': "##\n# @Colour:\n#\n# @a: value\n#\n# Examples: this\n##\n" + _COLOUR},
        "t.json:6:1: The 'Examples' section is no longer supported. Please use the '.. qmp-example::' directive, or other suitable markup instead.",
    ),
    Row(
        'doc-section-empty',
        "text required after '{}:'",
        {'t.json': "##\n# @Colour:\n#\n# @a: value\n#\n# Since:\n##\n" + _COLOUR},
        "t.json:6: text required after 'Since:'",
    ),
    Row(
        'doc-section-twice',
        "duplicated '{}' section",
        {'t.json': "##\n# @Colour:\n#\n# @a: value\n#\n# Since: 1.0\n#\n# Since: 2.0\n##\n" + _COLOUR},
        "t.json:8: duplicated 'Since' section",
    ),
    Row(
        'doc-description-name-empty',
        'invalid parameter name',
        {'t.json': "##\n# @Colour:\n#\n# @: value\n##\n" + _COLOUR},
        't.json:4: invalid parameter name',
    ),
    Row(
        'doc-description-twice',
        "'{}' parameter name duplicated",
        {'t.json': "##\n# @Colour:\n#\n# @a: value\n#\n# @a: again\n##\n" + _COLOUR},
        "t.json:6: 'a' parameter name duplicated",
    ),
    Row(
        'doc-member-undocumented',
        "{} '{}' lacks documentation",
        {'t.json': "##\n# @Colour:\n#\n# @a: value\n##\n{ 'enum': 'Colour', 'data': ['a', 'b'] }\n"},
        "t.json: In enum 'Colour':\nt.json:6: value 'b' lacks documentation",
    ),
    Row(
        'doc-feature-undocumented',
        "feature '{}' lacks documentation",
        {'t.json': "##\n# @Colour:\n#\n# @a: value\n##\n{ 'enum': 'Colour', 'data': ['a'], 'features': ['f'] }\n"},
        "t.json: In enum 'Colour':\nt.json:6: feature 'f' lacks documentation",
    ),
    Row(
        'doc-returns-without-value',
        "'Returns' section, but command doesn't return anything",
        {'t.json': "##\n# @go:\n#\n# Returns: nothing\n##\n{ 'command': 'go' }\n"},
        "t.json:4: 'Returns' section, but command doesn't return anything",
    ),
    Row(
        'doc-returns-not-command',
        "'Returns' section is only valid for commands",
        {'t.json': "##\n# @Colour:\n#\n# @a: value\n#\n# Returns: E\n##\n" + _COLOUR},
        "t.json:6: 'Returns' section is only valid for commands",
    ),
    Row(
        'doc-errors-not-command',
        "'Errors' section is only valid for commands",
        {'t.json': "##\n# @Colour:\n#\n# @a: value\n#\n# Errors: none\n##\n" + _COLOUR},
        "t.json:6: 'Errors' section is only valid for commands",
    ),
    Row(
        'doc-members-missing',
        "documented {}{} '{}' {} not exist",
        {'t.json': "##\n# @go:\n#\n# @a: one\n#\n# @b: two\n#\n# @c: three\n##\n{ 'command': 'go', 'data': { 'b': 'int' } }\n"},
        "t.json:4: documented members 'a', 'c' do not exist",
    ),
    Row(
        'doc-member-missing',
        "documented {}{} '{}' {} not exist",
        {'t.json': "##\n# @go:\n#\n# Features:\n#\n# @f: one\n#\n# @g: two\n##\n{ 'command': 'go', 'features': ['g'] }\n"},
        "t.json:6: documented feature 'f' does not exist",
    ),
    Row(
        'name-not-string',
        '{} requires a string name',
        {'t.json': "{ 'enum': ['Colour'], 'data': [] }\n"},
        "t.json:1: 'enum' requires a string name",
    ),
    Row(
        'name-invalid',
        '{} has an invalid name',
        {'t.json': "{ 'enum': 'E!', 'data': [] }\n"},
        "t.json: In enum 'E!':\nt.json:1: enum has an invalid name",
    ),
    Row(
        'event-name-lowercase',
        "name of {} must not use lowercase or '-'",
        {'t.json': "{ 'event': 'Boom' }\n"},
        "t.json: In event 'Boom':\nt.json:1: name of event must not use lowercase or '-'",
    ),
    Row(
        'command-name-uppercase',
        "name of {} must not use uppercase or '_'",
        {'t.json': "{ 'command': 'Go' }\n"},
        "t.json: In command 'Go':\nt.json:1: name of command must not use uppercase or '_'",
    ),
    Row(
        'type-name-not-camel-case',
        'name of {} must use CamelCase',
        {'t.json': "{ 'struct': 'point', 'data': {} }\n"},
        "t.json: In struct 'point':\nt.json:1: name of struct must use CamelCase",
    ),
    Row(
        'type-name-ends-in-list',
        "{} name should not end in 'List'",
        {'t.json': "{ 'struct': 'PointList', 'data': {} }\n"},
        "t.json: In struct 'PointList':\nt.json:1: struct name should not end in 'List'",
    ),
    Row(
        'key-missing',
        '{} misses key{} {}',
        {'t.json': "{ 'union': 'Shape' }\n"},
        "t.json: In union 'Shape':\nt.json:1: union misses keys 'base', 'data', 'discriminator'",
    ),
    Row(
        'key-unknown',
        '{} has unknown key{} {}\nValid keys are {}.',
        {'t.json': "{ 'enum': 'Colour', 'data': [], 'colour': 'red' }\n"},
        "t.json: In enum 'Colour':\nt.json:1: enum has unknown key 'colour'\nValid keys are 'data', 'enum', 'features', 'if', 'prefix'.",
    ),
    Row(
        'flags-oob-coroutine',
        "flags 'allow-oob' and 'coroutine' are incompatible",
        {'t.json': "{ 'command': 'go', 'allow-oob': true, 'coroutine': true }\n"},
        "t.json: In command 'go':\nt.json:1: flags 'allow-oob' and 'coroutine' are incompatible",
    ),
    Row(
        'flag-false-only',
        "flag '{}' may only use false value",
        {'t.json': "{ 'command': 'go', 'gen': true }\n"},
        "t.json: In command 'go':\nt.json:1: flag 'gen' may only use false value",
    ),
    Row(
        'flag-true-only',
        "flag '{}' may only use true value",
        {'t.json': "{ 'command': 'go', 'boxed': false }\n"},
        "t.json: In command 'go':\nt.json:1: flag 'boxed' may only use true value",
    ),
    Row(
        'if-not-string-or-object',
        "'if' condition of {} must be a string or an object",
        {'t.json': "{ 'enum': 'Colour', 'data': [], 'if': ['X'] }\n"},
        "t.json: In enum 'Colour':\nt.json:1: 'if' condition of enum must be a string or an object",
    ),
    Row(
        'if-conflicting-keys',
        "'if' condition of {} has conflicting keys",
        {'t.json': "{ 'enum': 'Colour', 'data': [], 'if': { 'all': ['X'], 'any': ['Y'] } }\n"},
        "t.json: In enum 'Colour':\nt.json:1: 'if' condition of enum has conflicting keys",
    ),
    Row(
        'if-operands-not-array',
        "'{}' condition of {} must be an array",
        {'t.json': "{ 'enum': 'Colour', 'data': [], 'if': { 'all': 'X' } }\n"},
        "t.json: In enum 'Colour':\nt.json:1: 'all' condition of enum must be an array",
    ),
    Row(
        'if-operands-empty',
        "'if' condition [] of {} is useless",
        {'t.json': "{ 'enum': 'Colour', 'data': [ { 'name': 'a', 'if': { 'any': [] } } ] }\n"},
        "t.json: In enum 'Colour':\nt.json:1: 'if' condition [] of 'data' member 'a' is useless",
    ),
    Row(
        'if-not-identifier',
        "'if' condition '{}' of {} is not a valid identifier",
        {'t.json': "{ 'enum': 'Colour', 'data': [], 'if': 'defined(X)' }\n"},
        "t.json: In enum 'Colour':\nt.json:1: 'if' condition 'defined(X)' of enum is not a valid identifier",
    ),
    Row(
        'base-not-type-name',
        '{} should be a type name',
        {'t.json': "{ 'struct': 'Point', 'data': {}, 'base': ['Base'] }\n"},
        "t.json: In struct 'Point':\nt.json:1: 'base' should be a type name",
    ),
    Row(
        'returns-not-type-name-or-array',
        '{} should be a type name or array',
        {'t.json': "{ 'command': 'go', 'returns': { 'a': 'int' } }\n"},
        "t.json: In command 'go':\nt.json:1: 'returns' should be a type name or array",
    ),
    Row(
        'returns-array-of-two',
        '{}: array type must contain single type name',
        {'t.json': "{ 'command': 'go', 'returns': ['Point', 'Size'] }\n"},
        "t.json: In command 'go':\nt.json:1: 'returns': array type must contain single type name",
    ),
    Row(
        'data-not-object-or-type-name',
        '{} should be an object or type name',
        {'t.json': "{ 'struct': 'Point', 'data': 'Size' }\n"},
        "t.json: In struct 'Point':\nt.json:1: 'data' should be an object or type name",
    ),
    Row(
        'member-name-reserved',
        '{} uses reserved name',
        {'t.json': "{ 'struct': 'Point', 'data': { 'has-x': 'int' } }\n"},
        "t.json: In struct 'Point':\nt.json:1: 'data' member 'has-x' uses reserved name",
    ),
    Row(
        'features-not-array',
        "'features' must be an array",
        {'t.json': "{ 'struct': 'Point', 'data': {}, 'features': 'f' }\n"},
        "t.json: In struct 'Point':\nt.json:1: 'features' must be an array",
    ),
    Row(
        'enum-data-not-array',
        "'data' must be an array",
        {'t.json': "{ 'enum': 'Colour', 'data': {} }\n"},
        "t.json: In enum 'Colour':\nt.json:1: 'data' must be an array",
    ),
    Row(
        'enum-prefix-not-string',
        "'prefix' must be a string",
        {'t.json': "{ 'enum': 'Colour', 'data': [], 'prefix': ['X'] }\n"},
        "t.json: In enum 'Colour':\nt.json:1: 'prefix' must be a string",
    ),
    Row(
        'union-data-not-object',
        "'data' must be an object",
        {'t.json': "{ 'union': 'Shape', 'base': { 'k': 'Colour' }, 'discriminator': 'k', 'data': [] }\n" + _COLOUR},
        "t.json: In union 'Shape':\nt.json:1: 'data' must be an object",
    ),
    Row(
        'alternate-data-empty',
        "'data' must not be empty",
        {'t.json': "{ 'alternate': 'Alt', 'data': {} }\n"},
        "t.json: In alternate 'Alt':\nt.json:1: 'data' must not be empty",
    ),
    Row(
        'boxed-without-data',
        "'boxed': true requires 'data'",
        {'t.json': "{ 'event': 'BOOM', 'boxed': true }\n"},
        "t.json: In event 'BOOM':\nt.json:1: 'boxed': true requires 'data'",
    ),
    Row(
        'meta-key-missing',
        "expression must have exactly one key 'enum', 'struct', 'union', 'alternate', 'command', 'event'",
        {'t.json': "{ 'colour': 'Colour' }\n"},
        "t.json:1: expression must have exactly one key 'enum', 'struct', 'union', 'alternate', 'command', 'event'",
    ),
    Row(
        'doc-for-other-definition',
        "documentation comment is for '{}'",
        {'t.json': "##\n# @Fruit:\n##\n" + _COLOUR},
        "t.json: In enum 'Colour':\nt.json:4: documentation comment is for 'Fruit'",
    ),
    Row(
        'doc-required',
        'documentation comment required',
        {'t.json': "{ 'pragma': { 'doc-required': true } }\n" + _COLOUR},
        "t.json: In enum 'Colour':\nt.json:2: documentation comment required",
    ),
    Row(
        'type-feature-special',
        "feature '{}' is not supported for types",
        {'t.json': "{ 'struct': 'Point', 'data': {}, 'features': ['deprecated'] }\n"},
        "t.json: In struct 'Point':\nt.json:1: feature 'deprecated' is not supported for types",
    ),
    Row(
        'object-contains-itself',
        'object {} contains itself',
        {'t.json': "{ 'struct': 'Point', 'base': 'Size', 'data': {} }\n{ 'struct': 'Size', 'base': 'Point', 'data': {} }\n"},
        "t.json: In struct 'Point':\nt.json:1: object Point contains itself",
    ),
    Row(
        'base-not-struct',
        "'base' requires a struct type, {} isn't",
        {'t.json': _COLOUR + "{ 'struct': 'Point', 'base': 'Colour', 'data': {} }\n"},
        "t.json: In struct 'Point':\nt.json:2: 'base' requires a struct type, enum type 'Colour' isn't",
    ),
    Row(
        'branch-type-unusable',
        '{} cannot use {}',
        {'t.json': "{ 'alternate': 'Alt', 'data': { 'x': 'any' } }\n"},
        "t.json: In alternate 'Alt':\nt.json:1: branch 'x' cannot use built-in type 'any'",
    ),
    Row(
        'alternate-ambiguous',
        "{} can't be distinguished from '{}'",
        {'t.json': "{ 'alternate': 'Alt', 'data': { 'i': 'int', 'n': 'number' } }\n"},
        "t.json: In alternate 'Alt':\nt.json:1: branch 'n' can't be distinguished from 'i'",
    ),
    Row(
        'discriminator-not-member',
        "discriminator '{}' is not a member of {}",
        {'t.json': _COLOUR + "{ 'union': 'Shape', 'base': { 'k': 'Colour' }, 'discriminator': 'kind', 'data': {} }\n"},
        "t.json: In union 'Shape':\nt.json:2: discriminator 'kind' is not a member of 'base'",
    ),
    Row(
        'discriminator-not-enum',
        "discriminator member '{}' of {} must be of enum type",
        {'t.json': "{ 'union': 'Shape', 'base': { 'k': 'str' }, 'discriminator': 'k', 'data': {} }\n"},
        "t.json: In union 'Shape':\nt.json:1: discriminator member 'k' of 'base' must be of enum type",
    ),
    Row(
        'discriminator-optional',
        "discriminator member '{}' of {} must not be optional",
        {'t.json': _COLOUR + "{ 'struct': 'Base', 'data': { '*k': 'Colour' } }\n{ 'union': 'Shape', 'base': 'Base', 'discriminator': 'k', 'data': {} }\n"},
        "t.json: In union 'Shape':\nt.json:3: discriminator member 'k' of base type 'Base' must not be optional",
    ),
    Row(
        'discriminator-conditional',
        "discriminator member '{}' of {} must not be conditional",
        {'t.json': _COLOUR + "{ 'union': 'Shape', 'base': { 'k': { 'type': 'Colour', 'if': 'X' } }, 'discriminator': 'k', 'data': {} }\n"},
        "t.json: In union 'Shape':\nt.json:2: discriminator member 'k' of 'base' must not be conditional",
    ),
    Row(
        'union-no-branches',
        'union has no branches',
        {'t.json': "{ 'enum': 'Colour', 'data': [] }\n" + _SHAPE},
        "t.json: In union 'Shape':\nt.json:2: union has no branches",
    ),
    Row(
        'branch-not-enum-value',
        "branch '{}' is not a value of {}",
        {'t.json': _COLOUR + "{ 'struct': 'Point', 'data': {} }\n{ 'union': 'Shape', 'base': { 'k': 'Colour' }, 'discriminator': 'k', 'data': { 'b': 'Point' } }\n"},
        "t.json: In union 'Shape':\nt.json:3: branch 'b' is not a value of enum type 'Colour'",
    ),
    Row(
        'member-names-collide',
        '{} collides with {}',
        {'t.json': "{ 'struct': 'Base', 'data': { 'a': 'int' } }\n{ 'struct': 'Point', 'base': 'Base', 'data': { 'a': 'str' } }\n"},
        "t.json: In struct 'Point':\nt.json:2: member 'a' collides with member 'a' of type 'Base'",
    ),
    Row(
        'command-data-not-object',
        "command's 'data' cannot take {}",
        {'t.json': "{ 'command': 'go', 'data': 'int' }\n"},
        "t.json: In command 'go':\nt.json:1: command's 'data' cannot take built-in type 'int'",
    ),
    Row(
        'command-data-union-not-boxed',
        "command's 'data' can take {} only with 'boxed': true",
        {'t.json': _COLOUR + _SHAPE + "{ 'command': 'go', 'data': 'Shape' }\n"},
        "t.json: In command 'go':\nt.json:3: command's 'data' can take union type 'Shape' only with 'boxed': true",
    ),
    Row(
        'command-arguments-conditional',
        "conditional command arguments require 'boxed': true",
        {'t.json': "{ 'command': 'go', 'data': { 'a': { 'type': 'int', 'if': 'X' } } }\n"},
        "t.json: In command 'go':\nt.json:1: conditional command arguments require 'boxed': true",
    ),
    Row(
        'command-returns-not-object',
        "command's 'returns' cannot take {}",
        {'t.json': "{ 'command': 'go', 'returns': 'int' }\n"},
        "t.json: In command 'go':\nt.json:1: command's 'returns' cannot take built-in type 'int'",
    ),
    Row(
        'event-data-not-object',
        "event's 'data' cannot take {}",
        {'t.json': "{ 'event': 'BOOM', 'data': 'str' }\n"},
        "t.json: In event 'BOOM':\nt.json:1: event's 'data' cannot take built-in type 'str'",
    ),
    Row(
        'event-data-union-not-boxed',
        "event's 'data' can take {} only with 'boxed': true",
        {'t.json': _COLOUR + _SHAPE + "{ 'event': 'BOOM', 'data': 'Shape' }\n"},
        "t.json: In event 'BOOM':\nt.json:3: event's 'data' can take union type 'Shape' only with 'boxed': true",
    ),
    Row(
        'event-arguments-conditional',
        "conditional event arguments require 'boxed': true",
        {'t.json': "{ 'event': 'BOOM', 'data': { 'a': { 'type': 'int', 'if': 'X' } } }\n"},
        "t.json: In event 'BOOM':\nt.json:1: conditional event arguments require 'boxed': true",
    ),
    Row(
        'schema-unreadable',
        "can't read schema file '{}': {}",
        {},
        "can't read schema file 't.json': No such file or directory",
    ),
    Row(
        'predefined-redefined',
        '{} is already defined',
        {'t.json': "{ 'enum': 'QType', 'data': ['a'] }\n"},
        "t.json: In enum 'QType':\nt.json:1: enum type 'QType' is already defined",
    ),
    Row(
        'definition-twice',
        "'{}' is already defined\n{}",
        {'t.json': "{ 'struct': 'Point', 'data': {} }\n{ 'struct': 'Point', 'data': {} }\n"},
        "t.json: In struct 'Point':\nt.json:2: 'Point' is already defined\nt.json: In struct 'Point':\nt.json:1: previous definition",
    ),
    Row(
        'previous-definition',
        'previous definition',
        {'t.json': "{ 'struct': 'Point', 'data': {} }\n{ 'struct': 'Point', 'data': {} }\n"},
        "t.json: In struct 'Point':\nt.json:2: 'Point' is already defined\nt.json: In struct 'Point':\nt.json:1: previous definition",
    ),
    Row(
        'unknown-type',
        "{} uses unknown type '{}'",
        {'t.json': "{ 'struct': 'Point', 'data': { 'a': 'Size' } }\n"},
        "t.json: In struct 'Point':\nt.json:1: member 'a' uses unknown type 'Size'",
    ),
    Row(
        'too-many-features',
        'Maximum of 64 schema features is permitted',
        {'t.json': "{ 'struct': 'Point', 'data': {}, 'features': ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12', 'f13', 'f14', 'f15', 'f16', 'f17', 'f18', 'f19', 'f20', 'f21', 'f22', 'f23', 'f24', 'f25', 'f26', 'f27', 'f28', 'f29', 'f30', 'f31', 'f32', 'f33', 'f34', 'f35', 'f36', 'f37', 'f38', 'f39', 'f40', 'f41', 'f42', 'f43', 'f44', 'f45', 'f46', 'f47', 'f48', 'f49', 'f50', 'f51', 'f52', 'f53', 'f54', 'f55', 'f56', 'f57', 'f58', 'f59', 'f60', 'f61', 'f62'] }\n"},
        "t.json: In struct 'Point':\nt.json:1: Maximum of 64 schema features is permitted",
    ),
)

#: QEMU's messages that are not the front end's, and where qapi-build stands instead.
QEMU_ONLY = {
    "argument of -B must be of the form MODULE.CLASS":
        "qapi-build has no -B: backends are plugins (qapi_ir.driver.plugins reports their errors)",
    "unable to import '{}': {}": "-B only, see above",
    "module '{}' has no class '{}'": "-B only, see above",
    "backend '{}' cannot be instantiated: {}": "-B only, see above",
    "backend '{}' must be an instance of QAPIBackend": "-B only, see above",
    "funny character '{}' in argument of --prefix":
        "the command line's, not the front end's: tests/cli/test_cli.py",
}


def _nested_nots(depth: int) -> str:
    condition = "'CONFIG_X'"
    for _ in range(depth):
        condition = "{ 'not': " + condition + " }"
    return condition


#: Messages of ours that QEMU's generator lacks: limits that keep hostile input from
#: exhausting the stack or smuggling text into generated code (issue 13).
OWN_ROWS = (
    Row(
        'values-nest-too-deep',
        'values nest deeper than {}',
        {'t.json': "{ 'struct': 'S', 'data': { 'a': " + '[' * 101 + "'int'" + ']' * 101 + ' } }\n'},
        't.json:1:131: values nest deeper than 100',
    ),
    Row(
        'includes-nest-too-deep',
        '{}:{}: includes nest deeper than {}',
        {'t.json': "{ 'include': 'c1.json' }\n",
         **{f'c{n}.json': f"{{ 'include': 'c{n + 1}.json' }}\n" for n in range(1, 66)},
         'c66.json': _COLOUR},
        'c63.json:1: includes nest deeper than 64',
    ),
    Row(
        'if-nests-too-deep',
        "'if' condition of {} nests more than {} deep",
        {'t.json': "{ 'struct': 'Thing', 'data': { 'a': 'int' }, 'if': " + _nested_nots(33) + ' }\n'},
        "t.json: In struct 'Thing':\nt.json:1: 'if' condition of struct nests more than 32 deep",
    ),
    Row(
        'prefix-not-c-identifier',
        "'prefix' must be a C identifier",
        {'t.json': "{ 'enum': 'Colour', 'data': ['a'], 'prefix': 'X = 1' }\n"},
        "t.json: In enum 'Colour':\nt.json:1: 'prefix' must be a C identifier",
    ),
    Row(
        'module-name',
        "{}: a schema file's path may hold only letters, digits and '_', '+', '-', '.' (it names a module in generated code)",
        {'t.json': "{ 'include': 'my file.json' }\n", 'my file.json': _COLOUR},
        "my file.json: a schema file's path may hold only letters, digits and '_', '+', '-', '.' (it names a module in generated code)",
    ),
    Row(
        'invalid-utf8',
        '{}:{}: {}',
        {'t.json': '# caf\udce9\n'},
        't.json:1: invalid UTF-8 (byte 0xe9)',
    ),
)
