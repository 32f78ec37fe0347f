<%namespace file="common.mako" import="header, lazy_exports"/>\
${header("Types of the schema, a module per schema module, each imported when first used.", imports)}\
${lazy_exports(exports, all_names)}\
