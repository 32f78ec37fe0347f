// Capabilities from the query-qmp-schema reply tests/fixtures/capabilities-reply.json
// (pytest names it in QMP_SCHEMA_REPLY): masked type names, a union whose branch holds an
// alternate of the union itself, enums, an array.
package qmp

import (
	"encoding/json"
	"os"
	"testing"
)

func TestCapabilitiesFollowUnionBranchesAlternatesAndArrays(t *testing.T) {
	reply, err := os.ReadFile(os.Getenv("QMP_SCHEMA_REPLY"))
	if err != nil {
		t.Fatalf("QMP_SCHEMA_REPLY: %v", err)
	}
	capabilities, err := NewCapabilities(reply)
	if err != nil {
		t.Fatal(err)
	}
	answers := map[string]bool{
		"command blockdev-add": capabilities.HasCommand("blockdev-add"),
		"command SHUTDOWN":     !capabilities.HasCommand("SHUTDOWN"),
		"event SHUTDOWN":       capabilities.HasEvent("SHUTDOWN"),
		"event blockdev-add":   !capabilities.HasEvent("blockdev-add"),
		"driver":               capabilities.HasArgument("blockdev-add", "driver"),
		"aio":                  capabilities.HasArgument("blockdev-add", "aio"),
		"file.aio":             capabilities.HasArgument("blockdev-add", "file.aio"),
		"file.file.filename":   capabilities.HasArgument("blockdev-add", "file.file.filename"),
		"ids.slot":             capabilities.HasArgument("blockdev-add", "ids.slot"),
		"file.slot":            !capabilities.HasArgument("blockdev-add", "file.slot"),
		"node-name.aio":        !capabilities.HasArgument("blockdev-add", "node-name.aio"),
		"query-names driver":   !capabilities.HasArgument("query-names", "driver"),
		"SHUTDOWN guest":       !capabilities.HasArgument("SHUTDOWN", "guest"),
		"file.aio native":      capabilities.HasEnumValue("blockdev-add", "file.aio", "native"),
		"file.aio io_uring":    !capabilities.HasEnumValue("blockdev-add", "file.aio", "io_uring"),
		"driver qcow2":         capabilities.HasEnumValue("blockdev-add", "driver", "qcow2"),
		"node-name qcow2":      !capabilities.HasEnumValue("blockdev-add", "node-name", "qcow2"),
	}
	for question, right := range answers {
		if !right {
			t.Errorf("wrong answer for %s", question)
		}
	}
	if _, err := NewCapabilities(json.RawMessage(`{"oops": 1}`)); err == nil {
		t.Error("a reply that is not a list was accepted")
	}
}
