package display

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PlotGrid is several plots drawn as one picture, row by row. It renders like a plot: show
// it with Writer.Show (or as a cell's last value) or render it with DrawerBundle. Rows may
// differ in length: every row gets as many tiles as the longest, and the missing ones stay
// empty, like nil entries.
type PlotGrid struct {
	Rows          [][]*plot.Plot // nil entries, and the tiles past a short row's end, are empty
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

// Draw draws the grid's plots on a white background on c, aligned so their data areas line
// up.
func (g *PlotGrid) Draw(c draw.Canvas) {
	c.FillPolygon(color.White, rectPoints(c.Rectangle))
	g.drawOnWhite(c)
}

// drawOnWhite is Draw on a canvas known to be white already, which saves painting the
// background of the grid and of each plot (a third of the drawing time of the Dashboard).
func (g *PlotGrid) drawOnWhite(c draw.Canvas) {
	rows := g.paddedRows()
	if len(rows) == 0 {
		return
	}
	tiles := draw.Tiles{
		Rows: len(rows), Cols: len(rows[0]),
		PadX: vg.Millimeter, PadY: vg.Millimeter,
		PadTop: vg.Millimeter, PadBottom: vg.Millimeter, PadLeft: vg.Millimeter, PadRight: vg.Millimeter,
	}
	canvases := plot.Align(rows, tiles, c)
	for i, row := range rows {
		for j, p := range row {
			if p != nil {
				drawPlotOnWhite(p, canvases[i][j])
			}
		}
	}
}

// paddedRows returns the rows padded with nil tiles to the length of the longest (as
// plot.Align needs), or nil when the grid has no tile at all.
func (g *PlotGrid) paddedRows() [][]*plot.Plot {
	cols := 0
	for _, row := range g.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return nil
	}
	rows := make([][]*plot.Plot, len(g.Rows))
	for i, row := range g.Rows {
		rows[i] = row
		if len(row) < cols {
			rows[i] = make([]*plot.Plot, cols)
			copy(rows[i], row)
		}
	}
	return rows
}

// Bundle renders the grid as a PNG of its size, so BundleOf and Show know it.
func (g *PlotGrid) Bundle() (Bundle, error) {
	return DrawerBundle(g, PlotOptions{Width: g.Width, Height: g.Height, DPI: g.DPI})
}
