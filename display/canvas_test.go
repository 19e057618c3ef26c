package display

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// TestReusedCanvasMatchesFresh checks that a reused canvas draws what a fresh one does, after
// other pictures, after a change of size and after a panic while drawing.
func TestReusedCanvasMatchesFresh(t *testing.T) {
	h := longHistory(500)
	small := PlotOptions{Width: 5 * vg.Inch, Height: 2 * vg.Inch, DPI: 60}
	big := PlotOptions{Width: 6 * vg.Inch, Height: 3 * vg.Inch, DPI: 50}
	bad := plot.New()
	bad.Add(boom{})
	var rc reusedCanvas
	for i, step := range []struct {
		d    Drawer
		opts PlotOptions
	}{
		{Dashboard(h, LossOptions{}), small},
		{LossCurve(h, LossOptions{LogScale: true}), small},
		{GradientNorms(h), big},
		{bad, big},
		{Dashboard(h, LossOptions{Smoothing: 0.9}), big},
	} {
		got, err := rc.renderPNG(step.d, step.opts)
		want, werr := RenderPNG(step.d, step.opts)
		if (err == nil) != (werr == nil) {
			t.Fatalf("step %d: errors %v and %v", i, err, werr)
		}
		if err != nil {
			if !strings.Contains(err.Error(), "boom") {
				t.Errorf("step %d: error %v", i, err)
			}
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("step %d: the reused canvas drew another picture", i)
		}
	}
}

// TestLightLineSamePicture checks that reporting the extreme glyph boxes only leaves the
// picture as a plain plotter.Line draws it, on linear and log scales.
func TestLightLineSamePicture(t *testing.T) {
	pts := plotter.XYs{{X: 1, Y: 5}, {X: 2, Y: 0.01}, {X: 3, Y: 40}, {X: 7, Y: 2}, {X: 4, Y: 3}}
	for _, logY := range []bool{false, true} {
		var pics [2][]byte
		for i := range pics {
			p := plot.New()
			if logY {
				p.Y.Scale = plot.LogScale{}
			}
			l, err := plotter.NewLine(pts)
			if err != nil {
				t.Fatal(err)
			}
			l.Width = vg.Points(6) // wide, so its glyph boxes move the data area
			if i == 0 {
				p.Add(l)
			} else {
				p.Add(lightLine{l})
			}
			if pics[i], err = RenderPNG(p, goldenOptions); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(pics[0], pics[1]) {
			t.Errorf("log %v: lightLine draws another picture than plotter.Line", logY)
		}
	}
}

// TestLightLineStrokedInPieces checks that a long, noisy line stroked in pieces looks like
// the single path plotter.Line strokes: only anti-aliased edge pixels where pieces overlap
// may differ, by a little.
func TestLightLineStrokedInPieces(t *testing.T) {
	h := longHistory(3000)
	var pics [2][]byte
	for i := range pics {
		p := plot.New()
		l, err := plotter.NewLine(decimate(stepsFrom1(len(h.Steps)), h.Losses(), false, 600))
		if err != nil {
			t.Fatal(err)
		}
		l.Width = vg.Points(1.5)
		if i == 0 {
			p.Add(l)
		} else {
			p.Add(lightLine{l})
		}
		if pics[i], err = RenderPNG(p, PlotOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if bytes.Equal(pics[0], pics[1]) {
		t.Log("identical pictures") // possible, but the pieces are expected to show a little
	}
	share, err := imageDiff(decodePNGBytes(t, pics[0]), decodePNGBytes(t, pics[1]))
	if err != nil || share > 0.001 {
		t.Errorf("%.3f%% of pixels differ by more than %d (%v)", 100*share, goldenPixelDiff, err)
	}
	if os.Getenv("GOGRAD_SAVE_PICTURES") != "" {
		os.WriteFile(filepath.Join(os.TempDir(), "gograd-line-path.png"), pics[0], 0o644)
		os.WriteFile(filepath.Join(os.TempDir(), "gograd-line-pieces.png"), pics[1], 0o644)
	}
}
