## GitHub workflow commands: an annotation per change (level, properties, message are
## escaped already), then the summary as a plain line.
% for a in annotations:
::${a.level} ${a.properties}::${a.message}
% endfor
% if ignored:
ignored: ${ignored}
% endif
% if not_compared:
not compared: ${not_compared}
% endif
${summary}
