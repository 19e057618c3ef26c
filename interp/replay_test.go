package interp

import (
	"context"
	"testing"
)

const methodWithStores = `func (t T) At(xs []int) int {
	if t.A > len(xs) {
		return 0
	} else if xs[t.A] > 0 {
		return xs[t.A] / t.A
	}
	return xs[0]
}`

// TestReplayOnlyWhenChanged checks that the interpreter is replaced when a cell changes a
// type or a method, and kept when it defines them again identically or adds new ones.
func TestReplayOnlyWhenChanged(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := &recorder{count: 1}
	for _, c := range []struct {
		code    string
		replays bool
	}{
		{"type T struct{ A int }\nfunc (t T) Get() int { return t.A }", false},
		{"type T struct{ A int }\nfunc (t T) Get() int { return t.A }", false},
		{"func (t T) Twice() int { return 2 * t.A }\ntype U struct{}", false},
		{"func (t T) Get() int { return -t.A }", true},
		{"type T struct{ A, B int }", true},
		{"x := T{A: 1}.Get()", false},
		// rewriteAt adds position stores to methods (and an else block around an else-if):
		// the same method again is no redefinition.
		{methodWithStores, false},
		{methodWithStores, false},
	} {
		before := s.yaegi()
		if _, err := s.Execute(context.Background(), c.code, r); err != nil {
			t.Fatalf("%q: %v", c.code, err)
		}
		if replayed := s.yaegi() != before; replayed != c.replays {
			t.Errorf("%q: replayed = %v, want %v", c.code, replayed, c.replays)
		}
	}
	if v := s.yaegi().Globals()["x"]; !v.IsValid() || v.Int() != -1 {
		t.Errorf("x = %v, want -1", v)
	}
}
