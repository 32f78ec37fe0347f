## The Markdown report: a title and the summary, then per class of change a heading, and
## per group a heading and a table; then renames, ignored and not compared.
## cell(text) escapes a table cell, code(text) makes a code span.  (A line starting "##"
## is a mako comment: headings are written as ${"##"}.)
<%def name="renamed(section)">\
% if section.old_names:
 (was ${section.old_names | code})\
% endif
</%def>\
<%def name="where(row)">\
% if row.path:
${row.path | cell, code}\
% endif
</%def>\
# API changes from ${old | code} to ${new | code}

**${summary}**
% if ignored:

ignored: ${ignored}
% endif
% if not_compared:

not compared: ${not_compared}
% endif
% for part in parts:

${"##"} ${part.title}
% for section in part.sections:

${"###"} ${section.kind} ${section.name | code}${renamed(section)}

% if section.uses:
used by ${section.uses | cell}

% endif
% if section.location:
defined at ${section.location | cell, code}

% endif
| class | where | change | rule | direction |
|---|---|---|---|---|
% for row in section.rows:
| ${row.severity} | ${where(row)} | ${row.detail | cell} | ${row.rule | code} | ${row.directions} |
% endfor
% endfor
% endfor
% if renamed_types:

${"##"} Renamed without wire change

% for name in renamed_types:
- type ${name}
% endfor
% endif
