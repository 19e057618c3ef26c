package nn

import (
	"fmt"
	"math"
)

// Value is a scalar that remembers how it was computed, so Backward can apply the chain
// rule through it. Data is the forward value; Grad is d(root)/d(this) after the root's
// Backward. Label names the value for drawings; Op names the operation that produced it
// ("" for an input).
type Value struct {
	Data, Grad float64
	Label, Op  string

	children []*Value
	local    []float64 // d this / d children[i], evaluated at forward time
}

// NewValue returns an input (leaf) Value with the given data and label.
func NewValue(data float64, label string) *Value {
	return &Value{Data: data, Label: label}
}

// V returns an unlabelled input Value; it is short for NewValue(data, "").
func V(data float64) *Value { return &Value{Data: data} }

func newOp(data float64, op string, children []*Value, local []float64) *Value {
	return &Value{Data: data, Op: op, children: children, local: local}
}

// Add returns v + o.
func (v *Value) Add(o *Value) *Value {
	return newOp(v.Data+o.Data, "+", []*Value{v, o}, []float64{1, 1})
}

// Sub returns v - o.
func (v *Value) Sub(o *Value) *Value {
	return newOp(v.Data-o.Data, "-", []*Value{v, o}, []float64{1, -1})
}

// Mul returns v * o.
func (v *Value) Mul(o *Value) *Value {
	return newOp(v.Data*o.Data, "*", []*Value{v, o}, []float64{o.Data, v.Data})
}

// Div returns v / o.
func (v *Value) Div(o *Value) *Value {
	return newOp(v.Data/o.Data, "/", []*Value{v, o},
		[]float64{1 / o.Data, -v.Data / (o.Data * o.Data)})
}

// AddF returns v + c for a constant c (the constant becomes a leaf of the graph).
func (v *Value) AddF(c float64) *Value { return v.Add(V(c)) }

// SubF returns v - c for a constant c.
func (v *Value) SubF(c float64) *Value { return v.Sub(V(c)) }

// MulF returns v * c for a constant c.
func (v *Value) MulF(c float64) *Value { return v.Mul(V(c)) }

// DivF returns v / c for a constant c.
func (v *Value) DivF(c float64) *Value { return v.Div(V(c)) }

// Neg returns -v.
func (v *Value) Neg() *Value {
	return newOp(-v.Data, "neg", []*Value{v}, []float64{-1})
}

// Pow returns v raised to the constant power p.
func (v *Value) Pow(p float64) *Value {
	return newOp(math.Pow(v.Data, p), fmt.Sprintf("**%g", p), []*Value{v},
		[]float64{p * math.Pow(v.Data, p-1)})
}

// Exp returns e**v.
func (v *Value) Exp() *Value {
	e := math.Exp(v.Data)
	return newOp(e, "exp", []*Value{v}, []float64{e})
}

// Log returns the natural logarithm of v.
func (v *Value) Log() *Value {
	return newOp(math.Log(v.Data), "log", []*Value{v}, []float64{1 / v.Data})
}

// Tanh returns tanh(v).
func (v *Value) Tanh() *Value {
	t := math.Tanh(v.Data)
	return newOp(t, "tanh", []*Value{v}, []float64{1 - t*t})
}

// ReLU returns max(v, 0); its derivative at 0 is taken as 0.
func (v *Value) ReLU() *Value {
	if v.Data > 0 {
		return newOp(v.Data, "relu", []*Value{v}, []float64{1})
	}
	return newOp(0, "relu", []*Value{v}, []float64{0})
}

// Sigmoid returns 1 / (1 + e**-v).
func (v *Value) Sigmoid() *Value {
	s := sigmoid64(v.Data)
	return newOp(s, "sigmoid", []*Value{v}, []float64{s * (1 - s)})
}

// String shows the label (if any), the data and the gradient.
func (v *Value) String() string {
	if v.Label != "" {
		return fmt.Sprintf("Value(%s data=%.4g grad=%.4g)", v.Label, v.Data, v.Grad)
	}
	return fmt.Sprintf("Value(data=%.4g grad=%.4g)", v.Data, v.Grad)
}

func sigmoid64(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}
