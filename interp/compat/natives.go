package compat

import (
	"go/ast"
	"go/types"
	"path"
	"reflect"
)

// nativeKind classifies a range over a call of a native package function (strings.Lines,
// strings.SplitSeq...) from the function's reflect type in the interpreter's symbol
// tables, since the cell's type-check sees native packages as empty. It also returns the
// yielded types, which the rewrite passes to PullN explicitly: yaegi cannot infer them
// from a native iter.Seq[string].
func (r *rewriter) nativeKind(x ast.Expr) (rangeKind, []reflect.Type, bool) {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || r.symbols == nil {
		return rangeOther, nil, false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return rangeOther, nil, false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return rangeOther, nil, false
	}
	pn, ok := r.info.Uses[pkg].(*types.PkgName)
	if !ok {
		return rangeOther, nil, false
	}
	p := pn.Imported().Path()
	for key, table := range r.symbols {
		if path.Dir(key) != p {
			continue
		}
		v, ok := table[sel.Sel.Name]
		if !ok || v.Kind() != reflect.Func || v.Type().NumOut() < 1 {
			return rangeOther, nil, false
		}
		seq := v.Type().Out(0)
		n, ok := seqArity(seq)
		if !ok {
			return rangeOther, nil, false
		}
		var yielded []reflect.Type
		for i := 0; i < n; i++ {
			yielded = append(yielded, seq.In(0).In(i))
		}
		return rangeFunc0 + rangeKind(n), yielded, true
	}
	return rangeOther, nil, false
}

// seqArity tells whether t is an iterator func(yield func(...) bool), and how many values
// it yields.
func seqArity(t reflect.Type) (int, bool) {
	if t.Kind() != reflect.Func || t.NumIn() != 1 || t.NumOut() != 0 {
		return 0, false
	}
	y := t.In(0)
	if y.Kind() != reflect.Func || y.NumOut() != 1 || y.Out(0).Kind() != reflect.Bool || y.NumIn() > 2 {
		return 0, false
	}
	return y.NumIn(), true
}
