package nn

import (
	"context"
	"fmt"
	"math"
	"strconv"
)

// GradCheckResult compares Backward's gradients with finite differences.
type GradCheckResult struct {
	MaxAbsErr, MaxRelErr float64 // over every checked element
	Worst                string  // which element had MaxRelErr, such as "input 1 [3]"
	Checked              int     // number of elements compared
}

// OK reports whether the largest relative error is below tol.
func (r GradCheckResult) OK(tol float64) bool { return r.MaxRelErr < tol }

// GradCheck checks the gradients of f (which must return a one-element tensor computed
// from inputs) with respect to each input, by central differences with step eps (1e-2
// suits float32; 0 means that). The inputs must require gradients. The relative error of
// an element is |analytic-numeric| / max(1, |analytic|, |numeric|). It evaluates f twice
// per element: for large models use GradCheckContext, which a cell's interrupt stops.
func GradCheck(f func() *Tensor, inputs []*Tensor, eps float64) GradCheckResult {
	r, _ := GradCheckContext(context.Background(), f, inputs, eps)
	return r
}

// GradCheckContext is GradCheck watching ctx between elements: when ctx is done it returns
// the comparison so far and an error wrapping ctx.Err().
func GradCheckContext(ctx context.Context, f func() *Tensor, inputs []*Tensor, eps float64) (GradCheckResult, error) {
	if eps <= 0 {
		eps = 1e-2
	}
	for _, in := range inputs {
		in.ZeroGrad()
	}
	f().Backward()
	var r GradCheckResult
	for k, in := range inputs {
		analytic := append([]float32(nil), in.grad...)
		for i := range in.data {
			if err := ctx.Err(); err != nil {
				return r, fmt.Errorf("nn: gradient check stopped after %d elements: %w", r.Checked, err)
			}
			orig := in.data[i]
			in.data[i] = orig + float32(eps)
			up := f().Item()
			in.data[i] = orig - float32(eps)
			down := f().Item()
			in.data[i] = orig
			num := (up - down) / (2 * eps)
			a := float64(analytic[i])
			abs := math.Abs(a - num)
			rel := abs / math.Max(1, math.Max(math.Abs(a), math.Abs(num)))
			r.Checked++
			r.MaxAbsErr = math.Max(r.MaxAbsErr, abs)
			if rel > r.MaxRelErr || r.Worst == "" {
				r.MaxRelErr = rel
				r.Worst = "input " + strconv.Itoa(k) + " [" + strconv.Itoa(i) + "]"
			}
		}
	}
	return r, nil
}
