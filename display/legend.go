package display

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendGap is the room between the data area (with its last x tick label) and a legend
// placed beside it.
const legendGap = 14 // points

// legendBeside moves p's legend out of the data area, to its right, top-aligned, in a compact
// style (8-point text, short thumbnails): the plot's data area narrows by the legend's width,
// measured when the plot is drawn, so a legend of a dozen layers never covers a line. Call it
// once, after the legend entries may have been added.
func legendBeside(p *plot.Plot) {
	p.Legend.Left, p.Legend.Top = false, true
	p.Legend.TextStyle.Font.Size = 8
	p.Legend.ThumbnailWidth = vg.Points(16)
	p.Legend.Padding = vg.Points(1.5)
	p.Legend.XOffs, p.Legend.YOffs = 0, 0
	p.Add(legendSpace{})
}

// legendSpace is an invisible plotter whose glyph box, at the right edge of the data area, is
// as wide as the legend: gonum/plot pads the data area so that the box fits, which leaves the
// legend (drawn right-aligned in the full area) a strip of its own.
type legendSpace struct{}

// Plot draws nothing.
func (legendSpace) Plot(draw.Canvas, *plot.Plot) {}

// GlyphBoxes returns the box that reserves the legend's width (none for an empty legend).
func (legendSpace) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	r := p.Legend.Rectangle(draw.Canvas{})
	w := r.Max.X - r.Min.X
	if w <= 0 {
		return nil
	}
	return []plot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: w + vg.Points(legendGap)}}}}
}
