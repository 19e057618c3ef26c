package nn

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
)

// FitConfig configures Fit. Zero fields take the defaults noted.
type FitConfig struct {
	Epochs       int     // passes over the data; default 10
	BatchSize    int     // default 32
	LearningRate float64 // default 0.01 (used when Optimizer is nil)
	// Optimizer updates the model; default NewSGD(params, LearningRate, 0.9).
	Optimizer Optimizer
	// Loss compares predictions with the data set's Y; default MSE.
	Loss LossFunc
	// Validation, when set, is evaluated after each epoch into that step's ValLoss.
	Validation *Dataset
	Seed       int64 // seeds the shuffling of each epoch
	// OnStep is called after each step with the history so far; keep it cheap.
	OnStep func(h *History)
}

// Fit trains m on train for cfg.Epochs epochs of shuffled mini-batches and returns the
// recorded history. It checks ctx between steps: when ctx is done it returns the history
// so far and an error wrapping ctx.Err().
func Fit(ctx context.Context, m Module, train *Dataset, cfg FitConfig) (*History, error) {
	if err := cfg.fill(m, train); err != nil {
		return nil, err
	}
	rec := NewRecorder(m)
	h := rec.History
	nb := train.NumBatches(cfg.BatchSize)
	h.TotalSteps = cfg.Epochs * nb
	rng := rand.New(rand.NewSource(cfg.Seed))
	// One batch buffer for the whole run: each step's graph is done before the next gather.
	x := Zeros(append([]int{cfg.BatchSize}, train.X.shape[1:]...)...)
	y := Zeros(append([]int{cfg.BatchSize}, train.Y.shape[1:]...)...)
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		rec.Epoch = epoch
		perm := rng.Perm(train.Len())
		for b := 0; b < nb; b++ {
			if err := ctx.Err(); err != nil {
				return h, fmt.Errorf("nn: fit stopped after %d of %d steps: %w", len(h.Steps), h.TotalSteps, err)
			}
			idx := perm[b*cfg.BatchSize : (b+1)*cfg.BatchSize]
			gatherRows(x, train.X, idx)
			gatherRows(y, train.Y, idx)
			loss := cfg.Loss(m.Forward(x), y)
			cfg.Optimizer.ZeroGrad()
			loss.Backward()
			cfg.Optimizer.Step()
			rec.Record(loss)
			if cfg.Validation != nil && b == nb-1 {
				rec.SetValLoss(cfg.Loss(m.Forward(cfg.Validation.X), cfg.Validation.Y).Item())
			}
			if cfg.OnStep != nil {
				cfg.OnStep(h)
			}
		}
	}
	return h, nil
}

func (c *FitConfig) fill(m Module, train *Dataset) error {
	if train == nil || train.X == nil || train.Y == nil {
		return errors.New("nn: fit: no training data")
	}
	if c.Epochs <= 0 {
		c.Epochs = 10
	}
	if c.BatchSize <= 0 {
		c.BatchSize = 32
	}
	c.BatchSize = min(c.BatchSize, train.Len())
	if c.LearningRate <= 0 {
		c.LearningRate = 0.01
	}
	if c.Loss == nil {
		c.Loss = MSE
	}
	if c.Optimizer == nil {
		c.Optimizer = NewSGD(m.Parameters(), c.LearningRate, 0.9)
	}
	return nil
}

// gatherRows copies the rows of src at idx into dst, which has len(idx) rows.
func gatherRows(dst, src *Tensor, idx []int) {
	w := len(src.data) / max(src.shape[0], 1)
	for j, i := range idx {
		copy(dst.data[j*w:j*w+w], src.data[i*w:i*w+w])
	}
}
