package nn

import "fmt"

// Argmax returns, for each row of t, the column of its largest value; for a one-column
// tensor (a binary classifier's output) it returns 1 where the value is above 0.5 and 0
// elsewhere — apply Sigmoid first to logits.
func Argmax(t *Tensor) []int {
	r, c := t.Rows(), t.Cols()
	out := make([]int, r)
	for i := 0; i < r; i++ {
		row := t.data[i*c : i*c+c]
		if c == 1 {
			if row[0] > 0.5 {
				out[i] = 1
			}
			continue
		}
		best := 0
		for j, v := range row {
			if v > row[best] {
				best = j
			}
		}
		out[i] = best
	}
	return out
}

// Accuracy returns the fraction of pred equal to truth.
func Accuracy(pred, truth []int) float64 {
	if len(pred) != len(truth) {
		panic(fmt.Sprintf("nn: Accuracy: %d predictions for %d labels", len(pred), len(truth)))
	}
	if len(pred) == 0 {
		return 0
	}
	ok := 0
	for i, p := range pred {
		if p == truth[i] {
			ok++
		}
	}
	return float64(ok) / float64(len(pred))
}

// ConfusionMatrix returns the k×k counts m[truth][pred].
func ConfusionMatrix(pred, truth []int, k int) [][]int {
	if len(pred) != len(truth) {
		panic(fmt.Sprintf("nn: ConfusionMatrix: %d predictions for %d labels", len(pred), len(truth)))
	}
	m := make([][]int, k)
	for i := range m {
		m[i] = make([]int, k)
	}
	for i, p := range pred {
		if p < 0 || p >= k || truth[i] < 0 || truth[i] >= k {
			panic(fmt.Sprintf("nn: ConfusionMatrix: class %d or %d out of range for %d classes", p, truth[i], k))
		}
		m[truth[i]][p]++
	}
	return m
}

// Evaluate returns the accuracy of model m on d (a classification data set), running the
// whole set in one Forward.
func Evaluate(m Module, d *Dataset) float64 {
	return Accuracy(Argmax(m.Forward(d.X)), d.Labels)
}
