package compat

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// yaegi v0.16.1 hands a cell value passed straight to a native variadic parameter of an
// interface type to reflect as the bare interpreted value, and the call panics:
//
//	errors.Join(E1{}, &E2{})          // panic: reflect: cannot use struct {} as type error in Call
//	nn.NewSequential(lin, &Double{})  // ... cannot use *struct {} as type nn.Module
//	p.Add(box{})                      // ... as type plot.Plotter (p a *plot.Plot)
//
// A conversion I(v) fails the same way for pointers (measured). What works is passing the
// value through a function parameter of the interface type, as toIface does for
// assignments (ifaces.go): yaegi then wraps it in its interface wrapper, whose methods call
// the cell's. So each such argument becomes
//
//	errors.Join(func(x error) error { return x }(E1{}), func(x error) error { return x }(&E2{}))
//
// when go/types shows that the callee is a function of a native package or a method of a
// native type, its variadic parameter has a non-empty interface type (fmt.Println's
// ...any works as it is), and the argument's static type is a cell type, a pointer to one
// or a cell interface (a native interface value such as an error variable works already).
// A call that spreads a slice (f(xs...)) works already and is left alone.
//
// Caveat (yaegi's wrappers, not fixed): the wrapper has only the methods of the parameter's
// interface, so native code that asserts the value to another interface does not see the
// cell's other methods: nn's Sequential does not find a String method of a cell layer, and
// plot.Add does not find a DataRange method of a cell plotter (set the axes' Min and Max).

// variadicIfaces rewrites the arguments of call that go to a native variadic parameter of
// an interface type (see above).
func (r *rewriter) variadicIfaces(call *ast.CallExpr) {
	if call.Ellipsis.IsValid() || !isNativeCall(r.info, call) {
		return
	}
	sel := ast.Unparen(call.Fun).(*ast.SelectorExpr) // isNativeCall checked it
	sig, ok := r.info.Uses[sel.Sel].Type().(*types.Signature)
	if !ok || !sig.Variadic() {
		return
	}
	last := sig.Params().Len() - 1
	slice, ok := sig.Params().At(last).Type().(*types.Slice)
	if !ok {
		return
	}
	iface := slice.Elem()
	if it, ok := iface.Underlying().(*types.Interface); !ok || it.NumMethods() == 0 {
		return
	}
	for i := last; i < len(call.Args); i++ {
		arg := r.unconvert(call.Args[i])
		if !involvesCellType(r.typeOf(arg)) {
			continue
		}
		if x := r.throughParam(arg, iface); x != nil {
			call.Args[i] = x
			continue
		}
		r.errorf(arg.Pos(), "passing the cell value %s to the variadic parameter of %s is not supported by the interpreter here: "+
			"its type %s cannot be written in this cell (import its package), or pass the values as a slice: %s([]%s{...}...)",
			render(r.fset, arg), render(r.fset, call.Fun), types.TypeString(iface, r.qualifier), render(r.fset, call.Fun), types.TypeString(iface, r.qualifier))
	}
}

// unconvert returns x of a conversion I(x) to an interface, which yaegi gets wrong for
// pointers, or e itself.
func (r *rewriter) unconvert(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return e
	}
	tv, ok := r.info.Types[call.Fun]
	if !ok || !tv.IsType() {
		return e
	}
	if _, ok := tv.Type.Underlying().(*types.Interface); !ok {
		return e
	}
	return call.Args[0]
}

// involvesCellType tells whether t is a type declared in the cell (package main), or a
// pointer to one.
func involvesCellType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "main"
}

// throughParam returns func(x I) I { return x }(e), or nil if I cannot be written in the
// cell: its package must be imported under a name the cell uses.
func (r *rewriter) throughParam(e ast.Expr, iface types.Type) ast.Expr {
	return r.viaParam(e, func() ast.Expr { return r.typeExprImported(iface, e.Pos()) }, true)
}

// typeExprImported returns t written as a type expression of the cell, with the names
// under which the cell or an earlier one refers to the packages of its named parts, or nil
// if one of them is not referred to at all: the rewrite must not write a package name the
// interpreter does not know in this cell.
func (r *rewriter) typeExprImported(t types.Type, pos token.Pos) ast.Expr {
	if t == nil || !expressible(t) {
		return nil
	}
	names := map[string]string{} // import path -> name in the cell
	for _, m := range []map[*ast.Ident]types.Object{r.info.Uses, r.info.Defs} {
		for _, obj := range m {
			if pn, ok := obj.(*types.PkgName); ok {
				names[pn.Imported().Path()] = pn.Name()
			}
		}
	}
	known := true
	qualifier := func(p *types.Package) string {
		if p == nil || p.Path() == "main" {
			return ""
		}
		name, ok := names[p.Path()]
		known = known && ok
		return name
	}
	s := types.TypeString(t, qualifier)
	if !known {
		return nil
	}
	x, err := parser.ParseExpr(s)
	if err != nil {
		return nil
	}
	setPos(x, pos)
	resolve(x, r.scope)
	return x
}
