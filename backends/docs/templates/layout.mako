## The frame every page shares: head, search box, navigation, table of contents.
<%def name="outline(nodes)">\
<ul>
% for node in nodes:
<li><a href="${node.url | h}">\
%   if node.kind:
<code>${node.title | h}</code>\
%   else:
${node.title | h}\
%   endif
</a>\
%   if node.children:

${outline(node.children)}\
%   endif
</li>
% endfor
</ul>
</%def>
<%def name="page(title, modules, current=None, contents=())">\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title | h} — ${manual_title | h}</title>
<link rel="stylesheet" href="style.css">
<script src="search-index.js"></script>
<script src="search.js" defer></script>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="top">
  <a class="home" href="index.html">${manual_title | h}</a>
  <div class="search" role="search">
    <input id="search-box" type="text" placeholder="Search names, members, features, text" \
autocomplete="off" spellcheck="false" aria-label="Search the manual" role="combobox" \
aria-expanded="false" aria-controls="search-results" aria-autocomplete="list">
    <div id="search-panel" hidden>
      <p id="search-status" role="status" aria-live="polite"></p>
      <ul id="search-results" role="listbox" aria-label="Search results"></ul>
    </div>
  </div>
</header>
<div class="frame">
<nav class="modules" aria-label="Modules">
<details class="fold" open><summary>Modules</summary>
  <ul>
% for page in modules:
    <li><a href="${page.file | h}"${' aria-current="page"' if page.file == current else '' | n}>${page.title | h}</a></li>
% endfor
  </ul>
</details>
</nav>
% if contents:
<nav class="contents" aria-label="On this page">
<details class="fold" open><summary>On this page</summary>
${outline(contents)}\
</details>
</nav>
% endif
<main id="content">
${caller.body()}
</main>
</div>
</body>
</html>
</%def>
