<%doc>
    qapi-features.c: nothing but the dummy declaration.
</%doc>\
<%namespace name="c" file="c_common.mako"/>\
<%c:c_file fname="${fname}" banner="${banner}">\
</%c:c_file>\
