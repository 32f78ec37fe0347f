<%doc>
    Defs shared by the command and event templates: the C parameter list of
    a handler or event sender (QEMU's build_params) and the marshaller
    prototype.  Import with <%namespace name="cmd" file="commands_common.mako"/>.
</%doc>\
<%! from qapi_backends.c.naming import c_decl %>\
## The parameters of a function taking `args` (an ArgsView), then `extra`.
<%def name="params(args, extra=None)"><%
    parts = [c_decl(args.boxed_type, "arg")] if args.boxed else []
    for p in args.params:
        has = f"bool has_{p.c_name}, " if p.has_flag else ""
        parts.append(has + c_decl(p.c_type, p.c_name))
    if extra:
        parts.append(extra)
%>${", ".join(parts) or "void"}</%def>\
## The prototype of the QMP marshaller of command view `command`.
<%def name="marshal_proto(command)">\
void ${"coroutine_fn " if command.coroutine else ""}qmp_marshal_${command.c_name}(QDict *args, QObject **ret, Error **errp)\
</%def>\
