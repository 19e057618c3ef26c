package kernel

import (
	"encoding/json"
	"regexp"
	"strings"
)

// sessionNumber is the number history replies give this session; requests may also say 0.
const sessionNumber = 1

// historyEntry is one executed cell with store_history true.
type historyEntry struct {
	line   int    // its execution_count
	input  string // its code
	output string // text/plain of its execute_result, "" when none
}

// history holds this session's executed cells in order. The kernel's mu guards it.
type history struct {
	entries []historyEntry
}

// add records the code of cell number line.
func (h *history) add(line int, input string) {
	h.entries = append(h.entries, historyEntry{line: line, input: input})
}

// setOutput records the text/plain result of cell number line.
func (h *history) setOutput(line int, output string) {
	for i := len(h.entries) - 1; i >= 0; i-- {
		if h.entries[i].line == line {
			h.entries[i].output = output
			return
		}
	}
}

// tail returns the last n entries.
func (h *history) tail(n int) []historyEntry {
	if n < 0 || n > len(h.entries) {
		n = len(h.entries)
	}
	return h.entries[len(h.entries)-n:]
}

// lineRange returns the entries with start <= line < stop (stop <= 0: no upper bound) of a
// session: 0 or sessionNumber mean this one, any other has no entries.
func (h *history) lineRange(session, start, stop int) []historyEntry {
	if session != 0 && session != sessionNumber {
		return nil
	}
	var out []historyEntry
	for _, e := range h.entries {
		if e.line >= start && (stop <= 0 || e.line < stop) {
			out = append(out, e)
		}
	}
	return out
}

// search returns the entries whose input matches the glob pattern (* and ?), the last n of
// them when n > 0, keeping only the latest of equal inputs when unique.
func (h *history) search(pattern string, n int, unique bool) []historyEntry {
	re := globRegexp(pattern)
	var out []historyEntry
	seen := map[string]bool{}
	for i := len(h.entries) - 1; i >= 0; i-- {
		e := h.entries[i]
		if !re.MatchString(e.input) || (unique && seen[e.input]) {
			continue
		}
		seen[e.input] = true
		out = append(out, e)
		if n > 0 && len(out) == n {
			break
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// globRegexp compiles a glob pattern (* any run, ? any one character) matched against the
// whole input, as SQLite's GLOB does in IPython's history.
func globRegexp(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(?s)\A`)
	for _, r := range pattern {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`\z`)
	return regexp.MustCompile(b.String()) // quoted: always valid
}

// historyRequest is the content of history_request.
type historyRequest struct {
	Output         bool   `json:"output"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           *int   `json:"stop"`
	N              *int   `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

// history answers history_request with [session, line, input] entries, or
// [session, line, [input, output]] when output is asked for.
func (k *Kernel) history(r *request) {
	var req historyRequest
	if err := json.Unmarshal(r.msg.content, &req); err != nil {
		r.reply(errorReply("BadRequest", "kernel: bad history_request: "+err.Error()))
		return
	}
	n, stop := -1, 0
	if req.N != nil {
		n = *req.N
	}
	if req.Stop != nil {
		stop = *req.Stop
	}
	k.mu.Lock()
	var found []historyEntry
	switch req.HistAccessType {
	case "tail":
		found = k.hist.tail(n)
	case "range":
		found = k.hist.lineRange(req.Session, req.Start, stop)
	case "search":
		found = k.hist.search(req.Pattern, max(n, 0), req.Unique)
	}
	items := make([][]any, 0, len(found))
	for _, e := range found {
		var in any = e.input
		if req.Output {
			var out any
			if e.output != "" {
				out = e.output
			}
			in = []any{e.input, out}
		}
		items = append(items, []any{sessionNumber, e.line, in})
	}
	k.mu.Unlock()
	r.reply(map[string]any{"status": "ok", "history": items})
}

// recordOutput keeps the text/plain of a stored cell's result for history with output.
func (k *Kernel) recordOutput(line int, data MIMEBundle) {
	text, _ := data["text/plain"].(string)
	k.mu.Lock()
	k.hist.setOutput(line, text)
	k.mu.Unlock()
}
