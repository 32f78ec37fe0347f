## One definition's section; shared pieces as defs.
<%def name="type_ref(ref)">\
<% inner = capture(type_name, ref) %>\
% if ref.is_array:
[${inner | n}]\
% else:
${inner | n}\
% endif
</%def>
<%def name="type_name(ref)">\
% if ref.url:
<a href="${ref.url | h}"><code>${ref.name | h}</code></a>\
% else:
<code class="builtin">${ref.name | h}</code>\
% endif
</%def>
<%def name="badges(names)">\
% for name in names:
 <span class="badge badge-${name | h}">${name | h}</span>\
% endfor
</%def>
<%def name="rows_table(rows, with_type)">\
<table class="members">
<thead><tr><th>Name</th>\
% if with_type:
<th>Type</th><th>Optional</th>\
% endif
<th>Condition</th><th>Features</th><th>Description</th></tr></thead>
<tbody>
% for row in rows:
<tr${' id="%s"' % row.anchor if row.anchor else '' | n}${' class="new"' if row.is_new else '' | n}>\
<td><code>${row.name | h}</code>\
% if row.is_new:
 <span class="badge badge-new">new</span>\
% endif
</td>\
% if with_type:
<td>${type_ref(row.type)}</td><td>${'optional' if row.optional else 'mandatory'}</td>\
% endif
<td>\
% if row.condition:
only when ${row.condition | h}\
% endif
</td><td>${badges(row.features)}</td><td>${row.description.html | n}\
% if row.inherited_from:
<p class="inherited">inherited from ${type_ref(row.inherited_from)}</p>\
% endif
</td></tr>
% endfor
</tbody>
</table>
</%def>
<%def name="definition(d)">\
<section class="definition${' new' if d.is_new else ''}" id="${d.anchor | h}">
<h2><span class="kind">${d.kind | h}</span> <code>${d.name | h}</code>${badges(d.badges)}\
% if d.is_new:
 <span class="badge badge-new">new</span>\
% endif
</h2>
% if d.condition:
<p class="condition">Available only when ${d.condition | h}.</p>
% endif
${d.body.html | n}
% if d.rows:
<h3>${d.members_title | h}</h3>
${rows_table(d.rows, d.kind != "Enum")}
% endif
% for branch in d.branches:
<h4 class="branch">When <code>${d.branches_tag | h}</code> is <code>${branch.value | h}</code>: \
the members of ${type_ref(branch.type)}\
% if branch.condition:
 (only when ${branch.condition | h})\
% endif
</h4>
%   if branch.rows:
${rows_table(branch.rows, True)}
%   endif
% endfor
% if d.returns:
<h3>Returns</h3>
<p class="returns">${type_ref(d.returns)}</p>
%   if d.returns_text:
${d.returns_text.html | n}
%   endif
% endif
% if d.features:
<h3>Features</h3>
<dl class="features">
%   for feature in d.features:
<dt><code>${feature.name | h}</code>${badges([feature.name] if feature.is_special else [])}\
%     if feature.condition:
 (only when ${feature.condition | h})\
%     endif
</dt><dd>${feature.description.html | n}</dd>
%   endfor
</dl>
% endif
% for section in d.sections:
%   if section.title:
<h3>${section.title | h}</h3>
%   endif
${section.body.html | n}
% endfor
% if d.since:
<p class="since">Since: ${d.since | h}</p>
% endif
</section>
</%def>
