package compat

import (
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// Package-level vars declared from a comma-ok map index or receive on variables of an
// earlier statement cell (package-level variables to yaegi, like those of declaration
// cells, which cells/comma_ok_index_receive covers; the corpus cannot join these cells into
// one program, so the expected output comes from the same code compiled here).
func TestCommaOKOfStatementCell(t *testing.T) {
	got := runNativeSession(t,
		`import "fmt"`,
		`func main() {
	sm := map[string]float64{"pi": 3.14}
	ch := make(chan int, 1)
	ch <- 4
	fmt.Println(len(sm))
}`,
		`var pi, hasPi = sm["pi"]

var _, hasE = sm["e"]

var r, rok = <-ch`,
		`func main() {
	fmt.Println(pi, hasPi, hasE, r, rok)
}`)

	sm := map[string]float64{"pi": 3.14}
	ch := make(chan int, 1)
	ch <- 4
	pi, hasPi := sm["pi"]
	_, hasE := sm["e"]
	r, rok := <-ch
	want := fmt.Sprintln(len(sm)) + fmt.Sprintln(pi, hasPi, hasE, r, rok)
	if got != want {
		t.Errorf("the session printed:\n%s\ncompiled Go prints:\n%s", got, want)
	}
}

// rewriteCells rewrites the sources as consecutive cells of one Rewriter and returns the
// error of the last.
func rewriteCells(t *testing.T, srcs ...string) error {
	t.Helper()
	fset := token.NewFileSet()
	var rw Rewriter
	var err error
	for i, src := range srcs {
		f, perr := parser.ParseFile(fset, "cell.go", src, 0)
		if perr != nil {
			t.Fatal(perr)
		}
		err = rw.Rewrite(fset, f)
		if i < len(srcs)-1 && err != nil {
			t.Fatalf("cell %d: %v", i+1, err)
		}
	}
	return err
}

// A package-level comma-ok map index that uses variables of its own cell and of an earlier
// one can be rewritten neither way (see topcommaok.go): an error names the workaround.
func TestCommaOKOfBothCells(t *testing.T) {
	err := rewriteCells(t,
		"package main\n\nvar m = map[string]int{\"a\": 1}\n",
		"package main\n\nvar k = \"a\"\n\nvar v, ok = m[k]\n")
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("error = %v, want a *compat.Error", err)
	}
	if ce.Pos.Line != 5 || !strings.Contains(ce.Msg, "comma-ok map index") || !strings.Contains(ce.Msg, "v, ok := m[k]") {
		t.Errorf("error = %q at %v, want line 5, the feature and the workaround", err, ce.Pos)
	}
}

// Without the map's type (the package function Rewrite knows no earlier cells), the
// function's result type cannot be written: an error names the workaround, for a
// package-level var and at the top of a statement cell.
func TestCommaOKUnknownType(t *testing.T) {
	for _, src := range []string{
		"package main\n\nvar v, ok = m[\"a\"]\n",
		"package main\n\nfunc main() {\n\tv, ok := m[\"a\"]\n\tprintln(v, ok)\n}\n",
		"package main\n\nfunc main() {\n\tvar v, ok = <-ch\n\tprintln(v, ok)\n}\n",
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "cell.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		err = Rewrite(fset, f)
		var ce *Error
		if !errors.As(err, &ce) {
			t.Fatalf("%q: error = %v, want a *compat.Error", src, err)
		}
		if ce.Pos.Line < 3 || !strings.Contains(ce.Msg, "comma-ok") || !strings.Contains(ce.Msg, "var v T; var ok bool") {
			t.Errorf("%q: error = %q, want the feature, its line and the workaround", src, err)
		}
	}
}
