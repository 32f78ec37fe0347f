/* First include of every generated .c file: the C library, GLib and compiler helpers. */
#ifndef QEMU_OSDEP_H
#define QEMU_OSDEP_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "qemu/typedefs.h"

/* Marks functions that may only run in coroutine context; no effect on the C. */
#define coroutine_fn

#endif /* QEMU_OSDEP_H */
