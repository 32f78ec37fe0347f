<%namespace name="layout" file="layout.mako"/>\
<%namespace name="defs" file="definition.mako"/>\
<%layout:page title="${page.title}" current="${page.file}" contents="${page.contents()}">
% if not page.headings:
<h1>${page.title | h}</h1>
% endif
% for item in page.items:
%   if hasattr(item, "headings"):
<div class="freeform">\
%     if item.title:
<h${item.title.level} id="${item.title.anchor | h}">${item.title.title | h}</h${item.title.level}>
%     endif
${item.body.html | n}</div>
%   else:
${defs.definition(item)}
%   endif
% endfor
</%layout:page>
