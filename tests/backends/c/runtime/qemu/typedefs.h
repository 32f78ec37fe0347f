/* Opaque runtime types, declared once for every header. */
#ifndef QEMU_TYPEDEFS_H
#define QEMU_TYPEDEFS_H

typedef struct Error Error;
typedef struct QBool QBool;
typedef struct QDict QDict;
typedef struct QList QList;
typedef struct QNull QNull;
typedef struct QNum QNum;
typedef struct QObject QObject;
typedef struct QString QString;
typedef struct Visitor Visitor;

#endif /* QEMU_TYPEDEFS_H */
