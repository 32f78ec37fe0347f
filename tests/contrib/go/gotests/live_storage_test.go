// The package generated from QEMU 10.2's storage daemon schema against a real
// qemu-storage-daemon whose monitor listens at QMP_SOCKET: a null-co node, an NBD
// export of it on the unix socket NBD_SOCKET (NBD_DIAL from here), queries, and the
// export's removal.
package qmp

import (
	"fmt"
	"io"
	"os"
	"testing"
	"time"
)

func TestLiveStorageDaemon(t *testing.T) {
	ctx, client := liveSession(t, 90*time.Second)

	node, size := "null0", int64(1<<20)
	err := client.BlockdevAdd(ctx, BlockdevOptions{NodeName: &node, Branch: BlockdevOptionsNullCo{Size: &size}})
	if err != nil {
		t.Fatalf("blockdev-add: %v", err)
	}
	nodes, err := client.QueryNamedBlockNodes(ctx, QueryNamedBlockNodesArgs{})
	if err != nil || len(nodes) != 1 || nodes[0].NodeName == nil || *nodes[0].NodeName != node || nodes[0].Drv != "null-co" {
		t.Fatalf("query-named-block-nodes: %+v, %v", nodes, err)
	}

	nbd := os.Getenv("NBD_SOCKET")
	address := SocketAddressLegacy{Branch: SocketAddressLegacyUnix{Data: UnixSocketAddress{Path: nbd}}}
	if err := client.NbdServerStart(ctx, NbdServerOptionsLegacy{Addr: address}); err != nil {
		t.Fatalf("nbd-server-start: %v", err)
	}
	name := "disk"
	export := BlockExportOptions{Id: "export0", NodeName: node, Branch: BlockExportOptionsNbdBranch{Name: &name}}
	if err := client.BlockExportAdd(ctx, export); err != nil {
		t.Fatalf("block-export-add: %v", err)
	}
	exports, err := client.QueryBlockExports(ctx)
	if err != nil || len(exports) != 1 || exports[0].Id != "export0" || exports[0].Type != BlockExportTypeNbd || exports[0].NodeName != node {
		t.Fatalf("query-block-exports: %+v, %v", exports, err)
	}
	magic := make([]byte, 8)
	if _, err := io.ReadFull(dialUnix(t, os.Getenv("NBD_DIAL")), magic); err != nil || string(magic) != "NBDMAGIC" {
		t.Fatalf("the NBD server said %q, %v", magic, err)
	}

	report := callEach(ctx, client, liveCommands, func(string) bool { return true })
	version := client.Greeting().Version.Qemu
	report.Notes["version"] = fmt.Sprintf("%d.%d.%d", version.Major, version.Minor, version.Micro)

	if err := client.BlockExportDel(ctx, BlockExportDelArgs{Id: "export0"}); err != nil {
		t.Fatalf("block-export-del: %v", err)
	}
	deleted := next(t, client.Events(), "BLOCK_EXPORT_DELETED")
	if event, ok := deleted.(BlockExportDeletedEvent); !ok || event.Id != "export0" {
		t.Fatalf("BLOCK_EXPORT_DELETED %#v", deleted)
	}
	if err := client.NbdServerStop(ctx); err != nil {
		t.Fatalf("nbd-server-stop: %v", err)
	}
	if err := client.BlockdevDel(ctx, BlockdevDelArgs{NodeName: node}); err != nil {
		t.Fatalf("blockdev-del: %v", err)
	}
	printReport(t, report)
}
