package nn

import (
	"context"
	"errors"
	"math/rand"
	"strings"
	"testing"
)

// randT returns a tensor requiring gradients with values in [lo, hi).
func randT(rng *rand.Rand, lo, hi float64, shape ...int) *Tensor {
	t := Zeros(shape...)
	for i := range t.data {
		t.data[i] = float32(lo + (hi-lo)*rng.Float64())
	}
	return t.SetRequiresGrad(true)
}

// weighted turns a tensor into a scalar with fixed random weights, so every element gets a
// different upstream gradient.
func weighted(t *Tensor, seed int64) *Tensor {
	w := randT(rand.New(rand.NewSource(seed)), -1, 1, t.shape...).SetRequiresGrad(false)
	return Sum(Mul(t, w))
}

func TestOpsMatchFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	cases := []struct {
		name   string
		inputs []*Tensor
		f      func(in []*Tensor) *Tensor
	}{
		{"matmul", []*Tensor{randT(rng, -1, 1, 3, 4), randT(rng, -1, 1, 4, 5)},
			func(in []*Tensor) *Tensor { return MatMul(in[0], in[1]) }},
		{"add same", []*Tensor{randT(rng, -1, 1, 3, 4), randT(rng, -1, 1, 3, 4)},
			func(in []*Tensor) *Tensor { return Add(in[0], in[1]) }},
		{"add row broadcast", []*Tensor{randT(rng, -1, 1, 3, 4), randT(rng, -1, 1, 1, 4)},
			func(in []*Tensor) *Tensor { return Add(in[0], in[1]) }},
		{"add 1-D broadcast", []*Tensor{randT(rng, -1, 1, 3, 4), randT(rng, -1, 1, 4)},
			func(in []*Tensor) *Tensor { return Add(in[0], in[1]) }},
		{"add column broadcast", []*Tensor{randT(rng, -1, 1, 3, 1), randT(rng, -1, 1, 1, 4)},
			func(in []*Tensor) *Tensor { return Add(in[0], in[1]) }},
		{"sub", []*Tensor{randT(rng, -1, 1, 2, 3), randT(rng, -1, 1, 1, 3)},
			func(in []*Tensor) *Tensor { return Sub(in[0], in[1]) }},
		{"mul", []*Tensor{randT(rng, -1, 1, 2, 3), randT(rng, -1, 1, 2, 3)},
			func(in []*Tensor) *Tensor { return Mul(in[0], in[1]) }},
		{"div", []*Tensor{randT(rng, -1, 1, 2, 3), randT(rng, 1, 2, 2, 1)},
			func(in []*Tensor) *Tensor { return Div(in[0], in[1]) }},
		{"scale", []*Tensor{randT(rng, -1, 1, 2, 3)},
			func(in []*Tensor) *Tensor { return Scale(in[0], -2.5) }},
		{"add scalar", []*Tensor{randT(rng, -1, 1, 2, 3)},
			func(in []*Tensor) *Tensor { return AddScalar(in[0], 3) }},
		{"neg", []*Tensor{randT(rng, -1, 1, 5)},
			func(in []*Tensor) *Tensor { return Neg(in[0]) }},
		{"exp", []*Tensor{randT(rng, -1, 1, 2, 3)},
			func(in []*Tensor) *Tensor { return Exp(in[0]) }},
		{"log", []*Tensor{randT(rng, 0.5, 2, 2, 3)},
			func(in []*Tensor) *Tensor { return Log(in[0]) }},
		{"pow", []*Tensor{randT(rng, 0.5, 2, 2, 3)},
			func(in []*Tensor) *Tensor { return Pow(in[0], 3) }},
		{"relu", []*Tensor{randT(rng, -1, 1, 3, 4)},
			func(in []*Tensor) *Tensor { return ReLU(in[0]) }},
		{"leakyrelu", []*Tensor{randT(rng, -1, 1, 3, 4)},
			func(in []*Tensor) *Tensor { return LeakyReLU(in[0], 0.1) }},
		{"tanh", []*Tensor{randT(rng, -2, 2, 3, 4)},
			func(in []*Tensor) *Tensor { return Tanh(in[0]) }},
		{"sigmoid", []*Tensor{randT(rng, -3, 3, 3, 4)},
			func(in []*Tensor) *Tensor { return Sigmoid(in[0]) }},
		{"softmax", []*Tensor{randT(rng, -2, 2, 3, 4)},
			func(in []*Tensor) *Tensor { return Softmax(in[0]) }},
		{"sum", []*Tensor{randT(rng, -1, 1, 3, 4)},
			func(in []*Tensor) *Tensor { return Mul(Sum(in[0]), Sum(in[0])) }},
		{"mean", []*Tensor{randT(rng, -1, 1, 3, 4)},
			func(in []*Tensor) *Tensor { return Exp(Mean(in[0])) }},
		{"sumrows", []*Tensor{randT(rng, -1, 1, 3, 4)},
			func(in []*Tensor) *Tensor { return SumRows(in[0]) }},
		{"reshape", []*Tensor{randT(rng, -1, 1, 3, 4)},
			func(in []*Tensor) *Tensor { return Reshape(Tanh(in[0]), 2, -1) }},
		{"transpose", []*Tensor{randT(rng, -1, 1, 3, 4)},
			func(in []*Tensor) *Tensor { return Transpose(in[0]) }},
		{"index rows", []*Tensor{randT(rng, -1, 1, 4, 3)},
			func(in []*Tensor) *Tensor { return IndexRows(in[0], []int{2, 0, 2}) }},
		{"slice rows", []*Tensor{randT(rng, -1, 1, 4, 3)},
			func(in []*Tensor) *Tensor { return SliceRows(in[0], 1, 3) }},
		{"shared input", []*Tensor{randT(rng, -1, 1, 2, 2)},
			func(in []*Tensor) *Tensor { return Mul(Tanh(in[0]), MatMul(in[0], in[0])) }},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := func() *Tensor { return weighted(c.f(c.inputs), int64(100+i)) }
			r := GradCheck(f, c.inputs, 1e-2)
			if r.Checked == 0 || !r.OK(5e-3) {
				t.Errorf("backward disagrees with finite differences: %+v", r)
			}
		})
	}
}

