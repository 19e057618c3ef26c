package interp

import (
	"go/parser"
	"go/token"
	"slices"
	"testing"
)

// TestHistory checks that the history keeps each name in its latest definition only.
func TestHistory(t *testing.T) {
	var h history
	add := func(src string) {
		f, err := parser.ParseFile(token.NewFileSet(), "", "package main\n"+src, 0)
		if err != nil {
			t.Fatal(err)
		}
		h.addDecls(f)
	}
	add("type T struct{}\nfunc (T) M() {}\nfunc f() {}\nvar x, y = 1, 2\nconst (a = iota; b)")
	add("type T struct{ A int }\nfunc g() {}")
	add("func (T) M() {}\nvar f = 3")
	h.addVar("g")
	add("func y() {}")
	var keys []string
	for _, e := range h.decls {
		keys = append(keys, e.keys...)
	}
	if want := []string{"a", "b", "T", "T.M", "y"}; !slices.Equal(keys, want) {
		t.Errorf("decls = %v, want %v", keys, want)
	}
	if want := []string{"x", "f", "g"}; !slices.Equal(h.vars, want) {
		t.Errorf("vars = %v, want %v", h.vars, want)
	}
}
