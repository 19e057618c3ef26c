package display

import (
	"fmt"
	"html"
	"math"
	"strings"
	"time"

	"github.com/gograd/gograd/nn"
)

// ProgressBundle returns the progress line of a training run as text/plain and text/html:
// step (of the total when known) with a bar, epoch, last loss and validation loss, steps per
// second, time elapsed and, while running, time left. done words it as the final summary.
func ProgressBundle(h *nn.History, done bool) Bundle {
	line := ProgressLine(h, done)
	return Bundle{Data: map[string]any{
		"text/plain": line,
		"text/html":  "<pre style=\"margin:0\">" + html.EscapeString(line) + "</pre>",
	}}
}

// ProgressLine is the text of ProgressBundle.
func ProgressLine(h *nn.History, done bool) string {
	if h == nil || len(h.Steps) == 0 {
		return "no steps yet"
	}
	last := h.Steps[len(h.Steps)-1]
	n := len(h.Steps)
	var sb strings.Builder
	if done {
		sb.WriteString("done: ")
	}
	if h.TotalSteps > 0 {
		frac := math.Min(1, float64(n)/float64(h.TotalSteps))
		fmt.Fprintf(&sb, "%s step %d/%d", bar(frac, 20), n, h.TotalSteps)
	} else {
		fmt.Fprintf(&sb, "step %d", n)
	}
	fmt.Fprintf(&sb, " · epoch %d · loss %.4g", last.Epoch+1, last.Loss)
	if val := lastVal(h); !math.IsNaN(val) {
		fmt.Fprintf(&sb, " · val %.4g", val)
	}
	secs := last.Elapsed.Seconds()
	if secs > 0 {
		rate := float64(n) / secs
		fmt.Fprintf(&sb, " · %s steps/s · %s", rateText(rate), clock(last.Elapsed))
		if !done && h.TotalSteps > n {
			left := time.Duration(float64(h.TotalSteps-n) / rate * float64(time.Second))
			fmt.Fprintf(&sb, " · %s left", clock(left))
		}
	}
	return sb.String()
}

// lastVal returns the most recent validation loss of h, NaN when none was measured.
func lastVal(h *nn.History) float64 {
	for i := len(h.Steps) - 1; i >= 0; i-- {
		if v := h.Steps[i].ValLoss; !math.IsNaN(v) {
			return v
		}
	}
	return math.NaN()
}

// bar draws a fraction in [0, 1] as a bar of width characters.
func bar(frac float64, width int) string {
	full := int(frac*float64(width) + 0.5)
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

// clock formats d as m:ss, or h:mm:ss past an hour.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// rateText formats a rate with three significant digits, without an exponent.
func rateText(r float64) string {
	if r >= 100 {
		return fmt.Sprintf("%.0f", r)
	}
	return fmt.Sprintf("%.3g", r)
}
