package compat

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// instantiate makes the type arguments of a call to a generic function with several type
// parameters explicit, from what go/types inferred: yaegi infers them wrongly when one
// comes from a function literal's result (Map(xs, func(int) float64 {...}) gets U = int).
// Calls with untyped constant arguments keep yaegi's inference, since yaegi mistranslates
// those constants under explicit type arguments (f[float32](1, 2) receives zeros).
// Calls of the interpreted packages (slices, maps, cmp, iter) with an argument typed by
// native code (strings.Lines(s), or words after words := strings.Fields(s)) get their type
// arguments too: yaegi infers none from such a value and panics. Their untyped constant
// arguments are converted to the parameter types instead. (Explicit type arguments are
// not written everywhere: yaegi fails on some, idx, ok := slices.BinarySearch[int](xs, 2).)
// A cell's own variadic generic function gets them at every call: yaegi cannot infer a type
// argument from the variadic arguments (func NewSet[T comparable](items ...T) called as
// NewSet(1, 2) failed with "undefined type for T" at the declaration).
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
	if !ok {
		return
	}
	interpreted, variadic := false, false
	if fn, ok := r.info.Uses[id].(*types.Func); ok && fn.Pkg() != nil {
		interpreted = slices.Contains(packageOrder[:], fn.Pkg().Path())
		sig, _ := fn.Type().(*types.Signature)
		variadic = fn.Pkg().Path() == "main" && sig != nil && sig.Variadic()
	}
	native := interpreted && slices.ContainsFunc(call.Args, r.isNative)
	if inst.TypeArgs.Len() < 2 && !native && !variadic {
		return
	}
	var consts []int // untyped constant arguments, converted when an argument is native
	for i, a := range call.Args {
		tv, ok := r.info.Types[a]
		switch {
		case !ok || tv.IsNil():
			return
		case tv.Value != nil || isUntyped(tv.Type):
			if variadic && !native {
				continue // the explicit type arguments convert it
			}
			if !native {
				return
			}
			consts = append(consts, i)
		}
	}
	convs, ok := r.constConversions(call, inst, consts)
	if !ok {
		return
	}
	var args []ast.Expr
	for i := 0; i < inst.TypeArgs.Len(); i++ {
		x := r.typeExpr(inst.TypeArgs.At(i), id.Pos())
		if x == nil {
			return
		}
		args = append(args, x)
	}
	call.Fun = &ast.IndexListExpr{X: call.Fun, Lbrack: id.End(), Indices: args, Rbrack: id.End()}
	for i, conv := range convs {
		call.Args[i] = conv
	}
}

// constConversions returns, for the untyped constant arguments of call at the indices
// consts, their conversions to the parameter types of the instance: "c" in
// slices.Index(words, "c") becomes string("c"). ok is false when one cannot be written.
func (r *rewriter) constConversions(call *ast.CallExpr, inst types.Instance, consts []int) (map[int]ast.Expr, bool) {
	sig, ok := inst.Type.(*types.Signature)
	if !ok || call.Ellipsis.IsValid() {
		return nil, len(consts) == 0
	}
	out := map[int]ast.Expr{}
	for _, i := range consts {
		var t types.Type
		switch n := sig.Params().Len(); {
		case sig.Variadic() && i >= n-1:
			t = sig.Params().At(n - 1).Type().(*types.Slice).Elem()
		case i < n:
			t = sig.Params().At(i).Type()
		}
		if _, isIface := t.Underlying().(*types.Interface); t == nil || isIface {
			return nil, false
		}
		te := r.typeExpr(t, call.Args[i].Pos())
		if te == nil {
			return nil, false
		}
		a := call.Args[i]
		out[i] = &ast.CallExpr{Fun: te, Lparen: a.Pos(), Args: []ast.Expr{a}, Rparen: a.End()}
	}
	return out, true
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

// isNative tells whether yaegi types e from native code: a call of a native package
// function, a value of a native named type written in the cell (sort.IntSlice{3, 1}), a
// variable defined from one (in this cell or an earlier one), or a part of such a value
// (words[:2], words[0]).
func (r *rewriter) isNative(e ast.Expr) bool {
	return nativeExpr(r.info, r.nativeVars, e)
}

// nativeExpr is isNative with the native variables known so far.
func nativeExpr(info *types.Info, vars map[types.Object]bool, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() { // a conversion: sort.IntSlice(xs)
			return isNativeNamed(tv.Type)
		}
		return isNativeCall(info, e)
	case *ast.CompositeLit: // sort.IntSlice{3, 1}
		return isNativeNamed(info.TypeOf(e))
	case *ast.Ident:
		return vars[info.Uses[e]]
	case *ast.SliceExpr:
		return nativeExpr(info, vars, e.X)
	case *ast.IndexExpr:
		return nativeExpr(info, vars, e.X)
	case *ast.StarExpr:
		return nativeExpr(info, vars, e.X)
	}
	return false
}

// isNativeNamed tells whether t is a named type of a native package (sort.IntSlice): yaegi
// builds a value of it from the native type and infers no type argument from it. (A slice
// of native elements, []time.Duration{...}, is the interpreter's own slice.)
func isNativeNamed(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	p := n.Obj().Pkg()
	return p != nil && p.Path() != "main" && !slices.Contains(packageOrder[:], p.Path())
}

// isNativeCall tells whether call calls a function of a native package (pkg.F(...)) or a
// method of a native type (model.Params()).
func isNativeCall(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() == "main" {
		return false
	}
	return !slices.Contains(packageOrder[:], fn.Pkg().Path())
}

// nativeVars returns the variables that files (earliest first) define from native values
// (words := strings.Fields(s), var words = strings.Fields(s), part := words[:2],
// v, err := strconv.ParseFloat(s, 64)).
func nativeVars(info *types.Info, files []*ast.File) map[types.Object]bool {
	out := map[types.Object]bool{}
	mark := func(names []ast.Expr, values []ast.Expr) {
		for i, n := range names {
			id, _ := n.(*ast.Ident)
			v := values[0] // a multi-value call
			if len(values) == len(names) {
				v = values[i]
			}
			if obj := info.Defs[id]; obj != nil && nativeExpr(info, out, v) {
				out[obj] = true
			}
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE && len(n.Rhs) > 0 {
					mark(n.Lhs, n.Rhs)
				}
			case *ast.ValueSpec:
				if n.Type == nil && len(n.Values) > 0 {
					var names []ast.Expr
					for _, id := range n.Names {
						names = append(names, id)
					}
					mark(names, n.Values)
				}
			}
			return true
		})
	}
	return out
}
