// Helpers of the live tests, copied with them into a generated package.
package qmp

import (
	"context"
	"net"
	"os"
	"testing"
	"time"
)

// liveSession connects to QEMU as connectToQEMU does, with a context that ends after
// timeout; the client is closed and the context cancelled when the test ends.
func liveSession(t *testing.T, timeout time.Duration) (context.Context, *Client) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	client := connectToQEMU(ctx, t)
	t.Cleanup(func() { client.Close() })
	return ctx, client
}

// connectToQEMU connects to the QMP socket named by QMP_SOCKET once QEMU has created it.
func connectToQEMU(ctx context.Context, t *testing.T) *Client {
	t.Helper()
	return connectThrough(ctx, t, func(conn net.Conn) net.Conn { return conn })
}

// connectThrough connects like connectToQEMU, the client talking through wrap(conn).
func connectThrough(ctx context.Context, t *testing.T, wrap func(net.Conn) net.Conn) *Client {
	t.Helper()
	path := os.Getenv("QMP_SOCKET")
	if path == "" {
		t.Skip("QMP_SOCKET is not set")
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := net.Dial("unix", path)
		if err == nil {
			client, err := Connect(ctx, wrap(conn), "oob")
			if err != nil {
				t.Fatalf("connecting: %v", err)
			}
			return client
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
