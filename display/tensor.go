package display

import (
	"fmt"
	"html"
	"strings"

	"github.com/gograd/gograd/nn"
)

// How much of a tensor TensorHTML shows: larger tensors keep their first and last rows and
// columns with an ellipsis between.
const (
	tableMaxRows = 16 // more rows are cut to the first 10 and the last 4
	tableMaxCols = 10 // more columns are cut to the first 6 and the last 3
)

// TensorHTML returns t as an HTML table: a caption with its shape, then its values (as a
// matrix of its last dimension, one row per index of the leading ones), large tensors
// abbreviated with ⋯ and ⋮.
func TensorHTML(t *nn.Tensor) string {
	shape := t.Shape()
	data := t.Data()
	cols := 1
	if len(shape) > 0 {
		cols = shape[len(shape)-1]
	}
	rows := 0
	if cols > 0 {
		rows = len(data) / cols
	}
	var sb strings.Builder
	sb.WriteString(`<table style="font-family:monospace;border-collapse:collapse">`)
	fmt.Fprintf(&sb, "<caption style=\"text-align:left\">Tensor %s, %d values%s</caption>",
		html.EscapeString(fmt.Sprint(shape)), len(data), gradNote(t))
	for _, r := range keep(rows, tableMaxRows, 10, 4) {
		sb.WriteString("<tr>")
		if r < 0 {
			for range keep(cols, tableMaxCols, 6, 3) {
				sb.WriteString(`<td style="text-align:center">⋮</td>`)
			}
			sb.WriteString("</tr>")
			continue
		}
		for _, c := range keep(cols, tableMaxCols, 6, 3) {
			if c < 0 {
				sb.WriteString("<td>⋯</td>")
				continue
			}
			fmt.Fprintf(&sb, `<td style="text-align:right;padding:0 6px">%.4g</td>`, data[r*cols+c])
		}
		sb.WriteString("</tr>")
	}
	sb.WriteString("</table>")
	return sb.String()
}

// gradNote says whether t carries a gradient.
func gradNote(t *nn.Tensor) string {
	if len(t.Grad()) > 0 {
		return ", with gradient"
	}
	return ""
}

// keep returns the indices 0..n-1 to show, all of them when n <= limit, otherwise the first
// head and the last tail with -1 marking the gap.
func keep(n, limit, head, tail int) []int {
	var idx []int
	if n <= limit {
		for i := 0; i < n; i++ {
			idx = append(idx, i)
		}
		return idx
	}
	for i := 0; i < head; i++ {
		idx = append(idx, i)
	}
	idx = append(idx, -1)
	for i := n - tail; i < n; i++ {
		idx = append(idx, i)
	}
	return idx
}
