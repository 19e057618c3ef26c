package compat

import (
	"go/ast"
	"go/types"
)

// yaegi keys the instances of generic functions by bare name and type arguments, across
// packages: after cmp.Compare(1, 2), slices.Compare(a, b) on []int runs cmp.Compare's
// instance ("cannot use type int as type []int"). The interpreted packages avoid such
// pairs where they can (gogradcompat's BuiltinMax, not Max); where the standard library
// names them alike, a call of the one is redirected to a twin in gogradcompat.
var twins = map[string]string{
	"slices.Compare": "SlicesCompare",
}

// redirectTwin points a call of a function listed in twins at its gogradcompat twin.
func (r *rewriter) redirectTwin(call *ast.CallExpr) {
	slot := &call.Fun
	for {
		switch x := (*slot).(type) {
		case *ast.IndexExpr:
			slot = &x.X
			continue
		case *ast.IndexListExpr:
			slot = &x.X
			continue
		case *ast.ParenExpr:
			slot = &x.X
			continue
		}
		break
	}
	sel, ok := (*slot).(*ast.SelectorExpr)
	if !ok {
		return
	}
	fn, ok := r.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	if twin, ok := twins[fn.Pkg().Path()+"."+fn.Name()]; ok {
		*slot = helper(sel.Pos(), twin)
	}
}
