/* The table of QMP commands and their options. */
#ifndef QAPI_QMP_REGISTRY_H
#define QAPI_QMP_REGISTRY_H

#include <stdbool.h>
#include <stdint.h>

#include "qemu/queue.h"
#include "qemu/typedefs.h"

typedef void (QmpCommandFunc)(QDict *args, QObject **ret, Error **errp);

typedef enum QmpCommandOptions {
    QCO_NO_OPTIONS = 0x0,
    /* The flag table's options, written by python -m qapi_ir.regenerate --update */
    QCO_NO_SUCCESS_RESP = (1U << 0),
    QCO_ALLOW_OOB = (1U << 1),
    QCO_ALLOW_PRECONFIG = (1U << 2),
    QCO_COROUTINE = (1U << 3),
    /* End of the flag table's options */
} QmpCommandOptions;

typedef struct QmpCommand {
    const char *name;
    QmpCommandFunc *fn;
    QmpCommandOptions options;
    unsigned special_features;
    QTAILQ_ENTRY(QmpCommand) node;
    bool enabled;
    const char *disable_reason;
} QmpCommand;

typedef QTAILQ_HEAD(QmpCommandList, QmpCommand) QmpCommandList;

void qmp_register_command(QmpCommandList *cmds, const char *name,
                          QmpCommandFunc *fn, QmpCommandOptions options,
                          unsigned special_features);

#endif /* QAPI_QMP_REGISTRY_H */
