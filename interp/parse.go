package interp

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"
)

// padded returns src with every byte outside units and comments blanked (newlines kept), so
// that the units parse on their own at the positions they have in the cell, doc comments
// included.
func padded(src string, units []unit) string {
	b := []byte(src)
	keep := make([]bool, len(b))
	for _, u := range append(units, comments(src)...) {
		for i := u.start; i < u.end; i++ {
			keep[i] = true
		}
	}
	for i := range b {
		if !keep[i] && b[i] != '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// comments returns the byte ranges of the comments of src.
func comments(src string) []unit {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var sc scanner.Scanner
	sc.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	var out []unit
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			return out
		}
		if tok == token.COMMENT {
			start := file.Offset(pos)
			out = append(out, unit{start: start, end: start + len(lit)})
		}
	}
}

// parseDecls parses import or declaration units as one file named file (for positions).
func parseDecls(fset *token.FileSet, file, src string, units []unit) (*ast.File, error) {
	text := "package main\n//line " + file + ":1:1\n" + padded(src, units)
	return parser.ParseFile(fset, sourceBase, text, parser.ParseComments)
}

// parseStmts parses statement units as the body of a function, and returns that body and
// the file around it (whose Unresolved lists the names the body takes from outside).
func parseStmts(fset *token.FileSet, file, src string, units []unit) (*ast.BlockStmt, *ast.File, error) {
	text := "package main\nfunc main() {\n//line " + file + ":1:1\n" + padded(src, units) + "\n}"
	f, err := parser.ParseFile(fset, sourceBase, text, 0)
	if err != nil {
		return nil, nil, err
	}
	return f.Decls[0].(*ast.FuncDecl).Body, f, nil
}

// sourceBase is the base name of every file the session compiles. yaegi scopes imports by
// the base name of the file, so it must be the same for every cell for imports to persist.
const sourceBase = "in"

// cellFile is the file name positions of a cell are reported in, before cleanMessage turns
// "cell[3]/in:2:5" into "cell[3]:2:5".
func cellFile(count int) string {
	return cellLabel(count) + "/" + sourceBase
}

// cellLabel names a cell in messages: "cell[3]", or "cell" for a silent one.
func cellLabel(count int) string {
	if count <= 0 {
		return "cell"
	}
	return "cell[" + strconv.Itoa(count) + "]"
}
