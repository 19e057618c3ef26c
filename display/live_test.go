package display

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gograd/gograd/nn"
)

// fitMoons trains a small MLP on the two-moons data, calling onStep after each step.
func fitMoons(t *testing.T, epochs int, onStep func(*nn.History)) *nn.History {
	t.Helper()
	data := nn.Moons(200, 0.1, 1)
	model := nn.MLP([]int{2, 16, 16, 2}, "tanh", 1)
	h, err := nn.Fit(context.Background(), model, data, nn.FitConfig{
		Epochs: epochs, BatchSize: 32, Loss: nn.SoftmaxCrossEntropy,
		Optimizer: nn.NewAdam(model.Parameters(), 0.02), OnStep: onStep,
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestTrainingViewUpdatesInPlace(t *testing.T) {
	rec := &recorder{}
	live := NewWriter(rec).TrainingWith(TrainingOptions{Interval: time.Hour})
	h := fitMoons(t, 5, live.Update)
	// Throttled to an hour: the first step showed the progress line, nothing else showed.
	if len(rec.out) != 1 {
		t.Fatalf("%d outputs during training, want 1", len(rec.out))
	}
	live.Done(h)
	live.Update(h) // ignored after Done
	if len(rec.out) != 3 {
		t.Fatalf("%d outputs in all, want 3", len(rec.out))
	}
	progID, chartID := live.IDs()
	if progID == chartID || progID == "" {
		t.Fatalf("ids %q %q", progID, chartID)
	}
	want := []published{{id: progID}, {id: progID, update: true}, {id: chartID}}
	for i, w := range want {
		if rec.out[i].id != w.id || rec.out[i].update != w.update {
			t.Errorf("output %d: id %q update %v, want %q %v", i, rec.out[i].id, rec.out[i].update, w.id, w.update)
		}
	}
	final := rec.out[2].b
	if got := decodePNG(t, final).Bounds().Size(); got.X != 1000 || got.Y != 350 {
		t.Errorf("chart %v, want 1000x350", got)
	}
	line := rec.out[1].b.Data["text/plain"].(string)
	if !strings.HasPrefix(line, "done: ") || !strings.Contains(line, "step 30/30") || !strings.Contains(line, "steps/s") {
		t.Errorf("final progress line %q", line)
	}
	if n, _ := live.Stats(); n != 1 {
		t.Errorf("%d renders, want 1", n)
	}
	savePlot(t, "gograd-live.png", final)
}

func TestTrainingViewBudget(t *testing.T) {
	rec := &recorder{}
	// No interval: only the budget throttles, so about half of the loop's time goes to
	// drawing, far fewer redraws than steps.
	live := NewWriter(rec).TrainingWith(TrainingOptions{Interval: time.Nanosecond, Budget: 0.5, Sync: true})
	h := &nn.History{TotalSteps: 200}
	// A step costs a tenth of a redraw: the loop lasts about 20 redraws.
	costStart := time.Now()
	if _, err := Dashboard(&nn.History{Steps: []nn.StepStats{{Loss: 1}}}, LossOptions{}).Bundle(); err != nil {
		t.Fatal(err)
	}
	step := time.Since(costStart) / 10
	start := time.Now()
	for i := 0; i < 200; i++ {
		h.Steps = append(h.Steps, nn.StepStats{Step: i, Loss: 1 / float64(i+1), ValLoss: math.NaN(),
			GradNorms: []float64{1, 0.1}, Elapsed: time.Since(start)})
		live.Update(h)
		busyFor(step)
	}
	n, spent := live.Stats()
	total := time.Since(start)
	if n < 2 || n >= 200 {
		t.Errorf("%d redraws for 200 steps", n)
	}
	if share := float64(spent) / float64(total); share > 0.65 || share < 0.15 {
		t.Errorf("drawing took %.0f%% of the loop with a 50%% budget", 100*share)
	}
}

// busyFor spins for d, as a training step would compute.
func busyFor(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

func TestProgressLine(t *testing.T) {
	h := &nn.History{TotalSteps: 100}
	for i := 0; i < 25; i++ {
		h.Steps = append(h.Steps, nn.StepStats{Step: i, Epoch: 1, Loss: 0.5, ValLoss: math.NaN(),
			Elapsed: time.Duration(i+1) * 100 * time.Millisecond})
	}
	h.Steps[20].ValLoss = 0.75
	got := ProgressLine(h, false)
	want := "█████░░░░░░░░░░░░░░░ step 25/100 · epoch 2 · loss 0.5 · val 0.75 · 10 steps/s · 0:03 · 0:08 left"
	if got != want {
		t.Errorf("progress line\n%q", got)
	}
	if ProgressLine(nil, false) != "no steps yet" {
		t.Error("nil history")
	}
	if got := rateText(1634.2); got != "1634" {
		t.Errorf("rateText = %q", got)
	}
	if got := clock(3725 * time.Second); got != "1:02:05" {
		t.Errorf("clock = %q", got)
	}
}

func TestHistoryShowsDashboard(t *testing.T) {
	h := fitMoons(t, 3, nil)
	b, ok := BundleOf(h)
	if !ok {
		t.Fatal("history not shown")
	}
	if got := decodePNG(t, b).Bounds().Size(); got.X != 1000 {
		t.Errorf("dashboard %v", got)
	}
	p := GradientNorms(h)
	if p.Title.Text == "" {
		t.Error("no title")
	}
	savePlot(t, "gograd-updates.png", UpdateRatios(h))
}

func TestTrainingViewDrawsInBackground(t *testing.T) {
	rec := &recorder{}
	live := NewWriter(rec).TrainingWith(TrainingOptions{Interval: time.Nanosecond, Budget: 0.5})
	h := fitMoons(t, 40, func(h *nn.History) {
		live.Update(h)
		busyFor(time.Millisecond) // a slower training step
	})
	live.Done(h)
	_, chartID := live.IDs()
	var charts []published
	for _, o := range rec.out {
		if o.id == chartID {
			charts = append(charts, o)
		}
	}
	n, _ := live.Stats()
	if len(charts) != n || n < 2 {
		t.Fatalf("%d chart outputs, %d renders", len(charts), n)
	}
	for i, c := range charts {
		if c.update != (i > 0) {
			t.Errorf("chart output %d: update = %v", i, c.update)
		}
	}
	decodePNG(t, charts[len(charts)-1].b)
	last := rec.out[len(rec.out)-1]
	if last.id != chartID {
		t.Errorf("last output is not the final chart: a background redraw came after Done")
	}
}
