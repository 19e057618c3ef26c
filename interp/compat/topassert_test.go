package compat

import (
	"errors"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// A package-level var declared from a comma-ok assertion on a variable of an earlier cell
// is an error naming the workaround (yaegi: "variable definition loop" even through a
// function); on a variable of the same cell it is rewritten (testdata/assert_package_var).
func TestPackageVarAssertOfEarlierCell(t *testing.T) {
	fset := token.NewFileSet()
	var rw Rewriter
	for i, src := range []string{
		"package main\n\nvar a any = 3\n",
		"package main\n\nimport \"fmt\"\n\nvar s, ok = a.(fmt.Stringer)\n",
	} {
		f, err := parser.ParseFile(fset, "cell.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		err = rw.Rewrite(fset, f)
		if i == 0 {
			if err != nil {
				t.Fatalf("cell 1: %v", err)
			}
			continue
		}
		var ce *Error
		if !errors.As(err, &ce) {
			t.Fatalf("cell 2: error = %v, want a *compat.Error", err)
		}
		if ce.Pos.Line != 5 || !strings.Contains(ce.Msg, "s, ok := x.(T)") {
			t.Errorf("cell 2: error = %q at %v, want line 5 and the workaround", err, ce.Pos)
		}
	}
}
