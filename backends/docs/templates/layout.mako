## The frame every page shares: head, search box, navigation.
<%def name="page(title, modules)">\
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
<header class="top">
  <a class="home" href="index.html">${manual_title | h}</a>
  <div class="search">
    <input id="search-box" type="search" placeholder="Search commands, events, types" \
autocomplete="off" aria-label="Search">
    <ul id="search-results" hidden></ul>
  </div>
</header>
<div class="frame">
<nav class="modules">
  <ul>
% for page in modules:
    <li><a href="${page.file | h}">${page.title | h}</a></li>
% endfor
  </ul>
</nav>
<main>
${caller.body()}
</main>
</div>
</body>
</html>
</%def>
