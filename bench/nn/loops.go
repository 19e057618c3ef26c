package main

import (
	"fmt"
	"time"

	"github.com/gograd/gograd/nn"
)

// workload is one benchmark figure's shapes. Its data comes from nn's own generators so
// that the same loop written in a cell sees the same numbers.
type workload struct {
	name     string
	sizes    []int
	act      string
	lossName string // nn function name, for the cell
	loss     nn.LossFunc
	batch    int
	steps    int
	dataExpr string // Go expression building the data set, for the cell
	data     func() *nn.Dataset
}

var (
	tiny = workload{name: "tiny", sizes: []int{2, 16, 16, 1}, act: "tanh", lossName: "MSE", loss: nn.MSE,
		batch: 32, steps: 20000, dataExpr: "nn.Moons(512, 0.1, 1)",
		data: func() *nn.Dataset { return nn.Moons(512, 0.1, 1) }}
	big = workload{name: "mlp784", sizes: []int{784, 128, 64, 10}, act: "relu", lossName: "SoftmaxCrossEntropy",
		loss: nn.SoftmaxCrossEntropy, batch: 64, steps: 300, dataExpr: "nn.Blobs(1024, 10, 784, 1, 1)",
		data: func() *nn.Dataset { return nn.Blobs(1024, 10, 784, 1, 1) }}
)

// trainer is a model, its optimizer and its data, ready to run steps.
type trainer struct {
	w     workload
	data  *nn.Dataset
	model *nn.Sequential
	opt   *nn.SGD
	last  float64
}

func (w workload) trainer() *trainer {
	model := nn.MLP(w.sizes, w.act, 1)
	return &trainer{w: w, data: w.data(), model: model, opt: nn.NewSGD(model.Parameters(), 0.01, 0)}
}

// run makes n SGD steps: the loop cell.go's template writes in a cell.
func (t *trainer) run(n int) {
	for step := 0; step < n; step++ {
		x, y := t.data.Batch(step, t.w.batch)
		loss := t.w.loss(t.model.Forward(x), y)
		t.opt.ZeroGrad()
		loss.Backward()
		t.opt.Step()
		t.last = loss.Item()
	}
}

// train runs steps steps after a warm-up, best of five, and returns the time per step and
// the last loss.
func (w workload) train(steps int) (time.Duration, float64) {
	t := w.trainer()
	t.run(steps / 10)
	best := time.Duration(1<<63 - 1)
	for r := 0; r < 5; r++ {
		start := time.Now()
		t.run(steps)
		best = min(best, time.Since(start)/time.Duration(steps))
	}
	return best, t.last
}

// lossAfter trains a fresh model for steps steps and returns the loss, formatted exactly.
func (w workload) lossAfter(steps int) string {
	t := w.trainer()
	t.run(steps)
	return fmt.Sprintf("%.9g", t.last)
}
