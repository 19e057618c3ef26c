package display

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/gograd/gograd/interp/symbols"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// cellCode declares a type in interpreted code that is a plotter.XYer and a plotter.Valuer
// (through yaegi's generated interface wrappers), builds a plot with it and renders a PNG.
const cellCode = `
package main

import (
	"bytes"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

type squares struct{ n int }

func (s squares) Len() int                    { return s.n }
func (s squares) XY(i int) (float64, float64) { return float64(i), float64(i * i) }
func (s squares) Value(i int) float64         { return float64(i * i) }

// box is a cell-made plot.Plotter: it fills the data area's lower-left quarter in red.
type box struct{ n int }

func (box) Plot(c draw.Canvas, p *plot.Plot) {
	x, y := p.Transforms(&c)
	c.FillPolygon(color.RGBA{R: 255, A: 255}, []vg.Point{
		{X: x(0), Y: y(0)}, {X: x(4.5), Y: y(0)}, {X: x(4.5), Y: y(40)}, {X: x(0), Y: y(40)},
	})
}

func Render() ([]byte, error) {
	p := plot.New()
	p.Title.Text = "squares"
	l, err := plotter.NewLine(squares{10})
	if err != nil {
		return nil, err
	}
	l.Color = color.RGBA{B: 255, A: 255}
	h, err := plotter.NewHist(squares{10}, 5)
	if err != nil {
		return nil, err
	}
	// yaegi v0.16.1 panics ("cannot use struct {...} as type plot.Plotter") when a cell value
	// goes straight into a variadic interface parameter: p.Add(box{}) fails, but through
	// an interface variable it works.
	var bx plot.Plotter = box{}
	p.Add(bx, l, h)
	if err := plotutil.AddScatters(p, "pts", plotter.XYs{{X: 1, Y: 50}}); err != nil {
		return nil, err
	}
	w, err := p.WriterTo(3*vg.Inch, 2*vg.Inch, "png")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	_, err = w.WriteTo(&buf)
	return buf.Bytes(), err
}
`

func TestCellBuildsGonumPlot(t *testing.T) {
	i := interp.New(interp.Options{})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(symbols.Symbols); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(cellCode); err != nil {
		t.Fatalf("cell: %v", err)
	}
	v, err := i.Eval("main.Render")
	if err != nil {
		t.Fatal(err)
	}
	render, ok := v.Interface().(func() ([]byte, error))
	if !ok {
		t.Fatalf("Render has type %T", v.Interface())
	}
	b, err := render()
	if err != nil {
		t.Fatalf("rendering in the interpreter: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	red := 0
	for y := 0; y < img.Bounds().Dy(); y++ {
		for x := 0; x < img.Bounds().Dx(); x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); r > 0xf000 && g < 0x1000 && b < 0x1000 {
				red++
			}
		}
	}
	if red < 300 {
		t.Errorf("the cell's Plotter drew %d red pixels", red)
	}
	if got := img.Bounds().Size(); got.X != 288 || got.Y != 192 {
		t.Errorf("png %v, want 288x192 (3x2 in at vgimg's default 96 dpi)", got)
	}
}
