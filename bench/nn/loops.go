package main

import (
	"math/rand"
	"time"

	"github.com/gograd/gograd/nn"
)

// workload is one benchmark figure's shapes.
type workload struct {
	name    string
	sizes   []int
	act     string
	loss    nn.LossFunc
	batch   int
	lr      float64
	classes int // 0: regression targets
}

var (
	tiny = workload{name: "tiny", sizes: []int{2, 16, 16, 1}, act: "tanh", loss: nn.MSE, batch: 32, lr: 0.01}
	big  = workload{name: "mlp784", sizes: []int{784, 128, 64, 10}, act: "relu", loss: nn.SoftmaxCrossEntropy,
		batch: 64, lr: 0.01, classes: 10}
)

// data returns nb synthetic batches: inputs uniform in [-1, 1), targets uniform or class
// indices.
func (w workload) data(nb int) *nn.Dataset {
	rng := rand.New(rand.NewSource(1))
	n, in := nb*w.batch, w.sizes[0]
	x := make([]float32, n*in)
	for i := range x {
		x[i] = float32(2*rng.Float64() - 1)
	}
	y := make([]float32, n)
	for i := range y {
		if w.classes > 0 {
			y[i] = float32(rng.Intn(w.classes))
		} else {
			y[i] = float32(2*rng.Float64() - 1)
		}
	}
	return &nn.Dataset{X: nn.NewTensor(x, n, in), Y: nn.NewTensor(y, n, 1)}
}

// train runs steps SGD steps and returns the time per step and the last loss.
func (w workload) train(steps int) (time.Duration, float64) {
	data := w.data(16)
	model := nn.MLP(w.sizes, w.act, 1)
	opt := nn.NewSGD(model.Parameters(), w.lr, 0)
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
	run(steps / 10) // warm up buffers and caches
	start := time.Now()
	run(steps)
	return time.Since(start) / time.Duration(steps), last
}
