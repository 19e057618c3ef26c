package display

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

type selfShowing struct{}

func (selfShowing) MIMEBundle() map[string]any {
	return map[string]any{"text/html": "<b>me</b>"}
}

type htmlOnly struct{ s string }

func (h *htmlOnly) HTML() string { return h.s }

func linePlot(t *testing.T) *plot.Plot {
	t.Helper()
	p := plot.New()
	p.Title.Text = "line"
	l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 2}, {X: 2, Y: 1}})
	if err != nil {
		t.Fatal(err)
	}
	p.Add(l)
	return p
}

func TestBundleOfPlotIsDefaultSizePNG(t *testing.T) {
	b, ok := BundleOf(linePlot(t))
	if !ok {
		t.Fatal("BundleOf(*plot.Plot) = false")
	}
	img := decodePNG(t, b)
	if got := img.Bounds().Size(); got != image.Pt(600, 400) {
		t.Errorf("png size = %v, want 600x400", got)
	}
	md := b.Metadata["image/png"].(map[string]any)
	if md["width"] != 600 || md["height"] != 400 {
		t.Errorf("metadata = %v", md)
	}
}

func TestBundleOfImage(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 7, 3))
	src.Set(2, 1, color.RGBA{R: 255, A: 255})
	b, ok := BundleOf(src)
	if !ok {
		t.Fatal("BundleOf(image) = false")
	}
	img := decodePNG(t, b)
	if img.Bounds().Dx() != 7 || img.Bounds().Dy() != 3 {
		t.Errorf("size = %v", img.Bounds())
	}
	if r, _, _, _ := img.At(2, 1).RGBA(); r != 0xffff {
		t.Errorf("pixel lost: %v", img.At(2, 1))
	}
}

func TestBundleOfMethods(t *testing.T) {
	b, ok := BundleOf(selfShowing{})
	if !ok || b.Data["text/html"] != "<b>me</b>" || b.Data["text/plain"] == nil {
		t.Errorf("MIMEBundler: %v %v", ok, b.Data)
	}
	b, ok = BundleOf(&htmlOnly{"<i>x</i>"})
	if !ok || b.Data["text/html"] != "<i>x</i>" {
		t.Errorf("HTMLer: %v %v", ok, b.Data)
	}
}

func TestBundleOfRejects(t *testing.T) {
	var nilPlot *plot.Plot
	var nilHTML *htmlOnly
	var nilImg *image.RGBA
	for _, v := range []any{nil, 3, "text", []int{1}, nilPlot, nilHTML, nilImg} {
		if _, ok := BundleOf(v); ok {
			t.Errorf("BundleOf(%#v) = true, want false", v)
		}
	}
}

func TestPlotSVGAndDPI(t *testing.T) {
	p := linePlot(t)
	b, err := PlotBundle(p, PlotOptions{Format: "svg", Width: 3 * vg.Inch, Height: 2 * vg.Inch})
	if err != nil {
		t.Fatal(err)
	}
	svg, _ := b.Data["image/svg+xml"].(string)
	if !strings.Contains(svg, "<svg") || !strings.Contains(svg, "line") {
		t.Errorf("svg output looks wrong: %.200s", svg)
	}
	b, err = PlotBundle(p, PlotOptions{DPI: 200, Width: 2 * vg.Inch, Height: vg.Inch})
	if err != nil {
		t.Fatal(err)
	}
	if got := decodePNG(t, b).Bounds().Size(); got != image.Pt(400, 200) {
		t.Errorf("200 dpi 2x1in = %v, want 400x200", got)
	}
	md := b.Metadata["image/png"].(map[string]any)
	if md["width"] != 200 || md["height"] != 100 {
		t.Errorf("display size = %v, want 200x100 (100 dpi)", md)
	}
	if _, err := PlotBundle(p, PlotOptions{Format: "gif"}); err == nil {
		t.Error("gif format accepted")
	}
}
