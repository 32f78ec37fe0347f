<%namespace name="c" file="c_common.mako"/>\
<%c:h_file fname="${fname}" banner="${banner}">\
#include "qobject/qlit.h"

extern const QLitObject ${variable};
</%c:h_file>\
