package compat

import (
	"go/types"
	"path"
	"testing"

	gostdlib "github.com/gograd/gograd/interp/stdlib"
	"github.com/gograd/gograd/interp/symbols"
	"github.com/traefik/yaegi/stdlib"
)

// Every package of the session's tables converts (recursive types included), and the
// objects a cell uses get the types Go gives them.
func TestNativeTypes(t *testing.T) {
	tables := Filter(gostdlib.Merge(stdlib.Symbols))
	for k, v := range symbols.Symbols { // nn, display, gonum/plot, as the session adds them
		tables[k] = v
	}
	nt := newNativeTypes(tables)
	for key := range tables {
		if pkg := nt.Package(path.Dir(key)); !pkg.Complete() {
			t.Errorf("%s: not complete", key)
		}
	}
	for _, c := range []struct{ pkg, name, want string }{
		{"strings", "Fields", "func(string) []string"},
		{"strings", "Lines", "func(string) func(func(string) bool)"},
		{"math", "Sqrt", "func(float64) float64"},
		{"math", "Pi", "untyped float"},
		{"fmt", "Println", "func(...interface{}) (int, error)"},
		{"io", "Reader", "io.Reader"},
		{"time", "Duration", "time.Duration"},
		{"os", "Args", "[]string"},
		{"time", "Millisecond", "time.Duration"},
		{"os", "Stdout", "*os.File"},
		{"strings", "NewReader", "func(string) *strings.Reader"},
	} {
		obj := nt.Package(c.pkg).Scope().Lookup(c.name)
		if obj == nil {
			t.Errorf("%s.%s: missing", c.pkg, c.name)
			continue
		}
		typ := obj.Type()
		if sig, ok := typ.(*types.Signature); ok {
			typ = types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
		}
		if got := types.TypeString(typ, func(p *types.Package) string { return p.Name() }); got != c.want {
			t.Errorf("%s.%s: type %s, want %s", c.pkg, c.name, got, c.want)
		}
	}
	reader := nt.Package("io").Scope().Lookup("Reader").Type().Underlying().(*types.Interface)
	if reader.NumMethods() != 1 || reader.Method(0).Name() != "Read" {
		t.Errorf("io.Reader: methods %v", reader)
	}
	if u := nt.Package("time").Scope().Lookup("Duration").Type().Underlying(); u != types.Typ[types.Int64] {
		t.Errorf("time.Duration: underlying %v", u)
	}
	for _, c := range []struct{ pkg, typ, method, want string }{
		{"time", "Duration", "Seconds", "func() float64"},
		{"strings", "Builder", "WriteString", "func(string) (int, error)"},
		{"strings", "Builder", "String", "func() string"},
	} {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(nt.Package(c.pkg).Scope().Lookup(c.typ).Type()), false, nil, c.method)
		fn, ok := obj.(*types.Func)
		if !ok {
			t.Errorf("%s.%s.%s: missing", c.pkg, c.typ, c.method)
			continue
		}
		sig := fn.Type().(*types.Signature)
		got := types.TypeString(types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()), nil)
		if got != c.want {
			t.Errorf("%s.%s.%s: %s, want %s", c.pkg, c.typ, c.method, got, c.want)
		}
	}
}

// BenchmarkNativePackages measures typing the packages a first cell typically uses, once
// per session (goal: a few ms, next to yaegi's own start-up).
func BenchmarkNativePackages(b *testing.B) {
	tables := Filter(gostdlib.Merge(stdlib.Symbols))
	for k, v := range symbols.Symbols {
		tables[k] = v
	}
	for i := 0; i < b.N; i++ {
		nt := newNativeTypes(tables)
		for _, p := range []string{"fmt", "math", "strings", "time", "github.com/gograd/gograd/nn", "github.com/gograd/gograd/display"} {
			nt.Package(p)
		}
	}
}
