//go:build amd64 && !purego

package nn

import "golang.org/x/sys/cpu"

// hasFMA reports whether the assembly kernel can run on this CPU.
var hasFMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// kern6x16 adds A·B to a 6×16 tile of C (see kernel_amd64.s); strides are in bytes.
//
//go:noescape
func kern6x16(k int, a *float32, ars, acs int, b *float32, ldb int, c *float32, ldc int)

// kern4x16 adds A·B to a 4×16 tile of C (see kernel_amd64.s); strides are in bytes.
//
//go:noescape
func kern4x16(k int, a *float32, ars, acs int, b *float32, ldb int, c *float32, ldc int)

// tanh8 sets dst[i] = tanh32(src[i]) for the first len(src)/8*8 elements (see
// tanh_amd64.s).
//
//go:noescape
func tanh8(dst, src []float32)

// tanhGrad8 adds g[i]*(1-y[i]²) to dx[i] for the first len(y)/8*8 elements (see
// vec_amd64.s).
//
//go:noescape
func tanhGrad8(dx, g, y []float32)

// axpy8 adds a*x[i] to y[i] for the first len(y)/8*8 elements (see vec_amd64.s).
//
//go:noescape
func axpy8(y, x []float32, a float32)

// dot8 returns the dot product of the first len(x)/8*8 elements of x and y (see
// vec_amd64.s).
//
//go:noescape
func dot8(x, y []float32) float32

// stats8 returns Σ(w-prev)², Σw² and Σg² over the first len(w)/8*8 elements and copies
// those elements of w into prev (see vec_amd64.s).
//
//go:noescape
func stats8(w, prev, g []float32) (d2, w2, g2 float32)

// adam8 applies one Adam update to the first len(p)/8*8 elements (see vec_amd64.s).
//
//go:noescape
func adam8(p, g, m, v []float32, b1, b2, step, eps float32)

// relu8 sets dst[i] = max(src[i], 0) for the first len(src)/8*8 elements (see vec_amd64.s).
//
//go:noescape
func relu8(dst, src []float32)

// reluGrad8 adds g[i] to dx[i] where x[i] > 0, for the first len(x)/8*8 elements (see
// vec_amd64.s).
//
//go:noescape
func reluGrad8(dx, g, x []float32)

// exp8 sets dst[i] = e**src[i] for the first len(src)/8*8 elements (see exp_amd64.s).
//
//go:noescape
func exp8(dst, src []float32)

// sigmoid8 sets dst[i] = 1/(1+e**-src[i]) for the first len(src)/8*8 elements (see
// exp_amd64.s).
//
//go:noescape
func sigmoid8(dst, src []float32)
