package display

import (
	"sync"
	"time"

	"github.com/gograd/gograd/nn"
)

// TrainingOptions configures a live training view. Zero fields take the defaults noted.
type TrainingOptions struct {
	// Loss says how the loss curve is drawn.
	Loss LossOptions
	// Interval is the shortest time between two redraws of the chart; 250 ms by default.
	Interval time.Duration
	// Budget caps the share of wall time spent redrawing the chart: after a redraw that took
	// d, the next waits at least d*(1-Budget)/Budget. 0.05 (5%) by default.
	Budget float64
	// DPI of the chart; 100 by default.
	DPI int
}

// withDefaults fills the zero fields of o.
func (o TrainingOptions) withDefaults() TrainingOptions {
	if o.Interval <= 0 {
		o.Interval = 250 * time.Millisecond
	}
	if o.Budget <= 0 || o.Budget >= 1 {
		o.Budget = 0.05
	}
	if o.DPI <= 0 {
		o.DPI = 100
	}
	return o
}

// TrainingView is a live view of a training run: a progress line (step, loss, rate, time
// left) and a chart (the Dashboard: loss curve and gradient norms), each one output updated
// in place. Update is shaped to be nn.FitConfig's OnStep and cheap when it does not redraw;
// Done leaves the final, complete picture in the notebook. Get one from Writer.Training. A
// TrainingView is safe for concurrent use.
type TrainingView struct {
	progress, chart *Handle
	opts            TrainingOptions

	mu         sync.Mutex
	nextText   time.Time // earliest time of the next progress-line update
	nextChart  time.Time // earliest time of the next redraw
	done       bool
	renders    int
	renderTime time.Duration
}

// Training returns a live training view with the default options; pass its Update method as
// nn.FitConfig.OnStep, or call it from a hand-written loop, then call Done.
func (w *Writer) Training() *TrainingView { return w.TrainingWith(TrainingOptions{}) }

// TrainingWith returns a live training view with the given options.
func (w *Writer) TrainingWith(opts TrainingOptions) *TrainingView {
	return &TrainingView{progress: w.NewHandle(), chart: w.NewHandle(), opts: opts.withDefaults()}
}

// Update shows h: the progress line at most every Interval, the chart at most every Interval
// and within the Budget. It does nothing after Done, or for a nil or empty history.
func (v *TrainingView) Update(h *nn.History) {
	if h == nil || len(h.Steps) == 0 {
		return
	}
	now := time.Now()
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.done {
		return
	}
	if !now.Before(v.nextText) {
		v.progress.Update(ProgressBundle(h, false))
		v.nextText = now.Add(v.opts.Interval)
	}
	if !now.Before(v.nextChart) {
		cost := v.draw(h)
		wait := time.Duration(float64(cost) * (1 - v.opts.Budget) / v.opts.Budget)
		v.nextChart = time.Now().Add(max(v.opts.Interval, wait))
	}
}

// Done shows the final state of h (which may be nil when training failed to start) and stops
// further updates.
func (v *TrainingView) Done(h *nn.History) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.done {
		return
	}
	v.done = true
	if h == nil {
		v.progress.Update(Text("text/plain", "training did not run"))
		return
	}
	v.progress.Update(ProgressBundle(h, true))
	v.draw(h)
}

// draw redraws the chart and returns how long that took. A chart that fails to render shows
// the error in its place rather than stopping the training.
func (v *TrainingView) draw(h *nn.History) time.Duration {
	start := time.Now()
	g := Dashboard(h, v.opts.Loss)
	g.DPI = v.opts.DPI
	b, err := g.Bundle()
	if err != nil {
		b = Text("text/plain", err.Error())
	}
	v.chart.Update(b)
	d := time.Since(start)
	v.renders++
	v.renderTime += d
	return d
}

// Stats returns how many times the chart was drawn and the total time spent drawing it.
func (v *TrainingView) Stats() (renders int, total time.Duration) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.renders, v.renderTime
}

// IDs returns the display ids of the progress line and of the chart.
func (v *TrainingView) IDs() (progress, chart string) { return v.progress.ID(), v.chart.ID() }
