//go:build amd64 && !purego

#include "textflag.h"

DATA onef<>+0(SB)/4, $0x3f800000
GLOBL onef<>(SB), RODATA|NOPTR, $4

// func tanhGrad8(dx, g, y []float32)
//
// dx[i] += g[i] * (1 - y[i]*y[i]) for the first len(y)/8*8 elements.
TEXT ·tanhGrad8(SB), NOSPLIT, $0-72
	MOVQ dx_base+0(FP), DI
	MOVQ g_base+24(FP), SI
	MOVQ y_base+48(FP), DX
	MOVQ y_len+56(FP), CX
	SHRQ $3, CX
	JEQ  tdone
	VBROADCASTSS onef<>+0(SB), Y15

tloop:
	VMOVUPS     (DX), Y0
	VMOVAPS     Y15, Y1
	VFNMADD231PS Y0, Y0, Y1 // 1 - y*y
	VMOVUPS     (DI), Y2
	VFMADD231PS (SI), Y1, Y2
	VMOVUPS     Y2, (DI)
	ADDQ        $32, DI
	ADDQ        $32, SI
	ADDQ        $32, DX
	DECQ        CX
	JNE         tloop

tdone:
	VZEROUPPER
	RET

// func axpy8(y, x []float32, a float32)
//
// y[i] += a * x[i] for the first len(y)/8*8 elements.
TEXT ·axpy8(SB), NOSPLIT, $0-52
	MOVQ         y_base+0(FP), DI
	MOVQ         y_len+8(FP), CX
	MOVQ         x_base+24(FP), SI
	VBROADCASTSS a+48(FP), Y15
	SHRQ         $3, CX
	JEQ          adone

aloop:
	VMOVUPS     (DI), Y0
	VFMADD231PS (SI), Y15, Y0
	VMOVUPS     Y0, (DI)
	ADDQ        $32, DI
	ADDQ        $32, SI
	DECQ        CX
	JNE         aloop

adone:
	VZEROUPPER
	RET

// func dot8(x, y []float32) float32
//
// Returns the sum of x[i]*y[i] over the first len(x)/8*8 elements.
TEXT ·dot8(SB), NOSPLIT, $0-52
	MOVQ   x_base+0(FP), SI
	MOVQ   x_len+8(FP), CX
	MOVQ   y_base+24(FP), DI
	VXORPS Y0, Y0, Y0
	SHRQ   $3, CX
	JEQ    dsum

dloop:
	VMOVUPS     (SI), Y1
	VFMADD231PS (DI), Y1, Y0
	ADDQ        $32, SI
	ADDQ        $32, DI
	DECQ        CX
	JNE         dloop

dsum:
	VEXTRACTF128 $1, Y0, X1
	VADDPS       X1, X0, X0
	VHADDPS      X0, X0, X0
	VHADDPS      X0, X0, X0
	MOVSS        X0, ret+48(FP)
	VZEROUPPER
	RET

// func stats8(w, prev, g []float32) (d2, w2, g2 float32)
//
// Over the first len(w)/8*8 elements: d2 = Σ(w-prev)², w2 = Σw², g2 = Σg², and prev = w.
TEXT ·stats8(SB), NOSPLIT, $0-84
	MOVQ   w_base+0(FP), SI
	MOVQ   w_len+8(FP), CX
	MOVQ   prev_base+24(FP), DI
	MOVQ   g_base+48(FP), DX
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	SHRQ   $3, CX
	JEQ    ssum

sloop:
	VMOVUPS     (SI), Y3
	VSUBPS      (DI), Y3, Y4
	VFMADD231PS Y4, Y4, Y0
	VFMADD231PS Y3, Y3, Y1
	VMOVUPS     (DX), Y5
	VFMADD231PS Y5, Y5, Y2
	VMOVUPS     Y3, (DI)
	ADDQ        $32, SI
	ADDQ        $32, DI
	ADDQ        $32, DX
	DECQ        CX
	JNE         sloop

