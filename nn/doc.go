// Package nn is gograd's native backpropagation library: the numerics that notebook cells
// drive at native speed through the interpreter.
//
// It has two levels that teach the same chain rule:
//
//   - Value is a scalar with a gradient, micrograd-style. Every operation records its inputs
//     (Children) and its local derivatives (LocalGrads), so a notebook can walk the graph
//     (Topo) and show how Backward multiplies upstream gradients by local ones.
//   - Tensor is a float32 array with reverse-mode autograd for real training: MatMul,
//     broadcasting Add/Sub/Mul/Div, activations, Sum/Mean, Reshape/Transpose and row
//     indexing. Layers (Linear, Activation, Sequential, MLP), losses (MSE, BCE,
//     SoftmaxCrossEntropy), optimizers (SGD, Adam), a Recorder and Fit build on it.
//
// A training step written by hand stays four lines:
//
//	pred := model.Forward(x)        // 1. forward
//	loss := nn.MSE(pred, y)         // 2. loss
//	opt.ZeroGrad(); loss.Backward() // 3. backward (chain rule)
//	opt.Step()                      // 4. update
//
// # Storage and speed
//
// Tensors store float32, row-major. Matrix products run in a Go-assembly AVX2/FMA
// micro-kernel (kernel_amd64.s: 4×16 and 6×16 register tiles, operands read through strides
// so that backward never transposes); tanh, its derivative, axpy and dot have AVX2 loops too.
// Other CPUs, and builds with -tags purego, use portable Go. Nothing needs cgo. Large
// products are split over two goroutines only from 4 logical CPUs up: on a 2-vCPU VM two
// threads got no more FMA throughput than one.
//
// Layers reuse their output buffers once a Backward has gone through them, so a training
// loop makes only a few small allocations per step; a Forward that is not followed by
// Backward never overwrites an earlier result.
//
// # Invariants
//
// A tensor's Grad is nil until a Backward reaches it. Backward zeroes the gradients of
// intermediate results and accumulates into leaves (parameters), which the optimizer's
// ZeroGrad resets. The API is concrete (no generic functions) so that interpreted cells see
// all of it through yaegi's symbol tables.
//
// # Panics and errors
//
// nn panics only on programmer errors: a shape mismatch (the message names both shapes), an
// index out of range, an unknown activation name. Everything a running cell can meet at run
// time (an interrupted context, a bad configuration) is an error value.
//
// Long calls (Fit) watch their context between steps and return its error, wrapped, with the
// history so far.
package nn
