// The generated guest agent client against scripted agents on a unix socket:
// resync on connect and after a timeout, no-reply commands, disabled commands.
package qga

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"testing"
	"time"
)

// request is what a scripted agent received.
type request struct {
	Command  string          `json:"execute"`
	Args     json.RawMessage `json:"arguments"`
	ID       json.RawMessage `json:"id"`
	Sentinel bool            `json:"-"` // a 0xFF byte came before it
}

// agentEnd is the scripted agent's end of the connection.
type agentEnd struct {
	conn net.Conn
}

// reply writes text as it is.
func (a agentEnd) reply(text string) {
	_, _ = a.conn.Write([]byte(text))
}

// script answers one request (or does not).
type script func(r request, agent agentEnd)

// syncAnswer answers guest-sync-delimited the way qemu-ga does: 0xFF, then the id.
func syncAnswer(r request, agent agentEnd) {
	var args struct {
		ID json.RawMessage `json:"id"`
	}
	_ = json.Unmarshal(r.Args, &args)
	agent.reply("\xff{\"return\": " + string(args.ID) + "}\n")
}

// answer is a reply to r carrying r's id, as qemu-ga sends it.
func answer(r request, body string) string {
	return `{"id": ` + string(r.ID) + `, ` + body[1:] + "\n"
}

