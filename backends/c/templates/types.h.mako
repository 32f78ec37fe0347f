<%doc>
    qapi-types[-MODULE].h: enums and forward declarations first, then struct
    definitions, upcasts and free functions.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%! from qapi_backends.c.naming import c_decl %>\
<%! from qapi_backends.c.cond import gen_endif, gen_if, wrap_if %>\
<%def name="fields(fields, indent='    ')">\
% for f in fields:
${gen_if(f.condition)}\
% if f.has_flag:
${indent}bool has_${f.c_name};
% endif
${indent}${c_decl(f.c_type, f.c_name)};
${gen_endif(f.condition)}\
% endfor
</%def>\
<%def name="struct(s)">\

${gen_if(s.condition)}\
struct ${s.c_name} {
% if s.base:
    /* Members inherited from ${s.base}: */
% endif
${fields(s.base_fields)}\
% if s.base:
    /* Own members: */
% endif
${fields(s.fields)}\
% if s.tag is not None:
    union { /* union tag is @${s.tag} */
${fields(s.branches, ' ' * 8)}\
    } u;
% endif
% if s.dummy:
    char qapi_dummy_for_empty_struct;
% endif
};
${gen_endif(s.condition)}\
</%def>\
<%def name="enum(e)">\

typedef enum ${e.c_name} {
% for v in e.values:
${gen_if(v.condition)}\
    ${v.const},
${gen_endif(v.condition)}\
% endfor
    ${e.max},
} ${e.c_name};

#define ${e.c_name}_str(val) ${"\\"}
    qapi_enum_lookup(&${e.c_name}_lookup, (val))

extern const QEnumLookup ${e.c_name}_lookup;
</%def>\
<%def name="cleanup_decl(name)">\

void qapi_free_${name}(${name} *obj);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(${name}, qapi_free_${name})
</%def>\
<%c:h_file fname="${fname}" banner="${banner}">\
% if builtin:
#include "qapi/util.h"
% else:
#include "qapi/qapi-builtin-types.h"
% endif
% for e in entities:
% if e.kind == "include":
#include "${e.include}.h"
% elif e.kind == "enum":
${wrap_if(e.condition, capture(enum, e.enum))}\
% else:

${gen_if(e.condition)}\
typedef struct ${e.c_name} ${e.c_name};
${gen_endif(e.condition)}\
% endif
% endfor
% for e in entities:
% if e.kind == "array":

${gen_if(e.condition)}\
struct ${e.c_name} {
    ${e.c_name} *next;
    ${c_decl(e.element_type, "value")};
};
${cleanup_decl(e.c_name)}\
${gen_endif(e.condition)}\
% elif e.kind in ("object", "alternate"):
% for s in e.structs:
${struct(s)}\
% endfor
<%c:if_wrap cond="${e.condition}">\
% if e.upcast_base:

static inline ${e.upcast_base} *qapi_${e.c_name}_base(const ${e.c_name} *obj)
{
    return (${e.upcast_base} *)obj;
}
% endif
% if e.cleanup:
${cleanup_decl(e.c_name)}\
% endif
</%c:if_wrap>\
% endif
% endfor
</%c:h_file>\
