package kernel

import (
	"slices"
	"strings"
	"testing"
)

func TestStdinRoundTrip(t *testing.T) {
	c := startKernel(t, testInterp{})
	id := c.execute("print first\ninput name?", nil)
	req := c.stdinIn.next(t, "input_request", func(m *message) bool { return m.header.MsgType == "input_request" })
	if req.parentID() != id || content(t, req)["prompt"] != "name?" {
		t.Fatalf("input_request = %s parent %s", req.content, req.parentID())
	}
	c.send(c.stdin, "input_reply", map[string]any{"value": "bob"})
	if r := content(t, c.reply(c.shellIn, id)); r["status"] != "ok" {
		t.Fatalf("reply = %v", r)
	}
	var texts []string
	for _, m := range c.iopub(id) {
		if m.header.MsgType == "stream" {
			texts = append(texts, content(t, m)["text"].(string))
		}
	}
	if !slices.Equal(texts, []string{"first\n", "got bob\n"}) {
		t.Errorf("streams = %q (output before the prompt must be flushed first)", texts)
	}
	id = c.execute("input again?", map[string]any{"allow_stdin": false})
	r := content(t, c.reply(c.shellIn, id))
	if r["status"] != "error" || !strings.Contains(r["evalue"].(string), "stdin not allowed") {
		t.Errorf("allow_stdin false reply = %v", r)
	}
	// An interrupt ends a pending input.
	id = c.execute("input never?", nil)
	c.stdinIn.next(t, "second input_request", func(m *message) bool { return m.parentID() == id })
	c.send(c.control, "interrupt_request", map[string]any{})
	if r := content(t, c.reply(c.shellIn, id)); r["status"] != "error" {
		t.Errorf("interrupted input reply = %v", r)
	}
}

func TestHistory(t *testing.T) {
	c := startKernel(t, testInterp{})
	for _, code := range []string{"print a1", "value v", "print a1", "print b2"} {
		c.reply(c.shellIn, c.execute(code, nil))
	}
	c.reply(c.shellIn, c.execute("print hidden", map[string]any{"store_history": false}))
	hist := func(args map[string]any) []any {
		args["output"], args["raw"] = false, true
		return content(t, c.reply(c.shellIn, c.send(c.shell, "history_request", args)))["history"].([]any)
	}
	tail := hist(map[string]any{"hist_access_type": "tail", "n": 2})
	if len(tail) != 2 || tail[0].([]any)[2] != "print a1" || tail[1].([]any)[1] != 4.0 {
		t.Errorf("tail = %v", tail)
	}
	session := tail[0].([]any)[0]
	rng := hist(map[string]any{"hist_access_type": "range", "session": session, "start": 2, "stop": 3})
	if len(rng) != 1 || rng[0].([]any)[1] != 2.0 || rng[0].([]any)[2] != "value v" {
		t.Errorf("range = %v", rng)
	}
	if rng := hist(map[string]any{"hist_access_type": "range", "session": 0, "start": 1}); len(rng) != 4 {
		t.Errorf("range of session 0 = %v", rng)
	}
	if s := hist(map[string]any{"hist_access_type": "search", "pattern": "print *"}); len(s) != 3 {
		t.Errorf("search = %v", s)
	}
	if s := hist(map[string]any{"hist_access_type": "search", "pattern": "print ?1", "unique": true}); len(s) != 1 || s[0].([]any)[1] != 3.0 {
		t.Errorf("unique search = %v", s)
	}
	if s := hist(map[string]any{"hist_access_type": "search", "pattern": "*", "n": 2}); len(s) != 2 || s[1].([]any)[2] != "print b2" {
		t.Errorf("search n = %v", s)
	}
	out := content(t, c.reply(c.shellIn, c.send(c.shell, "history_request",
		map[string]any{"hist_access_type": "range", "session": 0, "start": 2, "stop": 3, "output": true})))
	if e := out["history"].([]any)[0].([]any)[2].([]any); e[0] != "value v" || e[1] != "v" {
		t.Errorf("history with output = %v", e)
	}
}

