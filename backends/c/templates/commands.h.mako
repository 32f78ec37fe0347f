<%doc>
    qapi-commands[-MODULE].h: handler and marshaller declarations.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%namespace name="cmd" file="commands_common.mako"/>\
<%! from qapi_backends.c.naming import c_decl %>\
<%! from qapi_backends.c.cond import gen_endif, gen_if %>\
<%c:h_file fname="${fname}" banner="${banner}">\
% for include in includes:
#include "${include}.h"
% endfor
#include "${types_h}.h"

% for command in commands:
${gen_if(command.condition)}\
${c_decl(command.ret_c_type or "void", ("coroutine_fn " if command.coroutine else "") + "qmp_" + command.c_name)}(${cmd.params(command.args, "Error **errp")});
${cmd.marshal_proto(command)};
${gen_endif(command.condition)}\
% endfor
</%c:h_file>\
