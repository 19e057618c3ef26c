package compat

import (
	"go/ast"
	"go/token"
	"go/types"
)

// At the top level of a cell, yaegi v0.16.1 cannot define a variable from the result of
// a generic function ("nil reflect type" for y := slices.Max(xs), a nil dereference for
// c := slices.Clone(xs) or keys := slices.Collect(maps.Keys(m))), nor a package-level
// var from one; inside a function it can. So such a value is computed in a function
// literal of the result's type (or types), or for a package-level var in a function
// declared before it (topvars.go: yaegi's ordering of package vars walks literals):
//
//	m := slices.Max(xs)  =>  m := func() int { return slices.Max(xs) }()
//	next, stop := iter.Pull(seq)  =>  next, stop := func() (func() (int, bool), func()) { return iter.Pull(seq) }()

// markGenericResults records, for the statements at the top of func main and the
// package-level var declarations, the values computed by generic calls, with their types
// (taken before any rewrite).
func (r *rewriter) markGenericResults(f *ast.File) {
	r.genericValues = map[ast.Expr]types.Type{}
	for _, s := range topStmts(f) {
		typed := typedFromValue(s)
		for _, v := range topValues(s) {
			t := r.typeOf(v)
			switch {
			case t != nil && expressible(t) && r.callsGeneric(v):
				r.genericValues[v] = t
			case typed[v]:
				if call := r.genericHead(v); call != nil {
					r.errorf(v.Pos(), "%s needs the type of its result at the top of a cell, and the type is not known here "+
						"(it depends on a value from a native package, or on an earlier value of unknown type); "+
						"give the values you pass a declared type (var words []string = strings.Fields(s)), "+
						"write the type arguments (slices.Collect[string](strings.Lines(s))), or compute it inside a function", render(r.fset, call.Fun))
				}
			}
		}
	}
}

// typedFromValue returns the values from which yaegi types the variables of a top-level
// statement: those of a define and of a var declaration without a type.
func typedFromValue(s ast.Stmt) map[ast.Expr]bool {
	out := map[ast.Expr]bool{}
	switch s := s.(type) {
	case *ast.AssignStmt:
		if s.Tok == token.DEFINE {
			for _, v := range s.Rhs {
				out[v] = true
			}
		}
	case *ast.DeclStmt:
		if g, ok := s.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
			for _, spec := range g.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok && vs.Type == nil {
					for _, v := range vs.Values {
						out[v] = true
					}
				}
			}
		}
	}
	return out
}

// genericHead returns the call of a generic function whose result type yaegi must find
// to type e (e itself, or the operand of an operator, index or selector of e), or nil.
// The callee is known to go/types even when the arguments' types are not.
func (r *rewriter) genericHead(e ast.Expr) *ast.CallExpr {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return r.genericHead(e.X)
	case *ast.UnaryExpr:
		return r.genericHead(e.X)
	case *ast.StarExpr:
		return r.genericHead(e.X)
	case *ast.IndexExpr:
		return r.genericHead(e.X)
	case *ast.SliceExpr:
		return r.genericHead(e.X)
	case *ast.SelectorExpr:
		return r.genericHead(e.X)
	case *ast.BinaryExpr:
		if c := r.genericHead(e.X); c != nil {
			return c
		}
		return r.genericHead(e.Y)
	case *ast.CallExpr:
		if returnsTypeParam(r.calleeFunc(e)) {
			return e
		}
	}
	return nil
}

// calleeFunc returns the function a call calls by name, or nil.
func (r *rewriter) calleeFunc(call *ast.CallExpr) *types.Func {
	fun := ast.Unparen(call.Fun)
	switch x := fun.(type) {
	case *ast.IndexExpr:
		fun = x.X
	case *ast.IndexListExpr:
		fun = x.X
	}
	var id *ast.Ident
	switch x := fun.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return nil
	}
	fn, _ := r.info.Uses[id].(*types.Func)
	return fn
}

// returnsTypeParam tells whether fn is generic with a result that mentions a type parameter.
func returnsTypeParam(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.TypeParams().Len() == 0 {
		return false
	}
	return mentionsTypeParam(sig.Results())
}

