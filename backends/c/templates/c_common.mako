<%doc>
    Defs shared by the C templates: the frame of a .c or .h file and the
    #if/#endif wrapping of conditional code.  Import with
    <%namespace name="c" file="c_common.mako"/>.
</%doc>\
<%!
from qapi_backends.c.cond import wrap_if
from qapi_backends.c.modules import guard_name
from qapi_backends.c.naming import c_fname
%>\
## A .c file: banner, the caller's text, QEMU's dummy declaration.
<%def name="c_file(fname, banner)">\
/* ${banner} */

${caller.body()}\

/* Dummy declaration to prevent empty .o file */
char qapi_dummy_${c_fname(fname)};
</%def>\
## A .h file: banner and include guard around the caller's text.
<%def name="h_file(fname, banner)">\
/* ${banner} */

#ifndef ${guard_name(fname)}
#define ${guard_name(fname)}

${caller.body()}\

#endif /* ${guard_name(fname)} */
</%def>\
## The caller's text inside #if/#endif for condition `cond` (an IR Condition
## or None); nothing when the text is empty, a leading blank line stays outside.
## Where the text is never empty, ${gen_if(cond)} and ${gen_endif(cond)} around
## it write the same, and a def's text goes through ${wrap_if(cond, capture(...))}:
## both cost no call of this def (15,000 of them made 30% of a C build's renders).
<%def name="if_wrap(cond)">\
% if cond is None:
${caller.body()}\
% else:
${wrap_if(cond, capture(caller.body))}\
% endif
</%def>\
