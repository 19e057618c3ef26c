package display

import (
	"bytes"
	"flag"
	"image"
	"image/color/palette"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/gograd/gograd/nn"
	"gonum.org/v1/plot/vg"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata")

// goldenOptions renders golden images small (300×200) so testdata stays a few KB each.
var goldenOptions = PlotOptions{Width: 6 * vg.Inch, Height: 4 * vg.Inch, DPI: 50}

// Tolerances of the golden comparison: font rasterisation and anti-aliasing differences move
// a few edge pixels; a missing line, label or region moves many.
const (
	goldenPixelDiff = 64    // a channel difference above this marks a pixel as different
	goldenMaxShare  = 0.015 // at most this share of the pixels may differ
)

// checkGolden compares the PNG rendering of d with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, d Drawer, opts PlotOptions) {
	t.Helper()
	got, err := RenderPNG(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name)
	if *update {
		img, err := png.Decode(bytes.NewReader(got))
		if err != nil {
			t.Fatal(err)
		}
		// Stored with 256 colours: a third of the size, within the comparison's tolerance.
		pal := image.NewPaletted(img.Bounds(), palette.Plan9)
		draw.Src.Draw(pal, img.Bounds(), img, img.Bounds().Min)
		var small bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&small, pal); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, small.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	gi, err1 := png.Decode(bytes.NewReader(got))
	wi, err2 := png.Decode(bytes.NewReader(want))
	if err1 != nil || err2 != nil {
		t.Fatalf("decoding: %v, %v", err1, err2)
	}
	if share, err := imageDiff(gi, wi); err != nil || share > goldenMaxShare {
		os.WriteFile(filepath.Join(os.TempDir(), "got-"+name), got, 0o644)
		t.Errorf("%s: %.2f%% of pixels differ (limit %.2f%%) %v; see %s", name, 100*share,
			100*goldenMaxShare, err, filepath.Join(os.TempDir(), "got-"+name))
	}
}

// imageDiff returns the share of pixels of a and b whose colours differ by more than
// goldenPixelDiff in a channel; images of different sizes are an error.
func imageDiff(a, b image.Image) (float64, error) {
	if a.Bounds() != b.Bounds() {
		return 1, errSize{a.Bounds(), b.Bounds()}
	}
	r := a.Bounds()
	diff := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			if far(ar, br) || far(ag, bg) || far(ab, bb) {
				diff++
			}
		}
	}
	return float64(diff) / float64(r.Dx()*r.Dy()), nil
}

func far(a, b uint32) bool {
	return math.Abs(float64(a>>8)-float64(b>>8)) > goldenPixelDiff
}

type errSize [2]image.Rectangle

func (e errSize) Error() string { return "sizes differ: " + e[0].String() + " vs " + e[1].String() }

func TestGoldenLossCurve(t *testing.T) {
	h := syntheticHistory(300)
	checkGolden(t, "loss.png", LossCurve(h, LossOptions{LogScale: true, Smoothing: 0.8}), goldenOptions)
	checkGolden(t, "gradnorms.png", GradientNorms(h), goldenOptions)
}

func TestGoldenConfusionMatrix(t *testing.T) {
	cm := [][]int{{50, 2, 0}, {5, 40, 5}, {0, 1, 47}}
	checkGolden(t, "confusion.png", ConfusionMatrix(cm, []string{"a", "b", "c"}), goldenOptions)
}

func TestGoldenDecisionBoundary(t *testing.T) {
	x, labels := twoBlobs(60)
	model := nn.MLP([]int{2, 8, 2}, "tanh", 3) // untrained: a deterministic, curved boundary
	checkGolden(t, "boundary.png", DecisionBoundaryXY(model, x, labels, nil), goldenOptions)
}

func TestGoldenGraph(t *testing.T) {
	g := NewValueGraph(neuron())
	w, h := g.Size()
	checkGolden(t, "graph.png", g, PlotOptions{Width: w, Height: h, DPI: 50})
}

// TestGoldenDetectsChange makes sure the comparison is not too tolerant: a loss curve of
// other data must fail it.
func TestGoldenDetectsChange(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "loss.png"))
	if err != nil {
		t.Skip("no golden image yet")
	}
	h := syntheticHistory(300)
	for i := range h.Steps {
		h.Steps[i].Loss = 1 + 0.5*math.Sin(float64(i)/20)
	}
	got, err := RenderPNG(LossCurve(h, LossOptions{LogScale: true, Smoothing: 0.8}), goldenOptions)
	if err != nil {
		t.Fatal(err)
	}
	gi, _ := png.Decode(bytes.NewReader(got))
	wi, _ := png.Decode(bytes.NewReader(want))
	if share, _ := imageDiff(gi, wi); share <= goldenMaxShare {
		t.Errorf("a different curve passes the golden comparison (%.2f%% differ)", 100*share)
	}
}

// syntheticHistory is a deterministic history of n steps over two layers, with a validation
// loss every 50 steps.
func syntheticHistory(n int) *nn.History {
	h := &nn.History{LayerNames: []string{"1:Linear(2→8)", "2:Linear(8→2)"}, TotalSteps: n}
	for i := 0; i < n; i++ {
		loss := 2*math.Exp(-float64(i)/60) + 0.05 + 0.05*math.Sin(float64(i)*1.7)
		val := math.NaN()
		if i%50 == 49 {
			val = loss * 1.2
		}
		h.Steps = append(h.Steps, nn.StepStats{Step: i, Loss: loss, ValLoss: val,
			GradNorms: []float64{loss, loss / 20}})
	}
	return h
}
