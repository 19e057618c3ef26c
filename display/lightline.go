package display

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// lightLine is a plotter.Line that is cheaper to draw when it has many points, for the same
// picture:
//   - gonum/plot asks every plotter for its glyph boxes several times per drawing (to pad the
//     data area so nothing is clipped), and a Line returns one per point: a third of the time
//     of drawing the Dashboard went there. Padding only needs the left-, right-, top- and
//     bottom-most boxes, and an axis scale is monotonic, so the extreme points in data space
//     are enough.
//   - The rasterizer gonum uses (freetype's) looks up the cells of a row in a list, so one
//     path of hundreds of zigzagging segments costs time quadratic in how often it crosses a
//     row: stroking a noisy loss curve of 600 points took 20 ms. A solid line is stroked in
//     pieces of strokeChunk segments, each overlapping the next by one segment so that every
//     join is drawn whole.
type lightLine struct{ *plotter.Line }

// strokeChunk is the number of segments of each piece a lightLine is stroked in.
const strokeChunk = 24

// Plot draws the line: in pieces when it is solid, plain and long, as plotter.Line otherwise.
func (l lightLine) Plot(c draw.Canvas, p *plot.Plot) {
	if len(l.Dashes) > 0 || l.FillColor != nil || l.StepStyle != plotter.NoStep || len(l.XYs) <= strokeChunk+1 {
		l.Line.Plot(c, p) // a dash pattern would restart with each piece
		return
	}
	trX, trY := p.Transforms(&c)
	ps := make([]vg.Point, len(l.XYs))
	for i, q := range l.XYs {
		ps[i] = vg.Point{X: trX(q.X), Y: trY(q.Y)}
	}
	var pieces [][]vg.Point
	for _, line := range c.ClipLinesXY(ps) {
		for i := 0; i < len(line)-1; i += strokeChunk {
			pieces = append(pieces, line[i:min(i+strokeChunk+2, len(line))])
		}
	}
	c.StrokeLines(l.LineStyle, pieces...)
}

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
