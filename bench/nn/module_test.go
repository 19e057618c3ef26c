package main

import (
	"context"
	"strings"
	"testing"
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
x, _ := data.Batch(0, 4)
fmt.Println(err, len(h.Steps), model, nn.Sub(model.Forward(x), nn.Scale(lin.Forward(x), 2)).Data())
`
	out, err := runCell(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	if want := "<nil> 3 Sequential(Linear(2→1), Module) [0 0 0 0]"; strings.TrimSpace(out) != want {
		t.Errorf("cell printed %q, want %q", out, want)
	}
}
