package interp

import (
	"context"
	"io"
	"strings"

	"github.com/gograd/gograd/display"
)

// Output receives what a running cell shows. Its methods must be safe for concurrent use: a
// cell's goroutines may write at the same time.
type Output interface {
	display.Publisher
	// Stream writes text to "stdout" or "stderr".
	Stream(name, text string)
	// Input asks the front end for a line of text.
	Input(ctx context.Context, prompt string, password bool) (string, error)
	// ExecutionCount is the number the front end shows for this cell (In [n]), 0 if silent.
	ExecutionCount() int
}

// publisher is the display.Publisher of the session's display.Writer: it sends to the running
// cell, after the text that cell has printed so far.
type publisher struct{ s *Session }

// Publish shows b in the running cell.
func (p publisher) Publish(b display.Bundle, id string, update bool) {
	p.s.flush()
	if out := p.s.output(); out != nil {
		out.Publish(b, id, update)
	}
}

// Clear clears the running cell's output.
func (p publisher) Clear(wait bool) {
	p.s.flush()
	if out := p.s.output(); out != nil {
		out.Clear(wait)
	}
}

// stdinReader is the interpreter's standard input: each read that finds nothing buffered asks
// the front end for a line. When the front end cannot answer (stdin not allowed, or the cell
// interrupted) the read panics with stdinFailure, which ends the cell with a "StdinError".
type stdinReader struct{ s *Session }

// Read asks the running cell's front end for a line when nothing is buffered.
func (r stdinReader) Read(p []byte) (int, error) {
	s := r.s
	s.mu.Lock()
	if len(s.stdin) == 0 {
		out, ctx := s.out, s.cellCtx
		s.mu.Unlock()
		if out == nil {
			return 0, io.EOF
		}
		line, err := out.Input(ctx, "", false)
		if err != nil {
			// The cell cannot get the input it waits for: end it rather than let it go on
			// with nothing, as ipykernel fails input() when stdin is not allowed.
			panic(stdinFailure{err})
		}
		s.mu.Lock()
		s.stdin = append(s.stdin, strings.TrimSuffix(line, "\n")+"\n"...)
	}
	n := copy(p, s.stdin)
	s.stdin = s.stdin[n:]
	s.mu.Unlock()
	return n, nil
}
