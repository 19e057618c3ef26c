package nn_test

import (
	"context"
	"fmt"

	"github.com/gograd/gograd/nn"
)

// The chain rule on scalars: each node's gradient is the sum over its uses of the local
// derivative times the upstream gradient.
func ExampleValue_Backward() {
	a, b := nn.NewValue(2, "a"), nn.NewValue(-3, "b")
	c := a.Mul(b).Add(a) // c = a*b + a
	c.Backward()
	fmt.Println(c.Data, a.Grad, b.Grad) // dc/da = b + 1, dc/db = a
	// Output: -4 -2 2
}

// The four steps of training, written out.
func ExampleMLP() {
	data := nn.XOR(4, 0, 0)
	model := nn.MLP([]int{2, 8, 1}, "tanh", 1)
	opt := nn.NewSGD(model.Parameters(), 0.1, 0.9)
	for step := 0; step < 500; step++ {
		x, y := data.Batch(step, 4)
		loss := nn.MSE(model.Forward(x), y) // 1. forward, 2. loss
		opt.ZeroGrad()
		loss.Backward() // 3. backward
		opt.Step()      // 4. update
	}
	fmt.Println(nn.Argmax(model.Forward(data.X)), data.Labels)
	// Output: [0 1 1 0] [0 1 1 0]
}

// Fit runs the same loop over shuffled mini-batches and records a History.
func ExampleFit() {
	digits, err := nn.Digits()
	if err != nil {
		panic(err)
	}
	train, test := digits.Split(0.2, 1)
	mean, std := train.Standardize()
	test.StandardizeWith(mean, std)
	model := nn.MLP([]int{64, 32, 10}, "relu", 1)
	h, err := nn.Fit(context.Background(), model, train, nn.FitConfig{
		Epochs: 5, BatchSize: 32, LearningRate: 0.05, Loss: nn.SoftmaxCrossEntropy})
	fmt.Println(err, len(h.Steps), h.LayerNames, nn.Evaluate(model, test) > 0.9)
	// Output: <nil> 220 [1:Linear(64→32) 2:Linear(32→10)] true
}

// GradCheck compares Backward with finite differences: "is my backward right?"
func ExampleGradCheck() {
	w := nn.FromRows([][]float64{{0.5, -1}, {2, 0.1}}).SetRequiresGrad(true)
	x := nn.FromRows([][]float64{{1, 2}})
	r := nn.GradCheck(func() *nn.Tensor { return nn.Sum(nn.Tanh(nn.MatMul(x, w))) }, []*nn.Tensor{w}, 0)
	fmt.Println(r.Checked, r.OK(1e-3))
	// Output: 4 true
}
