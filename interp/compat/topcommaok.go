package compat

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// The two other comma-ok forms fail outside functions like the type assertion does
// (topassert.go): v, ok := m[k] and v, ok := <-ch, and var v, ok = ... of them, at the top
// of a statement cell or as a package-level var, give a bare "nil type" (a panic in yaegi's
// global type analysis, compDefineX, with a stray log line), whatever the types. An
// assignment to declared variables and the same define inside a function work. So:
//
//   - at the top of a statement cell (func main's body) and in a package-level var that
//     uses only variables of its own cell, the expression runs in a function literal:
//
//     v, ok := m[k]  =>  v, ok := func() (V, bool) { _ggNv, _ggNok := m[k]; return _ggNv, _ggNok }()
//
//     and a var among statements becomes a define, which means the same in a function
//     body: yaegi makes it a package-level var, with the trouble below.
//
//   - a package-level var that uses variables of earlier cells cannot: yaegi orders a
//     cell's package-level vars by the package-level variables their initializers name
//     (function literals included), and one of an earlier cell is never among those it is
//     ordering, so it answers "variable definition loop" (for var y = m[k] too). Functions
//     are no dependencies to it, so there the expression runs in a function declared just
//     before the var:
//
//     func _ggNf() (V, bool) { _ggNv, _ggNok := m[k]; return _ggNv, _ggNok }
//     var v, ok = _ggNf()
//
//     That would hide a variable of the same cell from the ordering (yaegi might then
//     read it before it is initialized), so a var that uses variables of both is
//     reported with the workaround, and so is one whose value type is not known.

// commaRecv is the state of this rewrite for one cell.
type commaRecv struct {
	sites  map[ast.Expr]recvSite       // comma-ok map indexes and receives to replace
	before map[*ast.GenDecl][]ast.Decl // functions to declare before a package-level var
}

// recvSite is how one comma-ok expression is rewritten.
type recvSite struct {
	result ast.Expr     // the type of its value
	decl   *ast.GenDecl // the package-level var declaration to put a function before, or nil for a literal
}

// topCommaRecv finds the comma-ok map indexes and receives outside functions (see above)
// and reports those that cannot be rewritten.
func (r *rewriter) topCommaRecv(f *ast.File) commaRecv {
	cr := commaRecv{sites: map[ast.Expr]recvSite{}, before: map[*ast.GenDecl][]ast.Decl{}}
	add := func(x ast.Expr, names []*ast.Ident, decl *ast.GenDecl) {
		t := r.commaValueType(x)
		var result ast.Expr
		if t != nil {
			result = r.typeExprImported(t, x.Pos())
		}
		if result == nil {
			r.errorf(x.Pos(), "a comma-ok %s outside a function is not supported by the interpreter when the type of its value is not known here; "+
				"declare the variables with their types and assign them in a statement (var %s T; var %s bool; then %s, %s = %s)",
				recvKind(x), names[0].Name, names[1].Name, names[0].Name, names[1].Name, render(r.fset, x))
			return
		}
		cr.sites[x] = recvSite{result: result, decl: decl}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			for _, s := range d.Specs {
				vs := s.(*ast.ValueSpec)
				x := commaRecvSpec(vs)
				if x == nil || !isRecv(x) && !r.maybeMap(x) {
					continue
				}
				own, earlier := r.packageVarsUsed(x, f)
				switch {
				case !earlier:
					add(x, vs.Names, nil)
				case !own:
					add(x, vs.Names, d)
				default:
					r.errorf(vs.Pos(), "a package-level var declared from a comma-ok %s that uses variables of this cell and of an earlier one is not supported by the interpreter; "+
						"write it as a statement (%s, %s := %s) or compute it inside a function", recvKind(x), vs.Names[0].Name, vs.Names[1].Name, render(r.fset, x))
				}
			}
		case *ast.FuncDecl:
			if d.Recv != nil || d.Name.Name != "main" || d.Body == nil {
				continue
			}
			for i, s := range d.Body.List {
				switch s := s.(type) {
				case *ast.AssignStmt:
					if s.Tok != token.DEFINE || len(s.Lhs) != 2 || len(s.Rhs) != 1 {
						continue
					}
					if x := commaRecvExpr(s.Rhs[0]); x != nil && (isRecv(x) || r.maybeMap(x)) {
						names := []*ast.Ident{identOf(s.Lhs[0]), identOf(s.Lhs[1])}
						add(x, names, nil)
					}
				case *ast.DeclStmt:
					gd, ok := s.Decl.(*ast.GenDecl)
					if !ok || gd.Tok != token.VAR {
						continue
					}
					for _, spec := range gd.Specs {
						vs := spec.(*ast.ValueSpec)
						x := commaRecvSpec(vs)
						if x == nil || !isRecv(x) && !r.maybeMap(x) {
							continue
						}
						add(x, vs.Names, nil)
						if len(gd.Specs) == 1 { // a var among statements is a package-level var to yaegi
							d.Body.List[i] = &ast.AssignStmt{Lhs: []ast.Expr{vs.Names[0], vs.Names[1]}, TokPos: gd.TokPos, Tok: token.DEFINE, Rhs: []ast.Expr{x}}
						}
					}
				}
			}
		}
	}
	return cr
}

