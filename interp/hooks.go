package interp

import (
	"context"
	"fmt"
	"go/token"
	"log"
	"reflect"
	"strings"
	"time"

	"github.com/traefik/yaegi/interp"
)

// hiddenPath is the import path of the package through which rewritten cells reach the
// session; it is imported under hiddenName, which no cell can spell by accident.
const (
	hiddenPath = "gograd/internal/session"
	hiddenName = "__gograd"
)

// hiddenSymbols is the session's own package: the result capture, the goroutine panic hook and
// the context that follows the running cell.
func (s *Session) hiddenSymbols() interp.Exports {
	return interp.Exports{hiddenPath + "/session": {
		"Show":        reflect.ValueOf(s.show),
		"ShowText":    reflect.ValueOf(s.showText),
		"ShowPrinted": reflect.ValueOf(s.showPrinted),
		"ShowRich":    reflect.ValueOf(s.showRich),
		"GoPanic":     reflect.ValueOf(s.goPanic),
		"Ctx":         reflect.ValueOf(&s.ctxVar).Elem(),
	}}
}

// overrides replaces the standard library functions that would block past an interrupt or
// end the process.
func (s *Session) overrides(logOutput func(int, string) error) interp.Exports {
	exit := func(code int) { panic(exitCall{code}) }
	fatal := func(msg string) {
		if logOutput != nil {
			_ = logOutput(3, msg)
		}
		panic(exitCall{1})
	}
	return interp.Exports{
		"runtime/runtime": {"Goexit": reflect.ValueOf(func() { panic(goexitCall{}) })},
		"time/time":       {"Sleep": reflect.ValueOf(s.sleep)},
		"os/os":           {"Exit": reflect.ValueOf(exit)},
		"log/log": {
			"Fatal":   reflect.ValueOf(func(v ...any) { fatal(fmt.Sprint(v...)) }),
			"Fatalf":  reflect.ValueOf(func(f string, v ...any) { fatal(fmt.Sprintf(f, v...)) }),
			"Fatalln": reflect.ValueOf(func(v ...any) { fatal(fmt.Sprintln(v...)) }),
		},
	}
}

// logOutputOf finds the Output function of the logger yaegi bound to the interpreter's stderr.
func logOutputOf(in *interp.Interpreter) func(int, string) error {
	v, ok := in.Symbols("log")["log"]["Output"]
	if !ok {
		return nil
	}
	f, _ := v.Interface().(func(int, string) error)
	if f == nil {
		return log.Output
	}
	return f
}

// sleep is time.Sleep for cells: it ends early when the running cell is interrupted. In
// the cell itself it stops the cell there: returning would let the next statement run
// before yaegi notices the interrupt (it checks only between steps). A goroutine the cell
// started just wakes up, as it would from an ordinary sleep.
func (s *Session) sleep(d time.Duration) {
	ctx := s.currentCtx()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
		if inEvalGoroutine() {
			panic(interruptCall{})
		}
	}
}

// show records the value of a cell's last expression.
func (s *Session) show(v ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	// A lone nil interface (err, or a call such as tw.Flush() that returned a nil error)
	// shows nothing, as ipykernel shows nothing for None.
	s.result, s.hasResult, s.resultText, s.resultRich = v, len(v) != 1 || v[0] != nil, nil, nil
}

// showText records the value of a cell's last expression and the text its String method
// gave: fmt does not see the methods of types declared in cells.
func (s *Session) showText(v any, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.result, s.hasResult, s.resultText, s.resultRich = []any{v}, true, &text, nil
}

// showPrinted records the value of a cell's last expression and the text fmt prints for
// printable, its rebuild in which cell values carry their String or Error methods
// (compat.Rewriter.Display).
func (s *Session) showPrinted(v any, printable any) {
	s.showText(v, fmt.Sprint(printable))
}

// showRich records the value of a cell's last expression with the MIME bundle its MIMEBundle
// or HTML method gave: for types declared in cells those methods are invisible to native code
// (display.BundleOf), so the cell calls them itself.
func (s *Session) showRich(v any, bundle map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.result, s.hasResult, s.resultText, s.resultRich = []any{v}, true, nil, bundle
}

// goPanic reports a panic recovered in a goroutine started by a cell on stderr; a goroutine
// that called runtime.Goexit just ends. goPos is the position of the go statement, local the
// register of the goroutine's function.
func (s *Session) goPanic(v any, goPos, local int) {
	switch v.(type) {
	case goexitCall, interruptCall:
		return
	}
	regs := s.registers(local)
	s.stderr.flush()
	e := panicError(v, s.panicFrames(s.stderr.takePanics(), regs, token.Pos(goPos)))
	s.quoteSource(e)
	text := "goroutine " + strings.Join(e.Traceback, "\n")
	if e, ok := v.(exitCall); ok {
		text = fmt.Sprintf("a goroutine called os.Exit(%d): it stopped, the kernel keeps running", e.code)
	}
	if out := s.output(); out != nil {
		out.Stream("stderr", text+"\n")
	}
}

// cellContext is the ctx every cell sees: it delegates to the context of the running cell.
type cellContext struct{ s *Session }

// Deadline returns the running cell's deadline.
func (c cellContext) Deadline() (time.Time, bool) { return c.s.currentCtx().Deadline() }

// Done is closed when the running cell is interrupted.
func (c cellContext) Done() <-chan struct{} { return c.s.currentCtx().Done() }

// Err is the running cell's context error.
func (c cellContext) Err() error { return c.s.currentCtx().Err() }

// Value looks key up in the running cell's context.
func (c cellContext) Value(key any) any { return c.s.currentCtx().Value(key) }

// String describes ctx when a cell shows it.
func (c cellContext) String() string { return "ctx (the context of the running cell)" }

var _ context.Context = cellContext{}
