// Round trips of every type generated from examples/service.json: each wire
// sample decodes into the expected Go value and encodes back to the same JSON.
// pytest copies this file into the generated package and runs `go test`.
package qmp

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// sameJSON fails unless a and b are the same JSON value (member order aside).
func sameJSON(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("encoded %s is not JSON: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("sample %s is not JSON: %v", want, err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("encoded %s, want %s", got, want)
	}
}

// roundTrip decodes sample into v (a pointer), then checks it encodes back to sample.
func roundTrip(t *testing.T, sample string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(sample), v); err != nil {
		t.Fatalf("decoding %s: %v", sample, err)
	}
	encoded, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encoding %#v: %v", v, err)
	}
	sameJSON(t, encoded, sample)
}

func TestEnumsKeepKnownAndUnknownValues(t *testing.T) {
	var state JobState
	roundTrip(t, `"running"`, &state)
	if state != JobStateRunning || !state.IsKnown() {
		t.Fatalf("got %q", state)
	}
	roundTrip(t, `"hibernating"`, &state)
	if state != "hibernating" || state.IsKnown() {
		t.Fatalf("unknown value not kept: %q", state)
	}
	var kind JobKind
	roundTrip(t, `"copy"`, &kind)
	if kind != JobKindCopy {
		t.Fatalf("got %q", kind)
	}
	var qtype QType
	roundTrip(t, `"qdict"`, &qtype)
	if qtype != QTypeQdict {
		t.Fatalf("got %q", qtype)
	}
}

func TestOptionalMembersTellAbsentFromZero(t *testing.T) {
	var absent JobInfo
	roundTrip(t, `{"id": "job0", "state": "queued"}`, &absent)
	if absent.Id != "job0" || absent.State != JobStateQueued || absent.Progress != nil {
		t.Fatalf("got %+v", absent)
	}
	var zero JobInfo
	roundTrip(t, `{"id": "job1", "state": "done", "progress": 0}`, &zero)
	if zero.Progress == nil || *zero.Progress != 0 {
		t.Fatalf("present zero lost: %+v", zero)
	}
	var shell ShellJobOptions
	roundTrip(t, `{"command": "make", "timeout": 30}`, &shell)
	if shell.Command != "make" || shell.Timeout == nil || *shell.Timeout != 30 {
		t.Fatalf("got %+v", shell)
	}
	var copyJob CopyJobOptions
	roundTrip(t, `{"source": "a", "destination": "b", "sparse": false}`, &copyJob)
	if copyJob.Sparse == nil || *copyJob.Sparse {
		t.Fatalf("got %+v", copyJob)
	}
	var match JobMatch
	roundTrip(t, `{"state": "failed"}`, &match)
	if match.State != JobStateFailed || match.Kind != nil {
		t.Fatalf("got %+v", match)
	}
}

func TestMembersOutOfRangeAreRefused(t *testing.T) {
	var info JobInfo
	if err := json.Unmarshal([]byte(`{"id": "j", "state": "done", "progress": 300}`), &info); err == nil {
		t.Fatal("a uint8 of 300 decoded")
	}
}

func TestUnionBranchesFollowTheTag(t *testing.T) {
	var spec JobSpec
	roundTrip(t, `{"kind": "shell", "priority": 2, "command": "make", "timeout": 5}`, &spec)
	shell, ok := spec.Branch.(JobSpecShell)
	if !ok || shell.Command != "make" || *shell.Timeout != 5 || *spec.Priority != 2 {
		t.Fatalf("got %#v", spec)
	}
	if spec.Kind() != JobKindShell {
		t.Fatalf("tag %q", spec.Kind())
	}
	roundTrip(t, `{"kind": "copy", "source": "a", "destination": "b"}`, &spec)
	if copyJob, ok := spec.Branch.(JobSpecCopy); !ok || copyJob.Source != "a" || spec.Priority != nil {
		t.Fatalf("got %#v", spec)
	}
}

func TestUnionWithUnknownTagKeepsItsMembers(t *testing.T) {
	var spec JobSpec
	roundTrip(t, `{"kind": "rsync", "priority": 1, "source": "a", "delete": true}`, &spec)
	unknown, ok := spec.Branch.(JobSpecUnknown)
	if !ok || unknown.Tag != "rsync" || len(unknown.Members) != 2 {
		t.Fatalf("got %#v", spec)
	}
}

