package compat

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzRewrite checks that Rewrite never panics and that what it produces still parses
// as Go, on any file that parses. Seeds: the corpus programs and cells.
func FuzzRewrite(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.txtar")
	cells, _ := filepath.Glob("testdata/cells/*.txtar")
	for _, p := range append(paths, cells...) {
		a, err := txtar.ParseFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range a.Files {
			if filepath.Ext(file.Name) == ".go" {
				f.Add(string(file.Data))
			}
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "cell.go", src, 0)
		if err != nil {
			return
		}
		_ = Rewrite(fset, file) // errors are fine; panics are not (and are recovered)
		out := source(t, fset, file)
		if _, err := parser.ParseFile(token.NewFileSet(), "out.go", out, 0); err != nil {
			t.Errorf("rewritten cell does not parse: %v\n%s", err, out)
		}
	})
}
