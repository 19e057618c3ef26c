package kernel

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
)

// errStopped is returned by Input when the kernel shuts down while waiting.
var errStopped = errors.New("kernel: shutting down")

// stdinWaiter pairs input_reply messages with the one Input call waiting for them.
type stdinWaiter struct {
	ask     sync.Mutex // one input_request at a time
	mu      sync.Mutex // guards pending
	pending chan string
}

// input publishes an input_request to the sender of parent (an execute_request) on stdin and
// waits for the input_reply, ctx's end or the kernel's shutdown.
func (k *Kernel) input(ctx context.Context, parent *message, prompt string, password bool) (string, error) {
	w := &k.stdin
	w.ask.Lock()
	defer w.ask.Unlock()
	ch := make(chan string, 1)
	w.mu.Lock()
	w.pending = ch
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		w.pending = nil
		w.mu.Unlock()
	}()
	k.sendTo(k.socks.stdin, parent.ids, parent, "input_request",
		map[string]any{"prompt": prompt, "password": password})
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	case <-k.done:
		return "", errStopped
	}
}

// onStdin handles a message from the stdin channel: the input_reply Input waits for.
func (k *Kernel) onStdin(m *message) {
	if m.header.MsgType != "input_reply" {
		k.log.Warn("kernel: unexpected message on stdin", "msg_type", m.header.MsgType)
		return
	}
	var c struct {
		Value string `json:"value"`
	}
	if err := json.Unmarshal(m.content, &c); err != nil {
		k.log.Warn("kernel: bad input_reply", "err", err)
		return
	}
	w := &k.stdin
	w.mu.Lock()
	ch := w.pending
	w.pending = nil
	w.mu.Unlock()
	if ch == nil {
		k.log.Warn("kernel: input_reply nobody waits for")
		return
	}
	ch <- c.Value
}
