package main

import (
	"context"
	"testing"
)

func BenchmarkTiny(b *testing.B) {
	b.ReportAllocs()
	tiny.train(b.N)
}

func BenchmarkMLP784(b *testing.B) {
	b.ReportAllocs()
	big.train(b.N)
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
