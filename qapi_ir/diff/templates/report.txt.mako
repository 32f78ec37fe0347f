## The text report: per group, a title line and a line per change, then the summary.
## bold, reset and colours[severity] are ANSI codes, or "" when not colouring.
<%def name="renamed(section)">\
% if section.old_name:
 (was ${section.old_name})\
% endif
</%def>\
<%def name="uses(section)">\
% if section.uses:
  (used by ${section.uses})\
% endif
</%def>\
<%def name="where(row)">\
% if row.path:
${row.path}: \
% endif
</%def>\
<%def name="rule(row)">\
${row.rule}\
% if row.directions:
, ${row.directions}\
% endif
</%def>\
% for section in sections:
${bold}${section.kind} ${section.name}${renamed(section)}${reset}${uses(section)}
% for row in section.rows:
  ${colours[row.severity]}${row.severity.ljust(10)}${reset} ${where(row)}${row.detail} [${rule(row)}]
% endfor

% endfor
${summary}
