<%doc>
    qapi-commands[-MODULE].c: the QMP marshaller of each command.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%namespace name="cmd" file="commands_common.mako"/>\
<%! from qapi_backends.c.naming import c_decl %>\
<%! from qapi_backends.c.cond import wrap_if %>\
## The arguments passed to the handler: the boxed struct or its members.
<%def name="call_args(args)">\
% if args.boxed:
&arg, \
% else:
% for p in args.params:
% if p.has_flag:
arg.has_${p.c_name}, \
% endif
arg.${p.c_name}, \
% endfor
% endif
</%def>\
<%def name="marshal(command)">
<% arg = command.args.type_c_name %>\
${cmd.marshal_proto(command)}
{
    Error *err = NULL;
    bool ok = false;
    Visitor *v;
% if command.ret_c_type:
    ${c_decl(command.ret_c_type, "retval")};
    Visitor *ov;
% endif
% if arg:
    ${arg} arg = {0};
% endif

    v = qobject_input_visitor_new_qmp(QOBJECT(args));
    if (!visit_start_struct(v, NULL, NULL, 0, errp)) {
        goto out;
    }
% if arg:
    if (visit_type_${arg}_members(v, &arg, errp)) {
        ok = visit_check_struct(v, errp);
    }
% else:
    ok = visit_check_struct(v, errp);
% endif
    visit_end_struct(v, NULL);
    if (!ok) {
        goto out;
    }
% if tracing:

    if (trace_event_get_state_backends(TRACE_QMP_ENTER_${command.c_name.upper()})) {
        g_autoptr(GString) req_json = qobject_to_json(QOBJECT(args));

        trace_qmp_enter_${command.c_name}(req_json->str);
    }
% endif

    ${"retval = " if command.ret_c_type else ""}qmp_${command.c_name}(${call_args(command.args)}&err);
    if (err) {
% if tracing:
        trace_qmp_exit_${command.c_name}(error_get_pretty(err), false);
% endif
        error_propagate(errp, err);
        goto out;
    }
% if command.ret_c_type:

    ov = qobject_output_visitor_new_qmp(ret);
    if (${command.ret_visit}(ov, "unused", &retval, errp)) {
        visit_complete(ov, ret);
    }
    visit_free(ov);
    ov = qapi_dealloc_visitor_new();
    ${command.ret_visit}(ov, "unused", &retval, NULL);
    visit_free(ov);
% endif
% if tracing and command.ret_c_type:

    if (trace_event_get_state_backends(TRACE_QMP_EXIT_${command.c_name.upper()})) {
        g_autoptr(GString) ret_json = qobject_to_json(*ret);

        trace_qmp_exit_${command.c_name}(ret_json->str, true);
    }
% elif tracing:

    trace_qmp_exit_${command.c_name}("{}", true);
% endif

out:
    visit_free(v);
    v = qapi_dealloc_visitor_new();
    visit_start_struct(v, NULL, NULL, 0, NULL);
% if arg:
    visit_type_${arg}_members(v, &arg, NULL);
% endif
    visit_end_struct(v, NULL);
    visit_free(v);
}
</%def>\
<%c:c_file fname="${fname}" banner="${banner}">\
#include "qemu/osdep.h"
#include "qapi/compat-policy.h"
#include "qapi/visitor.h"
#include "qobject/qdict.h"
#include "qapi/dealloc-visitor.h"
#include "qapi/error.h"
#include "${visit_h}.h"
#include "${commands_h}.h"
% if trace_h:
#include "qobject/qjson.h"
#include "trace/trace-${trace_h}_trace_events.h"
% endif
% for command in commands:
${wrap_if(command.condition, capture(marshal, command))}\
% endfor
</%c:c_file>\
