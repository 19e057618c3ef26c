package kernel

import (
	"context"
	"errors"
)

// Interpreter runs the cells of one notebook session. It is the whole contract between the
// protocol (this package) and a language: the kernel knows nothing about Go.
//
// Execute runs code and returns the value the cell shows as its execute_result (a nil Data
// means none). Output produced while the cell runs goes to out as it happens. A failed cell
// returns an *ExecError (or any error, which the kernel wraps into one). Interrupting a cell
// cancels ctx; Execute must then return promptly.
//
// Optional abilities (Completer, Inspector, CompletenessChecker, ExpressionEvaluator) are
// discovered at run time with a type assertion, the way net/http discovers http.Flusher.
type Interpreter interface {
	Execute(ctx context.Context, code string, out Output) (Result, error)
}

// MIMEBundle maps MIME types ("text/plain", "image/png", ...) to their content: a string for
// text types and base64 images, or any JSON-encodable value for JSON types.
type MIMEBundle map[string]any

// Result is what a cell evaluates to.
type Result struct {
	Data     MIMEBundle     // nil when the cell has no value to show
	Metadata map[string]any // per-MIME metadata, such as image sizes; may be nil
	// Page, when not nil, is help text for the front end's pager: the kernel sends it as an
	// execute_reply payload with source "page" (what `?name` shows in ipykernel).
	Page MIMEBundle
}

// DisplayData is one display_data (or, with Update, update_display_data) message.
type DisplayData struct {
	Data      MIMEBundle
	Metadata  map[string]any
	DisplayID string // non-empty makes the output updatable in place
	Update    bool   // replace the output with DisplayID instead of adding one
}

// Output receives what a running cell shows. Its methods are safe for concurrent use: a cell's
// goroutines may write at the same time.
type Output interface {
	// Stream writes text to "stdout" or "stderr". The kernel coalesces writes.
	Stream(name, text string)
	// Display shows rich output, or replaces an earlier one with the same DisplayID.
	Display(d DisplayData)
	// ClearOutput clears the cell's output; with wait, only when new output arrives.
	ClearOutput(wait bool)
	// Input asks the front end for a line of text (input_request on stdin). It fails with
	// ErrStdinNotAllowed when the request said allow_stdin false, and with ctx's error when the
	// cell is interrupted.
	Input(ctx context.Context, prompt string, password bool) (string, error)
	// ExecutionCount is the number the front end shows for this cell (In [n]); 0 when the
	// request is silent. Interpreters use it to name the cell in error messages.
	ExecutionCount() int
}

// ExecError is a failed cell as the front end shows it.
type ExecError struct {
	Name      string   // ename, such as "CompileError" or "panic"
	Value     string   // evalue, such as "cell[3]:2:5: undefined: lera"
	Traceback []string // lines shown to the user; may hold ANSI colours
}

// Error returns "ename: evalue".
func (e *ExecError) Error() string { return e.Name + ": " + e.Value }

// Completion answers a complete_request. Cursor positions count Unicode code points.
type Completion struct {
	Matches     []string
	CursorStart int
	CursorEnd   int
	Metadata    map[string]any
}

// Completer is the optional ability to complete code at a cursor (in code points).
type Completer interface {
	Complete(code string, cursor int) Completion
}

// Inspector is the optional ability to describe the name at a cursor (in code points), for
// Shift+Tab help. found is false when there is nothing to show.
type Inspector interface {
	Inspect(code string, cursor int, detailLevel int) (data MIMEBundle, found bool)
}

// CompletenessChecker is the optional ability to tell a console whether code is ready to run.
// status is "complete", "incomplete", "invalid" or "unknown"; indent is used with "incomplete".
type CompletenessChecker interface {
	IsComplete(code string) (status, indent string)
}

// ExpressionEvaluator is the optional ability to evaluate user_expressions after a cell.
type ExpressionEvaluator interface {
	EvalExpression(ctx context.Context, expr string) (MIMEBundle, error)
}

// ErrStdinNotAllowed is what Output.Input returns when the execute_request said allow_stdin
// false: the front end cannot answer input requests.
var ErrStdinNotAllowed = errors.New("kernel: stdin not allowed")
