package compat

import (
	"go/ast"
)

// The session does more with a rewritten declaration file than evaluate it: before it
// registers anything, it compiles a copy with every name the file declares renamed, and it
// finds those names through the parser's resolution (ast.Ident.Obj). An identifier that a
// rewrite writes for a type declared in the cell must therefore share the parser's object
// of that declaration, as the user's identifiers do; otherwise the copy keeps the old name
// where the declaration has the new one, and yaegi reports "undefined: P" for a cell that
// is correct (an assertion to fmt.Stringer in a function declared with the type P it tries).

// resolve points the identifiers of the type expression x that name types declared in the
// file (scope is its parser scope, may be nil) at the parser's objects of those types.
// Field and method names, and the names selected from packages, are left alone.
func resolve(x ast.Expr, scope *ast.Scope) {
	if scope == nil {
		return
	}
	skip := map[*ast.Ident]bool{}
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			skip[n.Sel] = true
		case *ast.Field:
			for _, name := range n.Names {
				skip[name] = true
			}
		case *ast.Ident:
			if skip[n] || n.Obj != nil {
				return true
			}
			if obj := scope.Lookup(n.Name); obj != nil && obj.Kind == ast.Typ {
				n.Obj = obj
			}
		}
		return true
	})
}
