/* Dictionaries of QObjects. */
#ifndef QOBJECT_QDICT_H
#define QOBJECT_QDICT_H

#include <stddef.h>

#include "qobject/qobject.h"

struct QDict {
    struct QObjectBase_ base;
};

size_t qdict_size(const QDict *qdict);
void qdict_put_obj(QDict *qdict, const char *key, QObject *value);

#endif /* QOBJECT_QDICT_H */
