package compat

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/astutil"
)

// forLoopVars gives each iteration of a three-clause loop its own copy of the variables
// the loop declares (Go 1.22), when the body could tell: it holds a function literal or
// takes an address.
//
//	for i := 0; i < n; i++ { fs = append(fs, func() { println(i) }) }
//	=> for i := 0; i < n; i++ { i := i; fs = append(fs, func() { println(i) }) }
//
// A variable that the body assigns to is renamed in the loop's clauses and copied back at
// the end of the body and before each continue, so the change reaches the condition and
// the post statement as in Go:
//
//	for i := 0; i < n; i++ { i++; f(&i) }
//	=> for _ggNi := 0; _ggNi < n; _ggNi++ { i := _ggNi; i++; f(&i); _ggNi = i }
func (r *rewriter) forLoopVars(fs *ast.ForStmt, label *ast.Ident) {
	init, ok := fs.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || !needsCopies(fs.Body) {
		return
	}
	var names []*ast.Ident
	for _, e := range init.Lhs {
		id, ok := e.(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		if !assigns(fs.Body, id.Name) {
			names = append(names, id)
			continue
		}
		r.next()
		user := &ast.Ident{NamePos: id.Pos(), Name: id.Name}
		outer := r.fresh(id.Pos(), id.Name)
		for _, n := range []ast.Node{init, fs.Cond, fs.Post} {
			rename(n, user.Name, outer.Name)
		}
		pos := fs.Body.Lbrace
		back := func() ast.Stmt {
			return &ast.AssignStmt{Lhs: []ast.Expr{ident(outer, pos)}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{ident(user, pos)}}
		}
		writeBackOnContinue(fs.Body, label, back)
		fs.Body.List = append(fs.Body.List, back())
		fs.Body.List = append([]ast.Stmt{define(pos, []ast.Expr{ident(user, pos)}, ident(outer, pos))}, fs.Body.List...)
	}
	copyVars(fs.Body, names)
}

// rename renames the identifiers called from in n to to (n may be nil).
func rename(n ast.Node, from, to string) {
	if n == nil {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == from {
			id.Name = to
		}
		return true
	})
}

// writeBackOnContinue puts a write-back statement before every continue of body that
// continues the loop: unlabeled ones outside nested loops, and those naming label.
func writeBackOnContinue(body *ast.BlockStmt, label *ast.Ident, back func() ast.Stmt) {
	depth := 0
	pre := func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			depth++
		case *ast.BranchStmt:
			ours := n.Label == nil && depth == 0 || label != nil && n.Label != nil && n.Label.Name == label.Name
			if n.Tok == token.CONTINUE && ours {
				c.Replace(block(n.Pos(), back(), n))
			}
		}
		return true
	}
	post := func(c *astutil.Cursor) bool {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			depth--
		}
		return true
	}
	astutil.Apply(body, pre, post)
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
