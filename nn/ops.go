package nn

import (
	"fmt"
	"math"
)

// MatMul returns the matrix product of a (m×k) and b (k×n).
func MatMul(a, b *Tensor) *Tensor {
	if len(a.shape) != 2 || len(b.shape) != 2 || a.shape[1] != b.shape[0] {
		panic(fmt.Sprintf("nn: MatMul: shapes %v and %v do not multiply", a.shape, b.shape))
	}
	m, k, n := a.shape[0], a.shape[1], b.shape[1]
	t := newResult("matmul", []int{m, n}, a, b)
	w := &gemmWork{}
	matmulInto(t.data, a.data, b.data, m, k, n, w)
	if t.requiresGrad {
		t.backward = func() {
			if a.requiresGrad { // dA += dT · Bᵀ
				gemm(m, k, n, rowMajor(t.grad, n), rowMajor(b.data, n).transposed(), a.grad, k, w)
			}
			if b.requiresGrad { // dB += Aᵀ · dT
				gemm(k, n, m, rowMajor(a.data, k).transposed(), rowMajor(t.grad, n), b.grad, n, w)
			}
		}
	}
	return t
}

var (
	addOp = binaryOp{"+", func(x, y float32) float32 { return x + y },
		func(x, y, z float32) float32 { return 1 }, func(x, y, z float32) float32 { return 1 }}
	subOp = binaryOp{"-", func(x, y float32) float32 { return x - y },
		func(x, y, z float32) float32 { return 1 }, func(x, y, z float32) float32 { return -1 }}
	mulOp = binaryOp{"*", func(x, y float32) float32 { return x * y },
		func(x, y, z float32) float32 { return y }, func(x, y, z float32) float32 { return x }}
	divOp = binaryOp{"/", func(x, y float32) float32 { return x / y },
		func(x, y, z float32) float32 { return 1 / y }, func(x, y, z float32) float32 { return -z / y }}
)

// Add returns a + b elementwise, broadcasting numpy-style (a bias row adds to every row).
func Add(a, b *Tensor) *Tensor { return addOp.apply(a, b) }

// Sub returns a - b elementwise, with broadcasting.
func Sub(a, b *Tensor) *Tensor { return subOp.apply(a, b) }

// Mul returns a * b elementwise, with broadcasting.
func Mul(a, b *Tensor) *Tensor { return mulOp.apply(a, b) }

// Div returns a / b elementwise, with broadcasting.
func Div(a, b *Tensor) *Tensor { return divOp.apply(a, b) }

// Scale returns a * c for a constant c.
func Scale(a *Tensor, c float64) *Tensor {
	s := float32(c)
	return unaryOp{"scale", func(x float32) float32 { return x * s },
		func(x, z float32) float32 { return s }}.apply(a)
}

// AddScalar returns a + c for a constant c.
func AddScalar(a *Tensor, c float64) *Tensor {
	s := float32(c)
	return unaryOp{"+c", func(x float32) float32 { return x + s },
		func(x, z float32) float32 { return 1 }}.apply(a)
}

// Neg returns -a.
func Neg(a *Tensor) *Tensor { return Scale(a, -1) }

// Exp returns e**a elementwise.
func Exp(a *Tensor) *Tensor {
	return unaryOp{"exp", func(x float32) float32 { return float32(math.Exp(float64(x))) },
		func(x, z float32) float32 { return z }}.apply(a)
}

// Log returns the natural logarithm of a elementwise.
func Log(a *Tensor) *Tensor {
	return unaryOp{"log", func(x float32) float32 { return float32(math.Log(float64(x))) },
		func(x, z float32) float32 { return 1 / x }}.apply(a)
}

// Pow returns a**p elementwise for a constant p.
func Pow(a *Tensor, p float64) *Tensor {
	return unaryOp{"pow", func(x float32) float32 { return float32(math.Pow(float64(x), p)) },
		func(x, z float32) float32 { return float32(p * math.Pow(float64(x), p-1)) }}.apply(a)
}

