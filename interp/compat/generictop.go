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
// literal of the result's type:
//
//	m := slices.Max(xs)  =>  m := func() int { return slices.Max(xs) }()

// markGenericResults records, for the statements at the top of func main and the
// package-level var declarations, the values computed by generic calls, with their types
// (taken before any rewrite).
func (r *rewriter) markGenericResults(f *ast.File) {
	r.genericValues = map[ast.Expr]types.Type{}
	for _, s := range topStmts(f) {
		for _, v := range topValues(s) {
			if t := r.typeOf(v); t != nil && r.callsGeneric(v) {
				r.genericValues[v] = t
			}
		}
	}
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
	case *ast.DeclStmt:
		if g, ok := s.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
			var out []ast.Expr
			for _, spec := range g.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok && len(vs.Values) == len(vs.Names) {
					out = append(out, vs.Values...)
				}
			}
			return out
		}
	}
	return nil
}

// callsGeneric tells whether e calls an instantiated generic function (outside function
// literals).
func (r *rewriter) callsGeneric(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
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
		te := r.typeExpr(t, v.Pos())
		if te == nil {
			return v
		}
		pos := v.Pos()
		lit := &ast.FuncLit{
			Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}, Results: &ast.FieldList{List: []*ast.Field{{Type: te}}}},
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
