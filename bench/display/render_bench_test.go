package display

import (
	"math"
	"math/rand"
	"testing"
	"time"

	"github.com/gograd/gograd/display"
	"github.com/gograd/gograd/nn"
)

// history returns a synthetic history of n steps over 3 layers, as ragged as a real run's:
// drawing cost grows with a line's length in pixels, and real losses and gradient norms carry
// noise correlated over many steps, which averaging many steps into one point keeps.
func history(n int) *nn.History {
	rng := rand.New(rand.NewSource(1))
	h := &nn.History{LayerNames: []string{"1:Linear(2→16)", "2:Linear(16→16)", "3:Linear(16→2)"}, TotalSteps: n}
	var z [4]float64 // log-space noise of the loss and of each layer, mean-reverting
	for i := 0; i < n; i++ {
		for k := range z {
			z[k] = 0.97*z[k] + 0.2*rng.NormFloat64()
		}
		loss := (2*math.Exp(-float64(i)/float64(n/50+1)) + 0.02) * math.Exp(z[0])
		h.Steps = append(h.Steps, nn.StepStats{Step: i, Loss: loss, ValLoss: math.NaN(),
			GradNorms: []float64{0.1 * math.Exp(z[1]), 0.03 * math.Exp(z[2]), 0.01 * math.Exp(z[3])},
			Elapsed:   time.Duration(i) * time.Millisecond})
	}
	return h
}

// BenchmarkLossCurve1000PNG renders a 1,000-point loss curve to a 600×400 PNG.
func BenchmarkLossCurve1000PNG(b *testing.B) {
	h := history(1000)
	for b.Loop() {
		if _, err := display.PlotBundle(display.LossCurve(h, display.LossOptions{}), display.DefaultPlotOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDashboard10000PNG renders what the live view draws: loss curve and gradient norms
// of a 10,000-step run, 1000×350 pixels.
func BenchmarkDashboard10000PNG(b *testing.B) {
	h := history(10000)
	for b.Loop() {
		if _, err := display.Dashboard(h, display.LossOptions{Smoothing: 0.9}).Bundle(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDashboardPNGSize reports the size of the live view's picture, which every update sends
// and the saved notebook keeps.
func TestDashboardPNGSize(t *testing.T) {
	b, err := display.Dashboard(history(10000), display.LossOptions{Smoothing: 0.9}).Bundle()
	if err != nil {
		t.Fatal(err)
	}
	n := len(b.Data["image/png"].(string))
	t.Logf("dashboard PNG: %d bytes of base64", n)
	if n > 200_000 {
		t.Errorf("dashboard PNG of %d bytes of base64: too large to send a few times a second", n)
	}
}
