//go:build !amd64 || purego

package nn

// hasFMA is false: there is no assembly kernel for this platform or build.
const hasFMA = false

func kern6x16(k int, a *float32, ars, acs int, b *float32, ldb int, c *float32, ldc int) {
	panic("nn: no assembly kernel")
}

func kern4x16(k int, a *float32, ars, acs int, b *float32, ldb int, c *float32, ldc int) {
	panic("nn: no assembly kernel")
}

func tanh8(dst, src []float32) { panic("nn: no assembly kernel") }

func tanhGrad8(dx, g, y []float32) { panic("nn: no assembly kernel") }

func axpy8(y, x []float32, a float32) { panic("nn: no assembly kernel") }

func dot8(x, y []float32) float32 { panic("nn: no assembly kernel") }

func stats8(w, prev, g []float32) (d2, w2, g2 float32) { panic("nn: no assembly kernel") }

func adam8(p, g, m, v []float32, b1, b2, step, eps float32) { panic("nn: no assembly kernel") }

func relu8(dst, src []float32) { panic("nn: no assembly kernel") }

func reluGrad8(dx, g, x []float32) { panic("nn: no assembly kernel") }

func exp8(dst, src []float32) { panic("nn: no assembly kernel") }

func sigmoid8(dst, src []float32) { panic("nn: no assembly kernel") }
