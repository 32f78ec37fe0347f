<%doc>
    qapi-emit-events.h: the QAPIEvent enumeration and qapi_event_emit.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%namespace name="types" file="types.h.mako"/>\
<%c:h_file fname="${fname}" banner="${banner}">\
#include "qapi/util.h"
${types.enum(enum)}
void ${emit}(${enum.c_name} event, QDict *qdict);
</%c:h_file>\
