"""The C types and visitors generators on a small hand-built schema."""

from __future__ import annotations

import pytest

from qapi_backends.c import types, visit
from qapi_backends.c.settings import CSettings
from qapi_ir.plugin_api import Output
from tests.backends.c.ir_sample import sample_schema


def _generate(builtins: bool = False) -> dict[str, str]:
    output = Output()
    settings = CSettings(prefix="p-", builtins=builtins, banner="made by a test")
    types.generate(sample_schema(), settings, output)
    visit.generate(sample_schema(), settings, output)
    return output.files


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return _generate()


def test_file_names_follow_modules_prefix_and_subdirectories(files: dict[str, str]) -> None:
    assert sorted(files) == [
        "p-qapi-types.c",
        "p-qapi-types.h",
        "p-qapi-visit.c",
        "p-qapi-visit.h",
        "sub/p-qapi-types-extra.c",
        "sub/p-qapi-types-extra.h",
        "sub/p-qapi-visit-extra.c",
        "sub/p-qapi-visit-extra.h",
    ]


def test_builtin_modules_are_written_only_when_asked() -> None:
    files = _generate(builtins=True)
    assert (
        "struct strList {\n    strList *next;\n    char *value;\n};\n"
        in files["qapi-builtin-types.h"]
    )
    assert '#include "qapi/visitor.h"\n' in files["qapi-builtin-visit.h"]


def test_files_start_with_the_banner_and_headers_have_guards(files: dict[str, str]) -> None:
    header = files["sub/p-qapi-types-extra.h"]
    assert header.startswith(
        "/* made by a test */\n\n"
        "#ifndef SUB_P_QAPI_TYPES_EXTRA_H\n#define SUB_P_QAPI_TYPES_EXTRA_H\n\n"
    )
    assert header.endswith("\n#endif /* SUB_P_QAPI_TYPES_EXTRA_H */\n")
    assert files["p-qapi-types.c"].endswith(
        "\n/* Dummy declaration to prevent empty .o file */\nchar qapi_dummy_p_qapi_types_c;\n"
    )


def test_enum_declaration_wraps_conditional_values(files: dict[str, str]) -> None:
    assert (
        "typedef enum Colour {\n    COLOUR_RED,\n#if defined(CONFIG_GREEN)\n    COLOUR_GREEN,\n"
        "#endif /* defined(CONFIG_GREEN) */\n    COLOUR_BLUE,\n    COLOUR__MAX,\n} Colour;\n\n"
        "#define Colour_str(val) \\\n    qapi_enum_lookup(&Colour_lookup, (val))\n"
    ) in files["p-qapi-types.h"]


def test_enum_lookup_lists_feature_flags_of_values(files: dict[str, str]) -> None:
    assert (
        "    .features = (const uint64_t[COLOUR__MAX]) {\n"
        "        [COLOUR_BLUE] = 1u << QAPI_FEATURE_DEPRECATED,\n    },\n"
        "    .size = COLOUR__MAX\n};\n"
    ) in files["p-qapi-types.c"]


def test_struct_flags_optional_scalars_and_arrays_but_not_pointers(files: dict[str, str]) -> None:
    assert (
        "struct Point {\n    int64_t x;\n    char *label;\n    bool has_tags;\n"
        "    strList *tags;\n    bool has_n;\n    int64_t n;\n};\n"
    ) in files["p-qapi-types.h"]


def test_derived_struct_repeats_base_members_and_gets_an_upcast(files: dict[str, str]) -> None:
    header = files["p-qapi-types.h"]
    assert "struct Point3 {\n    /* Members inherited from Point: */\n    int64_t x;\n" in header
    assert "    /* Own members: */\n#if defined(CONFIG_GREEN)\n    int64_t z;\n" in header
    assert "static inline Point *qapi_Point3_base(const Point3 *obj)\n" in header


def test_member_less_struct_gets_a_dummy_member(files: dict[str, str]) -> None:
    assert (
        "struct Empty {\n    char qapi_dummy_for_empty_struct;\n};"
    ) in files["p-qapi-types.h"]


def test_branch_struct_is_emitted_before_the_union_that_needs_it(files: dict[str, str]) -> None:
    main = files["p-qapi-types.h"]
    assert main.index("struct Extra {") < main.index("struct Shape {")
    assert "struct Extra {" not in files["sub/p-qapi-types-extra.h"]


def test_conditional_union_is_wrapped_and_skips_empty_branches(files: dict[str, str]) -> None:
    assert (
        "\n#if defined(CONFIG_SHAPES)\nstruct Shape {\n    Colour kind;\n"
        "    union { /* union tag is @kind */\n        Point red;\n        Extra blue;\n"
        "    } u;\n};\n#endif /* defined(CONFIG_SHAPES) */\n"
    ) in files["p-qapi-types.h"]


def test_implicit_types_get_no_free_function(files: dict[str, str]) -> None:
    assert "struct q_obj_draw_arg {" in files["p-qapi-types.h"]
    assert "qapi_free_q_obj_draw_arg" not in files["p-qapi-types.h"]
    assert "bool visit_type_q_obj_draw_arg(" not in files["p-qapi-visit.h"]


def test_include_directive_becomes_a_relative_include(files: dict[str, str]) -> None:
    assert '#include "sub/p-qapi-types-extra.h"\n' in files["p-qapi-types.h"]
    assert (
        '#include "p-qapi-types.h"\n\n#include "sub/p-qapi-visit-extra.h"\n'
        in files["p-qapi-visit.h"]
    )


def test_optional_pointer_member_uses_a_local_presence_flag(files: dict[str, str]) -> None:
    source = files["p-qapi-visit.c"]
    assert '    bool has_label = !!obj->label;\n\n    if (!visit_type_int(v, "x"' in source
    assert '    if (visit_optional(v, "tags", &obj->has_tags)) {\n' in source


def test_member_with_features_is_visited_under_policy_checks(files: dict[str, str]) -> None:
    assert (
        '    if (visit_optional(v, "n", &obj->has_n)) {\n'
        '        if (visit_policy_reject(v, "n", 1u << QAPI_FEATURE_UNSTABLE, errp)) {\n'
        "            return false;\n        }\n"
        '        if (!visit_policy_skip(v, "n", 1u << QAPI_FEATURE_UNSTABLE)) {\n'
        '            if (!visit_type_int(v, "n", &obj->n, errp)) {\n'
    ) in files["p-qapi-visit.c"]


def test_union_visitor_switches_on_the_tag(files: dict[str, str]) -> None:
    assert (
        "    switch (obj->kind) {\n    case COLOUR_RED:\n"
        "        return visit_type_Point_members(v, &obj->u.red, errp);\n"
        "#if defined(CONFIG_GREEN)\n    case COLOUR_GREEN:\n        break;\n"
        "#endif /* defined(CONFIG_GREEN) */\n"
    ) in files["p-qapi-visit.c"]


def test_alternate_visitor_dispatches_on_qtype(files: dict[str, str]) -> None:
    source = files["p-qapi-visit.c"]
    assert (
        "    case QTYPE_QNUM:\n        ok = visit_type_int(v, name, &(*obj)->u.i, errp);\n"
        in source
    )
    assert "        if (visit_type_Point_members(v, &(*obj)->u.p, errp)) {\n" in source
    assert "\"Invalid parameter type for '%s', expected: Alt\",\n" in source
