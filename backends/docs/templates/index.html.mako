<%namespace name="layout" file="layout.mako"/>\
<%layout:page title="Index" modules="${pages}">
<h1>${manual_title | h}</h1>
<section id="modules" aria-labelledby="modules-title">
<h2 id="modules-title">Modules</h2>
<div class="toc">
% for page in pages:
${layout.outline(page.sections())}\
% endfor
</div>
</section>
<section id="definitions" aria-labelledby="definitions-title">
<h2 id="definitions-title">All commands, events and types</h2>
<ul class="alphabetical">
% for entry in entries:
  <li><a href="${entry.url | h}"><code>${entry.name | h}</code></a> <span class="kind">${entry.kind | h}</span></li>
% endfor
</ul>
</section>
</%layout:page>
