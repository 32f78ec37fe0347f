// A session with a real QEMU, whose QMP socket pytest names in QMP_SOCKET.
// pytest copies this file into the package generated from fixtures/live.json.
package qmp

import (
	"errors"
	"testing"
	"time"
)

func TestLiveSessionWithQEMU(t *testing.T) {
	ctx, client := liveSession(t, 60*time.Second)
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
