<%doc>
    qapi-commands[-MODULE].trace-events (and qapi-init-commands's, empty):
    an entry and an exit event per command.
</%doc>\
# ${banner}

% for command in commands:
qmp_enter_${command.c_name}(const char *json) "%s"
qmp_exit_${command.c_name}(const char *result, bool succeeded) "%s %d"
% endfor
