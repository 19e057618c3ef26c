package interp

import (
	"context"
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
