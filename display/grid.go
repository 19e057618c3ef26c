package display

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PlotGrid is several plots drawn as one picture, row by row. It renders like a plot: show
// it with Writer.Show (or as a cell's last value) or render it with DrawerBundle.
type PlotGrid struct {
	Rows          [][]*plot.Plot // nil entries leave their tile empty
	Width, Height vg.Length      // size of the whole picture
	DPI           int            // of the PNG; 100 when zero
}

// Grid lays plots out cols to a row, each tile 4 by 3 inches (at most 12 inches wide in all,
// narrower tiles past 3 columns).
func Grid(cols int, plots ...*plot.Plot) *PlotGrid {
	cols = max(1, min(cols, len(plots)))
	g := &PlotGrid{}
	for i := 0; i < len(plots); i += cols {
		row := make([]*plot.Plot, cols)
		copy(row, plots[i:min(i+cols, len(plots))])
		g.Rows = append(g.Rows, row)
	}
	tileW := min(4*vg.Inch, 12*vg.Inch/vg.Length(cols))
	g.Width = tileW * vg.Length(cols)
	g.Height = 3 * vg.Inch * vg.Length(len(g.Rows))
	return g
}

// Draw draws the grid's plots on c, aligned so their data areas line up.
func (g *PlotGrid) Draw(c draw.Canvas) {
	if len(g.Rows) == 0 {
		return
	}
	c.FillPolygon(color.White, rectPoints(c.Rectangle))
	tiles := draw.Tiles{
		Rows: len(g.Rows), Cols: len(g.Rows[0]),
		PadX: vg.Millimeter, PadY: vg.Millimeter,
		PadTop: vg.Millimeter, PadBottom: vg.Millimeter, PadLeft: vg.Millimeter, PadRight: vg.Millimeter,
	}
	canvases := plot.Align(g.Rows, tiles, c)
	for i, row := range g.Rows {
		for j, p := range row {
			if p != nil {
				p.Draw(canvases[i][j])
			}
		}
	}
}

// Bundle renders the grid as a PNG of its size, so BundleOf and Show know it.
func (g *PlotGrid) Bundle() (Bundle, error) {
	return DrawerBundle(g, PlotOptions{Width: g.Width, Height: g.Height, DPI: g.DPI})
}
