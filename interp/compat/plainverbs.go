package compat

import (
	"go/ast"
	"go/types"
	"strings"
)

// plainVerbs converts the arguments of a printf call that fmt formats without their String
// or Error method (%d, %f, %c, %t, ... : every verb but v s q x X, and T p w) from a cell type
// with such a method to its underlying type. yaegi hands fmt such a value wrapped in a
// struct of its own that carries the method, so %d of `type Weekday int` with a String
// method printed the wrapper, {1 5506368}, where Go prints 1; %d of a cell struct with a
// String method printed {%!d(string=♠) 5506368} for Go's {10 %!d(string=♠)}.
//
//	fmt.Printf("%v %d\n", d, d)  =>  fmt.Printf("%v %d\n", d, int(d))
//
// A struct is converted to its struct type (the field tags that Rewrite adds do not matter
// to a conversion). Pointers and interfaces are left alone.
func (r *rewriter) plainVerbs(call *ast.CallExpr) {
	pc, ok := r.parsePrintCall(call)
	if !ok || pc.fi < 0 {
		return
	}
	for k, v := range pc.verbs {
		ai := pc.fi + 1 + k
		if ai >= len(call.Args) || strings.IndexByte(methodVerbs+"Tpw", v.verb) >= 0 {
			continue
		}
		if x := r.underlyingValue(call.Args[ai]); x != nil {
			call.Args[ai] = x
		}
	}
}

// underlyingValue returns e converted to its underlying type when e's type is a cell type
// with a String or Error method, or nil.
func (r *rewriter) underlyingValue(e ast.Expr) ast.Expr {
	t, ok := r.typeOf(e).(*types.Named)
	if !ok || !mentionsCell(t) || t.TypeParams().Len() > 0 || stringMethod(t) == "" {
		return nil
	}
	switch t.Underlying().(type) {
	case *types.Basic, *types.Struct:
	default:
		return nil
	}
	u := t.Underlying()
	if !expressible(u) {
		return nil
	}
	x := r.fragment("("+types.TypeString(u, r.qualifier)+")(_ggARG)", e.Pos())
	if x == nil {
		return nil
	}
	return substitute(x, "_ggARG", e)
}
