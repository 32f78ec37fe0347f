/* Error reporting. */
#ifndef QAPI_ERROR_H
#define QAPI_ERROR_H

#include "qemu/typedefs.h"

extern Error *error_abort;

void error_setg_internal(Error **errp, const char *src, int line,
                         const char *func, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#define error_setg(errp, fmt, ...)                                      \
    error_setg_internal((errp), __FILE__, __LINE__, __func__,           \
                        (fmt), ## __VA_ARGS__)

void error_propagate(Error **dst_errp, Error *local_err);
const char *error_get_pretty(const Error *err);

#endif /* QAPI_ERROR_H */
