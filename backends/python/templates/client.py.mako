<%namespace file="common.mako" import="docstring, header, declare, call"/>\
${header("The asynchronous " + protocol.label + " client of the schema: one method per command.", imports)}\

<% events = ";\n    :meth:`events` yields the server's events, typed." if protocol.events else "." %>\

class Client(${protocol.base_class}):
    """A ${protocol.label} client whose methods take and return the schema's types.

    Connect with ``async with Client(address) as client`` (or ``await
    client.connect(address)``); each command is an ``async`` method with
    keyword-only arguments (optional ones default to :data:`ABSENT`)${events}
    """
% if varying:

    varying_commands = frozenset(
        {
% for name in varying:
            "${name}",
% endfor
        }
    )
% endif
% if protocol.events:

    async def events(self) -> AsyncIterator[_e.Event]:
        """The server's events since the connection started, in order, typed.

        An event that does not decode arrives as an :class:`UndecodedEvent`.
        """
        async for message in self.qmp.events:
            yield self._noted(_e.decode_event(message))
% endif
% for cmd in commands:
<%
    target = "reply = " if cmd.return_decoder else ""
    execute = "await self.execute_no_reply" if cmd.no_reply else "await self.execute_raw"
%>\

% if cmd.params:
    async def ${cmd.method}(
        self,
        *,
% for p in cmd.params:
${declare(p, 8, ",")}\
% endfor
    ) -> ${cmd.returns}:
% else:
${call(4, "async def " + cmd.method, "self" + (", arguments: " + cmd.boxed if cmd.boxed else ""), " -> " + cmd.returns + ":")}\
% endif
${docstring(cmd.doc, 8)}\
% if cmd.deprecated or cmd.unstable:
        self._warn_special("${cmd.wire}", ${cmd.deprecated}, ${cmd.unstable})
% endif
% if cmd.boxed:
${call(8, target + execute, '"' + cmd.wire + '", _rt.encode_members(arguments)')}\
% elif cmd.params:
        ${target}${execute}(
            "${cmd.wire}",
            _rt.encode_arguments(
                {
% for p in cmd.params:
                    "${p.wire}": ${p.name},
% endfor
                }
            ),
        )
% else:
${call(8, target + execute, '"' + cmd.wire + '"')}\
% endif
% if cmd.return_decoder:
${call(8, "return " + cmd.return_decoder, 'reply, "' + cmd.wire + ': return"')}\
% endif
% endfor
