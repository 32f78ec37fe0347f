<%namespace file="common.mako" import="lines, struct"/>\
% for e in enums:

${lines(e.comment)}\
type ${e.name} string
% if e.lines:

const (
${lines(e.lines, '\t')}\
)
% endif

// IsKnown reports whether v is a value this package was generated with; other values
// come from a newer server and are kept as they are.
func (v ${e.name}) IsKnown() bool {
% if e.constants:
	switch v {
	case ${", ".join(c for c, _ in e.constants)}:
		return true
	}
% endif
	return false
}
% endfor
% for s in structs:

${struct(s)}\
% endfor
% for a in alternates:

${lines(a.comment)}\
type ${a.name} struct {
${lines(a.lines, '\t')}\
}

// MarshalJSON encodes the branch that is set.
func (a ${a.name}) MarshalJSON() ([]byte, error) {
	switch {
% for field, kind, go_type in a.branches:
	case a.${field} != nil:
		return json.Marshal(a.${field})
% endfor
	}
	return nil, errors.New(${go_string(a.name + ": no branch is set")})
}

// UnmarshalJSON sets the branch for the JSON kind of the value, as QEMU decides.
func (a *${a.name}) UnmarshalJSON(data []byte) error {
	*a = ${a.name}{}
	switch jsonKind(data) {
% for field, kind, go_type in a.branches:
	case ${go_string(kind)}:
		a.${field} = new(${go_type})
		return json.Unmarshal(data, a.${field})
% endfor
	}
	return fmt.Errorf(${go_string(a.name + ": a JSON %s matches no branch (expected " + a.expected + ")")}, jsonKind(data))
}
% endfor
