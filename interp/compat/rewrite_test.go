package compat

import (
	"bytes"
	"errors"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"io/fs"
	"path"
	"strings"
	"testing"
)

// parseAndRewrite parses src as main.go and rewrites it.
func parseAndRewrite(t *testing.T, src string) (*token.FileSet, *ast.File, error) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	return fset, f, Rewrite(fset, f)
}

// source returns f as source.
func source(t *testing.T, fset *token.FileSet, f *ast.File) string {
	t.Helper()
	var b bytes.Buffer
	if err := printer.Fprint(&b, fset, f); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Code that yaegi already runs right comes out exactly as it went in (outside func main,
// whose compound statements run in function literals: see toplevel.go).
func TestRewriteLeavesPlainGoAlone(t *testing.T) {
	src := `package main

import "fmt"

type P struct{ X, Y int }

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	for i := 0; i < len(xs); i++ {
		s += xs[i]
	}
	return s
}

func show(m map[string]int) {
	for k, v := range m {
		fmt.Println(k, v)
	}
}

func main() {
	show(map[string]int{"a": 1})
	fmt.Println(sum([]float64{1, 2}), P{1, 2})
}
`
	fset, f, err := parseAndRewrite(t, src)
	if err != nil {
		t.Fatal(err)
	}
	// the one change: typeIdentity's tag on P (reflectnames.go)
	want := strings.Replace(src, "type P struct{ X, Y int }", "type P struct {\n\tX, Y int `gograd:\"main.P\"`\n}", 1)
	if got := source(t, fset, f); got != want {
		t.Errorf("rewritten:\n%s\nwant it unchanged but for the identity tag:\n%s", got, want)
	}
}

// Every node of a rewritten cell sits on a line of the cell: errors keep pointing at the
// user's lines.
func TestRewriteKeepsPositions(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := range 3 {\n\t\tfmt.Println(min(i, 2))\n\t}\n\tclear(map[int]int{})\n}\n"
	fset, f, err := parseAndRewrite(t, src)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(src, "\n")
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if p := n.Pos(); p.IsValid() {
			if l := fset.Position(p).Line; l < 1 || l > lines {
				t.Errorf("%T at line %d, outside the cell's %d lines", n, l, lines)
			}
		}
		return true
	})
	var call *ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if s, ok := c.Fun.(*ast.SelectorExpr); ok && s.Sel.Name == "BuiltinMin" {
				call = c
			}
		}
		return true
	})
	if call == nil {
		t.Fatal("min was not rewritten")
	}
	if p := fset.Position(call.Pos()); p.Line != 7 || p.Column != 15 {
		t.Errorf("min call at %v, want line 7 column 15 as in the cell", p)
	}
}

// Unsupported constructs are errors naming the feature, the position and the workaround.
func TestRewriteErrors(t *testing.T) {
	src := `package main

import "fmt"

type E struct{}

func (E) Error() string { return "e" }

func main() {
	var err error = E{}
	_, ok := err.(E)
	fmt.Println(ok)
}
`
	_, _, err := parseAndRewrite(t, src)
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("error = %v, want a *compat.Error", err)
	}
	if ce.Pos.Line != 11 || !strings.Contains(ce.Msg, "pointer receivers") || !strings.Contains(err.Error(), "compat: 11:") {
		t.Errorf("error = %q at %v, want line 11 and the workaround", err, ce.Pos)
	}
}

// The interpreted packages are valid Go: they type-check with go/types.
func TestPackagesTypeCheck(t *testing.T) {
	imp := newSourceImporter()
	for _, p := range packageOrder {
		files, err := fs.ReadDir(Packages(), path.Join("src", p))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no sources: %v", p, err)
		}
		var parsed []*ast.File
		for _, e := range files {
			src, err := fs.ReadFile(Packages(), path.Join("src", p, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(imp.fset, e.Name(), src, 0)
			if err != nil {
				t.Fatal(err)
			}
			parsed = append(parsed, f)
		}
		conf := types.Config{Importer: imp}
		if p == HelperPackage {
			conf.Importer = stdImporter{imp}
		}
		if _, err := conf.Check(p, imp.fset, parsed, nil); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// stdImporter imports reflect from the toolchain's sources, for gogradcompat.
type stdImporter struct{ *sourceImporter }

func (s stdImporter) Import(p string) (*types.Package, error) {
	if p == "reflect" || p == "errors" || p == "fmt" {
		return importer.ForCompiler(s.fset, "source", nil).Import(p)
	}
	return s.sourceImporter.Import(p)
}
