package compat

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Display returns an expression that fmt prints as Go prints the value of x, a cell's
// last expression that the session shows as the cell's result, or nil when fmt prints the
// value right as it is. The expression is written in terms of the variable v, which holds
// x's value (the session evaluates x once). It is printvalues.go's rebuild for a cell's
// result: a map[string]*Value or a []any holding cell values shown by the notebook
// printed bare pointers. x is type-checked with the declarations of the cells rewritten
// so far, which include the cell of x.
func (rw *Rewriter) Display(fset *token.FileSet, x ast.Expr, v string) ast.Expr {
	info := rw.last // x is usually a node of the cell just rewritten: no second type-check
	if info == nil || info.TypeOf(x) == nil {
		info = rw.checkAlone(fset, x)
	}
	t := info.TypeOf(x)
	if t == nil {
		return nil
	}
	r := &rewriter{fset: fset, info: info, n: rw.n, symbols: rw.Symbols}
	src, ok := (&printBuilder{r: r, spec: "%v"}).convert(v, t, 0, true)
	if !ok {
		return nil
	}
	return r.fragment(src, x.Pos())
}

// checkAlone type-checks the expression x in a function of its own, with the remembered
// declarations.
func (rw *Rewriter) checkAlone(fset *token.FileSet, x ast.Expr) *types.Info {
	use := &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, TokPos: x.Pos(), Tok: token.ASSIGN, Rhs: []ast.Expr{x}}
	f := &ast.File{Name: ast.NewIdent("main"), Decls: []ast.Decl{&ast.FuncDecl{
		Name: ast.NewIdent("_ggDisplay"),
		Type: &ast.FuncType{Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{List: []ast.Stmt{use}},
	}}}
	memory := rw.file(fset, f)
	f.Decls = append(rw.importsFor(fset, f), f.Decls...)
	if rw.imp == nil {
		rw.imp = newSourceImporter()
		rw.imp.natives = newNativeTypes(rw.Symbols)
	}
	info, _ := checkCell(fset, f, rw.imp, rw.Symbols, memory...)
	return info
}
