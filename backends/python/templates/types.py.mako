<%namespace file="common.mako" import="docstring, comment, header, declare, wire_names, call"/>\
${header("Types of schema module ``" + schema_module + "``: enumerations, structs, unions, alternates.", imports)}\
% for enum in enums:


class ${enum.name}(QAPIEnum):
${docstring(enum.doc, 4)}\

% for name, wire in enum.members:
    ${name} = "${wire}"
% endfor
% endfor
% for cls in classes:


class ${cls.name}(QAPIObject):
${docstring(cls.doc, 4)}\
% if cls.wire_names:

${wire_names(cls.wire_names)}\
% endif
% if cls.fields:

% endif
% for f in cls.fields:
${declare(f, 4)}\
% endfor
% for branch in cls.branches:


class ${branch.name}(${cls.name}):
${docstring(branch.doc, 4)}\
% if branch.wire_names:

${wire_names(branch.wire_names)}\
% endif

${call(4, cls.tag.name + ": " + cls.tag_enum + " = fixed", "default=" + branch.tag_constant)}\
% for f in branch.fields:
${declare(f, 4)}\
% endfor
% endfor
% endfor
% for alt in alternates:


${comment(alt.doc)}\
${alt.name}: TypeAlias = "${alt.annotation}"
% endfor
