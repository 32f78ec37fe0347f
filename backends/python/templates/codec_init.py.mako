<%namespace file="common.mako" import="header, lazy_exports, wrapped"/>\
${header("Decoders of the schema's types (wire JSON to typed values), a module per schema module.", imports)}\
${lazy_exports(exports, all_names)}\

T = TypeVar("T")

#: The decoder of every named type, by its name in the schema.
DECODERS: Mapping[str, _rt.Decoder[object]] = _rt.LazyDecoders(
    sys.modules[__name__],
    {
% for wire, decoder in registry:
${wrapped(8, '"' + wire + '": ', '"' + decoder + '"', ",")}\
% endfor
    },
)


def decode(cls: type[T], value: object, path: str = "value") -> T:
    """Decode ``value`` as an instance of the generated class ``cls`` (a union branch too)."""
    return _rt.decode_as(_t, sys.modules[__name__], cls, value, path)
