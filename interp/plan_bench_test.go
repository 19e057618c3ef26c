package interp

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkPlanLargeCell plans a pasted program of 300 functions, each calling the next,
// with statements among them: the last function uses a variable of a statement, so every
// function waits for it, found one at a time in cell order (the worst case of plan's
// fixpoint).
func BenchmarkPlanLargeCell(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("type P struct{ x, y int }\nfunc (p P) Sum() int { return p.x + p.y }\nscale := 3\n")
	for i := range 300 {
		fmt.Fprintf(&sb, "func f%d(x int) int { v := x + %d; return f%d(v) }\n", i, i, i+1)
		if i%50 == 0 {
			fmt.Fprintf(&sb, "r%d := P{%d, 1}.Sum()\n", i, i)
		}
	}
	sb.WriteString("func f300(x int) int { return x * scale }\nfmt.Println(f0(1))\n")
	code := sb.String()
	units := splitCell(code)
	b.ResetTimer()
	for range b.N {
		plan(code, units)
	}
}
