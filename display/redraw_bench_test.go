package display

import (
	"math"
	"testing"
	"time"

	"github.com/gograd/gograd/nn"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// longHistory returns a synthetic history of n steps over three layers.
func longHistory(n int) *nn.History {
	h := &nn.History{LayerNames: []string{"1:Linear(2→64)", "2:Linear(64→64)", "3:Linear(64→2)"}, TotalSteps: n}
	for i := 0; i < n; i++ {
		loss := 2*math.Exp(-float64(i)/float64(n/5+1)) + 0.1*math.Abs(math.Sin(float64(i)))
		h.Steps = append(h.Steps, nn.StepStats{Step: i, Loss: loss, ValLoss: math.NaN(),
			GradNorms: []float64{loss, loss / 3, loss / 10}, Elapsed: time.Duration(i) * time.Millisecond})
	}
	return h
}

// BenchmarkLiveRedraw is one redraw of the live chart of a 10,000-step run while training:
// 80 dpi, 200 points a line, on the reused canvas.
func BenchmarkLiveRedraw(b *testing.B) {
	v := NewWriter(&recorder{}).TrainingWith(TrainingOptions{})
	h := longHistory(10000)
	for b.Loop() {
		v.draw(h, false)
	}
}

// BenchmarkFinalRedraw is the final picture Done draws for the same run: 100 dpi, 600
// points a line, on a fresh canvas.
func BenchmarkFinalRedraw(b *testing.B) {
	v := NewWriter(&recorder{}).TrainingWith(TrainingOptions{})
	h := longHistory(10000)
	for b.Loop() {
		v.draw(h, true)
	}
}

// The three phases of a live redraw, to see where its time goes.

// BenchmarkLivePhaseBuild builds the live chart's plots from the history.
func BenchmarkLivePhaseBuild(b *testing.B) {
	h := longHistory(10000)
	for b.Loop() {
		dashboard(h, LossOptions{}, livePoints)
	}
}

// BenchmarkLivePhaseDraw rasterises the live chart on a canvas reused between iterations.
func BenchmarkLivePhaseDraw(b *testing.B) {
	g := dashboard(longHistory(10000), LossOptions{}, livePoints)
	c := vgimg.NewWith(vgimg.UseWH(g.Width, g.Height), vgimg.UseDPI(80))
	for b.Loop() {
		if err := drawSafely(g, draw.New(c)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLivePhaseEncode encodes the live chart's pixels as a PNG.
func BenchmarkLivePhaseEncode(b *testing.B) {
	g := dashboard(longHistory(10000), LossOptions{}, livePoints)
	c := vgimg.NewWith(vgimg.UseWH(g.Width, g.Height), vgimg.UseDPI(80))
	if err := drawSafely(g, draw.New(c)); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := encodePNG(c.Image()); err != nil {
			b.Fatal(err)
		}
	}
}
