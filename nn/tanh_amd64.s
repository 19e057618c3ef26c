//go:build amd64 && !purego

#include "textflag.h"

// Coefficients of tanh32's rational approximation (activations.go), as float32 bits.
DATA tanhc<>+0(SB)/4, $0x40fcf84f // clamp 7.905311107635498
DATA tanhc<>+4(SB)/4, $0xc0fcf84f // nclamp -7.905311107635498
DATA tanhc<>+8(SB)/4, $0xa59f25c0 // a13 -2.76076847742355e-16
DATA tanhc<>+12(SB)/4, $0x2a61337e // a11 2.00018790482477e-13
DATA tanhc<>+16(SB)/4, $0xaebd37ff // a9 -8.60467152213735e-11
DATA tanhc<>+20(SB)/4, $0x335c0041 // a7 5.12229709037114e-08
DATA tanhc<>+24(SB)/4, $0x3779434a // a5 1.48572235717979e-05
DATA tanhc<>+28(SB)/4, $0x3a270ded // a3 0.000637261928875436
DATA tanhc<>+32(SB)/4, $0x3ba059dc // a1 0.00489352455891786
DATA tanhc<>+36(SB)/4, $0x35a0d3d8 // b6 1.19825839466702e-06
DATA tanhc<>+40(SB)/4, $0x38f895d6 // b4 0.000118534705686654
DATA tanhc<>+44(SB)/4, $0x3b14aa05 // b2 0.002268434632439
DATA tanhc<>+48(SB)/4, $0x3ba059dd // b0 0.00489352518554385
GLOBL tanhc<>(SB), RODATA|NOPTR, $52

// func tanh8(dst, src []float32)
//
// dst[i] = tanh32(src[i]) for the first len(src)/8*8 elements, eight at a time with AVX2
// and FMA.
TEXT ·tanh8(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ src_base+24(FP), SI
	MOVQ src_len+32(FP), CX
	SHRQ $3, CX
	JEQ  done
	VBROADCASTSS tanhc<>+0(SB), Y14
	VBROADCASTSS tanhc<>+4(SB), Y13

loop:
	VMOVUPS (SI), Y0
	VMINPS  Y0, Y14, Y0 // x second, so a NaN passes through
	VMAXPS  Y0, Y13, Y0
	VMULPS  Y0, Y0, Y1
	VBROADCASTSS tanhc<>+8(SB), Y2
	VBROADCASTSS tanhc<>+12(SB), Y3
	VFMADD213PS Y3, Y1, Y2
	VBROADCASTSS tanhc<>+16(SB), Y3
	VFMADD213PS Y3, Y1, Y2
	VBROADCASTSS tanhc<>+20(SB), Y3
	VFMADD213PS Y3, Y1, Y2
	VBROADCASTSS tanhc<>+24(SB), Y3
	VFMADD213PS Y3, Y1, Y2
	VBROADCASTSS tanhc<>+28(SB), Y3
	VFMADD213PS Y3, Y1, Y2
	VBROADCASTSS tanhc<>+32(SB), Y3
	VFMADD213PS Y3, Y1, Y2
	VMULPS Y0, Y2, Y2
	VBROADCASTSS tanhc<>+36(SB), Y4
	VBROADCASTSS tanhc<>+40(SB), Y3
	VFMADD213PS Y3, Y1, Y4
	VBROADCASTSS tanhc<>+44(SB), Y3
	VFMADD213PS Y3, Y1, Y4
	VBROADCASTSS tanhc<>+48(SB), Y3
	VFMADD213PS Y3, Y1, Y4
	VDIVPS  Y4, Y2, Y2
	VMOVUPS Y2, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	DECQ    CX
	JNE     loop

done:
	VZEROUPPER
	RET
