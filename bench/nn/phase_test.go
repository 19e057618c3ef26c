package main

import (
	"testing"
	"time"
)

func TestPhases(t *testing.T) {
	tr := big.trainer()
	tr.run(100)
	best := [5]time.Duration{1 << 62, 1 << 62, 1 << 62, 1 << 62, 1 << 62}
	for step := 0; step < 3000; step++ {
		x, y := tr.data.Batch(step, 64)
		t0 := time.Now()
		p := tr.model.Forward(x)
		t1 := time.Now()
		loss := tr.w.loss(p, y)
		t2 := time.Now()
		tr.opt.ZeroGrad()
		t3 := time.Now()
		loss.Backward()
		t4 := time.Now()
		tr.opt.Step()
		t5 := time.Now()
		for i, d := range []time.Duration{t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t5.Sub(t4)} {
			best[i] = min(best[i], d)
		}
	}
	t.Logf("forward %v loss %v zerograd %v backward %v step %v", best[0], best[1], best[2], best[3], best[4])
}
