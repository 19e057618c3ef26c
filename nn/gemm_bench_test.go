package nn

import "testing"

func benchGemm(b *testing.B, m, n, k int, ta bool) {
	a, bb, c := make([]float32, m*k), make([]float32, k*n), make([]float32, m*n)
	am := rowMajor(a, k)
	if ta {
		am = rowMajor(a, m).transposed()
	}
	w := &gemmWork{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		gemm(m, n, k, am, rowMajor(bb, n), c, n, w)
	}
	b.ReportMetric(float64(2*m*n*k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

func BenchmarkGemmForward784(b *testing.B)    { benchGemm(b, 64, 128, 784, false) }
func BenchmarkGemmWeightGrad784(b *testing.B) { benchGemm(b, 784, 128, 64, true) }
func BenchmarkGemmTiny(b *testing.B)          { benchGemm(b, 32, 16, 16, false) }
