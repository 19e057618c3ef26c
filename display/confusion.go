package display

import (
	"fmt"
	"image"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg/draw"
)

// ConfusionMatrix draws cm as a heat map with the count in each cell: cm[i][j] is the number
// of examples of true class i predicted as class j. Rows are the true classes (top to
// bottom), columns the predictions; each cell's shade is its share of its row, so a good
// classifier shows a dark diagonal. labels name the classes; missing names are numbers.
func ConfusionMatrix(cm [][]int, labels []string) *plot.Plot {
	n := len(cm)
	for _, row := range cm {
		n = max(n, len(row))
	}
	p := plot.New()
	p.Title.Text = "confusion matrix"
	p.X.Label.Text = "predicted"
	p.Y.Label.Text = "true"
	if n == 0 {
		p.Title.Text += " (empty)"
		return p
	}
	img, cells, styles := confusionCells(cm, n)
	p.Add(plotter.NewImage(blockScale(img, 64), -0.5, -0.5, float64(n)-0.5, float64(n)-0.5))
	l, err := plotter.NewLabels(cells)
	if err == nil { // NewLabels fails only on mismatched lengths, which cannot happen here
		l.TextStyle = styles
		p.Add(l)
	}
	names := classNames(labels, n)
	p.NominalX(names...)
	rev := make([]string, n)
	for i, s := range names {
		rev[n-1-i] = s
	}
	p.NominalY(rev...)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5, -0.5, float64(n)-0.5
	correct, total := 0, 0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			total += cell(cm, i, j)
			if i == j {
				correct += cell(cm, i, j)
			}
		}
	}
	if total > 0 {
		p.Title.Text = fmt.Sprintf("confusion matrix (accuracy %.1f%%)", 100*float64(correct)/float64(total))
	}
	return p
}

// confusionCells returns the n×n shades of cm (row i of the image is true class i), and
// the count labels at plot coordinates (true class 0 at the top) with their styles.
func confusionCells(cm [][]int, n int) (*image.RGBA, plotter.XYLabels, []text.Style) {
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	var cells plotter.XYLabels
	var styles []text.Style
	for i := 0; i < n; i++ {
		rowSum := 0
		for j := 0; j < n; j++ {
			rowSum += cell(cm, i, j)
		}
		for j := 0; j < n; j++ {
			v := cell(cm, i, j)
			share := 0.0
			if rowSum > 0 {
				share = float64(v) / float64(rowSum)
			}
			img.Set(j, i, blues(share)) // image row 0 is the top
			cells.XYs = append(cells.XYs, plotter.XY{X: float64(j), Y: float64(n - 1 - i)})
			cells.Labels = append(cells.Labels, fmt.Sprint(v))
			styles = append(styles, cellStyle(share, n))
		}
	}
	return img, cells, styles
}

// cell is cm[i][j], or 0 outside a ragged matrix.
func cell(cm [][]int, i, j int) int {
	if i < len(cm) && j < len(cm[i]) {
		return cm[i][j]
	}
	return 0
}

// classNames names n classes from labels, numbering the ones without a name.
func classNames(labels []string, n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprint(i)
		if i < len(labels) && labels[i] != "" {
			names[i] = labels[i]
		}
	}
	return names
}

// blues maps a share in [0, 1] from white to dark blue.
func blues(s float64) color.RGBA {
	lerp := func(a, b float64) uint8 { return uint8(a + (b-a)*s + 0.5) }
	return color.RGBA{R: lerp(247, 8), G: lerp(251, 48), B: lerp(255, 107), A: 255}
}

// cellStyle is the style of a count: white on dark cells, smaller in big matrices.
func cellStyle(share float64, n int) text.Style {
	size := 11.0
	if n > 10 {
		size = 8
	}
	c := color.Color(color.Black)
	if share > 0.5 {
		c = color.White
	}
	return text.Style{
		Color: c, Font: font.From(plot.DefaultFont, font.Length(size)),
		XAlign: draw.XCenter, YAlign: draw.YCenter, Handler: plot.DefaultTextHandler,
	}
}

// blockScale enlarges img k times with square blocks, so a renderer that smooths images
// when it scales them still draws sharp cells.
func blockScale(img *image.RGBA, k int) *image.RGBA {
	r := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, r.Dx()*k, r.Dy()*k))
	for y := 0; y < r.Dy()*k; y++ {
		for x := 0; x < r.Dx()*k; x++ {
			out.SetRGBA(x, y, img.RGBAAt(r.Min.X+x/k, r.Min.Y+y/k))
		}
	}
	return out
}
