package nn

import (
	"fmt"
	"math"
	"time"
)

// StepStats is what one training step recorded.
type StepStats struct {
	Step, Epoch int
	Loss        float64
	ValLoss     float64 // NaN when not measured at this step
	// GradNorms holds, per layer with parameters, the L2 norm of all its gradients.
	GradNorms []float64
	// UpdateRatios holds, per layer with parameters, ‖Δweights‖/‖weights‖ of this step
	// (a healthy rate is around 1e-3).
	UpdateRatios []float64
	Elapsed      time.Duration // since the recording started
}

// History is a training run's record, ready to plot: one StepStats per step.
type History struct {
	LayerNames []string
	Steps      []StepStats
	TotalSteps int // planned number of steps, 0 if unknown
}

// Losses returns the loss of every step.
func (h *History) Losses() []float64 {
	out := make([]float64, len(h.Steps))
	for i, s := range h.Steps {
		out[i] = s.Loss
	}
	return out
}

// Last returns the last step's stats (zero StepStats when there is none).
func (h *History) Last() StepStats {
	if len(h.Steps) == 0 {
		return StepStats{ValLoss: math.NaN()}
	}
	return h.Steps[len(h.Steps)-1]
}

// Recorder records loss, per-layer gradient norms and update ratios after each step of a
// hand-written training loop. Call Record after the optimizer's Step.
type Recorder struct {
	History *History
	Epoch   int // stored in the next records; set it as epochs go by

	layers [][]*Tensor
	prev   [][]float32 // parameter values at the previous Record
	start  time.Time
}

// NewRecorder returns a Recorder for m: each layer of a Sequential that has parameters is
// one layer of the record; any other module is one layer.
func NewRecorder(m Module) *Recorder {
	r := &Recorder{History: &History{}, start: time.Now()}
	layers := []Module{m}
	if s, ok := m.(*Sequential); ok {
		layers = s.Layers
	}
	for _, l := range layers {
		ps := l.Parameters()
		if len(ps) == 0 {
			continue
		}
		r.layers = append(r.layers, ps)
		r.History.LayerNames = append(r.History.LayerNames, fmt.Sprintf("%d:%s", len(r.layers), layerName(l)))
		for _, p := range ps {
			r.prev = append(r.prev, append([]float32(nil), p.data...))
		}
	}
	return r
}

// Record appends the stats of the step that produced loss and returns them.
func (r *Recorder) Record(loss *Tensor) StepStats {
	s := StepStats{Step: len(r.History.Steps), Epoch: r.Epoch, Loss: loss.Item(), ValLoss: math.NaN(),
		GradNorms: make([]float64, len(r.layers)), UpdateRatios: make([]float64, len(r.layers)),
		Elapsed: time.Since(r.start)}
	k := 0
	for i, ps := range r.layers {
		var g2, d2, w2 float64
		for _, p := range ps {
			d, w, g := updateStats(p.data, r.prev[k], p.grad)
			k++
			d2, w2, g2 = d2+d, w2+w, g2+g
		}
		s.GradNorms[i] = math.Sqrt(g2)
		if w2 > 0 {
			s.UpdateRatios[i] = math.Sqrt(d2 / w2)
		}
	}
	r.History.Steps = append(r.History.Steps, s)
	return s
}

// SetValLoss stores a validation loss on the last recorded step.
func (r *Recorder) SetValLoss(v float64) {
	if n := len(r.History.Steps); n > 0 {
		r.History.Steps[n-1].ValLoss = v
	}
}

// updateStats returns Σ(w-prev)², Σw² and Σg² (0 for a nil g), and copies w into prev.
func updateStats(w, prev, g []float32) (d2, w2, g2 float64) {
	prev = prev[:len(w)]
	done := 0
	if hasFMA && len(g) == len(w) {
		done = len(w) &^ 7
		d, ww, gg := stats8(w[:done], prev[:done], g[:done])
		d2, w2, g2 = float64(d), float64(ww), float64(gg)
	}
	for i := done; i < len(w); i++ {
		d := float64(w[i] - prev[i])
		d2 += d * d
		w2 += float64(w[i]) * float64(w[i])
		prev[i] = w[i]
	}
	for i := done; i < len(g); i++ {
		g2 += float64(g[i]) * float64(g[i])
	}
	return d2, w2, g2
}
