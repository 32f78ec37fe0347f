/* The base of every QObject, reference counting and checked down-casts. */
#ifndef QOBJECT_QOBJECT_H
#define QOBJECT_QOBJECT_H

#include <stddef.h>

#include "qapi/qapi-builtin-types.h"
#include "qemu/typedefs.h"

/* Every QObject subtype starts with this, as member "base". */
struct QObjectBase_ {
    QType type;
    size_t refcnt;
};

struct QObject {
    struct QObjectBase_ base;
};

/* Up-cast: the argument must be a QObject subtype. */
#define QOBJECT(obj) ((QObject *)&(obj)->base)

void qobject_unref_impl(QObject *obj);

#define qobject_unref(obj) qobject_unref_impl(QOBJECT(obj))

/* The QType of each subtype, for qobject_to(). */
#define QTYPE_CAST_TO_QNull QTYPE_QNULL
#define QTYPE_CAST_TO_QNum QTYPE_QNUM
#define QTYPE_CAST_TO_QString QTYPE_QSTRING
#define QTYPE_CAST_TO_QDict QTYPE_QDICT
#define QTYPE_CAST_TO_QList QTYPE_QLIST
#define QTYPE_CAST_TO_QBool QTYPE_QBOOL

const void *qobject_check_type(const QObject *obj, QType type);

/* Down-cast, NULL when @obj is not a @type. */
#define qobject_to(type, obj)                                           \
    ((type *)qobject_check_type((obj), QTYPE_CAST_TO_##type))

#endif /* QOBJECT_QOBJECT_H */
