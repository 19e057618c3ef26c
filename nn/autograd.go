package nn

import "fmt"

// newResult returns the tensor made by op from parents, with a fresh buffer of the given
// shape. It requires gradients when any parent does.
func newResult(op string, shape []int, parents ...*Tensor) *Tensor {
	t := &Tensor{op: op, parents: parents}
	if n := numel(shape); n == 1 {
		t.data = t.one[:1:1]
	} else {
		t.data = make([]float32, n)
	}
	t.setShape(shape)
	for _, p := range parents {
		if p.requiresGrad {
			t.requiresGrad = true
		}
	}
	return t
}

// Backward computes the gradient of t, which must have one element (a loss), with respect
// to every tensor of its graph that requires gradients. Intermediate gradients are zeroed
// first; leaf gradients (parameters) accumulate, so call the optimizer's ZeroGrad between
// steps.
func (t *Tensor) Backward() {
	if len(t.data) != 1 {
		panic(fmt.Sprintf("nn: Backward needs a one-element tensor, got shape %v", t.shape))
	}
	if !t.requiresGrad {
		panic("nn: Backward on a tensor that depends on no tensor requiring gradients")
	}
	order := t.topoOrder()
	for _, n := range order {
		if n.backward == nil {
			if n.grad == nil {
				n.grad = make([]float32, len(n.data))
			}
			continue
		}
		switch {
		case len(n.grad) == len(n.data):
			clear(n.grad)
		case len(n.data) == 1 && &n.data[0] == &n.one[0]:
			n.grad = n.one[1:2:2]
		default:
			n.grad = make([]float32, len(n.data))
		}
	}
	t.grad[0] = 1
	for i := len(order) - 1; i >= 0; i-- {
		if n := order[i]; n.backward != nil {
			n.backward()
		}
	}
	for _, n := range order {
		if n.backward != nil {
			n.released = true
		}
	}
}

// topoOrder lists the tensors of t's graph that require gradients, parents first.
func (t *Tensor) topoOrder() []*Tensor {
	order := t.topo[:0]
	if order == nil {
		order = make([]*Tensor, 0, 32)
	}
	order = t.visit(order)
	for _, n := range order {
		n.mark = false
	}
	t.topo = order
	return order
}

// visit appends t's graph to order, parents first, marking what it appended.
func (t *Tensor) visit(order []*Tensor) []*Tensor {
	if t.mark || !t.requiresGrad {
		return order
	}
	t.mark = true
	for _, p := range t.parents {
		order = p.visit(order)
	}
	return append(order, t)
}
