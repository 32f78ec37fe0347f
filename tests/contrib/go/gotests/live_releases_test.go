// The package generated from QEMU 10.2's schema with the histories of 7.2 and 10.0, against
// the QEMU pytest starts (Debian's 7.2, or trixie's 10.0): every argument-less query decodes
// and encodes back to exactly the reply, commands QEMU lacks are refused before sending,
// capabilities answer from query-qmp-schema, events arrive typed.
package qmp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder is a net.Conn that keeps the commands the client sends and the replies it
// receives (QEMU sends one message a line).
type recorder struct {
	net.Conn
	mu       sync.Mutex
	commands []string                   // in the order sent
	ids      map[string]string          // command -> id of its last request
	replies  map[string]json.RawMessage // id -> "return" value
	events   map[string]json.RawMessage // event -> "data" of the last one
	partial  []byte
}

func (r *recorder) Read(p []byte) (int, error) {
	n, err := r.Conn.Read(p)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.partial = append(r.partial, p[:n]...)
	for {
		end := bytes.IndexByte(r.partial, '\n')
		if end < 0 {
			return n, err
		}
		var m struct {
			ID     json.RawMessage `json:"id"`
			Return json.RawMessage `json:"return"`
			Event  string          `json:"event"`
			Data   json.RawMessage `json:"data"`
		}
		if json.Unmarshal(r.partial[:end], &m) == nil && m.Return != nil {
			r.replies[string(m.ID)] = m.Return
		} else if m.Event != "" {
			r.events[m.Event] = m.Data
		}
		r.partial = r.partial[end+1:]
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	var m struct {
		Execute string          `json:"execute"`
		ID      json.RawMessage `json:"id"`
	}
	if json.Unmarshal(p, &m) == nil && m.Execute != "" {
		r.mu.Lock()
		r.commands = append(r.commands, m.Execute)
		r.ids[m.Execute] = string(m.ID)
		r.mu.Unlock()
	}
	return r.Conn.Write(p)
}

// last returns the last command sent and its raw reply.
func (r *recorder) last() (string, json.RawMessage) {
	r.mu.Lock()
	defer r.mu.Unlock()
	command := r.commands[len(r.commands)-1]
	return command, r.replies[r.ids[command]]
}

// wasSent reports whether command was sent.
func (r *recorder) wasSent(command string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.ids[command]
	return ok
}

// argumentlessQueries returns the Query* methods of *Client callable without arguments:
// none, or an argument struct whose zero value encodes as {}.
func argumentlessQueries() []reflect.Method {
	client := reflect.TypeOf(&Client{})
	var found []reflect.Method
	for i := 0; i < client.NumMethod(); i++ {
		method := client.Method(i)
		kind := method.Type
		if !strings.HasPrefix(method.Name, "Query") || kind.NumOut() != 2 || kind.NumIn() < 2 || kind.NumIn() > 3 {
			continue
		}
		if kind.NumIn() == 3 {
			zero, err := json.Marshal(reflect.Zero(kind.In(2)).Interface())
			if err != nil || string(zero) != "{}" {
				continue
			}
		}
		found = append(found, method)
	}
	return found
}

func TestQEMU102PackageAcrossReleases(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	var conn *recorder
	client := connectThrough(ctx, t, func(c net.Conn) net.Conn {
		conn = &recorder{Conn: c, ids: map[string]string{}, replies: map[string]json.RawMessage{}, events: map[string]json.RawMessage{}}
		return conn
	})
	defer client.Close()
	qemu := client.Greeting().Version.Qemu
	version := fmt.Sprintf("%d.%d.%d", qemu.Major, qemu.Minor, qemu.Micro)

	// Neither 7.2 nor 10.0 has query-accelerators: the client asks query-qmp-schema, not it.
	_, err := client.QueryAccelerators(ctx)
	var absent *CommandNotAvailableError
	if !errors.As(err, &absent) || absent.Command != "query-accelerators" || absent.Version != version {
		t.Fatalf("query-accelerators: %v", err)
	}
	if sent := strings.Join(conn.commands, " "); sent != "qmp_capabilities query-qmp-schema" {
		t.Fatalf("sent %s", sent)
	}

	capabilities, err := client.Capabilities(ctx)
	if err != nil {
		t.Fatalf("capabilities: %v", err)
	}
	if !capabilities.HasArgument("blockdev-add", "file.aio") ||
		!capabilities.HasEnumValue("blockdev-add", "driver", "null-co") ||
		capabilities.HasArgument("blockdev-add", "file.no-such-member") ||
		!capabilities.HasCommand("query-status") || !capabilities.HasEvent("STOP") ||
		capabilities.HasEvent("query-status") {
		t.Fatal("capabilities answer wrongly")
	}
	size := int64(1 << 20)
	node := "null0"
	err = client.BlockdevAdd(ctx, BlockdevOptions{NodeName: &node, Branch: BlockdevOptionsNullCo{Size: &size}})
	if err != nil {
		t.Fatalf("blockdev-add: %v", err)
	}

	outcome := map[string][]string{}
	for _, method := range argumentlessQueries() {
		args := []reflect.Value{reflect.ValueOf(client), reflect.ValueOf(ctx)}
		if method.Type.NumIn() == 3 {
			args = append(args, reflect.Zero(method.Type.In(2)))
		}
		results := method.Func.Call(args)
		err, _ := results[1].Interface().(error)
		var qmpError *Error
		switch {
		case errors.As(err, &absent):
			if conn.wasSent(absent.Command) || capabilities.HasCommand(absent.Command) || absent.Version != version {
				t.Errorf("%s: refused wrongly (QEMU %s)", absent.Command, absent.Version)
			}
			outcome["not available"] = append(outcome["not available"], absent.Command)
		case errors.As(err, &qmpError):
			outcome["QEMU errors"] = append(outcome["QEMU errors"], method.Name+":"+qmpError.Class)
		case err != nil:
			t.Logf("REFUSED %s: %v", method.Name, err)
			outcome["refused"] = append(outcome["refused"], method.Name)
		default:
			wire, raw := conn.last()
			encoded, err := json.Marshal(results[0].Interface())
			if err != nil || !sameJSON(encoded, raw) {
				t.Logf("REFUSED %s: encoded back differently (%v):\n%s\n%s", wire, err, raw, encoded)
				outcome["refused"] = append(outcome["refused"], wire)
				continue
			}
			outcome["decoded exactly"] = append(outcome["decoded exactly"], wire)
		}
	}
	for _, kind := range []string{"decoded exactly", "refused", "not available", "QEMU errors"} {
		sort.Strings(outcome[kind])
		t.Logf("OUTCOME %s: %d: %s", kind, len(outcome[kind]), strings.Join(outcome[kind], " "))
	}

	if err := client.Stop(ctx); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if _, ok := next(t, client.Events(), "STOP").(StopEvent); !ok {
		t.Fatal("STOP did not decode as a StopEvent")
	}
	if err := client.Cont(ctx); err != nil {
		t.Fatalf("cont: %v", err)
	}
	if _, ok := next(t, client.Events(), "RESUME").(ResumeEvent); !ok {
		t.Fatal("RESUME did not decode as a ResumeEvent")
	}
	if err := client.Quit(ctx); err != nil {
		t.Fatalf("quit: %v", err)
	}
	shutdown, ok := next(t, client.Events(), "SHUTDOWN").(ShutdownEvent)
	if !ok || shutdown.Reason != ShutdownCauseHostQmpQuit {
		t.Fatalf("SHUTDOWN %#v", shutdown)
	}
	conn.mu.Lock()
	raw := conn.events["SHUTDOWN"]
	conn.mu.Unlock()
	if encoded, err := json.Marshal(shutdown); err != nil || !sameJSON(encoded, raw) {
		t.Fatalf("SHUTDOWN encoded back as %s, not %s (%v)", encoded, raw, err)
	}
}
