"""The C command, event and feature generators on small schemas written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_backends.c import commands, events, features
from qapi_backends.c.settings import CSettings
from qapi_ir.frontend import load_schema
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import Output

MAIN = """
{ 'pragma': { 'command-returns-exceptions': [ 'count' ] } }
{ 'include': 'sub/extra.json' }
{ 'enum': 'Mode', 'data': [ 'fast', { 'name': 'slow', 'features': [ 'sluggish' ] } ] }
{ 'struct': 'Info', 'data': { 'name': 'str', '*size': 'int' },
  'features': [ 'shiny' ] }
{ 'command': 'plain' }
{ 'command': 'get-info', 'data': { 'name': 'str', '*mode': 'Mode', '*tag': 'str' },
  'returns': 'Info' }
{ 'command': 'count', 'returns': 'int' }
{ 'command': 'set-info', 'data': 'Info', 'boxed': true }
{ 'command': 'quiet', 'success-response': false }
{ 'command': 'early', 'allow-oob': true, 'allow-preconfig': true }
{ 'command': 'slow-io', 'coroutine': true, 'allow-preconfig': true }
{ 'command': 'old', 'features': [ 'deprecated', 'shiny' ] }
{ 'command': 'hidden', 'gen': false }
{ 'command': 'maybe', 'if': 'CONFIG_MAYBE' }
{ 'event': 'STARTED' }
{ 'event': 'CHANGED', 'data': { 'name': 'str', '*size': 'int', '*info': 'Info' } }
{ 'event': 'INFO', 'data': 'Info', 'boxed': true }
{ 'event': 'GONE', 'features': [ 'deprecated' ] }
{ 'event': 'SOMETIMES', 'if': 'CONFIG_MAYBE' }
"""

SUB = """
{ 'command': 'sub-cmd', 'data': { 'x': { 'type': 'int', 'features': [ 'unstable', 'odd' ] } } }
{ 'event': 'SUB_EVENT' }
"""


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> Schema:
    root: Path = tmp_path_factory.mktemp("schema")
    (root / "sub").mkdir()
    (root / "sub" / "extra.json").write_text(SUB)
    (root / "main.json").write_text(MAIN)
    return load_schema(str(root / "main.json"))


def _generate(schema: Schema, prefix: str = "p-", suppress_tracing: bool = False) -> dict[str, str]:
    output = Output()
    settings = CSettings(prefix=prefix, suppress_tracing=suppress_tracing, banner="test")
    for generator in (commands, events, features):
        generator.generate(schema, settings, output)
    return output.files


@pytest.fixture(scope="module")
def files(schema: Schema) -> dict[str, str]:
    return _generate(schema)


def _register(name: str, flags: str, features: str = "0") -> str:
    c_name = name.replace("-", "_")
    return (
        f'    qmp_register_command(cmds, "{name}",\n'
        f"                         qmp_marshal_{c_name}, {flags}, {features});\n"
    )


def test_files_per_module_plus_init_emit_and_features(files: dict[str, str]) -> None:
    assert sorted(files) == [
        "p-qapi-commands.c",
        "p-qapi-commands.h",
        "p-qapi-commands.trace-events",
        "p-qapi-emit-events.c",
        "p-qapi-emit-events.h",
        "p-qapi-events.c",
        "p-qapi-events.h",
        "p-qapi-features.c",
        "p-qapi-features.h",
        "p-qapi-init-commands.c",
        "p-qapi-init-commands.h",
        "p-qapi-init-commands.trace-events",
        "sub/p-qapi-commands-extra.c",
        "sub/p-qapi-commands-extra.h",
        "sub/p-qapi-commands-extra.trace-events",
        "sub/p-qapi-events-extra.c",
        "sub/p-qapi-events-extra.h",
    ]


def test_registration_carries_every_flag_and_feature_mask(files: dict[str, str]) -> None:
    init = files["p-qapi-init-commands.c"]
    assert _register("plain", "0") in init
    assert _register("quiet", "QCO_NO_SUCCESS_RESP") in init
    assert _register("early", "QCO_ALLOW_OOB | QCO_ALLOW_PRECONFIG") in init
    assert _register("slow-io", "QCO_ALLOW_PRECONFIG | QCO_COROUTINE") in init
    assert _register("old", "0", "1u << QAPI_FEATURE_DEPRECATED | 1u << QAPI_FEATURE_SHINY") in init


def test_registration_covers_all_modules_in_one_prefixed_function(files: dict[str, str]) -> None:
    init = files["p-qapi-init-commands.c"]
    assert "void p_qmp_init_marshal(QmpCommandList *cmds)\n{\n    QTAILQ_INIT(cmds);\n\n" in init
    assert init.index('"plain"') < init.index('"sub-cmd"')  # main module first, like QEMU
    assert "void p_qmp_init_marshal(QmpCommandList *cmds);\n" in files["p-qapi-init-commands.h"]


def test_conditional_command_is_wrapped_but_its_trace_events_are_not(
    files: dict[str, str],
) -> None:
    guard = "#if defined(CONFIG_MAYBE)\n"
    end = "#endif /* defined(CONFIG_MAYBE) */\n"
    assert guard + _register("maybe", "0") + end in files["p-qapi-init-commands.c"]
    assert (
        guard + "void qmp_maybe(Error **errp);\n"
        "void qmp_marshal_maybe(QDict *args, QObject **ret, Error **errp);\n"
        + end
        in files["p-qapi-commands.h"]
    )
    assert "\n" + guard + "void qmp_marshal_maybe(" in files["p-qapi-commands.c"]
    assert "\nqmp_enter_maybe(const char *json)" in files["p-qapi-commands.trace-events"]


def test_coroutine_command_handler_and_marshaller_are_coroutine_fn(
    files: dict[str, str],
) -> None:
    header = files["p-qapi-commands.h"]
    assert "void coroutine_fn qmp_slow_io(Error **errp);\n" in header
    assert (
        "void coroutine_fn qmp_marshal_slow_io(QDict *args, QObject **ret, Error **errp);\n"
        in header
    )
    assert "\nvoid coroutine_fn qmp_marshal_slow_io(QDict *args" in files["p-qapi-commands.c"]


def test_command_without_gen_is_neither_declared_nor_registered(files: dict[str, str]) -> None:
    assert not any("hidden" in text for text in files.values())


def test_handler_declarations_explode_arguments_with_has_flags(files: dict[str, str]) -> None:
    header = files["p-qapi-commands.h"]
    assert (
        "Info *qmp_get_info(const char *name, bool has_mode, Mode mode, const char *tag,"
        " Error **errp);\n" in header
    )
    assert "int64_t qmp_count(Error **errp);\n" in header
    assert "void qmp_set_info(Info *arg, Error **errp);\n" in header
    assert header.index('#include "sub/p-qapi-commands-extra.h"\n') < header.index(
        '#include "p-qapi-types.h"\n'
    )


def test_marshaller_visits_implicit_arguments_and_the_return_value(
    files: dict[str, str],
) -> None:
    source = files["p-qapi-commands.c"]
    body = source[source.index("void qmp_marshal_get_info(") :]
    body = body[: body.index("\n}\n")]
    assert "    Info *retval;\n    Visitor *ov;\n    q_obj_get_info_arg arg = {0};\n" in body
    assert "if (visit_type_q_obj_get_info_arg_members(v, &arg, errp)) {" in body
    assert "retval = qmp_get_info(arg.name, arg.has_mode, arg.mode, arg.tag, &err);" in body
    assert 'if (visit_type_Info(ov, "unused", &retval, errp)) {' in body
    assert "trace_qmp_exit_get_info(ret_json->str, true);" in body


def test_boxed_marshaller_passes_the_struct_and_argless_one_only_checks(
    files: dict[str, str],
) -> None:
    source = files["p-qapi-commands.c"]
    assert "    Info arg = {0};\n" in source
    assert "    qmp_set_info(&arg, &err);\n" in source
    plain = source[source.index("void qmp_marshal_plain(") :]
    plain = plain[: plain.index("\n}\n")]
    assert " arg" not in plain
    assert "    ok = visit_check_struct(v, errp);\n" in plain
    assert '    trace_qmp_exit_plain("{}", true);\n' in plain


def test_tracing_includes_the_module_trace_header(files: dict[str, str]) -> None:
    assert (
        '#include "qobject/qjson.h"\n#include "trace/trace-p_qapi_commands_extra_trace_events.h"\n'
    ) in files["sub/p-qapi-commands-extra.c"]
    trace = files["sub/p-qapi-commands-extra.trace-events"]
    assert trace.endswith(
        'qmp_enter_sub_cmd(const char *json) "%s"\n'
        'qmp_exit_sub_cmd(const char *result, bool succeeded) "%s %d"\n'
    )
    assert files["p-qapi-init-commands.trace-events"] == "# test\n\n"


def test_unprefixed_main_module_skips_the_trace_header_like_qemu(schema: Schema) -> None:
    files = _generate(schema, prefix="")
    assert "trace/trace-" not in files["qapi-commands.c"]
    assert "trace_qmp_enter_plain(" in files["qapi-commands.c"]
    assert "void qmp_init_marshal(QmpCommandList *cmds)" in files["qapi-init-commands.c"]


def test_suppressed_tracing_drops_trace_files_and_calls(schema: Schema) -> None:
    files = _generate(schema, suppress_tracing=True)
    assert not [name for name in files if name.endswith(".trace-events")]
    assert not any("trace" in text for name, text in files.items() if "commands" in name)


def test_event_senders_take_exploded_boxed_or_no_arguments(files: dict[str, str]) -> None:
    header = files["p-qapi-events.h"]
    assert "\nvoid qapi_event_send_started(void);\n" in header
    assert (
        "\nvoid qapi_event_send_changed(const char *name, bool has_size, int64_t size,"
        " Info *info);\n" in header
    )
    assert "\nvoid qapi_event_send_info(Info *arg);\n" in header


def test_event_sender_builds_data_from_its_parameters(files: dict[str, str]) -> None:
    source = files["p-qapi-events.c"]
    assert (
        "    q_obj_CHANGED_arg param = {\n        (char *)name, has_size, size, info\n    };\n"
        in source
    )
    assert "visit_type_q_obj_CHANGED_arg_members(v, &param, &error_abort);" in source
    assert 'visit_type_Info(v, "INFO", &arg, &error_abort);' in source
    assert "    p_qapi_event_emit(P_QAPI_EVENT_STARTED, qmp);\n" in source


def test_deprecated_event_is_hidden_by_the_output_policy(files: dict[str, str]) -> None:
    source = files["p-qapi-events.c"]
    gone = source[source.index("void qapi_event_send_gone(") :]
    assert gone.index("compat_policy.deprecated_output == COMPAT_POLICY_OUTPUT_HIDE") < gone.index(
        'qmp_event_build_dict("GONE")'
    )


def test_event_enum_lists_every_event_whatever_its_condition(files: dict[str, str]) -> None:
    header = files["p-qapi-emit-events.h"]
    assert (
        "typedef enum p_QAPIEvent {\n"
        "    P_QAPI_EVENT_STARTED,\n"
        "    P_QAPI_EVENT_CHANGED,\n"
        "    P_QAPI_EVENT_INFO,\n"
        "    P_QAPI_EVENT_GONE,\n"
        "    P_QAPI_EVENT_SOMETIMES,\n"
        "    P_QAPI_EVENT_SUB_EVENT,\n"
        "    P_QAPI_EVENT__MAX,\n"
        "} p_QAPIEvent;\n"
    ) in header
    assert "void p_qapi_event_emit(p_QAPIEvent event, QDict *qdict);\n" in header
    assert '        [P_QAPI_EVENT_SOMETIMES] = "SOMETIMES",\n' in files["p-qapi-emit-events.c"]
    assert (
        "#if defined(CONFIG_MAYBE)\nvoid qapi_event_send_sometimes(void);\n"
        in files["p-qapi-events.h"]
    )


def test_feature_enum_has_special_features_first_then_first_use(files: dict[str, str]) -> None:
    assert (
        "typedef enum {\n"
        "    QAPI_FEATURE_DEPRECATED = QAPI_DEPRECATED,\n"
        "    QAPI_FEATURE_UNSTABLE = QAPI_UNSTABLE,\n"
        "    QAPI_FEATURE_ODD,\n"
        "    QAPI_FEATURE_SLUGGISH,\n"
        "    QAPI_FEATURE_SHINY,\n"
        "} QapiFeature;\n"
    ) in files["p-qapi-features.h"]
    assert "char qapi_dummy_p_qapi_features_c;" in files["p-qapi-features.c"]
