package interp

import (
	"bytes"
	"runtime"
	"time"
)

// evalGoroutine is the function yaegi's ExecuteWithContext runs a program in. After an
// interrupt it may still be inside the interpreter for a moment: it notices the interrupt only
// at its next step. Until it does, the next cell must not start: yaegi's Execute resets the run
// id that stops it, and an interrupted top-level loop would then come back to life.
const evalGoroutine = "github.com/traefik/yaegi/interp.(*Interpreter).ExecuteWithContext.func1"

// settle waits, after an interrupt, until no interrupted program is left running, or until
// limit has passed (a native call that ignores ctx keeps its goroutine until it returns).
// It reports whether the interpreter is idle.
func settle(limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n == len(buf) {
			buf = make([]byte, 2*len(buf))
			continue
		}
		if !bytes.Contains(buf[:n], []byte(evalGoroutine)) {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// inEvalGoroutine tells whether the calling goroutine is the one yaegi runs a cell's
// program in (not a goroutine the cell started).
func inEvalGoroutine() bool {
	buf := make([]byte, 1<<14)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			return bytes.Contains(buf[:n], []byte(evalGoroutine))
		}
		buf = make([]byte, 2*len(buf))
	}
}
