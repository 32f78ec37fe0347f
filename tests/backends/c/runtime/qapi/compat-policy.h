/* The policy for deprecated and unstable interfaces, and the QMP visitors that apply it. */
#ifndef QAPI_COMPAT_POLICY_H
#define QAPI_COMPAT_POLICY_H

#include <stdbool.h>

#include "qemu/typedefs.h"

#if __has_include("qapi/qapi-types-compat.h")
/* a schema with QEMU's compat.json generates the types, as in QEMU */
#include "qapi/qapi-types-compat.h"
#else
typedef enum CompatPolicyInput {
    COMPAT_POLICY_INPUT_ACCEPT,
    COMPAT_POLICY_INPUT_REJECT,
    COMPAT_POLICY_INPUT_CRASH,
    COMPAT_POLICY_INPUT__MAX,
} CompatPolicyInput;

typedef enum CompatPolicyOutput {
    COMPAT_POLICY_OUTPUT_ACCEPT,
    COMPAT_POLICY_OUTPUT_HIDE,
    COMPAT_POLICY_OUTPUT__MAX,
} CompatPolicyOutput;

typedef struct CompatPolicy {
    bool has_deprecated_input;
    CompatPolicyInput deprecated_input;
    bool has_deprecated_output;
    CompatPolicyOutput deprecated_output;
    bool has_unstable_input;
    CompatPolicyInput unstable_input;
    bool has_unstable_output;
    CompatPolicyOutput unstable_output;
} CompatPolicy;
#endif

extern CompatPolicy compat_policy;

Visitor *qobject_input_visitor_new_qmp(QObject *obj);
Visitor *qobject_output_visitor_new_qmp(QObject **result);

#endif /* QAPI_COMPAT_POLICY_H */
