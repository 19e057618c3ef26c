package nn

// Module is a layer or a model: something with parameters that maps a batch to a batch.
// Linear, Activation and Sequential implement it.
type Module interface {
	// Forward returns the module's output for the batch x (one example per row).
	Forward(x *Tensor) *Tensor
	// Parameters returns the tensors an optimizer updates.
	Parameters() []*Tensor
}

// reusable returns t when a Backward has gone through it (nobody still needs its values)
// and its shape is shape; otherwise nil.
func reusable(t *Tensor, shape ...int) *Tensor {
	if t == nil || !t.released || !sameShape(t.shape, shape) {
		return nil
	}
	t.released = false
	return t
}
