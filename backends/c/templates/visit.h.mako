<%doc>
    qapi-visit[-MODULE].h: visitor declarations; include directives come first.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
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
<%c:if_wrap cond="${e.condition}">${visit_decl(e.c_name, '*')}</%c:if_wrap>\
% elif e.kind in ("array", "alternate"):
<%c:if_wrap cond="${e.condition}">${visit_decl(e.c_name)}</%c:if_wrap>\
% elif e.kind == "object":
<%c:if_wrap cond="${e.condition}">
bool visit_type_${e.c_name}_members(Visitor *v, ${e.c_name} *obj, Error **errp);
% if not e.implicit:
${visit_decl(e.c_name)}\
% endif
</%c:if_wrap>\
% endif
% endfor
</%c:h_file>\
