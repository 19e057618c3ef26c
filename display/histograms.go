package display

import (
	"fmt"
	"math"

	"github.com/gograd/gograd/nn"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// histBins is the number of bins of each layer's histogram.
const histBins = 60

// layerValues is one layer's values for a histogram.
type layerValues struct {
	name   string
	style  int  // index of the layer with parameters it belongs to, for layerStyle
	dashed bool // the output of a layer without parameters (an activation)
	vals   []float32
}

// Histograms draws the distribution of one quantity in every layer of model, one line per
// layer over a shared x axis, with each layer's mean (μ) and standard deviation (σ) in a
// legend beside the data: what is "weights" (the weight matrices of layers that have them),
// "grads" (their gradients, after a Backward) or "activations" (every layer's output from
// the last Forward). Layers are named as in nn.History.LayerNames and GradientNorms, with
// the same colours: "2:Linear(16→16)" is the second layer with parameters; the output of a
// layer without parameters takes the number of the one before it and is dashed ("2:Tanh").
// Vanishing gradients show as a spike at zero in the deep layers; saturated tanh units as
// peaks at ±1. An unknown what or a model without data gives a plot that says so.
func Histograms(model *nn.Sequential, what string) *plot.Plot {
	p := plot.New()
	p.Title.Text = what + " per layer"
	p.X.Label.Text = what
	p.Y.Label.Text = "density"
	layers, err := valuesOf(model, what)
	if err != nil {
		p.Title.Text = err.Error()
		return p
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range layers {
		for _, v := range l.vals {
			lo, hi = math.Min(lo, float64(v)), math.Max(hi, float64(v))
		}
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		p.Title.Text += " (no finite values yet)"
		return p
	}
	if hi == lo {
		lo, hi = lo-0.5, hi+0.5
	}
	p.Add(plotter.NewGrid())
	for _, l := range layers {
		line, err := plotter.NewLine(density(l.vals, lo, hi, histBins))
		if err != nil {
			continue
		}
		line.Color, line.Dashes = layerStyle(l.style)
		if l.dashed {
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(2)}
		}
		p.Add(lightLine{line})
		mean, std := meanStd(l.vals)
		p.Legend.Add(fmt.Sprintf("%s μ %+.2g σ %.2g", l.name, mean, std), line)
	}
	legendBeside(p)
	return p
}

// valuesOf collects what Histograms draws from each layer.
func valuesOf(model *nn.Sequential, what string) ([]layerValues, error) {
	if model == nil {
		return nil, fmt.Errorf("display: nil model")
	}
	var out []layerValues
	switch what {
	case "weights", "grads":
		out = parameterValues(model, what == "grads")
	case "activations":
		out = activationValues(model)
	default:
		return nil, fmt.Errorf("display: unknown histogram %q (want weights, grads or activations)", what)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("display: no %s in the model yet", what)
	}
	return out, nil
}

// parameterValues gathers the weights (or gradients) of each layer with parameters: all its
// parameters that are not vectors (biases have too few values for a histogram).
func parameterValues(model *nn.Sequential, grads bool) []layerValues {
	var out []layerValues
	k := 0
	for _, l := range model.Layers {
		ps := l.Parameters()
		if len(ps) == 0 {
			continue
		}
		k++
		var vals []float32
		for _, t := range ps {
			if t == nil || isVector(t.Shape()) {
				continue
			}
			if grads {
				vals = append(vals, t.Grad()...)
			} else {
				vals = append(vals, t.Data()...)
			}
		}
		if len(vals) > 0 {
			out = append(out, layerValues{name: recordedName(k, l), style: k - 1, vals: vals})
		}
	}
	return out
}

// activationValues gathers every layer's output from the last Forward.
func activationValues(model *nn.Sequential) []layerValues {
	var out []layerValues
	acts := model.Activations()
	k := 0
	for i, l := range model.Layers {
		params := len(l.Parameters()) > 0
		if params {
			k++
		}
		if i >= len(acts) || acts[i] == nil || acts[i].Len() == 0 {
			continue
		}
		v := layerValues{name: recordedName(k, l), style: k - 1, dashed: !params, vals: acts[i].Data()}
		out = append(out, v)
	}
	return out
}

// density returns the histogram of vals over [lo, hi] in n bins as a line through the bin
// centres, normalised to unit area; non-finite values are left out.
func density(vals []float32, lo, hi float64, n int) plotter.XYs {
	counts := make([]float64, n)
	w := (hi - lo) / float64(n)
	total := 0.0
	for _, v := range vals {
		x := float64(v)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		b := min(n-1, max(0, int((x-lo)/w)))
		counts[b]++
		total++
	}
	pts := make(plotter.XYs, n)
	for i := range pts {
		pts[i].X = lo + (float64(i)+0.5)*w
		if total > 0 {
			pts[i].Y = counts[i] / (total * w)
		}
	}
	return pts
}

// meanStd returns the mean and standard deviation of the finite values.
func meanStd(vals []float32) (mean, std float64) {
	var s, ss, n float64
	for _, v := range vals {
		x := float64(v)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		s += x
		ss += x * x
		n++
	}
	if n == 0 {
		return math.NaN(), math.NaN()
	}
	mean = s / n
	return mean, math.Sqrt(math.Max(0, ss/n-mean*mean))
}

// isVector reports whether a shape has at most one dimension longer than 1.
func isVector(shape []int) bool {
	long := 0
	for _, d := range shape {
		if d > 1 {
			long++
		}
	}
	return long <= 1
}
