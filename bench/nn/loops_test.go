package main

import (
	"context"
	"testing"
)

func BenchmarkTiny(b *testing.B) {
	t := tiny.trainer()
	t.run(100)
	b.ReportAllocs()
	b.ResetTimer()
	t.run(b.N)
}

func BenchmarkMLP784(b *testing.B) {
	t := big.trainer()
	t.run(10)
	b.ReportAllocs()
	b.ResetTimer()
	t.run(b.N)
}

func TestCellTrainsLikeCompiled(t *testing.T) {
	for _, w := range []workload{tiny, big} {
		want := w.lossAfter(30)
		got, err := w.lossInCell(context.Background(), 30)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: loss after 30 steps: cell %s, compiled %s", w.name, got, want)
		}
	}
}
