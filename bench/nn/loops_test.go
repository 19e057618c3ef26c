package main

import "testing"

func BenchmarkTiny(b *testing.B) {
	b.ReportAllocs()
	tiny.train(b.N)
}

func BenchmarkMLP784(b *testing.B) {
	b.ReportAllocs()
	big.train(b.N)
}
