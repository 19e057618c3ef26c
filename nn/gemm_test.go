package nn

import (
	"math"
	"math/rand"
	"testing"
)

// naive returns a·b for operands given with strides, in float64.
func naive(m, n, k int, a, b mat) []float64 {
	c := make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			for p := 0; p < k; p++ {
				c[i*n+j] += float64(a.data[i*a.rs+p*a.cs]) * float64(b.data[p*b.rs+j*b.cs])
			}
		}
	}
	return c
}

func TestGemmMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	shapes := [][3]int{{1, 1, 1}, {4, 16, 3}, {5, 17, 2}, {3, 1, 7}, {32, 16, 16}, {64, 10, 64},
		{7, 33, 0}, {64, 128, 784}, {130, 40, 70}, {130, 40, 700}, {7, 3, 600}}
	for _, s := range shapes {
		m, n, k := s[0], s[1], s[2]
		for _, ta := range []bool{false, true} {
			for _, tb := range []bool{false, true} {
				a, b := make([]float32, m*k), make([]float32, k*n)
				for i := range a {
					a[i] = float32(rng.NormFloat64())
				}
				for i := range b {
					b[i] = float32(rng.NormFloat64())
				}
				am, bm := rowMajor(a, k), rowMajor(b, n)
				if ta {
					am = rowMajor(a, m).transposed()
				}
				if tb {
					bm = rowMajor(b, k).transposed()
				}
				c := make([]float32, m*n)
				for i := range c {
					c[i] = 1
				}
				gemm(m, n, k, am, bm, c, n, &gemmWork{})
				want := naive(m, n, k, am, bm)
				check := func(how string) {
					for i := range c {
						if d := math.Abs(float64(c[i]) - 1 - want[i]); d > 1e-4*math.Sqrt(float64(k)+1)*4 {
							t.Fatalf("%s %dx%dx%d ta=%v tb=%v: c[%d] = %v, want 1+%v", how, m, n, k, ta, tb, i, c[i], want[i])
						}
					}
				}
				check("gemm")
				if hasFMA && k > 0 {
					for i := range c {
						c[i] = 1
					}
					tl, rowsOuter := plan(m, n, am)
					gemmParallel(tl, rowsOuter, (n+tileN-1)/tileN, m, n, k, am, bm, c, n, &gemmWork{})
					check("parallel")
				}
			}
		}
	}
}

func TestTanh32IsAccurate(t *testing.T) {
	worst := 0.0
	for x := -12.0; x <= 12; x += 0.000731 {
		got := float64(tanh32(float32(x)))
		want := math.Tanh(float64(float32(x)))
		worst = math.Max(worst, math.Abs(got-want)/math.Max(math.Abs(want), 1e-30))
	}
	if worst > 1e-6 { // about 8 ulps
		t.Errorf("tanh32 relative error up to %v", worst)
	}
}

func TestPositiveMask(t *testing.T) {
	for _, x := range []float32{1, 1e-40, 3e38, 0, float32(math.Copysign(0, -1)), -1e-40, -2, float32(math.Inf(1)), float32(math.Inf(-1))} {
		want := uint32(0)
		if x > 0 {
			want = ^uint32(0)
		}
		if got := positive(x); got != want {
			t.Errorf("positive(%v) = %x, want %x", x, got, want)
		}
	}
	if y := ReLU(FromFloat64([]float64{math.NaN()}, 1)); !math.IsNaN(y.At(0)) {
		t.Errorf("ReLU(NaN) = %v, want NaN to propagate", y.At(0))
	}
}

func TestTanhVectorMatchesScalar(t *testing.T) {
	src := make([]float32, 1003)
	for i := range src {
		src[i] = float32(i-501) * 0.023
	}
	dst := make([]float32, len(src))
	actForward(actTanh, 0, dst, src)
	for i, x := range src {
		want := math.Tanh(float64(x))
		if d := math.Abs(float64(dst[i]) - want); d > 1e-6*math.Max(math.Abs(want), 1e-3) {
			t.Fatalf("tanh(%v) = %v, want %v", x, dst[i], want)
		}
	}
}

