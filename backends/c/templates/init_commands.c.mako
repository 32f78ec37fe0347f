<%doc>
    qapi-init-commands.c: qmp_init_marshal registers every command with its
    QCO_* flags and feature mask.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%! from qapi_backends.c.cond import gen_endif, gen_if %>\
<%c:c_file fname="${fname}" banner="${banner}">\
#include "qemu/osdep.h"
#include "${prefix}qapi-commands.h"
#include "${prefix}qapi-init-commands.h"
#include "${prefix}qapi-features.h"

void ${c_prefix}qmp_init_marshal(QmpCommandList *cmds)
{
    QTAILQ_INIT(cmds);

% for command in commands:
${gen_if(command.condition)}\
    qmp_register_command(cmds, "${command.name}",
                         qmp_marshal_${command.c_name}, ${" | ".join(command.options) or "0"}, ${command.features});
${gen_endif(command.condition)}\
% endfor
}
</%c:c_file>\
