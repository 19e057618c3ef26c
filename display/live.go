package display

import (
	"fmt"
	"sync"
	"time"

	"github.com/gograd/gograd/nn"
)

// TrainingOptions configures a live training view. Zero fields take the defaults noted.
type TrainingOptions struct {
	// Loss says how the loss curve is drawn.
	Loss LossOptions
	// Interval is the shortest time between two redraws of the chart, and between two
	// updates of the progress line; 250 ms by default.
	Interval time.Duration
	// Budget caps the share of wall time spent redrawing the chart: a redraw starts only
	// when the time spent drawing so far, plus the redraw's expected cost (the last one's),
	// stays within Budget of the time since the first Update. 0.04 by default, which leaves
	// room for the final redraw of Done (outside the budget) in a 5% share of a run of more
	// than a few seconds.
	Budget float64
	// DPI of the chart while training; 80 by default. The chart shows at the same size as
	// the final picture, a little softer, and costs a third less to draw and encode.
	DPI int
	// FinalDPI is the DPI of the final picture, which Done draws; 100 by default.
	FinalDPI int
	// Sync draws on the caller's goroutine instead of a background one, which makes the
	// training wait for each redraw (tests use it for determinism).
	Sync bool
}

// withDefaults fills the zero fields of o.
func (o TrainingOptions) withDefaults() TrainingOptions {
	if o.Interval <= 0 {
		o.Interval = 250 * time.Millisecond
	}
	if o.Budget <= 0 || o.Budget >= 1 {
		o.Budget = 0.04
	}
	if o.DPI <= 0 {
		o.DPI = 80
	}
	if o.FinalDPI <= 0 {
		o.FinalDPI = 100
	}
	return o
}

// TrainingView is a live view of a training run: a progress line (step, loss, rate, time
// left) and a chart (the Dashboard: loss curve and gradient norms), each one output updated
// in place. Update is shaped to be nn.FitConfig's OnStep and costs well under a microsecond
// when it does not redraw; redraws run on a background goroutine (one at a time) from a
// snapshot of the history, so training goes on while the chart renders, on the other core.
// Done waits for a redraw in flight and leaves the final, complete picture in the notebook.
// Get one from Writer.Training. A TrainingView is safe for concurrent use.
//
// Update must be called after a step's records are complete (nn.Fit and a Recorder followed
// by SetValLoss both are): the snapshot shares the steps recorded so far with the caller.
type TrainingView struct {
	progress, chart *Handle
	opts            TrainingOptions

	mu         sync.Mutex
	start      time.Time     // of the first Update
	nextText   time.Time     // earliest time of the next progress-line update
	nextChart  time.Time     // earliest time of the next redraw
	lastCost   time.Duration // of the last redraw; firstCostGuess before one
	done       bool
	inFlight   sync.WaitGroup // the background redraw, if any
	drawing    bool
	renders    int
	renderTime time.Duration
	canvas     reusedCanvas // of the redraws while training, one at a time
}

// livePoints is the most points a line of the chart gets while training (the final picture
// gets maxLinePoints): about one per two pixels of the live chart's data area.
const livePoints = 200

// firstCostGuess is what the first redraw is expected to cost: about what the live chart of a
// long run takes on this project's 2-core machines when training keeps the other core busy.
const firstCostGuess = 12 * time.Millisecond

// Training returns a live training view with the default options; pass its Update method as
// nn.FitConfig.OnStep, or call it from a hand-written loop, then call Done.
func (w *Writer) Training() *TrainingView { return w.TrainingWith(TrainingOptions{}) }

// TrainingWith returns a live training view with the given options.
func (w *Writer) TrainingWith(opts TrainingOptions) *TrainingView {
	return &TrainingView{progress: w.NewHandle(), chart: w.NewHandle(), opts: opts.withDefaults(),
		lastCost: firstCostGuess}
}

// Update shows h: the progress line at once and then at most every Interval, the chart at
// most every Interval and within the Budget (so not at once). It does nothing after Done,
// or for a nil or empty history.
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
	if v.start.IsZero() {
		v.start, v.nextChart = now, now.Add(v.opts.Interval)
	}
	if !now.Before(v.nextText) {
		v.progress.Update(ProgressBundle(h, false))
		v.nextText = now.Add(v.opts.Interval)
	}
	allowed := time.Duration(v.opts.Budget * float64(now.Sub(v.start)))
	if v.drawing || now.Before(v.nextChart) || v.renderTime+v.lastCost > allowed {
		return
	}
	snap := snapshot(h)
	if v.opts.Sync {
		v.account(v.draw(snap, false))
		return
	}
	v.drawing = true
	v.inFlight.Add(1)
	go func() {
		defer v.inFlight.Done()
		d := v.draw(snap, false)
		v.mu.Lock()
		defer v.mu.Unlock()
		v.drawing = false
		v.account(d)
	}()
}

// account records a redraw that took d and schedules the next one; v.mu is held.
func (v *TrainingView) account(d time.Duration) {
	v.lastCost = d
	v.renders++
	v.renderTime += d
	v.nextChart = time.Now().Add(v.opts.Interval)
}

// snapshot copies what drawing reads of h, so the caller may go on appending steps.
func snapshot(h *nn.History) *nn.History {
	s := *h
	s.Steps = h.Steps[:len(h.Steps):len(h.Steps)]
	return &s
}

// Done shows the final state of h (which may be nil when training failed to start) and stops
// further updates. It returns once the final picture is published.
func (v *TrainingView) Done(h *nn.History) {
	v.mu.Lock()
	if v.done {
		v.mu.Unlock()
		return
	}
	v.done = true
	v.mu.Unlock()
	v.inFlight.Wait() // no redraw can start now: done is set
	if h == nil {
		v.progress.Update(Text("text/plain", "training did not run"))
		return
	}
	v.progress.Update(ProgressBundle(h, true))
	d := v.draw(h, true)
	v.mu.Lock()
	defer v.mu.Unlock()
	v.account(d)
}

// draw redraws the chart, the final picture or a cheaper live one, and returns how long that
// took. A chart that fails to render, or panics, shows the error in its place rather than
// stopping the training or the kernel.
func (v *TrainingView) draw(h *nn.History, final bool) (d time.Duration) {
	start := time.Now()
	defer func() {
		if r := recover(); r != nil {
			v.chart.Update(Text("text/plain", fmt.Sprintf("display: drawing the training chart: %v", r)))
		}
		d = time.Since(start)
	}()
	var b Bundle
	var err error
	if final {
		g := Dashboard(h, v.opts.Loss)
		g.DPI = v.opts.FinalDPI
		b, err = g.Bundle()
	} else {
		g := dashboard(h, v.opts.Loss, livePoints)
		b, err = v.canvas.bundle(g, PlotOptions{Width: g.Width, Height: g.Height, DPI: v.opts.DPI})
	}
	if err != nil {
		b = Text("text/plain", err.Error())
	}
	v.chart.Update(b)
	return time.Since(start)
}

// Stats returns how many times the chart was drawn and the total time spent drawing it.
func (v *TrainingView) Stats() (renders int, total time.Duration) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.renders, v.renderTime
}

// IDs returns the display ids of the progress line and of the chart.
func (v *TrainingView) IDs() (progress, chart string) { return v.progress.ID(), v.chart.ID() }
