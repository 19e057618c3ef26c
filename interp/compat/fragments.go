package compat

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/ast/astutil"
)

// The rewrites that write Go source (printvalues.go, gosyntax.go, equality.go, ...) parse
// it into a fragment placed at the code it replaces, with the replaced expression put in
// where the source names it.

// rebuild returns the expression that build writes for e, given the name that stands for
// e in its source and e's type, with e in place of that name; nil when build has nothing to
// write (or e has no known type). e is evaluated once, where the source names it.
func (r *rewriter) rebuild(e ast.Expr, build func(src string, t types.Type) (string, bool)) ast.Expr {
	t := r.typeOf(e)
	if t == nil {
		return nil
	}
	src, ok := build("_ggARG", t)
	if !ok {
		return nil
	}
	x := r.fragment(src, e.Pos())
	if x == nil {
		return nil
	}
	return substitute(x, "_ggARG", e)
}

// fragment parses the expression src, placed at pos, with its type names pointing at the
// cell's declarations (resolve.go); nil if src does not parse.
func (r *rewriter) fragment(src string, pos token.Pos) ast.Expr {
	x, err := parser.ParseExpr(src)
	if err != nil {
		return nil
	}
	PlaceAt(x, pos)
	resolve(x, r.scope)
	return x
}

// substitute replaces the identifier name in x by e.
func substitute(x ast.Expr, name string, e ast.Expr) ast.Expr {
	out := astutil.Apply(x, nil, func(c *astutil.Cursor) bool {
		if id, ok := c.Node().(*ast.Ident); ok && id.Name == name {
			c.Replace(e)
		}
		return true
	})
	return out.(ast.Expr)
}

// PlaceAt moves every valid position in x to pos, so that a parsed fragment reports errors
// at the place it replaces (NoPos fields, such as the Ellipsis of a call without one, mean
// something and stay). The session places its own fragments with it too.
func PlaceAt(x ast.Node, pos token.Pos) {
	posType := reflect.TypeFor[token.Pos]()
	ast.Inspect(x, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		v := reflect.ValueOf(n)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return true
		}
		v = v.Elem()
		for i := range v.NumField() {
			if f := v.Field(i); f.Type() == posType && f.CanSet() && f.Int() != 0 {
				f.SetInt(int64(pos))
			}
		}
		return true
	})
}
