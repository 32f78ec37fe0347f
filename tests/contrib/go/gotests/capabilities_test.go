// Capabilities from a query-qmp-schema reply written for the test: masked type names, a
// union whose branch holds an alternate of the union itself, enums, an array.
package qmp

import (
	"encoding/json"
	"testing"
)

const schemaReply = `[
	{"name": "blockdev-add", "meta-type": "command", "arg-type": "0", "ret-type": "1"},
	{"name": "query-names", "meta-type": "command", "arg-type": "1", "ret-type": "[str]"},
	{"name": "SHUTDOWN", "meta-type": "event", "arg-type": "2"},
	{"name": "0", "meta-type": "object", "tag": "driver",
	 "members": [{"name": "driver", "type": "3"}, {"name": "node-name", "type": "str"}],
	 "variants": [{"case": "file", "type": "4"}, {"case": "qcow2", "type": "5"}]},
	{"name": "3", "meta-type": "enum", "values": ["file", "qcow2"]},
	{"name": "4", "meta-type": "object",
	 "members": [{"name": "filename", "type": "str"}, {"name": "aio", "type": "6"}]},
	{"name": "6", "meta-type": "enum", "values": ["threads", "native"]},
	{"name": "5", "meta-type": "object",
	 "members": [{"name": "file", "type": "7"}, {"name": "ids", "type": "[8]"}]},
	{"name": "7", "meta-type": "alternate", "members": [{"type": "0"}, {"type": "str"}]},
	{"name": "[8]", "meta-type": "array", "element-type": "8"},
	{"name": "8", "meta-type": "object", "members": [{"name": "slot", "type": "int"}]},
	{"name": "[str]", "meta-type": "array", "element-type": "str"},
	{"name": "str", "meta-type": "builtin", "json-type": "string"},
	{"name": "int", "meta-type": "builtin", "json-type": "int"},
	{"name": "1", "meta-type": "object", "members": []},
	{"name": "2", "meta-type": "object", "members": [{"name": "guest", "type": "bool"}]}]`

func TestCapabilitiesFollowUnionBranchesAlternatesAndArrays(t *testing.T) {
	capabilities, err := NewCapabilities(json.RawMessage(schemaReply))
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
