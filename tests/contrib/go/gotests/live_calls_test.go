// Helpers of the live tests that call every command callable without arguments,
// copied with them into a generated package (its package clause rewritten).
package qmp

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"testing"
	"time"
)

// liveCommand is a command of the generated table (live_table_test.go).
type liveCommand struct {
	name string
	// decode decodes a raw reply into the command's typed result.
	decode func(raw json.RawMessage) (any, error)
	// call runs the command through its typed method.
	call func(ctx context.Context, c *Client) error
}

// decodeAs decodes raw as a T.
func decodeAs[T any](raw json.RawMessage) (any, error) {
	var value T
	err := json.Unmarshal(raw, &value)
	return value, err
}

// liveReport is each command's outcome, printed for pytest on a LIVE-REPORT line.
type liveReport struct {
	// Exact: the typed result encoded again is the raw reply.
	Exact []string `json:"exact"`
	// Mismatch: why the typed result is not the raw reply.
	Mismatch map[string]liveMismatch `json:"mismatch"`
	// Errors: the error the program answered with.
	Errors map[string]string `json:"errors"`
	// Skipped: not called (not enabled).
	Skipped []string          `json:"skipped"`
	Notes   map[string]string `json:"notes"`
}

// liveMismatch is a raw reply and what its typed result encodes to (nothing when
// it did not decode or encode), with why they differ.
type liveMismatch struct {
	Why   string          `json:"why"`
	Sent  json.RawMessage `json:"sent"`
	Again json.RawMessage `json:"again,omitempty"`
}

// callEach runs each command of table that call allows: raw first, the raw reply
// decoded and encoded again, then through its typed method.
func callEach(ctx context.Context, c *Client, table []liveCommand, allowed func(string) bool) liveReport {
	report := liveReport{Mismatch: map[string]liveMismatch{}, Errors: map[string]string{}, Notes: map[string]string{}}
	for _, command := range table {
		if !allowed(command.name) {
			report.Skipped = append(report.Skipped, command.name)
			continue
		}
		raw, err := c.Execute(ctx, command.name, nil)
		if err != nil {
			report.Errors[command.name] = err.Error()
			continue
		}
		value, err := command.decode(raw)
		if err != nil {
			report.Mismatch[command.name] = liveMismatch{"decoding: " + err.Error(), raw, nil}
			continue
		}
		again, err := json.Marshal(value)
		if err != nil {
			report.Mismatch[command.name] = liveMismatch{"encoding: " + err.Error(), raw, nil}
			continue
		}
		if !sameJSON(raw, again) {
			report.Mismatch[command.name] = liveMismatch{"re-encoded differently", raw, again}
			continue
		}
		if err := command.call(ctx, c); err != nil {
			report.Mismatch[command.name] = liveMismatch{"typed call: " + err.Error(), raw, again}
			continue
		}
		report.Exact = append(report.Exact, command.name)
	}
	return report
}

// printReport writes the report on one line.
func printReport(t *testing.T, report liveReport) {
	data, err := json.Marshal(report)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("LIVE-REPORT " + string(data))
}

// dialUnix connects to the unix socket at path once the program listens on it.
func dialUnix(t *testing.T, path string) net.Conn {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := net.Dial("unix", path)
		if err == nil {
			return conn
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing listens at %s: %v", path, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
