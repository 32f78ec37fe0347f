// The package generated from QEMU 10.2's guest agent schema against a real qemu-ga
// listening at QGA_SOCKET, with every command but those in QGA_ALLOWED blocked.
package qga

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestLiveAgent(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	allowed := map[string]bool{}
	for _, name := range strings.Split(os.Getenv("QGA_ALLOWED"), ",") {
		allowed[name] = true
	}
	client, err := Connect(ctx, dialUnix(t, os.Getenv("QGA_SOCKET")))
	if err != nil {
		t.Fatalf("connecting: %v", err)
	}
	defer client.Close()

	info, err := client.GuestInfo(ctx)
	if err != nil {
		t.Fatalf("guest-info: %v", err)
	}
	enabled := map[string]bool{} // each command the agent has: whether it is enabled
	for _, command := range info.SupportedCommands {
		if command.Enabled && !allowed[command.Name] {
			t.Fatalf("%s is enabled despite -b: nothing else is sent", command.Name)
		}
		enabled[command.Name] = command.Enabled
	}
	report := callEach(ctx, client, liveCommands, func(name string) bool { return enabled[name] })
	report.Notes["version"] = info.Version

	if err := client.GuestPing(ctx); err != nil {
		t.Fatalf("guest-ping: %v", err)
	}
	_, err = client.GuestExecStatus(ctx, GuestExecStatusArgs{Pid: 1})
	var disabled *CommandDisabledError
	if !errors.As(err, &disabled) || disabled.Command != "guest-exec-status" {
		t.Fatalf("guest-exec-status, blocked, returned %#v", err)
	}
	report.Notes["refused"] = err.Error()
	if _, has := enabled["guest-get-load"]; !has {
		_, err := client.GuestGetLoad(ctx)
		var absent *CommandNotAvailableError
		if !errors.As(err, &absent) || absent.Command != "guest-get-load" {
			t.Fatalf("guest-get-load, which the agent lacks, returned %#v", err)
		}
		report.Notes["absent"] = err.Error()
	}
	for command, want := range map[string]bool{"guest-info": true, "guest-exec-status": false, "guest-shutdown": false} {
		if has, err := client.HasCommand(ctx, command); err != nil || has != want {
			t.Fatalf("HasCommand(%s) = %v, %v", command, has, err)
		}
	}
	printReport(t, report)
}
