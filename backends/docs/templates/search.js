// Search box of the QMP reference manual, and the "On this page" column's place marker.
// The index (search-index.js, no server needed) is loaded when the box is first used.
// Results are ranked by where the query matches (definition name, member name, feature,
// text) and how well (exact, prefix, at a word, inside).  Keyboard: "/" or "s" focuses the
// box, arrows move through the results, Enter opens one, Escape closes the list.  The
// query is kept in the URL (?q=) so that a search can be shared.
"use strict";
(function () {
  const box = document.getElementById("search-box");
  const panel = document.getElementById("search-panel");
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const more = document.getElementById("search-more");
  const PAGE = 50;
  let index = null;
  let prepared = null;
  let found = [];
  let shown = 0;
  let active = -1;

  // Narrow screens start with the navigation folded.
  if (window.matchMedia("(max-width: 56em)").matches) {
    for (const fold of document.querySelectorAll("details.fold")) {
      fold.open = false;
    }
  }
  markPlace();
  if (!box || !panel || !list || !status || !more) {
    return;
  }

  // Load search-index.js once; ``then`` runs when it is there.
  let loading = null;
  function load(then) {
    if (index) {
      then();
      return;
    }
    if (!loading) {
      loading = [];
      const script = document.createElement("script");
      script.src = "search-index.js";
      script.addEventListener("load", function () {
        index = window.QAPI_SEARCH_INDEX
          || {definitions: [], members: [], features: [], words: {}, stop: []};
        loading.forEach((f) => f());
      });
      document.head.append(script);
    }
    loading.push(then);
  }

  // Names compare in lower case, "_" and spaces as "-": "blockdev_add" and
  // "blockdev add" find blockdev-add.  The length is kept: positions stay valid.
  function normal(text) {
    return text.toLowerCase().replace(/[_\s]/g, "-");
  }

  function prepare() {
    return {
      names: index.definitions.map((d) => normal(d[0])),
      members: index.members.map((m) => normal(m[0])),
      features: index.features.map((f) => normal(f[0])),
      words: Object.keys(index.words),
      stop: new Set(index.stop),
    };
  }

  // Whether a word of ``name`` starts at ``at``: after - _ . or a small letter's capital.
  function wordStart(name, at) {
    if (at === 0) {
      return true;
    }
    const before = name[at - 1];
    return "-_.".includes(before)
      || (/[a-z0-9]/.test(before) && /[A-Z]/.test(name[at]));
  }

  // How well ``query`` matches a name: 0 exact, 1 prefix, 1.5 at a word, 3 inside, -1 not.
  function grade(original, name, query) {
    if (name === query) {
      return 0;
    }
    let at = name.indexOf(query);
    if (at < 0) {
      return -1;
    }
    if (at === 0) {
      return 1;
    }
    while (at >= 0) {
      if (wordStart(original, at)) {
        return 1.5;
      }
      at = name.indexOf(query, at + 1);
    }
    return 3;
  }

  // Where a match is: added to how well it matches.  A definition's name matching at a
  // word ranks with a member or feature matching exactly; the words of a text come last.
  const PLACE = {name: 0, member: 1.5, feature: 1.5, text: 5};
  // Among results that rank the same: names, members, features, then text.
  const ORDER = {name: 0, member: 1, feature: 2, text: 3};
  const KIND_ORDER = {Command: 0, Event: 1};

  function hit(place, quality, name, kind, url, note, snippet, definition) {
    return {score: PLACE[place] + quality, place: place, name: name, kind: kind, url: url,
            note: note, snippet: snippet, definition: definition};
  }

  function textHits(query) {
    const terms = query.split(/[^a-z0-9]+/)
      .filter((t) => t.length > 1 && !prepared.stop.has(t));
    if (!terms.length) {
      return {terms: terms, found: []};
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
    return {terms: terms, found: [...found]};
  }

  function compare(a, b) {
    return a.score - b.score
      || ORDER[a.place] - ORDER[b.place]
      || (KIND_ORDER[a.definition[1]] ?? 2) - (KIND_ORDER[b.definition[1]] ?? 2)
      || (a.note.startsWith("on member") ? 1 : 0) - (b.note.startsWith("on member") ? 1 : 0)
      || a.name.length - b.name.length
      || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1);
  }

  function matches(query) {
    const q = normal(query.trim());
    const hits = [];
    const named = new Set();
    prepared.names.forEach(function (name, i) {
      const d = index.definitions[i];
      const g = grade(d[0], name, q);
      if (g >= 0) {
        hits.push(hit("name", g, d[0], d[1], d[2], "", d[3], d));
        named.add(i);
      }
    });
    prepared.members.forEach(function (name, i) {
      const m = index.members[i];
      const g = grade(m[0], name, q);
      if (g >= 0) {
        const d = index.definitions[m[1]];
        hits.push(hit("member", g, m[0], "member", m[2], "of " + d[0], m[3], d));
      }
    });
    prepared.features.forEach(function (name, i) {
      const f = index.features[i];
      const g = grade(f[0], name, q);
      if (g >= 0 && g < 3) {
        const d = index.definitions[f[1]];
        const note = f[3] ? "on member " + f[3] + " of " + d[0] : "of " + d[0];
        hits.push(hit("feature", g, f[0], "feature", f[2], note, f[4], d));
      }
    });
    const text = textHits(q.replace(/-/g, " "));
    for (const i of text.found) {
      if (!named.has(i)) {
        const d = index.definitions[i];
        const inSnippet = text.terms.every((t) => d[3].toLowerCase().includes(t));
        hits.push(hit("text", inSnippet ? 0 : 1, d[0], d[1], d[2], "(in its text)", d[3], d));
      }
    }
    hits.sort(compare);
    // Two rows that would read and lead the same are one.
    const seen = new Set();
    return hits.filter(function (h) {
      const key = [h.name, h.kind, h.note, h.url].join("\u0000");
      return seen.has(key) ? false : seen.add(key);
    });
  }

  // ``text`` with the words of ``query`` marked.
  function marked(text, query) {
    const out = document.createDocumentFragment();
    const terms = query.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 1);
    if (!terms.length) {
      out.append(text);
      return out;
    }
    const pattern = new RegExp("(" + terms.join("|") + ")", "gi");
    text.split(pattern).forEach(function (part, n) {
      if (n % 2) {
        const mark = document.createElement("mark");
        mark.textContent = part;
        out.append(mark);
      } else if (part) {
        out.append(part);
      }
    });
    return out;
  }

  function option(hit, n, query) {
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
    if (hit.snippet) {
      const snippet = document.createElement("span");
      snippet.className = "snippet";
      snippet.append(marked(hit.snippet, query));
      link.append(snippet);
    }
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

  // aria-owns as well as aria-controls: ARIA 1.1's combobox (older readers) owns its list.
  function open() {
    panel.hidden = false;
    box.setAttribute("aria-expanded", "true");
    box.setAttribute("aria-owns", "search-results");
  }

  function close() {
    panel.hidden = true;
    box.removeAttribute("aria-owns");
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function showMore() {
    const query = box.value.trim();
    const next = found.slice(shown, shown + PAGE);
    next.forEach((hit, n) => list.append(option(hit, shown + n, query)));
    shown += next.length;
    status.textContent = found.length === 0 ? "No match"
      : found.length === 1 ? "1 result"
        : shown < found.length
          ? found.length + " results, the first " + shown + " shown"
          : found.length + " results";
    const left = found.length - shown;
    more.hidden = left <= 0;
    more.textContent = "Show " + Math.min(left, PAGE) + " more";
  }

  function remember(query) {
    // The query in the URL, to share the search; file:// may refuse it.
    try {
      const url = new URL(window.location.href);
      if (query) {
        url.searchParams.set("q", query);
      } else {
        url.searchParams.delete("q");
      }
      window.history.replaceState(null, "", url.href);
    } catch (refused) {
      return;
    }
  }

  function show() {
    const query = box.value.trim();
    list.replaceChildren();
    close();
    remember(query);
    if (!query) {
      return;
    }
    load(function () {
      if (box.value.trim() !== query) {
        return;
      }
      prepared = prepared || prepare();
      found = matches(query);
      shown = 0;
      list.replaceChildren();
      showMore();
      open();
    });
  }

  box.addEventListener("input", show);
  box.addEventListener("focus", function () {
    load(function () {});
    if (box.value.trim() && panel.hidden) {
      show();
    }
  });
  list.addEventListener("click", close);
  more.addEventListener("click", function () {
    showMore();
    box.focus();
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
        remember("");
      } else {
        event.preventDefault();
      }
      close();
    }
  });
  document.addEventListener("keydown", function (event) {
    const typing = event.target.closest && event.target.closest("input, textarea, select");
    if ((event.key === "/" || event.key === "s") && !typing
        && !event.ctrlKey && !event.metaKey && !event.altKey) {
      box.focus();
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".search")) {
      close();
    }
  });
  const shared = new URLSearchParams(window.location.search).get("q");
  if (shared) {
    box.value = shared;
    show();
  }

  // "On this page": the entry of the section at the top of the window is marked.
  function markPlace() {
    const links = [...document.querySelectorAll("nav.contents a[href^='#']")];
    const targets = links.map((a) => document.getElementById(a.hash.slice(1)));
    if (!links.length || targets.includes(null)) {
      return;
    }
    let current = null;
    function update() {
      const line = parseFloat(getComputedStyle(document.documentElement)
        .getPropertyValue("--head")) * 16 + 24;
      let low = 0;
      let high = targets.length - 1;
      let found = 0;
      while (low <= high) {  // the last target whose top is above the line
        const mid = (low + high) >> 1;
        if (targets[mid].getBoundingClientRect().top <= line) {
          found = mid;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      if (current !== links[found]) {
        if (current) {
          current.removeAttribute("aria-current");
        }
        current = links[found];
        current.setAttribute("aria-current", "location");
      }
    }
    let queued = false;
    document.addEventListener("scroll", function () {
      if (!queued) {
        queued = true;
        window.requestAnimationFrame(function () {
          queued = false;
          update();
        });
      }
    }, {passive: true});
    window.addEventListener("hashchange", update);
    update();
  }
})();
