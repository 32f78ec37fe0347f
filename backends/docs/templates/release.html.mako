## A release's page: what changed for clients since the release given before it; and the
## list of those pages (releases.html), when ``change_page`` is None.
<%namespace name="layout" file="layout.mako"/>\
% if change_page is None:
<%layout:page title="Releases">
<h1>Releases</h1>
<ul>
% for item in releases:
<li><a href="${item.file | h}">${item.title | h}</a> (since ${item.previous | h})</li>
% endfor
</ul>
</%layout:page>
% else:
<%layout:page title="${change_page.title}">
<h1>${change_page.title | h}</h1>
<p>What changed for clients from ${change_page.previous | h} to ${change_page.label | h}.</p>
% if not change_page.events:
<p>No changes.</p>
% endif
% for event, rows in change_page.events:
<h2>${event.capitalize() | h}</h2>
<table>
<thead><tr><th>Kind</th><th>Where</th><th>Change</th></tr></thead>
<tbody>
% for row in rows:
<tr><td>${row.kind | h}</td><td><code>\
% if row.url:
<a href="${row.url | h}">${row.definition | h}</a>\
% else:
${row.definition | h}\
% endif
${row.place | h}\
</code></td><td>${row.detail | h}</td></tr>
% endfor
</tbody>
</table>
% endfor
</%layout:page>
% endif