func TestVectorKernelsMatchScalar(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, n := range []int{0, 5, 8, 29, 64} {
		x, g, y := make([]float32, n), make([]float32, n), make([]float32, n)
		for i := range x {
			x[i], g[i], y[i] = float32(rng.NormFloat64()), float32(rng.NormFloat64()), float32(rng.Float64()*2-1)
		}
		dx := append([]float32(nil), x...)
		actBackward(actTanh, 0, dx, g, nil, y)
		ax := append([]float32(nil), x...)
		axpy(ax, g, -0.3)
		var want float64
		for i := range x {
			want += float64(x[i]) * float64(g[i])
		}
		if d := dot(x, g); math.Abs(float64(d)-want) > 1e-4 {
			t.Fatalf("n=%d dot = %v, want %v", n, d, want)
		}
		prev := append([]float32(nil), y...)
		var wd2, ww2, wg2 float64
		for i := range x {
			d := float64(x[i]) - float64(prev[i])
			wd2, ww2, wg2 = wd2+d*d, ww2+float64(x[i])*float64(x[i]), wg2+float64(g[i])*float64(g[i])
		}
		d2, w2, g2 := updateStats(x, prev, g)
		if math.Abs(d2-wd2) > 1e-4 || math.Abs(w2-ww2) > 1e-4 || math.Abs(g2-wg2) > 1e-4 {
			t.Fatalf("n=%d updateStats = %v %v %v, want %v %v %v", n, d2, w2, g2, wd2, ww2, wg2)
		}
		for i := range x {
			if prev[i] != x[i] {
				t.Fatalf("n=%d updateStats did not copy w into prev at %d", n, i)
			}
		}
		if _, _, g2 := updateStats(x, prev, nil); g2 != 0 {
			t.Fatalf("n=%d nil gradient gave %v", n, g2)
		}
		for i := range x {
			want := float64(x[i]) + float64(g[i])*(1-float64(y[i])*float64(y[i]))
			if math.Abs(float64(dx[i])-want) > 1e-5 {
				t.Fatalf("n=%d tanh grad [%d] = %v, want %v", n, i, dx[i], want)
			}
			if want := float64(x[i]) - 0.3*float64(g[i]); math.Abs(float64(ax[i])-want) > 1e-5 {
				t.Fatalf("n=%d axpy [%d] = %v, want %v", n, i, ax[i], want)
			}
		}
	}
}

func TestTanhPropagatesNaN(t *testing.T) {
	src := make([]float32, 19)
	src[3], src[17] = float32(math.NaN()), float32(math.NaN())
	dst := make([]float32, len(src))
	actForward(actTanh, 0, dst, src)
	if !math.IsNaN(float64(dst[3])) || !math.IsNaN(float64(dst[17])) || dst[4] != 0 {
		t.Errorf("tanh of NaN: %v", dst)
	}
}

func TestReLUVectorMatchesScalar(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	n := 37
	x, g, dx := make([]float32, n), make([]float32, n), make([]float32, n)
	for i := range x {
		x[i], g[i], dx[i] = float32(rng.NormFloat64()), float32(rng.NormFloat64()), float32(rng.NormFloat64())
	}
	x[2], x[30] = 0, 0
	y := make([]float32, n)
	want := append([]float32(nil), dx...)
	actForward(actReLU, 0, y, x)
	actBackward(actReLU, 0, dx, g, x, y)
	for i := range x {
		wy := float32(0)
		if x[i] > 0 {
			wy = x[i]
			want[i] += g[i]
		}
		if y[i] != wy || dx[i] != want[i] {
			t.Fatalf("element %d (x=%v): relu %v grad %v, want %v and %v", i, x[i], y[i], dx[i], wy, want[i])
		}
	}
	nan := []float32{1, 2, 3, 4, 5, 6, 7, float32(math.NaN())}
	relu := make([]float32, 8)
	actForward(actReLU, 0, relu, nan)
	if !math.IsNaN(float64(relu[7])) {
		t.Errorf("ReLU(NaN) = %v in the vector path", relu[7])
	}
}

func TestExpAndSigmoidVectors(t *testing.T) {
	if !hasFMA {
		return // no vector path to compare on this CPU
	}
	src := make([]float32, 4096)
	for i := range src {
		src[i] = float32(i-2048) * 0.0421 // -86.2 .. 86.2
	}
	e, s := make([]float32, len(src)), make([]float32, len(src))
	exp8(e, src)
	sigmoid8(s, src)
	for i, x := range src {
		we := math.Exp(float64(x))
		if d := math.Abs(float64(e[i])-we) / we; d > 4e-7 {
			t.Fatalf("exp(%v) = %v, want %v (relative error %v)", x, e[i], we, d)
		}
		ws := 1 / (1 + math.Exp(-float64(x)))
		if d := math.Abs(float64(s[i]) - ws); d > 2e-7*math.Max(ws, 1e-30)+1e-38 && d/ws > 4e-7 {
			t.Fatalf("sigmoid(%v) = %v, want %v", x, s[i], ws)
		}
	}
	big := []float32{100, -100, 88, -87, 0, 1e-30, -1e-30, float32(math.NaN())}
	exp8(e[:8], big)
	if math.IsInf(float64(e[0]), 0) || e[0] < 1e38 || e[1] <= 0 || e[4] != 1 || !math.IsNaN(float64(e[7])) {
		t.Errorf("exp of extremes: %v", e[:8])
	}
}
