package kernel

import (
	"time"
	"unicode/utf8"
)

const (
	// streamFlushInterval is how long stream text may wait to be coalesced.
	streamFlushInterval = 50 * time.Millisecond
	// streamMaxBuffer is the size that triggers an immediate flush.
	streamMaxBuffer = 64 << 10
)

// streamBuffer coalesces the stream text of one cell. It holds one stream name at a time:
// writing to another name flushes the first, so stdout and stderr keep their relative order.
type streamBuffer struct {
	name  string
	buf   []byte
	timer *time.Timer
	stale bool // the timer fired and left an incomplete UTF-8 tail
}

// Stream buffers text for the stream name ("stdout" or "stderr").
func (o *cellOutput) Stream(name, text string) {
	if o.silent || text == "" {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	s := &o.stream
	if len(s.buf) > 0 && s.name != name {
		o.flushLocked(true)
	}
	s.name = name
	s.buf = append(s.buf, text...)
	s.stale = false
	if len(s.buf) >= streamMaxBuffer {
		o.flushLocked(false)
		return
	}
	o.armTimer()
}

// flush publishes the buffered text; with all, even an incomplete UTF-8 tail.
func (o *cellOutput) flush(all bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.flushLocked(all)
}

// flushLocked publishes the buffered text up to the last complete UTF-8 sequence (all of it
// with all). o.mu must be held.
func (o *cellOutput) flushLocked(all bool) {
	s := &o.stream
	n := len(s.buf)
	if !all {
		n = utf8Cut(s.buf)
	}
	if n == 0 {
		return
	}
	text := string(s.buf[:n])
	s.buf = append(s.buf[:0], s.buf[n:]...)
	o.k.publish(o.parent, "stream", map[string]any{"name": s.name, "text": text})
}

// onTimer flushes what waited streamFlushInterval. An incomplete UTF-8 tail waits one more
// interval for its last bytes, then goes out as it is.
func (o *cellOutput) onTimer() {
	o.mu.Lock()
	defer o.mu.Unlock()
	s := &o.stream
	s.timer = nil
	o.flushLocked(s.stale)
	s.stale = len(s.buf) > 0
	if s.stale {
		o.armTimer()
	}
}

// utf8Cut returns the length of the longest prefix of b that does not end inside an
// incomplete UTF-8 sequence.
func utf8Cut(b []byte) int {
	n := len(b)
	for i := n - 1; i >= 0 && i >= n-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return n
			}
			return i
		}
	}
	return n
}

// armTimer starts the flush timer unless it runs. o.mu must be held.
func (o *cellOutput) armTimer() {
	if o.stream.timer == nil {
		o.stream.timer = time.AfterFunc(streamFlushInterval, o.onTimer)
	}
}
