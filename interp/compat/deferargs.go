package compat

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// deferArgs makes a defer statement evaluate its arguments when it runs, as Go does. yaegi
// v0.16.1 evaluates them when the deferred call runs, at the function's end:
//
//	i := 0; defer fmt.Println(i); i = 5   // yaegi printed 5, Go prints 0
//
// and so `for i := 0; i < 3; i++ { defer fmt.Println(i) }` printed 3 3 3 instead of 2 1 0.
// The arguments, and the receiver of a method with a value receiver (or called through a
// pointer or an interface), are copied into fresh variables in a block of their own, which
// yaegi gives new storage each time it runs:
//
//	defer t.P(x, i+1)  =>  { _ggNr, _ggNa0, _ggNa1 := t, x, i+1; defer _ggNr.P(_ggNa0, _ggNa1) }
//
// Constants, nil, function literals and functions are left in place, and so is a receiver
// whose pointer-receiver method Go calls on its address (defer mu.Unlock()). It returns the
// block, or nil when nothing needs copying.
func (r *rewriter) deferArgs(d *ast.DeferStmt) ast.Stmt {
	call := d.Call
	if len(call.Args) == 1 {
		if tup, ok := r.typeOf(call.Args[0]).(*types.Tuple); ok && tup.Len() > 1 {
			return nil // defer f(g()) with several results: left as written
		}
	}
	r.next()
	pos := d.Defer
	var lhs, rhs []ast.Expr
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok && r.copiesReceiver(sel) {
		v := r.fresh(pos, "r")
		lhs, rhs = append(lhs, v), append(rhs, sel.X)
		call.Fun = &ast.SelectorExpr{X: ident(v, pos), Sel: sel.Sel}
	}
	for k, a := range call.Args {
		if !r.needsCopy(a) {
			continue
		}
		v := r.fresh(pos, "a"+strconv.Itoa(k))
		lhs, rhs = append(lhs, v), append(rhs, a)
		call.Args[k] = ident(v, pos)
	}
	if len(lhs) == 0 {
		return nil
	}
	def := &ast.AssignStmt{Lhs: lhs, TokPos: pos, Tok: token.DEFINE, Rhs: rhs}
	return block(pos, def, d)
}

// copiesReceiver tells whether the receiver of a deferred method call must be evaluated
// now: a method value whose receiver is not taken by address.
func (r *rewriter) copiesReceiver(sel *ast.SelectorExpr) bool {
	if r.info == nil {
		return false
	}
	fn, ok := r.info.Uses[sel.Sel].(*types.Func)
	if !ok {
		return false // a package's variable, a field of func type
	}
	sig, ok := fn.Type().(*types.Signature)
	tv, known := r.info.Types[sel.X]
	if !ok || sig.Recv() == nil || !known || tv.IsType() {
		return false // a package's function, a method expression
	}
	_, ptrRecv := sig.Recv().Type().(*types.Pointer)
	_, ptrX := tv.Type.Underlying().(*types.Pointer)
	_, ifaceX := tv.Type.Underlying().(*types.Interface)
	return ifaceX || ptrX || !ptrRecv
}

// needsCopy tells whether an argument's value can change between the defer and the call.
func (r *rewriter) needsCopy(a ast.Expr) bool {
	switch e := ast.Unparen(a).(type) {
	case *ast.BasicLit, *ast.FuncLit:
		return false
	case *ast.Ident:
		if e.Name == "nil" || e.Name == "true" || e.Name == "false" {
			return false
		}
	}
	if r.info == nil {
		return true
	}
	if tv, ok := r.info.Types[a]; ok && (tv.Value != nil || tv.IsNil() || tv.IsType()) {
		return false
	}
	if id, ok := ast.Unparen(a).(*ast.Ident); ok {
		if _, fn := r.info.Uses[id].(*types.Func); fn {
			return false
		}
	}
	return true
}
