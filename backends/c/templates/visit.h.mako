<%doc>
    qapi-visit[-MODULE].h: visitor declarations; include directives come first.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%! from qapi_backends.c.cond import gen_endif, gen_if, wrap_if %>\
<%def name="visit_decl(name, ptr='**')">
bool visit_type_${name}(Visitor *v, const char *name,
                 ${name} ${ptr}obj, Error **errp);
</%def>\
<%c:h_file fname="${fname}" banner="${banner}">\
% if builtin:
#include "qapi/visitor.h"
#include "qapi/qapi-builtin-types.h"
% else:
#include "qapi/qapi-builtin-visit.h"
#include "${types_h}.h"
% endif

% for e in entities:
% if e.kind == "include":
#include "${e.include}.h"
% endif
% endfor
% for e in entities:
% if e.kind == "enum":
${wrap_if(e.condition, capture(visit_decl, e.c_name, '*'))}\
% elif e.kind in ("array", "alternate"):
${wrap_if(e.condition, capture(visit_decl, e.c_name))}\
% elif e.kind == "object":

${gen_if(e.condition)}\
bool visit_type_${e.c_name}_members(Visitor *v, ${e.c_name} *obj, Error **errp);
% if not e.implicit:
${visit_decl(e.c_name)}\
% endif
${gen_endif(e.condition)}\
% endif
% endfor
</%c:h_file>\
