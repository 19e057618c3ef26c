package compat

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// instantiate makes the type arguments of a call to a generic function with several type
// parameters explicit, from what go/types inferred: yaegi infers them wrongly when one
// comes from a function literal's result (Map(xs, func(int) float64 {...}) gets U = int).
// Calls with untyped constant arguments keep yaegi's inference, since yaegi mistranslates
// those constants under explicit type arguments (f[float32](1, 2) receives zeros).
func (r *rewriter) instantiate(call *ast.CallExpr) {
	var id *ast.Ident
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	default:
		return // already explicit (IndexExpr), or not a named function
	}
	inst, ok := r.info.Instances[id]
	if !ok || inst.TypeArgs.Len() < 2 {
		return
	}
	for _, a := range call.Args {
		if tv, ok := r.info.Types[a]; !ok || tv.Value != nil || isUntyped(tv.Type) {
			return
		}
	}
	var args []ast.Expr
	for i := 0; i < inst.TypeArgs.Len(); i++ {
		t := inst.TypeArgs.At(i)
		if !expressible(t) {
			return
		}
		x, err := parser.ParseExpr(types.TypeString(t, r.qualifier))
		if err != nil {
			return
		}
		setPos(x, id.Pos())
		args = append(args, x)
	}
	call.Fun = &ast.IndexListExpr{X: call.Fun, Lbrack: id.End(), Indices: args, Rbrack: id.End()}
}

// qualifier names packages in type expressions by the name the cell imports them under.
func (r *rewriter) qualifier(p *types.Package) string {
	if p == nil || p.Path() == "main" {
		return ""
	}
	return p.Name()
}

// isUntyped tells whether t is an untyped basic type (or unknown).
func isUntyped(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return t == nil || ok && b.Info()&types.IsUntyped != 0
}

// expressible tells whether t can be written in the cell: no invalid parts, and no
// unexported names of imported packages.
func expressible(t types.Type) bool {
	ok := true
	var walk func(types.Type)
	walk = func(t types.Type) {
		switch t := t.(type) {
		case *types.Basic:
			ok = ok && t.Kind() != types.Invalid
		case *types.Named:
			if o := t.Obj(); o.Pkg() != nil && o.Pkg().Path() != "main" && !o.Exported() {
				ok = false
			}
			for i := 0; i < t.TypeArgs().Len(); i++ {
				walk(t.TypeArgs().At(i))
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
		case *types.Signature, *types.Struct, *types.Interface, *types.Tuple:
			// written out in full by TypeString; their parts are rarely cell-local
		case *types.TypeParam:
			ok = false
		}
	}
	walk(t)
	return ok
}

// setPos moves every position in x to pos, so a parsed fragment sits where it is used.
func setPos(x ast.Node, pos token.Pos) {
	ast.Inspect(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			n.NamePos = pos
		case *ast.SelectorExpr:
		case *ast.StarExpr:
			n.Star = pos
		case *ast.ArrayType:
			n.Lbrack = pos
		case *ast.MapType:
			n.Map = pos
		case *ast.ChanType:
			n.Begin = pos
		case *ast.FuncType:
			n.Func = pos
		case *ast.IndexExpr:
			n.Lbrack, n.Rbrack = pos, pos
		case *ast.IndexListExpr:
			n.Lbrack, n.Rbrack = pos, pos
		}
		return true
	})
}
