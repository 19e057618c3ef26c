package nn

import "fmt"

// broadcastShape returns the numpy-style broadcast of two shapes, or panics with both.
func broadcastShape(op string, a, b []int) []int {
	n := max(len(a), len(b))
	out := make([]int, n)
	for i := 0; i < n; i++ {
		da, db := dimFromEnd(a, n-1-i), dimFromEnd(b, n-1-i)
		switch {
		case da == db, db == 1:
			out[i] = da
		case da == 1:
			out[i] = db
		default:
			panic(fmt.Sprintf("nn: %s: shapes %v and %v do not broadcast", op, a, b))
		}
	}
	return out
}

func dimFromEnd(s []int, k int) int {
	if k < len(s) {
		return s[len(s)-1-k]
	}
	return 1
}

// broadcastIndex returns, for each element of the output shape, the flat index of the
// element of an input of shape in that it reads.
func broadcastIndex(in, out []int) []int32 {
	n := numel(out)
	idx := make([]int32, n)
	strides := make([]int, len(out))
	s := 1
	for i := len(out) - 1; i >= 0; i-- {
		k := len(out) - 1 - i
		if d := dimFromEnd(in, k); d != 1 {
			strides[i] = s
			s *= d
		}
	}
	pos := make([]int, len(out))
	cur := 0
	for e := 0; e < n; e++ {
		idx[e] = int32(cur)
		for d := len(out) - 1; d >= 0; d-- {
			pos[d]++
			cur += strides[d]
			if pos[d] < out[d] {
				break
			}
			cur -= strides[d] * pos[d]
			pos[d] = 0
		}
	}
	return idx
}

// binaryOp is an elementwise op with broadcasting: f gives the value, da and db the partial
// derivatives with respect to each input at (x, y, result).
type binaryOp struct {
	name   string
	f      func(x, y float32) float32
	da, db func(x, y, z float32) float32
}

func (op binaryOp) apply(a, b *Tensor) *Tensor {
	if sameShape(a.shape, b.shape) {
		return op.applySame(a, b)
	}
	shape := broadcastShape(op.name, a.shape, b.shape)
	ia, ib := broadcastIndex(a.shape, shape), broadcastIndex(b.shape, shape)
	t := newResult(op.name, shape, a, b)
	for i := range t.data {
		t.data[i] = op.f(a.data[ia[i]], b.data[ib[i]])
	}
	if t.requiresGrad {
		t.backward = func() {
			for i, g := range t.grad {
				x, y, z := a.data[ia[i]], b.data[ib[i]], t.data[i]
				if a.requiresGrad {
					a.grad[ia[i]] += g * op.da(x, y, z)
				}
				if b.requiresGrad {
					b.grad[ib[i]] += g * op.db(x, y, z)
				}
			}
		}
	}
	return t
}

func (op binaryOp) applySame(a, b *Tensor) *Tensor {
	t := newResult(op.name, append([]int(nil), a.shape...), a, b)
	for i := range t.data {
		t.data[i] = op.f(a.data[i], b.data[i])
	}
	if t.requiresGrad {
		t.backward = func() {
			for i, g := range t.grad {
				x, y, z := a.data[i], b.data[i], t.data[i]
				if a.requiresGrad {
					a.grad[i] += g * op.da(x, y, z)
				}
				if b.requiresGrad {
					b.grad[i] += g * op.db(x, y, z)
				}
			}
		}
	}
	return t
}

// unaryOp is an elementwise op: f gives the value, d the derivative at (x, result).
type unaryOp struct {
	name string
	f    func(x float32) float32
	d    func(x, z float32) float32
}

func (op unaryOp) apply(a *Tensor) *Tensor {
	t := newResult(op.name, append([]int(nil), a.shape...), a)
	for i, x := range a.data {
		t.data[i] = op.f(x)
	}
	if t.requiresGrad {
		t.backward = func() {
			for i, g := range t.grad {
				a.grad[i] += g * op.d(a.data[i], t.data[i])
			}
		}
	}
	return t
}
