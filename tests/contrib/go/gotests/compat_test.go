// The package generated from the Python backend's compat-new.json with compat-old.json as
// release 1.0, against a scripted server that answers as release 1.0 would.
package qmp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net"
	"reflect"
	"testing"
	"time"
)

// release10Schema is what release 1.0's query-qmp-schema says (type names hidden).
const release10Schema = `[
	{"name": "query-machines", "meta-type": "command", "arg-type": "0", "ret-type": "[1]"},
	{"name": "set-mode", "meta-type": "command", "arg-type": "2", "ret-type": "0"},
	{"name": "2", "meta-type": "object", "members": [{"name": "mode", "type": "3"}]},
	{"name": "3", "meta-type": "enum", "values": ["fast", "slow"]},
	{"name": "RESET", "meta-type": "event", "arg-type": "4"}]`

// release10 starts a server that answers as release 1.0, recording the commands it gets.
func release10(t *testing.T, replies map[string]string) (*Client, *[]string) {
	t.Helper()
	clientEnd, serverEnd := net.Pipe()
	var received []string
	go func() {
		defer serverEnd.Close()
		greeting := `{"QMP": {"version": {"qemu": {"major": 1, "minor": 0, "micro": 0}, "package": ""}, "capabilities": []}}`
		if _, err := serverEnd.Write([]byte(greeting + "\n")); err != nil {
			return
		}
		lines := bufio.NewScanner(serverEnd)
		for lines.Scan() {
			var request struct {
				Execute string          `json:"execute"`
				ID      json.RawMessage `json:"id"`
			}
			if json.Unmarshal(lines.Bytes(), &request) != nil {
				return
			}
			received = append(received, request.Execute)
			reply, ok := replies[request.Execute]
			if !ok {
				reply = "{}"
			}
			line := `{"return": ` + reply + `}`
			if request.ID != nil {
				line = `{"id": ` + string(request.ID) + `, "return": ` + reply + `}`
			}
			if _, err := serverEnd.Write([]byte(line + "\n")); err != nil {
				return
			}
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	client, err := Connect(ctx, clientEnd)
	if err != nil {
		t.Fatalf("connecting: %v", err)
	}
	t.Cleanup(func() { client.Close() })
	return client, &received
}

// sameJSON reports whether a and b encode the same JSON value.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		t.Fatalf("not JSON: %s, %s", a, b)
	}
	return reflect.DeepEqual(x, y)
}

func TestMembersAnOlderReleaseLacksAreNilAndUnknownOnesKept(t *testing.T) {
	reply := `[{"id": 1, "name": "m0", "old-member": {"kept": [1, 2]}}]`
	client, _ := release10(t, map[string]string{"query-machines": reply})
	machines, err := client.QueryMachines(context.Background())
	if err != nil || len(machines) != 1 {
		t.Fatalf("query-machines: %v, %v", machines, err)
	}
	machine := machines[0]
	if machine.Label != nil || machine.Acpi != nil || machine.Mode != nil || machine.Name != "m0" {
		t.Fatalf("machine %+v", machine)
	}
	encoded, err := json.Marshal(machines)
	if err != nil || !sameJSON(t, encoded, []byte(reply)) {
		t.Fatalf("encoded back as %s (%v)", encoded, err)
	}
}

func TestUnionWhoseTagTheOlderReleaseLacksDecodesWithoutBranch(t *testing.T) {
	reply := `{"enabled": true, "handle": 5}`
	client, _ := release10(t, map[string]string{"query-secure": reply})
	secure, err := client.QuerySecure(context.Background())
	if err != nil || secure.Branch != nil || !secure.Enabled {
		t.Fatalf("query-secure: %+v, %v", secure, err)
	}
	encoded, err := json.Marshal(secure)
	if err != nil || !sameJSON(t, encoded, []byte(reply)) {
		t.Fatalf("encoded back as %s (%v)", encoded, err)
	}
	var newer Secure
	if err := json.Unmarshal([]byte(`{"enabled": true, "kind": "sev", "handle": 5, "x": 1}`), &newer); err != nil {
		t.Fatal(err)
	}
	if branch, ok := newer.Branch.(SecureSevBranch); !ok || branch.Handle != 5 {
		t.Fatalf("newer reply %+v", newer)
	}
	encoded, _ = json.Marshal(newer)
	if !sameJSON(t, encoded, []byte(`{"enabled": true, "kind": "sev", "handle": 5, "x": 1}`)) {
		t.Fatalf("newer reply encoded back as %s", encoded)
	}
}

func TestCommandTheOlderReleaseLacksIsNotSent(t *testing.T) {
	client, received := release10(t, map[string]string{"query-qmp-schema": release10Schema, "query-machines": "[]"})
	_, err := client.QueryBase(context.Background())
	var absent *CommandNotAvailableError
	if !errors.As(err, &absent) || absent.Command != "query-base" || absent.Version != "1.0.0" {
		t.Fatalf("query-base: %v", err)
	}
	if !reflect.DeepEqual(*received, []string{"qmp_capabilities", "query-qmp-schema"}) {
		t.Fatalf("the server got %v", *received)
	}
	if _, err := client.QueryMachines(context.Background()); err != nil {
		t.Fatalf("query-machines: %v", err)
	}
	capabilities, err := client.Capabilities(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !capabilities.HasArgument("set-mode", "mode") || capabilities.HasArgument("set-mode", "force") ||
		!capabilities.HasEnumValue("set-mode", "mode", "fast") || capabilities.HasEnumValue("set-mode", "mode", "eco") ||
		!capabilities.HasEvent("RESET") || capabilities.HasEvent("WOKEN") || capabilities.HasCommand("RESET") {
		t.Fatal("capabilities answer wrongly")
	}
	if len(*received) != 3 {
		t.Fatalf("query-qmp-schema asked more than once: %v", *received)
	}
}
