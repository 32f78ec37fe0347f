## Shared definitions of the Go templates.  Python computed every name and
## every line of layout; these only place them.
<%def name="lines(items, indent='')">\
% for line in items:
${indent}${line}
% endfor
</%def>\
<%def name="struct(s)">\
${lines(s.comment)}\
% if s.lines:
type ${s.name} struct {
${lines(s.lines, '\t')}\
}
% else:
type ${s.name} struct{}
% endif
${struct_json(s)}\
</%def>\
<%def name="empty_slices(s, var)">\
% for f in s.empty_slices:
	if ${var}.${f.field} == nil {
		${var}.${f.field} = ${f.go_type}{}
	}
% endfor
</%def>\
<%def name="present_nulls(s, var)">\
% for f in s.present_nulls:
	if raw, ok := members[${go_string(f.wire)}]; ok && ${var}.${f.field} == nil {
		${var}.${f.field} = new(${f.go_type})
		if err := ${var}.${f.field}.UnmarshalJSON(raw); err != nil {
			return err
		}
	}
% endfor
</%def>\
<%def name="struct_json(s)">\
% if s.union:
${union_json(s, s.union)}\
% elif s.codec:

// MarshalJSON encodes the members${", a nil array of a mandatory one as []," if s.empty_slices else ""} and the unknown members kept.
func (s ${s.name}) MarshalJSON() ([]byte, error) {
	type plain ${s.name}
	p := plain(s)
${empty_slices(s, 'p')}\
	return encodeObject(p, s.extra)
}

// UnmarshalJSON decodes the members and keeps those this package does not know.
func (s *${s.name}) UnmarshalJSON(data []byte) error {
	*s = ${s.name}{}
	type plain ${s.name}
	${"members" if s.present_nulls else "_"}, extra, err := decodeObject(data, (*plain)(s))
	if err != nil {
		return err
	}
${present_nulls(s, 's')}\
	s.extra = extra
	return nil
}
% endif
</%def>\
<%def name="union_json(s, u)">\

// MarshalJSON encodes the base members, the tag and the branch's members as one object.
func (u ${s.name}) MarshalJSON() ([]byte, error) {
	type plain ${s.name}
	p := plain(u)
${empty_slices(s, 'p')}\
	base, err := encodeObject(p, u.extra)
	if err != nil {
		return nil, err
	}
	if u.${u.branch_field} == nil {
% if u.tag_optional:
		return base, nil
% else:
		return nil, errors.New(${go_string(s.name + ": " + u.branch_field + " is not set")})
% endif
	}
	tag, err := json.Marshal(map[string]${u.tag_type}{${go_string(u.tag_wire)}: u.${u.branch_field}.${u.tag_method}()})
	if err != nil {
		return nil, err
	}
	branch, err := json.Marshal(u.${u.branch_field})
	if err != nil {
		return nil, err
	}
	return mergeObjects(base, tag, branch)
}

// ${u.tag_accessor} returns the value of the tag ${go_string(u.tag_wire)}, which the branch decides.
func (u ${s.name}) ${u.tag_accessor}() ${u.tag_type} {
	if u.${u.branch_field} == nil {
		return ""
	}
	return u.${u.branch_field}.${u.tag_method}()
}

// UnmarshalJSON decodes the base members, then the branch the tag selects from the others.
func (u *${s.name}) UnmarshalJSON(data []byte) error {
	*u = ${s.name}{}
	type plain ${s.name}
	members, extra, err := decodeObject(data, (*plain)(u))
	if err != nil {
		return err
	}
${present_nulls(s, 'u')}\
	raw, ok := members[${go_string(u.tag_wire)}]
	if !ok {
% if u.tag_optional:
		u.extra = extra
		return nil
% else:
		return errors.New(${go_string(s.name + ": the tag " + u.tag_wire + " is missing")})
% endif
	}
	var tag ${u.tag_type}
	if err := json.Unmarshal(raw, &tag); err != nil {
		return err
	}
	delete(extra, ${go_string(u.tag_wire)})
	rest, err := json.Marshal(extra)
	if err != nil {
		return err
	}
	switch tag {
% for b in u.branches:
	case ${b.constant}:
		var branch ${b.name}
		if err := json.Unmarshal(rest, &branch); err != nil {
			return err
		}
		u.${u.branch_field} = branch
% endfor
	default:
		u.${u.branch_field} = ${u.unknown}{Tag: tag, Members: extra}
	}
	return nil
}

// ${u.interface} is one branch of ${s.name}: a type of this package whose name starts with
// ${s.name}, or ${u.unknown} for a tag value this package does not know.
type ${u.interface} interface {
	${u.tag_method}() ${u.tag_type}
}
% for b in u.branches:

% if b.alias:
${lines(b.comment)}\
type ${b.name} ${b.alias}

// MarshalJSON encodes the branch as a ${b.alias}.
func (b ${b.name}) MarshalJSON() ([]byte, error) {
	return json.Marshal(${b.alias}(b))
}

// UnmarshalJSON decodes the branch as a ${b.alias}.
func (b *${b.name}) UnmarshalJSON(data []byte) error {
	return json.Unmarshal(data, (*${b.alias})(b))
}
% else:
${struct(b.struct)}\
% endif

func (${b.name}) ${u.tag_method}() ${u.tag_type} {
	return ${b.constant}
}
% endfor

// ${u.unknown} is a branch of ${s.name} whose tag value this package does not know:
// the members beyond the base are kept as they came.
type ${u.unknown} struct {
	Tag     ${u.tag_type}
	Members map[string]json.RawMessage
}

func (b ${u.unknown}) ${u.tag_method}() ${u.tag_type} {
	return b.Tag
}

// MarshalJSON encodes the members that were kept.
func (b ${u.unknown}) MarshalJSON() ([]byte, error) {
	return json.Marshal(b.Members)
}
</%def>\
