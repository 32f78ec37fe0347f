## The reStructuredText history, in the shape of QEMU's removed-features.rst and
## deprecated.rst: per part (removed, deprecated) a section per kind, an entry per thing.
% for heading, sections in parts:
${heading}
${"=" * len(heading)}

% for section in sections:
${section.title}
${section.underline}

% for entry in section.entries:
${entry.title}
${entry.underline}

${entry.text}

% endfor
% endfor
% endfor
