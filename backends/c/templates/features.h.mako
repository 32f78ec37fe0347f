<%doc>
    qapi-features.h: the QapiFeature enumeration.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%c:h_file fname="${fname}" banner="${banner}">\
#include "qapi/util.h"

typedef enum {
% for feature in features:
    ${feature.const}${f" = {feature.special}" if feature.special else ""},
% endfor
} QapiFeature;
</%c:h_file>\
