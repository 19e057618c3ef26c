package nn

import (
	"fmt"
	"math/rand"
)

// Linear is a fully connected layer: Forward(x) = x·W + B for a batch x (n×In), with W of
// shape In×Out and B of shape 1×Out. NewLinear makes one; a literal with W and B set works
// too.
type Linear struct {
	W, B *Tensor

	y    *Tensor // output of the last Forward, reused once Backward went through it
	work gemmWork
}

// NewLinear returns a Linear layer with weights from init (Xavier or He) drawn from a
// generator seeded with seed, and zero biases.
func NewLinear(in, out int, init Init, seed int64) *Linear {
	return newLinear(in, out, init, rand.New(rand.NewSource(seed)))
}

func newLinear(in, out int, init Init, rng *rand.Rand) *Linear {
	l := &Linear{W: Zeros(in, out), B: Zeros(1, out)}
	initWeights(l.W.data, in, out, init, rng)
	l.W.requiresGrad, l.B.requiresGrad = true, true
	return l
}

// In returns the number of inputs (rows of W).
func (l *Linear) In() int { return l.W.shape[0] }

// Out returns the number of outputs (columns of W).
func (l *Linear) Out() int { return l.W.shape[1] }

// String names the layer and its sizes.
func (l *Linear) String() string { return fmt.Sprintf("Linear(%d→%d)", l.In(), l.Out()) }

// Parameters returns W and B.
func (l *Linear) Parameters() []*Tensor { return []*Tensor{l.W, l.B} }

// Forward returns x·W + B for a batch x of shape [n In], or for a single example of shape
// [In] (the result then has shape [1 Out]).
func (l *Linear) Forward(x *Tensor) *Tensor {
	in, out := l.In(), l.Out()
	if len(l.B.data) != out {
		panic(fmt.Sprintf("nn: Linear: W shape %v and B shape %v differ", l.W.shape, l.B.shape))
	}
	single := len(x.shape) == 1 && x.shape[0] == in
	if !single && (len(x.shape) != 2 || x.shape[1] != in) {
		panic(fmt.Sprintf("nn: Linear(%d→%d).Forward: input shape %v, want [n %d]", in, out, x.shape, in))
	}
	n := len(x.data) / in
	y := reusable(l.y, n, out)
	if y == nil {
		y = &Tensor{data: make([]float32, n*out), op: "linear", dims: [2]int{n, out}}
		y.shape = y.dims[:]
		y.backward = func() { l.backward(y) }
		y.parents = make([]*Tensor, 3)
		l.y = y
	}
	y.parents[0], y.parents[1], y.parents[2] = x, l.W, l.B
	y.requiresGrad = x.requiresGrad || l.W.requiresGrad || l.B.requiresGrad
	// Start every row at the bias, doubling the filled part: log2(n) copies instead of n.
	copy(y.data, l.B.data)
	for filled := out; filled < len(y.data); filled *= 2 {
		copy(y.data[filled:], y.data[:filled])
	}
	gemm(n, out, in, rowMajor(x.data, in), rowMajor(l.W.data, out), y.data, out, &l.work)
	return y
}

// backward sends the gradient of y, an output of l, to W, B and (when it needs one) to the
// input y was computed from.
func (l *Linear) backward(y *Tensor) {
	x, g := y.parents[0], y.grad
	in, out := l.In(), l.Out()
	n := len(x.data) / in
	if l.W.requiresGrad { // dW += xᵀ·g
		gemm(in, out, n, rowMajor(x.data, in).transposed(), rowMajor(g, out), l.W.grad, out, &l.work)
	}
	if l.B.requiresGrad {
		for i := 0; i < n; i++ {
			axpy(l.B.grad, g[i*out:i*out+out], 1)
		}
	}
	if x.requiresGrad { // dx += g·Wᵀ
		gemm(n, in, out, rowMajor(g, out), rowMajor(l.W.data, out).transposed(), x.grad, in, &l.work)
	}
}
