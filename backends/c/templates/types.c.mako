<%doc>
    qapi-types[-MODULE].c: enum lookup tables and free functions.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%! from qapi_backends.c.cond import gen_endif, gen_if, wrap_if %>\
<%def name="lookup(e)">\

const QEnumLookup ${e.c_name}_lookup = {
    .array = (const char *const[]) {
% for v in e.values:
${gen_if(v.condition)}\
        [${v.const}] = "${v.name}",
${gen_endif(v.condition)}\
% endfor
% if e.featured_values:
    },
    .features = (const uint64_t[${e.max}]) {
% for v in e.featured_values:
        [${v.const}] = ${v.features},
% endfor
% endif
    },
    .size = ${e.max}
};
</%def>\
<%def name="cleanup(name)">\

void qapi_free_${name}(${name} *obj)
{
    Visitor *v;

    if (!obj) {
        return;
    }

    v = qapi_dealloc_visitor_new();
    visit_type_${name}(v, NULL, &obj, NULL);
    visit_free(v);
}
</%def>\
<%c:c_file fname="${fname}" banner="${banner}">\
#include "qemu/osdep.h"
#include "qapi/dealloc-visitor.h"
% if builtin:
#include "qapi/qapi-builtin-types.h"
#include "qapi/qapi-builtin-visit.h"
% else:
#include "${types_h}.h"
#include "${visit_h}.h"
#include "${features_h}.h"
% endif
% for e in entities:
% if e.kind == "enum":
${wrap_if(e.condition, capture(lookup, e.enum))}\
% elif e.cleanup:
${wrap_if(e.condition, capture(cleanup, e.c_name))}\
% endif
% endfor
</%c:c_file>\
