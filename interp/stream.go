package interp

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// stream is one of the session's output pipes: the interpreter writes to w, a goroutine reads
// the other end and hands the text to emit as it arrives.
type stream struct {
	name string
	r, w *os.File
	emit func(name, text string)

	mu      sync.Mutex
	seq     int
	waiters map[string]chan struct{}
	panics  []string // yaegi's "file:line:col: panic: f(...)" lines, taken out of stderr
	filter  bool     // whether to take panic lines out of the text
}

// markerPrefix starts the flush markers written into a pipe; the reader consumes them.
const markerPrefix = "\x1egograd-flush-"

// panicLine matches the position lines yaegi prints to stderr while a panic unwinds.
var panicLine = regexp.MustCompile(`(?m)^cell(?:\[\d+\])?/` + sourceBase + `:\d+:\d+: panic.*\n?`)

// newStream creates the pipe and starts its reader.
func newStream(name string, filter bool, emit func(name, text string)) (*stream, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	st := &stream{name: name, r: r, w: w, emit: emit, filter: filter, waiters: map[string]chan struct{}{}}
	go st.read()
	return st, nil
}

// read forwards the pipe's text until the pipe is closed.
func (st *stream) read() {
	buf := make([]byte, 32<<10)
	var pending []byte
	for {
		n, err := st.r.Read(buf)
		pending = append(pending, buf[:n]...)
		pending = st.process(pending)
		if err != nil {
			if len(pending) > 0 {
				st.emit(st.name, string(pending))
			}
			return
		}
	}
}

// process emits the complete text of p, answers the flush markers in it, and returns what
// must wait for more bytes: a marker cut in two, or a UTF-8 sequence cut in two.
func (st *stream) process(p []byte) []byte {
	for {
		i := bytes.Index(p, []byte(markerPrefix))
		if i < 0 {
			break
		}
		j := bytes.IndexByte(p[i+len(markerPrefix):], '\x1e')
		if j < 0 {
			st.send(p[:i])
			return append([]byte(nil), p[i:]...)
		}
		st.send(p[:i])
		st.release(string(p[i+len(markerPrefix) : i+len(markerPrefix)+j]))
		p = p[i+len(markerPrefix)+j+1:]
	}
	keep := partialSuffix(p)
	st.send(p[:len(p)-keep])
	return append([]byte(nil), p[len(p)-keep:]...)
}

// partialSuffix is how many bytes at the end of p may begin a marker or a UTF-8 sequence.
func partialSuffix(p []byte) int {
	for k := min(len(p), len(markerPrefix)-1); k > 0; k-- {
		if bytes.HasPrefix([]byte(markerPrefix), p[len(p)-k:]) {
			return k
		}
	}
	for k := 1; k <= 3 && k <= len(p); k++ {
		if utf8.RuneStart(p[len(p)-k]) {
			if !utf8.FullRune(p[len(p)-k:]) {
				return k
			}
			break
		}
	}
	return 0
}

// send emits text, less the panic lines when the stream filters them.
func (st *stream) send(p []byte) {
	if len(p) == 0 {
		return
	}
	text := string(p)
	if st.filter {
		if lines := panicLine.FindAllString(text, -1); lines != nil {
			st.mu.Lock()
			st.panics = append(st.panics, lines...)
			st.mu.Unlock()
			text = panicLine.ReplaceAllString(text, "")
		}
	}
	if text != "" {
		st.emit(st.name, text)
	}
}

// release wakes the flush waiting for marker id.
func (st *stream) release(id string) {
	st.mu.Lock()
	ch := st.waiters[id]
	delete(st.waiters, id)
	st.mu.Unlock()
	if ch != nil {
		close(ch)
	}
}

// flush returns once everything written to the pipe before the call has been emitted, or
// after a second if the reader is stuck.
func (st *stream) flush() {
	st.mu.Lock()
	st.seq++
	id := strconv.Itoa(st.seq)
	ch := make(chan struct{})
	st.waiters[id] = ch
	st.mu.Unlock()
	if _, err := st.w.WriteString(markerPrefix + id + "\x1e"); err != nil {
		st.release(id)
		return
	}
	select {
	case <-ch:
	case <-time.After(time.Second):
		st.release(id)
	}
}

// takePanics returns and forgets the panic lines seen so far.
func (st *stream) takePanics() []string {
	st.mu.Lock()
	defer st.mu.Unlock()
	p := st.panics
	st.panics = nil
	return p
}

// close closes the write end; the reader emits what is left and stops.
func (st *stream) close() error { return st.w.Close() }
