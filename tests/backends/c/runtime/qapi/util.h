/* Enum lookup tables and the special feature numbers. */
#ifndef QAPI_UTIL_H
#define QAPI_UTIL_H

#include <stdint.h>

typedef enum {
    QAPI_DEPRECATED,
    QAPI_UNSTABLE,
} QapiSpecialFeature;

typedef struct QEnumLookup {
    const char *const *array;
    const uint64_t *const features;
    const int size;
} QEnumLookup;

const char *qapi_enum_lookup(const QEnumLookup *lookup, int val);

#endif /* QAPI_UTIL_H */
