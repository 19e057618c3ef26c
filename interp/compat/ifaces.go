package compat

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// yaegi v0.16.1 gets interfaces wrong around types declared in cells (measured, see
// FEATURES.md). The fixes here need the static types of the cell, so they apply to values
// and interfaces whose types the cell itself shows.

// isCellValueType tells whether t is a named non-interface type declared in the cell
// (package main), used by value.
func isCellValueType(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
		return false
	}
	_, isIface := n.Underlying().(*types.Interface)
	return !isIface
}

// isNativeIface tells whether t is an interface with methods declared outside the cell,
// such as error or fmt.Stringer: the kind that yaegi breaks when given a cell value.
func isNativeIface(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	it, ok := n.Underlying().(*types.Interface)
	return ok && it.NumMethods() > 0 && (n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main")
}

// typeOf returns the static type go/types found for e, or nil.
func (r *rewriter) typeOf(e ast.Expr) types.Type {
	if tv, ok := r.info.Types[e]; ok {
		return tv.Type
	}
	return nil
}

// typeExpr returns t written as a type expression of the cell, or nil if it cannot be.
func (r *rewriter) typeExpr(t types.Type, pos token.Pos) ast.Expr {
	if t == nil || !expressible(t) {
		return nil
	}
	x, err := parser.ParseExpr(types.TypeString(t, r.qualifier))
	if err != nil {
		return nil
	}
	setPos(x, pos)
	resolve(x, r.scope)
	return x
}

// toIface returns e converted to the native interface type iface through a function
// parameter, the one conversion yaegi gets right (a var declaration, an assignment or a
// conversion I(v) keeps the bare struct: fmt prints {2} for an error and calling a
// method panics), or e itself when no conversion is needed.
//
//	var err error = MyErr{2}  =>  var err error = func(x error) error { return x }(MyErr{2})
func (r *rewriter) toIface(e ast.Expr, iface types.Type) ast.Expr {
	if iface == nil || !isNativeIface(iface) || !isCellValueType(r.typeOf(e)) {
		return e
	}
	if x := r.viaParam(e, func() ast.Expr { return r.typeExpr(iface, e.Pos()) }, false); x != nil {
		return x
	}
	return e
}

// viaParam returns e converted to an interface through function parameters:
// func(x I) I { return x }(e), and for a call's result, whose value given straight to
// that parameter still panics ("reflect: Call using struct ... as type fmt.Stringer"),
// first through a parameter of its own type:
//
//	func(y MyErr) error { return func(x error) error { return x }(y) }(f())
//
// iface writes I (anew for each use); nil if it cannot. When the call's own type cannot be
// written, viaParam returns nil if ownRequired, else the single conversion.
func (r *rewriter) viaParam(e ast.Expr, iface func() ast.Expr, ownRequired bool) ast.Expr {
	pos := e.Pos()
	param, result := iface(), iface()
	if param == nil || result == nil {
		return nil
	}
	x := &ast.Ident{NamePos: pos, Name: "x"}
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos,
			Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{x}, Type: param}}},
			Results: &ast.FieldList{List: []*ast.Field{{Type: result}}}},
		Body: block(pos, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(x, pos)}}),
	}
	if _, isCall := ast.Unparen(e).(*ast.CallExpr); isCall {
		own := r.typeExpr(r.typeOf(e), pos)
		if own == nil && ownRequired {
			return nil
		}
		if own != nil {
			y := &ast.Ident{NamePos: pos, Name: "y"}
			inner := &ast.CallExpr{Fun: lit, Lparen: pos, Args: []ast.Expr{ident(y, pos)}, Rparen: pos}
			lit = &ast.FuncLit{
				Type: &ast.FuncType{Func: pos,
					Params:  &ast.FieldList{List: []*ast.Field{{Names: []*ast.Ident{y}, Type: own}}},
					Results: &ast.FieldList{List: []*ast.Field{{Type: iface()}}}},
				Body: block(pos, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{inner}}),
			}
		}
	}
	return &ast.CallExpr{Fun: lit, Lparen: pos, Args: []ast.Expr{e}, Rparen: pos}
}

// assignIfaces applies toIface to the values of a declaration or assignment whose
// targets have native interface types.
func (r *rewriter) assignIfaces(n ast.Node) {
	switch n := n.(type) {
	case *ast.ValueSpec:
		if n.Type == nil || len(n.Values) != len(n.Names) {
			return
		}
		t := r.typeOf(n.Type)
		for i, v := range n.Values {
			n.Values[i] = r.toIface(v, t)
		}
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
			return
		}
		for i, v := range n.Rhs {
			n.Rhs[i] = r.toIface(v, r.typeOf(n.Lhs[i]))
		}
	}
}

// conversion returns the replacement of a conversion I(v) of a cell value to a native
// interface, or nil.
func (r *rewriter) conversion(call *ast.CallExpr) ast.Expr {
	tv, ok := r.info.Types[call.Fun]
	if !ok || !tv.IsType() || len(call.Args) != 1 {
		return nil
	}
	if x := r.toIface(call.Args[0], tv.Type); x != call.Args[0] {
		return x
	}
	return nil
}

// checkAssert reports a type assertion that yaegi answers wrongly: a cell value type
// asserted out of a native interface (err.(MyErr) is always false in yaegi).
func (r *rewriter) checkAssert(x ast.Expr, typ ast.Expr) {
	if typ == nil || !isNativeIface(r.typeOf(x)) || !isCellValueType(r.typeOf(typ)) {
		return
	}
	name := types.TypeString(r.typeOf(typ), r.qualifier)
	r.errorf(typ.Pos(), "type assertion of the cell type %s out of %s is not supported by the interpreter (it always fails); "+
		"give %s's methods pointer receivers, store &%s{...}, and assert *%s instead",
		name, types.TypeString(r.typeOf(x), r.qualifier), name, name, name)
}
