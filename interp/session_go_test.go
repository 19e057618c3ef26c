package interp

import (
	"context"
	"errors"
	"go/token"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/gograd/gograd/display"
	"github.com/gograd/gograd/interp/symbols"
)

// newSession starts a session for one test and closes it after.
func newSession(t *testing.T) *Session {
	t.Helper()
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// mustRun runs a cell that must succeed.
func mustRun(t *testing.T, s *Session, code string, r Output) Result {
	t.Helper()
	res, err := s.Execute(context.Background(), code, r)
	if err != nil {
		t.Fatalf("%q: %v", code, err)
	}
	return res
}

// liveRecorder notes, for every write, whether the cell had already returned.
type liveRecorder struct {
	recorder
	mu       sync.Mutex
	returned bool
	early    []string // writes received while the cell still ran
}

func (l *liveRecorder) Stream(name, text string) {
	l.mu.Lock()
	if !l.returned {
		l.early = append(l.early, text)
	}
	l.mu.Unlock()
	l.recorder.Stream(name, text)
}

// TestOutputIsLive checks that output written before a sleep reaches the front end while the
// cell still runs, as a write of its own, and that all of it arrives before Execute returns.
func TestOutputIsLive(t *testing.T) {
	s := newSession(t)
	r := &liveRecorder{recorder: recorder{count: 1}}
	mustRun(t, s, "import \"fmt\"\nimport \"time\"\nfmt.Println(\"one\")\ntime.Sleep(300 * time.Millisecond)\nfmt.Println(\"two\")", r)
	r.mu.Lock()
	r.returned = true
	early := slices.Clone(r.early)
	r.mu.Unlock()
	if len(early) < 2 || early[0] != "one\n" || !strings.HasSuffix(strings.Join(early, ""), "two\n") {
		t.Errorf("writes before the cell returned = %q, want \"one\\n\" alone first, then \"two\\n\"", early)
	}
}

// TestNNCompletion checks that "nn." completes to every exported name of the generated table.
func TestNNCompletion(t *testing.T) {
	table := symbols.Symbols[nnPath+"/nn"]
	if len(table) == 0 {
		t.Fatal("no generated nn symbols in interp/symbols")
	}
	s := newSession(t)
	matches, start, end := s.Complete("nn.", 3)
	if start != 3 || end != 3 {
		t.Errorf("range = %d..%d, want 3..3", start, end)
	}
	for name := range table {
		if token.IsExported(name) && !slices.Contains(matches, name) {
			t.Errorf("nn.%s missing from %v", name, matches)
		}
	}
}

// TestInput checks that fmt.Scan reads lines the front end sends.
func TestInput(t *testing.T) {
	s := newSession(t)
	r := &recorder{count: 1, input: []string{"42", "gopher"}}
	res := mustRun(t, s, "import \"fmt\"\nvar n int\nvar name string\nfmt.Scan(&n)\nfmt.Scan(&name)\nfmt.Sprint(n+1, name)", r)
	if got := res.Data["text/plain"]; got != `"43gopher"` {
		t.Errorf("result = %v, want \"43gopher\"", got)
	}
}

// TestEvalExpression checks user expressions: values, and errors for bad ones.
func TestEvalExpression(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, "x := 6", &recorder{count: 1})
	data, err := s.EvalExpression(context.Background(), "x * 7")
	if err != nil || data["text/plain"] != "42" {
		t.Errorf("x * 7 = %v, %v; want 42", data, err)
	}
	if _, err := s.EvalExpression(context.Background(), "y"); err == nil {
		t.Error("undefined y: no error")
	}
}

// TestRichResult checks that a value display knows how to show gets its MIME types.
func TestRichResult(t *testing.T) {
	s := newSession(t)
	var got any
	s.bundleOf = func(v any) (display.Bundle, bool) {
		got = v
		return display.Bundle{Data: map[string]any{"text/html": "<i>7</i>"}}, true
	}
	res := mustRun(t, s, "3 + 4", &recorder{count: 1})
	if got != 7 || res.Data["text/html"] != "<i>7</i>" || res.Data["text/plain"] != "7" {
		t.Errorf("result = %v (BundleOf saw %v)", res.Data, got)
	}
}

// TestRichResultOfCellTypes checks that a type declared in a cell shows itself through its
// own MIMEBundle or HTML method, which native code cannot see.
func TestRichResultOfCellTypes(t *testing.T) {
	s := newSession(t)
	mustRun(t, s, `type Badge struct{ N int }
func (b Badge) HTML() string { return fmt.Sprintf("<b>%d</b>", b.N) }
type Chart struct{}
func (Chart) MIMEBundle() map[string]any { return map[string]any{"image/svg+xml": "<svg/>", "text/plain": "a chart"} }`, &recorder{count: 1})
	res := mustRun(t, s, "Badge{N: 3}", &recorder{count: 2})
	if res.Data["text/html"] != "<b>3</b>" || res.Data["text/plain"] == nil {
		t.Errorf("HTML method: result = %v", res.Data)
	}
	res = mustRun(t, s, "Chart{}", &recorder{count: 3})
	if res.Data["image/svg+xml"] != "<svg/>" || res.Data["text/plain"] != "a chart" {
		t.Errorf("MIMEBundle method: result = %v", res.Data)
	}
	res = mustRun(t, s, "2 * 21", &recorder{count: 4})
	if res.Data["text/plain"] != "42" || len(res.Data) != 1 {
		t.Errorf("a plain value after rich ones: result = %v", res.Data)
	}
}

// TestInputRefused checks that a cell reading input the front end refuses fails.
func TestInputRefused(t *testing.T) {
	s := newSession(t)
	_, err := s.Execute(context.Background(), "var s string\nfmt.Scanln(&s)\nfmt.Println(\"went on\")", &recorder{count: 1})
	var e *Error
	if !errors.As(err, &e) || e.Name != "StdinError" {
		t.Fatalf("err = %v, want a StdinError", err)
	}
	mustRun(t, s, "1", &recorder{count: 2})
}
