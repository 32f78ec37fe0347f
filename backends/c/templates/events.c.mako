<%doc>
    qapi-events[-MODULE].c: each event sender builds the event's data and
    hands it to qapi_event_emit, unless a special feature hides the event.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%namespace name="cmd" file="commands_common.mako"/>\
<%! from qapi_backends.c.cond import wrap_if %>\
## The initializer of the `param` struct from the sender's parameters.
<%def name="initializer(params)"><%
    fields = []
    for p in params:
        has = f"has_{p.c_name}, " if p.has_flag else ""
        cast = "(char *)" if p.is_str else ""
        fields.append(has + cast + p.c_name)
%>${", ".join(fields)}</%def>\
<%def name="send(event)">
<% args = event.args %>\
void qapi_event_send_${event.c_name}(${cmd.params(args)})
{
    QDict *qmp;
% if args.type_c_name:
    QObject *obj;
    Visitor *v;
% if not args.boxed:
    ${args.type_c_name} param = {
        ${initializer(args.params)}
    };
% if not args.implicit:
    ${args.type_c_name} *arg = &param;
% endif
% endif
% endif
% for feature in event.hidden_by:

    if (compat_policy.${feature}_output == COMPAT_POLICY_OUTPUT_HIDE) {
        return;
    }
% endfor

    qmp = qmp_event_build_dict("${event.name}");

% if args.type_c_name:
    v = qobject_output_visitor_new_qmp(&obj);
% if args.implicit:

    visit_start_struct(v, "${event.name}", NULL, 0, &error_abort);
    visit_type_${args.type_c_name}_members(v, &param, &error_abort);
    visit_check_struct(v, &error_abort);
    visit_end_struct(v, NULL);
% else:
    visit_type_${args.type_c_name}(v, "${event.name}", &arg, &error_abort);
% endif

    visit_complete(v, &obj);
    if (qdict_size(qobject_to(QDict, obj))) {
        qdict_put_obj(qmp, "data", obj);
    } else {
        qobject_unref(obj);
    }
% endif
    ${emit}(${event.enum_const}, qmp);

% if args.type_c_name:
    visit_free(v);
% endif
    qobject_unref(qmp);
}
</%def>\
<%c:c_file fname="${fname}" banner="${banner}">\
#include "qemu/osdep.h"
#include "${emit_h}.h"
#include "${events_h}.h"
#include "${visit_h}.h"
#include "qapi/compat-policy.h"
#include "qapi/error.h"
#include "qobject/qdict.h"
#include "qapi/qmp-event.h"
% for event in events:
${wrap_if(event.condition, capture(send, event))}\
% endfor
</%c:c_file>\
