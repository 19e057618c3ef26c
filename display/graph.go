package display

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"github.com/gograd/gograd/nn"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// MaxGraphNodes is the largest computation graph Graph draws node by node; a bigger one is
// drawn as a one-line note, since thousands of boxes are unreadable anyway.
const MaxGraphNodes = 400

// ValueGraph is the drawing of a scalar Value's computation graph, laid out left to right
// (inputs on the left, the result on the right) as in micrograd: every value is a box with
// its label, data and gradient, and every operation a circle feeding the box it produced.
// It draws on any gonum canvas, so it renders to PNG or SVG like a plot.
type ValueGraph struct {
	nodes []graphNode
	edges [][2]int // from child box to parent op, as indices into nodes
	w, h  vg.Length
	note  string // set instead of nodes when the graph is too large
}

// graphNode is one laid-out value.
type graphNode struct {
	text     string
	op       string
	box      vg.Rectangle
	opCenter vg.Point
	kind     int // 0 input, 1 operation result, 2 the root
}

// Graph geometry, in points.
const (
	graphFontSize = 10
	graphPad      = 5
	graphOpR      = 11 // radius of an operation's circle
	graphOpGap    = 14 // from the op circle to its box
	graphColGap   = 26 // from one column's boxes to the next column's op circles
	graphRowGap   = 12
	graphMargin   = 10
)

// graphTextStyle is the style of all text in a ValueGraph.
func graphTextStyle() text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.From(plot.DefaultFont, graphFontSize),
		XAlign:  draw.XCenter,
		YAlign:  draw.YCenter,
		Handler: plot.DefaultTextHandler,
	}
}

// NewValueGraph lays out the computation graph that ends in v.
func NewValueGraph(v *nn.Value) *ValueGraph {
	sty := graphTextStyle()
	if v == nil {
		return noteGraph(sty, "nil *nn.Value")
	}
	topo := v.Topo()
	if len(topo) > MaxGraphNodes {
		return noteGraph(sty, fmt.Sprintf("computation graph of %d nodes: too large to draw (limit %d)", len(topo), MaxGraphNodes))
	}
	cols, idx := graphColumns(topo)
	g := &ValueGraph{nodes: make([]graphNode, len(topo))}
	for i, n := range topo {
		g.nodes[i] = graphNode{text: nodeText(n), op: n.Op, kind: 1}
		if len(n.Children()) == 0 {
			g.nodes[i].kind = 0
		}
		for _, c := range n.Children() {
			g.edges = append(g.edges, [2]int{idx[c], i})
		}
	}
	g.nodes[idx[v]].kind = 2
	g.place(sty, cols)
	return g
}

// noteGraph is a ValueGraph that only says note.
func noteGraph(sty text.Style, note string) *ValueGraph {
	return &ValueGraph{note: note, w: sty.Width(note) + 2*graphMargin, h: sty.Height(note) + 2*graphMargin}
}

// nodeText is what a value's box says.
func nodeText(n *nn.Value) string {
	s := fmt.Sprintf("data %.4f | grad %.4f", n.Data, n.Grad)
	if n.Label != "" {
		s = n.Label + " | " + s
	}
	return s
}

// graphColumns puts each node in a column: the root in the last one, and every other node
// one column left of its leftmost consumer, so inputs sit next to where they are used. The
// nodes of a column are ordered by the mean row of their consumers, which keeps most edges
// from crossing. It returns the columns (left to right) of indices into topo.
func graphColumns(topo []*nn.Value) ([][]int, map[*nn.Value]int) {
	idx := make(map[*nn.Value]int, len(topo))
	for i, n := range topo {
		idx[n] = i
	}
	rank := make([]int, len(topo)) // distance from the root, longest path
	parents := make([][]int, len(topo))
	maxRank := 0
	for i := len(topo) - 1; i >= 0; i-- {
		for _, c := range topo[i].Children() {
			j := idx[c]
			parents[j] = append(parents[j], i)
			if rank[i]+1 > rank[j] {
				rank[j] = rank[i] + 1
			}
			maxRank = max(maxRank, rank[j])
		}
	}
	byRank := make([][]int, maxRank+1)
	row := make([]float64, len(topo))
	for i := len(topo) - 1; i >= 0; i-- { // parents before children
		byRank[rank[i]] = append(byRank[rank[i]], i)
	}
	for r := range byRank {
		col := byRank[r]
		for _, i := range col {
			row[i] = meanRow(parents[i], row)
		}
		sortStable(col, func(a, b int) bool { return row[a] < row[b] })
		for k, i := range col {
			row[i] = float64(k) - float64(len(col)-1)/2
		}
	}
	cols := make([][]int, len(byRank))
	for r, col := range byRank {
		cols[maxRank-r] = col
	}
	return cols, idx
}

// meanRow is the mean of row over the given nodes, 0 for none.
func meanRow(nodes []int, row []float64) float64 {
	if len(nodes) == 0 {
		return 0
	}
	s := 0.0
	for _, p := range nodes {
		s += row[p]
	}
	return s / float64(len(nodes))
}

