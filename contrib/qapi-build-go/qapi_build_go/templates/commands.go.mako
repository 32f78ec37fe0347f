<%namespace file="common.mako" import="lines, struct"/>\

// varyingCommands are the commands an older release lacks: the client checks that the
// connected QEMU has one before sending it.
% if varying:
var varyingCommands = []string{
% for name in varying:
	${go_string(name)},
% endfor
}
% else:
var varyingCommands []string
% endif
% for s in arg_structs:

${struct(s)}\
% endfor
% for c in commands:

${lines(c.comment)}\
% if c.result:
func (c *Client) ${c.method}(ctx context.Context${", args " + c.args if c.args else ""}) (${c.result}, error) {
	var result ${c.result}
	err := c.call(ctx, ${c.literal}, ${"args" if c.args else "nil"}, &result)
	return result, err
}
% elif c.no_reply:
func (c *Client) ${c.method}(ctx context.Context${", args " + c.args if c.args else ""}) error {
	return c.callNoReply(ctx, ${c.literal}, ${"args" if c.args else "nil"})
}
% else:
func (c *Client) ${c.method}(ctx context.Context${", args " + c.args if c.args else ""}) error {
	return c.call(ctx, ${c.literal}, ${"args" if c.args else "nil"}, nil)
}
% endif
% endfor