// postCommaRecv replaces the expressions topCommaRecv chose, and declares the functions
// they call before their package-level var declarations.
func (r *rewriter) postCommaRecv(c *astutil.Cursor) {
	switch n := c.Node().(type) {
	case *ast.IndexExpr, *ast.UnaryExpr:
		x := n.(ast.Expr)
		site, ok := r.recv.sites[x]
		if !ok {
			return
		}
		pos := x.Pos()
		r.next()
		v, ok2 := r.fresh(pos, "v"), r.fresh(pos, "ok")
		body := block(pos,
			&ast.AssignStmt{Lhs: []ast.Expr{v, ok2}, TokPos: pos, Tok: token.DEFINE, Rhs: []ast.Expr{x}},
			&ast.ReturnStmt{Return: pos, Results: []ast.Expr{ident(v, pos), ident(ok2, pos)}})
		ft := &ast.FuncType{Func: pos, Params: &ast.FieldList{},
			Results: &ast.FieldList{List: []*ast.Field{{Type: site.result}, {Type: &ast.Ident{NamePos: pos, Name: "bool"}}}}}
		if site.decl == nil {
			c.Replace(&ast.CallExpr{Fun: &ast.FuncLit{Type: ft, Body: body}, Lparen: pos, Rparen: pos})
			return
		}
		name := r.fresh(pos, "f")
		if r.scope != nil { // the session renames the cell's names through their objects
			name.Obj = ast.NewObj(ast.Fun, name.Name)
			r.scope.Insert(name.Obj)
		}
		r.recv.before[site.decl] = append(r.recv.before[site.decl], &ast.FuncDecl{Name: name, Type: ft, Body: body})
		c.Replace(&ast.CallExpr{Fun: ident(name, pos), Lparen: pos, Rparen: pos})
	case *ast.GenDecl:
		if _, ok := c.Parent().(*ast.File); !ok {
			return
		}
		for _, d := range r.recv.before[n] {
			c.InsertBefore(d)
		}
	}
}

// commaRecvSpec returns the value of var v, ok = m[k] or var v, ok = <-ch, or nil.
func commaRecvSpec(vs *ast.ValueSpec) ast.Expr {
	if vs.Type != nil || len(vs.Names) != 2 || len(vs.Values) != 1 {
		return nil
	}
	return commaRecvExpr(vs.Values[0])
}

// commaRecvExpr returns x if it is an index or a receive, or nil.
func commaRecvExpr(x ast.Expr) ast.Expr {
	switch x := x.(type) {
	case *ast.IndexExpr:
		return x
	case *ast.UnaryExpr:
		if x.Op == token.ARROW {
			return x
		}
	}
	return nil
}

// isRecv tells whether x is a receive.
func isRecv(x ast.Expr) bool {
	u, ok := x.(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

// maybeMap tells whether the index x may be a map index: two values can only come from
// one, but the type of the indexed value may be unknown.
func (r *rewriter) maybeMap(x ast.Expr) bool {
	ix, ok := x.(*ast.IndexExpr)
	if !ok {
		return false
	}
	t := r.typeOf(ix.X)
	if t == nil {
		return true
	}
	_, isMap := t.Underlying().(*types.Map)
	return isMap
}

// commaValueType returns the type of the first value of the comma-ok expression x, or nil.
func (r *rewriter) commaValueType(x ast.Expr) types.Type {
	if tup, ok := r.typeOf(x).(*types.Tuple); ok && tup.Len() == 2 {
		return tup.At(0).Type()
	}
	var inner ast.Expr
	switch x := x.(type) {
	case *ast.IndexExpr:
		inner = x.X
	case *ast.UnaryExpr:
		inner = x.X
	}
	t := r.typeOf(inner)
	if t == nil {
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		return u.Elem()
	case *types.Chan:
		return u.Elem()
	}
	return nil
}

// recvKind names the kind of comma-ok expression x for error messages.
func recvKind(x ast.Expr) string {
	if isRecv(x) {
		return "receive"
	}
	return "map index"
}

// identOf returns e as an identifier, or a blank one.
func identOf(e ast.Expr) *ast.Ident {
	if id, ok := e.(*ast.Ident); ok {
		return id
	}
	return &ast.Ident{Name: "_"}
}

// packageVarsUsed tells whether x uses package-level variables declared in f, and ones
// declared elsewhere (in earlier cells).
func (r *rewriter) packageVarsUsed(x ast.Expr, f *ast.File) (own, earlier bool) {
	ast.Inspect(x, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := r.info.Uses[id].(*types.Var)
		if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
			return true
		}
		if v.Pos() >= f.Pos() && v.Pos() < f.End() {
			own = true
		} else {
			earlier = true
		}
		return true
	})
	return own, earlier
}
