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
<%def name="permalink(anchor, name)">\
<a class="permalink" href="#${anchor | h}" title="Link to this place" aria-label="Link to ${name | h}">¶</a>\
</%def>
<%def name="badges(names)">\
% for name in names:
 <span class="badge badge-${name | h}">${name | h}</span>\
% endfor
</%def>
<%def name="description(prose)">\
% if prose.html:
${prose.html | n}\
% else:
<p class="undocumented">Not documented.</p>\
% endif
</%def>
<%def name="rows_table(table)">\
<table class="members">
<thead><tr><th scope="col">Name</th>\
% for column in table.columns:
<th scope="col">${column | h}</th>\
% endfor
<th scope="col">Description</th></tr></thead>
<tbody>
% for row in table.rows:
<tr${' id="%s"' % row.anchor if row.anchor else '' | n}${' class="new"' if row.is_new else '' | n}>\
<th scope="row" class="name"><code>${row.name | h}</code>\
% if row.is_new:
 <span class="badge badge-new">new</span>\
% endif
% if row.anchor:
${permalink(row.anchor, row.name)}\
% endif
</th>\
% for column in table.columns:
<td class="${column.lower() | h}"${'' if column == "Optional" else ' data-label="%s"' % column | n}>\
%   if column == "Type":
${type_ref(row.type) if row.type else ''}\
%   elif column == "Optional":
${'optional' if row.optional else 'mandatory'}\
%   elif column == "Condition" and row.condition:
only when ${row.condition | h}\
%   elif column == "Features":
${badges(row.features)}\
%   endif
</td>\
% endfor
<td class="description">${description(row.description)}\
% if row.inherited_from:
<p class="inherited">inherited from ${type_ref(row.inherited_from)}</p>\
% endif
</td></tr>
% endfor
</tbody>
</table>
</%def>
<%def name="definition(d)">\
<% sub = min(d.level + 1, 6) %>\
<section class="definition${' new' if d.is_new else ''}" id="${d.anchor | h}">
<div class="definition-head"><h${d.level} class="definition-title"><span class="kind">${d.kind | h}</span> <code>${d.name | h}</code>${badges(d.badges)}\
% if d.is_new:
 <span class="badge badge-new">new</span>\
% endif
${permalink(d.anchor, d.name)}\
</h${d.level}>\
% if d.since:
<p class="since">Since ${d.since | h}</p>\
% endif
% for text, url in d.history_notes:
%   if url:
<p class="since"><a href="${url | h}">${text | h}</a></p>\
%   else:
<p class="since">${text | h}</p>\
%   endif
% endfor
</div>
% if d.condition:
<p class="condition">Available only when ${d.condition | h}.</p>
% endif
${d.body.html | n}
% if d.members_of and not d.rows:
<h${sub}>${d.members_title | h}</h${sub}>
<p class="members-of">The members of ${type_ref(d.members_of)}.</p>
% elif d.rows:
<h${sub}>${d.members_title | h}\
%   if d.members_of:
: the members of ${type_ref(d.members_of)}\
%   endif
</h${sub}>
${rows_table(d.table)}
% endif
% if d.branches:
<div class="branches">
% for branch in d.branches:
<details class="branch"><summary>When <code>${d.branches_tag | h}</code> is <code>${branch.value | h}</code>: \
the members of ${type_ref(branch.type)}\
% if branch.condition:
 (only when ${branch.condition | h})\
% endif
</summary>
%   if branch.table.rows:
${rows_table(branch.table)}
%   else:
<p class="no-members">No further members.</p>
%   endif
</details>
% endfor
</div>
% endif
% if d.returns:
<h${sub}>Returns</h${sub}>
<p class="returns">${type_ref(d.returns)}</p>
%   if d.returns_text:
${d.returns_text.html | n}
%   endif
% endif
% if d.features:
<h${sub}>Features</h${sub}>
<dl class="features">
%   for feature in d.features:
<dt>\
%     if feature.is_special:
${capture(badges, [feature.name]) | trim}\
%     else:
<code>${feature.name | h}</code>\
%     endif
%     if feature.condition:
 (only when ${feature.condition | h})\
%     endif
%     if feature.members:
 <span class="carried">on member${'s' if len(feature.members) > 1 else ''} \
%       for member in feature.members:
${', ' if not loop.first else ''}\
%         if member.url:
<a href="${member.url | h}"><code>${member.name | h}</code></a>\
%         else:
<code>${member.name | h}</code>\
%         endif
%       endfor
</span>\
%     endif
</dt><dd>${description(feature.description)}</dd>
%   endfor
</dl>
% endif
% for section in d.sections:
%   if section.title:
<h${sub}>${section.title | h}</h${sub}>
%   endif
${section.body.html | n}
% endfor
</section>
</%def>
