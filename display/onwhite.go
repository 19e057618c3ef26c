package display

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// drawSafely draws d on c, which starts white, and turns a panic while drawing (gonum/plot
// panics on some bad input, and a cell's own Drawer may panic) into an error.
func drawSafely(d Drawer, c draw.Canvas) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("display: drawing %T: %v", d, r)
		}
	}()
	switch x := d.(type) {
	case *plot.Plot:
		drawPlotOnWhite(x, c)
	case *PlotGrid:
		x.drawOnWhite(c)
	default:
		d.Draw(c)
	}
	return nil
}

// drawPlotOnWhite draws p on a canvas that is white already, skipping the fill of a white
// background, which costs as much as drawing a few lines. p is not changed: a shallow copy
// is drawn.
func drawPlotOnWhite(p *plot.Plot, c draw.Canvas) {
	if !isOpaqueWhite(p.BackgroundColor) {
		p.Draw(c)
		return
	}
	q := *p
	q.BackgroundColor = nil
	q.Draw(c)
}

// isOpaqueWhite reports whether c is white and opaque.
func isOpaqueWhite(c color.Color) bool {
	if c == nil {
		return false
	}
	r, g, b, a := c.RGBA()
	return r == 0xffff && g == 0xffff && b == 0xffff && a == 0xffff
}
