<%namespace name="c" file="c_common.mako"/>\
<%!
from qapi_backends.c.introspect import qlit_element
%>\
## The entries are encoded by qlit_element: keys sorted, four spaces per level.
<%c:c_file fname="${fname}" banner="${banner}">\
#include "qemu/osdep.h"
#include "${header}"

const QLitObject ${variable} = QLIT_QLIST(((QLitObject[]) {
% for entry in entries:
${qlit_element(entry, 1)}\
% endfor
    {}
}));
</%c:c_file>\
