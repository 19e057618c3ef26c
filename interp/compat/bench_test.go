package compat

import (
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
