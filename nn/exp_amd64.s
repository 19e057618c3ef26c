//go:build amd64 && !purego

#include "textflag.h"

// Cephes' expf: e**x = 2**n · e**r with n = round(x·log2 e) and |r| ≤ ln2/2, e**r from a
// degree-7 polynomial. Inputs are clamped to [-87, 88] so 2**n stays a normal float.
DATA expc<>+0(SB)/4, $0x42b00000 // hi 88.0
DATA expc<>+4(SB)/4, $0xc2ae0000 // lo -87.0
DATA expc<>+8(SB)/4, $0x3fb8aa3b // log2e 1.4426950408889634
DATA expc<>+12(SB)/4, $0x3f318000 // c1 0.693359375
DATA expc<>+16(SB)/4, $0xb95e8083 // c2 -0.00021219444
DATA expc<>+20(SB)/4, $0x39506967 // p0 0.000198756915
DATA expc<>+24(SB)/4, $0x3ab743ce // p1 0.0013981999507
DATA expc<>+28(SB)/4, $0x3c088908 // p2 0.0083334519073
DATA expc<>+32(SB)/4, $0x3d2aa9c1 // p3 0.041665795894
DATA expc<>+36(SB)/4, $0x3e2aaaaa // p4 0.16666665459
DATA expc<>+40(SB)/4, $0x3f000000 // p5 0.50000001201
DATA expc<>+44(SB)/4, $0x3f800000 // one 1.0
GLOBL expc<>(SB), RODATA|NOPTR, $48
DATA exp127<>+0(SB)/4, $127
DATA exp127<>+4(SB)/4, $127
DATA exp127<>+8(SB)/4, $127
DATA exp127<>+12(SB)/4, $127
DATA exp127<>+16(SB)/4, $127
DATA exp127<>+20(SB)/4, $127
DATA exp127<>+24(SB)/4, $127
DATA exp127<>+28(SB)/4, $127
GLOBL exp127<>(SB), RODATA|NOPTR, $32

// LOADEXP loads the constants EXP8 uses into Y5..Y15.
#define LOADEXP \
	VBROADCASTSS expc<>+0(SB), Y14; \
	VBROADCASTSS expc<>+4(SB), Y13; \
	VBROADCASTSS expc<>+8(SB), Y12; \
	VBROADCASTSS expc<>+12(SB), Y11; \
	VBROADCASTSS expc<>+16(SB), Y10; \
	VBROADCASTSS expc<>+24(SB), Y5; \
	VBROADCASTSS expc<>+28(SB), Y6; \
	VBROADCASTSS expc<>+32(SB), Y7; \
	VBROADCASTSS expc<>+36(SB), Y8; \
	VBROADCASTSS expc<>+40(SB), Y9; \
	VBROADCASTSS expc<>+44(SB), Y15

// EXP8 sets Y3 = e**Y0 (eight lanes); it uses Y1, Y2 and Y4 and leaves the constants.
#define EXP8 \
	VMINPS       Y0, Y14, Y0; \
	VMAXPS       Y0, Y13, Y0; \
	VMULPS       Y12, Y0, Y1; \
	VROUNDPS     $0, Y1, Y1; \
	VFNMADD231PS Y1, Y11, Y0; \
	VFNMADD231PS Y1, Y10, Y0; \
	VMULPS       Y0, Y0, Y2; \
	VBROADCASTSS expc<>+20(SB), Y3; \
	VFMADD213PS  Y5, Y0, Y3; \
	VFMADD213PS  Y6, Y0, Y3; \
	VFMADD213PS  Y7, Y0, Y3; \
	VFMADD213PS  Y8, Y0, Y3; \
	VFMADD213PS  Y9, Y0, Y3; \
	VFMADD213PS  Y0, Y2, Y3; \
	VADDPS       Y15, Y3, Y3; \
	VCVTPS2DQ    Y1, Y4; \
	VPADDD       exp127<>(SB), Y4, Y4; \
	VPSLLD       $23, Y4, Y4; \
	VMULPS       Y4, Y3, Y3

// func exp8(dst, src []float32)
//
// dst[i] = e**src[i] for the first len(src)/8*8 elements.
TEXT ·exp8(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ src_base+24(FP), SI
	MOVQ src_len+32(FP), CX
	SHRQ $3, CX
	JEQ  edone
	LOADEXP

eloop:
	VMOVUPS (SI), Y0
	EXP8
	VMOVUPS Y3, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	DECQ    CX
	JNE     eloop

edone:
	VZEROUPPER
	RET

// func sigmoid8(dst, src []float32)
//
// dst[i] = 1/(1+e**-src[i]) for the first len(src)/8*8 elements.
TEXT ·sigmoid8(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ src_base+24(FP), SI
	MOVQ src_len+32(FP), CX
	SHRQ $3, CX
	JEQ  sdone
	LOADEXP

sgloop:
	VXORPS  Y3, Y3, Y3
	VSUBPS  (SI), Y3, Y0 // -x
	EXP8
	VADDPS  Y15, Y3, Y3
	VDIVPS  Y3, Y15, Y3 // 1/(1+e**-x)
	VMOVUPS Y3, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	DECQ    CX
	JNE     sgloop

sdone:
	VZEROUPPER
	RET
