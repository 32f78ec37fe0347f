// The generated client against a scripted QMP server on the other end of a
// net.Pipe: greeting, negotiation, typed results, QMP errors and events.
package qmp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net"
	"testing"
	"time"
)

// fakeServer greets, then answers each request the way reply says, echoing its id.
func fakeServer(t *testing.T, conn net.Conn, reply func(request map[string]json.RawMessage) []string) {
	t.Helper()
	go func() {
		defer conn.Close()
		greeting := `{"QMP": {"version": {"qemu": {"major": 9, "minor": 1, "micro": 2}, "package": "test"}, "capabilities": ["oob"]}}`
		if _, err := conn.Write([]byte(greeting + "\n")); err != nil {
			return
		}
		lines := bufio.NewScanner(conn)
		for lines.Scan() {
			var request map[string]json.RawMessage
			if err := json.Unmarshal(lines.Bytes(), &request); err != nil {
				return
			}
			for _, line := range reply(request) {
				if id, ok := request["id"]; ok {
					line = `{"id": ` + string(id) + `, ` + line[1:]
				}
				if _, err := conn.Write([]byte(line + "\n")); err != nil {
					return
				}
			}
		}
	}()
}

func connected(t *testing.T, reply func(map[string]json.RawMessage) []string) *Client {
	t.Helper()
	clientEnd, serverEnd := net.Pipe()
	fakeServer(t, serverEnd, reply)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	client, err := Connect(ctx, clientEnd, "oob")
	if err != nil {
		t.Fatalf("connecting: %v", err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

func TestClientNegotiatesAndDecodesResults(t *testing.T) {
	var negotiation map[string]json.RawMessage
	client := connected(t, func(request map[string]json.RawMessage) []string {
		switch string(request["execute"]) {
		case `"qmp_capabilities"`:
			negotiation = request
			return []string{`{"return": {}}`}
		case `"submit-job"`:
			var args map[string]any
			if err := json.Unmarshal(request["arguments"], &args); err != nil || args["start-paused"] != true {
				return []string{`{"error": {"class": "GenericError", "desc": "bad arguments"}}`}
			}
			return []string{`{"return": {"id": "job0", "state": "queued"}}`}
		case `"query-jobs"`:
			return []string{`{"return": [{"id": "job0", "state": "running", "progress": 40}]}`}
		}
		return []string{`{"error": {"class": "CommandNotFound", "desc": "no such command"}}`}
	})
	if client.Greeting().Version.Qemu.Major != 9 || client.Greeting().Capabilities[0] != "oob" {
		t.Fatalf("greeting %+v", client.Greeting())
	}
	if string(negotiation["arguments"]) != `{"enable":["oob"]}` {
		t.Fatalf("negotiation %s", negotiation["arguments"])
	}
	ctx := context.Background()
	paused := true
	info, err := client.SubmitJob(ctx, SubmitJobArgs{
		Spec: JobSpec{Branch: JobSpecShell{Command: "make"}}, StartPaused: &paused,
	})
	if err != nil || info.Id != "job0" || info.State != JobStateQueued {
		t.Fatalf("submit-job: %+v, %v", info, err)
	}
	jobs, err := client.QueryJobs(ctx)
	if err != nil || len(jobs) != 1 || *jobs[0].Progress != 40 {
		t.Fatalf("query-jobs: %+v, %v", jobs, err)
	}
	err = client.Ping(ctx)
	var qmpError *Error
	if !errors.As(err, &qmpError) || qmpError.Class != "CommandNotFound" || qmpError.Description != "no such command" {
		t.Fatalf("ping: %v", err)
	}
}

func TestClientDeliversEventsInOrderThenCloses(t *testing.T) {
	client := connected(t, func(request map[string]json.RawMessage) []string {
		if string(request["execute"]) != `"flush-queue"` {
			return []string{`{"return": {}}`}
		}
		return []string{
			`{"event": "JOB_STATE_CHANGED", "data": {"id": "job1", "state": "failed"}, "timestamp": {"seconds": 5, "microseconds": 6}}`,
			`{"event": "JOB_STATE_CHANGED", "data": {"id": false}, "timestamp": {"seconds": 7, "microseconds": 0}}`,
			`{"event": "SOMETHING_NEW", "data": {"x": 1}, "timestamp": {"seconds": 8, "microseconds": 0}}`,
			`{"return": {}}`,
		}
	})
	if err := client.FlushQueue(context.Background()); err != nil {
		t.Fatal(err)
	}
	first := <-client.Events()
	if changed, ok := first.(JobStateChangedEvent); !ok || changed.State != JobStateFailed || changed.Timestamp.Microseconds != 6 {
		t.Fatalf("first event %#v", first)
	}
	second := <-client.Events()
	if raw, ok := second.(RawEvent); !ok || raw.Err == nil || raw.Name != "JOB_STATE_CHANGED" {
		t.Fatalf("second event %#v", second)
	}
	third := <-client.Events()
	if raw, ok := third.(RawEvent); !ok || raw.Err != nil || raw.Name != "SOMETHING_NEW" {
		t.Fatalf("third event %#v", third)
	}
	client.Close()
	if _, open := <-client.Events(); open {
		t.Fatal("events channel still open after Close")
	}
	if err := client.Ping(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("a command after Close: %v", err)
	}
}

func TestCommandWaitsNoLongerThanItsContext(t *testing.T) {
	client := connected(t, func(request map[string]json.RawMessage) []string {
		if string(request["execute"]) == `"qmp_capabilities"` {
			return []string{`{"return": {}}`}
		}
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := client.Ping(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
}
