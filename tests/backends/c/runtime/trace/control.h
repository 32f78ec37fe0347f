/* Trace points: whether one is enabled, and the sink the generated trace headers use. */
#ifndef TRACE_CONTROL_H
#define TRACE_CONTROL_H

#include <stdbool.h>

bool trace_event_get_state_backends(unsigned id);

void trace_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* TRACE_CONTROL_H */
