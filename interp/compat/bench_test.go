package compat

import (
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"testing"

	"golang.org/x/tools/txtar"
)

// BenchmarkRewriterCell measures rewriting one statement cell in a session that has
// already seen a few declaration cells: the per-cell cost the user waits for (goal: well
// under 10 ms, next to yaegi's own compile).
func BenchmarkRewriterCell(b *testing.B) {
	data, err := os.ReadFile("testdata/cells/iterators_across_cells.txtar")
	if err != nil {
		b.Fatal(err)
	}
	a := txtar.Parse(data)
	var rw Rewriter
	for _, f := range a.Files[:2] { // imports and declarations
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, f.Name, f.Data, 0)
		if err != nil {
			b.Fatal(err)
		}
		if err := rw.Rewrite(fset, file); err != nil {
			b.Fatal(err)
		}
	}
	cell := a.Files[3].Data
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "cell.go", cell, 0)
		if err != nil {
			b.Fatal(err)
		}
		if err := rw.Rewrite(fset, file); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRewriterPrintManyTypes measures rewriting a print of a []any in a session that
// has declared 300 struct types with a String method, each of which the print rewrite
// tries (about 10 ms on this machine; 4 ms for the same cell without the print). They were
// sorted with an O(n²) insertion sort of type strings, 100 ms a cell, until sortTypes
// computed each string once.
func BenchmarkRewriterPrintManyTypes(b *testing.B) {
	var rw Rewriter
	rewrite := func(src string) {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "cell.go", src, 0)
		if err != nil {
			b.Fatal(err)
		}
		if err := rw.Rewrite(fset, file); err != nil {
			b.Fatal(err)
		}
	}
	rewrite("package main\nimport \"fmt\"\n")
	for i := range 300 {
		rewrite(fmt.Sprintf("package main\ntype T%d struct{ A, B float64 }\nfunc (t T%d) String() string { return \"t\" }\n", i, i))
	}
	b.ResetTimer()
	for range b.N {
		rewrite("package main\nfunc main() {\n\txs := []any{T1{}, T2{}}\n\tfmt.Println(xs)\n}\n")
	}
}
