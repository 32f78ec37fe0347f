/* Stand-in for the part of GLib the generated code uses. */
#ifndef GLIB_H
#define GLIB_H

#include <stddef.h>

typedef char gchar;

typedef struct GString {
    gchar *str;
    size_t len;
    size_t allocated_len;
} GString;

void g_free(void *mem);

/*
 * Automatic cleanup: the pointer type g_autoptr(T) names, and the per-type cleanup
 * function that G_DEFINE_AUTOPTR_CLEANUP_FUNC declares (the cleanup attribute itself
 * changes nothing gcc checks here).
 */
#define g_autoptr(type) type *
#define G_DEFINE_AUTOPTR_CLEANUP_FUNC(type, func)                       \
    static inline void glib_autoptr_cleanup_##type(type **ptr)          \
    {                                                                   \
        if (*ptr) {                                                     \
            (func)(*ptr);                                               \
        }                                                               \
    }

#endif /* GLIB_H */
