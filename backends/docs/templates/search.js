// Search box of the QMP reference manual: filters the index in search-index.js (no server needed).
"use strict";
(function () {
  const entries = window.QAPI_SEARCH_INDEX || [];
  const box = document.getElementById("search-box");
  const list = document.getElementById("search-results");
  if (!box || !list) {
    return;
  }
  const LIMIT = 50;

  function matches(query) {
    const q = query.toLowerCase();
    const prefix = [];
    const inside = [];
    for (const entry of entries) {
      const at = entry.name.toLowerCase().indexOf(q);
      if (at === 0) {
        prefix.push(entry);
      } else if (at > 0) {
        inside.push(entry);
      }
    }
    return prefix.concat(inside).slice(0, LIMIT);
  }

  function show() {
    const query = box.value.trim();
    list.replaceChildren();
    if (!query) {
      list.hidden = true;
      return;
    }
    const found = matches(query);
    for (const entry of found) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = entry.url;
      const code = document.createElement("code");
      code.textContent = entry.name;
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = " " + entry.kind;
      link.append(code, kind);
      item.append(link);
      list.append(item);
    }
    if (!found.length) {
      const item = document.createElement("li");
      item.textContent = "No match";
      list.append(item);
    }
    list.hidden = false;
  }

  box.addEventListener("input", show);
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      box.value = "";
      show();
    }
  });
})();