// sortStable is an insertion sort: columns are short, and it keeps equal nodes in order.
func sortStable(s []int, less func(a, b int) bool) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// place computes every node's box and op circle and the size of the drawing.
func (g *ValueGraph) place(sty text.Style, cols [][]int) {
	boxH := sty.Height("Mg") + 2*graphPad
	rowH := boxH + graphRowGap
	tallest := 0
	for _, col := range cols {
		tallest = max(tallest, len(col))
	}
	g.h = vg.Length(tallest)*rowH - graphRowGap + 2*graphMargin
	x := vg.Length(graphMargin)
	for _, col := range cols {
		boxW := vg.Length(0)
		for _, i := range col {
			boxW = max(boxW, sty.Width(g.nodes[i].text)+2*graphPad)
		}
		top := g.h/2 + (vg.Length(len(col))*rowH-graphRowGap)/2
		boxX := x + 2*graphOpR + graphOpGap
		for k, i := range col {
			y := top - vg.Length(k)*rowH - boxH
			g.nodes[i].box = vg.Rectangle{Min: vg.Point{X: boxX, Y: y}, Max: vg.Point{X: boxX + boxW, Y: y + boxH}}
			g.nodes[i].opCenter = vg.Point{X: x + graphOpR, Y: y + boxH/2}
		}
		x = boxX + boxW + graphColGap
	}
	g.w = x - graphColGap + graphMargin
}

// Size returns the natural size of the drawing.
func (g *ValueGraph) Size() (w, h vg.Length) { return g.w, g.h }

// Draw draws the graph on c, from c's bottom-left corner, at its natural size.
func (g *ValueGraph) Draw(c draw.Canvas) {
	sty := graphTextStyle()
	o := c.Min
	c.FillPolygon(color.White, rectPoints(c.Rectangle))
	if g.note != "" {
		c.FillText(sty, vg.Point{X: o.X + g.w/2, Y: o.Y + g.h/2}, g.note)
		return
	}
	line := draw.LineStyle{Color: color.Gray{Y: 90}, Width: vg.Points(0.8)}
	for _, e := range g.edges {
		from, to := g.nodes[e[0]].box, g.nodes[e[1]].opCenter
		start := vg.Point{X: o.X + from.Max.X, Y: o.Y + (from.Min.Y+from.Max.Y)/2}
		end := vg.Point{X: o.X + to.X - graphOpR, Y: o.Y + to.Y}
		arrow(c, line, start, end)
	}
	fills := [...]color.Color{
		color.RGBA{R: 0xdd, G: 0xee, B: 0xff, A: 0xff}, // inputs
		color.RGBA{R: 0xf2, G: 0xf2, B: 0xf2, A: 0xff}, // intermediate values
		color.RGBA{R: 0xff, G: 0xf0, B: 0xc8, A: 0xff}, // the root
	}
	for _, n := range g.nodes {
		b := vg.Rectangle{Min: n.box.Min.Add(o), Max: n.box.Max.Add(o)}
		c.FillPolygon(fills[n.kind], rectPoints(b))
		c.StrokeLines(line, append(rectPoints(b), b.Min))
		c.FillText(sty, vg.Point{X: (b.Min.X + b.Max.X) / 2, Y: (b.Min.Y + b.Max.Y) / 2}, n.text)
		if n.op == "" {
			continue
		}
		oc := n.opCenter.Add(o)
		c.FillPolygon(color.White, circlePoints(oc, graphOpR))
		c.StrokeLines(line, append(circlePoints(oc, graphOpR), vg.Point{X: oc.X + graphOpR, Y: oc.Y}))
		c.FillText(sty, oc, n.op)
		arrow(c, line, vg.Point{X: oc.X + graphOpR, Y: oc.Y}, vg.Point{X: b.Min.X, Y: oc.Y})
	}
}

// Bundle renders the graph as a PNG at its natural size and 100 dpi, so BundleOf and Show
// know a ValueGraph. For an SVG, use DrawerBundle with Size's width and height.
func (g *ValueGraph) Bundle() (Bundle, error) {
	return DrawerBundle(g, PlotOptions{Width: g.w, Height: g.h})
}

// Graph draws the computation graph that ends in v as an image at 100 dpi; see ValueGraph.
func Graph(v *nn.Value) image.Image {
	g := NewValueGraph(v)
	c := vgimg.NewWith(vgimg.UseWH(g.w, g.h), vgimg.UseDPI(100))
	g.Draw(draw.New(c))
	return c.Image()
}

// rectPoints returns the corners of r, counter-clockwise.
func rectPoints(r vg.Rectangle) []vg.Point {
	return []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}}
}

// circlePoints approximates a circle by a polygon.
func circlePoints(c vg.Point, r vg.Length) []vg.Point {
	const n = 24
	pts := make([]vg.Point, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / n
		pts[i] = vg.Point{X: c.X + r*vg.Length(math.Cos(a)), Y: c.Y + r*vg.Length(math.Sin(a))}
	}
	return pts
}

// arrow draws a line from a to b with a small head at b.
func arrow(c draw.Canvas, sty draw.LineStyle, a, b vg.Point) {
	c.StrokeLines(sty, []vg.Point{a, b})
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	ux, uy := dx/l, dy/l
	const size = 5
	p1 := vg.Point{X: b.X - vg.Length(size*ux-size/2*uy), Y: b.Y - vg.Length(size*uy+size/2*ux)}
	p2 := vg.Point{X: b.X - vg.Length(size*ux+size/2*uy), Y: b.Y - vg.Length(size*uy-size/2*ux)}
	c.FillPolygon(sty.Color, []vg.Point{b, p1, p2})
}
