package nn

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"
)

// The stated goals: fixed seeds, fixed step counts, minimum accuracies.
func TestMLPLearnsXOR(t *testing.T) {
	data := XOR(4, 0, 0)
	model := MLP([]int{2, 8, 1}, "tanh", 1)
	opt := NewSGD(model.Parameters(), 0.1, 0.9)
	for step := 0; step < 500; step++ {
		x, y := data.Batch(step, 4)
		loss := MSE(model.Forward(x), y)
		opt.ZeroGrad()
		loss.Backward()
		opt.Step()
	}
	if acc := Evaluate(model, data); acc != 1 {
		t.Errorf("XOR accuracy after 500 steps = %v, want 1", acc)
	}
}

func TestMLPLearnsMoons(t *testing.T) {
	train, test := Moons(600, 0.1, 1).Split(0.25, 2)
	model := MLP([]int{2, 16, 16, 2}, "relu", 1)
	h, err := Fit(context.Background(), model, train, FitConfig{Epochs: 40, BatchSize: 32,
		Optimizer: NewAdam(model.Parameters(), 0.01), Loss: SoftmaxCrossEntropy, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if acc := Evaluate(model, test); acc < 0.97 {
		t.Errorf("moons test accuracy after %d steps = %v, want ≥ 0.97", len(h.Steps), acc)
	}
}

func TestMLPLearnsDigits(t *testing.T) {
	d, err := Digits()
	if err != nil {
		t.Fatal(err)
	}
	train, test := d.Split(0.2, 1)
	mean, std := train.Standardize()
	test.StandardizeWith(mean, std)
	model := MLP([]int{64, 64, 10}, "relu", 1)
	h, err := Fit(context.Background(), model, train, FitConfig{Epochs: 10, BatchSize: 32,
		LearningRate: 0.05, Loss: SoftmaxCrossEntropy, Validation: test, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Steps) != 10*(train.Len()/32) || h.TotalSteps != len(h.Steps) {
		t.Errorf("%d steps, planned %d", len(h.Steps), h.TotalSteps)
	}
	if acc := Evaluate(model, test); acc < 0.95 {
		t.Errorf("digits test accuracy after %d steps = %v, want ≥ 0.95", len(h.Steps), acc)
	}
	if v := h.Last().ValLoss; math.IsNaN(v) || v > 0.3 {
		t.Errorf("final validation loss %v, want measured and < 0.3", v)
	}
}

func TestFitStopsWhenTheContextIsCancelled(t *testing.T) {
	d, err := Digits()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	start := time.Now()
	var stoppedAt time.Time
	h, err := Fit(ctx, MLP([]int{64, 256, 256, 10}, "relu", 1), d, FitConfig{Epochs: 100000,
		Loss: SoftmaxCrossEntropy, OnStep: func(h *History) {
			calls++
			if len(h.Steps) == 20 {
				cancel()
				stoppedAt = time.Now()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if h == nil || len(h.Steps) != 20 || calls != 20 {
		t.Fatalf("want the 20 steps made before cancel, got history %v after %d calls", h != nil, calls)
	}
	if late := time.Since(stoppedAt); late > 2*time.Second {
		t.Errorf("Fit returned %v after cancel (run took %v)", late, time.Since(start))
	}
}

func TestFitRejectsMissingData(t *testing.T) {
	if _, err := Fit(context.Background(), MLP([]int{2, 1}, "tanh", 1), nil, FitConfig{}); err == nil {
		t.Error("Fit with no data returned no error")
	}
}