// startAgent serves one connection with respond (guest-sync-delimited answered unless
// respond does it) and returns a connected client and the requests as they came.
func startAgent(t *testing.T, respond script) (*Client, <-chan request) {
	t.Helper()
	listener, err := net.Listen("unix", filepath.Join(t.TempDir(), "agent.sock"))
	if err != nil {
		t.Fatal(err)
	}
	received := make(chan request, 100)
	go func() {
		defer listener.Close()
		conn, err := listener.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		lines := bufio.NewReader(conn)
		for {
			line, err := lines.ReadBytes('\n')
			if err != nil {
				return
			}
			var r request
			r.Sentinel = bytes.HasPrefix(line, []byte{0xff})
			if json.Unmarshal(bytes.TrimLeft(line, "\xff"), &r) != nil {
				continue
			}
			received <- r
			respond(r, agentEnd{conn})
		}
	}()
	conn, err := net.Dial("unix", listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	client, err := Connect(ctx, conn)
	if err != nil {
		t.Fatalf("connecting: %v", err)
	}
	t.Cleanup(func() { client.Close() })
	first := <-received
	if first.Command != "guest-sync-delimited" || !first.Sentinel {
		t.Fatalf("connect sent %+v, want 0xFF and guest-sync-delimited", first)
	}
	return client, received
}

// withSync answers guest-sync-delimited itself and hands other requests to respond.
func withSync(respond script) script {
	return func(r request, agent agentEnd) {
		if r.Command == "guest-sync-delimited" {
			syncAnswer(r, agent)
			return
		}
		respond(r, agent)
	}
}

// commands are the names of requests, with a "!" after those a 0xFF byte preceded.
func commands(received <-chan request, count int) string {
	var names []string
	for i := 0; i < count; i++ {
		select {
		case r := <-received:
			name := r.Command
			if r.Sentinel {
				name += "!"
			}
			names = append(names, name)
		case <-time.After(10 * time.Second):
			names = append(names, "(nothing)")
		}
	}
	return fmt.Sprint(names)
}

func TestAgentConnectDropsEverythingBeforeTheSentinelAndTheMatchingId(t *testing.T) {
	client, received := startAgent(t, func(r request, agent agentEnd) {
		switch r.Command {
		case "guest-sync-delimited":
			agent.reply(`{"return": 1, "id": 1}` + "\n" + `{"return": {"vers`)
			agent.reply("\xff{\"return\": 12345}\n")
			syncAnswer(r, agent)
		case "guest-info":
			agent.reply(answer(r, `{"return": {"version": "fresh", "supported_commands": []}}`))
		}
	})
	info, err := client.GuestInfo(context.Background())
	if err != nil || info.Version != "fresh" {
		t.Fatalf("guest-info %+v, %v", info, err)
	}
	if got := commands(received, 1); got != "[guest-info]" {
		t.Fatalf("requests after connect: %s", got)
	}
}

func TestAgentResyncDropsTheLateReplyOfATimedOutCall(t *testing.T) {
	requests := 0
	client, received := startAgent(t, func(r request, agent agentEnd) {
		requests++
		switch requests {
		case 2: // the first guest-info (after connect's sync): no answer yet
			return
		case 3:
			// The late answer, with the id the next call takes (as an agent
			// that does not echo ids reliably would), and half of another.
			agent.reply(`{"return": {"version": "stale", "supported_commands": []}, "id": 2}` + "\n{\"return\": {\"ver")
		}
		if r.Command == "guest-sync-delimited" {
			syncAnswer(r, agent)
		} else {
			agent.reply(answer(r, `{"return": {"version": "fresh", "supported_commands": []}}`))
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	_, err := client.GuestInfo(ctx)
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("the unanswered call returned %v", err)
	}
	info, err := client.GuestInfo(context.Background())
	if err != nil || info.Version != "fresh" {
		t.Fatalf("the call after the timeout got %+v, %v", info, err)
	}
	if got := commands(received, 3); got != "[guest-info guest-sync-delimited! guest-info]" {
		t.Fatalf("requests: %s", got)
	}
}

func TestAgentDropsRepliesWithAnotherId(t *testing.T) {
	client, _ := startAgent(t, withSync(func(r request, agent agentEnd) {
		agent.reply(`{"return": {"version": "other", "supported_commands": []}, "id": 99}` + "\n")
		agent.reply(answer(r, `{"return": {"version": "mine", "supported_commands": []}}`))
	}))
	info, err := client.GuestInfo(context.Background())
	if err != nil || info.Version != "mine" {
		t.Fatalf("guest-info %+v, %v", info, err)
	}
}

func TestAgentNoReplyCommandReturnsOnceWritten(t *testing.T) {
	client, received := startAgent(t, withSync(func(r request, agent agentEnd) {
		if r.Command == "guest-ping" {
			agent.reply(answer(r, `{"return": {}}`))
		}
	}))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	mode := "powerdown"
	if err := client.GuestShutdown(ctx, GuestShutdownArgs{Mode: &mode}); err != nil {
		t.Fatalf("guest-shutdown: %v", err)
	}
	shutdown := <-received
	if shutdown.Command != "guest-shutdown" || string(shutdown.Args) != `{"mode":"powerdown"}` {
		t.Fatalf("the agent got %+v", shutdown)
	}
	if err := client.GuestPing(ctx); err != nil {
		t.Fatalf("guest-ping after guest-shutdown: %v", err)
	}
	if got := commands(received, 2); got != "[guest-sync-delimited! guest-ping]" {
		t.Fatalf("requests after guest-shutdown: %s", got)
	}
}

func TestAgentErrorToANoReplyCommandIsDroppedByTheNextCall(t *testing.T) {
	client, _ := startAgent(t, withSync(func(r request, agent agentEnd) {
		switch r.Command {
		case "guest-shutdown":
			agent.reply(`{"error": {"class": "CommandNotFound", "desc": "Command guest-shutdown has been disabled"}}` + "\n")
		case "guest-info":
			agent.reply(answer(r, `{"return": {"version": "1.0", "supported_commands": []}}`))
		}
	}))
	ctx := context.Background()
	if err := client.GuestShutdown(ctx, GuestShutdownArgs{}); err != nil {
		t.Fatalf("guest-shutdown: %v", err)
	}
	info, err := client.GuestInfo(ctx)
	if err != nil || info.Version != "1.0" {
		t.Fatalf("guest-info after a refused guest-shutdown: %+v, %v", info, err)
	}
}

func TestAgentDisabledCommandIsATypedErrorNamingIt(t *testing.T) {
	descriptions := map[string]string{
		"qemu-ga 7.2":  "Command guest-exec-status has been disabled",
		"qemu-ga 10.0": "Command guest-exec-status has been disabled: the command is not allowed",
	}
	for release, desc := range descriptions {
		client, received := startAgent(t, withSync(func(r request, agent agentEnd) {
			agent.reply(answer(r, `{"error": {"class": "CommandNotFound", "desc": "`+desc+`"}}`))
		}))
		_, err := client.GuestExecStatus(context.Background(), GuestExecStatusArgs{Pid: 7})
		var disabled *CommandDisabledError
		if !errors.As(err, &disabled) || disabled.Command != "guest-exec-status" {
			t.Fatalf("%s: %#v", release, err)
		}
		var agentError *Error
		if !errors.As(err, &agentError) || agentError.Class != "CommandNotFound" {
			t.Fatalf("%s: the agent's error is not kept: %v", release, err)
		}
		if r := <-received; string(r.Args) != `{"pid":7}` {
			t.Fatalf("%s: arguments %s", release, r.Args)
		}
	}
}

func TestAgentUnknownCommandIsAPlainError(t *testing.T) {
	client, _ := startAgent(t, withSync(func(r request, agent agentEnd) {
		agent.reply(answer(r, `{"error": {"class": "CommandNotFound", "desc": "The command guest-exec-status has not been found"}}`))
	}))
	_, err := client.GuestExecStatus(context.Background(), GuestExecStatusArgs{Pid: 7})
	var disabled *CommandDisabledError
	var agentError *Error
	if errors.As(err, &disabled) || !errors.As(err, &agentError) || agentError.Class != "CommandNotFound" {
		t.Fatalf("%#v", err)
	}
}

func TestAgentHasCommandAsksGuestInfoOnce(t *testing.T) {
	client, received := startAgent(t, withSync(func(r request, agent agentEnd) {
		agent.reply(answer(r, `{"return": {"version": "1.0", "supported_commands": [`+
			`{"name": "guest-ping", "enabled": true}, {"name": "guest-shutdown", "enabled": false}]}}`))
	}))
	ctx := context.Background()
	for command, want := range map[string]bool{"guest-ping": true, "guest-shutdown": false, "guest-exec": false} {
		if has, err := client.HasCommand(ctx, command); err != nil || has != want {
			t.Fatalf("HasCommand(%s) = %v, %v", command, has, err)
		}
	}
	if got := commands(received, 1); got != "[guest-info]" || len(received) != 0 {
		t.Fatalf("requests: %s and %d more", got, len(received))
	}
}

func TestAgentCommandsGuestInfoLacksOrDisablesAreNotSentOnceItIsKnown(t *testing.T) {
	client, received := startAgent(t, withSync(func(r request, agent agentEnd) {
		agent.reply(answer(r, `{"return": {"version": "7.2.0", "supported_commands": [`+
			`{"name": "guest-info", "enabled": true}, {"name": "guest-shutdown", "enabled": false}]}}`))
	}))
	ctx := context.Background()
	if has, err := client.HasCommand(ctx, "guest-info"); err != nil || !has {
		t.Fatalf("HasCommand(guest-info) = %v, %v", has, err)
	}
	_, err := client.GuestExecStatus(ctx, GuestExecStatusArgs{Pid: 7})
	var absent *CommandNotAvailableError
	if !errors.As(err, &absent) || absent.Command != "guest-exec-status" || absent.Version != "7.2.0" {
		t.Fatalf("guest-exec-status, which the agent lacks: %#v", err)
	}
	if want := "qga: guest agent 7.2.0 has no command guest-exec-status"; err.Error() != want {
		t.Fatalf("%q, want %q", err, want)
	}
	err = client.GuestShutdown(ctx, GuestShutdownArgs{})
	var disabled *CommandDisabledError
	if !errors.As(err, &disabled) || disabled.Command != "guest-shutdown" || disabled.Err.Class != "CommandNotFound" {
		t.Fatalf("guest-shutdown, which the agent has disabled: %#v", err)
	}
	if got := commands(received, 1); got != "[guest-info]" || len(received) != 0 {
		t.Fatalf("requests: %s and %d more", got, len(received))
	}
}

func TestAgentCallsEndWithErrClosed(t *testing.T) {
	client, _ := startAgent(t, withSync(func(r request, agent agentEnd) {}))
	done := make(chan error)
	go func() {
		done <- client.GuestPing(context.Background())
	}()
	time.Sleep(50 * time.Millisecond)
	client.Close()
	if err := <-done; !errors.Is(err, ErrClosed) {
		t.Fatalf("the waiting call returned %v", err)
	}
	if err := client.GuestPing(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("a call after Close returned %v", err)
	}
}

func TestAgentHangingUpEndsTheConnection(t *testing.T) {
	client, _ := startAgent(t, withSync(func(r request, agent agentEnd) {
		agent.conn.Close()
	}))
	if err := client.GuestPing(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("guest-ping to an agent that hung up returned %v", err)
	}
	if err := client.GuestPing(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("the next call returned %v", err)
	}
}
