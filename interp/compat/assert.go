package compat

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// implementers returns the types declared in the cell, T or *T, that implement iface.
func (r *rewriter) implementers(iface types.Type) []types.Type {
	it, ok := iface.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return nil
	}
	var out []types.Type
	for id, obj := range r.info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.Parent() != tn.Pkg().Scope() || id.Name == "_" {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 || types.IsInterface(n) {
			continue
		}
		for _, t := range []types.Type{n, types.NewPointer(n)} {
			if types.Implements(t, it) {
				out = append(out, t)
			}
		}
	}
	// Defs is a map: sort for a stable rewrite
	sortTypes(out)
	return out
}

// assertIface returns the replacement of x.(I) for an interface I that types declared in
// the cell implement; yaegi answers false for those (a cell value in an any is not seen
// as an I). The value is tried against I natively, then against each implementing cell
// type, and converted to I by a function return, which yaegi gets right (asserting a cell
// value to a cell interface directly crashes yaegi, so that is tried only for native ones):
//
//	x.(Shape)  =>  func(_ggNx any) (Shape, bool) {
//	                   if c, ok := _ggNx.(Square); ok { return c, true }
//	                   var zero Shape; return zero, false }(x)
//
// xt is the static type of x. With commaOK false the function returns only the value and panics when nothing matches.
// It returns nil when no rewrite is needed or possible.
func (r *rewriter) assertIface(x ast.Expr, xt types.Type, typ ast.Expr, commaOK bool) ast.Expr {
	iface := r.typeOf(typ)
	if iface == nil || xt == nil || !types.IsInterface(iface) {
		return nil
	}
	impls := r.implementers(iface)
	if len(impls) == 0 {
		return nil
	}
	pos := typ.Pos()
	r.next()
	arg := r.fresh(pos, "x")
	xExpr := r.typeExpr(xt, pos)
	if xExpr == nil {
		return nil
	}
	var body []ast.Stmt
	candidates := impls
	if isNativeIface(iface) {
		// native values implement it too; tried last, since for a cell value yaegi's
		// x.(error) answers ok with a nil value
		candidates = append(candidates, iface)
	}
	for _, t := range candidates {
		te := r.typeExpr(t, pos)
		if te == nil {
			return nil
		}
		c, ok := &ast.Ident{NamePos: pos, Name: "c"}, &ast.Ident{NamePos: pos, Name: "ok"}
		results := []ast.Expr{ident(c, pos)}
		if commaOK {
			results = append(results, &ast.Ident{NamePos: pos, Name: "true"})
		}
		body = append(body, &ast.IfStmt{If: pos,
			Init: &ast.AssignStmt{Lhs: []ast.Expr{c, ok}, TokPos: pos, Tok: token.DEFINE,
				Rhs: []ast.Expr{&ast.TypeAssertExpr{X: ident(arg, pos), Lparen: pos, Type: te, Rparen: pos}}},
			Cond: ident(ok, pos),
			Body: block(pos, &ast.ReturnStmt{Return: pos, Results: results}),
		})
	}
	resultTypes := []*ast.Field{{Type: r.typeExpr(iface, pos)}}
	if commaOK {
		zero := &ast.Ident{NamePos: pos, Name: "zero"}
		body = append(body,
			&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
				&ast.ValueSpec{Names: []*ast.Ident{zero}, Type: r.typeExpr(iface, pos)}}}},
			&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(zero, pos), &ast.Ident{NamePos: pos, Name: "false"}}})
		resultTypes = append(resultTypes, &ast.Field{Type: &ast.Ident{NamePos: pos, Name: "bool"}})
	} else {
		msg := "interface conversion: " + types.TypeString(xt, r.qualifier) + " is not " +
			types.TypeString(iface, r.qualifier) + ": missing method"
		body = append(body, &ast.ExprStmt{X: &ast.CallExpr{Fun: &ast.Ident{NamePos: pos, Name: "panic"}, Lparen: pos,
			Args: []ast.Expr{&ast.BasicLit{ValuePos: pos, Kind: token.STRING, Value: strconv.Quote(msg)}}, Rparen: pos}})
	}
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos,
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{arg}, Type: xExpr}}},
			Results: &ast.FieldList{List: resultTypes}},
		Body: block(pos, body...),
	}
	return &ast.CallExpr{Fun: lit, Lparen: pos, Args: []ast.Expr{x}, Rparen: pos}
}

// commaOKAsserts records the type assertions of the original tree used in the comma-ok
// form (v, ok := x.(T), v, ok = x.(T), var v, ok = x.(T)).
func commaOKAsserts(f *ast.File) map[*ast.TypeAssertExpr]bool {
	out := map[*ast.TypeAssertExpr]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		var lhs int
		var rhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs, rhs = len(n.Lhs), n.Rhs
		case *ast.ValueSpec:
			lhs, rhs = len(n.Names), n.Values
		}
		if lhs == 2 && len(rhs) == 1 {
			if ta, ok := rhs[0].(*ast.TypeAssertExpr); ok {
				out[ta] = true
			}
		}
		return true
	})
	return out
}

// sortTypes sorts types by their string form, each computed once (a session can have
// hundreds of cell types, and a type's string is costly).
func sortTypes(ts []types.Type) {
	keys := make(map[types.Type]string, len(ts))
	for _, t := range ts {
		keys[t] = t.String()
	}
	slices.SortStableFunc(ts, func(a, b types.Type) int { return strings.Compare(keys[a], keys[b]) })
}
