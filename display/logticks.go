package display

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// logTicks marks a log axis: every power of ten, and also 2× and 5× when the axis spans
// less than three decades, so a short range still gets several labels (gonum's LogTicks
// labels powers of ten only).
type logTicks struct{}

// Ticks returns the ticks between lo and hi.
func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	if lo <= 0 || hi <= lo || math.IsInf(hi, 0) {
		return nil
	}
	first, last := int(math.Floor(math.Log10(lo))), int(math.Ceil(math.Log10(hi)))
	labelled := []float64{1}
	if last-first < 3 {
		labelled = []float64{1, 2, 5}
	}
	var ticks []plot.Tick
	for e := first; e <= last; e++ {
		for m := 1; m <= 9; m++ {
			v := float64(m) * math.Pow(10, float64(e))
			if v < lo || v > hi {
				continue
			}
			t := plot.Tick{Value: v}
			for _, l := range labelled {
				if float64(m) == l {
					t.Label = strconv.FormatFloat(v, 'g', 3, 64)
				}
			}
			ticks = append(ticks, t)
		}
	}
	return ticks
}
