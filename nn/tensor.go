package nn

import (
	"fmt"
	"strings"
)

// Tensor is an n-dimensional float32 array, row-major, with reverse-mode autograd. A tensor
// made by an operation remembers its parents and how to send gradients back to them;
// Backward on a one-element result fills Grad of every tensor that requires gradients.
type Tensor struct {
	shape []int
	data  []float32
	grad  []float32

	requiresGrad bool
	op           string
	parents      []*Tensor
	backward     func() // sends t.grad to the parents' grads; nil for leaves

	dims     [2]int     // backing store of shape for tensors of up to two dimensions
	one      [2]float32 // backing store of data and grad for one-element results (losses)
	mark     bool       // DFS mark, always false outside Backward
	released bool       // a Backward went through it: its owner may reuse the buffers
	topo     []*Tensor  // scratch for Backward on this root
}

// NewTensor returns a tensor holding data (not copied) with the given shape. It panics if
// the shape does not match len(data).
func NewTensor(data []float32, shape ...int) *Tensor {
	if len(shape) == 0 {
		shape = []int{len(data)}
	}
	if n := numel(shape); n != len(data) {
		panic(fmt.Sprintf("nn: NewTensor: shape %v needs %d values, got %d", shape, n, len(data)))
	}
	t := &Tensor{data: data}
	t.setShape(shape)
	return t
}

// setShape sets t's shape to a copy of shape, without allocating up to two dimensions.
func (t *Tensor) setShape(shape []int) {
	if len(shape) <= len(t.dims) {
		t.shape = t.dims[:copy(t.dims[:], shape)]
		return
	}
	t.shape = append([]int(nil), shape...)
}

// Zeros returns a tensor of zeros with the given shape.
func Zeros(shape ...int) *Tensor {
	return NewTensor(make([]float32, numel(shape)), shape...)
}

// Full returns a tensor with every element set to v.
func Full(v float64, shape ...int) *Tensor {
	t := Zeros(shape...)
	for i := range t.data {
		t.data[i] = float32(v)
	}
	return t
}

// Scalar returns a one-element tensor of shape [1].
func Scalar(v float64) *Tensor { return NewTensor([]float32{float32(v)}, 1) }

// FromFloat64 returns a tensor with a float32 copy of data and the given shape.
func FromFloat64(data []float64, shape ...int) *Tensor {
	d := make([]float32, len(data))
	for i, v := range data {
		d[i] = float32(v)
	}
	return NewTensor(d, shape...)
}

// FromRows returns a 2-D tensor from rows of equal length.
func FromRows(rows [][]float64) *Tensor {
	if len(rows) == 0 {
		return Zeros(0, 0)
	}
	c := len(rows[0])
	d := make([]float32, 0, len(rows)*c)
	for i, r := range rows {
		if len(r) != c {
			panic(fmt.Sprintf("nn: FromRows: row %d has %d values, row 0 has %d", i, len(r), c))
		}
		for _, v := range r {
			d = append(d, float32(v))
		}
	}
	return NewTensor(d, len(rows), c)
}

// Param returns a copy of t that requires gradients: a leaf an optimizer can update.
func Param(t *Tensor) *Tensor {
	p := NewTensor(append([]float32(nil), t.data...), t.shape...)
	p.requiresGrad = true
	return p
}

// SetRequiresGrad marks t as a leaf whose gradient Backward computes, and returns t.
func (t *Tensor) SetRequiresGrad(on bool) *Tensor {
	t.requiresGrad = on
	return t
}

// RequiresGrad reports whether Backward computes a gradient for t.
func (t *Tensor) RequiresGrad() bool { return t.requiresGrad }

// Shape returns a copy of t's dimensions.
func (t *Tensor) Shape() []int { return append([]int(nil), t.shape...) }

// Dims returns the number of dimensions.
func (t *Tensor) Dims() int { return len(t.shape) }

// Data returns t's values (not a copy: writing to it changes t).
func (t *Tensor) Data() []float32 { return t.data }

// Grad returns d(root)/d(t) after a Backward, or nil before any Backward reached t.
func (t *Tensor) Grad() []float32 { return t.grad }

// Len returns the number of elements.
func (t *Tensor) Len() int { return len(t.data) }

// Rows returns the first dimension of a 2-D tensor (1 for a 1-D tensor).
func (t *Tensor) Rows() int {
	if len(t.shape) == 1 {
		return 1
	}
	return t.shape[0]
}

// Cols returns the last dimension.
func (t *Tensor) Cols() int { return t.shape[len(t.shape)-1] }

// Op returns the name of the operation that made t, or "" for a leaf.
func (t *Tensor) Op() string { return t.op }

// Parents returns the inputs of the operation that made t.
func (t *Tensor) Parents() []*Tensor { return append([]*Tensor(nil), t.parents...) }

// At returns the element at the given indices, one per dimension.
func (t *Tensor) At(idx ...int) float64 { return float64(t.data[t.offset(idx)]) }

// Set sets the element at the given indices to v.
func (t *Tensor) Set(v float64, idx ...int) { t.data[t.offset(idx)] = float32(v) }

// GradAt returns the gradient at the given indices (0 before Backward).
func (t *Tensor) GradAt(idx ...int) float64 {
	if t.grad == nil {
		return 0
	}
	return float64(t.grad[t.offset(idx)])
}

// Item returns the value of a one-element tensor, such as a loss.
func (t *Tensor) Item() float64 {
	if len(t.data) != 1 {
		panic(fmt.Sprintf("nn: Item of a tensor of shape %v", t.shape))
	}
	return float64(t.data[0])
}

// Float64s returns a float64 copy of t's values.
func (t *Tensor) Float64s() []float64 {
	out := make([]float64, len(t.data))
	for i, v := range t.data {
		out[i] = float64(v)
	}
	return out
}

// Clone returns a detached copy of t: same shape and values, no graph, no gradient.
func (t *Tensor) Clone() *Tensor {
	return NewTensor(append([]float32(nil), t.data...), t.shape...)
}

// ZeroGrad sets t's gradient to zero (if it has one).
func (t *Tensor) ZeroGrad() {
	for i := range t.grad {
		t.grad[i] = 0
	}
}

// String shows the shape and up to the first 8 values.
func (t *Tensor) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Tensor%v[", t.shape)
	for i, v := range t.data {
		if i == 8 {
			b.WriteString(" ...")
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%.4g", v)
	}
	b.WriteByte(']')
	return b.String()
}

func (t *Tensor) offset(idx []int) int {
	if len(idx) != len(t.shape) {
		panic(fmt.Sprintf("nn: %d indices for a tensor of shape %v", len(idx), t.shape))
	}
	off := 0
	for d, i := range idx {
		if i < 0 || i >= t.shape[d] {
			panic(fmt.Sprintf("nn: index %v out of range for shape %v", idx, t.shape))
		}
		off = off*t.shape[d] + i
	}
	return off
}

func numel(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

func sameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
