package compat

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// builtin returns the replacement of a call to the built-in min, max or clear (Go 1.21),
// or nil to keep the call.
//
//   - A constant min or max becomes the argument it selects, so the result stays a
//     constant: min(3, 1, 2) => 1.
//   - Otherwise min and max call gogradcompat.Min and Max, with the constant arguments
//     moved after the others (constants have no side effects, so the order of evaluation
//     is kept): yaegi infers the type parameter from the first argument, and cannot
//     convert an untyped float constant to it when it comes first.
//   - clear(x) calls gogradcompat.Clear(x).
func (r *rewriter) builtin(call *ast.CallExpr) ast.Expr {
	id, ok := call.Fun.(*ast.Ident)
	if !ok || (id.Name != "min" && id.Name != "max" && id.Name != "clear") {
		return nil
	}
	if obj, known := r.info.Uses[id]; known {
		if _, isBuiltin := obj.(*types.Builtin); !isBuiltin {
			return nil // the cell's own min, max or clear
		}
	}
	pos := id.Pos()
	if id.Name == "clear" {
		return &ast.CallExpr{Fun: helper(pos, "Clear"), Lparen: call.Lparen, Args: call.Args, Rparen: call.Rparen}
	}
	if c := r.constantPick(call); c != nil {
		return c
	}
	var vars, consts []ast.Expr
	for _, a := range call.Args {
		if tv, ok := r.info.Types[a]; ok && tv.Value != nil || isLiteral(a) {
			consts = append(consts, a)
		} else {
			vars = append(vars, a)
		}
	}
	name := "BuiltinMin" // not Min: see gogradcompat/builtins.go
	if id.Name == "max" {
		name = "BuiltinMax"
	}
	args := append(vars, consts...)
	for i, a := range vars {
		// yaegi infers no type argument from a natively typed value (x := math.Sqrt(2)):
		// convert it to the type of the result (explicit type arguments of the variadic
		// Max fail inside another call's arguments)
		if te := r.typeExpr(r.typeOf(call), pos); te != nil && r.isNative(a) {
			args[i] = &ast.CallExpr{Fun: te, Lparen: a.Pos(), Args: []ast.Expr{a}, Rparen: a.End()}
		}
	}
	return &ast.CallExpr{Fun: helper(pos, name), Lparen: call.Lparen, Args: args, Rparen: call.Rparen}
}

// constantPick returns, for a min or max whose value go/types computed, the argument that
// it selects (as an untyped float literal when an integer constant is selected among
// floats), or nil.
func (r *rewriter) constantPick(call *ast.CallExpr) ast.Expr {
	tv, ok := r.info.Types[call]
	if !ok || tv.Value == nil {
		return nil
	}
	for _, a := range call.Args {
		at, ok := r.info.Types[a]
		if !ok || at.Value == nil || constant.Compare(at.Value, token.NEQ, tv.Value) {
			continue
		}
		if tv.Value.Kind() == constant.Float && at.Value.Kind() == constant.Int {
			return &ast.BasicLit{ValuePos: a.Pos(), Kind: token.FLOAT, Value: at.Value.ExactString() + ".0"}
		}
		return &ast.ParenExpr{Lparen: a.Pos(), X: a, Rparen: a.End()}
	}
	return nil
}

// isLiteral tells whether e is a basic literal, possibly signed or in parentheses.
func isLiteral(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.UnaryExpr:
		return (e.Op == token.SUB || e.Op == token.ADD) && isLiteral(e.X)
	}
	return false
}
