package nn

import (
	"math"
	"math/rand"
	"testing"
)

func TestLayersAndLossesMatchFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	x := randT(rng, -1, 1, 6, 3)
	labels := FromFloat64([]float64{0, 2, 1, 1, 0, 2}, 6, 1)
	cases := []struct {
		name string
		act  string
		loss LossFunc
		y    *Tensor
		outs int
	}{
		{"tanh mse", "tanh", MSE, randT(rng, -1, 1, 6, 2).SetRequiresGrad(false), 2},
		{"relu softmax-xent labels", "relu", SoftmaxCrossEntropy, labels, 3},
		{"sigmoid softmax-xent one-hot", "sigmoid", SoftmaxCrossEntropy, OneHot([]int{0, 2, 1, 1, 0, 2}, 3), 3},
		{"leakyrelu bce-logits", "leakyrelu", BCEWithLogits, FromFloat64([]float64{0, 1, 1, 0, 1, 0}, 6, 1), 1},
		{"identity mse", "identity", MSE, randT(rng, -1, 1, 6, 1).SetRequiresGrad(false), 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := MLP([]int{3, 5, 4, c.outs}, c.act, 7)
			inputs := append(m.Parameters(), x)
			r := GradCheck(func() *Tensor { return c.loss(m.Forward(x), c.y) }, inputs, 1e-2)
			if !r.OK(5e-3) {
				t.Errorf("backward disagrees with finite differences: %+v", r)
			}
		})
	}
	t.Run("bce on sigmoid", func(t *testing.T) {
		p := randT(rng, -1, 1, 6, 1)
		y := FromFloat64([]float64{0, 1, 1, 0, 1, 0}, 6, 1)
		if r := GradCheck(func() *Tensor { return BCE(Sigmoid(p), y) }, []*Tensor{p}, 1e-2); !r.OK(5e-3) {
			t.Errorf("%+v", r)
		}
		a, b := BCE(Sigmoid(p), y).Item(), BCEWithLogits(p, y).Item()
		if math.Abs(a-b) > 1e-5 {
			t.Errorf("BCE(sigmoid) %v != BCEWithLogits %v", a, b)
		}
	})
}

func TestSoftmaxCrossEntropyIsStable(t *testing.T) {
	logits := FromFloat64([]float64{1000, 0, -1000, 50, 50, 50}, 2, 3).SetRequiresGrad(true)
	loss := SoftmaxCrossEntropy(logits, FromFloat64([]float64{1, 0}, 2))
	loss.Backward()
	// row 0: log-sum-exp = 1000, target 1 → 1000; row 1: uniform → log 3.
	want := (1000 + math.Log(3)) / 2
	if math.Abs(loss.Item()-want) > 1e-2 {
		t.Errorf("loss %v, want %v", loss.Item(), want)
	}
	for _, g := range logits.Grad() {
		if math.IsNaN(float64(g)) || math.IsInf(float64(g), 0) {
			t.Fatalf("non-finite gradient %v", logits.Grad())
		}
	}
}

func TestForwardDoesNotOverwriteAnUnusedResult(t *testing.T) {
	m := MLP([]int{2, 3, 1}, "tanh", 1)
	a := m.Forward(FromFloat64([]float64{1, 2}, 1, 2))
	va := a.Item()
	b := m.Forward(FromFloat64([]float64{-1, 0.5}, 1, 2))
	if a == b || a.Item() != va {
		t.Fatalf("second Forward overwrote the first result (%v -> %v)", va, a.Item())
	}
	MSE(b, Scalar(0)).Backward()
	c := m.Forward(FromFloat64([]float64{1, 2}, 1, 2))
	if c != b || c.Item() != va {
		t.Errorf("after Backward the buffer should be reused: same %v, value %v want %v", c == b, c.Item(), va)
	}
	if len(m.Activations()) != 3 || m.Activations()[2] != c {
		t.Errorf("Activations = %v", m.Activations())
	}
}

func TestMLPIsReproducibleAndInitialisedToScale(t *testing.T) {
	a, b := MLP([]int{64, 100, 10}, "relu", 3), MLP([]int{64, 100, 10}, "relu", 3)
	pa, pb := a.Parameters(), b.Parameters()
	for i := range pa {
		for j := range pa[i].data {
			if pa[i].data[j] != pb[i].data[j] {
				t.Fatalf("same seed, different weights at param %d [%d]", i, j)
			}
		}
	}
	if c := MLP([]int{64, 100, 10}, "relu", 4); c.Parameters()[0].data[0] == pa[0].data[0] {
		t.Errorf("different seeds gave the same first weight")
	}
	w := pa[0].Float64s()
	var s2 float64
	for _, v := range w {
		s2 += v * v
	}
	if std, want := math.Sqrt(s2/float64(len(w))), math.Sqrt(2.0/64); math.Abs(std-want) > 0.1*want {
		t.Errorf("He init std %v, want %v", std, want)
	}
	x := MLP([]int{30, 20, 10}, "tanh", 3).Parameters()[0].Float64s()
	lim := math.Sqrt(6.0 / 50)
	for _, v := range x {
		if math.Abs(v) > lim {
			t.Fatalf("Xavier weight %v beyond %v", v, lim)
		}
	}
}

