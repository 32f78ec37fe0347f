<%namespace name="layout" file="layout.mako"/>\
<%layout:page title="Index" modules="${pages}">
<h1>${manual_title | h}</h1>
<section id="modules">
<h2>Modules</h2>
<ul class="toc">
% for page in pages:
  <li><a href="${page.file | h}">${page.title | h}</a>
%   if len(page.headings) > 1:
    <ul>
%     for heading in page.headings[1:]:
      <li class="level-${heading.level}"><a href="${page.file | h}#${heading.anchor | h}">${heading.title | h}</a></li>
%     endfor
    </ul>
%   endif
  </li>
% endfor
</ul>
</section>
<section id="definitions">
<h2>All commands, events and types</h2>
<ul class="alphabetical">
% for entry in entries:
  <li><a href="${entry.url | h}"><code>${entry.name | h}</code></a> <span class="kind">${entry.kind | h}</span></li>
% endfor
</ul>
</section>
</%layout:page>
