package kernel

import (
	"encoding/json"
	"unicode/utf8"
)

// codeRequest is the content of complete_request, inspect_request and is_complete_request.
type codeRequest struct {
	Code        string `json:"code"`
	CursorPos   *int   `json:"cursor_pos"` // in Unicode code points; nil means the end
	DetailLevel int    `json:"detail_level"`
}

// parseCodeRequest decodes r's content, answering an error reply when it is malformed.
func parseCodeRequest(r *request) (codeRequest, int, bool) {
	var c codeRequest
	if err := json.Unmarshal(r.msg.content, &c); err != nil {
		r.reply(errorReply("BadRequest", "kernel: bad "+r.msg.header.MsgType+": "+err.Error()))
		return c, 0, false
	}
	n := utf8.RuneCountInString(c.Code)
	cursor := n
	if c.CursorPos != nil && *c.CursorPos >= 0 && *c.CursorPos <= n {
		cursor = *c.CursorPos
	}
	return c, cursor, true
}

// complete answers complete_request through the interpreter's Completer, if any.
func (k *Kernel) complete(r *request) {
	c, cursor, ok := parseCodeRequest(r)
	if !ok {
		return
	}
	res := Completion{CursorStart: cursor, CursorEnd: cursor}
	if cp, ok := k.interp.(Completer); ok {
		res = cp.Complete(c.Code, cursor)
	}
	matches := res.Matches
	if matches == nil {
		matches = []string{}
	}
	r.reply(map[string]any{"status": "ok", "matches": matches, "cursor_start": res.CursorStart,
		"cursor_end": res.CursorEnd, "metadata": nonNilMap(res.Metadata)})
}

// inspect answers inspect_request through the interpreter's Inspector, if any.
func (k *Kernel) inspect(r *request) {
	c, cursor, ok := parseCodeRequest(r)
	if !ok {
		return
	}
	var data MIMEBundle
	found := false
	if in, ok := k.interp.(Inspector); ok {
		data, found = in.Inspect(c.Code, cursor, c.DetailLevel)
	}
	if !found {
		data = nil
	}
	r.reply(map[string]any{"status": "ok", "found": found, "data": nonNilBundle(data),
		"metadata": map[string]any{}})
}

// isComplete answers is_complete_request through the interpreter's CompletenessChecker, if any.
func (k *Kernel) isComplete(r *request) {
	c, _, ok := parseCodeRequest(r)
	if !ok {
		return
	}
	status, indent := "unknown", ""
	if cc, ok := k.interp.(CompletenessChecker); ok {
		status, indent = cc.IsComplete(c.Code)
	}
	content := map[string]any{"status": status}
	if status == "incomplete" {
		content["indent"] = indent
	}
	r.reply(content)
}
