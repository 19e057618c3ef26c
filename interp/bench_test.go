package interp

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkExecuteSmall measures a cell like "1+1", the kernel's round trip floor.
func BenchmarkExecuteSmall(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := &recorder{count: 1}
	for b.Loop() {
		if _, err := s.Execute(context.Background(), "1 + 1", r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNew measures starting a session.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		s, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkRedefine measures redefining a type in a session of 30 declaration cells and 30
// variables: the replay in a fresh interpreter that a changed type or method costs.
func BenchmarkRedefine(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := &recorder{count: 1}
	run := func(code string) {
		if _, err := s.Execute(context.Background(), code, r); err != nil {
			b.Fatalf("%s: %v", code, err)
		}
	}
	run("type P struct{ X, Y float64 }\nfunc (p P) Norm() float64 { return p.X*p.X + p.Y*p.Y }")
	for i := range 30 {
		run(fmt.Sprintf(`type T%d struct{ A []float64; P *P }
func (t T%[1]d) Sum() float64 { s := 0.0; for _, a := range t.A { s += a }; return s + t.P.Norm() }
func f%[1]d(n int) T%[1]d { return T%[1]d{A: make([]float64, n), P: &P{1, 2}} }
v%[1]d := f%[1]d(%[1]d)
w%[1]d := []float64{%[1]d}`, i))
	}
	versions := []string{"p.X + p.Y", "p.X - p.Y"}
	for i := 0; b.Loop(); i++ {
		run("func (p P) Norm() float64 { return " + versions[i%2] + " }")
	}
}
