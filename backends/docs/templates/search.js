// Search box of the QMP reference manual: searches the index in search-index.js (no server
// needed) for definitions, members, features and words of the text, ranked in that order.
// Keyboard: arrows move through the results, Enter opens one, Escape closes the list.
"use strict";
(function () {
  const index = window.QAPI_SEARCH_INDEX
    || {definitions: [], members: [], features: [], words: {}, stop: []};
  const box = document.getElementById("search-box");
  const panel = document.getElementById("search-panel");
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const LIMIT = 50;
  let prepared = null;
  let active = -1;

  // Narrow screens start with the navigation folded.
  if (window.matchMedia("(max-width: 56em)").matches) {
    for (const fold of document.querySelectorAll("details.fold")) {
      fold.open = false;
    }
  }
  if (!box || !panel || !list || !status) {
    return;
  }

  // Names compare in lower case with "_" as "-": blockdev_add finds blockdev-add.
  function normal(text) {
    return text.toLowerCase().replace(/_/g, "-").trim();
  }

  function prepare() {
    const names = index.definitions.map((d) => normal(d[0]));
    return {
      names: names,
      members: index.members.map((m) => normal(m[0])),
      features: index.features.map((f) => normal(f[0])),
      words: Object.keys(index.words),
      stop: new Set(index.stop),
    };
  }

  // How well a name matches: 0 exact, 1 prefix, 2 inside, -1 not at all.
  function grade(name, query) {
    const at = name.indexOf(query);
    return at < 0 ? -1 : (name === query ? 0 : (at === 0 ? 1 : 2));
  }

  function definitionHit(i, rank, note) {
    const d = index.definitions[i];
    return {rank: rank, name: d[0], kind: d[1], url: d[2], note: note};
  }

  function partHit(part, rank, label) {
    const d = index.definitions[part[1]];
    return {rank: rank, name: part[0], kind: label, url: part[2], note: "in " + d[0]};
  }

  function textHits(query) {
    const terms = query.split(/[^a-z0-9]+/)
      .filter((t) => t.length > 1 && !prepared.stop.has(t));
    if (!terms.length) {
      return [];
    }
    let found = null;
    terms.forEach(function (term, n) {
      // The last word may be unfinished: it matches as a prefix.
      const keys = n === terms.length - 1
        ? prepared.words.filter((w) => w.startsWith(term)) : [term];
      const here = new Set();
      for (const key of keys) {
        for (const i of index.words[key] || []) {
          here.add(i);
        }
      }
      found = found === null ? here : new Set([...found].filter((i) => here.has(i)));
    });
    return [...found].sort((a, b) => a - b);
  }

  // Rank of a hit: exact name 0, name prefix 1, member 2 (exact, then prefix), feature 3,
  // the query inside a name 4 or inside a member name 5, words of the text 6.
  const NAME_RANK = [0, 1, 4];
  const MEMBER_RANK = [2, 2.5, 5];

  function matches(query) {
    const q = normal(query);
    const hits = [];
    const named = new Set();
    prepared.names.forEach(function (name, i) {
      const g = grade(name, q);
      if (g >= 0) {
        hits.push(definitionHit(i, NAME_RANK[g], ""));
        named.add(i);
      }
    });
    prepared.members.forEach(function (name, i) {
      const g = grade(name, q);
      if (g >= 0) {
        hits.push(partHit(index.members[i], MEMBER_RANK[g], "member"));
      }
    });
    prepared.features.forEach(function (name, i) {
      const g = grade(name, q);
      if (g >= 0 && g < 2) {
        hits.push(partHit(index.features[i], 3 + g / 10, "feature"));
      }
    });
    for (const i of textHits(q)) {
      if (!named.has(i)) {
        hits.push(definitionHit(i, 6, "(words of its text)"));
      }
    }
    return hits.sort((a, b) => a.rank - b.rank);  // stable: names stay alphabetical
  }

  function option(hit, n) {
    const item = document.createElement("li");
    item.setAttribute("role", "none");
    const link = document.createElement("a");
    link.href = hit.url;
    link.id = "search-result-" + n;
    link.tabIndex = -1;
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    const code = document.createElement("code");
    code.textContent = hit.name;
    const kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = " " + hit.kind + (hit.note ? " " + hit.note : "");
    link.append(code, kind);
    item.append(link);
    return item;
  }

  function select(n) {
    const options = list.querySelectorAll("[role=option]");
    if (!options.length) {
      return;
    }
    active = (n + options.length) % options.length;
    options.forEach(function (o, i) {
      o.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    box.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({block: "nearest"});
  }

  function close() {
    panel.hidden = true;
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function show() {
    const query = box.value.trim();
    list.replaceChildren();
    close();
    if (!query) {
      return;
    }
    prepared = prepared || prepare();
    const found = matches(query);
    const shown = found.slice(0, LIMIT);
    shown.forEach((hit, n) => list.append(option(hit, n)));
    status.textContent = found.length === 0 ? "No match"
      : found.length === 1 ? "1 result"
        : shown.length < found.length
          ? found.length + " results, the first " + shown.length + " shown"
          : found.length + " results";
    panel.hidden = false;
    box.setAttribute("aria-expanded", "true");
  }

  box.addEventListener("input", show);
  list.addEventListener("click", close);
  box.addEventListener("focus", function () {
    if (box.value.trim() && panel.hidden) {
      show();
    }
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (panel.hidden) {
        show();
      }
      select(active + (event.key === "ArrowDown" ? 1 : -1));
      event.preventDefault();
    } else if (event.key === "Enter") {
      const options = list.querySelectorAll("[role=option]");
      const chosen = options[active >= 0 ? active : 0];
      if (!panel.hidden && chosen) {
        close();
        window.location.href = chosen.href;
        event.preventDefault();
      }
    } else if (event.key === "Escape") {
      // The first Escape closes the list (keeping the query), the next one clears it.
      if (panel.hidden) {
        box.value = "";
      } else {
        event.preventDefault();
      }
      close();
    }
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".search")) {
      close();
    }
  });
})();
