<%namespace name="c" file="c_common.mako"/>\
<%!
from qapi_backends.c.cond import gen_endif, gen_if
from qapi_backends.c.introspect import c_string
from qapi_backends.introspect.schema_info import Annotated

def pad(level):
    return "    " * level
%>\
## A value of the tree at nesting `level`, without indentation or trailing comma.
<%def name="qlit(obj, level)">\
% if obj is None:
QLIT_QNULL\
% elif isinstance(obj, bool):
QLIT_QBOOL(${"true" if obj else "false"})\
% elif isinstance(obj, str):
QLIT_QSTR(${c_string(obj)})\
% elif isinstance(obj, list):
QLIT_QLIST(((QLitObject[]) {
% for element in obj:
${element_line(element, level + 1)}\
% endfor
${pad(level + 1)}{}
${pad(level)}}))\
% else:
QLIT_QDICT(((QLitDictEntry[]) {
% for key, value in sorted(obj.items()):
${pad(level + 1)}{ ${c_string(key)}, ${qlit(value, level + 1)}, },
% endfor
${pad(level + 1)}{}
${pad(level)}}))\
% endif
</%def>\
## A list element on its own line(s): comment, #if, value and comma, #endif.
<%def name="element_line(element, level)">\
% if isinstance(element, Annotated):
% if element.comment:
${pad(level)}/* ${element.comment} */
% endif
${gen_if(element.condition)}\
${pad(level)}${qlit(element.value, level)},
${gen_endif(element.condition)}\
% else:
${pad(level)}${qlit(element, level)},
% endif
</%def>\
<%c:c_file fname="${fname}" banner="${banner}">\
#include "qemu/osdep.h"
#include "${header}"

const QLitObject ${variable} = ${qlit(entries, 0)};
</%c:c_file>\
