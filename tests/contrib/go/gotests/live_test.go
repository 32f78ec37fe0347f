// A session with a real QEMU, whose QMP socket pytest names in QMP_SOCKET.
// pytest copies this file into the package generated from fixtures/live.json.
package qmp

import (
	"context"
	"errors"
	"net"
	"os"
	"testing"
	"time"
)

// dial connects to the socket once QEMU has created it.
func dial(t *testing.T, path string) net.Conn {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := net.Dial("unix", path)
		if err == nil {
			return conn
		}
		if time.Now().After(deadline) {
			t.Fatalf("no QMP socket at %s: %v", path, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// next returns the next event called name, skipping others.
func next(t *testing.T, events <-chan Event, name string) Event {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case event, ok := <-events:
			if !ok {
				t.Fatalf("events closed before %s", name)
			}
			if event.EventName() == name {
				return event
			}
		case <-timeout:
			t.Fatalf("no %s event", name)
		}
	}
}

func TestLiveSessionWithQEMU(t *testing.T) {
	path := os.Getenv("QMP_SOCKET")
	if path == "" {
		t.Skip("QMP_SOCKET is not set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	client, err := Connect(ctx, dial(t, path), "oob")
	if err != nil {
		t.Fatalf("connecting: %v", err)
	}
	defer client.Close()
	greeting := client.Greeting()
	if greeting.Version.Qemu.Major < 7 || len(greeting.Capabilities) == 0 {
		t.Fatalf("greeting %+v", greeting)
	}

	version, err := client.QueryVersion(ctx)
	if err != nil || version.Qemu.Major != int64(greeting.Version.Qemu.Major) {
		t.Fatalf("query-version: %+v, %v", version, err)
	}
	status, err := client.QueryStatus(ctx)
	if err != nil || !status.Running || status.Status != RunStateRunning {
		t.Fatalf("query-status: %+v, %v", status, err)
	}

	if err := client.Stop(ctx); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if _, ok := next(t, client.Events(), "STOP").(StopEvent); !ok {
		t.Fatal("STOP did not decode as a StopEvent")
	}
	status, err = client.QueryStatus(ctx)
	if err != nil || status.Running || status.Status != RunStatePaused {
		t.Fatalf("query-status after stop: %+v, %v", status, err)
	}

	_, err = client.QueryBalloon(ctx)
	var qmpError *Error
	if !errors.As(err, &qmpError) || qmpError.Class != "DeviceNotActive" || qmpError.Description == "" {
		t.Fatalf("query-balloon without a balloon: %v", err)
	}

	if err := client.Quit(ctx); err != nil {
		t.Fatalf("quit: %v", err)
	}
	shutdown, ok := next(t, client.Events(), "SHUTDOWN").(ShutdownEvent)
	if !ok || shutdown.Guest || shutdown.Reason != ShutdownCauseHostQmpQuit || shutdown.Timestamp.Seconds == 0 {
		t.Fatalf("SHUTDOWN %#v", shutdown)
	}
	for range client.Events() {
	}
	if _, err := client.QueryVersion(ctx); !errors.Is(err, ErrClosed) {
		t.Fatalf("a command after quit: %v", err)
	}
}
