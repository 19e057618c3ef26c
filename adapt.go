package main

import (
	"context"
	"errors"
	"go/token"
	"strings"
	"unicode/utf8"

	"github.com/gograd/gograd/display"
	"github.com/gograd/gograd/interp"
	"github.com/gograd/gograd/kernel"
)

// goInterpreter adapts an interp.Session, which may still be starting, to the kernel's
// Interpreter contract and its optional abilities.
type goInterpreter struct{ st *startingSession }

func (g goInterpreter) Execute(ctx context.Context, code string, out kernel.Output) (kernel.Result, error) {
	s, err := g.st.get(ctx)
	if err != nil {
		return kernel.Result{}, err
	}
	if name, ok := helpQuery(code); ok {
		return help(s, name)
	}
	r, err := s.Execute(ctx, code, cellOutput{out})
	if err != nil {
		return kernel.Result{}, execError(err)
	}
	return kernel.Result{Data: r.Data, Metadata: r.Metadata}, nil
}

// help answers a `?name` or `name?` cell with the name's documentation in the pager, the way
// IPython does.
func help(s *interp.Session, name string) (kernel.Result, error) {
	data, found := s.Inspect(name, utf8.RuneCountInString(name), 1)
	if !found {
		return kernel.Result{}, &kernel.ExecError{Name: "HelpError", Value: "no documentation found for " + name}
	}
	return kernel.Result{Page: data}, nil
}

// helpQuery recognises a cell that is only `?name` or `name?` (a Go identifier or a
// selector such as nn.MLP).
func helpQuery(code string) (string, bool) {
	s := strings.TrimSpace(code)
	switch {
	case strings.HasPrefix(s, "?"):
		s = strings.TrimSpace(s[1:])
	case strings.HasSuffix(s, "?"):
		s = strings.TrimSpace(s[:len(s)-1])
	default:
		return "", false
	}
	if s == "" {
		return "", false
	}
	for _, part := range strings.Split(s, ".") {
		if !token.IsIdentifier(part) {
			return "", false
		}
	}
	return s, true
}

func (g goInterpreter) Complete(code string, cursor int) kernel.Completion {
	s, err := g.st.wait()
	if err != nil {
		return kernel.Completion{CursorStart: cursor, CursorEnd: cursor}
	}
	matches, start, end := s.Complete(code, cursor)
	return kernel.Completion{Matches: matches, CursorStart: start, CursorEnd: end}
}

func (g goInterpreter) Inspect(code string, cursor, detail int) (kernel.MIMEBundle, bool) {
	s, err := g.st.wait()
	if err != nil {
		return nil, false
	}
	return s.Inspect(code, cursor, detail)
}

func (g goInterpreter) IsComplete(code string) (status, indent string) {
	s, err := g.st.wait()
	if err != nil {
		return "unknown", ""
	}
	return s.IsComplete(code)
}

func (g goInterpreter) EvalExpression(ctx context.Context, expr string) (kernel.MIMEBundle, error) {
	s, err := g.st.get(ctx)
	if err != nil {
		return nil, err
	}
	data, err := s.EvalExpression(ctx, expr)
	if err != nil {
		return nil, execError(err)
	}
	return data, nil
}

// execError turns the interpreter's errors into the kernel's.
func execError(err error) error {
	var e *interp.Error
	if errors.As(err, &e) {
		return &kernel.ExecError{Name: e.Name, Value: e.Value, Traceback: e.Traceback}
	}
	return err
}

// cellOutput adapts the kernel's per-cell output to what the interpreter writes to.
type cellOutput struct{ out kernel.Output }

func (c cellOutput) Stream(name, text string) { c.out.Stream(name, text) }

func (c cellOutput) Publish(b display.Bundle, displayID string, update bool) {
	c.out.Display(kernel.DisplayData{Data: b.Data, Metadata: b.Metadata, DisplayID: displayID, Update: update})
}

func (c cellOutput) Clear(wait bool) { c.out.ClearOutput(wait) }

func (c cellOutput) Input(ctx context.Context, prompt string, password bool) (string, error) {
	return c.out.Input(ctx, prompt, password)
}

func (c cellOutput) ExecutionCount() int { return c.out.ExecutionCount() }
