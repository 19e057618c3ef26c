package display

import (
	"math"
	"math/rand"
	"testing"
	"time"

	"github.com/gograd/gograd/nn"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// longHistory returns a synthetic history of n steps over three layers, as ragged as a real
// run's: the cost of stroking a line grows with its length in pixels, and the noise of real
// gradient norms is correlated over many steps, so it survives the averaging of decimate
// (independent noise would average out to a smooth, cheap line).
func longHistory(n int) *nn.History {
	rng := rand.New(rand.NewSource(1))
	h := &nn.History{LayerNames: []string{"1:Linear(2→64)", "2:Linear(64→64)", "3:Linear(64→2)"}, TotalSteps: n}
	var z [4]float64 // log-space noise of the loss and of each layer, mean-reverting
	for i := 0; i < n; i++ {
		for k := range z {
			z[k] = 0.97*z[k] + 0.2*rng.NormFloat64()
		}
		loss := (2*math.Exp(-float64(i)/float64(n/50+1)) + 0.02) * math.Exp(z[0])
		norms := make([]float64, 3)
		for l := range norms {
			norms[l] = 0.1 / float64(1+3*l) * math.Exp(z[l+1])
		}
		h.Steps = append(h.Steps, nn.StepStats{Step: i, Loss: loss, ValLoss: math.NaN(),
			GradNorms: norms, Elapsed: time.Duration(i) * time.Millisecond})
	}
	return h
}

// BenchmarkLiveRedraw is one redraw of the live chart of a 40,000-step run (what BenchmarkFitLive in bench/display trains) while training:
// 80 dpi, 200 points a line, on the reused canvas.
func BenchmarkLiveRedraw(b *testing.B) {
	v := NewWriter(&recorder{}).TrainingWith(TrainingOptions{})
	h := longHistory(40000)
	for b.Loop() {
		v.draw(h, false)
	}
}

// BenchmarkFinalRedraw is the final picture Done draws for the same run: 100 dpi, 600
// points a line, on a fresh canvas.
func BenchmarkFinalRedraw(b *testing.B) {
	v := NewWriter(&recorder{}).TrainingWith(TrainingOptions{})
	h := longHistory(40000)
	for b.Loop() {
		v.draw(h, true)
	}
}

// The three phases of a live redraw, to see where its time goes.

// BenchmarkLivePhaseBuild builds the live chart's plots from the history.
func BenchmarkLivePhaseBuild(b *testing.B) {
	h := longHistory(40000)
	for b.Loop() {
		dashboard(h, LossOptions{}, livePoints)
	}
}

// BenchmarkLivePhaseDraw rasterises the live chart on a canvas reused between iterations.
func BenchmarkLivePhaseDraw(b *testing.B) {
	g := dashboard(longHistory(40000), LossOptions{}, livePoints)
	c := vgimg.NewWith(vgimg.UseWH(g.Width, g.Height), vgimg.UseDPI(80))
	for b.Loop() {
		if err := drawSafely(g, draw.New(c)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLivePhaseEncode encodes the live chart's pixels as a PNG with a reused encoder.
func BenchmarkLivePhaseEncode(b *testing.B) {
	g := dashboard(longHistory(40000), LossOptions{}, livePoints)
	c := vgimg.NewWith(vgimg.UseWH(g.Width, g.Height), vgimg.UseDPI(80))
	if err := drawSafely(g, draw.New(c)); err != nil {
		b.Fatal(err)
	}
	var enc pngEncoder
	for b.Loop() {
		if _, err := enc.encode(c.Image()); err != nil {
			b.Fatal(err)
		}
	}
}
