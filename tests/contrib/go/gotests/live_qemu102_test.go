// The package generated from QEMU 10.2's schema against the QEMU pytest starts
// (Debian's 7.2): typed replies, the introspection union, events.
package qmp

import (
	"context"
	"testing"
	"time"
)

func TestQEMU102PackageTalksToAnOlderQEMU(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	client := connectToQEMU(ctx, t)
	defer client.Close()

	version, err := client.QueryVersion(ctx)
	if err != nil || version.Qemu.Major < 7 {
		t.Fatalf("query-version: %+v, %v", version, err)
	}
	status, err := client.QueryStatus(ctx)
	if err != nil || status.Status != RunStateRunning {
		t.Fatalf("query-status: %+v, %v", status, err)
	}
	schema, err := client.QueryQmpSchema(ctx)
	if err != nil || len(schema) < 1000 {
		t.Fatalf("query-qmp-schema: %d entries, %v", len(schema), err)
	}
	kinds := map[SchemaMetaType]int{}
	for _, info := range schema {
		if _, unknown := info.Branch.(SchemaInfoUnknown); unknown {
			t.Fatalf("meta-type %q unknown", info.MetaType())
		}
		kinds[info.MetaType()]++
	}
	if kinds[SchemaMetaTypeCommand] < 100 || kinds[SchemaMetaTypeEvent] < 20 || kinds[SchemaMetaTypeObject] < 100 {
		t.Fatalf("meta-types %v", kinds)
	}
	for _, info := range schema {
		if command, ok := info.Branch.(SchemaInfoCommandBranch); ok && info.Name == "query-status" {
			if command.RetType == "" {
				t.Fatalf("query-status %+v", command)
			}
		}
	}

	if err := client.Stop(ctx); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if _, ok := next(t, client.Events(), "STOP").(StopEvent); !ok {
		t.Fatal("STOP did not decode as a StopEvent")
	}
	if err := client.Quit(ctx); err != nil {
		t.Fatalf("quit: %v", err)
	}
	shutdown, ok := next(t, client.Events(), "SHUTDOWN").(ShutdownEvent)
	if !ok || shutdown.Reason != ShutdownCauseHostQmpQuit {
		t.Fatalf("SHUTDOWN %#v", shutdown)
	}
}
