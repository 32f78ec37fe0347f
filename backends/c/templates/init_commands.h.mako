<%doc>
    qapi-init-commands.h: the declaration of qmp_init_marshal.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%c:h_file fname="${fname}" banner="${banner}">\
#include "qapi/qmp-registry.h"

void ${c_prefix}qmp_init_marshal(QmpCommandList *cmds);
</%c:h_file>\
