package display

import (
	"fmt"
	"image"
	"image/color"

	"github.com/gograd/gograd/nn"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// boundaryRes is the number of grid cells along each axis of a decision-boundary map.
const boundaryRes = 150

// DecisionBoundaryXY draws, for a model of two inputs, the class it predicts at every point
// of the plane around the examples x (n×2) as coloured regions, with the examples on top
// coloured by their labels. The prediction is the argmax of the output row, or for a single
// output, output > 0.5 when every output lies in [0, 1] (a probability) and > 0 otherwise (a
// logit or a ±1 target). classes name the labels in the legend.
func DecisionBoundaryXY(model nn.Module, x *nn.Tensor, labels []int, classes []string) *plot.Plot {
	p := plot.New()
	p.Title.Text = "decision boundary"
	if model == nil || x == nil || x.Dims() != 2 || x.Cols() != 2 {
		p.Title.Text = "decision boundary: needs a model and examples with 2 features"
		return p
	}
	xmin, xmax, ymin, ymax := bounds(x)
	img := regions(model, xmin, xmax, ymin, ymax)
	p.Add(plotter.NewImage(img, xmin, ymin, xmax, ymax))
	addExamples(p, x, labels, classes)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xmin, xmax, ymin, ymax
	p.X.Label.Text, p.Y.Label.Text = "x₀", "x₁"
	return p
}

// regions colours a boundaryRes square grid over the given range by the model's predicted
// class; row 0 is the top (largest y).
func regions(model nn.Module, xmin, xmax, ymin, ymax float64) *image.RGBA {
	grid := make([]float32, 0, 2*boundaryRes*boundaryRes)
	for r := 0; r < boundaryRes; r++ { // image row 0 is the top: largest y
		gy := ymax - (float64(r)+0.5)*(ymax-ymin)/boundaryRes
		for c := 0; c < boundaryRes; c++ {
			gx := xmin + (float64(c)+0.5)*(xmax-xmin)/boundaryRes
			grid = append(grid, float32(gx), float32(gy))
		}
	}
	pred := predict(model.Forward(nn.NewTensor(grid, boundaryRes*boundaryRes, 2)))
	img := image.NewRGBA(image.Rect(0, 0, boundaryRes, boundaryRes))
	for i, k := range pred {
		img.Set(i%boundaryRes, i/boundaryRes, light(plotutil.Color(k)))
	}
	return img
}

// bounds returns the range of x's two columns, widened by a tenth on each side.
func bounds(x *nn.Tensor) (xmin, xmax, ymin, ymax float64) {
	d := x.Data()
	xmin, ymin, xmax, ymax = 1e300, 1e300, -1e300, -1e300
	for i := 0; i+1 < len(d); i += 2 {
		xmin, xmax = min(xmin, float64(d[i])), max(xmax, float64(d[i]))
		ymin, ymax = min(ymin, float64(d[i+1])), max(ymax, float64(d[i+1]))
	}
	if xmin > xmax { // no examples
		return -1, 1, -1, 1
	}
	padX, padY := max((xmax-xmin)/10, 0.1), max((ymax-ymin)/10, 0.1)
	return xmin - padX, xmax + padX, ymin - padY, ymax + padY
}

// predict returns the class of each row of a model's output; see DecisionBoundaryXY.
func predict(out *nn.Tensor) []int {
	if out.Cols() != 1 {
		return nn.Argmax(out)
	}
	// One column: probabilities split at 0.5, logits or tanh outputs at 0.
	d := out.Data()
	threshold := float32(0.5)
	for _, v := range d {
		if v < 0 || v > 1 {
			threshold = 0
			break
		}
	}
	pred := make([]int, len(d))
	for i, v := range d {
		if v > threshold {
			pred[i] = 1
		}
	}
	return pred
}

// addExamples scatters the examples, one colour per label. A ±1 label counts as classes 1
// and 0, as predict's sign threshold does.
func addExamples(p *plot.Plot, x *nn.Tensor, labels []int, classes []string) {
	d := x.Data()
	byClass := map[int]plotter.XYs{}
	maxClass := 0
	for i := 0; 2*i+1 < len(d); i++ {
		k := 0
		if i < len(labels) {
			k = max(labels[i], 0)
		}
		byClass[k] = append(byClass[k], plotter.XY{X: float64(d[2*i]), Y: float64(d[2*i+1])})
		maxClass = max(maxClass, k)
	}
	for k := 0; k <= maxClass; k++ {
		pts, ok := byClass[k]
		if !ok {
			continue
		}
		s, err := plotter.NewScatter(pts)
		if err != nil {
			continue
		}
		s.GlyphStyle = draw.GlyphStyle{Color: plotutil.Color(k), Radius: vg.Points(2.5), Shape: draw.CircleGlyph{}}
		p.Add(s)
		p.Legend.Add(className(classes, k), s)
	}
	p.Legend.Top = true
}

// className is classes[k], or "class k".
func className(classes []string, k int) string {
	if k < len(classes) && classes[k] != "" {
		return classes[k]
	}
	return fmt.Sprintf("class %d", k)
}

// light mixes c with three parts of white.
func light(c color.Color) color.RGBA {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8((int(v>>8) + 3*255) / 4) }
	return color.RGBA{R: mix(r), G: mix(g), B: mix(b), A: 255}
}
