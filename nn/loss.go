package nn

import (
	"fmt"
	"math"
)

// LossFunc is the signature of the losses: a prediction and a target in, a one-element
// tensor out. MSE, BCE, BCEWithLogits and SoftmaxCrossEntropy are LossFuncs.
type LossFunc func(pred, target *Tensor) *Tensor

func lossResult(op string, pred *Tensor) *Tensor {
	return newResult(op, []int{1}, pred)
}

func checkSameLen(op string, pred, target *Tensor) {
	if len(pred.data) != len(target.data) {
		panic(fmt.Sprintf("nn: %s: prediction shape %v and target shape %v differ", op, pred.shape, target.shape))
	}
}

// MSE returns the mean squared error between pred and target (same number of elements).
func MSE(pred, target *Tensor) *Tensor {
	checkSameLen("MSE", pred, target)
	t := lossResult("mse", pred)
	var s float64
	for i, p := range pred.data {
		d := float64(p - target.data[i])
		s += d * d
	}
	n := float32(len(pred.data))
	t.data[0] = float32(s / float64(n))
	if t.requiresGrad {
		t.backward = func() {
			c := 2 * t.grad[0] / n
			for i, p := range pred.data {
				pred.grad[i] += c * (p - target.data[i])
			}
		}
	}
	return t
}

// BCE returns the mean binary cross-entropy of probabilities pred (in (0, 1), such as a
// sigmoid's output) against 0/1 targets. Probabilities are clipped to [1e-7, 1-1e-7].
func BCE(pred, target *Tensor) *Tensor {
	checkSameLen("BCE", pred, target)
	const eps = 1e-7
	t := lossResult("bce", pred)
	var s float64
	for i, p := range pred.data {
		q := math.Min(math.Max(float64(p), eps), 1-eps)
		y := float64(target.data[i])
		s -= y*math.Log(q) + (1-y)*math.Log(1-q)
	}
	n := float64(len(pred.data))
	t.data[0] = float32(s / n)
	if t.requiresGrad {
		t.backward = func() {
			g := float64(t.grad[0]) / n
			for i, p := range pred.data {
				q := math.Min(math.Max(float64(p), eps), 1-eps)
				y := float64(target.data[i])
				pred.grad[i] += float32(g * (q - y) / (q * (1 - q)))
			}
		}
	}
	return t
}

// BCEWithLogits returns the mean binary cross-entropy of sigmoid(logits) against 0/1
// targets, computed stably from the logits: max(z,0) - z*y + log(1+e**-|z|).
func BCEWithLogits(logits, target *Tensor) *Tensor {
	checkSameLen("BCEWithLogits", logits, target)
	t := lossResult("bce_logits", logits)
	var s float64
	for i, z := range logits.data {
		x, y := float64(z), float64(target.data[i])
		s += math.Max(x, 0) - x*y + math.Log1p(math.Exp(-math.Abs(x)))
	}
	n := float64(len(logits.data))
	t.data[0] = float32(s / n)
	if t.requiresGrad {
		t.backward = func() {
			g := float64(t.grad[0]) / n
			for i, z := range logits.data {
				logits.grad[i] += float32(g * (sigmoid64(float64(z)) - float64(target.data[i])))
			}
		}
	}
	return t
}

// SoftmaxCrossEntropy returns the mean cross-entropy of softmax(logits) (n×k) against the
// target, computed stably with log-sum-exp. The target is either class indices (n values,
// such as a Dataset's Y column) or probabilities of the same shape as logits (one-hot).
func SoftmaxCrossEntropy(logits, target *Tensor) *Tensor {
	n, k := logits.Rows(), logits.Cols()
	onehot := len(target.data) == len(logits.data) && k > 1
	if !onehot && len(target.data) != n {
		panic(fmt.Sprintf("nn: SoftmaxCrossEntropy: logits shape %v and target shape %v differ (want %d class indices or %v probabilities)",
			logits.shape, target.shape, n, logits.shape))
	}
	t := lossResult("softmax_xent", logits)
	probs := make([]float32, len(logits.data))
	var s float64
	for i := 0; i < n; i++ {
		row, p := logits.data[i*k:i*k+k], probs[i*k:i*k+k]
		lse := softmaxRow(p, row)
		if onehot {
			for j, y := range target.data[i*k : i*k+k] {
				s -= float64(y) * (float64(row[j]) - lse)
			}
		} else {
			c := classIndex(target.data[i], k)
			s -= float64(row[c]) - lse
		}
	}
	t.data[0] = float32(s / float64(n))
	if t.requiresGrad {
		t.backward = func() {
			g := t.grad[0] / float32(n)
			for i := 0; i < n; i++ {
				p, dx := probs[i*k:i*k+k], logits.grad[i*k:i*k+k]
				if onehot {
					for j, y := range target.data[i*k : i*k+k] {
						dx[j] += g * (p[j] - y)
					}
					continue
				}
				c := classIndex(target.data[i], k)
				for j := range dx {
					dx[j] += g * p[j]
				}
				dx[c] -= g
			}
		}
	}
	return t
}

func classIndex(v float32, k int) int {
	c := int(v)
	if c < 0 || c >= k || float32(c) != v {
		panic(fmt.Sprintf("nn: class index %v out of range for %d classes", v, k))
	}
	return c
}