ssum:
	VEXTRACTF128 $1, Y0, X3
	VADDPS       X3, X0, X0
	VHADDPS      X0, X0, X0
	VHADDPS      X0, X0, X0
	MOVSS        X0, d2+72(FP)
	VEXTRACTF128 $1, Y1, X3
	VADDPS       X3, X1, X1
	VHADDPS      X1, X1, X1
	VHADDPS      X1, X1, X1
	MOVSS        X1, w2+76(FP)
	VEXTRACTF128 $1, Y2, X3
	VADDPS       X3, X2, X2
	VHADDPS      X2, X2, X2
	VHADDPS      X2, X2, X2
	MOVSS        X2, g2+80(FP)
	VZEROUPPER
	RET

// func adam8(p, g, m, v []float32, b1, b2, step, eps float32)
//
// One Adam update of the first len(p)/8*8 elements:
// m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g²; p -= step*m/(sqrt(v)+eps).
TEXT ·adam8(SB), NOSPLIT, $0-112
	MOVQ         p_base+0(FP), DI
	MOVQ         p_len+8(FP), CX
	MOVQ         g_base+24(FP), SI
	MOVQ         m_base+48(FP), R8
	MOVQ         v_base+72(FP), R9
	VBROADCASTSS b1+96(FP), Y10
	VBROADCASTSS b2+100(FP), Y11
	VBROADCASTSS step+104(FP), Y12
	VBROADCASTSS eps+108(FP), Y13
	VBROADCASTSS onef<>+0(SB), Y15
	VSUBPS       Y10, Y15, Y8 // 1-b1
	VSUBPS       Y11, Y15, Y9 // 1-b2
	SHRQ         $3, CX
	JEQ          adamdone

adamloop:
	VMOVUPS      (SI), Y0      // g
	VMULPS       (R8), Y10, Y1 // b1*m
	VFMADD231PS  Y0, Y8, Y1    // + (1-b1)*g
	VMOVUPS      Y1, (R8)
	VMULPS       Y0, Y0, Y2    // g²
	VMULPS       (R9), Y11, Y3 // b2*v
	VFMADD231PS  Y2, Y9, Y3    // + (1-b2)*g²
	VMOVUPS      Y3, (R9)
	VSQRTPS      Y3, Y4
	VADDPS       Y13, Y4, Y4   // sqrt(v)+eps
	VDIVPS       Y4, Y1, Y5    // m/(sqrt(v)+eps)
	VMOVUPS      (DI), Y6
	VFNMADD231PS Y5, Y12, Y6   // p -= step*...
	VMOVUPS      Y6, (DI)
	ADDQ         $32, DI
	ADDQ         $32, SI
	ADDQ         $32, R8
	ADDQ         $32, R9
	DECQ         CX
	JNE          adamloop

adamdone:
	VZEROUPPER
	RET

// func relu8(dst, src []float32)
//
// dst[i] = max(src[i], 0) for the first len(src)/8*8 elements; a NaN passes through.
TEXT ·relu8(SB), NOSPLIT, $0-48
	MOVQ   dst_base+0(FP), DI
	MOVQ   src_base+24(FP), SI
	MOVQ   src_len+32(FP), CX
	VXORPS Y15, Y15, Y15
	SHRQ   $3, CX
	JEQ    rdone

rloop:
	VMOVUPS (SI), Y0
	VMAXPS  Y0, Y15, Y0 // src second, so a NaN passes through
	VMOVUPS Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	DECQ    CX
	JNE     rloop

rdone:
	VZEROUPPER
	RET

// func reluGrad8(dx, g, x []float32)
//
// dx[i] += g[i] where x[i] > 0, for the first len(x)/8*8 elements.
TEXT ·reluGrad8(SB), NOSPLIT, $0-72
	MOVQ   dx_base+0(FP), DI
	MOVQ   g_base+24(FP), SI
	MOVQ   x_base+48(FP), DX
	MOVQ   x_len+56(FP), CX
	VXORPS Y15, Y15, Y15
	SHRQ   $3, CX
	JEQ    rgdone

rgloop:
	VMOVUPS (DX), Y0
	VCMPPS  $0x1e, Y15, Y0, Y1 // x > 0
	VANDPS  (SI), Y1, Y2
	VADDPS  (DI), Y2, Y2
	VMOVUPS Y2, (DI)
	ADDQ    $32, DI
	ADDQ    $32, SI
	ADDQ    $32, DX
	DECQ    CX
	JNE     rgloop

rgdone:
	VZEROUPPER
	RET
