<%namespace file="common.mako" import="header, take, call, wrapped"/>\
${header("Decoders of the types of schema module ``" + schema_module + "``.", imports)}\
% for enum in enums:


${call(0, "def decode_" + enum.name, "value: object, path: str", " -> _t." + enum.name + ":")}\
    """Decode a wire ``${enum.wire}``, keeping values unknown to this package."""
    return _t.${enum.name}(_rt.decode_str(value, path))
% endfor
% for cls in classes:


${call(0, "def decode_" + cls.name, "value: object, path: str", " -> _t." + cls.name + ":")}\
    """Decode a wire ``${cls.wire}``."""
    members = _rt.Members(value, path)
% if cls.tag:
% if cls.tag.maybe_absent:
## An older release has no tag here: what it sends decodes as the base class.
    tag = members.optional("${cls.tag.wire}", ${cls.tag.decoder})
    branch = None if isinstance(tag, _rt.Absent) else _BRANCHES_${cls.name}.get(tag)
% else:
    tag = members.required("${cls.tag.wire}", ${cls.tag.decoder})
    branch = _BRANCHES_${cls.name}.get(tag)
% endif
    if branch is not None:
        return branch(members)
% endif
    return _t.${cls.name}(
% for f in cls.fields:
% if cls.tag and f.wire == cls.tag.wire:
        ${f.name}=tag,
% else:
${take(f)}\
% endif
% endfor
        unknown_members=members.rest(),
    )
% for branch in cls.branches:


${call(0, "def _decode_" + branch.name, "members: _rt.Members", " -> _t." + branch.name + ":")}\
    return _t.${branch.name}(
% for f in cls.fields:
% if f.wire != cls.tag.wire:
${take(f)}\
% endif
% endfor
% for f in branch.fields:
${take(f)}\
% endfor
        unknown_members=members.rest(),
    )
% endfor
% if cls.branches:


_BRANCHES_${cls.name}: dict[
    str, Callable[[_rt.Members], _t.${cls.name}]
] = {
% for branch in cls.branches:
${wrapped(4, '"' + branch.tag_wire + '": ', "_decode_" + branch.name, ",")}\
% endfor
}
% endif
% endfor
% for alt in alternates:


${call(0, "def decode_" + alt.name, "value: object, path: str", " -> _t." + alt.name + ":")}\
    """Decode a wire ``${alt.wire}``: the branch is chosen by the value's JSON type."""
% for check, expression in alt.dispatch:
    if ${check}:
        return ${expression}
% endfor
    raise _rt.mismatch(path, "${alt.expected}", value)
% endfor
