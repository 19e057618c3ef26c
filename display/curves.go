package display

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// LossOptions says how a loss curve is drawn. The zero value draws the raw training (and
// validation) loss on a linear scale.
type LossOptions struct {
	// LogScale draws the loss axis on a log scale, which shows late progress.
	LogScale bool
	// Smoothing is the weight of an exponential moving average, in [0, 1): 0 draws the raw
	// loss, 0.9 a smooth line with the raw loss faint behind it (as TensorBoard does).
	Smoothing float64
	// Title replaces the default title, "loss".
	Title string
}

// maxLinePoints is the most points a line gets: longer series are averaged into this many
// buckets, which keeps rendering cost flat however long a run is.
const maxLinePoints = 600

// LossValues draws a loss curve from the losses of a hand-written loop, one per step (x is
// the step number, from 1).
func LossValues(loss []float64, opts LossOptions) *plot.Plot {
	return lossPlot(stepsFrom1(len(loss)), loss, nil, opts, maxLinePoints)
}

// stepsFrom1 returns 1, 2, ..., n.
func stepsFrom1(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = float64(i + 1)
	}
	return s
}

// lossPlot draws training loss, and validation loss where it is not NaN, against steps, with
// at most limit points per line.
func lossPlot(steps, loss, val []float64, opts LossOptions, limit int) *plot.Plot {
	p := plot.New()
	p.Title.Text = opts.Title
	if p.Title.Text == "" {
		p.Title.Text = "loss"
	}
	p.X.Label.Text = "step"
	p.Y.Label.Text = "loss"
	p.Add(plotter.NewGrid())
	scale := opts.LogScale
	if opts.LogScale {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	trainColor := plotutil.Color(0)
	if opts.Smoothing > 0 && opts.Smoothing < 1 {
		addLine(p, steps, loss, scale, faded(trainColor), "", limit)
		addLine(p, steps, ema(loss, opts.Smoothing), scale, trainColor, "train", limit)
	} else {
		addLine(p, steps, loss, scale, trainColor, "train", limit)
	}
	if hasFinite(val) {
		addLine(p, steps, val, scale, plotutil.Color(1), "validation", limit)
	}
	p.Legend.Top = true
	if len(loss) == 0 {
		p.Title.Text += " (no steps yet)"
	}
	return p
}

// gradPlot draws one line per layer of gradient norms (series[layer][step]) on a log scale,
// with at most limit points per line.
func gradPlot(steps []float64, series [][]float64, names []string, title string, limit int) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "step"
	p.Y.Label.Text = "L2 norm"
	p.Add(plotter.NewGrid())
	anyPositive := false
	for l, ys := range series {
		for _, y := range ys {
			anyPositive = anyPositive || y > 0
		}
		c, dashes := layerStyle(l)
		if line := addLine(p, steps, ys, true, c, layerName(names, l), limit); line != nil {
			line.Dashes = dashes
		}
	}
	if anyPositive {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	legendBeside(p)
	return p
}

// addLine adds the finite (and, on a log scale, positive) points of ys against xs as a line,
// averaged down to limit points, with a legend entry when name is not empty. It returns the
// line, or nil when no point is left.
func addLine(p *plot.Plot, xs, ys []float64, positive bool, c color.Color, name string, limit int) *plotter.Line {
	pts := decimate(xs, ys, positive, limit)
	if len(pts) == 0 {
		return nil
	}
	l, err := plotter.NewLine(pts)
	if err != nil { // cannot happen: decimate keeps finite points only
		return nil
	}
	l.Color = c
	l.Width = vg.Points(1.5)
	p.Add(lightLine{l})
	if name != "" {
		p.Legend.Add(name, l)
	}
	return l
}

// decimate keeps the usable points of (xs, ys) and averages runs of them so that at most
// limit remain. It allocates only its result, however long the series: the live view calls
// it on every redraw of a run of tens of thousands of steps.
func decimate(xs, ys []float64, positive bool, limit int) plotter.XYs {
	usable := func(i int) bool {
		y := ys[i]
		return i < len(xs) && !math.IsNaN(y) && !math.IsInf(y, 0) && (!positive || y > 0)
	}
	n := 0
	for i := range ys {
		if usable(i) {
			n++
		}
	}
	if n <= limit {
		pts := make(plotter.XYs, 0, n)
		for i := range ys {
			if usable(i) {
				pts = append(pts, plotter.XY{X: xs[i], Y: ys[i]})
			}
		}
		return pts
	}
	// Bucket b averages the usable points of rank b*n/limit up to (b+1)*n/limit.
	out := make(plotter.XYs, limit)
	rank, b, end := 0, 0, n/limit
	for i := range ys {
		if !usable(i) {
			continue
		}
		for rank >= end {
			b++
			end = (b + 1) * n / limit
		}
		out[b].X += xs[i]
		out[b].Y += ys[i]
		rank++
	}
	for b := range out {
		size := float64((b+1)*n/limit - b*n/limit)
		out[b].X /= size
		out[b].Y /= size
	}
	return out
}

// ema returns the exponential moving average of ys with weight w on the past, skipping NaNs
// and debiased at the start, as TensorBoard does.
func ema(ys []float64, w float64) []float64 {
	out := make([]float64, len(ys))
	acc, norm := 0.0, 0.0
	for i, y := range ys {
		if math.IsNaN(y) || math.IsInf(y, 0) {
			out[i] = math.NaN()
			continue
		}
		acc = w*acc + (1-w)*y
		norm = w*norm + (1 - w)
		out[i] = acc / norm
	}
	return out
}

// hasFinite reports whether ys has a finite value.
func hasFinite(ys []float64) bool {
	for _, y := range ys {
		if !math.IsNaN(y) && !math.IsInf(y, 0) {
			return true
		}
	}
	return false
}

// faded returns c at a quarter of its opacity.
func faded(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x50}
}
