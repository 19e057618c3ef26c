package kernel

import (
	"context"
	"sync"
)

// cellOutput is the Output of one execute_request. It keeps working after the cell's reply: a
// goroutine the cell started may still print, and its output is published with the cell as
// parent. Every publication goes through mu so that order is kept.
type cellOutput struct {
	k          *Kernel
	parent     *message // the execute_request
	silent     bool     // publish nothing
	allowStdin bool
	count      int

	mu     sync.Mutex
	stream streamBuffer
}

// newCellOutput returns the output of the request parent.
func newCellOutput(k *Kernel, parent *message, silent, allowStdin bool, count int) *cellOutput {
	return &cellOutput{k: k, parent: parent, silent: silent, allowStdin: allowStdin, count: count}
}

// publish flushes complete stream text, then publishes one iopub message.
func (o *cellOutput) publish(msgType string, content any) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked(false)
	o.k.publish(o.parent, msgType, content)
}

// Display publishes display_data, or update_display_data when d.Update is set.
func (o *cellOutput) Display(d DisplayData) {
	if o.silent {
		return
	}
	msgType := "display_data"
	if d.Update && d.DisplayID != "" {
		msgType = "update_display_data"
	}
	content := map[string]any{"data": nonNilBundle(d.Data), "metadata": nonNilMap(d.Metadata)}
	if d.DisplayID != "" {
		content["transient"] = map[string]any{"display_id": d.DisplayID}
	}
	o.publish(msgType, content)
}

// ClearOutput publishes clear_output.
func (o *cellOutput) ClearOutput(wait bool) {
	if o.silent {
		return
	}
	o.publish("clear_output", map[string]any{"wait": wait})
}

// result publishes the cell's execute_result.
func (o *cellOutput) result(res Result) {
	o.publish("execute_result", map[string]any{"execution_count": o.count,
		"data": nonNilBundle(res.Data), "metadata": nonNilMap(res.Metadata)})
}

// ExecutionCount is the cell's number, 0 when silent.
func (o *cellOutput) ExecutionCount() int {
	if o.silent {
		return 0
	}
	return o.count
}

// Input flushes pending output and asks the front end for a line of text.
func (o *cellOutput) Input(ctx context.Context, prompt string, password bool) (string, error) {
	if !o.allowStdin {
		return "", ErrStdinNotAllowed
	}
	o.flush(false)
	return o.k.input(ctx, o.parent, prompt, password)
}

// nonNilMap is m, or an empty map: the protocol wants an object, never null.
func nonNilMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
