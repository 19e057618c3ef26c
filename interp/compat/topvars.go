package compat

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
)

// yaegi orders the package-level vars of one compilation by the package-level variables
// their initializers name, function literals included (genGlobalVarDecl in its cfg.go),
// and a variable compiled earlier is never among those it is ordering: a var of a
// declaration cell initialized from a variable of an earlier cell, var y = m["a"],
// var n = len(xs), var z = f(xs), answers "variable definition loop". So does a generic
// call (var mx = slices.Max(own)) when one of the generic function's locals shares the
// name of an earlier cell's variable: the instantiated body is walked too. Functions are
// no dependencies to it, so such a value is computed in a function declared just before
// the var (instead of generictop.go's function literal). The variables of the cell itself
// that the value uses are passed to the function, which ignores them, so that yaegi still
// initializes them first; the body uses the variables themselves (a closure or &own must
// see the package-level variable, not a copy):
//
//	var mix = own + xs[0]  =>  func _ggNf(_ any) int { return own + xs[0] }
//	var own = 4                var mix = _ggNf(own)
//
// The function's results are the types of the values, or the var's declared type, which
// the function's body then declares a var of, so that a cell value becomes an interface
// the way ifaces.go converts it in a var (at the top, func(x I) I { return x }(f()) of a
// call's result panics in yaegi):
//
//	var s fmt.Stringer = T{n}  =>  func _ggNf() fmt.Stringer { var _ggNv0 fmt.Stringer = T{n}; return _ggNv0 }
//	                               var s fmt.Stringer = _ggNf()
//
// The same goes for a var of a native interface type initialized from a call's result of a
// cell type (var s fmt.Stringer = mk()): at the top, even ifaces.go's conversion of it
// fails ("variable definition loop").
//
// A constant of type int (var n = len(arr) of an array) is written as its value instead. A
// value whose type cannot be written in the cell is reported with the workaround: a
// declared type for the var, or a statement.

// packageVarFuncs rewrites the package-level var declarations of f described above. It
// runs before markGenericResults, so the values it moves into functions are not wrapped
// again, and before the other rewrites, which then see them inside a function.
func (r *rewriter) packageVarFuncs(f *ast.File) {
	for i := 0; i < len(f.Decls); i++ {
		g, ok := f.Decls[i].(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		var funcs []ast.Decl
		for _, s := range g.Specs {
			if fd := r.packageVarFunc(s.(*ast.ValueSpec), f); fd != nil {
				funcs = append(funcs, fd)
			}
		}
		f.Decls = append(f.Decls[:i], append(funcs, f.Decls[i:]...)...)
		i += len(funcs)
	}
}

// packageVarFunc moves the values of vs into a function if they need it, and returns that
// function's declaration, or nil.
func (r *rewriter) packageVarFunc(vs *ast.ValueSpec, f *ast.File) *ast.FuncDecl {
	if len(vs.Values) == 0 || r.isCommaOK(vs) {
		return nil
	}
	var own []*ast.Ident // the first use of each variable of the cell, in order
	seen := map[types.Object]bool{}
	var earlier []string
	generic := false
	for _, v := range vs.Values {
		ast.Inspect(v, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			obj, ok := r.info.Uses[id].(*types.Var)
			if !ok || obj.Pkg() == nil || obj.Parent() != obj.Pkg().Scope() || seen[obj] {
				return true
			}
			seen[obj] = true
			if obj.Pos() >= f.Pos() && obj.Pos() < f.End() {
				own = append(own, id)
			} else {
				earlier = append(earlier, id.Name)
			}
			return true
		})
		generic = generic || r.callsGeneric(v)
	}
	if len(earlier) == 0 && !generic && !r.callToNativeIface(vs) {
		return nil
	}
	if r.constantValues(vs) {
		return nil
	}
	pos := vs.Values[0].Pos()
	results := &ast.FieldList{}
	var vtypes []types.Type
	if vs.Type == nil {
		vtypes = r.valueTypes(vs)
	}
	for i := range vs.Names {
		var te ast.Expr
		if vs.Type != nil {
			te = r.copyType(vs.Type)
		} else if i < len(vtypes) {
			te = r.typeExprImported(vtypes[i], pos)
		}
		if te == nil {
			r.unknownVarType(vs, earlier)
			return nil
		}
		results.List = append(results.List, &ast.Field{Type: te})
	}
	params := &ast.FieldList{}
	var args []ast.Expr
	for _, id := range own {
		params.List = append(params.List, &ast.Field{Names: []*ast.Ident{{NamePos: pos, Name: "_"}}, Type: &ast.Ident{NamePos: pos, Name: "any"}})
		args = append(args, ident(id, pos))
	}
	r.next()
	name := r.fresh(pos, "f")
	if r.scope != nil { // the session renames the cell's names through their objects
		name.Obj = ast.NewObj(ast.Fun, name.Name)
		r.scope.Insert(name.Obj)
	}
	body := block(pos, &ast.ReturnStmt{Return: pos, Results: vs.Values})
	if vs.Type != nil { // var _ggNv0 T = v; return _ggNv0: the value converted as a var is (ifaces.go)
		inner := &ast.ValueSpec{Type: r.copyType(vs.Type), Values: vs.Values}
		r.info.Types[inner.Type] = r.info.Types[vs.Type]
		var vars []ast.Expr
		for i := range vs.Names {
			v := r.fresh(pos, "v"+strconv.Itoa(i))
			inner.Names = append(inner.Names, v)
			vars = append(vars, ident(v, pos))
		}
		body = block(pos,
			&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{inner}}},
			&ast.ReturnStmt{Return: pos, Results: vars})
	}
	fd := &ast.FuncDecl{Name: name, Type: &ast.FuncType{Func: pos, Params: params, Results: results}, Body: body}
	call := &ast.CallExpr{Fun: ident(name, pos), Lparen: pos, Args: args, Rparen: pos}
	switch { // the rewrites after this one see the call's type
	case vs.Type != nil && len(vs.Names) == 1:
		r.info.Types[call] = types.TypeAndValue{Type: r.typeOf(vs.Type)}
	case vs.Type == nil && len(vs.Values) == 1:
		r.info.Types[call] = r.info.Types[vs.Values[0]]
	}
	vs.Values = []ast.Expr{call}
	return fd
}

