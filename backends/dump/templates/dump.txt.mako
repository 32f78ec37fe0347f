<%def name="ifcond(condition, indent)">\
% if condition is not None:
${" " * indent}if ${cond(condition)}
% endif
</%def>\
<%def name="features(items, indent)">\
% for f in items:
${" " * indent}feature ${f.name}
${ifcond(f.condition, indent + 4)}\
% endfor
</%def>\
<%def name="branches(tag, items)">\
    tag ${tag}
% for b in items:
    case ${b.name}: ${b.type}
${ifcond(b.condition, 8)}\
% endfor
</%def>\
% for module_name, entities in modules:
module ${module_name}
% for e in entities:
% if isinstance(e, ir.Include):
include ${e.target}
% elif isinstance(e, ir.EnumType):
enum ${e.name}
% if e.prefix:
    prefix ${e.prefix}
% endif
% for v in e.values:
    member ${v.name}
${ifcond(v.condition, 8)}\
${features(v.features, 8)}\
% endfor
${ifcond(e.condition, 4)}\
${features(e.features, 4)}\
% elif isinstance(e, ir.ArrayType):
array ${e.name} ${e.element_type}
${ifcond(e.condition, 4)}\
% elif isinstance(e, ir.ObjectType):
object ${e.name}
% if e.base:
    base ${e.base}
% endif
% for m in e.members:
    member ${m.name}: ${m.type} optional=${m.optional}
${ifcond(m.condition, 8)}\
${features(m.features, 8)}\
% endfor
% if e.variants:
${branches(e.variants.tag, e.variants.branches)}\
% endif
${ifcond(e.condition, 4)}\
${features(e.features, 4)}\
% elif isinstance(e, ir.AlternateType):
alternate ${e.name}
${branches("type", e.branches)}\
${ifcond(e.condition, 4)}\
${features(e.features, 4)}\
% elif isinstance(e, ir.Command):
command ${e.name} ${e.arg_type} -> ${e.ret_type}
    ${flags_text(e)}
${ifcond(e.condition, 4)}\
${features(e.features, 4)}\
% elif isinstance(e, ir.Event):
event ${e.name} ${e.arg_type}
    ${flags_text(e)}
${ifcond(e.condition, 4)}\
${features(e.features, 4)}\
% endif
% endfor
% endfor
% for doc in docs:
% if doc.symbol:
doc symbol=${doc.symbol}
% else:
doc freeform
% endif
    body=
${doc.body.text}
% for s in doc.args:
    arg=${s.name}
${s.text}
% endfor
% for s in doc.features:
    feature=${s.name}
${s.text}
% endfor
% for s in doc.sections:
    section=${s.kind}
${s.text}
% endfor
% endfor
