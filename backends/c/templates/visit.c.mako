<%doc>
    qapi-visit[-MODULE].c: visitor functions for enums, arrays, objects and
    alternates.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%! from qapi_backends.c.cond import gen_endif, gen_if, wrap_if %>\
<%def name="visit_member(m)">\
<%
    outer = "    " if m.optional else ""
    inner = outer + ("    " if m.features != "0" else "")
%>\
% if m.optional:
    if (visit_optional(v, "${m.name}", &${m.has})) {
% endif
% if m.features != "0":
${outer}    if (visit_policy_reject(v, "${m.name}", ${m.features}, errp)) {
${outer}        return false;
${outer}    }
${outer}    if (!visit_policy_skip(v, "${m.name}", ${m.features})) {
% endif
${inner}    if (!visit_type_${m.visit_type}(v, "${m.name}", &obj->${m.c_name}, errp)) {
${inner}        return false;
${inner}    }
% if m.features != "0":
${outer}    }
% endif
% if m.optional:
    }
% endif
</%def>\
<%def name="visit_members(e)">
bool visit_type_${e.c_name}_members(Visitor *v, ${e.c_name} *obj, Error **errp)
{
% for m in e.local_has_members:
${gen_if(m.condition)}\
    bool has_${m.c_name} = !!obj->${m.c_name};
${gen_endif(m.condition)}\
% endfor
% if e.local_has_members:

% endif
% if e.base:
    if (!visit_type_${e.base}_members(v, (${e.base} *)obj, errp)) {
        return false;
    }
% endif
% for m in e.members:
${gen_if(m.condition)}${visit_member(m)}${gen_endif(m.condition)}\
% endfor
% if e.tag is not None:
    switch (obj->${e.tag}) {
% for case in e.cases:
${gen_if(case.condition)}\
    case ${case.label}:
% if case.visit_type is None:
        break;
% else:
        return visit_type_${case.visit_type}_members(v, &obj->u.${case.c_name}, errp);
% endif
${gen_endif(case.condition)}\
% endfor
    default:
        abort();
    }
% endif
    return true;
}
</%def>\
<%def name="visit_object(name)">
bool visit_type_${name}(Visitor *v, const char *name,
                 ${name} **obj, Error **errp)
{
    bool ok = false;

    if (!visit_start_struct(v, name, (void **)obj, sizeof(${name}), errp)) {
        return false;
    }
    if (!*obj) {
        /* incomplete */
        assert(visit_is_dealloc(v));
        ok = true;
        goto out_obj;
    }
    if (!visit_type_${name}_members(v, *obj, errp)) {
        goto out_obj;
    }
    ok = visit_check_struct(v, errp);
out_obj:
    visit_end_struct(v, (void **)obj);
    if (!ok && visit_is_input(v)) {
        qapi_free_${name}(*obj);
        *obj = NULL;
    }
    return ok;
}
</%def>\
<%def name="visit_enum(name)">
bool visit_type_${name}(Visitor *v, const char *name,
                 ${name} *obj, Error **errp)
{
    int value = *obj;
    bool ok = visit_type_enum(v, name, &value, &${name}_lookup, errp);
    *obj = value;
    return ok;
}
</%def>\
<%def name="visit_list(e)">
bool visit_type_${e.c_name}(Visitor *v, const char *name,
                 ${e.c_name} **obj, Error **errp)
{
    bool ok = false;
    ${e.c_name} *tail;
    size_t size = sizeof(**obj);

    if (!visit_start_list(v, name, (GenericList **)obj, size, errp)) {
        return false;
    }

    for (tail = *obj; tail;
         tail = (${e.c_name} *)visit_next_list(v, (GenericList *)tail, size)) {
        if (!visit_type_${e.element}(v, NULL, &tail->value, errp)) {
            goto out_obj;
        }
    }

    ok = visit_check_list(v, errp);
out_obj:
    visit_end_list(v, (void **)obj);
    if (!ok && visit_is_input(v)) {
        qapi_free_${e.c_name}(*obj);
        *obj = NULL;
    }
    return ok;
}
</%def>\
<%def name="visit_alternate(e)">
bool visit_type_${e.c_name}(Visitor *v, const char *name,
                 ${e.c_name} **obj, Error **errp)
{
    bool ok = false;

    if (!visit_start_alternate(v, name, (GenericAlternate **)obj,
                               sizeof(**obj), errp)) {
        return false;
    }
    if (!*obj) {
        /* incomplete */
        assert(visit_is_dealloc(v));
        ok = true;
        goto out_obj;
    }
    switch ((*obj)->type) {
% for case in e.cases:
<%c:if_wrap cond="${case.condition}">\
    case ${case.label}:
% if case.is_object:
        if (!visit_start_struct(v, name, NULL, 0, errp)) {
            break;
        }
        if (visit_type_${case.visit_type}_members(v, &(*obj)->u.${case.c_name}, errp)) {
            ok = visit_check_struct(v, errp);
        }
        visit_end_struct(v, NULL);
% else:
        ok = visit_type_${case.visit_type}(v, name, &(*obj)->u.${case.c_name}, errp);
% endif
        break;
</%c:if_wrap>\
% endfor
    case QTYPE_NONE:
        abort();
    default:
        assert(visit_is_input(v));
        error_setg(errp,
                   "Invalid parameter type for '%s', expected: ${e.name}",
                   name ? name : "null");
        /* Avoid passing invalid *obj to qapi_free_${e.c_name}() */
        g_free(*obj);
        *obj = NULL;
    }
out_obj:
    visit_end_alternate(v, (void **)obj);
    if (!ok && visit_is_input(v)) {
        qapi_free_${e.c_name}(*obj);
        *obj = NULL;
    }
    return ok;
}
</%def>\
<%def name="object_functions(e)">${visit_members(e)}\
% if not e.implicit:
${visit_object(e.c_name)}\
% endif
</%def>\
<%c:c_file fname="${fname}" banner="${banner}">\
#include "qemu/osdep.h"
#include "qapi/error.h"
% if builtin:
#include "qapi/qapi-builtin-visit.h"
% else:
#include "${visit_h}.h"
#include "${features_h}.h"
% endif
% for e in entities:
% if e.kind == "enum":
${wrap_if(e.condition, capture(visit_enum, e.c_name))}\
% elif e.kind == "array":
${wrap_if(e.condition, capture(visit_list, e))}\
% elif e.kind == "alternate":
${wrap_if(e.condition, capture(visit_alternate, e))}\
% elif e.kind == "object":
${wrap_if(e.condition, capture(object_functions, e))}\
% endif
% endfor
</%c:c_file>\
