package compat

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
)

// yaegi v0.16.1 cannot declare variables from a comma-ok type assertion outside a
// function: v, ok := x.(T) and var v, ok = x.(T) at the top level of a cell fail with a
// bare "nil type" (its global type analysis looks at the asserted type before it has
// resolved it), whatever T is. Inside a function they work, and so does a define from a
// function call, so in func main's body (the statements of a statement cell) such an
// assertion runs in a function literal, and a var declaration of it becomes a define:
//
//	s, ok := a.(fmt.Stringer)  =>  s, ok := func() (fmt.Stringer, bool) {
//	                                   _ggNv, _ggNok := a.(fmt.Stringer); return _ggNv, _ggNok }()
//
// A package-level var of such an assertion runs it in a function literal too when the
// variables it uses are declared in the same cell; when one comes from an earlier cell,
// yaegi reports "variable definition loop" for it (for any package-level var initialized
// by a call that uses such a variable and asserts), so there it is reported with the
// workaround.

// topCommaOK records the comma-ok type assertions of func main's body outside function
// literals, after turning its var declarations of them into defines, and those of
// package-level var declarations on variables of the cell; it reports the others.
func (r *rewriter) topCommaOK(f *ast.File) map[*ast.TypeAssertExpr]bool {
	out := map[*ast.TypeAssertExpr]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				vs, ok := s.(*ast.ValueSpec)
				if !ok || d.Tok != token.VAR || commaOKSpec(vs) == nil {
					continue
				}
				if ta := commaOKSpec(vs); r.ownVars(ta.X, f) {
					out[ta] = true
				} else {
					r.errorf(vs.Pos(), "a package-level var declared from a comma-ok type assertion is not supported by the interpreter; "+
						"write it as a statement (%s, %s := x.(T)) or assert inside a function", vs.Names[0].Name, vs.Names[1].Name)
				}
			}
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "main" && d.Body != nil {
				ast.Inspect(d.Body, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncLit:
						return false
					case *ast.BlockStmt:
						varsToDefines(n.List)
					case *ast.CaseClause:
						varsToDefines(n.Body)
					case *ast.CommClause:
						varsToDefines(n.Body)
					case *ast.AssignStmt:
						if n.Tok != token.DEFINE || len(n.Lhs) != 2 || len(n.Rhs) != 1 {
							return true
						}
						if ta, ok := n.Rhs[0].(*ast.TypeAssertExpr); ok {
							out[ta] = true
						}
					}
					return true
				})
			}
		}
	}
	return out
}

// ownVars tells whether every package-level variable that x uses is declared in f.
func (r *rewriter) ownVars(x ast.Expr, f *ast.File) bool {
	own := true
	ast.Inspect(x, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := r.info.Uses[id].(*types.Var)
		if ok && v.Parent() != nil && v.Parent() == v.Pkg().Scope() && (v.Pos() < f.Pos() || v.Pos() >= f.End()) {
			own = false
		}
		return own
	})
	return own
}

// commaOKSpec returns the assertion of var v, ok = x.(T), or nil for any other spec.
func commaOKSpec(vs *ast.ValueSpec) *ast.TypeAssertExpr {
	if vs.Type != nil || len(vs.Names) != 2 || len(vs.Values) != 1 {
		return nil
	}
	ta, _ := vs.Values[0].(*ast.TypeAssertExpr)
	return ta
}

// varsToDefines turns each statement var v, ok = x.(T) of list into v, ok := x.(T), which
// means the same in a function body.
func varsToDefines(list []ast.Stmt) {
	for i, s := range list {
		ds, ok := s.(*ast.DeclStmt)
		if !ok {
			continue
		}
		gd, ok := ds.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR || len(gd.Specs) != 1 {
			continue
		}
		vs := gd.Specs[0].(*ast.ValueSpec)
		if ta := commaOKSpec(vs); ta != nil {
			list[i] = &ast.AssignStmt{Lhs: []ast.Expr{vs.Names[0], vs.Names[1]}, TokPos: gd.TokPos, Tok: token.DEFINE, Rhs: []ast.Expr{ta}}
		}
	}
}

// assertInFunc returns the replacement of a comma-ok assertion x.(T) outside functions
// (see above), or nil if T cannot be copied. The literal's result type is a copy of T as
// written, which means the same there and needs no type information.
func (r *rewriter) assertInFunc(ta *ast.TypeAssertExpr) ast.Expr {
	pos := ta.Pos()
	result, err := parser.ParseExpr(render(r.fset, ta.Type))
	if err != nil {
		return nil
	}
	setPos(result, pos)
	resolve(result, r.scope)
	r.next()
	v, ok := r.fresh(pos, "v"), r.fresh(pos, "ok")
	body := block(pos,
		&ast.AssignStmt{Lhs: []ast.Expr{v, ok}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{ta}},
		&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(v, pos), ident(ok, pos)}})
	lit := &ast.FuncLit{
		Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{},
			Results: &ast.FieldList{List: []*ast.Field{{Type: result}, {Type: &ast.Ident{NamePos: pos, Name: "bool"}}}}},
		Body: body,
	}
	return &ast.CallExpr{Fun: lit, Lparen: pos, Rparen: pos}
}
