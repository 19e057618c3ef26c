package display

import (
	"image"
	"image/color"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gograd/gograd/nn"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
)

// savePlot renders p at the default size and, when GOGRAD_SAVE_PICTURES is set, writes it to
// the temporary directory for looking at. It returns the bundle.
func savePlot(t *testing.T, name string, p any) Bundle {
	t.Helper()
	b, ok, err := bundleOf(p)
	if err != nil || !ok {
		t.Fatalf("%s: not renderable: %v", name, err)
	}
	decodePNG(t, b)
	if os.Getenv("GOGRAD_SAVE_PICTURES") != "" {
		writeBundlePNG(t, filepath.Join(os.TempDir(), name), b)
	}
	return b
}

// twoBlobs returns n examples of two Gaussian blobs (class 0 around (-1,-1), class 1 around
// (1,1)).
func twoBlobs(n int) (*nn.Tensor, []int) {
	rng := rand.New(rand.NewSource(1))
	x := make([]float32, 0, 2*n)
	labels := make([]int, n)
	for i := range labels {
		labels[i] = i % 2
		c := float64(2*labels[i] - 1)
		x = append(x, float32(c+0.6*rng.NormFloat64()), float32(c+0.6*rng.NormFloat64()))
	}
	return nn.NewTensor(x, n, 2), labels
}

// trainBlobs trains a small MLP on twoBlobs for a few steps.
func trainBlobs(t *testing.T) (*nn.Sequential, *nn.Tensor, []int) {
	t.Helper()
	x, labels := twoBlobs(200)
	y := make([]float32, len(labels))
	for i, l := range labels {
		y[i] = float32(l)
	}
	target := nn.NewTensor(y, len(labels))
	m := nn.MLP([]int{2, 8, 8, 2}, "tanh", 1)
	opt := nn.NewAdam(m.Parameters(), 0.05)
	for i := 0; i < 60; i++ {
		opt.ZeroGrad()
		loss := nn.SoftmaxCrossEntropy(m.Forward(x), target)
		loss.Backward()
		opt.Step()
	}
	return m, x, labels
}

func TestLossValues(t *testing.T) {
	loss := make([]float64, 1000)
	rng := rand.New(rand.NewSource(2))
	for i := range loss {
		loss[i] = 2*math.Exp(-float64(i)/200) + 0.05 + 0.1*rng.Float64()
	}
	loss[10] = math.NaN() // a diverged step must not break the plot
	p := LossValues(loss, LossOptions{LogScale: true, Smoothing: 0.9})
	if _, ok := p.Y.Scale.(plot.LogScale); !ok {
		t.Error("LogScale ignored")
	}
	img := decodePNG(t, savePlot(t, "gograd-loss.png", p))
	if n := countNear(img, plotutil.Color(0)); n < 300 {
		t.Errorf("%d pixels of the smoothed line's colour", n)
	}
	if n := countNear(img, plotutil.Color(1)); n != 0 {
		t.Errorf("%d pixels of the validation colour, without validation data", n)
	}
}

func TestEMA(t *testing.T) {
	got := ema([]float64{4, math.NaN(), 2}, 0.5)
	// debiased: first value unchanged; then (0.5*0.5*4 + 0.5*2) / (0.75) = 2.666...
	if got[0] != 4 || !math.IsNaN(got[1]) || math.Abs(got[2]-8.0/3) > 1e-12 {
		t.Errorf("ema = %v", got)
	}
}

func TestDecimateAverages(t *testing.T) {
	xs := []float64{1, 2, 3, 4}
	got := decimate(xs, []float64{1, 3, 5, 7}, false, 2)
	if len(got) != 2 || got[0] != (plotter.XY{X: 1.5, Y: 2}) || got[1] != (plotter.XY{X: 3.5, Y: 6}) {
		t.Errorf("decimate = %v", got)
	}
	if got := decimate(xs, []float64{-1, 0, 2, math.Inf(1)}, true, 10); len(got) != 1 {
		t.Errorf("log-scale decimate kept %v", got)
	}
}

func TestConfusionMatrix(t *testing.T) {
	cm := [][]int{{50, 2, 0}, {5, 40, 5}, {0, 1, 47}}
	p := ConfusionMatrix(cm, []string{"setosa", "versicolor", "virginica"})
	if !strings.Contains(p.Title.Text, "91.3%") { // 137 of 150
		t.Errorf("title %q lacks the accuracy", p.Title.Text)
	}
	img, labels, _ := confusionCells(cm, 3)
	if len(labels.Labels) != 9 || labels.Labels[0] != "50" || labels.Labels[5] != "5" {
		t.Fatalf("cell labels = %+v", labels)
	}
	if img.At(0, 0) != blues(50.0/52) || img.At(2, 0) != blues(0) {
		t.Errorf("shades: %v %v", img.At(0, 0), img.At(2, 0))
	}
	// Row 0 (setosa) is drawn at the top: y = 2.
	if labels.XYs[0].Y != 2 || labels.XYs[8].Y != 0 {
		t.Errorf("rows not top to bottom: %v", labels.XYs)
	}
	savePlot(t, "gograd-confusion.png", p)
	if p := ConfusionMatrix(nil, nil); !strings.Contains(p.Title.Text, "empty") {
		t.Errorf("empty matrix title %q", p.Title.Text)
	}
}

