package display

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// lightLine is a plotter.Line that reports glyph boxes for its extreme points only. gonum/plot
// asks every plotter for its glyph boxes several times per drawing (to pad the data area so
// nothing is clipped), and a Line returns one per point: a third of the time of drawing the
// Dashboard went there. Padding only needs the left-, right-, top- and bottom-most boxes, and
// an axis scale is monotonic, so the extreme points in data space give the same picture.
type lightLine struct{ *plotter.Line }

// GlyphBoxes returns the glyph boxes of the points with the least and greatest x and y.
func (l lightLine) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	n := l.XYs.Len()
	if n == 0 {
		return nil
	}
	ext := [4]int{} // indices of min X, max X, min Y, max Y
	for i, q := range l.XYs {
		if q.X < l.XYs[ext[0]].X {
			ext[0] = i
		}
		if q.X > l.XYs[ext[1]].X {
			ext[1] = i
		}
		if q.Y < l.XYs[ext[2]].Y {
			ext[2] = i
		}
		if q.Y > l.XYs[ext[3]].Y {
			ext[3] = i
		}
	}
	r := 0.5 * l.LineStyle.Width
	rect := vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}}
	boxes := make([]plot.GlyphBox, len(ext))
	for i, j := range ext {
		boxes[i] = plot.GlyphBox{X: p.X.Norm(l.XYs[j].X), Y: p.Y.Norm(l.XYs[j].Y), Rectangle: rect}
	}
	return boxes
}
