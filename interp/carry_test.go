package interp

import (
	"reflect"
	"testing"

	"github.com/traefik/yaegi/interp"
)

// TestTypeExpr reads yaegi's types of globals back as Go source: it guards the layout of
// yaegi's unexported symbol table, which carry.go depends on.
func TestTypeExpr(t *testing.T) {
	in := interp.New(interp.Options{})
	_, err := in.Eval(`
type P struct{ X, Y float64 }
type N struct{ V int; Next *N }
var a int
var b []P
var c map[string]*P
var d [3]P
var e error
var f = &N{}
var g any
var h chan<- P
var k = func() P { return P{} }
var m = struct{ A P }{}
`)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]struct {
		expr string
		ok   bool
		deps []string
	}{
		"a": {"int", true, nil},
		"b": {"[]P", true, []string{"P"}},
		"c": {"map[string]*P", true, []string{"P"}},
		"d": {"[3]P", true, []string{"P"}},
		"e": {"error", true, nil},
		"f": {"*N", true, []string{"N"}},
		"g": {"any", true, nil},
		"h": {"chan<- P", true, []string{"P"}},
		"k": {"", false, []string{"P"}},
		"m": {"", false, []string{"P"}},
	} {
		deps := map[string]bool{}
		expr, ok := typeExpr(itypeOf(in, name), deps, 0)
		if expr != want.expr || ok != want.ok {
			t.Errorf("%s: typeExpr = %q, %v; want %q, %v", name, expr, ok, want.expr, want.ok)
		}
		var got []string
		for d := range deps {
			got = append(got, d)
		}
		if len(got) != len(want.deps) || len(got) > 0 && got[0] != want.deps[0] {
			t.Errorf("%s: deps = %v, want %v", name, got, want.deps)
		}
	}
	if itypeOf(in, "nothing").IsValid() {
		t.Error("itypeOf found an undefined name")
	}
}

// TestPortable tells values that can move to another interpreter from those that cannot.
func TestPortable(t *testing.T) {
	in := interp.New(interp.Options{})
	if _, err := in.Eval("type S interface{ M() }\ntype T struct{ A int }\nfunc (T) M() {}\nvar s S = T{}\nvar f = func() {}\nvar fs = []func(){f}"); err != nil {
		t.Fatal(err)
	}
	g := in.Globals()
	type cyc struct{ Next *cyc }
	loop := &cyc{}
	loop.Next = loop
	for name, c := range map[string]struct {
		v    reflect.Value
		want bool
	}{
		"float slice":           {reflect.ValueOf([]float64{1, 2}), true},
		"cycle":                 {reflect.ValueOf(loop), true},
		"native func":           {reflect.ValueOf(reflect.ValueOf), true},
		"map of slices":         {reflect.ValueOf(map[string][]int{"a": {1}}), true},
		"cell interface":        {g["s"], false},
		"cell closure":          {g["f"], false},
		"slice of cell closure": {g["fs"], false},
	} {
		if got := portable(c.v, map[uintptr]bool{}, new(int)); got != c.want {
			t.Errorf("portable(%s) = %v, want %v", name, got, c.want)
		}
	}
}