func TestUnionIsBuiltFromGoValues(t *testing.T) {
	priority := int64(7)
	spec := JobSpec{Priority: &priority, Branch: JobSpecShell{Command: "ls"}}
	encoded, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, encoded, `{"kind": "shell", "priority": 7, "command": "ls"}`)
	if _, err := json.Marshal(JobSpec{}); err == nil || !strings.Contains(err.Error(), "Branch") {
		t.Fatalf("a union without a branch encoded: %v", err)
	}
	var missing JobSpec
	if err := json.Unmarshal([]byte(`{"command": "ls"}`), &missing); err == nil {
		t.Fatal("a union without its tag decoded")
	}
}

func TestAlternateBranchFollowsTheJSONKind(t *testing.T) {
	var ref JobRef
	roundTrip(t, `"job0"`, &ref)
	if ref.Id == nil || *ref.Id != "job0" || ref.Match != nil {
		t.Fatalf("got %+v", ref)
	}
	roundTrip(t, `{"state": "running", "kind": "shell"}`, &ref)
	if ref.Id != nil || ref.Match == nil || *ref.Match.Kind != JobKindShell {
		t.Fatalf("got %+v", ref)
	}
	for _, sample := range []string{`3`, `true`, `null`, `["job0"]`} {
		if err := json.Unmarshal([]byte(sample), &ref); err == nil {
			t.Fatalf("%s decoded as a JobRef", sample)
		}
	}
	if _, err := json.Marshal(JobRef{}); err == nil {
		t.Fatal("an alternate without a branch encoded")
	}
}

func TestCommandArgumentsEncodeAsTheWireWants(t *testing.T) {
	var submit SubmitJobArgs
	roundTrip(t, `{"spec": {"kind": "shell", "command": "make"}, "start-paused": true}`, &submit)
	if submit.StartPaused == nil || !*submit.StartPaused {
		t.Fatalf("got %+v", submit)
	}
	var cancel CancelJobArgs
	roundTrip(t, `{"job": {"state": "queued"}}`, &cancel)
	if cancel.Job.Match == nil {
		t.Fatalf("got %+v", cancel)
	}
	var sandboxed XRunSandboxedArgs
	roundTrip(t, `{"spec": {"command": "id"}}`, &sandboxed)
	if sandboxed.Spec.Command != "id" {
		t.Fatalf("got %+v", sandboxed)
	}
}

func TestEventsDecodeToTheirTypes(t *testing.T) {
	stamp := Timestamp{Seconds: 1700000000, Microseconds: 5}
	event := DecodeEvent("JOB_STATE_CHANGED", json.RawMessage(`{"id": "job0", "state": "running"}`), stamp)
	changed, ok := event.(JobStateChangedEvent)
	if !ok || changed.Id != "job0" || changed.State != JobStateRunning || changed.EventTime() != stamp {
		t.Fatalf("got %#v", event)
	}
	if changed.EventName() != "JOB_STATE_CHANGED" || changed.EventTime().Time().Unix() != 1700000000 {
		t.Fatalf("got %#v", changed)
	}
	encoded, err := json.Marshal(changed)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, encoded, `{"id": "job0", "state": "running"}`)
}

func TestUndecodableAndUnknownEventsArriveRaw(t *testing.T) {
	bad := DecodeEvent("JOB_STATE_CHANGED", json.RawMessage(`{"id": 7}`), Timestamp{})
	raw, ok := bad.(RawEvent)
	if !ok || raw.Err == nil || raw.EventName() != "JOB_STATE_CHANGED" || string(raw.Data) != `{"id": 7}` {
		t.Fatalf("got %#v", bad)
	}
	unknown := DecodeEvent("NEW_EVENT", nil, Timestamp{Seconds: 1})
	if raw, ok := unknown.(RawEvent); !ok || raw.Err != nil || raw.Name != "NEW_EVENT" || raw.EventTime().Seconds != 1 {
		t.Fatalf("got %#v", unknown)
	}
}
