## The text history: a line per thing with its life, then the policy's verdicts.
releases: ${labels}
% if release:
release shown: ${release}
% endif

% for line in lines:
${line.kind.ljust(8)} ${line.address}: ${line.life}
% endfor
% if not lines:
no changes
% endif
% if policy:

== Policy: ${policy} ==

% for finding in findings:
${verdict(finding).ljust(13)} ${finding.release.ljust(6)} ${finding.kind} ${finding.address}: ${finding.detail}
% endfor
${policy_summary}
% endif
