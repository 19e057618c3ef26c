package main

import (
	"context"
	"strings"
	"testing"
	"time"
)

// A cell can define its own layer type and use it wherever nn wants a Module: extract's
// generated wrapper forwards the calls to interpreted methods.
func TestCellImplementsModule(t *testing.T) {
	code := `import "fmt"
type Double struct{}
func (d *Double) Forward(x *nn.Tensor) *nn.Tensor { return nn.Scale(x, 2) }
func (d *Double) Parameters() []*nn.Tensor { return nil }
lin := nn.NewLinear(2, 1, nn.Xavier, 1)
model := nn.NewSequential(lin)
model.Add(&Double{}) // yaegi v0.16.1 cannot pass it to NewSequential's variadic ...Module

data := nn.XOR(4, 0, 0)
h, err := nn.Fit(ctx, model, data, nn.FitConfig{Epochs: 3, BatchSize: 4, LearningRate: 0.01})
fmt.Println(err, len(h.Steps), model, nn.Sub(model.Forward(data.X), nn.Scale(lin.Forward(data.X), 2)).Data())
`
	out, err := runCell(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	if want := "<nil> 3 Sequential(Linear(2→1), Module) [0 0 0 0]"; strings.TrimSpace(out) != want {
		t.Errorf("cell printed %q, want %q", out, want)
	}
}

// GradCheck and Fit's OnStep take func values, which cells write as closures.
func TestCellCallbacks(t *testing.T) {
	code := `import "fmt"
w := nn.FromRows([][]float64{{0.5, -1}, {2, 0.1}}).SetRequiresGrad(true)
x := nn.FromRows([][]float64{{1, 2}})
r := nn.GradCheck(func() *nn.Tensor { return nn.Sum(nn.Tanh(nn.MatMul(x, w))) }, []*nn.Tensor{w}, 0)
calls := 0
h, err := nn.Fit(ctx, nn.MLP([]int{2, 4, 1}, "tanh", 1), nn.XOR(8, 0.1, 1), nn.FitConfig{Epochs: 2, BatchSize: 4,
	OnStep: func(h *nn.History) { calls++ }})
fmt.Println(r.Checked, r.OK(1e-3), err, len(h.Steps), calls)
`
	out, err := runCell(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	if want := "4 true <nil> 4 4"; strings.TrimSpace(out) != want {
		t.Errorf("cell printed %q, want %q", out, want)
	}
}

// Interrupting a cell stops nn.Fit: it returns the context's error and the steps so far.
func TestCellInterruptStopsFit(t *testing.T) {
	code := `import "fmt"
d, _ := nn.Digits()
h, err := nn.Fit(ctx, nn.MLP([]int{64, 256, 256, 10}, "relu", 1), d, nn.FitConfig{Epochs: 1000000, Loss: nn.SoftmaxCrossEntropy})
fmt.Println(len(h.Steps) > 0, err)
`
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	out, err := runCell(ctx, code)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the interrupted cell took %v", took)
	}
	t.Logf("out %q err %v", out, err)
	if err == nil && !strings.Contains(out, "context deadline exceeded") {
		t.Errorf("Fit was not stopped: output %q", out)
	}
}