func TestOptimizers(t *testing.T) {
	p := FromFloat64([]float64{1, -2}, 2).SetRequiresGrad(true)
	p.grad = []float32{0.5, 1}
	sgd := NewSGD([]*Tensor{p}, 0.1, 0.9)
	sgd.Step() // v = g
	sgd.Step() // v = 0.9g + g = 1.9g
	if got, want := p.At(0), 1-0.1*0.5*2.9; math.Abs(got-want) > 1e-6 {
		t.Errorf("sgd momentum: %v, want %v", got, want)
	}
	sgd.SetLR(0)
	before := p.At(1)
	sgd.Step()
	if p.At(1) != before || sgd.LR() != 0 {
		t.Errorf("SetLR(0) still moved the weight")
	}
	q := FromFloat64([]float64{1, -2}, 2).SetRequiresGrad(true)
	q.grad = []float32{0.5, -4}
	adam := NewAdam([]*Tensor{q}, 0.01)
	adam.Step() // first Adam step moves each weight by lr·sign(g)
	if math.Abs(q.At(0)-0.99) > 1e-5 || math.Abs(q.At(1)+1.99) > 1e-5 {
		t.Errorf("adam first step: %v", q.Float64s())
	}
	adam.ZeroGrad()
	if q.grad[0] != 0 || q.grad[1] != 0 {
		t.Errorf("ZeroGrad left %v", q.grad)
	}
}

func TestRecorderMeasuresGradNormsAndUpdates(t *testing.T) {
	m := MLP([]int{2, 3, 1}, "tanh", 1)
	opt := NewSGD(m.Parameters(), 0.5, 0)
	rec := NewRecorder(m)
	x, y := XOR(4, 0, 0).Batch(0, 4)
	loss := MSE(m.Forward(x), y)
	opt.ZeroGrad()
	loss.Backward()
	l1 := m.Layers[0].(*Linear)
	var g2, w2 float64
	for _, p := range []*Tensor{l1.W, l1.B} {
		for _, g := range p.grad {
			g2 += float64(g) * float64(g)
		}
	}
	opt.Step()
	for _, p := range []*Tensor{l1.W, l1.B} {
		for _, w := range p.data {
			w2 += float64(w) * float64(w)
		}
	}
	s := rec.Record(loss)
	if len(s.GradNorms) != 2 || len(rec.History.LayerNames) != 2 {
		t.Fatalf("want 2 layers, got %v %v", s.GradNorms, rec.History.LayerNames)
	}
	if math.Abs(s.GradNorms[0]-math.Sqrt(g2)) > 1e-6*math.Sqrt(g2) {
		t.Errorf("grad norm %v, want %v", s.GradNorms[0], math.Sqrt(g2))
	}
	// plain SGD: the update is lr·g, so the ratio is lr‖g‖/‖w‖.
	if want := 0.5 * math.Sqrt(g2) / math.Sqrt(w2); math.Abs(s.UpdateRatios[0]-want) > 1e-4*want {
		t.Errorf("update ratio %v, want %v", s.UpdateRatios[0], want)
	}
	if !math.IsNaN(s.ValLoss) || s.Loss != loss.Item() {
		t.Errorf("loss %v val %v", s.Loss, s.ValLoss)
	}
}

func TestLinearTakesASingleExample(t *testing.T) {
	l := NewLinear(3, 2, Xavier, 1)
	x := FromFloat64([]float64{1, -2, 0.5}, 3).SetRequiresGrad(true)
	batch := l.Forward(FromFloat64([]float64{1, -2, 0.5}, 1, 3))
	one := l.Forward(x)
	if s := one.Shape(); len(s) != 2 || s[0] != 1 || s[1] != 2 || one.At(0, 1) != batch.At(0, 1) {
		t.Fatalf("single example gave %v, batch gave %v", one, batch)
	}
	if r := GradCheck(func() *Tensor { return weighted(l.Forward(x), 9) }, []*Tensor{x, l.W}, 1e-2); !r.OK(5e-3) {
		t.Errorf("%+v", r)
	}
}

func TestAdamVectorMatchesScalar(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	p := randT(rng, -1, 1, 37)
	q := p.Clone()
	p.grad, q.grad = make([]float32, 37), make([]float32, 37)
	a, b := NewAdam([]*Tensor{p}, 0.01), NewAdam([]*Tensor{q}, 0.01)
	for step := 0; step < 5; step++ {
		for i := range p.grad {
			p.grad[i] = float32(rng.NormFloat64())
			q.grad[i] = p.grad[i]
		}
		a.Step()
		// the reference: Adam written out in float64
		b.t++
		c1 := 1 - math.Pow(b.Beta1, float64(b.t))
		c2 := 1 - math.Pow(b.Beta2, float64(b.t))
		if len(b.m) == 0 {
			b.m, b.v = [][]float32{make([]float32, 37)}, [][]float32{make([]float32, 37)}
		}
		for j, g := range q.grad {
			b.m[0][j] = float32(b.Beta1*float64(b.m[0][j]) + (1-b.Beta1)*float64(g))
			b.v[0][j] = float32(b.Beta2*float64(b.v[0][j]) + (1-b.Beta2)*float64(g)*float64(g))
			mh, vh := float64(b.m[0][j])/c1, float64(b.v[0][j])/c2
			q.data[j] -= float32(b.Rate * mh / (math.Sqrt(vh) + b.Eps))
		}
	}
	for j := range p.data {
		if math.Abs(float64(p.data[j]-q.data[j])) > 1e-5 {
			t.Fatalf("element %d: %v, reference %v", j, p.data[j], q.data[j])
		}
	}
}

func TestLinearLiteral(t *testing.T) {
	l := &Linear{W: Param(FromRows([][]float64{{1, 2}, {3, 4}, {5, 6}})), B: Param(FromRows([][]float64{{0.5, -0.5}}))}
	y := l.Forward(FromRows([][]float64{{1, 0, -1}}))
	if l.In() != 3 || l.Out() != 2 || y.At(0, 0) != 1-5+0.5 || y.At(0, 1) != 2-6-0.5 {
		t.Errorf("literal Linear: %v → %v", l, y)
	}
}
