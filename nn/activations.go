package nn

import (
	"fmt"
	"math"
)

// ReLU returns max(a, 0) elementwise.
func ReLU(a *Tensor) *Tensor { return applyAct(actReLU, a, 0) }

// LeakyReLU returns a where a > 0 and slope*a elsewhere.
func LeakyReLU(a *Tensor, slope float64) *Tensor { return applyAct(actLeaky, a, float32(slope)) }

// Tanh returns tanh(a) elementwise.
func Tanh(a *Tensor) *Tensor { return applyAct(actTanh, a, 0) }

// Sigmoid returns 1/(1+e**-a) elementwise.
func Sigmoid(a *Tensor) *Tensor { return applyAct(actSigmoid, a, 0) }

// Softmax returns the softmax of each row of a 2-D tensor (of a 1-D tensor as one row),
// computed stably by subtracting the row maximum.
func Softmax(a *Tensor) *Tensor {
	r, c := a.Rows(), a.Cols()
	t := newResult("softmax", append([]int(nil), a.shape...), a)
	for i := 0; i < r; i++ {
		softmaxRow(t.data[i*c:i*c+c], a.data[i*c:i*c+c])
	}
	if t.requiresGrad {
		t.backward = func() {
			for i := 0; i < r; i++ {
				s, g := t.data[i*c:i*c+c], t.grad[i*c:i*c+c]
				var dot float32
				for j := range s {
					dot += s[j] * g[j]
				}
				for j := range s {
					a.grad[i*c+j] += s[j] * (g[j] - dot)
				}
			}
		}
	}
	return t
}

// softmaxRow sets dst to the softmax of src and returns log(sum(exp(src))), both computed
// after subtracting the maximum so that nothing overflows.
func softmaxRow(dst, src []float32) float64 {
	m := src[0]
	for _, v := range src {
		m = max(m, v)
	}
	dst = dst[:len(src)]
	for j, v := range src {
		dst[j] = v - m
	}
	done := 0
	if hasFMA {
		done = len(dst) &^ 7
		exp8(dst[:done], dst[:done])
	}
	for j := done; j < len(dst); j++ {
		dst[j] = float32(math.Exp(float64(dst[j])))
	}
	var s float64
	for _, e := range dst {
		s += float64(e)
	}
	inv := float32(1 / s)
	for j := range dst {
		dst[j] *= inv
	}
	return float64(m) + math.Log(s)
}

// actKind names an elementwise activation.
type actKind int

const (
	actIdentity actKind = iota
	actReLU
	actLeaky
	actTanh
	actSigmoid
)

var actNames = [...]string{"identity", "relu", "leakyrelu", "tanh", "sigmoid"}

func parseAct(name string) actKind {
	for i, n := range actNames {
		if n == name {
			return actKind(i)
		}
	}
	switch name {
	case "", "linear", "none":
		return actIdentity
	case "leaky_relu", "leaky":
		return actLeaky
	}
	panic(fmt.Sprintf("nn: unknown activation %q (want relu, leakyrelu, tanh, sigmoid or identity)", name))
}

func applyAct(k actKind, a *Tensor, slope float32) *Tensor {
	t := newResult(actNames[k], append([]int(nil), a.shape...), a)
	actForward(k, slope, t.data, a.data)
	if t.requiresGrad {
		t.backward = func() { actBackward(k, slope, a.grad, t.grad, a.data, t.data) }
	}
	return t
}

// actForward sets dst to the activation of src.
func actForward(k actKind, slope float32, dst, src []float32) {
	switch k {
	case actIdentity:
		copy(dst, src)
	case actReLU:
		dst, done := dst[:len(src)], 0
		if hasFMA {
			done = len(src) &^ 7
			relu8(dst[:done], src[:done])
		}
		for i := done; i < len(src); i++ {
			dst[i] = math.Float32frombits(math.Float32bits(src[i]) & positive(src[i]))
		}
	case actLeaky:
		for i, x := range src {
			if x > 0 {
				dst[i] = x
			} else {
				dst[i] = slope * x
			}
		}
	case actTanh:
		done := 0
		if hasFMA {
			done = len(src) &^ 7
			tanh8(dst, src[:done])
		}
		for i := done; i < len(src); i++ {
			dst[i] = tanh32(src[i])
		}
	case actSigmoid:
		done := 0
		if hasFMA {
			done = len(src) &^ 7
			sigmoid8(dst[:done], src[:done])
		}
		for i := done; i < len(src); i++ {
			dst[i] = float32(sigmoid64(float64(src[i])))
		}
	}
}

// actBackward adds upstream g times the activation's derivative into dx.
func actBackward(k actKind, slope float32, dx, g, x, y []float32) {
	switch k {
	case actIdentity:
		addInto(dx, g)
	case actReLU:
		g, dx = g[:len(x)], dx[:len(x)]
		done := 0
		if hasFMA {
			done = len(x) &^ 7
			reluGrad8(dx[:done], g[:done], x[:done])
		}
		for i := done; i < len(x); i++ {
			dx[i] += math.Float32frombits(math.Float32bits(g[i]) & positive(x[i]))
		}
	case actLeaky:
		for i, v := range x {
			if v > 0 {
				dx[i] += g[i]
			} else {
				dx[i] += slope * g[i]
			}
		}
	case actTanh:
		y, done := y[:len(g)], 0
		if hasFMA {
			done = len(y) &^ 7
			tanhGrad8(dx[:done], g[:done], y[:done])
		}
		for i := done; i < len(y); i++ {
			dx[i] += g[i] * (1 - y[i]*y[i])
		}
	case actSigmoid:
		for i, z := range y[:len(g)] {
			dx[i] += g[i] * z * (1 - z)
		}
	}
}

// positive returns all ones when x > 0 (or x is a NaN with a clear sign bit, so ReLU
// propagates NaN) and zero otherwise, without a branch: signs of activations are random, and a branch mispredicts half the time.
func positive(x float32) uint32 {
	b := int32(math.Float32bits(x))
	return uint32((-b &^ b) >> 31)
}

// tanh32 is tanh in float32: Eigen's rational approximation (a degree 13/6 ratio of odd
// and even polynomials on [-7.9, 7.9], saturated beyond), a few ulps from math.Tanh and many
// times faster.
func tanh32(x float32) float32 {
	const clamp = 7.90531110763549805
	if x > clamp {
		x = clamp
	} else if x < -clamp {
		x = -clamp
	}
	x2 := x * x
	p := x2*-2.76076847742355e-16 + 2.00018790482477e-13
	p = p*x2 + -8.60467152213735e-11
	p = p*x2 + 5.12229709037114e-08
	p = p*x2 + 1.48572235717979e-05
	p = p*x2 + 6.37261928875436e-04
	p = p*x2 + 4.89352455891786e-03
	q := x2*1.19825839466702e-06 + 1.18534705686654e-04
	q = q*x2 + 2.26843463243900e-03
	q = q*x2 + 4.89352518554385e-03
	return (x * p) / q
}
