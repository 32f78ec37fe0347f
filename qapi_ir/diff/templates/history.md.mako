## The Markdown history: per release a table of what changed, then the policy's verdicts.
## cell(text) escapes a table cell, code(text) makes a code span.
## (A line starting "##" is a mako comment: headings are written as ${"##"}.)
# API history: ${labels}
% for rel in releases:

${"##"} ${rel.label}

% if rel.rows:
| change | kind | where | detail |
|---|---|---|---|
% for row in rel.rows:
| ${row.event} | ${row.kind} | ${row.address | cell, code} | ${row.detail | cell} |
% endfor
% else:
No changes.
% endif
% endfor
% if policy:

${"##"} Policy: ${policy}

**${policy_summary}**
% if findings:

| verdict | release | kind | where | detail |
|---|---|---|---|---|
% for finding in findings:
| ${verdict(finding)} | ${finding.release} | ${finding.kind} | ${finding.address | cell, code} | ${finding.detail | cell} |
% endfor
% endif
% endif
