## The Markdown report: a title and the summary, then per group a heading and a table.
## cell(text) escapes a table cell.  (A line starting "##" is a mako comment: headings
## of groups write it as ${"##"}.)
<%def name="renamed(section)">\
% if section.old_name:
 (was `${section.old_name}`)\
% endif
</%def>\
<%def name="where(row)">\
% if row.path:
`${row.path | cell}`\
% endif
</%def>\
# API changes from `${old}` to `${new}`

**${summary}**
% for section in sections:

${"##"} ${section.kind} `${section.name}`${renamed(section)}

% if section.uses:
used by ${section.uses | cell}

% endif
| class | where | change | rule | direction |
|---|---|---|---|---|
% for row in section.rows:
| ${row.severity} | ${where(row)} | ${row.detail | cell} | `${row.rule}` | ${row.directions} |
% endfor
% endfor
