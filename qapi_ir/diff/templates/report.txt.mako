## The text report: a part per class, per group a title line and a line per change,
## then renames, what was ignored or not compared, and the summary.
## bold, reset and colours[severity] are ANSI codes, or "" when not colouring.
<%def name="renamed(section)">\
% if section.old_names:
 (was ${section.old_names})\
% endif
</%def>\
<%def name="uses(section)">\
% if section.uses:
  (used by ${section.uses})\
% endif
</%def>\
<%def name="at(section)">\
% if section.location:
  [${section.location}]\
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
% for part in parts:
${bold}== ${part.title} ==${reset}

% for section in part.sections:
${bold}${section.kind} ${section.name}${renamed(section)}${reset}${uses(section)}${at(section)}
% for row in section.rows:
  ${colours[row.severity]}${row.severity.ljust(10)}${reset} ${where(row)}${row.detail} [${rule(row)}]
% endfor

% endfor
% endfor
% if renamed_types:
${bold}== Renamed without wire change ==${reset}

% for name in renamed_types:
type ${name}
% endfor

% endif
% if ignored:
ignored: ${ignored}
% endif
% if not_compared:
not compared: ${not_compared}
% endif
${summary}
