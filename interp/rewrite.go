package interp

import (
	"go/ast"
	"go/parser"
	"go/token"

	"github.com/gograd/gograd/interp/compat"
)

// rewrite transforms one parsed piece of a cell in place before it is evaluated. Statements
// come as the body of a "func main()" in f. Positions of the user's nodes must be kept.
type rewrite func(fset *token.FileSet, f *ast.File) error

// applyRewrites runs the source rewrites over a piece of a cell: first the session's compat
// rewriter, which brings Go 1.26 to yaegi (range over int and func, min/max/clear, loop
// variables, type switches on cell types, ...) and runs top-level compound statements in
// function literals; then the rewrites of this package (rewrite_*.go), each a small function
// over the AST that closes one of yaegi's gaps.
func (s *Session) applyRewrites(fset *token.FileSet, f *ast.File) error {
	if err := s.compat.Rewrite(fset, f); err != nil {
		return err
	}
	for _, rw := range []rewrite{rewriteGo, s.rewriteAt} {
		if err := rw(fset, f); err != nil {
			return err
		}
	}
	return nil
}

// template parses a Go expression and places every node of it at pos: synthesized code needs
// positions in the cell's file, since yaegi resolves package names by file.
func template(src string, pos token.Pos) ast.Expr {
	x, err := parser.ParseExpr(src)
	if err != nil {
		panic("interp: bad template " + src + ": " + err.Error()) // programmer error
	}
	compat.PlaceAt(x, pos)
	return x
}
