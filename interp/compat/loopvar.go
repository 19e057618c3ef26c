package compat

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/astutil"
)

// forLoopVars gives each iteration of a three-clause loop its own copy of the variables
// the loop declares (Go 1.22), when the body could tell: it holds a function literal or
// takes an address. The loop's clauses use a renamed variable and the body declares the
// user's name from it; a variable the body changes is copied back at the end of the body
// and before each continue, so the change reaches the condition and the post statement:
//
//	for i := 0; i < n; i++ { fs = append(fs, func() { println(i) }) }
//	=> for _ggNi := 0; _ggNi < n; _ggNi++ { i := _ggNi; fs = append(fs, func() { println(i) }) }
//
// The simpler "i := i" is not used: at the top level of a cell, yaegi resolves both sides
// of a shadowing define to the new variable (the copy is the zero value).
func (r *rewriter) forLoopVars(fs *ast.ForStmt, label *ast.Ident) {
	init, ok := fs.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || !needsCopies(fs.Body) {
		return
	}
	pos := fs.Body.Lbrace
	var prefix []ast.Stmt
	for k, e := range init.Lhs {
		id, ok := e.(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		r.next()
		user := &ast.Ident{NamePos: id.Pos(), Name: id.Name}
		outer := r.fresh(id.Pos(), id.Name)
		init.Lhs[k] = outer
		for _, n := range []ast.Node{fs.Cond, fs.Post} {
			rename(n, user.Name, outer.Name)
		}
		if assigns(fs.Body, user.Name) {
			back := func() ast.Stmt {
				return &ast.AssignStmt{Lhs: []ast.Expr{ident(outer, pos)}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{ident(user, pos)}}
			}
			writeBackOnContinue(fs.Body, label, back)
			fs.Body.List = append(fs.Body.List, back())
		}
		prefix = append(prefix, define(pos, []ast.Expr{ident(user, pos)}, ident(outer, pos)))
	}
	fs.Body.List = append(prefix, fs.Body.List...)
}

// rangeLoopVars does the same for a range loop over a slice, map, string or channel:
//
//	for k, v := range m { body }  =>  for _ggNk, _ggNv := range m { k := _ggNk; v := _ggNv; body }
func (r *rewriter) rangeLoopVars(rs *ast.RangeStmt) {
	if rs.Tok != token.DEFINE || !needsCopies(rs.Body) {
		return
	}
	pos := rs.Body.Lbrace
	var prefix []ast.Stmt
	for _, e := range []*ast.Expr{&rs.Key, &rs.Value} {
		id, ok := (*e).(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		r.next()
		fresh := r.fresh(id.Pos(), id.Name)
		*e = fresh
		prefix = append(prefix, define(pos, []ast.Expr{ident(id, pos)}, ident(fresh, pos)))
	}
	rs.Body.List = append(prefix, rs.Body.List...)
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
