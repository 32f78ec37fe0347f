<%namespace file="common.mako" import="header, lazy_exports"/>\
${header("Types of the schema: enumerations, structs, unions and alternates.", imports)}\
${lazy_exports(exports, all_names)}\