func TestCommsAreRefused(t *testing.T) {
	c := startKernel(t, testInterp{})
	id := c.send(c.shell, "comm_open", map[string]any{"comm_id": "c1", "target_name": "jupyter.widget", "data": map[string]any{}})
	ms := c.iopub(id)
	if !slices.Equal(types(ms), []string{"busy", "comm_close", "idle"}) || content(t, ms[1])["comm_id"] != "c1" {
		t.Errorf("comm_open iopub = %v", types(ms))
	}
	c.send(c.shell, "comm_msg", map[string]any{"comm_id": "c1", "data": map[string]any{}})
	info := content(t, c.reply(c.shellIn, c.send(c.shell, "comm_info_request", map[string]any{})))
	if comms, ok := info["comms"].(map[string]any); !ok || len(comms) != 0 || info["status"] != "ok" {
		t.Errorf("comm_info_reply = %v", info)
	}
}

func TestIntrospectionAndUnknownRequests(t *testing.T) {
	c := startKernel(t, testInterp{})
	code := "π := fmt.Pr"
	r := content(t, c.reply(c.shellIn, c.send(c.shell, "complete_request", map[string]any{"code": code, "cursor_pos": 11})))
	if r["cursor_start"] != 9.0 || r["cursor_end"] != 11.0 || len(r["matches"].([]any)) != 2 ||
		r["metadata"].(map[string]any)["runes"] != 11.0 {
		t.Errorf("complete_reply = %v", r)
	}
	r = content(t, c.reply(c.shellIn, c.send(c.shell, "inspect_request", map[string]any{"code": code, "cursor_pos": 3, "detail_level": 0})))
	if r["status"] != "ok" || r["found"] != false {
		t.Errorf("inspect_reply without Inspector = %v", r)
	}
	r = content(t, c.reply(c.shellIn, c.send(c.shell, "is_complete_request", map[string]any{"code": code})))
	if r["status"] != "unknown" {
		t.Errorf("is_complete_reply without checker = %v", r)
	}
	r = content(t, c.reply(c.shellIn, c.send(c.shell, "complete_request", map[string]any{"code": "boom", "cursor_pos": 4})))
	if r["status"] != "error" || r["ename"] != "InternalError" {
		t.Errorf("reply after a panicking completer = %v", r)
	}
	m := c.reply(c.shellIn, c.send(c.shell, "frobnicate_request", map[string]any{}))
	if r := content(t, m); m.header.MsgType != "frobnicate_reply" || r["status"] != "error" {
		t.Errorf("unknown request reply %s = %v", m.header.MsgType, r)
	}
	id := c.execute("value 1", map[string]any{"user_expressions": map[string]any{"a": "ok", "b": "nope"}})
	ue := content(t, c.reply(c.shellIn, id))["user_expressions"].(map[string]any)
	a, b := ue["a"].(map[string]any), ue["b"].(map[string]any)
	if a["status"] != "ok" || a["data"].(map[string]any)["text/plain"] != "fine" || b["status"] != "error" || b["ename"] != "EvalError" {
		t.Errorf("user_expressions = %v", ue)
	}
}

func TestMissingAbilities(t *testing.T) {
	c := startKernel(t, bareInterp{})
	r := content(t, c.reply(c.shellIn, c.send(c.shell, "complete_request", map[string]any{"code": "ab", "cursor_pos": 2})))
	if len(r["matches"].([]any)) != 0 || r["cursor_start"] != 2.0 || r["cursor_end"] != 2.0 {
		t.Errorf("complete_reply without Completer = %v", r)
	}
	id := c.execute("", map[string]any{"user_expressions": map[string]any{"a": "x"}})
	ue := content(t, c.reply(c.shellIn, id))["user_expressions"].(map[string]any)
	if ue["a"].(map[string]any)["status"] != "error" {
		t.Errorf("user_expressions without evaluator = %v", ue)
	}
}
