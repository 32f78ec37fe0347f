<%doc>
    qapi-events[-MODULE].h: the declaration of each event sender.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%namespace name="cmd" file="commands_common.mako"/>\
<%! from qapi_backends.c.cond import gen_endif, gen_if %>\
<%c:h_file fname="${fname}" banner="${banner}">\
% for include in includes:
#include "${include}.h"
% endfor
#include "qapi/util.h"
#include "${types_h}.h"
% for event in events:

${gen_if(event.condition)}\
void qapi_event_send_${event.c_name}(${cmd.params(event.args)});
${gen_endif(event.condition)}\
% endfor
</%c:h_file>\
