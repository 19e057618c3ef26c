package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gograd/gograd/display"
	"github.com/gograd/gograd/interp"
)

// cellTrain is workload.train written as a notebook cell: same loop, same data, same model.
// It prints "ns_per_step N loss L".
const cellTrain = `import "time"
import "fmt"
data := %s
model := nn.MLP(%#v, %q, 1)
opt := nn.NewSGD(model.Parameters(), 0.01, 0)
var last float64
run := func(n int) {
	for step := 0; step < n; step++ {
		x, y := data.Batch(step, %d)
		loss := nn.%s(model.Forward(x), y)
		opt.ZeroGrad()
		loss.Backward()
		opt.Step()
		last = loss.Item()
	}
}
run(%d)
best := int64(1) << 62
for r := 0; r < 5; r++ {
	start := time.Now()
	run(%d)
	if ns := time.Since(start).Nanoseconds() / %d; ns < best {
		best = ns
	}
}
fmt.Println("ns_per_step", best, "loss", last)
`

// cellLoss trains for a number of steps in a cell and prints the last loss exactly.
const cellLoss = `import "fmt"
data := %s
model := nn.MLP(%#v, %q, 1)
opt := nn.NewSGD(model.Parameters(), 0.01, 0)
var last float64
func() { // yaegi v0.16.1 rejects "x, y := f()" in a block at a cell's top level
	for step := 0; step < %d; step++ {
		x, y := data.Batch(step, %d)
		loss := nn.%s(model.Forward(x), y)
		opt.ZeroGrad()
		loss.Backward()
		opt.Step()
		last = loss.Item()
	}
}()
fmt.Printf("%%.9g\n", last)
`

// inCell times w's training loop inside the interpreter.
func (w workload) inCell(ctx context.Context, steps int) (time.Duration, error) {
	code := fmt.Sprintf(cellTrain, w.dataExpr, w.sizes, w.act, w.batch, w.lossName, steps/10, steps, steps)
	out, err := runCell(ctx, code)
	if err != nil {
		return 0, err
	}
	f := strings.Fields(out)
	if len(f) < 2 || f[0] != "ns_per_step" {
		return 0, fmt.Errorf("bench: unexpected cell output %q", out)
	}
	ns, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("bench: cell output %q: %w", out, err)
	}
	return time.Duration(ns), nil
}

// lossInCell trains w for steps steps in a cell and returns the printed loss.
func (w workload) lossInCell(ctx context.Context, steps int) (string, error) {
	out, err := runCell(ctx, fmt.Sprintf(cellLoss, w.dataExpr, w.sizes, w.act, steps, w.batch, w.lossName))
	return strings.TrimSpace(out), err
}

// runCell runs code in a fresh interpreter session and returns what it printed.
func runCell(ctx context.Context, code string) (string, error) {
	s, err := interp.New(interp.Options{})
	if err != nil {
		return "", fmt.Errorf("bench: %w", err)
	}
	defer s.Close()
	o := &cellOutput{}
	if _, err := s.Execute(ctx, code, o); err != nil {
		return "", fmt.Errorf("bench: cell failed: %w (output %q)", err, o.text())
	}
	return o.text(), nil
}

// cellFigures prints figure 3: the loops through the interpreter against compiled.
func cellFigures(tinyStep, bigStep time.Duration) {
	ctx := context.Background()
	for _, f := range []struct {
		w        workload
		compiled time.Duration
	}{{tiny, tinyStep}, {big, bigStep}} {
		d, err := f.w.inCell(ctx, f.w.steps)
		if err != nil {
			fmt.Printf("%s_cell_vs_compiled - - - # %v\n", f.w.name, err)
			continue
		}
		fmt.Printf("%s_cell_vs_compiled %.4gus %.4gus %.2f\n", f.w.name,
			float64(d.Nanoseconds())/1e3, float64(f.compiled.Nanoseconds())/1e3,
			float64(d)/float64(f.compiled))
	}
}

// cellOutput is an interp.Output that keeps stdout and stderr.
type cellOutput struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (o *cellOutput) Stream(name, text string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.buf.WriteString(text)
}

func (o *cellOutput) Publish(display.Bundle, string, bool) {}

func (o *cellOutput) Clear(bool) {}

func (o *cellOutput) Input(context.Context, string, bool) (string, error) {
	return "", errors.New("bench: no input")
}

func (o *cellOutput) ExecutionCount() int { return 1 }

func (o *cellOutput) text() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}
