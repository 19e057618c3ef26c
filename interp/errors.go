package interp

import (
	"errors"
	"fmt"
	"go/scanner"
	"regexp"
	"strings"
)

// Error is a failed cell as the front end shows it: the ename, evalue and traceback of a
// Jupyter error. Execute returns one for every failure.
type Error struct {
	Name      string   // "SyntaxError", "CompileError", "panic", "Exit" or "Interrupt"
	Value     string   // the message, such as "cell[3]:2:5: undefined: lera"
	Traceback []string // lines shown to the user, the message first
}

// Error returns the name and the value.
func (e *Error) Error() string { return e.Name + ": " + e.Value }

// compileError is a compile-time failure in the user's words.
type compileError struct{ msg string }

func (e *compileError) Error() string { return e.msg }

// exitCall is the panic value of os.Exit and log.Fatal in a cell.
type exitCall struct{ code int }

// stdinFailure is the panic value of a read of stdin that the front end could not answer.
type stdinFailure struct{ err error }

// goexitCall is the panic value of runtime.Goexit in a cell: it ends the cell, or quietly
// the goroutine that called it.
type goexitCall struct{}

// interruptCall is the panic value with which time.Sleep stops an interrupted cell (hooks.go).
type interruptCall struct{}

// interrupted is the error of a cell whose ctx was cancelled.
type interrupted struct{ err error }

func (e *interrupted) Error() string { return e.err.Error() }

// yaegiPath matches the file part of positions yaegi reports: "cell[3]/in:" or "cell/in:".
var yaegiPath = regexp.MustCompile(`(cell(?:\[\d+\])?)/` + sourceBase + `:`)

// internalType matches yaegi's names for type categories ("stringT"), which leak into messages.
var internalType = regexp.MustCompile(`\b(bool|byte|complex64|complex128|error|float32|float64|int|int8|int16|int32|int64|rune|string|uint|uint8|uint16|uint32|uint64|uintptr|func|interface|struct|ptr|slice|map|chan|array|nil)T\b`)

// cleanMessage turns a yaegi or go/parser message into the user's words: positions name the
// cell only, and yaegi's internal wrappers are dropped.
func cleanMessage(msg string) string {
	msg = yaegiPath.ReplaceAllString(msg, "$1:")
	if i := strings.LastIndex(msg, "CFG post-order panic: "); i >= 0 {
		msg = msg[i+len("CFG post-order panic: "):]
	}
	msg = internalType.ReplaceAllString(msg, "$1")
	msg = probeName.ReplaceAllString(msg, "")
	return strings.TrimSpace(msg)
}

// syntaxError converts a go/parser error about code. Errors past the cell's end (in the
// wrapper the cell was parsed in) are reported at its end.
func syntaxError(code string, err error) *Error {
	var list scanner.ErrorList
	var msgs []string
	lines := strings.Split(code, "\n")
	if errors.As(err, &list) {
		for i, e := range list {
			if i == 10 {
				break
			}
			if e.Pos.Line > len(lines) {
				e.Pos.Line, e.Pos.Column = len(lines), len(lines[len(lines)-1])+1
				e.Msg = strings.Replace(e.Msg, "found '}'", "found the end of the cell", 1)
			}
			msgs = append(msgs, cleanMessage(e.Error()))
		}
	} else {
		msgs = append(msgs, cleanMessage(err.Error()))
	}
	return newError("SyntaxError", strings.Join(msgs, "\n"), nil)
}

// newError builds an Error whose traceback is its message followed by extra lines.
func newError(name, value string, extra []string) *Error {
	tb := append([]string{name + ": " + value}, extra...)
	return &Error{Name: name, Value: value, Traceback: tb}
}

// panicError describes a panic; frames are the traceback lines of panicFrames.
func panicError(value any, frames []string) *Error {
	if e, ok := value.(exitCall); ok {
		return exitError(e.code)
	}
	if f, ok := value.(stdinFailure); ok {
		return newError("StdinError", "the cell reads input, but the front end gave none: "+f.err.Error(), nil)
	}
	if _, ok := value.(goexitCall); ok {
		return newError("Exit", "runtime.Goexit called: the cell stopped, the kernel keeps running", nil)
	}
	if _, ok := value.(interruptCall); ok {
		return interruptError()
	}
	msg := fmt.Sprint(value)
	if err, ok := value.(error); ok {
		msg = err.Error()
	}
	// yaegi puts the position in some messages ("cell[2]/in:3:6: interface conversion:
	// ..."): the traceback has it.
	msg = yaegiPosPrefix.ReplaceAllString(msg, "")
	if m, ok := runtimeErrors[msg]; ok {
		msg = m
	} else if strings.HasPrefix(msg, "reflect: call of reflect.Value.") && strings.HasSuffix(msg, " on zero Value") {
		msg = "runtime error: invalid memory address or nil pointer dereference"
	}
	return newError("panic", msg, frames)
}

// yaegiPosPrefix matches a position yaegi puts before a panic message.
var yaegiPosPrefix = regexp.MustCompile(`^cell(?:\[\d+\])?/` + sourceBase + `:\d+:\d+: `)

// runtimeErrors maps the reflect panics yaegi lets through to the runtime errors Go shows.
var runtimeErrors = map[string]string{
	"reflect: slice index out of range":  "runtime error: index out of range",
	"reflect: array index out of range":  "runtime error: index out of range",
	"reflect: string index out of range": "runtime error: index out of range",
}

// exitError is the error of a cell that called os.Exit or log.Fatal.
func exitError(code int) *Error {
	return newError("Exit", fmt.Sprintf("os.Exit(%d) called: the cell stopped, the kernel keeps running", code), nil)
}
