<%doc>
    qapi-emit-events.c: the lookup table of the QAPIEvent enumeration.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%namespace name="types" file="types.c.mako"/>\
<%c:c_file fname="${fname}" banner="${banner}">\
#include "qemu/osdep.h"
#include "${emit_h}.h"
${types.lookup(enum)}\
</%c:c_file>\
