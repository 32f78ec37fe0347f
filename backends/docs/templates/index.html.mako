<%namespace name="layout" file="layout.mako"/>\
<%layout:page title="Index">
<h1>${manual_title | h}</h1>
<section id="modules" aria-labelledby="modules-title">
<h2 id="modules-title">Modules</h2>
<div class="toc">
${layout.outline(modules)}\
</div>
</section>
<section id="definitions" aria-labelledby="definitions-title">
<h2 id="definitions-title">All commands, events and types</h2>
<p class="jump-groups">\
% for group in groups:
${' · ' if not loop.first else ''}<a href="#${group.anchor | h}">${group.title | h}</a>\
% endfor
 · <a href="#builtin-types">Built-in types</a></p>
% for group in groups:
<section class="index-group" id="${group.anchor | h}" aria-labelledby="${group.anchor | h}-title">
<h3 id="${group.anchor | h}-title">${group.title | h}</h3>
<nav class="az" aria-label="${group.title | h} by first letter">\
% for letter, _ in group.letters:
<a href="#${group.anchor | h}-${letter.lower() if letter != '#' else 'other' | h}">${letter | h}</a>\
% endfor
</nav>
%   for letter, entries in group.letters:
<h4 id="${group.anchor | h}-${letter.lower() if letter != '#' else 'other' | h}" class="letter">${letter | h}</h4>
<ul class="alphabetical">
%     for entry in entries:
  <li><a href="${entry.url | h}"><code>${entry.name | h}</code></a>\
%       if group.anchor == "types":
 <span class="kind">${entry.kind | h}</span>\
%       endif
</li>
%     endfor
</ul>
%   endfor
</section>
% endfor
</section>
<section id="builtin-types" aria-labelledby="builtin-types-title">
<h2 id="builtin-types-title">Built-in types</h2>
<p>The types every schema has; a type in a table links here when it is one of these.</p>
<dl class="builtins">
% for builtin in builtins:
<dt id="${builtin.anchor | h}"><code>${builtin.name | h}</code> <span class="kind">JSON ${builtin.json_type | h}</span></dt><dd>${builtin.meaning | h}</dd>
% endfor
</dl>
</section>
</%layout:page>