func TestGradCheckCatchesAWrongBackward(t *testing.T) {
	x := randT(rand.New(rand.NewSource(2)), -1, 1, 3)
	wrong := func() *Tensor {
		y := Tanh(x)
		y.backward = func() { addInto(x.grad, y.grad) } // forgets 1 - tanh²
		return weighted(y, 3)
	}
	if r := GradCheck(wrong, []*Tensor{x}, 1e-2); r.OK(5e-3) {
		t.Errorf("GradCheck accepted a wrong backward: %+v", r)
	}
}

func TestShapeErrorsNameBothShapes(t *testing.T) {
	cases := []struct {
		name string
		f    func()
		want string
	}{
		{"matmul", func() { MatMul(Zeros(2, 3), Zeros(4, 5)) }, "[2 3] and [4 5]"},
		{"add", func() { Add(Zeros(2, 3), Zeros(2, 4)) }, "[2 3] and [2 4]"},
		{"mse", func() { MSE(Zeros(2, 3), Zeros(3, 3)) }, "[2 3] and target shape [3 3]"},
		{"linear", func() { NewLinear(3, 2, Xavier, 1).Forward(Zeros(4, 5)) }, "[4 5]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				msg, _ := recover().(string)
				if !strings.Contains(msg, c.want) {
					t.Errorf("panic %q does not name %q", msg, c.want)
				}
			}()
			c.f()
		})
	}
}

func TestBackwardAccumulatesIntoLeavesOnly(t *testing.T) {
	w := FromFloat64([]float64{2}, 1).SetRequiresGrad(true)
	x := Scalar(3)
	for i := 0; i < 2; i++ {
		Mul(w, x).Backward()
	}
	if got := w.GradAt(0); got != 6 {
		t.Errorf("leaf grad after two backwards = %v, want 6 (accumulated)", got)
	}
	if x.Grad() != nil {
		t.Errorf("input without requiresGrad got a gradient %v", x.Grad())
	}
}

func TestGradCheckContextStops(t *testing.T) {
	x := randT(rand.New(rand.NewSource(2)), -1, 1, 50)
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	f := func() *Tensor {
		if calls++; calls == 21 { // Backward's call, then ten elements
			cancel()
		}
		return weighted(Tanh(x), 3)
	}
	r, err := GradCheckContext(ctx, f, []*Tensor{x}, 0)
	if !errors.Is(err, context.Canceled) || r.Checked != 10 {
		t.Errorf("checked %d elements, err %v; want 10 and context.Canceled", r.Checked, err)
	}
}
