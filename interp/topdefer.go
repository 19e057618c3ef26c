package interp

import (
	"go/ast"
	"go/token"
	"strconv"
)

// yaegi keeps the defers of a statement cell's top level in its global frame and runs them
// again after every later cell: `defer fmt.Println("done")` in a cell printed "done" after
// the cell and after each cell that followed. So a defer at a cell's top level (or in the
// block compat's deferArgs puts around it to evaluate its arguments) becomes a function
// appended to a list of the cell, and the list runs in reverse at the end of the cell, as
// Go runs a function's defers at its end:
//
//	defer f(x)  =>  __gogradDefers7 = append(__gogradDefers7, func() { f(x) })
//	...         =>  for i := len(__gogradDefers7) - 1; i >= 0; i-- { __gogradDefers7[i]() }
//
// Unlike Go, the list does not run when the cell panics, and recover() in such a function
// recovers nothing. It returns list unchanged when there is no top-level defer.
func (s *Session) topDefers(list []ast.Stmt) []ast.Stmt {
	var name string
	var out []ast.Stmt
	for _, st := range list {
		d, holder := topDefer(st)
		if d == nil {
			out = append(out, st)
			continue
		}
		pos := d.Pos()
		if name == "" {
			s.mu.Lock()
			s.probes++ // the probes' counter numbers this fresh name too
			name = hiddenName + "Defers" + strconv.Itoa(s.probes)
			s.mu.Unlock()
			out = append(out, &ast.DeclStmt{Decl: &ast.GenDecl{Tok: token.VAR, TokPos: pos, Specs: []ast.Spec{&ast.ValueSpec{
				Names: []*ast.Ident{{Name: name, NamePos: pos}},
				Type:  &ast.ArrayType{Lbrack: pos, Elt: &ast.FuncType{Func: pos, Params: &ast.FieldList{}}},
			}}}})
		}
		fn := &ast.FuncLit{Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}}, Body: &ast.BlockStmt{Lbrace: pos, List: []ast.Stmt{&ast.ExprStmt{X: d.Call}}, Rbrace: pos}}
		push := &ast.AssignStmt{
			Lhs: []ast.Expr{&ast.Ident{Name: name, NamePos: pos}}, TokPos: pos, Tok: token.ASSIGN,
			Rhs: []ast.Expr{&ast.CallExpr{Fun: &ast.Ident{Name: "append", NamePos: pos}, Lparen: pos, Args: []ast.Expr{&ast.Ident{Name: name, NamePos: pos}, fn}, Rparen: pos}},
		}
		if holder != nil {
			holder.List[len(holder.List)-1] = push
			out = append(out, holder)
		} else {
			out = append(out, push)
		}
	}
	if name == "" {
		return list
	}
	pos := list[len(list)-1].End()
	run := template("func() { for i := len("+name+") - 1; i >= 0; i-- { "+name+"[i]() } }()", pos)
	return append(out, &ast.ExprStmt{X: run})
}

// topDefer returns the defer statement st is, or ends the block st is with (and the block).
func topDefer(st ast.Stmt) (*ast.DeferStmt, *ast.BlockStmt) {
	switch st := st.(type) {
	case *ast.DeferStmt:
		return st, nil
	case *ast.BlockStmt:
		if n := len(st.List); n > 0 {
			if d, ok := st.List[n-1].(*ast.DeferStmt); ok {
				return d, st
			}
		}
	}
	return nil, nil
}
