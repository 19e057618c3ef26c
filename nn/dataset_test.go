package nn

import (
	"math"
	"testing"
)

func TestEmbeddedDatasets(t *testing.T) {
	iris, err := Iris()
	if err != nil {
		t.Fatal(err)
	}
	if s := iris.X.Shape(); s[0] != 150 || s[1] != 4 || iris.NumClasses() != 3 || iris.Classes[2] != "virginica" {
		t.Errorf("iris: X %v, classes %v", s, iris.Classes)
	}
	if iris.X.At(0, 0) != float64(float32(5.1)) || iris.Labels[149] != 2 {
		t.Errorf("iris first value %v, last label %d", iris.X.At(0, 0), iris.Labels[149])
	}
	digits, err := Digits()
	if err != nil {
		t.Fatal(err)
	}
	if s := digits.X.Shape(); s[0] != 1797 || s[1] != 64 || digits.NumClasses() != 10 {
		t.Errorf("digits: X %v, %d classes", s, digits.NumClasses())
	}
	counts := make([]int, 10)
	for _, l := range digits.Labels {
		counts[l]++
	}
	for c, n := range counts {
		if n < 170 || n > 190 {
			t.Errorf("digit %d appears %d times", c, n)
		}
	}
}

func TestSyntheticDatasetsAreSeeded(t *testing.T) {
	makers := map[string]func(seed int64) *Dataset{
		"xor":     func(s int64) *Dataset { return XOR(40, 0.1, s) },
		"moons":   func(s int64) *Dataset { return Moons(40, 0.1, s) },
		"circles": func(s int64) *Dataset { return Circles(40, 0.1, s) },
		"spirals": func(s int64) *Dataset { return Spirals(60, 3, 0.2, s) },
		"blobs":   func(s int64) *Dataset { return Blobs(40, 4, 3, 1, s) },
	}
	for name, mk := range makers {
		a, b, c := mk(1), mk(1), mk(2)
		if a.Len() != a.Y.Rows() || len(a.Labels) != a.Len() || a.NumClasses() < 2 {
			t.Errorf("%s: %v", name, a)
		}
		same, differ := true, false
		for i := range a.X.data {
			same = same && a.X.data[i] == b.X.data[i]
			differ = differ || a.X.data[i] != c.X.data[i]
		}
		if !same || !differ {
			t.Errorf("%s: same seed same data %v, other seed other data %v", name, same, differ)
		}
	}
	if x := XOR(4, 0, 0); x.Labels[0] != 0 || x.Labels[1] != 1 || x.Labels[2] != 1 || x.Labels[3] != 0 {
		t.Errorf("XOR truth table labels %v", x.Labels)
	}
}

func TestSplitShuffleBatchStandardize(t *testing.T) {
	d := Blobs(100, 2, 3, 2, 1)
	train, test := d.Split(0.2, 1)
	if train.Len() != 80 || test.Len() != 20 {
		t.Fatalf("split sizes %d/%d", train.Len(), test.Len())
	}
	for i := 0; i < train.Len(); i++ {
		if int(train.Y.At(i, 0)) != train.Labels[i] {
			t.Fatalf("row %d: Y %v, label %d", i, train.Y.At(i, 0), train.Labels[i])
		}
	}
	x, y := train.Batch(3, 32) // 2 whole batches: batch 3 is batch 1
	if x.Rows() != 32 || y.Rows() != 32 || x.At(0, 0) != train.X.At(32, 0) {
		t.Errorf("batch: %v %v", x.Shape(), y.Shape())
	}
	mean, std := train.Standardize()
	if len(mean) != 3 || len(std) != 3 {
		t.Fatalf("mean %v std %v", mean, std)
	}
	for j := 0; j < 3; j++ {
		var s, s2 float64
		for i := 0; i < train.Len(); i++ {
			v := train.X.At(i, j)
			s += v
			s2 += v * v
		}
		m := s / 80
		if math.Abs(m) > 1e-5 || math.Abs(s2/80-m*m-1) > 1e-4 {
			t.Errorf("column %d: mean %v var %v", j, m, s2/80-m*m)
		}
	}
	oh := OneHot([]int{2, 0}, 3)
	if oh.At(0, 2) != 1 || oh.At(1, 0) != 1 || Sum(oh).Item() != 2 {
		t.Errorf("one-hot %v", oh)
	}
}

func TestMetrics(t *testing.T) {
	logits := FromRows([][]float64{{0, 3, 1}, {5, 1, 1}, {0, 0, 2}, {1, 2, 0}})
	pred := Argmax(logits)
	truth := []int{1, 0, 1, 2}
	if pred[0] != 1 || pred[1] != 0 || pred[2] != 2 || pred[3] != 1 {
		t.Fatalf("argmax %v", pred)
	}
	if acc := Accuracy(pred, truth); acc != 0.5 {
		t.Errorf("accuracy %v", acc)
	}
	cm := ConfusionMatrix(pred, truth, 3)
	if cm[1][1] != 1 || cm[0][0] != 1 || cm[1][2] != 1 || cm[2][1] != 1 {
		t.Errorf("confusion %v", cm)
	}
	if b := Argmax(FromFloat64([]float64{0.2, 0.9}, 2, 1)); b[0] != 0 || b[1] != 1 {
		t.Errorf("binary argmax %v", b)
	}
}

func TestConstructors(t *testing.T) {
	f := Full(2.5, 2, 3)
	if f.Len() != 6 || f.At(1, 2) != 2.5 || f.Rows() != 2 || f.Cols() != 3 {
		t.Errorf("Full: %v", f)
	}
	p := Param(f)
	p.Set(1, 0, 0)
	if !p.RequiresGrad() || f.RequiresGrad() || f.At(0, 0) != 2.5 || p.At(0, 0) != 1 {
		t.Errorf("Param must copy and require gradients: %v %v", f, p)
	}
	h := &History{Steps: []StepStats{{Loss: 3}, {Loss: 1}}}
	if l := h.Losses(); len(l) != 2 || l[0] != 3 || l[1] != 1 || h.Last().Loss != 1 {
		t.Errorf("Losses %v", l)
	}
	if s := NewSequential(NewLinear(2, 3, He, 1), NewActivation("relu")).String(); s != "Sequential(Linear(2→3), relu)" {
		t.Errorf("String %q", s)
	}
}
