package interp

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/gograd/gograd/display"
)

// recorder is an Output that keeps everything a cell sent, in order.
type recorder struct {
	count  int
	mu     sync.Mutex
	events []string // "stdout: text", "display: ...", in arrival order
	input  []string
}

func (r *recorder) add(e string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
}

func (r *recorder) Stream(name, text string) { r.add(name + ":" + text) }

func (r *recorder) Publish(b display.Bundle, id string, update bool) {
	r.add(fmt.Sprintf("display:%v id=%q update=%v\n", b.Data, id, update))
}

func (r *recorder) Clear(wait bool) { r.add(fmt.Sprintf("clear:%v", wait)) }

func (r *recorder) Input(ctx context.Context, prompt string, password bool) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.input) == 0 {
		return "", fmt.Errorf("recorder: no input")
	}
	line := r.input[0]
	r.input = r.input[1:]
	return line, nil
}

func (r *recorder) ExecutionCount() int { return r.count }

// stream returns the concatenated text of one stream.
func (r *recorder) stream(name string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	for _, e := range r.events {
		if t, ok := strings.CutPrefix(e, name+":"); ok {
			b.WriteString(t)
		}
	}
	return b.String()
}

// writes counts the separate writes of one stream.
func (r *recorder) writes(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, e := range r.events {
		if strings.HasPrefix(e, name+":") {
			n++
		}
	}
	return n
}
