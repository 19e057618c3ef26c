package kernel

import (
	"context"
	"sync"
)

// shellItem is a queued shell request.
type shellItem struct {
	msg     *message
	aborted bool // an earlier cell failed with stop_on_error while this one waited
}

// shellQueue holds shell requests in arrival order. It is unbounded: the reader goroutine must
// never block behind a running cell, or zmq4's own queue would fill and stall the connection.
type shellQueue struct {
	mu     sync.Mutex
	items  []*shellItem
	closed bool
	ready  chan struct{} // a token when items or closed changed
}

// newShellQueue returns an empty queue.
func newShellQueue() *shellQueue {
	return &shellQueue{ready: make(chan struct{}, 1)}
}

// push appends m.
func (q *shellQueue) push(m *message) {
	q.mu.Lock()
	q.items = append(q.items, &shellItem{msg: m})
	q.mu.Unlock()
	q.wake()
}

// wake leaves a token for pop.
func (q *shellQueue) wake() {
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// pop returns the oldest request, waiting for one; false when the queue is closed or ctx done.
func (q *shellQueue) pop(ctx context.Context) (*shellItem, bool) {
	for {
		q.mu.Lock()
		if q.closed {
			q.mu.Unlock()
			return nil, false
		}
		if len(q.items) > 0 {
			it := q.items[0]
			q.items[0] = nil
			q.items = q.items[1:]
			q.mu.Unlock()
			return it, true
		}
		q.mu.Unlock()
		select {
		case <-q.ready:
		case <-ctx.Done():
			return nil, false
		}
	}
}

// abortPending marks every execute_request queued now as aborted and returns how many.
func (q *shellQueue) abortPending() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := 0
	for _, it := range q.items {
		if it.msg.header.MsgType == "execute_request" {
			it.aborted = true
			n++
		}
	}
	return n
}

// close makes pop return false.
func (q *shellQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.wake()
}

// serveShell handles shell requests one at a time, in order, until ctx is done.
func (k *Kernel) serveShell(ctx context.Context) {
	for {
		it, ok := k.queue.pop(ctx)
		if !ok {
			return
		}
		if it.aborted {
			k.abort(it.msg)
			continue
		}
		k.dispatch(ctx, k.socks.shell, it.msg)
	}
}

// abort answers an execute_request that was queued behind a failed cell, without running it.
func (k *Kernel) abort(m *message) {
	k.log.Info("kernel: aborting queued request", "msg_id", m.header.MsgID)
	k.publish(m, "status", statusContent{"busy"})
	k.sendTo(k.socks.shell, m.ids, m, replyType(m.header.MsgType), map[string]any{"status": "aborted"})
	k.publish(m, "status", statusContent{"idle"})
}