// Sum returns the sum of all elements as a one-element tensor.
func Sum(a *Tensor) *Tensor {
	t := newResult("sum", []int{1}, a)
	var s float64
	for _, v := range a.data {
		s += float64(v)
	}
	t.data[0] = float32(s)
	if t.requiresGrad {
		t.backward = func() {
			g := t.grad[0]
			for i := range a.grad {
				a.grad[i] += g
			}
		}
	}
	return t
}

// Mean returns the mean of all elements as a one-element tensor.
func Mean(a *Tensor) *Tensor {
	return Scale(Sum(a), 1/float64(len(a.data)))
}

// SumRows returns the column sums of a 2-D tensor (shape [1, cols]).
func SumRows(a *Tensor) *Tensor {
	r, c := a.Rows(), a.Cols()
	t := newResult("sumrows", []int{1, c}, a)
	for i := 0; i < r; i++ {
		addInto(t.data, a.data[i*c:i*c+c])
	}
	if t.requiresGrad {
		t.backward = func() {
			for i := 0; i < r; i++ {
				addInto(a.grad[i*c:i*c+c], t.grad)
			}
		}
	}
	return t
}

// Reshape returns a's values with a new shape of the same size; one dimension may be -1.
func Reshape(a *Tensor, shape ...int) *Tensor {
	shape = append([]int(nil), shape...)
	known, free := 1, -1
	for i, d := range shape {
		if d == -1 {
			free = i
		} else {
			known *= d
		}
	}
	if free >= 0 && known > 0 {
		shape[free] = len(a.data) / known
	}
	if numel(shape) != len(a.data) {
		panic(fmt.Sprintf("nn: Reshape: cannot view shape %v as %v", a.shape, shape))
	}
	t := newResult("reshape", shape, a)
	copy(t.data, a.data)
	if t.requiresGrad {
		t.backward = func() { addInto(a.grad, t.grad) }
	}
	return t
}

// Transpose returns the transpose of a 2-D tensor.
func Transpose(a *Tensor) *Tensor {
	if len(a.shape) != 2 {
		panic(fmt.Sprintf("nn: Transpose needs a 2-D tensor, got shape %v", a.shape))
	}
	r, c := a.shape[0], a.shape[1]
	t := newResult("transpose", []int{c, r}, a)
	transposeInto(t.data, a.data, r, c)
	if t.requiresGrad {
		t.backward = func() {
			tmp := make([]float32, r*c)
			transposeInto(tmp, t.grad, c, r)
			addInto(a.grad, tmp)
		}
	}
	return t
}

// IndexRows returns the rows of a (first dimension) at the given indices, in order: a batch.
func IndexRows(a *Tensor, idx []int) *Tensor {
	r := a.shape[0]
	w := len(a.data) / max(r, 1)
	shape := append([]int{len(idx)}, a.shape[1:]...)
	t := newResult("rows", shape, a)
	for j, i := range idx {
		if i < 0 || i >= r {
			panic(fmt.Sprintf("nn: IndexRows: row %d out of range for shape %v", i, a.shape))
		}
		copy(t.data[j*w:j*w+w], a.data[i*w:i*w+w])
	}
	if t.requiresGrad {
		t.backward = func() {
			for j, i := range idx {
				addInto(a.grad[i*w:i*w+w], t.grad[j*w:j*w+w])
			}
		}
	}
	return t
}

// SliceRows returns rows [from, to) of a as a new tensor.
func SliceRows(a *Tensor, from, to int) *Tensor {
	if from < 0 || to > a.shape[0] || from > to {
		panic(fmt.Sprintf("nn: SliceRows: [%d, %d) out of range for shape %v", from, to, a.shape))
	}
	idx := make([]int, to-from)
	for i := range idx {
		idx[i] = from + i
	}
	return IndexRows(a, idx)
}
