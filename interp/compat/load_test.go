package compat

import (
	"bytes"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// newLoaded returns an interpreter set up as the session sets it up, printing to out.
func newLoaded(t *testing.T, out *bytes.Buffer) *interp.Interpreter {
	t.Helper()
	i := interp.New(interp.Options{Stdout: out, Stderr: out})
	if err := i.Use(Filter(stdlib.Symbols)); err != nil {
		t.Fatal(err)
	}
	if err := Load(i); err != nil {
		t.Fatal(err)
	}
	return i
}

// The interpreted slices package replaces yaegi's partial one, whose Sort is missing.
func TestLoadProvidesGenericPackages(t *testing.T) {
	var out bytes.Buffer
	i := newLoaded(t, &out)
	for _, c := range []string{`import "fmt"`, `import "slices"`, `import "iter"`, `var s = []int{3, 1, 2}`,
		`slices.Sort(s)`, `fmt.Println(s, slices.Index(s, 3))`} {
		if _, err := i.Eval(c); err != nil {
			t.Fatalf("%s: %v", c, err)
		}
	}
	if out.String() != "[1 2 3] 2\n" {
		t.Errorf("printed %q", out.String())
	}
}

// Filter drops exactly the binary packages that Load replaces.
func TestFilter(t *testing.T) {
	in := interp.Exports{"slices/slices": nil, "maps/maps": nil, "cmp/cmp": nil, "fmt/fmt": nil}
	out := Filter(in)
	if len(out) != 1 || out["fmt/fmt"] != nil && len(out["fmt/fmt"]) != 0 {
		t.Errorf("Filter kept %v", out)
	}
	if _, ok := out["fmt/fmt"]; !ok {
		t.Error("Filter dropped fmt")
	}
	if len(in) != 4 {
		t.Error("Filter changed its argument")
	}
}