// constantValues replaces the values of vs by their values when they are all constants of
// type int (var n = len(arr) of an array), and tells whether it did.
func (r *rewriter) constantValues(vs *ast.ValueSpec) bool {
	for _, v := range vs.Values {
		tv := r.info.Types[v]
		if tv.Value == nil || tv.Value.Kind() != constant.Int || !types.Identical(tv.Type, types.Typ[types.Int]) {
			return false
		}
	}
	for i, v := range vs.Values {
		vs.Values[i] = &ast.BasicLit{ValuePos: v.Pos(), Kind: token.INT, Value: r.info.Types[v].Value.ExactString()}
	}
	return true
}

// copyType returns a copy of the type expression x, written where x is.
func (r *rewriter) copyType(x ast.Expr) ast.Expr {
	c, err := parser.ParseExpr(render(r.fset, x))
	if err != nil {
		return nil
	}
	setPos(c, x.Pos())
	resolve(c, r.scope)
	return c
}

// valueTypes returns the types of the values of vs, one per name (those of a call for
// var a, b = f()), untyped constants given their default type; nil where unknown.
func (r *rewriter) valueTypes(vs *ast.ValueSpec) []types.Type {
	if len(vs.Values) == 1 && len(vs.Names) > 1 {
		tup, _ := r.typeOf(vs.Values[0]).(*types.Tuple)
		if tup == nil || tup.Len() != len(vs.Names) {
			return []types.Type{nil}
		}
		out := make([]types.Type, tup.Len())
		for i := range out {
			out[i] = tup.At(i).Type()
		}
		return out
	}
	out := make([]types.Type, len(vs.Values))
	for i, v := range vs.Values {
		if t := r.typeOf(v); t != nil {
			out[i] = types.Default(t)
		}
	}
	return out
}

// isCommaOK tells whether vs is var v, ok = m[k], <-ch or x.(T), which topcommaok.go and
// topassert.go rewrite.
func (r *rewriter) isCommaOK(vs *ast.ValueSpec) bool {
	if len(vs.Names) != 2 || len(vs.Values) != 1 {
		return false
	}
	switch x := ast.Unparen(vs.Values[0]).(type) {
	case *ast.IndexExpr, *ast.TypeAssertExpr:
		return true
	case *ast.UnaryExpr:
		return x.Op == token.ARROW
	}
	return false
}

// unknownVarType reports a var of vs that needs a function but whose types are not known,
// unless it uses no variable of an earlier cell or generictop.go reports it (a generic call
// whose result type is not known).
func (r *rewriter) unknownVarType(vs *ast.ValueSpec, earlier []string) {
	if len(earlier) == 0 {
		return
	}
	for _, v := range vs.Values {
		if r.genericHead(v) != nil {
			return
		}
	}
	name := vs.Names[0].Name
	r.errorf(vs.Pos(), "a package-level var initialized from a variable of an earlier cell (%s) is not supported by the interpreter when the type of its value is not known here; "+
		"give the var its type (var %s T = %s) or write it as a statement (%s := %s)",
		earlier[0], name, render(r.fset, vs.Values[0]), name, render(r.fset, vs.Values[0]))
}

// callToNativeIface tells whether vs declares a var of a native interface type from the
// result of a call of a cell value type (see above).
func (r *rewriter) callToNativeIface(vs *ast.ValueSpec) bool {
	if vs.Type == nil || !isNativeIface(r.typeOf(vs.Type)) {
		return false
	}
	for _, v := range vs.Values {
		if _, ok := ast.Unparen(v).(*ast.CallExpr); ok && isCellValueType(r.typeOf(v)) {
			return true
		}
	}
	return false
}
