package kernel

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
)

// executeRequest is the content of execute_request. Pointers tell absent fields from false.
type executeRequest struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    *bool             `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      *bool             `json:"allow_stdin"`
	StopOnError     *bool             `json:"stop_on_error"`
}

// orTrue is *b, or true when b is nil (the protocol's default for these flags).
func orTrue(b *bool) bool { return b == nil || *b }

// execute runs one cell: execute_input, outputs, execute_result or error, execute_reply.
func (k *Kernel) execute(ctx context.Context, r *request) {
	var req executeRequest
	if err := json.Unmarshal(r.msg.content, &req); err != nil {
		r.reply(errorReply("BadRequest", "kernel: bad execute_request: "+err.Error()))
		return
	}
	store := orTrue(req.StoreHistory) && !req.Silent
	count := k.advanceCount(store, req.Code)
	if !req.Silent {
		k.publish(r.msg, "execute_input", map[string]any{"code": req.Code, "execution_count": count})
	}
	cellCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	k.setCancel(cancel)
	defer k.setCancel(nil)

	out := newCellOutput(k, r.msg, req.Silent, orTrue(req.AllowStdin), count)
	res, err := k.runCell(cellCtx, req.Code, out)
	out.flush(true)
	if err != nil {
		k.failed(r, out, req, count, err)
		return
	}
	if store && res.Data != nil {
		k.recordOutput(count, res.Data)
	}
	if !req.Silent && res.Data != nil {
		out.result(res)
	}
	r.reply(map[string]any{
		"status":           "ok",
		"execution_count":  count,
		"user_expressions": k.userExpressions(cellCtx, req.UserExpressions),
		"payload":          payload(res),
	})
}

// payload is the execute_reply payload of a result: the pager's help when it has some.
func payload(res Result) []any {
	if res.Page == nil {
		return []any{}
	}
	return []any{map[string]any{"source": "page", "data": res.Page, "start": 0}}
}

// advanceCount returns the execution_count of a new cell, advancing it (and recording the code
// in the history) when store is true.
func (k *Kernel) advanceCount(store bool, code string) int {
	k.mu.Lock()
	defer k.mu.Unlock()
	if store {
		k.count++
		k.hist.add(k.count, code)
	}
	return k.count
}

// setCancel records the running cell's cancel function for Interrupt.
func (k *Kernel) setCancel(cancel context.CancelFunc) {
	k.mu.Lock()
	k.cancelCell = cancel
	k.mu.Unlock()
}

// runCell calls the interpreter; a panic becomes an error.
func (k *Kernel) runCell(ctx context.Context, code string, out Output) (res Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			k.log.Error("kernel: interpreter panicked", "panic", p, "stack", string(debug.Stack()))
			err = &ExecError{Name: "panic", Value: fmt.Sprint(p)}
		}
	}()
	return k.interp.Execute(ctx, code, out)
}

// failed publishes the error of a cell, aborts the queue with stop_on_error, and replies.
func (k *Kernel) failed(r *request, out *cellOutput, req executeRequest, count int, err error) {
	ee := asExecError(err)
	content := map[string]any{"ename": ee.Name, "evalue": ee.Value, "traceback": ee.Traceback}
	if !req.Silent {
		out.publish("error", content)
	}
	if orTrue(req.StopOnError) && !req.Silent { // as ipykernel: a silent failure aborts nothing
		if n := k.queue.abortPending(); n > 0 {
			k.log.Info("kernel: cell failed, aborting queued cells", "count", n)
		}
	}
	content["status"] = "error"
	content["execution_count"] = count
	content["user_expressions"] = map[string]any{}
	content["payload"] = []any{}
	r.reply(content)
}

// asExecError returns err as an *ExecError, wrapping other errors, with a traceback that is
// never empty (front ends show only the traceback).
func asExecError(err error) *ExecError {
	var ee *ExecError
	if !errors.As(err, &ee) {
		name := "Error"
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			name = "Interrupted"
		}
		ee = &ExecError{Name: name, Value: err.Error()}
	}
	if len(ee.Traceback) == 0 {
		c := *ee
		c.Traceback = []string{ee.Error()}
		ee = &c
	}
	return ee
}

// userExpressions evaluates the request's user_expressions after a successful cell.
func (k *Kernel) userExpressions(ctx context.Context, exprs map[string]string) map[string]any {
	res := make(map[string]any, len(exprs))
	ev, ok := k.interp.(ExpressionEvaluator)
	for name, expr := range exprs {
		var data MIMEBundle
		err := errors.New("kernel: the interpreter cannot evaluate user_expressions")
		if ok {
			data, err = k.evalExpression(ctx, ev, expr)
		}
		if err != nil {
			ee := asExecError(err)
			res[name] = map[string]any{"status": "error", "ename": ee.Name, "evalue": ee.Value,
				"traceback": ee.Traceback}
			continue
		}
		res[name] = map[string]any{"status": "ok", "data": nonNilBundle(data), "metadata": map[string]any{}}
	}
	return res
}

// evalExpression calls the interpreter; a panic becomes an error.
func (k *Kernel) evalExpression(ctx context.Context, ev ExpressionEvaluator, expr string) (data MIMEBundle, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &ExecError{Name: "panic", Value: fmt.Sprint(p)}
		}
	}()
	return ev.EvalExpression(ctx, expr)
}

// nonNilBundle is b, or an empty bundle: the protocol wants an object, never null.
func nonNilBundle(b MIMEBundle) MIMEBundle {
	if b == nil {
		return MIMEBundle{}
	}
	return b
}
