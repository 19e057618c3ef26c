package nn

import (
	"math"

	"github.com/viterin/vek/vek32"
)

// Optimizer updates parameters from their gradients. SGD and Adam implement it.
type Optimizer interface {
	// Step updates every parameter from its gradient.
	Step()
	// ZeroGrad sets every parameter's gradient to zero.
	ZeroGrad()
	// SetLR changes the learning rate used by the next Step.
	SetLR(lr float64)
	// LR returns the learning rate.
	LR() float64
}

// SGD is stochastic gradient descent with optional momentum (PyTorch's form:
// v = momentum*v + g; p -= lr*v).
type SGD struct {
	Params   []*Tensor // the tensors it updates
	Rate     float64   // learning rate
	Momentum float64   // 0 for plain SGD; 0.9 is usual

	vel [][]float32
}

// NewSGD returns an SGD optimizer over params with learning rate lr and momentum (0 for
// plain SGD).
func NewSGD(params []*Tensor, lr, momentum float64) *SGD {
	return &SGD{Params: params, Rate: lr, Momentum: momentum}
}

// SetLR changes the learning rate used by the next Step.
func (o *SGD) SetLR(lr float64) { o.Rate = lr }

// LR returns the learning rate.
func (o *SGD) LR() float64 { return o.Rate }

// ZeroGrad sets every parameter's gradient to zero.
func (o *SGD) ZeroGrad() { zeroGrads(o.Params) }

// Step updates every parameter that has a gradient.
func (o *SGD) Step() {
	if o.Momentum != 0 && len(o.vel) != len(o.Params) {
		o.vel = make([][]float32, len(o.Params))
	}
	lr, mu := float32(o.Rate), float32(o.Momentum)
	for i, p := range o.Params {
		if p.grad == nil {
			continue
		}
		g := p.grad
		if mu != 0 {
			if len(o.vel[i]) != len(g) {
				o.vel[i] = make([]float32, len(g))
			}
			v := o.vel[i]
			vek32.MulNumber_Inplace(v, mu)
			vek32.Add_Inplace(v, g)
			g = v
		}
		axpy(p.data, g, -lr)
	}
}

// axpy adds a*x to y.
func axpy(y, x []float32, a float32) {
	x, done := x[:len(y)], 0
	if hasFMA {
		done = len(y) &^ 7
		axpy8(y[:done], x[:done], a)
	}
	for i := done; i < len(y); i++ {
		y[i] += a * x[i]
	}
}

func zeroGrads(ps []*Tensor) {
	for _, p := range ps {
		clear(p.grad)
	}
}

// Adam is the Adam optimizer (Kingma and Ba) with bias correction.
type Adam struct {
	Params             []*Tensor // the tensors it updates
	Rate, Beta1, Beta2 float64   // learning rate and the decay rates of the moment estimates
	Eps                float64   // added to the denominator for stability

	m, v [][]float32
	t    int
}

// NewAdam returns an Adam optimizer over params with learning rate lr and the usual
// defaults beta1 0.9, beta2 0.999, eps 1e-8.
func NewAdam(params []*Tensor, lr float64) *Adam {
	return &Adam{Params: params, Rate: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
}

// SetLR changes the learning rate used by the next Step.
func (o *Adam) SetLR(lr float64) { o.Rate = lr }

// LR returns the learning rate.
func (o *Adam) LR() float64 { return o.Rate }

// ZeroGrad sets every parameter's gradient to zero.
func (o *Adam) ZeroGrad() { zeroGrads(o.Params) }

// Step updates every parameter that has a gradient.
func (o *Adam) Step() {
	if len(o.m) != len(o.Params) {
		o.m, o.v = make([][]float32, len(o.Params)), make([][]float32, len(o.Params))
	}
	o.t++
	b1, b2 := float32(o.Beta1), float32(o.Beta2)
	c1 := 1 - math.Pow(o.Beta1, float64(o.t))
	c2 := 1 - math.Pow(o.Beta2, float64(o.t))
	step := float32(o.Rate * math.Sqrt(c2) / c1)
	eps := float32(o.Eps * math.Sqrt(c2))
	for i, p := range o.Params {
		if p.grad == nil {
			continue
		}
		if len(o.m[i]) != len(p.grad) {
			o.m[i], o.v[i] = make([]float32, len(p.grad)), make([]float32, len(p.grad))
		}
		m, v, g := o.m[i], o.v[i], p.grad
		done := 0
		if hasFMA {
			done = len(g) &^ 7
			adam8(p.data[:done], g[:done], m[:done], v[:done], b1, b2, step, eps)
		}
		for j := done; j < len(g); j++ {
			m[j] = b1*m[j] + (1-b1)*g[j]
			v[j] = b2*v[j] + (1-b2)*g[j]*g[j]
			p.data[j] -= step * m[j] / (float32(math.Sqrt(float64(v[j]))) + eps)
		}
	}
}
