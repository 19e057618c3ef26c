package compat

import (
	"go/ast"
	"go/token"
)

// forLoopVars gives each iteration of a three-clause loop its own copy of the variables
// the loop declares (Go 1.22), when the body could tell: it holds a function literal or
// takes an address. A variable the body assigns to keeps yaegi's single shared variable,
// since a copy would hide the change from the loop's condition and post statement.
//
//	for i := 0; i < n; i++ { fs = append(fs, func() { println(i) }) }
//	=> for i := 0; i < n; i++ { i := i; fs = append(fs, func() { println(i) }) }
func (r *rewriter) forLoopVars(fs *ast.ForStmt) {
	init, ok := fs.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || !needsCopies(fs.Body) {
		return
	}
	var names []*ast.Ident
	for _, e := range init.Lhs {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" && !assigns(fs.Body, id.Name) {
			names = append(names, id)
		}
	}
	copyVars(fs.Body, names)
}

// needsCopies tells whether a loop body can observe that its variables are per-iteration:
// it has a function literal (a closure, a go or defer of one) or takes an address.
func needsCopies(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND
		}
		return !found
	})
	return found
}

// assigns tells whether body assigns to or increments a variable called name.
func assigns(body *ast.BlockStmt, name string) bool {
	found := false
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && id.Name == name
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, l := range n.Lhs {
					found = found || is(l)
				}
			}
		case *ast.IncDecStmt:
			found = found || is(n.X)
		}
		return !found
	})
	return found
}

// copyVars puts "x := x" for every name at the top of body.
func copyVars(body *ast.BlockStmt, names []*ast.Ident) {
	if len(names) == 0 {
		return
	}
	pos := body.Lbrace
	lhs := make([]ast.Expr, len(names))
	rhs := make([]ast.Expr, len(names))
	for i, id := range names {
		lhs[i], rhs[i] = ident(id, pos), ident(id, pos)
	}
	as := &ast.AssignStmt{Lhs: lhs, TokPos: pos, Tok: token.DEFINE, Rhs: rhs}
	body.List = append([]ast.Stmt{as}, body.List...)
}

// returns tells whether body has a return statement of its own (not in a function literal).
func returns(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}
