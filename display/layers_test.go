package display

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/gograd/gograd/nn"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// deepFit trains a 9-layer MLP for a few steps and returns it with its history.
func deepFit(t *testing.T) (*nn.Sequential, *nn.History) {
	t.Helper()
	data := nn.Moons(256, 0.1, 1)
	m := nn.MLP([]int{2, 16, 16, 16, 16, 16, 16, 16, 16, 2}, "tanh", 1)
	h, err := nn.Fit(context.Background(), m, data, nn.FitConfig{
		Epochs: 2, BatchSize: 64, Loss: nn.SoftmaxCrossEntropy, Optimizer: nn.NewAdam(m.Parameters(), 0.01),
	})
	if err != nil {
		t.Fatal(err)
	}
	m.Forward(data.X)
	return m, h
}

// legendNames returns the layer names at the start of the legend entries of p.
func legendNames(t *testing.T, p *plot.Plot, n int) []string {
	t.Helper()
	var names []string
	for _, e := range legendTexts(p) {
		names = append(names, strings.Fields(e)[0])
	}
	if len(names) != n {
		t.Fatalf("%q: %d legend entries %q, want %d", p.Title.Text, len(names), names, n)
	}
	return names
}

// legendTexts returns the texts of p's legend entries, read through a recording canvas.
func legendTexts(p *plot.Plot) []string {
	rec := &textRecorder{Canvas: vgimg.New(500, 500)}
	p.Legend.Draw(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 500, Y: 500}}})
	return rec.texts
}

// textRecorder is a canvas that keeps the strings drawn on it and ignores the rest.
type textRecorder struct {
	*vgimg.Canvas
	texts []string
}

func (r *textRecorder) FillString(_ font.Face, _ vg.Point, s string) { r.texts = append(r.texts, s) }

func TestLayerNamesAgree(t *testing.T) {
	m, h := deepFit(t)
	want := nn.NewRecorder(m).History.LayerNames
	if len(want) != 9 {
		t.Fatalf("recorder names %q", want)
	}
	for _, p := range []*plot.Plot{Histograms(m, "weights"), Histograms(m, "grads"), GradientNorms(h), UpdateRatios(h)} {
		got := legendNames(t, p, 9)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%q names layers %q, want %q", p.Title.Text, got, want)
		}
	}
	acts := legendNames(t, Histograms(m, "activations"), 17)
	if acts[0] != want[0] || acts[1] != "1:tanh" || acts[2] != want[1] || acts[16] != want[8] {
		t.Errorf("activations named %q", acts)
	}
	if os.Getenv("GOGRAD_SAVE_PICTURES") != "" {
		for _, what := range []string{"weights", "grads", "activations"} {
			savePlot(t, "gograd-deep-"+what+".png", Histograms(m, what))
		}
		savePlot(t, "gograd-deep-gradnorms.png", GradientNorms(h))
		savePlot(t, "gograd-deep-dashboard.png", Dashboard(h, LossOptions{}))
	}
}

// TestLegendBesideData checks that the legend of a per-layer plot gets a strip of its own
// right of the data area, at the default size and in the Dashboard's tile.
func TestLegendBesideData(t *testing.T) {
	m, h := deepFit(t)
	for _, p := range []*plot.Plot{Histograms(m, "activations"), GradientNorms(h)} {
		for _, w := range []vg.Length{6 * vg.Inch, 5 * vg.Inch} {
			c := draw.New(vgimg.New(w, 4*vg.Inch))
			data := p.DataCanvas(c)
			r := p.Legend.Rectangle(draw.Canvas{})
			legendLeft := c.Max.X - (r.Max.X - r.Min.X)
			if data.Max.X > legendLeft {
				t.Errorf("%q at %v: data area ends at %v, right of the legend's start %v", p.Title.Text, w, data.Max.X, legendLeft)
			}
			if data.Max.X-data.Min.X < w/3 {
				t.Errorf("%q at %v: data area only %v wide", p.Title.Text, w, data.Max.X-data.Min.X)
			}
		}
	}
}
