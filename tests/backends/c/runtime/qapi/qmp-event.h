/* Building the dictionary of a QMP event. */
#ifndef QAPI_QMP_EVENT_H
#define QAPI_QMP_EVENT_H

#include "qobject/qdict.h"

QDict *qmp_event_build_dict(const char *event_name);

#endif /* QAPI_QMP_EVENT_H */
