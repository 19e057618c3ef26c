package kernel

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var dateRE = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$`)

func TestExecuteStreamsDisplayAndResult(t *testing.T) {
	c := startKernel(t, testInterp{})
	id := c.execute("print a\nprint b\neprint c\ndisplay d1\nupdate d1\nclear\nvalue 42", nil)
	r := content(t, c.reply(c.shellIn, id))
	if r["status"] != "ok" || r["execution_count"] != 1.0 {
		t.Fatalf("reply = %v", r)
	}
	ms := c.iopub(id)
	want := []string{"busy", "execute_input", "stream", "stream", "display_data", "update_display_data",
		"clear_output", "execute_result", "idle"}
	if !slices.Equal(types(ms), want) {
		t.Fatalf("iopub = %v, want %v", types(ms), want)
	}
	if in := content(t, ms[1]); in["code"] == "" || in["execution_count"] != 1.0 {
		t.Errorf("execute_input = %v", in)
	}
	if s := content(t, ms[2]); s["name"] != "stdout" || s["text"] != "a\nb\n" {
		t.Errorf("stdout not coalesced: %v", s)
	}
	if s := content(t, ms[3]); s["name"] != "stderr" || s["text"] != "c\n" {
		t.Errorf("stderr = %v", s)
	}
	for _, m := range ms[4:6] {
		tr, _ := content(t, m)["transient"].(map[string]any)
		if tr["display_id"] != "d1" {
			t.Errorf("%s transient = %v", m.header.MsgType, tr)
		}
	}
	if cl := content(t, ms[6]); cl["wait"] != true {
		t.Errorf("clear_output = %v", cl)
	}
	res := content(t, ms[7])
	if res["execution_count"] != 1.0 || res["data"].(map[string]any)["text/plain"] != "42" {
		t.Errorf("execute_result = %v", res)
	}
	seen := map[string]bool{}
	for _, m := range ms {
		h := m.header
		if seen[h.MsgID] || h.Version != "5.3" || !dateRE.MatchString(h.Date) || h.Session != c.k.session {
			t.Errorf("bad header %+v", h)
		}
		seen[h.MsgID] = true
	}
}

func TestPagerPayload(t *testing.T) {
	c := startKernel(t, testInterp{})
	id := c.execute("page help for x", nil)
	r := content(t, c.reply(c.shellIn, id))
	pl, _ := r["payload"].([]any)
	if len(pl) != 1 {
		t.Fatalf("payload = %v", r["payload"])
	}
	p := pl[0].(map[string]any)
	if p["source"] != "page" || p["start"] != 0.0 || p["data"].(map[string]any)["text/plain"] != "help for x" {
		t.Errorf("page payload = %v", p)
	}
	if got := types(c.iopub(id)); slices.Contains(got, "execute_result") {
		t.Errorf("a page-only result published %v", got)
	}
}

func TestKernelInfoOnShellAndControl(t *testing.T) {
	c := startKernel(t, testInterp{})
	for _, ch := range []struct {
		name string
		in   *inbox
	}{{"shell", c.shellIn}, {"control", c.controlIn}} {
		s := c.shell
		if ch.name == "control" {
			s = c.control
		}
		id := c.send(s, "kernel_info_request", map[string]any{})
		m := c.reply(ch.in, id)
		r := content(t, m)
		li, _ := r["language_info"].(map[string]any)
		if m.header.MsgType != "kernel_info_reply" || r["status"] != "ok" || r["protocol_version"] != "5.3" ||
			r["implementation"] != "test" || li["name"] != "go" || r["help_links"] == nil {
			t.Errorf("%s: kernel_info_reply = %v", ch.name, r)
		}
		if got := types(c.iopub(id)); !slices.Equal(got, []string{"busy", "idle"}) {
			t.Errorf("%s: iopub = %v", ch.name, got)
		}
	}
}

func TestExecutionCountStoreHistoryAndSilent(t *testing.T) {
	c := startKernel(t, testInterp{})
	id := c.execute("count", nil)
	if r := content(t, c.reply(c.shellIn, id)); r["execution_count"] != 1.0 {
		t.Fatalf("first reply = %v", r)
	}
	c.iopub(id)
	id = c.execute("count", map[string]any{"store_history": false})
	if r := content(t, c.reply(c.shellIn, id)); r["execution_count"] != 1.0 {
		t.Errorf("store_history false advanced the count: %v", r)
	}
	ms := c.iopub(id)
	if in := content(t, ms[1]); in["execution_count"] != 1.0 {
		t.Errorf("execute_input = %v", in)
	}
	id = c.execute("print secret\nvalue 3", map[string]any{"silent": true})
	if r := content(t, c.reply(c.shellIn, id)); r["status"] != "ok" || r["execution_count"] != 1.0 {
		t.Errorf("silent reply = %v", r)
	}
	if got := types(c.iopub(id)); !slices.Equal(got, []string{"busy", "idle"}) {
		t.Errorf("silent cell published %v", got)
	}
	id = c.execute("count", nil)
	if r := content(t, c.reply(c.shellIn, id)); r["execution_count"] != 2.0 {
		t.Errorf("count after silent = %v", r)
	}
	if s := content(t, c.iopub(id)[2]); s["text"] != "2\n" {
		t.Errorf("ExecutionCount() = %v", s)
	}
}

func TestErrorsAndStopOnError(t *testing.T) {
	c := startKernel(t, testInterp{})
	a := c.execute("print before\nsleep 300\nfail boom", nil)
	b := c.execute("print b", nil)
	d := c.execute("print d", map[string]any{"stop_on_error": false})
	ra := content(t, c.reply(c.shellIn, a))
	if ra["status"] != "error" || ra["ename"] != "TestError" || ra["evalue"] != "boom" || ra["execution_count"] != 1.0 {
		t.Fatalf("error reply = %v", ra)
	}
	ms := c.iopub(a)
	if want := []string{"busy", "execute_input", "stream", "error", "idle"}; !slices.Equal(types(ms), want) {
		t.Errorf("failed cell iopub = %v, want %v", types(ms), want)
	}
	if e := content(t, ms[3]); e["traceback"].([]any)[0] != "tb: boom" {
		t.Errorf("error = %v", e)
	}
	for _, id := range []string{b, d} {
		if r := content(t, c.reply(c.shellIn, id)); r["status"] != "aborted" {
			t.Errorf("queued request reply = %v, want aborted", r)
		}
		if got := types(c.iopub(id)); !slices.Equal(got, []string{"busy", "idle"}) {
			t.Errorf("aborted request published %v", got)
		}
	}
	// Requests sent after the error reply run again; without stop_on_error the queue is kept.
	e := c.execute("sleep 200\nplainfail oops", map[string]any{"stop_on_error": false})
	f := c.execute("print f", nil)
	re := content(t, c.reply(c.shellIn, e))
	if re["ename"] != "Error" || re["evalue"] != "oops" || len(re["traceback"].([]any)) == 0 {
		t.Errorf("plain error reply = %v", re)
	}
	if r := content(t, c.reply(c.shellIn, f)); r["status"] != "ok" {
		t.Errorf("request after stop_on_error false = %v", r)
	}
	// A silent failure publishes no error and aborts nothing.
	g := c.execute("sleep 200\nfail quiet", map[string]any{"silent": true})
	h := c.execute("print h", nil)
	if r := content(t, c.reply(c.shellIn, g)); r["status"] != "error" || r["evalue"] != "quiet" {
		t.Errorf("silent failure reply = %v", r)
	}
	if got := types(c.iopub(g)); !slices.Equal(got, []string{"busy", "idle"}) {
		t.Errorf("silent failure published %v", got)
	}
	if r := content(t, c.reply(c.shellIn, h)); r["status"] != "ok" {
		t.Errorf("request after a silent failure = %v", r)
	}
	p := c.execute("panic", nil)
	if r := content(t, c.reply(c.shellIn, p)); r["ename"] != "panic" {
		t.Errorf("panic reply = %v", r)
	}
	if r := content(t, c.reply(c.shellIn, c.execute("value alive", nil))); r["status"] != "ok" {
		t.Errorf("kernel after panic = %v", r)
	}
}

func TestInterruptWhileCellRuns(t *testing.T) {
	c := startKernel(t, testInterp{})
	id := c.execute("block", nil)
	c.iopubIn.next(t, "execute_input", func(m *message) bool { return m.header.MsgType == "execute_input" })
	// The heartbeat answers while the cell blocks the shell.
	if err := c.hb.Send(zmqMsg("ping")); err != nil {
		t.Fatal(err)
	}
	if m, err := c.hb.Recv(); err != nil || string(m.Frames[0]) != "ping" {
		t.Fatalf("heartbeat = %v, %v", m, err)
	}
	ir := c.send(c.control, "interrupt_request", map[string]any{})
	if r := content(t, c.reply(c.controlIn, ir)); r["status"] != "ok" {
		t.Errorf("interrupt_reply = %v", r)
	}
	r := content(t, c.reply(c.shellIn, id))
	if r["status"] != "error" || r["ename"] != "Interrupted" {
		t.Errorf("interrupted cell reply = %v", r)
	}
	// What SIGINT does: Kernel.Interrupt.
	id = c.execute("block", nil)
	c.iopubIn.next(t, "execute_input", func(m *message) bool {
		return m.header.MsgType == "execute_input" && m.parentID() == id
	})
	c.k.Interrupt()
	if r := content(t, c.reply(c.shellIn, id)); r["status"] != "error" {
		t.Errorf("reply after Interrupt = %v", r)
	}
}

func TestBadMessagesAreDroppedAndLogged(t *testing.T) {
	c := startKernel(t, testInterp{})
	bad := c.sendSigned(c.shell, signer{key: []byte("wrong")}, "execute_request", map[string]any{"code": "print x"})
	if err := c.shell.SendMulti(zmqMsg("no", "delimiter")); err != nil {
		t.Fatal(err)
	}
	good := c.send(c.shell, "kernel_info_request", map[string]any{})
	c.reply(c.shellIn, good)
	c.shellIn.none(t, "reply to a badly signed request", 100*time.Millisecond,
		func(m *message) bool { return m.parentID() == bad })
	c.iopubIn.none(t, "iopub for a badly signed request", 0,
		func(m *message) bool { return m.parentID() == bad })
	if l := c.logs.String(); !strings.Contains(l, "bad signature") || !strings.Contains(l, "delimiter") {
		t.Errorf("logs do not report the dropped messages:\n%s", l)
	}
}

func TestOutputAfterReplyIsPublished(t *testing.T) {
	c := startKernel(t, testInterp{})
	id := c.execute("late\nsplit", nil)
	c.reply(c.shellIn, id)
	ms := c.iopub(id)
	if s := content(t, ms[2]); s["text"] != "✓\n" {
		t.Errorf("split rune = %q", s["text"])
	}
	late := c.iopubIn.next(t, "late output", func(m *message) bool { return m.header.MsgType == "stream" })
	if late.parentID() != id || content(t, late)["text"] != "late\n" {
		t.Errorf("late output %s with parent %s", late.content, late.parentID())
	}
}

func TestConcurrentStreamsAllArrive(t *testing.T) {
	c := startKernel(t, testInterp{})
	id := c.execute("many 20", nil)
	c.reply(c.shellIn, id)
	var b strings.Builder
	n := 0
	for _, m := range c.iopub(id) {
		if m.header.MsgType == "stream" {
			b.WriteString(content(t, m)["text"].(string))
			n++
		}
	}
	if b.String() != strings.Repeat("x\n", 400) {
		t.Errorf("got %d bytes of stream text, want %d", b.Len(), 800)
	}
	if n > 20 {
		t.Errorf("400 writes gave %d stream messages: not coalesced", n)
	}
}

func TestShutdown(t *testing.T) {
	for _, tc := range []struct {
		channel string
		restart bool
	}{{"control", true}, {"shell", false}} {
		t.Run(tc.channel, func(t *testing.T) {
			c := startKernel(t, testInterp{})
			s, in := c.control, c.controlIn
			if tc.channel == "shell" {
				s, in = c.shell, c.shellIn
			}
			id := c.send(s, "shutdown_request", map[string]any{"restart": tc.restart})
			r := content(t, c.reply(in, id))
			if r["status"] != "ok" || r["restart"] != tc.restart {
				t.Errorf("shutdown_reply = %v", r)
			}
			if res := c.wait(); res.err != nil || res.restart != tc.restart {
				t.Errorf("Run returned %v, %v", res.restart, res.err)
			}
		})
	}
}

func TestShutdownWhileCellRuns(t *testing.T) {
	c := startKernel(t, testInterp{})
	id := c.execute("block", nil)
	c.iopubIn.next(t, "execute_input", func(m *message) bool { return m.header.MsgType == "execute_input" })
	c.send(c.control, "shutdown_request", map[string]any{"restart": false})
	if res := c.wait(); res.err != nil {
		t.Fatal(res.err)
	}
	if r := content(t, c.reply(c.shellIn, id)); r["status"] != "error" {
		t.Errorf("cell reply at shutdown = %v", r)
	}
}
