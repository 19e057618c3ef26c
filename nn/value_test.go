package nn

import (
	"math"
	"testing"
)

// numDeriv differentiates f at x by central differences.
func numDeriv(f func(x float64) float64, x float64) float64 {
	const h = 1e-6
	return (f(x+h) - f(x-h)) / (2 * h)
}

func TestValueOpsMatchFiniteDifferences(t *testing.T) {
	cases := []struct {
		name string
		x    float64
		v    func(x *Value) *Value
		f    func(x float64) float64
	}{
		{"add", 0.7, func(x *Value) *Value { return x.Add(x.MulF(3)) }, func(x float64) float64 { return 4 * x }},
		{"sub", 0.7, func(x *Value) *Value { return V(2).Sub(x.Mul(x)) }, func(x float64) float64 { return 2 - x*x }},
		{"mul", -1.3, func(x *Value) *Value { return x.Mul(x).Mul(x) }, func(x float64) float64 { return x * x * x }},
		{"div", 0.9, func(x *Value) *Value { return V(1).Div(x.AddF(2)) }, func(x float64) float64 { return 1 / (x + 2) }},
		{"addf subf divf", 0.4, func(x *Value) *Value { return x.AddF(1).SubF(3).DivF(2) }, func(x float64) float64 { return (x - 2) / 2 }},
		{"neg", 0.4, func(x *Value) *Value { return x.Mul(x).Neg() }, func(x float64) float64 { return -x * x }},
		{"pow", 1.5, func(x *Value) *Value { return x.Pow(2.5) }, func(x float64) float64 { return math.Pow(x, 2.5) }},
		{"exp", 0.3, func(x *Value) *Value { return x.MulF(2).Exp() }, func(x float64) float64 { return math.Exp(2 * x) }},
		{"log", 2.2, func(x *Value) *Value { return x.Mul(x).Log() }, func(x float64) float64 { return math.Log(x * x) }},
		{"tanh", 0.5, func(x *Value) *Value { return x.Tanh() }, math.Tanh},
		{"relu positive", 0.5, func(x *Value) *Value { return x.MulF(3).ReLU() }, func(x float64) float64 { return math.Max(3*x, 0) }},
		{"relu negative", -0.5, func(x *Value) *Value { return x.ReLU() }, func(x float64) float64 { return math.Max(x, 0) }},
		{"sigmoid", -0.8, func(x *Value) *Value { return x.Sigmoid() }, func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := NewValue(c.x, "x")
			out := c.v(x)
			if want := c.f(c.x); math.Abs(out.Data-want) > 1e-12 {
				t.Fatalf("forward = %v, want %v", out.Data, want)
			}
			out.Backward()
			if want := numDeriv(c.f, c.x); math.Abs(x.Grad-want) > 1e-6 {
				t.Errorf("dx = %v, finite differences say %v", x.Grad, want)
			}
		})
	}
}

// neuron computes tanh(w1*x1 + w2*x2 + b), micrograd's example.
func TestValueGraphIsInspectable(t *testing.T) {
	x1, w1 := NewValue(2, "x1"), NewValue(-3, "w1")
	x2, w2 := NewValue(0, "x2"), NewValue(1, "w2")
	b := NewValue(6.8813735870195432, "b")
	n := x1.Mul(w1).Add(x2.Mul(w2)).Add(b)
	o := n.Tanh()
	o.Backward()
	if math.Abs(o.Data-0.7071) > 1e-4 || math.Abs(n.Grad-0.5) > 1e-6 {
		t.Errorf("o = %v, dn = %v; want 0.7071 and 0.5", o.Data, n.Grad)
	}
	if math.Abs(x1.Grad+1.5) > 1e-6 || math.Abs(w1.Grad-1) > 1e-6 || math.Abs(w2.Grad) > 1e-12 {
		t.Errorf("grads x1 %v w1 %v w2 %v; want -1.5, 1, 0", x1.Grad, w1.Grad, w2.Grad)
	}
	topo := o.Topo()
	if len(topo) != 10 || topo[len(topo)-1] != o {
		t.Fatalf("topo has %d nodes ending in %v; want 10 ending in o", len(topo), topo[len(topo)-1])
	}
	pos := map[*Value]int{}
	for i, v := range topo {
		pos[v] = i
		for _, c := range v.Children() {
			if _, ok := pos[c]; !ok {
				t.Errorf("node %s comes before its child %s", v, c)
			}
		}
	}
	// The chain rule as a notebook shows it: each child's grad sums local × upstream.
	if ch, lg := o.Children(), o.LocalGrads(); len(ch) != 1 || ch[0] != n || math.Abs(lg[0]-0.5) > 1e-6 || o.Op != "tanh" {
		t.Errorf("o: op %q children %v local %v", o.Op, ch, lg)
	}
	if lg := x1.Mul(w1).LocalGrads(); lg[0] != -3 || lg[1] != 2 {
		t.Errorf("local grads of x1*w1 = %v, want [-3 2]", lg)
	}
	o.ZeroGrad()
	for _, v := range topo {
		if v.Grad != 0 {
			t.Errorf("after ZeroGrad %s", v)
		}
	}
}

func TestValueAgreesWithTensor(t *testing.T) {
	xs := []float64{0.5, -1.2, 2.0}
	// f = sum_i sigmoid(tanh(x_i * w) + exp(x_i)/3)^2 with w = 0.7
	w := NewValue(0.7, "w")
	var vs []*Value
	f := V(0)
	for _, x := range xs {
		xv := NewValue(x, "x")
		vs = append(vs, xv)
		f = f.Add(xv.Mul(w).Tanh().Add(xv.Exp().DivF(3)).Sigmoid().Pow(2))
	}
	f.Backward()

	xt := FromFloat64(xs, 3).SetRequiresGrad(true)
	wt := FromFloat64([]float64{0.7}, 1).SetRequiresGrad(true)
	ft := Sum(Pow(Sigmoid(Add(Tanh(Mul(xt, wt)), Scale(Exp(xt), 1.0/3))), 2))
	ft.Backward()

	if math.Abs(ft.Item()-f.Data) > 1e-5 {
		t.Errorf("value %v, tensor %v", f.Data, ft.Item())
	}
	if math.Abs(wt.GradAt(0)-w.Grad) > 1e-5 {
		t.Errorf("dw: value %v, tensor %v", w.Grad, wt.GradAt(0))
	}
	for i, v := range vs {
		if math.Abs(xt.GradAt(i)-v.Grad) > 1e-5 {
			t.Errorf("dx%d: value %v, tensor %v", i, v.Grad, xt.GradAt(i))
		}
	}
}
