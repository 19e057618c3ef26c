package display

import (
	"bytes"
	"image"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// TestRaggedGridPadsShortRows checks that rows of different lengths render exactly as the
// same rows padded with empty tiles, instead of panicking in plot.Align.
func TestRaggedGridPadsShortRows(t *testing.T) {
	a := LossValues([]float64{3, 2, 1}, LossOptions{Title: "a"})
	b := LossValues([]float64{1, 2, 3}, LossOptions{Title: "b"})
	c := LossValues([]float64{2, 2, 1}, LossOptions{Title: "c"})
	opts := PlotOptions{Width: 6 * vg.Inch, Height: 4 * vg.Inch, DPI: 40}
	ragged, err := RenderPNG(&PlotGrid{Rows: [][]*plot.Plot{{a, b}, {c}}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	padded, err := RenderPNG(&PlotGrid{Rows: [][]*plot.Plot{{a, b}, {c, nil}}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ragged, padded) {
		t.Error("a ragged grid differs from the same grid padded with nil tiles")
	}
	// The short row may come first too, and a grid of empty rows draws nothing.
	if _, err := RenderPNG(&PlotGrid{Rows: [][]*plot.Plot{{c}, {a, b, nil}, {}}}, opts); err != nil {
		t.Errorf("short first row: %v", err)
	}
	if _, err := RenderPNG(&PlotGrid{Rows: [][]*plot.Plot{{}, nil}}, opts); err != nil {
		t.Errorf("empty rows: %v", err)
	}
	if b, ok := BundleOf(&PlotGrid{Rows: [][]*plot.Plot{{a}, {b, c}}}); !ok || b.Data["image/png"] == nil {
		t.Errorf("BundleOf(ragged grid) = %v, %v", ok, b.Data["text/plain"])
	}
}

// boom is a plotter that panics while drawing, as gonum does on some bad input.
type boom struct{}

func (boom) Plot(draw.Canvas, *plot.Plot) { panic("boom while drawing") }

// panicky is a Bundler whose Bundle panics.
type panicky struct{}

func (panicky) Bundle() (Bundle, error) { panic("boom in Bundle") }

// TestBundleOfRecoversPanics checks that a panic while rendering becomes a text/plain
// bundle that names it, and an error from Show, not a crash.
func TestBundleOfRecoversPanics(t *testing.T) {
	p := plot.New()
	p.Add(boom{})
	for _, tc := range []struct {
		v    any
		want string
	}{
		{p, "boom while drawing"},
		{Grid(2, p, p), "boom while drawing"},
		{panicky{}, "boom in Bundle"},
	} {
		b, ok := BundleOf(tc.v)
		text, _ := b.Data["text/plain"].(string)
		if !ok || !strings.Contains(text, tc.want) || !strings.HasPrefix(text, "display: ") {
			t.Errorf("BundleOf(%T) = %v, %q; want an error bundle with %q", tc.v, ok, text, tc.want)
		}
		if _, has := b.Data["image/png"]; has {
			t.Errorf("BundleOf(%T) has a PNG", tc.v)
		}
		w := NewWriter(&recorder{})
		if err := w.Show(tc.v); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Show(%T) = %v", tc.v, err)
		}
	}
	if _, err := PlotBundle(p, PlotOptions{Format: "svg"}); err == nil {
		t.Error("svg of a panicking plot: no error")
	}
}

// TestDrawOnWhiteLeavesPlotAlone checks that skipping the background fill draws the same
// picture as gonum's own Draw and leaves the plot's background colour as it was.
func TestDrawOnWhiteLeavesPlotAlone(t *testing.T) {
	p := LossValues([]float64{3, 2, 1}, LossOptions{})
	fast, err := RenderPNG(p, goldenOptions)
	if err != nil {
		t.Fatal(err)
	}
	if p.BackgroundColor == nil {
		t.Fatal("the plot lost its background colour")
	}
	slow, err := RenderPNG(drawerFunc(p.Draw), goldenOptions)
	if err != nil {
		t.Fatal(err)
	}
	gi, wi := decodePNGBytes(t, fast), decodePNGBytes(t, slow)
	if share, err := imageDiff(gi, wi); err != nil || share > 0 {
		t.Errorf("%.3f%% of pixels differ (%v)", 100*share, err)
	}
}

// drawerFunc makes a function a Drawer that drawSafely does not recognise.
type drawerFunc func(draw.Canvas)

func (f drawerFunc) Draw(c draw.Canvas) { f(c) }

// decodePNGBytes decodes PNG bytes.
func decodePNGBytes(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}
