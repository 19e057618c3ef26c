package nn

import (
	"fmt"
	"math/rand"
	"strings"
)

// Activation is a parameter-free layer applying an elementwise activation (relu,
// leakyrelu, tanh, sigmoid, identity) or a row softmax ("softmax").
type Activation struct {
	Name  string
	Slope float64 // negative-side slope of leakyrelu

	y *Tensor // output of the last Forward, reused once Backward went through it
}

// NewActivation returns the activation layer with the given name; it panics on an unknown
// name.
func NewActivation(name string) *Activation {
	if name != "softmax" {
		parseAct(name)
	}
	return &Activation{Name: name, Slope: 0.01}
}

// Parameters returns nil: activations have none.
func (a *Activation) Parameters() []*Tensor { return nil }

// String names the activation.
func (a *Activation) String() string { return a.Name }

// Forward applies the activation to x.
func (a *Activation) Forward(x *Tensor) *Tensor {
	if a.Name == "softmax" {
		return Softmax(x)
	}
	k := parseAct(a.Name)
	slope := float32(a.Slope)
	y := reusable(a.y, x.shape...)
	if y == nil {
		y = &Tensor{data: make([]float32, len(x.data)), op: actNames[k], parents: make([]*Tensor, 1)}
		y.setShape(x.shape)
		y.backward = func() {
			x := y.parents[0]
			actBackward(k, float32(a.Slope), x.grad, y.grad, x.data, y.data)
		}
		a.y = y
	}
	y.parents[0] = x
	y.requiresGrad = x.requiresGrad
	actForward(k, slope, y.data, x.data)
	return y
}

// Sequential chains modules: each one's output is the next one's input.
type Sequential struct {
	Layers []Module

	acts []*Tensor
}

// NewSequential returns a Sequential of the given layers. A layer type defined in a cell
// goes in with Add: yaegi v0.16.1 cannot pass it through this variadic parameter.
func NewSequential(layers ...Module) *Sequential { return &Sequential{Layers: layers} }

// Add appends a layer and returns s.
func (s *Sequential) Add(m Module) *Sequential {
	s.Layers = append(s.Layers, m)
	return s
}

// Forward runs x through every layer in order.
func (s *Sequential) Forward(x *Tensor) *Tensor {
	if len(s.acts) != len(s.Layers) {
		s.acts = make([]*Tensor, len(s.Layers))
	}
	for i, l := range s.Layers {
		x = l.Forward(x)
		s.acts[i] = x
	}
	return x
}

// Activations returns the output of each layer from the last Forward (nil before one).
func (s *Sequential) Activations() []*Tensor { return append([]*Tensor(nil), s.acts...) }

// Parameters returns the parameters of every layer, in order.
func (s *Sequential) Parameters() []*Tensor {
	var ps []*Tensor
	for _, l := range s.Layers {
		ps = append(ps, l.Parameters()...)
	}
	return ps
}

// String lists the layers.
func (s *Sequential) String() string {
	names := make([]string, len(s.Layers))
	for i, l := range s.Layers {
		names[i] = layerName(l)
	}
	return "Sequential(" + strings.Join(names, ", ") + ")"
}

// MLP returns a multilayer perceptron with the given layer sizes (inputs first, outputs
// last): Linear layers with the activation between them and none after the last. Weights
// use the initialiser that suits the activation (InitFor), drawn from a generator seeded
// with seed, so the same call builds the same network.
func MLP(sizes []int, activation string, seed int64) *Sequential {
	if len(sizes) < 2 {
		panic(fmt.Sprintf("nn: MLP needs at least 2 sizes, got %v", sizes))
	}
	init := InitFor(activation)
	rng := rand.New(rand.NewSource(seed))
	s := &Sequential{}
	for i := 0; i+1 < len(sizes); i++ {
		s.Layers = append(s.Layers, newLinear(sizes[i], sizes[i+1], init, rng))
		if i+2 < len(sizes) {
			s.Layers = append(s.Layers, NewActivation(activation))
		}
	}
	return s
}

// layerName is a module's String, or "Module" for one without (such as a layer type defined
// in a cell, which reaches nn through a generated wrapper).
func layerName(m Module) string {
	if s, ok := m.(fmt.Stringer); ok {
		return s.String()
	}
	return "Module"
}
