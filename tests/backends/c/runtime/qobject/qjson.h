/* QObject to JSON text. */
#ifndef QOBJECT_QJSON_H
#define QOBJECT_QJSON_H

#include <glib.h>

#include "qemu/typedefs.h"

GString *qobject_to_json(const QObject *obj);

#endif /* QOBJECT_QJSON_H */
