package interp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
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
	setPos(x, pos)
	return x
}

// setPos sets every valid token.Pos field of every node under n to pos (NoPos fields, such as
// the Ellipsis of a call without one, mean something and stay).
func setPos(n ast.Node, pos token.Pos) {
	posType := reflect.TypeOf(token.NoPos)
	ast.Inspect(n, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		v := reflect.ValueOf(n)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return true
		}
		v = v.Elem()
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.Type() == posType && f.CanSet() && f.Int() != 0 {
				f.Set(reflect.ValueOf(pos))
			}
		}
		return true
	})
}
