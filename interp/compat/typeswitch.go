package compat

import (
	"go/ast"
	"go/token"
	"go/types"
)

// typeSwitch rewrites a type switch, whose cases on types declared in cells yaegi never
// takes (it silently runs the default), into an expression switch over type assertions,
// which yaegi gets right:
//
//	switch v := x.(type) { case A: s1; case B, C: s2; case nil: s3; default: s4 }
//	=> switch _ggNx := x; {
//	   case func() bool { _, ok := _ggNx.(A); return ok }(): v := _ggNx.(A); _ = v; s1
//	   case <the same for B> || <for C>:                      v := _ggNx; _ = v; s2
//	   case _ggNx == nil:                                     v := _ggNx; _ = v; s3
//	   default:                                               v := _ggNx; _ = v; s4 }
//
// Clauses are tried in order as in a type switch, break keeps its meaning, and v has the
// case's type in single-type cases and the switched interface type otherwise.
func (r *rewriter) typeSwitch(ts *ast.TypeSwitchStmt) ast.Stmt {
	var bound *ast.Ident
	var x ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		bound, x = a.Lhs[0].(*ast.Ident), a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		x = a.X.(*ast.TypeAssertExpr).X
	default:
		return nil
	}
	r.next()
	pos := ts.Switch
	tmp := r.fresh(pos, "x")
	out := &ast.SwitchStmt{Switch: pos, Init: define(pos, []ast.Expr{tmp}, x), Body: block(ts.Body.Lbrace)}
	for _, s := range ts.Body.List {
		cc := s.(*ast.CaseClause)
		for _, t := range cc.List {
			r.checkAssert(x, t)
		}
		var cond ast.Expr
		for _, t := range cc.List {
			c := r.isType(tmp, r.typeOf(x), t)
			if cond == nil {
				cond = c
			} else {
				cond = &ast.BinaryExpr{X: cond, OpPos: t.Pos(), Op: token.LOR, Y: c}
			}
		}
		body := cc.Body
		if bound != nil {
			val := ast.Expr(ident(tmp, cc.Case))
			if len(cc.List) == 1 && !isNil(cc.List[0]) {
				val = &ast.TypeAssertExpr{X: ident(tmp, cc.Case), Lparen: cc.Case, Type: cc.List[0], Rparen: cc.Case}
				if x := r.assertIface(ident(tmp, cc.Case), r.typeOf(x), cc.List[0], false); x != nil {
					val = x
				}
			}
			use := &ast.AssignStmt{Lhs: []ast.Expr{&ast.Ident{NamePos: cc.Case, Name: "_"}}, TokPos: cc.Case, Tok: token.ASSIGN, Rhs: []ast.Expr{ident(bound, cc.Case)}}
			body = append([]ast.Stmt{define(cc.Case, []ast.Expr{ident(bound, cc.Case)}, val), use}, body...)
		}
		clause := &ast.CaseClause{Case: cc.Case, Colon: cc.Colon, Body: body}
		if cond != nil {
			clause.List = []ast.Expr{cond}
		}
		out.Body.List = append(out.Body.List, clause)
	}
	if ts.Init != nil {
		return block(pos, ts.Init, out) // the user's init stays in scope of the whole switch
	}
	return out
}

// isType returns the condition that tmp holds a value of type t (or is nil for "nil").
func (r *rewriter) isType(tmp *ast.Ident, xt types.Type, t ast.Expr) ast.Expr {
	pos := t.Pos()
	if isNil(t) {
		return &ast.BinaryExpr{X: ident(tmp, pos), OpPos: pos, Op: token.EQL, Y: &ast.Ident{NamePos: pos, Name: "nil"}}
	}
	blank := &ast.Ident{NamePos: pos, Name: "_"}
	ok := &ast.Ident{NamePos: pos, Name: "ok"}
	var assert ast.Expr = &ast.TypeAssertExpr{X: ident(tmp, pos), Lparen: pos, Type: t, Rparen: pos}
	if x := r.assertIface(ident(tmp, pos), xt, t, true); x != nil {
		assert = x
	}
	body := block(pos,
		&ast.AssignStmt{Lhs: []ast.Expr{blank, ok}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{assert}},
		&ast.ReturnStmt{Return: pos, Results: []ast.Expr{&ast.Ident{NamePos: pos, Name: "ok"}}},
	)
	boolType := &ast.FieldList{List: []*ast.Field{{Type: &ast.Ident{NamePos: pos, Name: "bool"}}}}
	lit := &ast.FuncLit{Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}, Results: boolType}, Body: body}
	// yaegi panics asserting a nil interface, where Go answers false
	notNil := &ast.BinaryExpr{X: ident(tmp, pos), OpPos: pos, Op: token.NEQ, Y: &ast.Ident{NamePos: pos, Name: "nil"}}
	return &ast.BinaryExpr{X: notNil, OpPos: pos, Op: token.LAND, Y: &ast.CallExpr{Fun: lit, Lparen: pos, Rparen: pos}}
}

// isNil tells whether a case type is the identifier nil.
func isNil(t ast.Expr) bool {
	id, ok := t.(*ast.Ident)
	return ok && id.Name == "nil"
}
