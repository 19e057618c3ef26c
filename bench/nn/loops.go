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

// train runs the SGD loop for steps steps after a warm-up, best of three, and returns the
// time per step and the last loss. cell.go's template is the same loop.
func (w workload) train(steps int) (time.Duration, float64) {
	data := w.data()
	model := nn.MLP(w.sizes, w.act, 1)
	opt := nn.NewSGD(model.Parameters(), 0.01, 0)
	var last float64
	run := func(n int) {
		for step := 0; step < n; step++ {
			x, y := data.Batch(step, w.batch)
			loss := w.loss(model.Forward(x), y)
			opt.ZeroGrad()
			loss.Backward()
			opt.Step()
			last = loss.Item()
		}
	}
	run(steps / 10)
	best := time.Duration(1<<63 - 1)
	for r := 0; r < 3; r++ {
		start := time.Now()
		run(steps)
		best = min(best, time.Since(start)/time.Duration(steps))
	}
	return best, last
}

// lossAfter trains a fresh model for steps steps and returns the loss, formatted exactly.
func (w workload) lossAfter(steps int) string {
	data := w.data()
	model := nn.MLP(w.sizes, w.act, 1)
	opt := nn.NewSGD(model.Parameters(), 0.01, 0)
	var last float64
	for step := 0; step < steps; step++ {
		x, y := data.Batch(step, w.batch)
		loss := w.loss(model.Forward(x), y)
		opt.ZeroGrad()
		loss.Backward()
		opt.Step()
		last = loss.Item()
	}
	return fmt.Sprintf("%.9g", last)
}
