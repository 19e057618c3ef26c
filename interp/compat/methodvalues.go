package compat

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// methodValue rewrites a method value or a method expression that is not called at once.
//
// A method value binds its receiver when it is evaluated (f := c.Area; c.R = 10; f() uses
// the old c); yaegi v0.16.1 binds the variable and read the new c. The receiver is passed
// to a function literal, whose parameter nothing changes:
//
//	f := c.Area  =>  f := func(_ggr Circle) func() float64 { return _ggr.Area }(c)
//
// A receiver that Go takes the address of (a pointer method on an addressable value) is
// left alone: its address does not change.
//
// A method expression (g := Circle.Area; g(c)) panicked in yaegi ("reflect: Call with too
// many input arguments"); it becomes a function literal calling the method:
//
//	g := Circle.Area  =>  g := func(_ggr Circle, _gga0 ...) float64 { return _ggr.Area(_gga0) }
//
// It returns the replacement, or nil.
func (r *rewriter) methodValue(c *astutil.Cursor, sel *ast.SelectorExpr) ast.Expr {
	if call, ok := c.Parent().(*ast.CallExpr); ok && c.Name() == "Fun" && call.Fun == sel {
		return nil // called at once
	}
	s, ok := r.info.Selections[sel]
	if !ok {
		return nil
	}
	switch s.Kind() {
	case types.MethodVal:
		return r.boundMethod(sel, s)
	case types.MethodExpr:
		return r.methodFunc(sel, s)
	}
	return nil
}

// boundMethod writes a method value with its receiver passed as an argument.
func (r *rewriter) boundMethod(sel *ast.SelectorExpr, s *types.Selection) ast.Expr {
	sig, ok := s.Obj().Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	_, ptrRecv := sig.Recv().Type().(*types.Pointer)
	_, ptrX := s.Recv().Underlying().(*types.Pointer)
	if ptrRecv && !ptrX {
		return nil
	}
	fn, ok := r.typeOf(sel).(*types.Signature)
	if !ok || !mentionsCell(s.Recv()) || !cellOnly(s.Recv()) || !cellOnly(fn) || !expressible(fn) {
		return nil
	}
	recv, arg := s.Recv(), sel.X
	if p, ok := recv.Underlying().(*types.Pointer); ok && !ptrRecv {
		recv, arg = p.Elem(), &ast.StarExpr{Star: sel.X.Pos(), X: sel.X} // the value is copied now
	}
	src := "func(_ggr " + types.TypeString(recv, r.qualifier) + ") " + types.TypeString(fn, r.qualifier) +
		" { return _ggr." + sel.Sel.Name + " }(_ggX)"
	x := r.fragment(src, sel.Pos())
	if x == nil {
		return nil
	}
	return substitute(x, "_ggX", arg)
}

// methodFunc writes a method expression as a function literal.
func (r *rewriter) methodFunc(sel *ast.SelectorExpr, s *types.Selection) ast.Expr {
	fn, ok := r.typeOf(sel).(*types.Signature)
	if !ok || fn.Params().Len() == 0 || !mentionsCell(fn.Params().At(0).Type()) || !cellOnly(fn) || !expressible(fn) {
		return nil
	}
	var params, args []string
	for i := 0; i < fn.Params().Len(); i++ {
		name := "_gga" + strconv.Itoa(i)
		t := fn.Params().At(i).Type()
		if i == 0 {
			name = "_ggr"
		}
		ts := types.TypeString(t, r.qualifier)
		if fn.Variadic() && i == fn.Params().Len()-1 {
			ts = "..." + types.TypeString(t.(*types.Slice).Elem(), r.qualifier)
			name += "..."
			params = append(params, strings.TrimSuffix(name, "...")+" "+ts)
		} else {
			params = append(params, name+" "+ts)
		}
		if i > 0 {
			args = append(args, name)
		}
	}
	results := types.TypeString(fn.Results(), r.qualifier)
	body := "_ggr." + sel.Sel.Name + "(" + strings.Join(args, ", ") + ")"
	if fn.Results().Len() > 0 {
		body = "return " + body
	}
	src := "func(" + strings.Join(params, ", ") + ") " + results + " { " + body + " }"
	return r.fragment(src, sel.Pos())
}

// cellOnly tells whether every named type in t is a cell type or predeclared (error): a
// type of another package may not be imported under its name in the cell.
func cellOnly(t types.Type) bool {
	ok := true
	var walk func(types.Type)
	walk = func(t types.Type) {
		switch t := t.(type) {
		case *types.Named:
			if p := t.Obj().Pkg(); p != nil && p.Path() != "main" || t.TypeArgs().Len() > 0 {
				ok = false
			}
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Chan:
			walk(t.Elem())
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				walk(t.At(i).Type())
			}
		case *types.Signature:
			walk(t.Params())
			walk(t.Results())
		case *types.Struct, *types.Interface, *types.TypeParam:
			ok = false
		}
	}
	walk(t)
	return ok
}
