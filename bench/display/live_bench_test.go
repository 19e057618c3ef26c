//go:build unix

package display

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/gograd/gograd/display"
	"github.com/gograd/gograd/nn"
)

// discard is a Publisher that drops everything, as a kernel with no client would.
type discard struct{ n int }

func (d *discard) Publish(display.Bundle, string, bool) { d.n++ }
func (d *discard) Clear(bool)                           {}

// fit trains an MLP on two moons (37,500 steps, about a second on this project's 2-core
// machines), with onStep (may be nil) after every step.
func fit(b *testing.B, onStep func(*nn.History)) *nn.History { return fitEpochs(b, 300, onStep) }

// fitEpochs is fit with a given number of epochs.
func fitEpochs(b *testing.B, epochs int, onStep func(*nn.History)) *nn.History {
	data := nn.Moons(4000, 0.1, 1)
	model := nn.MLP([]int{2, 64, 64, 2}, "tanh", 1)
	h, err := nn.Fit(context.Background(), model, data, nn.FitConfig{
		Epochs: epochs, BatchSize: 32, Loss: nn.SoftmaxCrossEntropy,
		Optimizer: nn.NewAdam(model.Parameters(), 0.01), OnStep: onStep,
	})
	if err != nil {
		b.Fatal(err)
	}
	return h
}

// BenchmarkFitPlain is the training run without a live view.
func BenchmarkFitPlain(b *testing.B) {
	for b.Loop() {
		fit(b, nil)
	}
}

// BenchmarkFitLive is the same run with the live view at its default throttling, measured
// against a plain run in each iteration. It reports the run's extra wall time (overhead-%,
// the goal is under 5; noisy on a shared machine), its extra CPU time over all goroutines
// (cpu-overhead-%, steadier), the drawing time as a share of the run (render-%, spent
// mostly on the other core, the final picture included), the redraws per second and the
// mean cost of a redraw (ms/redraw, the final one included).
func BenchmarkFitLive(b *testing.B) {
	var overhead, cpuOverhead, share, rate, cost float64
	fitEpochs(b, 30, nil) // warm up: the first run of a process is slower (heap growth)
	for b.Loop() {
		start, cpu0 := time.Now(), cpuTime()
		fit(b, nil)
		plain, plainCPU := time.Since(start), cpuTime()-cpu0

		live := display.NewWriter(&discard{}).Training()
		start, cpu0 = time.Now(), cpuTime()
		h := fit(b, live.Update)
		live.Done(h)
		total, liveCPU := time.Since(start), cpuTime()-cpu0
		n, spent := live.Stats()
		overhead += 100 * (total.Seconds() - plain.Seconds()) / plain.Seconds()
		cpuOverhead += 100 * (liveCPU.Seconds() - plainCPU.Seconds()) / plainCPU.Seconds()
		share += 100 * float64(spent) / float64(total)
		rate += float64(n) / total.Seconds()
		cost += spent.Seconds() * 1000 / float64(n)
	}
	b.ReportMetric(overhead/float64(b.N), "overhead-%")
	b.ReportMetric(cpuOverhead/float64(b.N), "cpu-overhead-%")
	b.ReportMetric(share/float64(b.N), "render-%")
	b.ReportMetric(rate/float64(b.N), "redraws/s")
	b.ReportMetric(cost/float64(b.N), "ms/redraw")
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