// mentionsTypeParam tells whether a type parameter appears in t.
func mentionsTypeParam(t types.Type) bool {
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if mentionsTypeParam(t.At(i).Type()) {
				return true
			}
		}
	case *types.Signature:
		return mentionsTypeParam(t.Params()) || mentionsTypeParam(t.Results())
	case *types.Named:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if mentionsTypeParam(t.TypeArgs().At(i)) {
				return true
			}
		}
	case *types.Map:
		return mentionsTypeParam(t.Key()) || mentionsTypeParam(t.Elem())
	case interface{ Elem() types.Type }: // pointer, slice, array, chan
		return mentionsTypeParam(t.Elem())
	}
	return false
}

// topStmts returns the statements at the top of func main, and the package-level var
// declarations as declaration statements: the places where yaegi types a variable from
// its value before compiling it.
func topStmts(f *ast.File) []ast.Stmt {
	var out []ast.Stmt
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "main" && d.Body != nil {
				out = append(out, d.Body.List...)
			}
		case *ast.GenDecl:
			if d.Tok == token.VAR {
				out = append(out, &ast.DeclStmt{Decl: d})
			}
		}
	}
	return out
}

// topValues returns the values a top-level statement defines or assigns one by one.
func topValues(s ast.Stmt) []ast.Expr {
	switch s := s.(type) {
	case *ast.AssignStmt:
		if len(s.Lhs) == len(s.Rhs) {
			return s.Rhs
		}
		if len(s.Rhs) == 1 { // next, stop := iter.Pull(seq)
			if _, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr); ok {
				return s.Rhs
			}
		}
	case *ast.DeclStmt:
		if g, ok := s.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
			var out []ast.Expr
			for _, spec := range g.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok && (len(vs.Values) == len(vs.Names) || len(vs.Values) == 1) {
					out = append(out, vs.Values...)
				}
			}
			return out
		}
	}
	return nil
}

// callsGeneric tells whether e calls an instantiated generic function, or min or max
// (outside function literals).
func (r *rewriter) callsGeneric(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && (id.Name == "min" || id.Name == "max") {
				_, builtin := r.info.Uses[id].(*types.Builtin)
				if tv := r.info.Types[n]; builtin && tv.Value == nil {
					found = true // rewritten to the generic gogradcompat.Min or Max
				}
			}
		case *ast.Ident:
			if _, ok := r.info.Instances[n]; ok {
				if _, isFunc := r.info.Uses[n].(*types.Func); isFunc {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// wrapGenericValues puts the marked values (see markGenericResults) in
// function literals (see above). It runs after the other rewrites, which keep the value
// nodes in place or replace them (then the value is skipped).
func (r *rewriter) wrapGenericValues(f *ast.File) {
	wrap := func(v ast.Expr) ast.Expr {
		t, ok := r.genericValues[v]
		if !ok {
			return v
		}
		results := &ast.FieldList{}
		elems := []types.Type{t}
		if tuple, ok := t.(*types.Tuple); ok { // several results: next, stop := iter.Pull(seq)
			elems = nil
			for i := range tuple.Len() {
				elems = append(elems, tuple.At(i).Type())
			}
		}
		for _, et := range elems {
			te := r.typeExpr(et, v.Pos())
			if te == nil {
				return v
			}
			results.List = append(results.List, &ast.Field{Type: te})
		}
		pos := v.Pos()
		lit := &ast.FuncLit{
			Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}, Results: results},
			Body: block(pos, &ast.ReturnStmt{Return: pos, Results: []ast.Expr{v}}),
		}
		return &ast.CallExpr{Fun: lit, Lparen: pos, Rparen: pos}
	}
	for _, s := range topStmts(f) {
		switch s := s.(type) {
		case *ast.AssignStmt:
			for i, v := range s.Rhs {
				s.Rhs[i] = wrap(v)
			}
		case *ast.DeclStmt:
			if g, ok := s.Decl.(*ast.GenDecl); ok {
				for _, spec := range g.Specs {
					if vs, ok := spec.(*ast.ValueSpec); ok {
						for i, v := range vs.Values {
							vs.Values[i] = wrap(v)
						}
					}
				}
			}
		}
	}
}
