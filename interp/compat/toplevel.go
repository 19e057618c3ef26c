package compat

import (
	"go/ast"
	"go/token"
)

// yaegi v0.16.1 evaluates a statement cell at the top level, where the variables of
// nested blocks are not kept apart as in a function: a name declared in two clauses of a
// switch with different types crashes ("SetInt on interface Value"), a shadowing define
// reads the zero value, multi-value defines are lost. Inside a function yaegi gets them
// right. So each compound statement at the top of func main (the body a statement cell
// is parsed into) runs in a function literal:
//
//	for ... { ... }  =>  (func() { for ... { ... } })()
//
// (in parentheses, so that yaegi, which picks declarations or statements from the first
// token of what it evaluates, sees a statement).
//
// Variables it assigns are the cell's globals, which the literal shares; variables it
// declares were local to the statement anyway. Statements that could leave func main
// or whose meaning depends on it (return, goto, defer, a label used outside) stay as
// they are.

// wrapTopLevel wraps the compound statements at the top of func main.
func wrapTopLevel(f *ast.File) {
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Name.Name != "main" || fd.Body == nil {
			continue
		}
		for i, s := range fd.Body.List {
			if compound(s) && selfContained(s) {
				fd.Body.List[i] = inFunc(s)
			}
		}
	}
}

// compound tells whether s has nested blocks.
func compound(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ForStmt, *ast.RangeStmt, *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt,
		*ast.SelectStmt, *ast.BlockStmt:
		return true
	case *ast.LabeledStmt:
		return compound(s.Stmt)
	}
	return false
}

// selfContained tells whether s can run in a function literal with the same meaning: no
// return, goto or defer of its own, and no break or continue to a label outside it.
func selfContained(s ast.Stmt) bool {
	labels := map[string]bool{}
	ast.Inspect(s, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			labels[l.Label.Name] = true
		}
		return true
	})
	ok := true
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.DeferStmt:
			ok = false
		case *ast.BranchStmt:
			if n.Tok == token.GOTO || n.Label != nil && !labels[n.Label.Name] {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// inFunc returns "(func() { s })()" at s's position.
func inFunc(s ast.Stmt) ast.Stmt {
	pos := s.Pos()
	lit := &ast.FuncLit{Type: &ast.FuncType{Func: pos, Params: &ast.FieldList{}}, Body: block(pos, s)}
	fun := &ast.ParenExpr{Lparen: pos, X: lit, Rparen: pos}
	return &ast.ExprStmt{X: &ast.CallExpr{Fun: fun, Lparen: pos, Rparen: pos}}
}
