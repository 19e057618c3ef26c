package display

import (
	"math"

	"github.com/gograd/gograd/nn"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// LossCurve draws the training loss of every step of h, and the validation loss of the
// steps that measured one, against the step number (from 1).
func LossCurve(h *nn.History, opts LossOptions) *plot.Plot {
	return lossCurve(h, opts, maxLinePoints)
}

// lossCurve is LossCurve with at most limit points per line.
func lossCurve(h *nn.History, opts LossOptions, limit int) *plot.Plot {
	if h == nil {
		return lossPlot(nil, nil, nil, opts, limit)
	}
	steps := make([]float64, len(h.Steps))
	loss := make([]float64, len(h.Steps))
	val := make([]float64, len(h.Steps))
	for i, s := range h.Steps {
		steps[i], loss[i], val[i] = float64(s.Step+1), s.Loss, s.ValLoss
	}
	return lossPlot(steps, loss, val, opts, limit)
}

// GradientNorms draws, for each layer with parameters, the L2 norm of its gradients at every
// step of h, on a log scale: a layer whose line sinks decades below the others has
// vanishing gradients, one that climbs is exploding.
func GradientNorms(h *nn.History) *plot.Plot { return gradientNorms(h, maxLinePoints) }

// gradientNorms is GradientNorms with at most limit points per line.
func gradientNorms(h *nn.History, limit int) *plot.Plot {
	steps, per, names := perLayer(h, func(s *nn.StepStats) []float64 { return s.GradNorms })
	return gradPlot(steps, per, names, "gradient norm per layer", limit)
}

// UpdateRatios draws, for each layer, ‖Δweights‖/‖weights‖ at every step of h on a log
// scale; around 1e-3 is healthy, much lower means the layer barely learns.
func UpdateRatios(h *nn.History) *plot.Plot {
	steps, per, names := perLayer(h, func(s *nn.StepStats) []float64 { return s.UpdateRatios })
	p := gradPlot(steps, per, names, "update / weight ratio per layer", maxLinePoints)
	p.Y.Label.Text = "ratio"
	return p
}

// perLayer extracts the steps, the series of each layer (series[layer][step], NaN where a
// step has no value for the layer) and the layer names of h, in one pass over the steps.
func perLayer(h *nn.History, f func(*nn.StepStats) []float64) ([]float64, [][]float64, []string) {
	if h == nil {
		return nil, nil, nil
	}
	n := len(h.Steps)
	steps := make([]float64, n)
	var series [][]float64
	for i := range h.Steps {
		s := &h.Steps[i]
		steps[i] = float64(s.Step + 1)
		vals := f(s)
		for len(series) < len(vals) { // a layer first seen at step i: NaN before
			ys := make([]float64, n)
			for j := range i {
				ys[j] = math.NaN()
			}
			series = append(series, ys)
		}
		for l, ys := range series {
			ys[i] = math.NaN()
			if l < len(vals) {
				ys[i] = vals[l]
			}
		}
	}
	return steps, series, h.LayerNames
}

// Dashboard puts the loss curve and the gradient norms of h side by side, 10 by 3.5 inches:
// the picture a cell's *nn.History shows as and the live training view draws.
func Dashboard(h *nn.History, opts LossOptions) *PlotGrid {
	return dashboard(h, opts, maxLinePoints)
}

// dashboard is Dashboard with at most limit points per line.
func dashboard(h *nn.History, opts LossOptions, limit int) *PlotGrid {
	g := Grid(2, lossCurve(h, opts, limit), gradientNorms(h, limit))
	g.Width, g.Height = 10*vg.Inch, 3.5*vg.Inch
	return g
}

// DecisionBoundary draws the classes model predicts over the plane of a data set with two
// features, with its examples on top; see DecisionBoundaryXY.
func DecisionBoundary(model nn.Module, d *nn.Dataset) *plot.Plot {
	if d == nil {
		return DecisionBoundaryXY(model, nil, nil, nil)
	}
	p := DecisionBoundaryXY(model, d.X, d.Labels, d.Classes)
	if d.Name != "" {
		p.Title.Text += ": " + d.Name
	}
	return p
}
