/* Tail queues: the head type and the initialiser qmp_init_marshal() uses. */
#ifndef QEMU_QUEUE_H
#define QEMU_QUEUE_H

#define QTAILQ_HEAD(name, type)                                         \
    struct name {                                                       \
        struct type *tqh_first;                                         \
        struct type **tqh_last;                                         \
    }

#define QTAILQ_ENTRY(type)                                              \
    struct {                                                            \
        struct type *tqe_next;                                          \
        struct type **tqe_prev;                                         \
    }

#define QTAILQ_INIT(head) do {                                          \
        (head)->tqh_first = NULL;                                       \
        (head)->tqh_last = &(head)->tqh_first;                          \
    } while (0)

#endif /* QEMU_QUEUE_H */
