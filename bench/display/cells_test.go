package display

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/gograd/gograd/display"
	"github.com/gograd/gograd/interp"
)

// cellOutput is an interp.Output that keeps what cells publish.
type cellOutput struct {
	mu     sync.Mutex
	shown  []shown
	stderr strings.Builder
}

type shown struct {
	b      display.Bundle
	id     string
	update bool
}

func (o *cellOutput) Publish(b display.Bundle, id string, update bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.shown = append(o.shown, shown{b, id, update})
}
func (o *cellOutput) Clear(bool) {}
func (o *cellOutput) Stream(name, text string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if name == "stderr" {
		o.stderr.WriteString(text)
	}
}
func (o *cellOutput) Input(context.Context, string, bool) (string, error) { return "", nil }
func (o *cellOutput) ExecutionCount() int                                 { return 1 }

// TestCellsTrainWithLiveView runs, through a real session, the cells a course notebook
// would: train from a cell with the live view, then show plots of the run.
func TestCellsTrainWithLiveView(t *testing.T) {
	s, err := interp.New(interp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	run := func(code string) *cellOutput {
		t.Helper()
		out := &cellOutput{}
		if _, err := s.Execute(context.Background(), code, out); err != nil {
			t.Fatalf("cell %q: %v (stderr %q)", code, err, out.stderr.String())
		}
		return out
	}
	run(`import "gograd/nn"
import "gograd/display"
import "context"`)
	out := run(`data := nn.Moons(200, 0.1, 1)
model := nn.MLP([]int{2, 16, 2}, "tanh", 1)
live := display.Training()
hist, err := nn.Fit(context.Background(), model, data, nn.FitConfig{Epochs: 20, Loss: nn.SoftmaxCrossEntropy, OnStep: live.Update})
live.Done(hist)`)
	ids := map[string]int{}
	for _, o := range out.shown {
		ids[o.id]++
	}
	if len(ids) != 2 {
		t.Fatalf("live view used %d display ids, want 2 (progress, chart): %v", len(ids), ids)
	}
	last := out.shown[len(out.shown)-1]
	if _, ok := last.b.Data["image/png"]; !ok || !last.update && ids[last.id] > 1 {
		t.Errorf("last output is not the final chart: %v", keysOf(last.b))
	}
	for _, code := range []string{
		`display.Plot(display.LossCurve(hist, display.LossOptions{LogScale: true}))`,
		`display.Show(display.DecisionBoundary(model, data))`,
		`display.Show(display.Grid(2, display.GradientNorms(hist), display.Histograms(model, "weights")))`,
	} {
		out := run(code)
		if len(out.shown) != 1 || out.shown[0].b.Data["image/png"] == nil {
			t.Errorf("%s: %d outputs", code, len(out.shown))
		}
	}
}

func keysOf(b display.Bundle) []string {
	var ks []string
	for k := range b.Data {
		ks = append(ks, k)
	}
	return ks
}
