package compat

import (
	"bytes"
	"context"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gostdlib "github.com/gograd/gograd/interp/stdlib"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	"golang.org/x/tools/txtar"
)

// TestCells runs the sessions of testdata/cells/*.txtar: files cell1.go, cell2.go ... are
// the cells, parsed as the session parses them (declarations as a file, statements as the
// body of func main), rewritten by one Rewriter and evaluated in one interpreter given
// Go 1.26's standard library (interp/stdlib); "want" is what the session prints. Files
// named import*.go are evaluated as they are, unseen by the Rewriter, as the session
// evaluates a cell's imports and the packages it imports for a cell that uses them.
func TestCells(t *testing.T) {
	for _, mode := range []string{"text", "ast"} {
		t.Run(mode, func(t *testing.T) { runCells(t, mode == "ast") })
	}
}

// runCells runs every session; with asAST, statements are compiled as one block with
// CompileAST, as the session does, instead of evaluated as text one by one.
func runCells(t *testing.T, asAST bool) {
	paths, err := filepath.Glob("testdata/cells/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cell sessions: %v", err)
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			i := interp.New(interp.Options{Stdout: &out, Stderr: &out})
			tables := Filter(gostdlib.Merge(stdlib.Symbols)) // as the session sets it up
			if err := i.Use(tables); err != nil {
				t.Fatal(err)
			}
			if err := Load(i); err != nil {
				t.Fatal(err)
			}
			rw := Rewriter{Symbols: tables}
			want := ""
			for _, f := range a.Files {
				if f.Name == "want" {
					want = string(f.Data)
					continue
				}
				if asAST {
					evalCellAST(t, i, &rw, f.Name, f.Data)
					continue
				}
				pieces := []string{string(f.Data)}
				if !sessionImports(f.Name) {
					pieces = rewriteCell(t, &rw, f.Name, f.Data)
				}
				for _, code := range pieces {
					ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
					_, err := i.EvalWithContext(ctx, code)
					cancel()
					if err != nil {
						t.Fatalf("%s: %v\nrewritten:\n%s", f.Name, err, code)
					}
				}
			}
			if out.String() != want {
				t.Errorf("printed:\n%s\nwant:\n%s", out.String(), want)
			}
		})
	}
}

// rewriteCell rewrites one cell with rw and returns the pieces to evaluate in turn: its
// imports and declarations, then each statement of its func main, if any, at top level
// (yaegi takes a piece for declarations or statements from its first token).
func rewriteCell(t *testing.T, rw *Rewriter, name string, src []byte) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := rw.Rewrite(fset, f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var decls bytes.Buffer
	var stmts []string
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "main" && fd.Recv == nil {
			for _, s := range fd.Body.List {
				var b bytes.Buffer
				printNode(t, &b, fset, s)
				stmts = append(stmts, b.String())
			}
			continue
		}
		printNode(t, &decls, fset, d)
	}
	if decls.Len() == 0 {
		return stmts
	}
	return append([]string{decls.String()}, stmts...)
}

// printNode prints one node as source followed by a newline.
func printNode(t *testing.T, b *bytes.Buffer, fset *token.FileSet, n ast.Node) {
	t.Helper()
	if err := printer.Fprint(b, fset, n); err != nil {
		t.Fatal(err)
	}
	b.WriteString("\n")
}

// evalCellAST rewrites one cell and compiles its declarations, then its statements as
// one block, with CompileAST, as the session does.
func evalCellAST(t *testing.T, i *interp.Interpreter, rw *Rewriter, name string, src []byte) {
	t.Helper()
	fset := i.FileSet()
	// one file name for all cells: yaegi scopes imports by the file's base name
	f, err := parser.ParseFile(fset, "in", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !sessionImports(name) {
		if err := rw.Rewrite(fset, f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	var decls []ast.Decl
	var stmts []ast.Stmt
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "main" && fd.Recv == nil {
			stmts = append(stmts, fd.Body.List...)
			continue
		}
		decls = append(decls, d)
	}
	run := func(n ast.Node) {
		prog, err := i.CompileAST(n)
		if err != nil {
			t.Fatalf("%s: compile: %v", name, err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if _, err := i.ExecuteWithContext(ctx, prog); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if len(decls) > 0 {
		file := &ast.File{Name: f.Name, Decls: decls, Package: f.Package, Scope: f.Scope}
		probe(t, i, name, file)
		run(file)
	}
	if len(stmts) > 0 {
		run(&ast.BlockStmt{Lbrace: stmts[0].Pos(), List: stmts, Rbrace: stmts[len(stmts)-1].End()})
	}
}

// probe compiles f with every name it declares renamed through the parser's objects, as
// the session does before it evaluates a declaration file with types or methods (see
// interp/probe.go): the rewrites must keep the identifiers they write for the cell's types
// resolved to the declarations, or the renamed copy does not compile.
func probe(t *testing.T, i *interp.Interpreter, name string, f *ast.File) {
	t.Helper()
	if f.Scope == nil || len(f.Scope.Objects) == 0 {
		return
	}
	renamed := map[*ast.Ident]bool{} // a rewrite may use one node in two places
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Obj != nil && f.Scope.Objects[id.Name] == id.Obj {
			renamed[id] = true
		}
		return true
	})
	for id := range renamed {
		id.Name = "__probe_" + id.Name
	}
	_, err := i.CompileAST(f)
	for id := range renamed {
		id.Name = strings.TrimPrefix(id.Name, "__probe_")
	}
	if err != nil {
		t.Fatalf("%s: compile with the declared names renamed: %v", name, err)
	}
}

// sessionImports tells whether a file of a cell session holds imports that the session
// evaluates without the Rewriter.
func sessionImports(name string) bool {
	return strings.HasPrefix(name, "import")
}