func TestHistogramsAndBoundary(t *testing.T) {
	m, x, labels := trainBlobs(t)
	m.Forward(x)
	for _, what := range []string{"weights", "grads", "activations"} {
		p := Histograms(m, what)
		layers, err := valuesOf(m, what)
		want := 3 // Linear weights
		if what == "activations" {
			want = 5 // Linear, Tanh, Linear, Tanh, Linear
		}
		if err != nil || len(layers) != want {
			t.Errorf("%s: %d layers (%v), want %d", what, len(layers), err, want)
		}
		savePlot(t, "gograd-hist-"+what+".png", p)
	}
	if p := Histograms(m, "biases"); !strings.Contains(p.Title.Text, "unknown") {
		t.Errorf("bad what not reported: %q", p.Title.Text)
	}
	p := DecisionBoundaryXY(m, x, labels, []string{"blue", "red"})
	savePlot(t, "gograd-boundary.png", p)
	img := regions(m, -3, 3, -3, 3)
	// The blobs are separable: the lower-left and upper-right regions get different colours.
	lowLeft, upRight := img.At(0, boundaryRes-1), img.At(boundaryRes-1, 0)
	if lowLeft == upRight {
		t.Errorf("one colour at both corners: %v", lowLeft)
	}
}

func TestDensity(t *testing.T) {
	pts := density([]float32{0, 0, 1, float32(math.NaN())}, 0, 1, 2)
	// bins [0,.5) and [.5,1]: 2 and 1 of 3 values, width .5
	if math.Abs(pts[0].Y-4.0/3) > 1e-12 || math.Abs(pts[1].Y-2.0/3) > 1e-12 {
		t.Errorf("density = %v", pts)
	}
}

func TestGrid(t *testing.T) {
	g := Grid(2, LossValues([]float64{3, 2, 1}, LossOptions{}), ConfusionMatrix([][]int{{1}}, nil), LossValues([]float64{1, 2}, LossOptions{}))
	if len(g.Rows) != 2 || len(g.Rows[1]) != 2 || g.Rows[1][1] != nil {
		t.Fatalf("grid rows = %v", g.Rows)
	}
	b := savePlot(t, "gograd-grid.png", g)
	if got := decodePNG(t, b).Bounds().Size(); got.X != 800 || got.Y != 600 {
		t.Errorf("grid of 2x2 4x3in tiles = %v, want 800x600", got)
	}
}

// countNear counts the pixels within a small distance of colour c.
func countNear(img image.Image, c color.Color) int {
	cr, cg, cb, _ := c.RGBA()
	n := 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			if near(pr, cr) && near(pg, cg) && near(pb, cb) {
				n++
			}
		}
	}
	return n
}

func near(a, b uint32) bool { return a>>8 <= b>>8+12 && b>>8 <= a>>8+12 }

func TestLogTicks(t *testing.T) {
	var labels []string
	for _, tk := range (logTicks{}).Ticks(0.015, 0.3) {
		if tk.Label != "" {
			labels = append(labels, tk.Label)
		}
	}
	if strings.Join(labels, " ") != "0.02 0.05 0.1 0.2" {
		t.Errorf("labels over 0.015..0.3 = %v", labels)
	}
	n := 0
	for _, tk := range (logTicks{}).Ticks(1e-6, 10) {
		if tk.Label != "" {
			n++
		}
	}
	if n != 8 { // 1e-06 ... 10, powers of ten only
		t.Errorf("%d labels over seven decades, want 8", n)
	}
}

// TestDecimateBuckets checks the averaging against a direct computation: skipped points do
// not count, buckets differ in size by at most one and cover every usable point in order.
func TestDecimateBuckets(t *testing.T) {
	var xs, ys []float64
	var ux, uy []float64 // the usable points
	for i := 0; i < 1003; i++ {
		x, y := float64(i), math.Sin(float64(i))+1.5
		if i%7 == 3 {
			y = math.NaN()
		} else if i%11 == 5 {
			y = -1 // not usable on a log scale
		} else {
			ux, uy = append(ux, x), append(uy, y)
		}
		xs, ys = append(xs, x), append(ys, y)
	}
	const limit = 37
	got := decimate(xs, ys, true, limit)
	if len(got) != limit {
		t.Fatalf("%d points, want %d", len(got), limit)
	}
	n := len(ux)
	for b := range got {
		lo, hi := b*n/limit, (b+1)*n/limit
		var sx, sy float64
		for i := lo; i < hi; i++ {
			sx, sy = sx+ux[i], sy+uy[i]
		}
		want := plotter.XY{X: sx / float64(hi-lo), Y: sy / float64(hi-lo)}
		if math.Abs(got[b].X-want.X) > 1e-9 || math.Abs(got[b].Y-want.Y) > 1e-9 {
			t.Fatalf("bucket %d = %v, want %v", b, got[b], want)
		}
	}
}

// TestPerLayerRagged checks that a layer missing from some steps gets NaN there.
func TestPerLayerRagged(t *testing.T) {
	h := &nn.History{Steps: []nn.StepStats{
		{Step: 0, GradNorms: []float64{1}},
		{Step: 1, GradNorms: []float64{2, 3}},
		{Step: 2},
	}}
	steps, series, _ := perLayer(h, func(s *nn.StepStats) []float64 { return s.GradNorms })
	if len(steps) != 3 || steps[2] != 3 || len(series) != 2 {
		t.Fatalf("steps %v, %d series", steps, len(series))
	}
	want := [][]float64{{1, 2, math.NaN()}, {math.NaN(), 3, math.NaN()}}
	for l := range want {
		for i, w := range want[l] {
			if g := series[l][i]; g != w && !(math.IsNaN(g) && math.IsNaN(w)) {
				t.Errorf("series[%d][%d] = %v, want %v", l, i, g, w)
			}
		}
	}
}
