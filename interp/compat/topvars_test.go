package compat

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A package-level var on a variable of an earlier cell whose type is not known (here: no
// symbol tables, so strings.Fields is not known) cannot be computed in a function of the
// right type: an error names the feature, the position and both workarounds, and the first
// workaround, a declared type, is then rewritten without error.
func TestPackageVarUnknownType(t *testing.T) {
	earlier := "package main\n\nimport \"strings\"\n\nvar words = strings.Fields(\"a b\")\n"
	err := rewriteCells(t, earlier, "package main\n\nvar first = words[0]\n")
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("error = %v, want a *compat.Error", err)
	}
	for _, want := range []string{"package-level var initialized from a variable of an earlier cell (words)", "var first T = words[0]", "first := words[0]"} {
		if !strings.Contains(ce.Msg, want) {
			t.Errorf("error = %q, want it to contain %q", ce.Msg, want)
		}
	}
	if ce.Pos.Line != 3 || ce.Pos.Column != 5 {
		t.Errorf("error at %v, want 3:5", ce.Pos)
	}
	if err := rewriteCells(t, earlier, "package main\n\nvar first string = words[0]\n"); err != nil {
		t.Errorf("with a declared type: %v", err)
	}
}

// Package-level vars on variables of an earlier statement cell (package-level variables to
// yaegi, like those of declaration cells, which cells/package_vars_earlier covers); the
// expected output comes from the same code compiled here.
func TestPackageVarOfStatementCell(t *testing.T) {
	got := runNativeSession(t,
		`import (
	"fmt"
	"slices"
)`,
		`func main() {
	m := map[string]int{"a": 1}
	xs := []int{3, 1, 2}
	fmt.Println(len(m), len(xs))
}`,
		`var y = m["a"]

var n = len(xs) + own

var own = 10

var top = slices.Max(xs)`,
		`func main() {
	fmt.Println(y, n, own, top)
}`)

	m := map[string]int{"a": 1}
	xs := []int{3, 1, 2}
	own := 10
	y, n, top := m["a"], len(xs)+own, slices.Max(xs)
	want := fmt.Sprintln(len(m), len(xs)) + fmt.Sprintln(y, n, own, top)
	if got != want {
		t.Errorf("the session printed:\n%s\ncompiled Go prints:\n%s", got, want)
	}
}
