package kernel

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// testInterp is a test double of the Interpreter contract. Each line of a cell is a command:
//
//	print T, eprint T   stream T+"\n" to stdout, stderr
//	value T             the cell's result is text/plain T
//	page T              the cell's result is pager help T
//	fail T              return an *ExecError named TestError
//	plainfail T         return a plain error
//	panic               panic
//	sleep MS            wait MS milliseconds (or until interrupted)
//	block               wait until interrupted
//	display ID, update ID, clear
//	input P             ask for a line with prompt P and print "got " + it
//	count               print ExecutionCount()
//	late                print "late" from a goroutine 150 ms after the cell returned
//	split               print "✓\n" in two writes that cut the rune
//	many N              N goroutines print N lines each at once
type testInterp struct{}

func (testInterp) Execute(ctx context.Context, code string, out Output) (Result, error) {
	var res Result
	for _, line := range strings.Split(code, "\n") {
		cmd, arg, _ := strings.Cut(line, " ")
		switch cmd {
		case "print":
			out.Stream("stdout", arg+"\n")
		case "eprint":
			out.Stream("stderr", arg+"\n")
		case "value":
			res.Data = MIMEBundle{"text/plain": arg}
		case "page":
			res.Page = MIMEBundle{"text/plain": arg}
		case "fail":
			return res, &ExecError{Name: "TestError", Value: arg, Traceback: []string{"tb: " + arg}}
		case "plainfail":
			return res, errors.New(arg)
		case "panic":
			panic("test panic")
		case "sleep":
			ms, _ := strconv.Atoi(arg)
			select {
			case <-time.After(time.Duration(ms) * time.Millisecond):
			case <-ctx.Done():
				return res, ctx.Err()
			}
		case "block":
			<-ctx.Done()
			return res, ctx.Err()
		case "display", "update":
			out.Display(DisplayData{Data: MIMEBundle{"text/plain": cmd + " " + arg}, DisplayID: arg, Update: cmd == "update"})
		case "clear":
			out.ClearOutput(true)
		case "input":
			v, err := out.Input(ctx, arg, false)
			if err != nil {
				return res, err
			}
			out.Stream("stdout", "got "+v+"\n")
		case "count":
			out.Stream("stdout", strconv.Itoa(out.ExecutionCount())+"\n")
		case "late":
			go func() {
				time.Sleep(150 * time.Millisecond)
				out.Stream("stdout", "late\n")
			}()
		case "split":
			out.Stream("stdout", "\xe2\x9c")
			out.Stream("stdout", "\x93\n")
		case "many":
			n, _ := strconv.Atoi(arg)
			var wg sync.WaitGroup
			for range n {
				wg.Go(func() {
					for range n {
						out.Stream("stdout", "x\n")
					}
				})
			}
			wg.Wait()
		}
	}
	return res, nil
}

// Complete offers two names replacing the two code points before the cursor.
// It panics on the code "boom".
func (testInterp) Complete(code string, cursor int) Completion {
	if code == "boom" {
		panic("completer bug")
	}
	return Completion{Matches: []string{"Println", "Printf"}, CursorStart: cursor - 2, CursorEnd: cursor,
		Metadata: map[string]any{"runes": utf8.RuneCountInString(code)}}
}

// EvalExpression knows one expression, "ok".
func (testInterp) EvalExpression(ctx context.Context, expr string) (MIMEBundle, error) {
	if expr == "ok" {
		return MIMEBundle{"text/plain": "fine"}, nil
	}
	return nil, &ExecError{Name: "EvalError", Value: "unknown " + expr}
}

// bareInterp has no optional abilities.
type bareInterp struct{}

func (bareInterp) Execute(ctx context.Context, code string, out Output) (Result, error) {
	return Result{}, nil
}
